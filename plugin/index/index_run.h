/** @file
 *  @brief One NewsIndexer::run(): the files to read, the reader and analysis
 *  stages, and the two ways of writing (one writer, or parallel shards).
 *
 *  index_scan.cc holds the scan, the incremental checks and --prune;
 *  news_indexer.cc the passes, the readers, the analysis and the one-writer
 *  path; sharded_write.cc the parallel-write path.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_indexer.h>
#include <xapian_arabic/surface_synonyms.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "index/bounded_queue.h"
#include "index/inflight_journal.h"
#include "index/run_lock.h"
#include "index/shard_routing.h"

namespace xapian_arabic {

/// The state record of a file: "size mtime_ns hash path".
struct FileState {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;

  static std::optional<FileState> parse(const std::string& value, std::string* path = nullptr);
};

/// The hash of the record of a file that crashed the indexer (InflightJournal): a file whose
/// size and mtime still match is not read again.
inline constexpr const char* kCrashedHash = "crashed";

/// One archive file of this run. Reader fields are final once reading_finished
/// is set (release); writer fields belong to the thread that writes records.
struct FileJob {
  std::string path;  // absolute, lexically normal
  std::string root;  // folder that ids are relative to
  std::string key;   // metadata key of its state record
  std::string type;  // MIME type for the document data
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::optional<FileState> old;  // the record of an earlier run

  // Set by the reader.
  std::string hash;
  std::size_t count = 0;      // articles handed to the analysis threads
  bool file_error = false;    // the file as a whole could not be read
  bool truncated = false;     // reading stopped early (stop flag)
  bool same_content = false;  // size or mtime changed but not the bytes: only the record is rewritten
  std::atomic<bool> reading_finished{false};
  bool suspect = false;                   // in flight when an earlier run died: retried alone
  std::atomic<std::size_t> in_flight{0};  // 1 while reading + its articles not analysed yet

  // Writer side.
  std::size_t written = 0;  // documents written (and committed, with shards) + articles dropped
  bool completed = false;
  std::mutex ids_mutex;                 // analysis threads add ids when writing shards
  std::unordered_set<std::string> ids;  // Q terms written, for a changed file's stale articles

  /// The file's record can be written: every article it had is in the database.
  bool all_written() const { return reading_finished.load(std::memory_order_acquire) && written == count; }
};

/// The record of @p job as stored in its metadata key: "size mtime_ns hash path".
std::string state_value(const FileJob& job);

/// @p path as an absolute, lexically normal path without a trailing slash.
std::string normal_folder(const std::string& path);

struct ArticleItem {
  FileJob* job;
  NewsArticle article;
};

/// What the one writer is handed: an analysed article, or news of a file.
struct WriteItem {
  enum class Kind { document, dropped, file_finished } kind;
  FileJob* job;
  Xapian::Document doc;
  std::string qterm;
  SynonymPairs synonyms;  // the pairs of words new to the analysing thread; none unless [index] synonyms
};

class IndexRun {
 public:
  /// Indexes the articles @p routing keeps into @p db_path. The runs of the other shards of a
  /// sharded index read the same files: only the one with @p file_errors reports their errors.
  IndexRun(const std::string& db_path, const NewsIndexerOptions& options, const NewsIndexer::ErrorHandler& on_error,
           const NewsIndexer::ProgressHandler& on_progress, Routing routing = {}, bool file_errors = true);
  IndexSummary run(const std::vector<std::string>& paths);

 private:
  using Clock = std::chrono::steady_clock;

  IndexSummary index(const std::vector<std::string>& paths);  // run() under the run lock
  void open_database();
  void sort_out_suspects();                                          // the files in flight when a run died
  void run_pass(std::size_t begin, std::size_t end, bool parallel);  // reads and writes jobs_[begin, end)
  void article_done(FileJob& job);
  void find_files(const std::vector<std::string>& paths);
  void prune();
  bool choose_parallel_write();
  void start_readers(std::size_t readers);
  void read_file(FileJob& job);
  WriteItem analyse(ArticleItem& item, unsigned worker);  // with analyzers_[worker]
  void file_finished(FileJob& job);
  void write_one_writer();
  void write_sharded();                                          // sharded_write.cc
  void finish_file(Xapian::WritableDatabase& db, FileJob& job);  // record + a changed file's stale articles
  void report(const ReadError& e, bool of_article = false);      // of_article: an analysis error, not the file's
  void show_progress();
  bool stopping() const { return options_.stop && options_.stop->load(); }
  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  const Routing routing_;
  const bool file_errors_;
  const std::string db_name_;   // as the caller gave it, for messages
  const std::string db_path_;   // absolute, no trailing slash
  const std::string work_dir_;  // beside the database: shards and merges of the parallel path
  const NewsIndexerOptions& options_;
  const Config& config_;
  const NewsIndexer::ErrorHandler& on_error_;
  const NewsIndexer::ProgressHandler& on_progress_;
  const Clock::time_point start_ = Clock::now();

  std::optional<RunLock> lock_;  // before db_: released only after the database is closed
  std::optional<InflightJournal> journal_;
  Xapian::WritableDatabase db_;
  std::vector<std::unique_ptr<FileJob>> jobs_;  // the suspects last, from first_suspect_
  std::size_t first_suspect_ = 0;
  std::size_t jobs_end_ = 0;  // of the pass being run
  std::unordered_set<std::string> seen_;
  IndexSummary summary_;
  IndexProgress progress_;
  unsigned threads_ = 1;
  std::size_t batch_size_ = 1;
  std::uint64_t text_bytes_ = 0;  // of the files to read, uncompressed: for the free-space check

  std::mutex error_mutex_;
  std::atomic<std::size_t> failed_{0};
  std::atomic<bool> abort_{false};
  std::atomic<std::size_t> next_job_{0};
  std::atomic<std::uint64_t> bytes_read_{0};
  std::atomic<std::size_t> files_read_{0};
  std::atomic<std::size_t> files_finished_{0};     // read, failed or found unchanged
  std::atomic<std::size_t> documents_written_{0};  // for progress

  std::optional<NewsReader> reader_;
  std::optional<ArticleExtractor> extractor_;
  std::vector<Analyzer> analyzers_;  // one per thread (Xapian::Stem is not thread-safe)
  // One per thread, for the whole run: a word recorded once gives no synonym pairs again.
  std::vector<SurfaceSynonyms> synonym_recorders_;
  std::unique_ptr<BoundedQueue<ArticleItem>> articles_;
  std::unique_ptr<BoundedQueue<WriteItem>> writes_;  // one-writer path only
  std::vector<std::thread> readers_;
};

}  // namespace xapian_arabic
