/** @file
 *  @brief The indexing engine: the run under its lock, the passes (the suspects
 *  of a crashed run last, one at a time), reader and analysis threads, and the
 *  one-writer path (the scan is in index_scan.cc, the parallel path in
 *  sharded_write.cc). Just over 400 lines: the run from lock to last commit is one sequence.
 */
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_indexer.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <variant>

#include "index/database_merge.h"
#include "index/document_terms.h"
#include "index/index_run.h"
#include "news/news_input.h"
#include "xapian/derived_form_synonyms.h"
#include "xapian/name_synonyms.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

/// Thrown from the reader's article callback to abandon a file when stopping.
struct StopReading {};

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

IndexRun::IndexRun(const std::string& db_path, const NewsIndexerOptions& options,
                   const NewsIndexer::ErrorHandler& on_error, const NewsIndexer::ProgressHandler& on_progress,
                   Routing routing, bool file_errors)
    : routing_(routing),
      file_errors_(file_errors),
      db_name_(db_path),
      db_path_(normal_folder(db_path)),
      work_dir_(db_path_ + ".xa-build"),
      options_(options),
      config_(options.config),
      on_error_(on_error),
      on_progress_(on_progress) {}

void IndexRun::report(const ReadError& e, bool of_article) {
  if (!of_article && !file_errors_) return;  // another shard's run reports (and counts) it
  if (!e.warning) ++failed_;                 // a warning's article is indexed: it did not fail
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
  // Before the database is opened, and held to the end: merges close the database (and with it
  // Xapian's own lock) while they exchange folders.
  lock_.emplace(db_path_, db_name_);
  // Xapian reads blocks lazily, so a damaged table can surface anywhere, not only at the open;
  // Xapian::Error is no std::exception, and its message does not say which database it is.
  try {
    return index(paths);
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw IndexError("database " + db_name_ + " is damaged: " + e.get_description());
  } catch (const Xapian::Error& e) {
    throw IndexError("database " + db_name_ + ": " + e.get_description());
  }
}

IndexSummary IndexRun::index(const std::vector<std::string>& paths) {
  open_database();
  find_files(paths);
  journal_.emplace(db_path_ + ".xa-inflight");
  sort_out_suspects();
  if (options_.prune) prune();

  threads_ = options_.threads ? options_.threads : config_.index.threads;
  if (threads_ == 0) threads_ = std::max(1u, std::thread::hardware_concurrency());
  batch_size_ = std::max<std::size_t>(1, options_.batch_size ? options_.batch_size : config_.index.batch_size);
  NewsReaderOptions reader_options = config_.reader_options();
  // Asked between chunks, so a stop ends even a file of one huge line promptly.
  reader_options.stop_requested = [this] { return abort_ || stopping(); };
  reader_.emplace(reader_options);
  extractor_.emplace(config_.extraction);
  for (unsigned w = 0; w < threads_; ++w) analyzers_.emplace_back(config_.analysis, config_.index.layout);
  synonym_recorders_.resize(threads_);

  run_pass(0, first_suspect_, choose_parallel_write());
  // The files in flight when a run died, each alone and committed: if one kills this run too, the
  // journal shows it alone in flight, and the next run records it instead of dying again.
  for (std::size_t i = first_suspect_; i < jobs_.size() && !stopping(); ++i) run_pass(i, i + 1, false);

  summary_.files_read = files_read_;
  summary_.bytes_read = bytes_read_;
  summary_.failed = failed_;
  summary_.documents = db_.get_doccount();
  summary_.interrupted = stopping();
  summary_.seconds = elapsed();
  show_progress();
  return summary_;
}

void IndexRun::run_pass(std::size_t begin, std::size_t end, bool parallel) {
  if (begin == end) return;
  next_job_ = begin;
  jobs_end_ = end;
  const std::size_t readers = std::min<std::size_t>(end - begin, (threads_ + 1) / 2);
  articles_ = std::make_unique<BoundedQueue<ArticleItem>>(8 * threads_ + 8, readers);
  writes_.reset();
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
}

void IndexRun::article_done(FileJob& job) {
  if (--job.in_flight == 0) journal_->done(job.path);
}

void IndexRun::open_database() {
  try {
    db_ = Xapian::WritableDatabase(db_path_, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("database " + db_name_ + " is locked: another process is writing to it");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open database " + db_name_ + ": " + e.get_description());
  }
  const Analyzer analyzer(config_.analysis, config_.index.layout);
  analyzer.check_compatible(db_);  // IncompatibleIndexError: never mix terms of two analyses or layouts
  // A database holds one part of an archive: another part added to it would be in two places.
  const std::string routing = db_.get_metadata(kRoutingMetadataKey);
  const std::string mine = routing_.everything() ? std::string() : routing_.description();
  if (routing != mine && db_.get_doccount() > 0)
    throw IndexError("database " + db_name_ + " holds " + (routing.empty() ? "a whole archive" : routing) + ", not " +
                     (mine.empty() ? "a whole archive" : mine) +
                     ": index into another database, or give the --shards / --partition it was built with");
  if (routing != mine) db_.set_metadata(kRoutingMetadataKey, mine);
  // Also gives an index of 0.1.0 (a fingerprint only) its settings, and records moved tables.
  if (db_.get_metadata(Analyzer::kMetadataKey) != analyzer.metadata_value() ||
      db_.get_metadata(Analyzer::kSettingsMetadataKey) != analyzer.settings_toml() ||
      db_.get_metadata(Analyzer::kLayoutMetadataKey) != to_string(analyzer.layout()))
    analyzer.write_metadata(db_);
  // Name spellings for plain QueryParsers (docs/omega.md); our search expands them itself.
  if (config_.index.synonyms && config_.synonyms.names) NameSynonyms(config_.synonyms, analyzer).write(db_);
  // Shards or a merge left by a run that was killed: we hold the run lock, so no run is using them.
  std::error_code ec;
  fs::remove_all(work_dir_, ec);
}

bool IndexRun::choose_parallel_write() {
  const ParallelWrite mode = config_.index.parallel_write;
  if (mode == ParallelWrite::never || threads_ < 2 || first_suspect_ == 0) return false;
  // A merge copies the whole database: with a big database and little input, one writer is faster.
  if (mode == ParallelWrite::automatic && db_.get_doccount() > 0 &&
      progress_.bytes_to_read * 10 < folder_bytes(db_path_))
    return false;
  db_.commit();  // the merges read the database as committed: metadata and pruning first
  if (!merge_unsupported_reason(db_path_, work_dir_, text_bytes_).empty()) {
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
      for (std::size_t i; !abort_ && !stopping() && (i = next_job_++) < jobs_end_;) read_file(*jobs_[i]);
      articles_->producer_done();
      if (writes_) writes_->producer_done();
    });
  }
}

