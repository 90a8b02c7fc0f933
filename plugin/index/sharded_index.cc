/** @file
 *  @brief NewsIndexer: one database, or each shard of a sharded index in turn (shard_routing.h).
 */
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_indexer.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "index/document_terms.h"
#include "index/index_run.h"
#include "index/shard_routing.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

// More shards than this is a typo, not a deployment: each one is a database of its own.
constexpr unsigned kMaxShards = 1024;

/// The counts of shard runs added up: each shard read the same files, so files are counted once.
void add_shard(IndexSummary& total, const IndexSummary& s, bool first) {
  total.files = s.files;
  total.files_read = std::max(total.files_read, s.files_read);
  total.unchanged_files = first ? s.unchanged_files : std::min(total.unchanged_files, s.unchanged_files);
  total.articles_added += s.articles_added;
  total.replaced += s.replaced;
  total.deleted += s.deleted;
  total.failed += s.failed;  // file errors are reported (and counted) by the first shard only
  total.bytes_read += s.bytes_read;
  total.commits += s.commits;
  total.writers = std::max(total.writers, s.writers);
  total.documents += s.documents;
  total.interrupted = total.interrupted || s.interrupted;
}

}  // namespace

struct XAPIAN_ARABIC_LOCAL NewsIndexer::Impl {
  std::string db_path;
  NewsIndexerOptions options;
  ErrorHandler on_error;
  ProgressHandler on_progress;

  IndexSummary run(const std::vector<std::string>& paths);
  IndexSummary run_shards(const std::string& folder, unsigned shards, bool existing, Routing routing,
                          const std::vector<std::string>& paths);
};

IndexSummary NewsIndexer::Impl::run(const std::vector<std::string>& paths) {
  if (options.partitions == 0 || options.partition >= options.partitions)
    throw IndexError("partition " + std::to_string(options.partition) + "/" + std::to_string(options.partitions) +
                     ": want I/N with I from 0 to N-1");
  if (options.shards > kMaxShards)
    throw IndexError(std::to_string(options.shards) + " shards: at most " + std::to_string(kMaxShards));
  Routing routing;
  routing.partition = options.partition;
  routing.partitions = options.partitions;
  const std::string folder = normal_folder(db_path);
  const std::optional<unsigned> existing = shard_count(folder);
  const unsigned shards = options.shards ? options.shards : existing.value_or(1);
  if (existing && *existing != shards)
    throw IndexError("database " + db_path + " is a sharded index of " + std::to_string(*existing) + " shards, not " +
                     std::to_string(shards) + ": leave --shards out, or index into a new folder");
  if (!existing && shards == 1) return IndexRun(db_path, options, on_error, on_progress, routing).run(paths);
  std::error_code ec;
  if (!existing && fs::exists(folder, ec) && !fs::is_empty(folder, ec))
    throw IndexError("database " + db_path + " exists and is not a sharded index: shard into a new folder");
  return run_shards(folder, shards, existing.has_value(), routing, paths);
}

IndexSummary NewsIndexer::Impl::run_shards(const std::string& folder, unsigned shards, bool existing, Routing routing,
                                           const std::vector<std::string>& paths) {
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw IndexError("cannot create the sharded index " + db_path + ": " + ec.message());
  // The whole set, for the whole run: two runs must not interleave shard by shard.
  const RunLock lock(folder, db_path);
  // The stub first: a run killed before its shards all exist leaves a sharded index that the
  // next run recognises and completes (a search meanwhile says which shard is missing).
  if (!existing) write_shard_stub(folder, shards);
  for (unsigned k = 0; k < shards; ++k) {
    if (fs::exists(shard_path(folder, k))) continue;
    try {
      Xapian::WritableDatabase(shard_path(folder, k), Xapian::DB_CREATE).close();
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot create shard " + shard_path(folder, k) + ": " + e.get_description());
    }
  }

  IndexSummary total;
  total.shards = shards;
  total.writers = 0;
  IndexProgress done, last;  // of the shards finished, and the latest of the one running
  ProgressHandler progress;
  if (on_progress)
    progress = [&](const IndexProgress& p) {
      last = p;
      IndexProgress all = p;  // each shard reads the same files: the whole run reads them `shards` times
      all.files_to_read = p.files_to_read * shards;
      all.bytes_to_read = p.bytes_to_read * shards;
      all.files_done = done.files_done + p.files_done;
      all.bytes_read = done.bytes_read + p.bytes_read;
      all.articles = done.articles + p.articles;
      all.failed = done.failed + p.failed;
      all.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      on_progress(all);
    };
  for (unsigned k = 0; k < shards; ++k) {
    routing.shard = k;
    routing.shards = shards;
    last = {};
    const IndexSummary s = IndexRun(shard_path(folder, k), options, on_error, progress, routing, k == 0).run(paths);
    add_shard(total, s, k == 0);
    done.files_done += last.files_done;
    done.bytes_read += last.bytes_read;
    done.articles += last.articles;
    done.failed += last.failed;
    if (s.interrupted) break;
  }
  total.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return total;
}

NewsIndexer::NewsIndexer(std::string db_path, NewsIndexerOptions options)
    : impl_(std::make_unique<Impl>(Impl{std::move(db_path), std::move(options), {}, {}})) {}
NewsIndexer::~NewsIndexer() = default;
NewsIndexer::NewsIndexer(NewsIndexer&&) noexcept = default;
NewsIndexer& NewsIndexer::operator=(NewsIndexer&&) noexcept = default;

void NewsIndexer::set_error_handler(ErrorHandler handler) {
  impl_->on_error = std::move(handler);
}

void NewsIndexer::set_progress_handler(ProgressHandler handler) {
  impl_->on_progress = std::move(handler);
}

std::string NewsIndexer::file_state_key(const std::string& absolute_path) {
  return bounded_term(schema::kFileStateKeyPrefix, absolute_path);
}

IndexSummary NewsIndexer::run(const std::vector<std::string>& paths) {
  return impl_->run(paths);
}

}  // namespace xapian_arabic
