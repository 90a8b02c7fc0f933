/** @file
 *  @brief Indexes news archives (folders of text, JSON Lines, HTML and .gz files)
 *  into a Xapian database, incrementally and in parallel.
 *
 *  Contract:
 *  - One document per article (make_news_document), replaced on its Q term, so
 *    reindexing never duplicates an article.
 *  - A file whose size and mtime match what the database records is not read;
 *    if they differ but the content hash matches, only the record is updated.
 *    A changed file's articles are replaced and the ones it no longer has are
 *    deleted; with prune, the articles of files that no longer exist are deleted.
 *  - Reader threads read and parse files, analysis threads extract and analyze
 *    articles. With one writer, the thread calling run() is the only one that
 *    touches the database; with parallel writers ([index] parallel_write) each
 *    analysis thread writes a temporary shard of its own, and the run's thread
 *    merges database + shards at each commit and swaps the result in atomically
 *    (docs/indexing.md). Queues are bounded, so memory is bounded by the batch
 *    size, not by the archive size.
 *  - The first commit comes after batch_size documents; with one writer every
 *    batch_size documents after that, with parallel writers whenever the new
 *    documents reach batch_size and the number already in the database (so each
 *    document is copied about twice across merges); and one at the end. A file's
 *    record is written in the same commit as its last document, never earlier:
 *    after a crash the database holds its last commit and the next run completes it.
 *  - Setting the stop flag stops reading; the articles already read are written
 *    and committed, and run() returns with interrupted set.
 *  - Bad files and records go to the error handler (file, line, reason) and are
 *    counted; indexing goes on.
 *
 *  - One run at a time per database: run() holds an flock() on DB.xa-lock
 *    beside the database from before it opens the database to its end; a
 *    second run() on it, in this process or another, throws IndexError
 *    ("... is locked") at once.
 *  - A file that kills the process is retried alone by the next run (the
 *    files in flight are journaled in DB.xa-inflight), and recorded as crashed
 *    if it kills that one too (docs/indexing.md).
 *
 *  - Sharded (options.shards > 1, or a database that is a sharded index): every
 *    article goes to one shard, picked by a stable hash of its Q term, so it is never
 *    in two shards; each shard is a normal database with all of the above (its own
 *    lock, journal, parallel writers, file records); DB/XAPIANDB lists them.
 *
 *  Thread safety: one run() at a time per NewsIndexer; handlers are called
 *  from one thread at a time.
 */
#pragma once

#include <xapian_arabic/config.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/news_reader.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace xapian_arabic {

/// A fatal indexing error: the database cannot be opened, is locked, or was built otherwise.
class XAPIAN_ARABIC_API IndexError : public Error {
 public:
  using Error::Error;
};

struct NewsIndexerOptions {
  Config config = Config::defaults();       ///< analysis, [index], [weights], [sources], [dates], [jsonl]
  unsigned threads = 0;                     ///< analysis threads; 0 = config [index] threads, then the number of cores
  std::size_t batch_size = 0;               ///< documents per commit; 0 = config [index] batch_size
  bool prune = false;                       ///< delete the articles of recorded files that no longer exist
  const std::atomic<bool>* stop = nullptr;  ///< when it becomes true: stop reading, commit what is complete
  /// Globs (fnmatch(3), '*' matching '/' too) on the path of each file found in a folder, relative
  /// to that folder: with any include, only files matching one are read; a file matching an exclude
  /// is not read. Files named in run()'s paths themselves are always read.
  std::vector<std::string> include, exclude;
  /// Shards of a sharded index (a folder of shard-K databases and the stub XAPIANDB listing
  /// them): each article goes to the shard a stable hash of its Q term picks. 0 = as the
  /// database is (its shards, or one database for a new one); another number than an existing
  /// sharded index has is an IndexError.
  unsigned shards = 0;
  /// This run indexes only the articles of partition @p partition of @p partitions (another
  /// stable hash of the Q term), so that N machines each index their part of one archive.
  unsigned partition = 0, partitions = 1;
};

/// Where a run is; handed to the progress handler about 10 times a second.
struct IndexProgress {
  std::size_t files_total = 0;      ///< input files found
  std::size_t files_to_read = 0;    ///< of which new or changed (size or mtime)
  std::size_t files_done = 0;       ///< of those, read and written (or failed)
  std::uint64_t bytes_to_read = 0;  ///< bytes of the files to read
  std::uint64_t bytes_read = 0;
  std::size_t articles = 0;  ///< documents written
  std::size_t failed = 0;    ///< errors reported
  double seconds = 0;
};

struct IndexSummary {
  std::size_t files = 0;            ///< input files found
  std::size_t files_read = 0;       ///< files read and parsed
  std::size_t unchanged_files = 0;  ///< files skipped: same size and mtime, or same content hash
  std::size_t articles_added = 0;   ///< documents with a new Q term
  std::size_t replaced = 0;         ///< documents that replaced one with the same Q term
  std::size_t deleted = 0;          ///< documents deleted: pruned files, articles gone from changed files
  std::size_t failed = 0;           ///< errors reported (a bad file counts 1, each bad record 1)
  std::uint64_t bytes_read = 0;
  std::size_t commits = 0;
  unsigned writers = 1;       ///< 1, or the shards written in parallel and merged at each commit
  unsigned shards = 1;        ///< databases of a sharded index, each indexed in turn
  std::size_t documents = 0;  ///< documents in the database at the end
  double seconds = 0;
  bool interrupted = false;  ///< the stop flag ended the run early
};

class XAPIAN_ARABIC_API NewsIndexer {
 public:
  using ErrorHandler = std::function<void(const ReadError&)>;
  using ProgressHandler = std::function<void(const IndexProgress&)>;

  /// Indexes into the database at @p db_path (created if missing).
  NewsIndexer(std::string db_path, NewsIndexerOptions options = {});

  ~NewsIndexer();
  NewsIndexer(NewsIndexer&&) noexcept;
  NewsIndexer& operator=(NewsIndexer&&) noexcept;

  void set_error_handler(ErrorHandler handler);
  void set_progress_handler(ProgressHandler handler);

  /// Indexes every archive file in @p paths (folders recursively; hidden entries
  /// and files of unknown format inside folders are skipped). Article ids of
  /// files without their own id are made relative to the folder named in @p paths.
  /// Throws IndexError (or IncompatibleIndexError) if the database cannot be used.
  /// A sharded index is indexed one shard after the other, under a lock on the whole set;
  /// each shard reads every file and keeps its own articles (docs/scaling.md).
  IndexSummary run(const std::vector<std::string>& paths);

  /// The metadata key of the state record of @p absolute_path (schema::kFileStateKeyPrefix + path).
  static std::string file_state_key(const std::string& absolute_path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xapian_arabic
