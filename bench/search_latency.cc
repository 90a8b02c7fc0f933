/** @file
 *  @brief Query latency over the 500 news-bench headlines: in-process (NewsSearch) and
 *  per-process (one `xapian-arabic search` per query), p50/p95/max as a Markdown table.
 *
 *  Each mode is timed twice: wall clock (what a user waits) and CPU time (the searching
 *  thread's, or the child process's user + system time), which a shared, loaded machine
 *  does not inflate the way it inflates wall time.
 *
 *  With --lucene ARTICLES, Lucene 4.10 (bench/lucene/LuceneSearcher.java, its own JVM) runs the
 *  same queries over an index LuceneIndexer builds from ARTICLES (ArabicAnalyzer, title + body)
 *  in a temporary folder: one warm-up batch of every query, then the timed rounds, each query
 *  timed inside the JVM (parse, top 10 by BM25, their stored ids). Its row is the baseline of the
 *  in-process rows: what a user would pick instead of us, in the same run.
 *
 *  Usage: search_latency --db DIR --queries FILE [--tool PATH] [--config FILE] [--rounds N]
 *                        [--lucene ARTICLES]
 *  Build the index first: xapian-arabic index --db DIR .../news-bench/articles.jsonl.gz
 */
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <xapian_arabic/news_search.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "search/weighting.h"

extern char** environ;

using namespace xapian_arabic;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<std::string> queries;
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) queries.push_back(line.substr(tab + 1));
  }
  if (queries.empty()) throw std::runtime_error(path + ": no 'id<TAB>query' lines");
  return queries;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double ms(const timeval& t) {
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
}

/// Wall and CPU milliseconds of each timed run.
struct Timings {
  std::vector<double> wall, cpu;
};

struct Summary {
  double p50, p95, max, mean;
};

Summary summarize(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
  double sum = 0;
  for (double v : ms) sum += v;
  return {at(0.50), at(0.95), ms.back(), sum / static_cast<double>(ms.size())};
}

