/** @file
 *  @brief InflightJournal: DB.xa-inflight, the files a run has in flight.
 */
#include "index/inflight_journal.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <xapian_arabic/news_indexer.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace xapian_arabic {

namespace {

std::string record(char op, const std::string& path, std::uint64_t size, std::int64_t mtime_ns) {
  std::string r(1, op);
  r += ' ' + std::to_string(size) + ' ' + std::to_string(mtime_ns) + ' ' + path;
  r += '\0';
  return r;
}

void write_all(int fd, const std::string& bytes, const std::string& path) {
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw IndexError("cannot write " + path + ": " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

InflightJournal::Entries InflightJournal::parse(const std::string& bytes) {
  Entries entries;
  std::size_t at = 0;
  for (std::size_t end; (end = bytes.find('\0', at)) != std::string::npos; at = end + 1) {
    const std::string r = bytes.substr(at, end - at);
    const std::size_t a = r.find(' ', 2), b = a == std::string::npos ? a : r.find(' ', a + 1);
    if (r.size() < 2 || r[1] != ' ' || b == std::string::npos) continue;
    Entry e;
    e.op = r[0];
    try {
      e.size = std::stoull(r.substr(2, a - 2));
      e.mtime_ns = std::stoll(r.substr(a + 1, b - a - 1));
    } catch (const std::exception&) {
      continue;
    }
    const std::string file = r.substr(b + 1);
    if (e.op == '-')
      entries.erase(file);
    else if (e.op == '+' || e.op == '!' || e.op == '?')
      entries[file] = e;
  }
  return entries;
}

InflightJournal::InflightJournal(std::string path) : path_(std::move(path)) {
  std::ifstream in(path_, std::ios::binary);
  if (in) previous_ = parse(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

void InflightJournal::rewrite(const Entries& entries) {
  if (entries.empty()) {
    if (::unlink(path_.c_str()) != 0 && errno != ENOENT)
      throw IndexError("cannot remove " + path_ + ": " + std::strerror(errno));
    return;
  }
  std::string bytes;
  for (const auto& [file, e] : entries) bytes += record(e.op, file, e.size, e.mtime_ns);
  // A new file renamed over the old one: a crash leaves one or the other, whole.
  const std::string tmp = path_ + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw IndexError("cannot create " + tmp + ": " + std::strerror(errno));
  try {
    write_all(fd, bytes, tmp);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path_.c_str()) != 0)
    throw IndexError("cannot rename " + tmp + " to " + path_ + ": " + std::strerror(errno));
}

void InflightJournal::start(const Entries& carried) {
  rewrite(carried);
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw IndexError("cannot open " + path_ + ": " + std::strerror(errno));
}

void InflightJournal::add(char op, const std::string& path, std::uint64_t size, std::int64_t mtime_ns) noexcept {
  // One write() per record: a process that dies leaves whole records (and at worst a torn last one).
  // Best effort: a journal that cannot be written (full disk) must not stop the indexing.
  std::lock_guard lock(mutex_);
  if (fd_ < 0) return;
  try {
    write_all(fd_, record(op, path, size, mtime_ns), path_);
  } catch (const std::exception&) {
  }
}

InflightJournal::~InflightJournal() {
  if (fd_ < 0) return;
  ::close(fd_);
  try {
    std::ifstream in(path_, std::ios::binary);
    Entries left = parse(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    in.close();
    for (auto it = left.begin(); it != left.end();) it = it->second.op == '?' ? std::next(it) : left.erase(it);
    rewrite(left);
  } catch (const std::exception&) {
    // Left as it is: the next run retries its files one at a time, which is safe.
  }
}

}  // namespace xapian_arabic
