/** @file
 *  @brief Indexing benchmark: `xapian-arabic index` (what users run) with 1 and 2
 *  threads, with one writer and with parallel shards, next to a plain-Xapian
 *  baseline indexer (TermGenerator + Stem("arabic"), one thread) over the same
 *  JSON Lines articles. Every row is its own process, so peak RSS and CPU time
 *  (wait4) are its own. The baseline also runs with jemalloc preloaded, the
 *  allocator the tool links, to show what the allocator alone buys. The last row is
 *  Lucene 4.10's ArabicAnalyzer (bench/lucene/LuceneIndexer.java, its own JVM), what users
 *  would pick instead; the lines after the table give our wall time, CPU per article and
 *  compacted size over Lucene's. Two rows measure Xapian's writer alone (writer_floor): what
 *  no change to our analysis, reading or merging can go below.
 *
 *  Ratios are to the fastest plain-Xapian row (one per batch size). The rows of the tool use
 *  the default [index] layout (stems) but one, which has the words layout of before 0.2.
 *
 *  Usage: index_bench [--articles FILE] [--work DIR] [--limit N] [--batch N,N...] [--tool PATH]
 *                     [--no-lucene]
 *  --limit N indexes the first N articles only (a quick run while developing).
 *  Prints a Markdown table: articles/s, MB/s (uncompressed JSON Lines input),
 *  CPU seconds, peak RSS, index size before and after compaction
 *  (Database::compact, as xapian-compact does).
 */
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_reader.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Result {
  std::size_t articles = 0;
  double seconds = 0;
  long peak_rss_kb = 0;
  double cpu_seconds = 0;  // user + system, all threads: comparable on a loaded machine
};

/// User + system CPU seconds of @p usage.
double cpu_seconds(const rusage& usage) {
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double cpu_seconds_of_process() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return cpu_seconds(usage);
}

/// Runs @p argv (with @p env added) to completion; wall time, CPU and peak RSS
/// come from the parent, @p out gets the child's standard output.
Result run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env, std::string& out) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], STDOUT_FILENO);
    for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::perror(args[0]);
    _exit(127);
  }
  close(fds[1]);
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("failed: " + argv[0]);
  Result r;
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  r.peak_rss_kb = usage.ru_maxrss;
  r.cpu_seconds = cpu_seconds(usage);
  return r;
}

/// Reads a (gzipped or plain) file line by line with bounded memory.
void for_each_line(const std::string& path, const std::function<void(const std::string&)>& fn) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) throw std::runtime_error("cannot open " + path);
  gzbuffer(in, 1 << 17);
  std::string line;
  char buf[1 << 16];
  while (gzgets(in, buf, sizeof buf)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      fn(line);
      line.clear();
    }
  }
  if (!line.empty()) fn(line);
  gzclose(in);
}

