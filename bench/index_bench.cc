/** @file
 *  @brief Indexing benchmark: NewsIndexer with 1 and 2 threads next to a plain-Xapian
 *  baseline (TermGenerator + Stem("arabic"), one thread) over the same JSON Lines
 *  articles, each run in its own process so peak RSS (ru_maxrss) is its own.
 *
 *  Usage: index_bench [--articles FILE] [--work DIR] [--limit N] [--batch N,N...]
 *  Prints a Markdown table: articles/s, MB/s (uncompressed JSON Lines input),
 *  peak RSS, index size before and after compaction (Database::compact, as
 *  xapian-compact does).
 */
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>
#include <xapian_arabic/news_indexer.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
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

/// Calls @p fn in a child process (fresh ru_maxrss) and returns what it measured.
Result in_child(const std::function<Result()>& fn) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    Result r;
    try {
      r = fn();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "index_bench: %s\n", e.what());
      _exit(1);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    r.peak_rss_kb = usage.ru_maxrss;
    r.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    const std::string line = std::to_string(r.articles) + " " + std::to_string(r.seconds) + " " +
                             std::to_string(r.peak_rss_kb) + " " + std::to_string(r.cpu_seconds) + "\n";
    if (write(fds[1], line.data(), line.size()) < 0) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  std::string text;
  char buf[256];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("benchmark child failed");
  Result r;
  std::istringstream(text) >> r.articles >> r.seconds >> r.peak_rss_kb >> r.cpu_seconds;
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
Result baseline(const std::string& input, const std::string& db_path, std::size_t batch) {
  const auto start = Clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("arabic"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  Result r;
  std::size_t pending = 0;
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
    ++r.articles;
    if (++pending >= batch) {
      db.commit();
      pending = 0;
    }
  });
  db.commit();
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return r;
}

Result ours(const std::string& input, const std::string& db_path, unsigned threads, std::size_t batch) {
  xapian_arabic::NewsIndexerOptions options;
  options.threads = threads;
  options.batch_size = batch;
  xapian_arabic::NewsIndexer indexer(db_path, options);
  std::size_t errors = 0;
  indexer.set_error_handler([&](const xapian_arabic::ReadError& e) {
    if (errors++ < 5) std::fprintf(stderr, "index_bench: %s:%zu: %s\n", e.path.c_str(), e.line, e.message.c_str());
  });
  const xapian_arabic::IndexSummary s = indexer.run({input});
  Result r;
  r.articles = s.articles_added + s.replaced;
  r.seconds = s.seconds;
  return r;
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

std::uintmax_t uncompressed_bytes(const std::string& path) {
  std::uintmax_t total = 0;
  for_each_line(path, [&](const std::string& line) { total += line.size(); });
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  std::string articles = "../shared/data/news-bench/articles.jsonl.gz";
  std::string work = (fs::temp_directory_path() / "xa-index-bench").string();
  std::size_t limit = 0;
  std::vector<std::size_t> batches = {2000, 500};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--articles" && has_value)
      articles = argv[++i];
    else if (a == "--work" && has_value)
      work = argv[++i];
    else if (a == "--limit" && has_value)
      limit = std::stoul(argv[++i]);
    else if (a == "--batch" && has_value) {
      batches.clear();
      std::stringstream list(argv[++i]);
      for (std::string b; std::getline(list, b, ',');) batches.push_back(std::stoul(b));
    } else {
      std::cerr << "usage: index_bench [--articles FILE] [--work DIR] [--limit N] [--batch N,N...]\n";
      return 1;
    }
  }
  if (batches.empty()) batches = {2000};
  fs::remove_all(work);
  fs::create_directories(work);

  // Both indexers read the same file; a --limit subset is written out first.
  std::string input = articles;
  if (limit) {
    input = work + "/subset.jsonl";
    std::ofstream out(input, std::ios::binary);
    std::size_t n = 0;
    for_each_line(articles, [&](const std::string& line) {
      if (n++ < limit) out << line;
    });
  }
  const double mb = static_cast<double>(uncompressed_bytes(input)) / (1024.0 * 1024.0);

  struct Row {
    std::string name;
    unsigned threads;
    std::size_t batch;
    std::function<Result(const std::string&)> run;
  };
  std::vector<Row> rows;
  rows.push_back({"plain Xapian (TermGenerator + Stem(\"arabic\"))", 1, batches[0],
                  [&](const std::string& db) { return baseline(input, db, batches[0]); }});
  for (unsigned threads : {1u, 2u})
    rows.push_back({"xapian-arabic NewsIndexer", threads, batches[0],
                    [&, threads](const std::string& db) { return ours(input, db, threads, batches[0]); }});
  for (std::size_t i = 1; i < batches.size(); ++i) {
    const std::size_t b = batches[i];
    rows.push_back(
        {"xapian-arabic NewsIndexer", 2, b, [&, b](const std::string& db) { return ours(input, db, 2, b); }});
  }

  std::printf("input: %s, %.1f MB of JSON Lines\n\n", input.c_str(), mb);
  std::printf(
      "| indexer | threads | batch | articles | seconds | articles/s | MB/s | CPU s | peak RSS MB | index MB | "
      "compacted MB |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  double baseline_rate = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const std::string db = work + "/db-" + std::to_string(i);
    const Result r = in_child([&] { return row.run(db); });
    const double rate = static_cast<double>(r.articles) / r.seconds;
    if (i == 0) baseline_rate = rate;
    std::printf("| %s | %u | %zu | %zu | %.2f | %.0f (%.2fx) | %.2f | %.1f | %.0f | %.1f | %.1f |\n", row.name.c_str(),
                row.threads, row.batch, r.articles, r.seconds, rate, rate / baseline_rate, mb / r.seconds,
                r.cpu_seconds, static_cast<double>(r.peak_rss_kb) / 1024.0,
                static_cast<double>(folder_bytes(db)) / 1048576.0,
                static_cast<double>(compacted_bytes(db)) / 1048576.0);
    std::fflush(stdout);
    fs::remove_all(db);
  }
  return 0;
}
