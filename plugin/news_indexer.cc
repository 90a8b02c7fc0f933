/** @file
 *  @brief The indexing engine: file scan, incremental checks, reader and analysis
 *  threads, and the one-writer path (the parallel path is in sharded_write.cc).
 */
#include <sys/stat.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_indexer.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "database_merge.h"
#include "index_run.h"
#include "path_globs.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

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

/// The database folder as an absolute path without a trailing slash.
std::string normal_folder(const std::string& path) {
  fs::path p = fs::absolute(fs::path(path)).lexically_normal();
  if (!p.has_filename() && p.has_parent_path()) p = p.parent_path();
  return p.string();
}

}  // namespace

std::optional<FileState> FileState::parse(const std::string& value, std::string* path) {
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

NewsIndexer::NewsIndexer(std::string db_path, NewsIndexerOptions options)
    : db_path_(std::move(db_path)), options_(std::move(options)) {}

std::string NewsIndexer::file_state_key(const std::string& absolute_path) {
  return bounded_term(schema::kFileStateKeyPrefix, absolute_path);
}

IndexSummary NewsIndexer::run(const std::vector<std::string>& paths) {
  return IndexRun(db_path_, options_, on_error_, on_progress_).run(paths);
}

IndexRun::IndexRun(const std::string& db_path, const NewsIndexerOptions& options,
                   const NewsIndexer::ErrorHandler& on_error, const NewsIndexer::ProgressHandler& on_progress)
    : db_name_(db_path),
      db_path_(normal_folder(db_path)),
      work_dir_(db_path_ + ".xa-build"),
      options_(options),
      config_(options.config),
      on_error_(on_error),
      on_progress_(on_progress) {}

void IndexRun::report(const ReadError& e) {
  if (!e.warning) ++failed_;  // a warning's article is indexed: it did not fail
  std::lock_guard lock(error_mutex_);
  if (on_error_) on_error_(e);
}

void IndexRun::show_progress() {
  progress_.files_done = files_finished_;
  progress_.bytes_read = bytes_read_;
  progress_.articles = documents_written_;
  progress_.failed = failed_;
  progress_.seconds = elapsed();
  if (on_progress_) on_progress_(progress_);
}

IndexSummary IndexRun::run(const std::vector<std::string>& paths) {
  open_database();
  find_files(paths);
  if (options_.prune) prune();

  threads_ = options_.threads ? options_.threads : config_.index.threads;
  if (threads_ == 0) threads_ = std::max(1u, std::thread::hardware_concurrency());
  batch_size_ = std::max<std::size_t>(1, options_.batch_size ? options_.batch_size : config_.index.batch_size);
  NewsReaderOptions reader_options = news_reader_options(config_);
  // Asked between chunks, so a stop ends even a file of one huge line promptly.
  reader_options.stop_requested = [this] { return abort_ || stopping(); };
  reader_.emplace(reader_options);
  extractor_.emplace(config_.extraction);
  for (unsigned w = 0; w < threads_; ++w) analyzers_.emplace_back(config_.analysis);

  const bool parallel = choose_parallel_write();
  const std::size_t readers = std::min<std::size_t>(jobs_.size(), (threads_ + 1) / 2);
  articles_ = std::make_unique<BoundedQueue<ArticleItem>>(8 * threads_ + 8, readers);
  if (readers == 0) articles_->close();
  if (!parallel) writes_ = std::make_unique<BoundedQueue<WriteItem>>(8 * threads_ + 8, readers + threads_);
  try {
    start_readers(readers);
    if (parallel)
      write_sharded();
    else
      write_one_writer();
  } catch (...) {
    abort_ = true;
    articles_->close();
    if (writes_) writes_->close();
    for (std::thread& t : readers_) t.join();
    readers_.clear();
    try {
      throw;
    } catch (const Xapian::Error& e) {
      throw IndexError("writing to " + db_name_ + ": " + e.get_description());
    } catch (const std::system_error& e) {
      throw IndexError("writing to " + db_name_ + ": " + e.what());
    }
  }
  for (std::thread& t : readers_) t.join();
  readers_.clear();

  summary_.files_read = files_read_;
  summary_.bytes_read = bytes_read_;
  summary_.failed = failed_;
  summary_.documents = db_.get_doccount();
  summary_.interrupted = stopping();
  summary_.seconds = elapsed();
  show_progress();
  return summary_;
}

void IndexRun::open_database() {
  try {
    db_ = Xapian::WritableDatabase(db_path_, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("database " + db_name_ + " is locked: another process is writing to it");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open database " + db_name_ + ": " + e.get_description());
  }
  const Analyzer analyzer(config_.analysis);
  analyzer.check_compatible(db_);  // IncompatibleIndexError: never mix terms of two analyses
  // Also gives an index of 0.1.0 (a fingerprint only) its settings, and records moved tables.
  if (db_.get_metadata(Analyzer::kMetadataKey) != analyzer.metadata_value() ||
      db_.get_metadata(Analyzer::kSettingsMetadataKey) != analyzer.settings_toml())
    analyzer.write_metadata(db_);
  // Shards or a merge left by a run that was killed: we hold the lock, so no run is using them.
  std::error_code ec;
  fs::remove_all(work_dir_, ec);
}

void IndexRun::find_files(const std::vector<std::string>& paths) {
  // Skip the files whose size and mtime match their record.
  for (const std::string& arg : paths) {
    const fs::path p = normal_folder(arg);
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
        ++summary_.unchanged_files;
        continue;
      }
      progress_.bytes_to_read += job->size;
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

bool IndexRun::choose_parallel_write() {
  const ParallelWrite mode = config_.index.parallel_write;
  if (mode == ParallelWrite::never || threads_ < 2 || jobs_.empty()) return false;
  // A merge copies the whole database: with a big database and little input, one writer is faster.
  if (mode == ParallelWrite::automatic && db_.get_doccount() > 0 &&
      progress_.bytes_to_read * 10 < folder_bytes(db_path_))
    return false;
  db_.commit();  // the merges read the database as committed: metadata and pruning first
  if (!merge_unsupported_reason(db_path_, work_dir_, progress_.bytes_to_read).empty()) {
    std::error_code ec;
    fs::remove_all(work_dir_, ec);
    return false;
  }
  summary_.writers = threads_;
  return true;
}

void IndexRun::start_readers(std::size_t readers) {
  for (std::size_t r = 0; r < readers; ++r) {
    readers_.emplace_back([this] {
      for (std::size_t i; !abort_ && !stopping() && (i = next_job_++) < jobs_.size();) read_file(*jobs_[i]);
      articles_->producer_done();
      if (writes_) writes_->producer_done();
    });
  }
}

void IndexRun::read_file(FileJob& job) {
  std::uint64_t counted = 0;  // bytes of this file already in bytes_read_: progress inside one big file
  const auto count_bytes = [&](std::uint64_t consumed) {
    consumed = std::min(consumed, job.size);
    if (consumed > counted) bytes_read_ += consumed - counted, counted = consumed;
  };
  const auto hash = hash_file(job.path);
  if (!hash) {
    report({job.path, 0, "cannot read: " + std::string(std::strerror(errno))});
    job.file_error = true;
  } else if (job.old && job.old->hash == *hash) {
    job.hash = *hash;
    job.same_content = true;
  } else {
    job.hash = *hash;
    try {
      reader_->read_file(
          job.path, job.root,
          [&](NewsArticle&& article) {
            if (abort_ || stopping()) throw StopReading{};
            ++job.count;
            if (!articles_->push({&job, std::move(article)})) throw StopReading{};
          },
          [&](ReadError&& e) {
            if (e.line == 0 && !e.warning) job.file_error = true;
            report(e);
          },
          count_bytes);
      if (abort_ || stopping()) job.truncated = true;  // the reader may have returned early, asked to stop
    } catch (const StopReading&) {
      job.truncated = true;
    } catch (const std::exception& e) {
      report({job.path, 0, e.what()});
      job.file_error = true;
    }
    ++files_read_;
  }
  if (!job.truncated) count_bytes(job.size);  // a stopped file counts what was read of it
  file_finished(job);
}

void IndexRun::file_finished(FileJob& job) {
  job.reading_finished.store(true, std::memory_order_release);
  ++files_finished_;
  if (writes_) writes_->push({WriteItem::Kind::file_finished, &job, {}, {}});
}

WriteItem IndexRun::analyse(ArticleItem& item, const Analyzer& analyzer) {
  WriteItem out{WriteItem::Kind::document, item.job, {}, {}};
  try {
    NewsDocumentOptions doc_options;
    doc_options.weights = config_.weights;
    doc_options.language = config_.index.language;
    doc_options.file = item.job->path;
    doc_options.type = item.job->type;
    doc_options.modtime = static_cast<std::time_t>(item.job->mtime_ns / 1000000000);
    extractor_->extract(item.article);
    if (item.article.path.empty()) item.article.path = item.job->path;
    out.qterm = unique_term(item.article);
    out.doc = make_news_document(item.article, analyzer, doc_options);
  } catch (const std::exception& e) {
    report({item.job->path, item.article.line, std::string("cannot index article: ") + e.what()});
    out.kind = WriteItem::Kind::dropped;
  }
  return out;
}

void IndexRun::finish_file(Xapian::WritableDatabase& db, FileJob& job) {
  job.completed = true;
  if (job.same_content) {
    db.set_metadata(job.key, state_value(job));
    ++summary_.unchanged_files;
    return;
  }
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
    summary_.deleted += stale.size();
    job.ids.clear();
  }
  db.set_metadata(job.key, state_value(job));
}

void IndexRun::write_one_writer() {
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < threads_; ++w) {
    workers.emplace_back([this, w] {
      while (auto item = articles_->pop())
        if (!writes_->push(analyse(*item, analyzers_[w]))) break;
      writes_->producer_done();
    });
  }

  std::size_t pending = 0;
  const auto commit = [&] {
    db_.commit();
    ++summary_.commits;
    pending = 0;
  };
  try {
    auto last_shown = Clock::now();
    while (!writes_->finished()) {
      if (auto item = writes_->pop(std::chrono::milliseconds(100))) {
        FileJob& job = *item->job;
        if (item->kind == WriteItem::Kind::document) {
          // One lookup: a new id is added without replace_document()'s second search.
          if (db_.term_exists(item->qterm)) {
            ++summary_.replaced;
            db_.replace_document(item->qterm, item->doc);
          } else {
            ++summary_.articles_added;
            db_.add_document(item->doc);
          }
          if (job.old) job.ids.insert(item->qterm);
          ++documents_written_;
          ++pending;
        }
        if (item->kind != WriteItem::Kind::file_finished) ++job.written;
        if (!job.completed && job.all_written()) finish_file(db_, job);
        if (pending >= batch_size_) commit();
      }
      if (Clock::now() - last_shown >= std::chrono::milliseconds(100)) {
        last_shown = Clock::now();
        show_progress();
      }
    }
  } catch (...) {
    abort_ = true;
    articles_->close();
    writes_->close();
    for (std::thread& t : workers) t.join();
    throw;
  }
  for (std::thread& t : workers) t.join();
  commit();
}

}  // namespace xapian_arabic
