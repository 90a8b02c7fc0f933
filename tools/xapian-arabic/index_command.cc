/** @file
 *  @brief xapian-arabic index: news archives into a Xapian database (docs/indexing.md).
 *
 *  Exit status: 0 all inputs indexed; 2 some inputs failed (reported on stderr,
 *  the rest is indexed); 1 usage or fatal error (nothing written since the last
 *  commit); 130 / 143 stopped by SIGINT / SIGTERM after committing what was complete.
 */
#include <unistd.h>
#include <xapian_arabic/news_indexer.h>
#include <xapian_arabic/news_search.h>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <tuple>

#include "commands.h"
#include "index_progress.h"

namespace xapian_arabic::cli {

namespace {

std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};

extern "C" void on_stop_signal(int sig) {
  stop_signal = sig;
  stop_requested = true;
}

/// SIGINT/SIGTERM ask the indexer to stop; a second one kills the process as usual
/// (the database then holds its last commit, which is safe too).
void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

struct IndexArgs {
  std::string db;
  std::string config_path;
  std::vector<std::string> paths, include, exclude;
  bool prune = false, quiet = false, json = false;
  unsigned threads = 0, shards = 0;
  std::string partition;  // "I/N"
  std::size_t batch_size = 0;
};

/// "I/N" of --partition.
std::pair<unsigned, unsigned> parse_partition(const std::string& text) {
  unsigned i = 0, n = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%u%c%u%c", &i, &slash, &n, &extra) != 3 || slash != '/' || n == 0 || i >= n)
    throw std::runtime_error("--partition '" + text + "': want I/N with I from 0 to N-1 (e.g. 0/3, 1/3, 2/3)");
  return {i, n};
}

std::string where(const ReadError& e) {
  return e.line ? e.path + ":" + std::to_string(e.line) : e.path;
}

/// --config, or else the analysis settings an existing index was built with, so adding to
/// it needs no config either.
Config index_run_config(const IndexArgs& args) {
  if (!args.config_path.empty()) return load_config(args.config_path);
  Xapian::Database existing;
  try {
    existing = Xapian::Database(args.db);
  } catch (const Xapian::DatabaseOpeningError&) {
    return Config::defaults();  // a new index (or none: the indexer says why)
  }
  try {
    return index_config(existing);
  } catch (const IncompatibleIndexError& e) {
    throw std::runtime_error(args.db + ": " + e.what());
  }
}

void run_index(const IndexArgs& args) {
  NewsIndexerOptions options;
  options.config = index_run_config(args);
  options.threads = args.threads;
  options.batch_size = args.batch_size;
  options.prune = args.prune;
  options.include = args.include;
  options.exclude = args.exclude;
  options.stop = &stop_requested;
  options.shards = args.shards;
  if (!args.partition.empty()) std::tie(options.partition, options.partitions) = parse_partition(args.partition);
  NewsIndexer indexer(args.db, options);

  const bool terminal = ::isatty(STDERR_FILENO);
  ProgressDisplay display(stderr, terminal);
  indexer.set_error_handler([&](const ReadError& e) {
    display.finish();
    std::fprintf(stderr, "xapian-arabic index: %s: %s\n", where(e).c_str(), e.message.c_str());
  });
  if (!args.quiet) indexer.set_progress_handler([&](const IndexProgress& p) { display.update(p); });

  install_stop_handlers();
  IndexSummary s;
  try {
    s = indexer.run(args.paths);
  } catch (const IncompatibleIndexError& e) {
    throw std::runtime_error(args.db + ": " + e.what());
  }
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  display.finish();

  if (args.json) {
    const nlohmann::json summary = {{"files", s.files},
                                    {"files_read", s.files_read},
                                    {"articles_added", s.articles_added},
                                    {"replaced", s.replaced},
                                    {"unchanged_files", s.unchanged_files},
                                    {"deleted", s.deleted},
                                    {"failed", s.failed},
                                    {"documents", s.documents},
                                    {"commits", s.commits},
                                    {"writers", s.writers},
                                    {"shards", s.shards},
                                    {"bytes_read", s.bytes_read},
                                    {"interrupted", s.interrupted},
                                    {"seconds", std::round(s.seconds * 1000) / 1000}};
    std::cout << summary.dump() << '\n';
  } else if (!args.quiet) {
    std::printf(
        "%zu files (%zu read, %zu unchanged): %zu articles added, %zu replaced, %zu deleted, %zu failed "
        "in %.1f s; %zu documents in %s\n",
        s.files, s.files_read, s.unchanged_files, s.articles_added, s.replaced, s.deleted, s.failed, s.seconds,
        s.documents, args.db.c_str());
  }
  if (s.interrupted) {
    const int sig = stop_signal.load();
    std::fprintf(stderr,
                 "xapian-arabic index: stopped by %s; what was read is committed, run the same command again "
                 "to finish\n",
                 sig == SIGTERM ? "SIGTERM" : "SIGINT");
    set_exit_status(128 + (sig ? sig : SIGINT));
  } else if (s.failed) {
    set_exit_status(2);
  }
}

}  // namespace

void register_index_commands(CLI::App& app) {
  auto args = std::make_shared<IndexArgs>();
  auto* index = app.add_subcommand(
      "index", "Index news archives (folders, .txt, .jsonl, .html, and .gz of each) into a Xapian database");
  index->add_option("--db", args->db, "Database folder (created if missing)")->required();
  index
      ->add_option("-c,--config", args->config_path,
                   "TOML config file (default: an existing index's analysis settings, built-in defaults for "
                   "the rest)")
      ->check(CLI::ExistingFile);
  index
      ->add_option("--include", args->include,
                   "Only read the files in folders whose path relative to the folder matches GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  index
      ->add_option("--exclude", args->exclude,
                   "Skip the files in folders whose path relative to the folder matches GLOB (repeatable; '*' "
                   "matches '/' too)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  index->add_flag("--prune", args->prune, "Delete the articles of indexed files that no longer exist");
  index->add_flag("-q,--quiet", args->quiet, "No progress and no summary; errors are still reported");
  index->add_flag("--json", args->json, "Print the final summary as JSON on stdout");
  index->add_option("--threads", args->threads, "Analysis threads (default: config [index] threads, else cores)")
      ->check(CLI::Range(1u, 256u));
  index->add_option("--batch-size", args->batch_size, "Commit every N documents (default: config [index] batch_size)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000000}));
  index
      ->add_option("--shards", args->shards,
                   "Write a sharded index: N databases DB/shard-K and the stub DB/XAPIANDB listing them "
                   "(default: as DB is)")
      ->check(CLI::Range(1u, 1024u));
  index
      ->add_option("--partition", args->partition,
                   "Index only partition I of N of the archive (I/N, from 0/N): one per machine")
      ->type_name("I/N");
  index->add_option("paths", args->paths, "Archive files and folders (recursive)")->required();
  index->footer(
      "Exit status: 0 all inputs indexed, 2 some inputs failed (reported on stderr), 1 usage or fatal error,\n"
      "130/143 stopped by SIGINT/SIGTERM after committing what was complete.");
  index->callback([args] { run_index(*args); });
}

}  // namespace xapian_arabic::cli
