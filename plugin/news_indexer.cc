/** @file
 *  @brief The indexing engine: file scan, incremental checks, reader and analysis
 *  threads, and the one writer that owns the WritableDatabase.
 */
#include <sys/stat.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_indexer.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

/// A queue with a capacity: push() blocks while it is full, so a fast stage
/// cannot run ahead of a slow one and fill memory. close() wakes everyone up.
template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity, std::size_t producers) : capacity_(capacity), producers_(producers) {}

  /// False if the queue was closed (the item is dropped).
  bool push(T&& item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  /// The next item; nullopt when closed and empty, or after @p timeout without an item.
  std::optional<T> pop(std::optional<std::chrono::milliseconds> timeout = std::nullopt) {
    std::unique_lock lock(mutex_);
    const auto ready = [&] { return closed_ || !items_.empty(); };
    if (timeout) {
      if (!not_empty_.wait_for(lock, *timeout, ready)) return std::nullopt;
    } else {
      not_empty_.wait(lock, ready);
    }
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  bool finished() {
    std::lock_guard lock(mutex_);
    return closed_ && items_.empty();
  }

  /// One producer is done; the last one closes the queue.
  void producer_done() {
    std::lock_guard lock(mutex_);
    if (producers_ > 0 && --producers_ == 0) close_locked();
  }

  void close() {
    std::lock_guard lock(mutex_);
    close_locked();
  }

 private:
  void close_locked() {
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  std::size_t capacity_;
  std::size_t producers_;
  bool closed_ = false;
};

/// The state record of a file: "size mtime_ns hash path".
struct FileState {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;

  static std::optional<FileState> parse(const std::string& value, std::string* path = nullptr) {
    FileState s;
    const std::size_t a = value.find(' ');
    const std::size_t b = a == std::string::npos ? a : value.find(' ', a + 1);
    const std::size_t c = b == std::string::npos ? b : value.find(' ', b + 1);
    if (c == std::string::npos) return std::nullopt;
    try {
      s.size = std::stoull(value.substr(0, a));
      s.mtime_ns = std::stoll(value.substr(a + 1, b - a - 1));
    } catch (const std::exception&) {
      return std::nullopt;
    }
    s.hash = value.substr(b + 1, c - b - 1);
    if (path) *path = value.substr(c + 1);
    return s;
  }
};

/// One archive file of this run. Reader fields are set before its file item is
/// queued to the writer; writer fields are touched by the writer only.
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
  std::size_t count = 0;    // articles handed to the analysis threads
  bool file_error = false;  // the file as a whole could not be read
  bool truncated = false;   // reading stopped early (stop flag)

  // Writer only.
  std::size_t written = 0;  // documents written + articles dropped
  bool read_done = false, completed = false;
  std::unordered_set<std::string> ids;  // Q terms written, for a changed file's stale articles
};

struct ArticleItem {
  FileJob* job;
  NewsArticle article;
};

struct WriteItem {
  enum class Kind { document, dropped, file_read, file_unchanged } kind;
  FileJob* job;
  Xapian::Document doc;
  std::string qterm;
};

/// Thrown from the reader's article callback to abandon a file when stopping.
struct StopReading {};

const char* mime_type(const std::string& path) {
  switch (format_of(path)) {
    case ArchiveFormat::jsonl: return "application/x-ndjson";
    case ArchiveFormat::html: return "text/html";
    default: return "text/plain";
  }
}

std::string state_value(const FileJob& job) {
  return std::to_string(job.size) + ' ' + std::to_string(job.mtime_ns) + ' ' + job.hash + ' ' + job.path;
}

/// Hash of the raw bytes of @p path in 1 MiB chunks (bounded memory); nullopt if unreadable.
std::optional<std::string> hash_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string buffer(1u << 20, '\0');
  std::uint64_t h = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    h = content_hash(std::string_view(buffer.data(), n), h);
  }
  if (in.bad()) return std::nullopt;
  return hex64(h);
}

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

}  // namespace

NewsIndexer::NewsIndexer(std::string db_path, NewsIndexerOptions options)
    : db_path_(std::move(db_path)), options_(std::move(options)) {}

std::string NewsIndexer::file_state_key(const std::string& absolute_path) {
  return bounded_term(schema::kFileStateKeyPrefix, absolute_path);
}

