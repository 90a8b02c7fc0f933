/** @file
 *  @brief The files of one index run: the scan of the paths given, the
 *  incremental checks against the records, the suspects a run that died left in
 *  flight (InflightJournal), and --prune.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_indexer.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "index/document_terms.h"
#include "index/index_run.h"
#include "index/path_globs.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

const char* mime_type(const std::string& path) {
  switch (format_of(path)) {
    case ArchiveFormat::jsonl: return "application/x-ndjson";
    case ArchiveFormat::html: return "text/html";
    default: return "text/plain";
  }
}

/// The bytes of text in @p path of @p size bytes: for a .gz, the uncompressed size its trailer
/// records (modulo 4 GiB and of the last member only, so a lower bound of sorts; never below the
/// compressed size).
std::uint64_t text_size(const std::string& path, std::uint64_t size) {
  if (size < 18 || !path.ends_with(".gz")) return size;
  struct Fd {
    int fd;
    ~Fd() {
      if (fd >= 0) ::close(fd);
    }
  } file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
  unsigned char isize[4];
  if (file.fd < 0 || ::pread(file.fd, isize, 4, static_cast<off_t>(size - 4)) != 4) return size;
  const std::uint64_t uncompressed = isize[0] | isize[1] << 8 | isize[2] << 16 | std::uint64_t{isize[3]} << 24;
  return std::max(size, uncompressed);
}

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

}  // namespace

std::string state_value(const FileJob& job) {
  return std::to_string(job.size) + ' ' + std::to_string(job.mtime_ns) + ' ' + job.hash + ' ' + job.path;
}

/// The database folder as an absolute path without a trailing slash.
std::string normal_folder(const std::string& path) {
  fs::path p = fs::absolute(fs::path(path)).lexically_normal();
  if (!p.has_filename() && p.has_parent_path()) p = p.parent_path();
  return p.string();
}

void IndexRun::sort_out_suspects() {
  InflightJournal::Entries carried = journal_->previous();  // files not in this run stay suspects
  std::vector<std::unique_ptr<FileJob>> suspects;
  std::size_t kept = 0;
  bool recorded = false;
  for (std::unique_ptr<FileJob>& job : jobs_) {
    const auto it = carried.find(job->path);
    if (it == carried.end()) {
      jobs_[kept++] = std::move(job);
      continue;
    }
    const InflightJournal::Entry entry = it->second;
    const bool unchanged = entry.size == job->size && entry.mtime_ns == job->mtime_ns;
    if (entry.op == '!' && unchanged) {
      // In flight alone, retried alone, when a run died: it was what killed it.
      job->hash = kCrashedHash;
      db_.set_metadata(job->key, state_value(*job));
      report({job->path, 0, "crashed the indexer in an earlier run; not retried until it changes"});
      carried.erase(it);
      recorded = true;
      --progress_.files_to_read;
      progress_.bytes_to_read -= job->size;
      continue;
    }
    it->second = {'?', job->size, job->mtime_ns};
    job->suspect = true;
    suspects.push_back(std::move(job));
  }
  jobs_.resize(kept);
  first_suspect_ = kept;
  for (std::unique_ptr<FileJob>& job : suspects) jobs_.push_back(std::move(job));
  if (recorded) db_.commit();
  journal_->start(carried);
}

void IndexRun::find_files(const std::vector<std::string>& paths) {
  // Skip the files whose size and mtime match their record.
  for (const std::string& arg : paths) {
    const fs::path p = normal_folder(arg);
    std::error_code ec;
    const auto status = fs::status(p, ec);
    std::vector<std::pair<fs::path, fs::path>> found;  // file, root
    if (ec == std::errc::too_many_symbolic_link_levels) {
      report({arg, 0, "symbolic link loop"});
      continue;
    }
    if (ec && ec != std::errc::no_such_file_or_directory) {
      report({arg, 0, "cannot stat: " + ec.message()});
      continue;
    }
    if (ec || !fs::exists(status)) {
      report({arg, 0, "no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) report({arg, 0, "cannot list folder: " + ec.message()});
      for (; !ec && it != end; it.increment(ec)) {
        if (hidden(it->path())) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && format_of(it->path().string()) != ArchiveFormat::unknown &&
            path_selected(it->path().lexically_relative(p).generic_string(), options_.include, options_.exclude))
          found.emplace_back(it->path(), p);
      }
      if (ec) report({p.string(), 0, "cannot list folder: " + ec.message()});
      std::sort(found.begin(), found.end());
    } else if (fs::is_regular_file(status)) {
      found.emplace_back(p, p.parent_path());
    } else {
      report({arg, 0, "not a regular file or folder"});
    }
    for (auto& [file, root] : found) {
      auto job = std::make_unique<FileJob>();
      job->path = file.string();
      if (!seen_.insert(job->path).second) continue;
      ++summary_.files;
      struct stat st {};
      if (::stat(job->path.c_str(), &st) != 0) {
        report({job->path, 0, "cannot stat: " + std::string(std::strerror(errno))});
        continue;
      }
      job->root = root.string();
      job->key = NewsIndexer::file_state_key(job->path);
      job->type = mime_type(job->path);
      job->size = static_cast<std::uint64_t>(st.st_size);
      job->mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
      job->old = FileState::parse(db_.get_metadata(job->key));
      if (job->old && job->old->size == job->size && job->old->mtime_ns == job->mtime_ns) {
        if (job->old->hash == kCrashedHash)
          report({job->path, 0, "crashed the indexer in an earlier run; not retried until it changes"});
        else
          ++summary_.unchanged_files;
        continue;
      }
      progress_.bytes_to_read += job->size;
      text_bytes_ += text_size(job->path, job->size);
      jobs_.push_back(std::move(job));
    }
  }
  progress_.files_total = summary_.files;
  progress_.files_to_read = jobs_.size();
}

void IndexRun::prune() {
  // The articles of recorded files that no longer exist.
  std::set<std::string> gone_terms;
  std::vector<std::string> gone_keys;
  const auto gone = [&](const std::string& path) {
    std::error_code ec;
    return !seen_.count(path) && !fs::exists(path, ec) && !ec;
  };
  for (auto k = db_.metadata_keys_begin(schema::kFileStateKeyPrefix);
       k != db_.metadata_keys_end(schema::kFileStateKeyPrefix); ++k) {
    std::string path;
    if (!FileState::parse(db_.get_metadata(*k), &path) || !gone(path)) continue;
    gone_keys.push_back(*k);
    gone_terms.insert(boolean_term(schema::kFilePrefix, path));
  }
  // Files never recorded (a run killed before their last commit) are found by their XFILE terms;
  // terms cut to fit Xapian's limit do not hold the whole path and rely on the record above.
  const std::string prefix = schema::kFilePrefix;
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
    const std::string term = *t;
    if (term.size() < 200 && gone(term.substr(prefix.size()))) gone_terms.insert(term);
  }
  for (const std::string& term : gone_terms) {
    summary_.deleted += db_.get_termfreq(term);
    db_.delete_document(term);
  }
  for (const std::string& key : gone_keys) db_.set_metadata(key, std::string());
}

}  // namespace xapian_arabic