/// Runs @p argv with stdout and stderr to /dev/null; returns the exit status and adds
/// the child's user + system time to @p cpu_ms.
int run_quietly(const std::vector<std::string>& args, double& cpu_ms) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error) throw std::runtime_error("cannot run " + args[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  cpu_ms = ms(usage.ru_utime) + ms(usage.ru_stime);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/// @p args as one shell word each.
std::string shell_command(const std::vector<std::string>& args) {
  std::string command;
  for (const auto& a : args) {
    command += " '";
    for (char c : a) command += c == '\'' ? std::string("'\\''") : std::string(1, c);
    command += '\'';
  }
  return command;
}

/// Runs @p args and returns its standard output; throws unless it exits with 0.
std::string output_of(const std::vector<std::string>& args) {
  FILE* pipe = ::popen(shell_command(args).c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + args[0]);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  if (::pclose(pipe) != 0) throw std::runtime_error(args[0] + " " + args[3] + " failed");
  return out;
}

/// Lucene 4.10's in-engine latency of @p queries_path over an index of @p articles built first.
Timings lucene_timings(const std::string& articles, const std::string& queries_path, int rounds) {
  std::string dir = (std::filesystem::temp_directory_path() / "xa-lucene-XXXXXX").string();
  if (!::mkdtemp(dir.data())) throw std::runtime_error("cannot create a folder for the Lucene index");
  struct Remove {
    std::string dir;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  } remove{dir};
  output_of({XA_JAVA_PATH, "-cp", XA_LUCENE_CLASSPATH, "LuceneIndexer", articles, dir + "/index"});
  std::istringstream lines(output_of({XA_JAVA_PATH, "-cp", XA_LUCENE_CLASSPATH, "LuceneSearcher", dir + "/index",
                                      queries_path, std::to_string(rounds)}));
  Timings t;
  std::string key, cpu_key;
  double wall = 0, cpu = 0;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    if (words >> key >> wall >> cpu_key >> cpu && key == "ms") t.wall.push_back(wall), t.cpu.push_back(cpu);
  }
  if (t.wall.empty()) throw std::runtime_error("LuceneSearcher printed no timings");
  return t;
}

void row(const char* name, const Timings& t) {
  const Summary w = summarize(t.wall), c = summarize(t.cpu);
  std::printf("| %s | %zu | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", name, t.wall.size(), w.p50, w.p95, w.mean,
              w.max, c.p50, c.p95);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, tool, config_path, queries_path, lucene_articles;
  int rounds = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--db")
      db_path = argv[i + 1];
    else if (arg == "--tool")
      tool = argv[i + 1];
    else if (arg == "--queries")
      queries_path = argv[i + 1];
    else if (arg == "--config")
      config_path = argv[i + 1];
    else if (arg == "--lucene")
      lucene_articles = argv[i + 1];
    else if (arg == "--rounds")
      rounds = std::max(1, std::atoi(argv[i + 1]));
    else
      db_path.clear(), i = argc;
  }
  if (db_path.empty() || queries_path.empty() || argc % 2 == 0) {
    std::cerr << "usage: search_latency --db DIR --queries FILE [--tool PATH] [--config FILE] [--rounds N] "
                 "[--lucene ARTICLES]\n";
    return 2;
  }
  try {
    const auto queries = read_queries(queries_path);
    const Config config = config_path.empty() ? Config::defaults() : Config::load(config_path);
    const Xapian::Database db(db_path);
    const NewsSearch search(db, config);

    // Warm the page cache and the searcher once, as a running service would be.
    SearchRequest request;
    for (const auto& q : queries) {
      request.query = q;
      search.search(request);
    }
    Timings in_process;
    std::size_t hits = 0;
    for (int r = 0; r < rounds; ++r) {
      for (const auto& q : queries) {
        request.query = q;
        const double cpu = thread_cpu_ms();
        const auto start = Clock::now();
        hits += search.search(request).hits.size();
        in_process.wall.push_back(ms_since(start));
        in_process.cpu.push_back(thread_cpu_ms() - cpu);
      }
    }
    // The match alone (query parsing, the top 10 by the config's weighting), without reading
    // documents or making snippets.
    Timings match_only;
    const auto weight = make_weight(config.search, config.bm25);
    for (int r = 0; r < rounds; ++r) {
      for (const auto& q : queries) {
        request.query = q;
        const double cpu = thread_cpu_ms();
        const auto start = Clock::now();
        Xapian::Enquire enquire(db);
        enquire.set_query(search.build_query(request));
        enquire.set_weighting_scheme(*weight);
        enquire.get_mset(0, static_cast<Xapian::doccount>(request.limit));
        match_only.wall.push_back(ms_since(start));
        match_only.cpu.push_back(thread_cpu_ms() - cpu);
      }
    }
    std::printf("%zu documents, %zu queries x %d rounds, %zu results shown (top %zu with snippets)\n\n",
                static_cast<std::size_t>(db.get_doccount()), queries.size(), rounds, hits, request.limit);
    std::printf(
        "| mode | queries | p50 ms | p95 ms | mean ms | max ms | CPU p50 ms | CPU p95 ms |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    row("in-process NewsSearch::search (top 10 with snippets)", in_process);
    row("in-process match only (no document data, no snippets)", match_only);

    if (!tool.empty()) {
      Timings per_process;
      for (const auto& q : queries) {
        std::vector<std::string> args = {tool, "search", "--db", db_path};
        if (!config_path.empty()) args.insert(args.end(), {"--config", config_path});
        args.insert(args.end(), {"--", q});
        const auto start = Clock::now();
        double cpu = 0;
        const int status = run_quietly(args, cpu);
        per_process.wall.push_back(ms_since(start));
        per_process.cpu.push_back(cpu);
        if (status != 0) throw std::runtime_error("'" + tool + " search' failed on query: " + q);
      }
      row("per-process `xapian-arabic search`", per_process);
    }
    if (!lucene_articles.empty()) {
      const Timings lucene = lucene_timings(lucene_articles, queries_path, rounds);
      row("Lucene 4.10 in-engine (parse, BM25 top 10, stored ids; after a warm-up batch)", lucene);
      const Summary l = summarize(lucene.wall);
      for (const auto& [name, t] :
           {std::pair{"NewsSearch::search", &in_process}, std::pair{"match only", &match_only}}) {
        const Summary o = summarize(t->wall);
        std::printf("\nours / Lucene, in-process %s: p50 %.2fx, p95 %.2fx", name, o.p50 / l.p50, o.p95 / l.p95);
      }
      std::printf("\n");
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "search_latency: " << e.what() << '\n';
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "search_latency: " << e.get_description() << '\n';
    return 1;
  }
}
