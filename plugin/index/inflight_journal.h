/** @file
 *  @brief The files an index run has in flight (being read or analysed), kept
 *  in DB.xa-inflight beside the database, so that a file that kills the
 *  process (a parser bug, the OOM killer) cannot stop the archive.
 *
 *  The journal is append-only while a run holds the run lock: one record when
 *  a file is started, one when its last article is analysed. A run that ends
 *  in an orderly way (done, stopped, or an error it reports) deletes it. A run
 *  that finds one was left behind knows the previous run died, and which files
 *  were in flight: it indexes everything else first and then retries those
 *  suspects one at a time, each alone and committed. A file that was in flight
 *  alone while being retried died twice with it: it is recorded as crashed.
 *
 *  Records end with a NUL byte (paths may hold newlines, never NUL):
 *  "<op> <size> <mtime_ns> <path>\0", op '+' started, '!' started alone as a
 *  retried suspect, '?' a suspect carried over from an earlier run, '-' done.
 *  A torn last record (the process died inside write()) is ignored.
 */
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace xapian_arabic {

class InflightJournal {
 public:
  struct Entry {
    char op = '+';  // '+', '!' or '?'
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
  };
  using Entries = std::map<std::string, Entry>;  // path -> its last record, '-' removed

  /// @p path: the journal file (DB.xa-inflight). Call only under the run lock.
  explicit InflightJournal(std::string path);
  /// An orderly end: keeps only the suspects not retried yet ('?'), or deletes the file.
  ~InflightJournal();
  InflightJournal(const InflightJournal&) = delete;
  InflightJournal& operator=(const InflightJournal&) = delete;

  /// What a run that died left in flight (empty if the last run ended in order).
  const Entries& previous() const { return previous_; }

  /// Starts this run's journal with @p carried as '?' records.
  void start(const Entries& carried);
  void add(char op, const std::string& path, std::uint64_t size, std::int64_t mtime_ns) noexcept;
  void done(const std::string& path) noexcept { add('-', path, 0, 0); }

  static Entries parse(const std::string& bytes);

 private:
  void rewrite(const Entries& entries);

  const std::string path_;
  Entries previous_;
  std::mutex mutex_;
  int fd_ = -1;
};

}  // namespace xapian_arabic