IndexSummary NewsIndexer::run(const std::vector<std::string>& paths) {
  const auto start = Clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  const Config& config = options_.config;
  IndexSummary summary;

  std::mutex error_mutex;
  std::atomic<std::size_t> failed{0};
  const auto report = [&](const ReadError& e) {
    ++failed;
    std::lock_guard lock(error_mutex);
    if (on_error_) on_error_(e);
  };

  Xapian::WritableDatabase db;
  try {
    db = Xapian::WritableDatabase(db_path_, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("database " + db_path_ + " is locked: another process is writing to it");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open database " + db_path_ + ": " + e.get_description());
  }
  {
    const Analyzer analyzer(config.analysis);
    analyzer.check_compatible(db);  // IncompatibleIndexError: never mix terms of two analyses
    if (db.get_metadata(Analyzer::kMetadataKey) != analyzer.metadata_value()) analyzer.write_metadata(db);
  }

  // 1. Find the files; skip those whose size and mtime match their record.
  std::vector<std::unique_ptr<FileJob>> jobs;
  std::unordered_set<std::string> seen;
  IndexProgress progress;
  for (const std::string& arg : paths) {
    fs::path p = fs::absolute(fs::path(arg)).lexically_normal();
    if (!p.has_filename() && p.has_parent_path()) p = p.parent_path();
    std::error_code ec;
    const auto status = fs::status(p, ec);
    std::vector<std::pair<fs::path, fs::path>> found;  // file, root
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
        if (it->is_regular_file(ec) && format_of(it->path().string()) != ArchiveFormat::unknown)
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
      if (!seen.insert(job->path).second) continue;
      ++summary.files;
      struct stat st {};
      if (::stat(job->path.c_str(), &st) != 0) {
        report({job->path, 0, "cannot stat: " + std::string(std::strerror(errno))});
        continue;
      }
      job->root = root.string();
      job->key = file_state_key(job->path);
      job->type = mime_type(job->path);
      job->size = static_cast<std::uint64_t>(st.st_size);
      job->mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
      job->old = FileState::parse(db.get_metadata(job->key));
      if (job->old && job->old->size == job->size && job->old->mtime_ns == job->mtime_ns) {
        ++summary.unchanged_files;
        continue;
      }
      progress.bytes_to_read += job->size;
      jobs.push_back(std::move(job));
    }
  }
  progress.files_total = summary.files;
  progress.files_to_read = jobs.size();

  // 2. Prune: the articles of recorded files that no longer exist.
  if (options_.prune) {
    std::set<std::string> gone_terms;
    std::vector<std::string> gone_keys;
    const auto gone = [&](const std::string& path) {
      std::error_code ec;
      return !seen.count(path) && !fs::exists(path, ec) && !ec;
    };
    for (auto k = db.metadata_keys_begin(schema::kFileStateKeyPrefix);
         k != db.metadata_keys_end(schema::kFileStateKeyPrefix); ++k) {
      std::string path;
      if (!FileState::parse(db.get_metadata(*k), &path) || !gone(path)) continue;
      gone_keys.push_back(*k);
      gone_terms.insert(boolean_term(schema::kFilePrefix, path));
    }
    // Files never recorded (a run killed before their last commit) are found by their XFILE terms;
    // terms cut to fit Xapian's limit do not hold the whole path and rely on the record above.
    const std::string prefix = schema::kFilePrefix;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const std::string term = *t;
      if (term.size() < 200 && gone(term.substr(prefix.size()))) gone_terms.insert(term);
    }
    for (const std::string& term : gone_terms) {
      summary.deleted += db.get_termfreq(term);
      db.delete_document(term);
    }
    for (const std::string& key : gone_keys) db.set_metadata(key, std::string());
  }

  // 3. Readers → analysis threads → this thread, the writer.
  unsigned threads = options_.threads ? options_.threads : config.index.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t batch_size =
      std::max<std::size_t>(1, options_.batch_size ? options_.batch_size : config.index.batch_size);
  const std::size_t readers = std::min<std::size_t>(jobs.size(), (threads + 1) / 2);

  const NewsReader reader(news_reader_options(config));
  const ArticleExtractor extractor(config.extraction);

  const auto stopping = [&] { return options_.stop && options_.stop->load(); };
  std::atomic<bool> abort{false};
  std::atomic<std::size_t> next_job{0};
  std::atomic<std::uint64_t> bytes_read{0};
  std::atomic<std::size_t> files_read{0};
  BoundedQueue<ArticleItem> articles(8 * threads + 8, readers);
  BoundedQueue<WriteItem> writes(8 * threads + 8, readers + threads);
  if (readers == 0) articles.close();

  std::vector<std::thread> pool;
  for (std::size_t r = 0; r < readers; ++r) {
    pool.emplace_back([&] {
      for (std::size_t i; !abort && !stopping() && (i = next_job++) < jobs.size();) {
        FileJob* job = jobs[i].get();
        const auto hash = hash_file(job->path);
        if (!hash) {
          report({job->path, 0, "cannot read: " + std::string(std::strerror(errno))});
          job->file_error = true;
        } else if (job->old && job->old->hash == *hash) {
          job->hash = *hash;
          bytes_read += job->size;
          if (!writes.push({WriteItem::Kind::file_unchanged, job, {}, {}})) break;
          continue;
        } else {
          job->hash = *hash;
          try {
            reader.read_file(
                job->path, job->root,
                [&](NewsArticle&& article) {
                  if (abort || stopping()) throw StopReading{};
                  ++job->count;
                  if (!articles.push({job, std::move(article)})) throw StopReading{};
                },
                [&](ReadError&& e) {
                  if (e.line == 0) job->file_error = true;
                  report(e);
                });
          } catch (const StopReading&) {
            job->truncated = true;
          } catch (const std::exception& e) {
            report({job->path, 0, e.what()});
            job->file_error = true;
          }
          ++files_read;
        }
        bytes_read += job->size;
        if (!writes.push({WriteItem::Kind::file_read, job, {}, {}})) break;
      }
      articles.producer_done();
      writes.producer_done();
    });
  }
  std::vector<Analyzer> analyzers;  // one per thread (Xapian::Stem is not thread-safe)
  for (unsigned w = 0; w < threads; ++w) analyzers.emplace_back(config.analysis);
  for (unsigned w = 0; w < threads; ++w) {
    pool.emplace_back([&, w] {
      const Analyzer& analyzer = analyzers[w];
      NewsDocumentOptions doc_options;
      doc_options.weights = config.weights;
      doc_options.language = config.index.language;
      while (auto item = articles.pop()) {
        WriteItem out{WriteItem::Kind::document, item->job, {}, {}};
        try {
          extractor.extract(item->article);
          doc_options.file = item->job->path;
          doc_options.type = item->job->type;
          doc_options.modtime = static_cast<std::time_t>(item->job->mtime_ns / 1000000000);
          if (item->article.path.empty()) item->article.path = item->job->path;
          out.qterm = unique_term(item->article);
          out.doc = make_news_document(item->article, analyzer, doc_options);
        } catch (const std::exception& e) {
          report({item->job->path, item->article.line, std::string("cannot index article: ") + e.what()});
          out.kind = WriteItem::Kind::dropped;
        }
        if (!writes.push(std::move(out))) break;
      }
      writes.producer_done();
    });
  }
  if (readers + threads == 0) writes.close();

  std::size_t pending = 0;
  const auto commit = [&] {
    db.commit();
    ++summary.commits;
    pending = 0;
  };
  const auto complete = [&](FileJob& job) {
    if (!job.read_done || job.written < job.count || job.completed) return;
    job.completed = true;
    if (job.truncated || (job.file_error && job.count == 0)) return;  // read again next run
    if (job.old) {
      // Articles the changed file no longer has.
      const std::string term = boolean_term(schema::kFilePrefix, job.path);
      std::vector<Xapian::docid> stale;
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        auto t = db.termlist_begin(*p);
        t.skip_to(schema::kIdPrefix);
        if (t == db.termlist_end(*p) || !job.ids.count(*t)) stale.push_back(*p);
      }
      for (Xapian::docid id : stale) db.delete_document(id);
      summary.deleted += stale.size();
      job.ids.clear();
    }
    db.set_metadata(job.key, state_value(job));
  };
  const auto show = [&] {
    progress.bytes_read = bytes_read;
    progress.articles = summary.articles_added + summary.replaced;
    progress.failed = failed;
    progress.seconds = elapsed();
    if (on_progress_) on_progress_(progress);
  };

  try {
    auto last_shown = Clock::now();
    std::size_t files_done = 0;
    while (!writes.finished()) {
      auto item = writes.pop(std::chrono::milliseconds(100));
      if (item) {
        FileJob& job = *item->job;
        switch (item->kind) {
          case WriteItem::Kind::document:
            // One lookup: a new id is added without replace_document()'s second search.
            if (db.term_exists(item->qterm)) {
              ++summary.replaced;
              db.replace_document(item->qterm, item->doc);
            } else {
              ++summary.articles_added;
              db.add_document(item->doc);
            }
            if (job.old) job.ids.insert(item->qterm);
            ++job.written;
            ++pending;
            break;
          case WriteItem::Kind::dropped: ++job.written; break;
          case WriteItem::Kind::file_read:
            job.read_done = true;
            ++files_done;
            break;
          case WriteItem::Kind::file_unchanged:
            db.set_metadata(job.key, state_value(job));
            ++summary.unchanged_files;
            job.completed = true;
            ++files_done;
            break;
        }
        complete(job);
        if (pending >= batch_size) commit();
      }
      if (Clock::now() - last_shown >= std::chrono::milliseconds(100)) {
        last_shown = Clock::now();
        progress.files_done = files_done;
        show();
      }
    }
    for (std::thread& t : pool) t.join();
    pool.clear();
    commit();
    progress.files_done = files_done;
  } catch (...) {
    abort = true;
    articles.close();
    writes.close();
    for (std::thread& t : pool) t.join();
    try {
      throw;
    } catch (const Xapian::Error& e) {
      throw IndexError("writing to " + db_path_ + ": " + e.get_description());
    }
  }

  summary.files_read = files_read;
  summary.bytes_read = bytes_read;
  summary.failed = failed;
  summary.documents = db.get_doccount();
  summary.interrupted = stopping();
  summary.seconds = elapsed();
  progress.bytes_read = summary.bytes_read;
  progress.articles = summary.articles_added + summary.replaced;
  progress.failed = summary.failed;
  progress.seconds = summary.seconds;
  if (on_progress_) on_progress_(progress);
  return summary;
}

}  // namespace xapian_arabic