std::string field(const nlohmann::json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// What a Xapian user writes today: TermGenerator with the Snowball Arabic stemmer.
/// Returns the number of articles indexed.
std::size_t baseline(const std::string& input, const std::string& db_path, std::size_t batch) {
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("arabic"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  std::size_t articles = 0, pending = 0;
  for_each_line(input, [&](const std::string& line) {
    const auto j = nlohmann::json::parse(line);
    const std::string id = field(j, "id"), title = field(j, "title"), body = field(j, "body");
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(title, 1, "S");
    tg.index_text(title);
    tg.increase_termpos();
    tg.index_text(body);
    doc.add_boolean_term("Q" + id);
    doc.set_data("title=" + title + "\ntext=" + body + "\n");
    db.replace_document("Q" + id, doc);
    ++articles;
    if (++pending >= batch) {
      db.commit();
      pending = 0;
    }
  });
  db.commit();
  return articles;
}

/// Xapian's writer alone, the floor under any indexer of ours: the tool's own documents
/// (make_news_document with the default config, as for a JSON Lines file) are made first and kept in memory, then two
/// threads add them to a shard each, committing every 100 as the tool's shards do, and one
/// final compaction merges the shards into @p db_path. Only the writing and the merge are
/// timed. With @p text_and_data false the documents lose their document data: terms, positions
/// and values stay, and glass keeps its termlists (the tool needs them to replace and delete
/// articles), where Lucene's row has neither. No synonym table. Prints "articles N seconds S cpu_seconds C".
void writer_floor(const std::string& input, const std::string& db_path, bool text_and_data) {
  const xapian_arabic::Config config = xapian_arabic::Config::defaults();
  const xapian_arabic::NewsReader reader(config.reader_options());
  const xapian_arabic::ArticleExtractor extractor(config.extraction);
  const xapian_arabic::Analyzer analyzer(config.analysis);
  xapian_arabic::NewsDocumentOptions options;
  options.weights = config.weights;
  options.language = config.index.language;
  // As the tool fills them for a JSON Lines file given on the command line.
  options.file = fs::absolute(input).string();
  options.type = "application/x-ndjson";
  options.modtime = std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(fs::last_write_time(input)));
  std::vector<Xapian::Document> documents;
  reader.read_file(
      input, fs::path(options.file).parent_path().string(),
      [&](xapian_arabic::NewsArticle&& article) {
        extractor.extract(article);
        documents.push_back(xapian_arabic::make_news_document(article, analyzer, options));
        if (!text_and_data) documents.back().set_data({});
      },
      [&](xapian_arabic::ReadError&& e) {
        if (!e.warning) throw std::runtime_error(e.path + ":" + std::to_string(e.line) + ": " + e.message);
      });
  const double cpu_before = cpu_seconds_of_process();
  const auto start = Clock::now();
  constexpr unsigned kShards = 2;
  const auto shard_path = [&](unsigned shard) { return db_path + ".shard" + std::to_string(shard); };
  std::vector<std::exception_ptr> errors(kShards);
  std::vector<std::thread> writers;
  for (unsigned shard = 0; shard < kShards; ++shard)
    writers.emplace_back([&, shard] {
      try {
        Xapian::WritableDatabase db(shard_path(shard),
                                    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
        std::size_t pending = 0;
        for (std::size_t i = shard; i < documents.size(); i += kShards) {
          db.add_document(documents[i]);
          if (++pending == 100) {
            db.commit();
            pending = 0;
          }
        }
        db.commit();
      } catch (...) {
        errors[shard] = std::current_exception();
      }
    });
  for (std::thread& t : writers) t.join();
  const auto remove_shards = [&] {
    for (unsigned shard = 0; shard < kShards; ++shard) fs::remove_all(shard_path(shard));
  };
  try {
    for (const std::exception_ptr& e : errors)
      if (e) std::rethrow_exception(e);
    Xapian::Database shards;
    for (unsigned shard = 0; shard < kShards; ++shard) shards.add_database(Xapian::Database(shard_path(shard)));
    shards.compact(db_path);
  } catch (...) {
    remove_shards();
    throw;
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = cpu_seconds_of_process() - cpu_before;
  remove_shards();
  std::printf("articles %zu seconds %.3f cpu_seconds %.3f\n", documents.size(), seconds, cpu);
}

std::uintmax_t folder_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

std::uintmax_t compacted_bytes(const std::string& db_path) {
  const std::string out = db_path + ".compact";
  fs::remove_all(out);
  Xapian::Database(db_path).compact(out);
  const auto bytes = folder_bytes(out);
  fs::remove_all(out);
  return bytes;
}

std::string fmt_mb(std::uintmax_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / 1048576.0);
  return buf;
}

std::uintmax_t uncompressed_bytes(const std::string& path) {
  std::uintmax_t total = 0;
  for_each_line(path, [&](const std::string& line) { total += line.size(); });
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  std::string articles = "../shared/data/news-bench/articles.jsonl.gz";
  std::string work = (fs::temp_directory_path() / "xa-index-bench").string();
  std::string tool = XA_TOOL_PATH;
  std::size_t limit = 0;
  std::vector<std::size_t> batches = {500, 2000};
  bool lucene = true;
  // The baseline's own process: index_bench --run-baseline INPUT DB BATCH prints the article count.
  if (argc == 5 && std::string(argv[1]) == "--run-baseline") {
    std::printf("%zu\n", baseline(argv[2], argv[3], std::stoul(argv[4])));
    return 0;
  }
  // index_bench --run-writer-floor INPUT DB all|terms: Xapian's writer alone (writer_floor).
  if (argc == 5 && std::string(argv[1]) == "--run-writer-floor") {
    writer_floor(argv[2], argv[3], std::string(argv[4]) == "all");
    return 0;
  }
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--articles" && has_value)
      articles = argv[++i];
    else if (a == "--work" && has_value)
      work = argv[++i];
    else if (a == "--tool" && has_value)
      tool = argv[++i];
    else if (a == "--no-lucene")
      lucene = false;
    else if (a == "--limit" && has_value)
      limit = std::stoul(argv[++i]);
    else if (a == "--batch" && has_value) {
      batches.clear();
      std::stringstream list(argv[++i]);
      for (std::string b; std::getline(list, b, ',');) batches.push_back(std::stoul(b));
    } else {
      std::cerr << "usage: index_bench [--articles FILE] [--work DIR] [--limit N] [--batch N,N...] [--tool PATH] "
                   "[--no-lucene]\n";
      return 1;
    }
  }
  if (batches.empty()) batches = {2000};
  fs::remove_all(work);
  fs::create_directories(work);

  // Every indexer reads the same file; a --limit subset is written out first.
  std::string input = fs::absolute(articles).string();
  if (limit) {
    input = work + "/subset.jsonl";
    std::ofstream out(input, std::ios::binary);
    std::size_t n = 0;
    for_each_line(articles, [&](const std::string& line) {
      if (n++ < limit) out << line;
    });
  }
  const double mb = static_cast<double>(uncompressed_bytes(input)) / (1024.0 * 1024.0);
  const std::string one_writer_config = work + "/one-writer.toml";
  std::ofstream(one_writer_config) << "[index]\nparallel_write = \"never\"\n";
  const std::string words_config = work + "/words-layout.toml";  // the layout before 0.2, for comparison
  std::ofstream(words_config) << "[index]\nlayout = \"words\"\n";

  struct Row {
    std::string name;
    unsigned threads;
    std::size_t batch;
    std::function<Result(const std::string&)> run;
    bool xapian = true;  // a Xapian database, which the table also shows compacted
  };
  const std::string self = fs::canonical("/proc/self/exe").string();
  const auto run_baseline = [&](const std::string& db, std::size_t batch, std::vector<std::string> env) {
    std::string out;
    Result r = run_process({self, "--run-baseline", input, db, std::to_string(batch)}, env, out);
    r.articles = std::stoul(out);
    return r;
  };
  const auto run_tool = [&](const std::string& db, unsigned threads, std::size_t batch, const std::string& config) {
    std::vector<std::string> args = {tool,           "index",
                                     "--quiet",      "--json",
                                     "--db",         db,
                                     "--threads",    std::to_string(threads),
                                     "--batch-size", std::to_string(batch)};
    if (!config.empty()) args.insert(args.end(), {"--config", config});
    args.push_back(input);
    std::string out;
    Result r = run_process(args, {}, out);
    const auto summary = nlohmann::json::parse(out);
    r.articles = summary["articles_added"].get<std::size_t>() + summary["replaced"].get<std::size_t>();
    return r;
  };
  // Only the writing is timed: seconds and CPU come from the child; its memory holds every document.
  const auto run_writer_floor = [&](const std::string& db, const char* what) {
    std::string out;
    Result r = run_process({self, "--run-writer-floor", input, db, what}, {}, out);
    std::istringstream words(out);
    std::string k1, k2, k3;
    if (!(words >> k1 >> r.articles >> k2 >> r.seconds >> k3 >> r.cpu_seconds) || k1 != "articles")
      throw std::runtime_error("the writer floor printed: " + out);
    r.peak_rss_kb = 0;
    return r;
  };
  // Lucene's own JVM prints "articles N cpu_seconds S index_bytes B"; CPU and RSS still come from wait4.
  const auto run_lucene = [&](const std::string& db) {
    std::string out;
    Result r = run_process({XA_JAVA_PATH, "-cp", XA_LUCENE_CLASSPATH, "LuceneIndexer", input, db}, {}, out);
    std::istringstream words(out);
    std::string key;
    if (!(words >> key >> r.articles) || key != "articles")
      throw std::runtime_error("LuceneIndexer printed no article count: " + out);
    return r;
  };
  const std::size_t b0 = batches[0];
  std::vector<Row> rows;
  for (const std::size_t b : batches)
    rows.push_back({"plain Xapian (TermGenerator + Stem(\"arabic\")), glibc malloc", 1, b,
                    [&, b](const std::string& db) { return run_baseline(db, b, {}); }});
  const std::size_t baselines = rows.size();  // ratios are to the fastest of these
  rows.push_back({"plain Xapian, jemalloc preloaded", 1, b0,
                  [&](const std::string& db) { return run_baseline(db, b0, {"LD_PRELOAD=" XA_JEMALLOC_PATH}); }});
  rows.push_back({"xapian-arabic index", 1, b0, [&](const std::string& db) { return run_tool(db, 1, b0, {}); }});
  rows.push_back({"xapian-arabic index, parallel_write = \"never\"", 2, b0,
                  [&](const std::string& db) { return run_tool(db, 2, b0, one_writer_config); }});
  for (const std::size_t b : batches)
    rows.push_back({"xapian-arabic index", 2, b, [&, b](const std::string& db) { return run_tool(db, 2, b, {}); }});
  rows.push_back({"xapian-arabic index, layout = \"words\"", 2, b0,
                  [&](const std::string& db) { return run_tool(db, 2, b0, words_config); }});
  const std::size_t floor_first = rows.size();
  rows.push_back({"Xapian's writer alone: the tool's documents made beforehand, 2 shards, one final merge", 2, 100,
                  [&](const std::string& db) { return run_writer_floor(db, "all"); }});
  rows.push_back({"Xapian's writer alone, no document data (terms, positions, values, termlists)", 2, 100,
                  [&](const std::string& db) { return run_writer_floor(db, "terms"); }});
  // The tool's rows that the Lucene ratios are given for: 1 thread, and 2 threads with parallel writers.
  const std::size_t ours_1 = baselines + 1, ours_2 = baselines + 3;
  if (lucene) rows.push_back({"Lucene 4.10 ArabicAnalyzer, one IndexWriter", 1, 0, run_lucene, false});

  std::printf("input: %s, %.1f MB of JSON Lines\n\n", input.c_str(), mb);
  std::printf(
      "| indexer | threads | batch | articles | seconds | articles/s | MB/s | CPU s | peak RSS MB | index MB | "
      "compacted MB |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  double baseline_rate = 0;
  std::vector<Result> results;
  std::vector<std::uintmax_t> sizes;  // compacted for Xapian, as written for Lucene
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const std::string db = work + "/db-" + std::to_string(i);
    const Result r = row.run(db);
    results.push_back(r);
    const double rate = static_cast<double>(r.articles) / r.seconds;
    if (i < baselines) baseline_rate = std::max(baseline_rate, rate);
    const std::string batch = row.batch ? std::to_string(row.batch) : "default";
    sizes.push_back(row.xapian ? compacted_bytes(db) : folder_bytes(db));
    const std::string compacted = row.xapian ? fmt_mb(sizes.back()) : "—";
    const std::string rss = r.peak_rss_kb ? fmt_mb(static_cast<std::uintmax_t>(r.peak_rss_kb) * 1024) : "—";
    std::printf("| %s | %u | %s | %zu | %.2f | %.0f (%.2fx) | %.2f | %.2f | %s | %s | %s |\n", row.name.c_str(),
                row.threads, batch.c_str(), r.articles, r.seconds, rate, rate / baseline_rate, mb / r.seconds,
                r.cpu_seconds, rss.c_str(), fmt_mb(folder_bytes(db)).c_str(), compacted.c_str());
    std::fflush(stdout);
    fs::remove_all(db);
  }
  if (lucene) {
    const Result& l = results.back();
    const auto per_article_ms = [](const Result& r) {
      return 1000.0 * r.cpu_seconds / static_cast<double>(r.articles);
    };
    std::printf("\nLucene 4.10 ArabicAnalyzer: %.0f articles/s, %.3f ms CPU per article\n",
                static_cast<double>(l.articles) / l.seconds, per_article_ms(l));
    for (const std::size_t i : {ours_1, ours_2, floor_first, floor_first + 1}) {
      const Result& r = results[i];
      std::printf(
          "ours / Lucene, %s, %u thread(s), batch %zu: wall %.2fx, CPU per article %.2fx, compacted size %.1fx\n",
          rows[i].name.c_str(), rows[i].threads, rows[i].batch,
          (r.seconds / static_cast<double>(r.articles)) / (l.seconds / static_cast<double>(l.articles)),
          per_article_ms(r) / per_article_ms(l), static_cast<double>(sizes[i]) / static_cast<double>(sizes.back()));
    }
  }
  return 0;
}
