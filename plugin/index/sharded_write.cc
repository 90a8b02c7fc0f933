/** @file
 *  @brief The parallel-write path of NewsIndexer: each analysis thread writes
 *  its own temporary shard, and every commit merges the shards into the
 *  database.
 *
 *  Xapian allows one writer per database, and that writer (inversion, zlib,
 *  flushing) costs more than our analysis does, so one writer thread caps
 *  indexing at what one core can add. Here every analysis thread adds
 *  documents to a shard of its own (no fsync: a shard is thrown away if the run
 *  dies). A commit asks every thread to close its shard, compacts database +
 *  shards into a new folder beside the database (Xapian's compactor merges
 *  sorted tables, far faster than adding documents), removes duplicate ids,
 *  writes the records of the files now complete, and exchanges the new folder
 *  with the live one atomically. A kill -9 therefore leaves the database at its
 *  last commit, as the one-writer path does.
 *
 *  Commits come after batch_size documents and then whenever the new documents
 *  reach the number already in the database, so the merges copy each document
 *  about twice in all, not once per commit. Measured on news-bench against a
 *  single final merge, a ×3 rule and many small shards merged in one multipass
 *  compaction, none saved CPU beyond noise (docs/benchmarks.md), and each would
 *  lose more of a killed run's work.
 */
#include <xapian_arabic/index_schema.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <unordered_map>
#include <utility>

#include "index/database_merge.h"
#include "index/index_run.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

/// What an analysis thread hands over when it closes its shard.
struct ShardOutput {
  std::string path;  // empty if it wrote no document
  std::size_t documents = 0;
  std::unordered_map<FileJob*, std::size_t> written;  // documents + dropped articles, per file
};

/// The handshake between the analysis threads and the committing thread: a
/// commit opens a new generation, and every thread hands over the shard of the
/// old one before it writes anything into the new one.
class ShardExchange {
 public:
  static constexpr unsigned kExited = ~0u;

  explicit ShardExchange(unsigned threads) : generation_of_(threads, 0) {}

  unsigned requested() const { return requested_.load(std::memory_order_acquire); }

  /// @p thread closed its shard and is now in @p generation (or kExited).
  void hand_over(unsigned thread, ShardOutput&& output, unsigned generation) {
    std::lock_guard lock(mutex_);
    if (!output.path.empty() || !output.written.empty()) ready_.push_back(std::move(output));
    generation_of_[thread] = generation;
    changed_.notify_all();
  }

  /// Asks every thread to close its shard; returns them once all have.
  std::vector<ShardOutput> rotate() {
    std::unique_lock lock(mutex_);
    const unsigned next = requested_.load() + 1;
    requested_.store(next, std::memory_order_release);
    changed_.wait(lock, [&] {
      return std::all_of(generation_of_.begin(), generation_of_.end(), [&](unsigned g) { return g >= next; });
    });
    return std::exchange(ready_, {});
  }

  /// The shards handed over by threads that have exited.
  std::vector<ShardOutput> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(ready_, {});
  }

  bool all_exited() {
    std::lock_guard lock(mutex_);
    return all_exited_locked();
  }

  /// Waits until @p ready(), every thread has exited, or @p timeout.
  template <class Ready>
  void wait(std::chrono::milliseconds timeout, Ready ready) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return ready() || all_exited_locked(); });
  }

  void notify() { changed_.notify_all(); }

 private:
  bool all_exited_locked() const {
    return std::all_of(generation_of_.begin(), generation_of_.end(), [](unsigned g) { return g == kExited; });
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::atomic<unsigned> requested_{0};
  std::vector<unsigned> generation_of_;
  std::vector<ShardOutput> ready_;
};

}  // namespace