void IndexRun::read_file(FileJob& job) {
  job.in_flight = 1;  // the reader's share, until file_finished()
  journal_->add(job.suspect ? '!' : '+', job.path, job.size, job.mtime_ns);
  std::uint64_t counted = 0;  // bytes of this file already in bytes_read_: progress inside one big file
  const auto count_bytes = [&](std::uint64_t consumed) {
    consumed = std::min(consumed, job.size);
    if (consumed > counted) bytes_read_ += consumed - counted, counted = consumed;
  };
  const auto cannot_hash = [&](const std::string& why) {
    report({job.path, 0, why});
    job.file_error = true;
  };
  // Each file is read once, hashed while it is parsed. A file of the size its record gives
  // (only its mtime changed: touched, copied back) is hashed first, because the same bytes
  // need no parsing at all.
  if (job.old && job.old->size == job.size) {
    const auto hashed = hash_whole_file(job.path);
    if (const std::string* why = std::get_if<1>(&hashed)) {
      cannot_hash(*why);
    } else {
      job.hash = std::get<0>(hashed);
      job.same_content = job.old->hash == job.hash;
    }
  }
  if (!job.file_error && !job.same_content) {
    RawDigest digest;
    try {
      const RawDigestTap tap(digest);
      reader_->read_file(
          job.path, job.root,
          [&](NewsArticle&& article) {
            if (abort_ || stopping()) throw StopReading{};
            if (!routing_.everything()) {
              if (article.path.empty()) article.path = job.path;  // as analyse() does, for the same Q term
              if (!routing_.keeps(unique_term(article))) return;  // another shard's or machine's article
            }
            ++job.count;
            ++job.in_flight;
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
    if (digest.complete()) {
      job.hash = digest.hex();
    } else if (!job.truncated) {
      // The reader stopped before the end (corrupt gzip, bytes after the last member, a refused
      // file): its record, if it gets one, still holds the hash of the whole file.
      const auto hashed = hash_whole_file(job.path);
      if (const std::string* why = std::get_if<1>(&hashed)) {
        if (!job.file_error) cannot_hash(*why);  // else the reader has said why already
      } else {
        job.hash = std::get<0>(hashed);
      }
    }
    if (digest.any_read()) ++files_read_;  // not one the reader could not open
  }
  if (!job.truncated) count_bytes(job.size);  // a stopped file counts what was read of it
  file_finished(job);
}

void IndexRun::file_finished(FileJob& job) {
  job.reading_finished.store(true, std::memory_order_release);
  ++files_finished_;
  article_done(job);
  if (writes_) writes_->push({WriteItem::Kind::file_finished, &job, {}, {}, {}});
}

WriteItem IndexRun::analyse(ArticleItem& item, unsigned worker) {
  const Analyzer& analyzer = analyzers_[worker];
  SurfaceSynonyms& synonyms = synonym_recorders_[worker];
  WriteItem out{WriteItem::Kind::document, item.job, {}, {}, {}};
  try {
    NewsDocumentOptions doc_options;
    doc_options.weights = config_.weights;
    doc_options.language = config_.index.language;
    doc_options.file = item.job->path;
    doc_options.type = item.job->type;
    doc_options.modtime = static_cast<std::time_t>(item.job->mtime_ns / 1000000000);
    if (config_.index.synonyms) doc_options.synonyms = &synonyms;
    // One token stream per article, for the layout, the extractor and the analyzer: the one the
    // reader's layout read (the analyzer renormalizes its words if its rules differ).
    const TokenStream* stream = stream_of(item.article);
    thread_local std::string text;
    thread_local TokenStream own;
    if (!stream) {
      text = article_text(item.article);
      own.assign(text);
      stream = &own;
    }
    extractor_->extract(item.article, *stream);
    if (item.article.path.empty()) item.article.path = item.job->path;
    out.qterm = unique_term(item.article);
    doc_options.stream = stream;
    out.doc = make_news_document(item.article, analyzer, doc_options);
    if (config_.index.synonyms && config_.synonyms.derived_forms) add_derived_form_synonyms(synonyms, analyzer);
    out.synonyms = synonyms.take_pairs();
  } catch (const std::exception& e) {
    report({item.job->path, item.article.line, std::string("cannot index article: ") + e.what()}, true);
    out.kind = WriteItem::Kind::dropped;
    synonyms.clear();  // the words of the dropped article may stand in later ones: their pairs must come again
  }
  article_done(*item.job);
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
        if (!writes_->push(analyse(*item, w))) break;
      writes_->producer_done();
    });
  }

  std::size_t pending = 0;
  SynonymWriter synonyms;
  const auto commit = [&] {
    synonyms.flush(db_);
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
          synonyms.write(db_, item->synonyms);
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