void IndexRun::write_sharded() {
  ShardExchange exchange(threads_);
  std::atomic<std::size_t> since_commit{0};
  std::atomic<std::size_t> commit_at{std::max(batch_size_, static_cast<std::size_t>(db_.get_doccount()))};
  // Shards commit only to bound their memory, like the one writer's batches, and no more than
  // kShardBatch documents at a time: Xapian's in-memory batch costs more per document the bigger
  // it is (news-bench, 2 threads: 250 → 100 documents per shard commit saved about 8% of the
  // run's CPU and 15 MB of peak RSS; 50 and 25 saved no more CPU and cost more system time).
  constexpr std::size_t kShardBatch = 100;
  const std::size_t shard_batch = std::clamp<std::size_t>(batch_size_ / threads_, 1, kShardBatch);
  std::mutex error_mutex;
  std::exception_ptr worker_error;

  const auto write_shard = [&](unsigned w) {
    unsigned generation = 0;
    std::size_t shards_opened = 0, uncommitted = 0;
    std::optional<Xapian::WritableDatabase> shard;
    // Pairs in earlier shards reach the database at their merge, so one writer serves all.
    SynonymWriter synonyms;
    ShardOutput output;
    const auto close_shard = [&] {
      if (shard) {
        synonyms.flush(*shard);
        shard->commit();
        shard->close();
        shard.reset();
      }
      uncommitted = 0;
      return std::exchange(output, {});
    };
    for (;;) {
      if (exchange.requested() != generation) {
        generation = exchange.requested();
        exchange.hand_over(w, close_shard(), generation);
      }
      auto item = articles_->pop(std::chrono::milliseconds(50));
      if (!item) {
        if (articles_->finished()) break;
        continue;
      }
      FileJob& job = *item->job;
      WriteItem analysed = analyse(*item, w);
      if (analysed.kind == WriteItem::Kind::document) {
        if (!shard) {
          output.path = work_dir_ + "/shard-" + std::to_string(w) + "-" + std::to_string(shards_opened++);
          shard.emplace(output.path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
        }
        shard->add_document(analysed.doc);  // an id seen before is resolved at the merge
        synonyms.write(*shard, analysed.synonyms);
        ++output.documents;
        if (++uncommitted >= shard_batch) {
          synonyms.flush(*shard);
          shard->commit();
          uncommitted = 0;
        }
        if (job.old) {
          std::lock_guard lock(job.ids_mutex);
          job.ids.insert(analysed.qterm);
        }
        ++documents_written_;
        if (++since_commit == commit_at) exchange.notify();
      }
      ++output.written[&job];
    }
    exchange.hand_over(w, close_shard(), ShardExchange::kExited);
  };

  const std::string merged_path = work_dir_ + "/merged";
  const auto commit = [&](std::vector<ShardOutput> outputs) {
    std::vector<std::string> shards;
    std::size_t documents = 0;
    for (const ShardOutput& o : outputs) {
      if (o.path.empty()) continue;
      shards.push_back(o.path);
      documents += o.documents;
    }
    std::optional<Xapian::WritableDatabase> merged;
    if (!shards.empty()) {
      compact_into(db_path_, shards, merged_path);
      for (const std::string& s : shards) fs::remove_all(s);
      merged.emplace(merged_path, Xapian::DB_OPEN);
      const std::size_t older_copies = remove_duplicate_ids(*merged);
      summary_.replaced += older_copies;
      summary_.articles_added += documents - older_copies;
    }
    Xapian::WritableDatabase& target = merged ? *merged : db_;
    for (const ShardOutput& o : outputs)
      for (const auto& [job, n] : o.written) job->written += n;
    for (const auto& job : jobs_)
      if (!job->completed && job->all_written()) finish_file(target, *job);
    target.commit();
    ++summary_.commits;
    if (merged) {
      merged->close();
      db_.close();
      exchange_folders(db_path_, merged_path);
      db_ = Xapian::WritableDatabase(db_path_, Xapian::DB_OPEN);
      fs::remove_all(merged_path);
    }
    since_commit = 0;
    commit_at = std::max(batch_size_, static_cast<std::size_t>(db_.get_doccount()));
  };

  std::vector<std::thread> workers;
  for (unsigned w = 0; w < threads_; ++w) {
    workers.emplace_back([&, w] {
      try {
        write_shard(w);
      } catch (...) {
        {
          std::lock_guard lock(error_mutex);
          if (!worker_error) worker_error = std::current_exception();
        }
        abort_ = true;
        articles_->close();
        exchange.hand_over(w, {}, ShardExchange::kExited);
      }
    });
  }
  try {
    auto last_shown = Clock::now();
    while (!exchange.all_exited() && !abort_) {
      exchange.wait(std::chrono::milliseconds(100), [&] { return since_commit >= commit_at; });
      if (since_commit >= commit_at && !abort_) commit(exchange.rotate());
      if (Clock::now() - last_shown >= std::chrono::milliseconds(100)) {
        last_shown = Clock::now();
        show_progress();
      }
    }
    for (std::thread& t : workers) t.join();
    workers.clear();
    if (worker_error) std::rethrow_exception(worker_error);
    commit(exchange.take());
  } catch (...) {
    abort_ = true;
    articles_->close();
    for (std::thread& t : workers) t.join();
    // Every shard is closed now, and the live database is at db_path_ whatever failed (merged_path
    // holds a half-written merge, or the old copy after an exchange): give the space back at once,
    // so that a run that failed on a full disk does not keep it full.
    std::error_code ec;
    fs::remove_all(work_dir_, ec);
    throw;
  }
  std::error_code ec;
  fs::remove_all(work_dir_, ec);
}

}  // namespace xapian_arabic
