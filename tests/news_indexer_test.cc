/** @file
 *  @brief NewsIndexer from C++: a real database from news-samples, incremental
 *  runs, duplicate ids, stop flag, errors, progress, analysis fingerprint.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_indexer.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "base/hash.h"
#include "index/index_run.h"

using namespace xapian_arabic;
namespace fs = std::filesystem;

namespace {

/// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "xa-indexer-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write_file(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

NewsIndexerOptions quick_options() {
  NewsIndexerOptions o;
  o.threads = 2;
  o.batch_size = 10;
  return o;
}

std::string samples() {
  return std::string(XA_SHARED_DATA_DIR) + "/news-samples";
}

std::string news_dev() {
  return std::string(XA_SHARED_DATA_DIR) + "/news-dev";
}

NewsIndexerOptions writing(ParallelWrite mode, std::size_t batch_size) {
  NewsIndexerOptions o = quick_options();
  o.config.index.parallel_write = mode;
  o.batch_size = batch_size;
  return o;
}

/// Every term of a database with its frequency: equal for two indexes of the same articles.
std::map<std::string, Xapian::doccount> term_frequencies(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, Xapian::doccount> terms;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) terms[*t] = t.get_termfreq();
  return terms;
}

/// The news-dev articles as one JSON Lines feed ({"id", "body"} in file name order).
std::vector<nlohmann::json> news_dev_articles() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(news_dev()))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<nlohmann::json> articles;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    articles.push_back({{"id", f.stem().string()}, {"body", text}});
  }
  return articles;
}

void write_feed(const fs::path& p, const std::vector<nlohmann::json>& articles) {
  std::string lines;
  for (const auto& a : articles) lines += a.dump() + "\n";
  write_file(p, lines);
}

}  // namespace

TEST_CASE("news-samples become Omega-style documents", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer indexer(db_path, quick_options());
  const IndexSummary s = indexer.run({samples()});
  CHECK(s.files == 2);
  CHECK(s.files_read == 2);
  CHECK(s.articles_added == 2);
  CHECK(s.failed == 0);
  CHECK(s.documents == 2);

  Xapian::Database db(db_path);
  REQUIRE(db.get_termfreq("Q000_2620c748157139b5.txt") == 1);
  const Xapian::docid id = *db.postlist_begin("Q000_2620c748157139b5.txt");
  const Xapian::Document doc = db.get_document(id);
  for (const std::string term : {"D20241121", "M202411", "Y2024", "Lar", "XSOURCEsana"}) {
    INFO(term);
    auto it = doc.termlist_begin();
    it.skip_to(term);
    CHECK((it != doc.termlist_end() && *it == term));
  }
  CHECK(doc.get_value(schema::kPublishedSlot) == "20241121");
  CHECK_NOTHROW(Analyzer().check_compatible(db));
  CHECK(db.get_metadata(Analyzer::kMetadataKey) == Analyzer().metadata_value());
  const std::string file = (fs::path(samples()) / "000_2620c748157139b5.txt").lexically_normal().string();
  const std::string state = db.get_metadata(NewsIndexer::file_state_key(file));
  CHECK(state.size() > file.size());
  CHECK(state.substr(state.size() - file.size()) == file);
}

TEST_CASE("a second run reads nothing and adds nothing", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer(db_path, quick_options()).run({samples()});
  const IndexSummary s = NewsIndexer(db_path, quick_options()).run({samples()});
  CHECK(s.unchanged_files == 2);
  CHECK(s.files_read == 0);
  CHECK(s.bytes_read == 0);
  CHECK(s.articles_added == 0);
  CHECK(s.replaced == 0);
  CHECK(s.documents == 2);
}

/// Bytes this process has read with read() and pread() so far (/proc/self/io rchar).
std::uint64_t bytes_read_by_process() {
  std::ifstream io("/proc/self/io");
  std::string key;
  std::uint64_t value = 0;
  while (io >> key >> value)
    if (key == "rchar:") return value;
  FAIL("no rchar in /proc/self/io");
  return 0;
}

TEST_CASE("each file is read once: hashed while it is parsed, and its record holds the hash of its bytes",
          "[indexer]") {
  TempDir tmp;
  const std::string record = R"({"id": "a", "title": "خبر", "body": "نص الخبر"})"
                             "\n";
  // Blank lines the reader skips: 8 MiB more to read, and nothing more to index.
  const std::string padding(8u << 20, '\n');
  write_file(tmp.path / "small/feed.jsonl", record);
  write_file(tmp.path / "big/feed.jsonl", record + padding);
  // What a run reads besides its files (the database; the tables, on the first run only, which
  // caches them) is the same for both measured runs.
  const auto bytes_read_indexing = [&](const char* folder, const char* db) {
    const std::uint64_t before = bytes_read_by_process();
    const IndexSummary s =
        NewsIndexer((tmp.path / db).string(), writing(ParallelWrite::never, 10)).run({(tmp.path / folder).string()});
    CHECK(s.articles_added == 1);
    return bytes_read_by_process() - before;
  };
  (void)bytes_read_indexing("small", "db-warm");
  const std::uint64_t small = bytes_read_indexing("small", "db-small"), big = bytes_read_indexing("big", "db-big");
  INFO("read " << small << " bytes for the small feed, " << big << " for the big one");
  CHECK(big - small < padding.size() + padding.size() / 2);  // twice the padding when hashed, then parsed

  // The record's hash is the one every earlier run wrote: content_hash chained over 1 MiB blocks.
  const std::string bytes = record + padding;
  std::uint64_t h = 0;
  for (std::size_t at = 0; at < bytes.size(); at += 1u << 20)
    h = content_hash(std::string_view(bytes).substr(at, 1u << 20), h);
  const std::string file = (tmp.path / "big/feed.jsonl").lexically_normal().string();
  std::string path;
  const auto state = FileState::parse(
      Xapian::Database((tmp.path / "db-big").string()).get_metadata(NewsIndexer::file_state_key(file)), &path);
  REQUIRE(state);
  CHECK(path == file);
  CHECK(state->size == bytes.size());
  CHECK(state->hash == hex64(h));
}

TEST_CASE("an article id seen in two files gives one document", "[indexer]") {
  TempDir tmp;
  write_file(tmp.path / "a/one.jsonl", R"({"id": "same", "title": "أ", "body": "النص الأول"})"
                                       "\n");
  write_file(tmp.path / "a/two.jsonl", R"({"id": "same", "title": "ب", "body": "النص الثاني"})"
                                       "\n");
  const IndexSummary s = NewsIndexer((tmp.path / "db").string(), quick_options()).run({(tmp.path / "a").string()});
  CHECK(s.articles_added == 1);
  CHECK(s.replaced == 1);
  CHECK(s.documents == 1);
}

TEST_CASE("commits follow the batch size", "[indexer]") {
  TempDir tmp;
  std::string lines;
  for (int i = 0; i < 25; ++i)
    lines += R"({"id": "n)" + std::to_string(i) +
             R"(", "title": "خبر", "body": "نص"})"
             "\n";
  write_file(tmp.path / "a/feed.jsonl", lines);
  const IndexSummary s =
      NewsIndexer((tmp.path / "db").string(), writing(ParallelWrite::never, 10)).run({(tmp.path / "a").string()});
  CHECK(s.writers == 1);
  CHECK(s.articles_added == 25);
  CHECK(s.commits == 3);  // after 10, after 20, and the final one
}

TEST_CASE("parallel writers build the same index as one writer", "[indexer]") {
  TempDir tmp;
  const std::string one = (tmp.path / "one").string(), parallel = (tmp.path / "parallel").string();
  const IndexSummary a = NewsIndexer(one, writing(ParallelWrite::never, 20)).run({news_dev()});
  const IndexSummary b = NewsIndexer(parallel, writing(ParallelWrite::always, 20)).run({news_dev()});
  CHECK(a.writers == 1);
  REQUIRE(b.writers == 2);
  CHECK(b.articles_added == a.articles_added);
  CHECK(b.documents == a.documents);
  CHECK(b.documents >= 190);
  CHECK(b.commits >= 3);  // merges after 20 and 40 documents at least, then the final one
  CHECK(term_frequencies(parallel) == term_frequencies(one));
  CHECK_FALSE(fs::exists(parallel + ".xa-build"));  // no shard is left behind
  // Every file is recorded: the next run reads nothing.
  const IndexSummary again = NewsIndexer(parallel, writing(ParallelWrite::always, 20)).run({news_dev()});
  CHECK(again.files_read == 0);
  CHECK(again.unchanged_files == a.files);
}

TEST_CASE("a parallel run over a changed feed replaces its articles and deletes the ones it lost", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  std::vector<nlohmann::json> articles = news_dev_articles();
  REQUIRE(articles.size() >= 100);
  write_feed(tmp.path / "a/feed.jsonl", articles);
  NewsIndexer(db_path, writing(ParallelWrite::always, 25)).run({(tmp.path / "a").string()});
  CHECK(Xapian::Database(db_path).get_doccount() == articles.size());

  const std::string lost = "Q" + articles.front()["id"].get<std::string>();
  const std::string changed = "Q" + articles[1]["id"].get<std::string>();
  articles.erase(articles.begin());
  articles.front()["body"] = "زلزال بقوة ست درجات يضرب الساحل الشمالي";
  write_feed(tmp.path / "a/feed.jsonl", articles);
  const IndexSummary s = NewsIndexer(db_path, writing(ParallelWrite::always, 25)).run({(tmp.path / "a").string()});
  CHECK(s.writers == 2);
  CHECK(s.replaced == articles.size());
  CHECK(s.articles_added == 0);
  CHECK(s.deleted == 1);
  Xapian::Database db(db_path);
  CHECK(db.get_doccount() == articles.size());
  CHECK(db.get_termfreq(lost) == 0);
  REQUIRE(db.get_termfreq(changed) == 1);
  const Xapian::docid id = *db.postlist_begin(changed);
  CHECK(db.get_document(id).get_data().find("زلزال بقوة") != std::string::npos);
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) CHECK(t.get_termfreq() == 1);
}

TEST_CASE("a small run into a big database uses one writer", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer(db_path, writing(ParallelWrite::automatic, 50)).run({news_dev()});
  const IndexSummary s = NewsIndexer(db_path, writing(ParallelWrite::automatic, 50)).run({samples()});
  CHECK(s.writers == 1);  // merging the database would cost more than the two articles
  CHECK(s.articles_added == 2);
}

TEST_CASE("bad inputs are reported with file and line, counted, and the rest indexed", "[indexer]") {
  TempDir tmp;
  write_file(tmp.path / "a/feed.jsonl", "{\"id\": \"ok\", \"title\": \"خبر\", \"body\": \"نص\"}\n{\"id\": \n");
  write_file(tmp.path / "a/binary.txt", std::string("ab\0\0\1\2cd", 8));
  NewsIndexer indexer((tmp.path / "db").string(), quick_options());
  std::vector<ReadError> errors;
  indexer.set_error_handler([&](const ReadError& e) { errors.push_back(e); });
  const IndexSummary s = indexer.run({(tmp.path / "a").string(), (tmp.path / "missing").string()});
  CHECK(s.failed == 3);
  CHECK(s.documents == 1);
  REQUIRE(errors.size() == 3);
  std::sort(errors.begin(), errors.end(), [](const auto& x, const auto& y) { return x.path < y.path; });
  CHECK(errors[0].path.ends_with("binary.txt"));
  CHECK(errors[1].path.ends_with("feed.jsonl"));
  CHECK(errors[1].line == 2);
  CHECK(errors[2].path.ends_with("missing"));
  // The binary file has no record, so it is tried (and reported) again; the JSON file is done.
  const IndexSummary again = NewsIndexer((tmp.path / "db").string(), quick_options()).run({(tmp.path / "a").string()});
  CHECK(again.files_read == 1);
  CHECK(again.unchanged_files == 1);
}

TEST_CASE("a raised stop flag reads nothing more and commits", "[indexer]") {
  TempDir tmp;
  std::atomic<bool> stop{true};
  NewsIndexerOptions o = quick_options();
  o.stop = &stop;
  const IndexSummary s = NewsIndexer((tmp.path / "db").string(), o).run({samples()});
  CHECK(s.interrupted);
  CHECK(s.files_read == 0);
  CHECK(s.documents == 0);
  // Nothing was recorded, so the next run indexes everything.
  const IndexSummary next = NewsIndexer((tmp.path / "db").string(), quick_options()).run({samples()});
  CHECK(next.articles_added == 2);
}

TEST_CASE("progress reaches the totals", "[indexer]") {
  TempDir tmp;
  NewsIndexer indexer((tmp.path / "db").string(), quick_options());
  IndexProgress last;
  indexer.set_progress_handler([&](const IndexProgress& p) { last = p; });
  const IndexSummary s = indexer.run({samples()});
  CHECK(last.files_total == 2);
  CHECK(last.files_to_read == 2);
  CHECK(last.files_done == 2);
  CHECK(last.articles == 2);
  CHECK(last.bytes_read == last.bytes_to_read);
  CHECK(last.bytes_read == s.bytes_read);
}

TEST_CASE("progress moves inside one big file: bytes of the file being read", "[indexer]") {
  // news-bench is one 13.5 MB .jsonl.gz; the run is stopped as soon as progress shows part of it.
  TempDir tmp;
  NewsIndexerOptions o;
  o.threads = 1;
  std::atomic<bool> stop{false};
  o.stop = &stop;
  NewsIndexer indexer((tmp.path / "db").string(), o);
  IndexProgress inside;
  indexer.set_progress_handler([&](const IndexProgress& p) {
    if (p.bytes_read > 0 && p.bytes_read < p.bytes_to_read && p.files_done == 0) {
      inside = p;
      stop = true;
    }
  });
  const IndexSummary s = indexer.run({std::string(XA_SHARED_DATA_DIR) + "/news-bench/articles.jsonl.gz"});
  CHECK(s.interrupted);
  CHECK(inside.files_to_read == 1);
  CHECK(inside.bytes_read > 0);
  CHECK(inside.bytes_read < inside.bytes_to_read);
}

TEST_CASE("index with exclude globs: news-dev's 200 articles index as 200 documents without its metadata.jsonl",
          "[indexer]") {
  TempDir tmp;
  NewsIndexerOptions o = quick_options();
  o.batch_size = 100;
  o.exclude = {"metadata.jsonl"};
  std::size_t errors = 0;
  NewsIndexer excluded((tmp.path / "excluded").string(), o);
  excluded.set_error_handler([&](const ReadError&) { ++errors; });
  const IndexSummary s = excluded.run({news_dev()});
  CHECK(s.files == 200);
  CHECK(s.documents == 200);
  CHECK(s.failed == 0);
  CHECK(errors == 0);
  // Without it, the sidecar's 200 title-only records are reported, not indexed as articles.
  NewsIndexer all((tmp.path / "all").string(), quick_options());
  std::vector<ReadError> reported;
  all.set_error_handler([&](const ReadError& e) { reported.push_back(e); });
  const IndexSummary s2 = all.run({news_dev()});
  CHECK(s2.files == 201);
  CHECK(s2.documents == 200);
  CHECK(s2.failed == 200);
  REQUIRE_FALSE(reported.empty());
  CHECK(reported[0].path.ends_with("/news-dev/metadata.jsonl"));
}

TEST_CASE("index with include globs: only the files whose relative path matches are read", "[indexer]") {
  TempDir tmp;
  write_file(tmp.path / "a/2024/one.jsonl", R"({"id": "one", "title": "أ", "body": "النص الأول"})"
                                            "\n");
  write_file(tmp.path / "a/2024/drafts/two.jsonl", R"({"id": "two", "title": "ب", "body": "النص الثاني"})"
                                                   "\n");
  write_file(tmp.path / "a/three.txt", "عنوان\nنص ثالث\n");
  NewsIndexerOptions o = quick_options();
  o.include = {"2024/*"};
  o.exclude = {"*/drafts/*"};
  const IndexSummary s = NewsIndexer((tmp.path / "db").string(), o).run({(tmp.path / "a").string()});
  CHECK(s.files == 1);
  CHECK(s.documents == 1);
  // A file named on the command line is read whatever the globs.
  const IndexSummary named = NewsIndexer((tmp.path / "db").string(), o).run({(tmp.path / "a/three.txt").string()});
  CHECK(named.files == 1);
  CHECK(named.documents == 2);
}

TEST_CASE("an index built with other analysis settings is refused", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer(db_path, quick_options()).run({samples()});
  NewsIndexerOptions o = quick_options();
  o.config.analysis.stemmer = StemmerKind::none;
  CHECK_THROWS_AS(NewsIndexer(db_path, o).run({samples()}), IncompatibleIndexError);
  CHECK(Xapian::Database(db_path).get_doccount() == 2);
}

TEST_CASE("an index stores its analysis settings, and a run completes an index of 0.1.0", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexerOptions o = quick_options();
  o.config.analysis.stemmer = StemmerKind::none;
  NewsIndexer(db_path, o).run({samples()});
  const Analyzer analyzer(o.config.analysis);
  CHECK(Xapian::Database(db_path).get_metadata(Analyzer::kSettingsMetadataKey) == analyzer.settings_toml());
  {
    Xapian::WritableDatabase old(db_path);  // as 0.1.0 left it: the fingerprint only
    old.set_metadata(Analyzer::kSettingsMetadataKey, "");
    old.commit();
  }
  NewsIndexer(db_path, o).run({samples()});
  const auto stored = Analyzer::stored_settings(Xapian::Database(db_path));
  REQUIRE(stored);
  CHECK(stored->stemmer == StemmerKind::none);
}

TEST_CASE("a locked database is a clear error", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  Xapian::WritableDatabase holder(db_path, Xapian::DB_CREATE_OR_OPEN);
  CHECK_THROWS_WITH(NewsIndexer(db_path, quick_options()).run({samples()}), Catch::Contains("locked"));
}

TEST_CASE("a warning is reported but is not a failure: its article is indexed", "[indexer]") {
  TempDir tmp;
  write_file(tmp.path / "a/feed.jsonl", "{\"id\": \"w\", \"title\": \"خبر\", \"body\": \"نص\", \"date\": \"أمس\"}\n");
  NewsIndexer indexer((tmp.path / "db").string(), quick_options());
  std::vector<ReadError> errors;
  indexer.set_error_handler([&](const ReadError& e) { errors.push_back(e); });
  const IndexSummary s = indexer.run({(tmp.path / "a").string()});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].warning);
  CHECK(s.failed == 0);
  CHECK(s.documents == 1);
}

TEST_CASE("a held run lock beside the database refuses the indexer before it opens the database", "[indexer][lock]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  const int fd = ::open((db_path + ".xa-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  CHECK_THROWS_WITH(NewsIndexer(db_path, quick_options()).run({samples()}),
                    Catch::Contains("database " + db_path + " is locked"));
  CHECK_FALSE(fs::exists(db_path));  // refused before the database was created or opened
  ::close(fd);
  CHECK(NewsIndexer(db_path, quick_options()).run({samples()}).documents == 2);
}

TEST_CASE("a second indexer is refused for the whole of a parallel run, across every merge exchange",
          "[indexer][lock]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  // A merge and an exchange after 2 documents, then each time the database doubles.
  NewsIndexerOptions o = writing(ParallelWrite::always, 2);
  std::atomic<bool> first_started{false}, first_done{false};
  std::atomic<std::size_t> refused{0}, admitted{0}, attempts{0};
  std::thread second([&] {
    // Only once the first run holds the lock (its first progress report), or the second could
    // take the lock first and the first run be the one refused.
    while (!first_started && !first_done) std::this_thread::yield();
    // Try again and again while the first run merges; an empty run still opens and commits.
    while (!first_done) {
      try {
        NewsIndexer(db_path, quick_options()).run({});
        if (!first_done) ++admitted;
      } catch (const IndexError&) {
        ++refused;
      } catch (const Xapian::Error&) {
        ++admitted;  // got far enough to trip over the first run's folders
      }
      ++attempts;
    }
  });
  IndexSummary s;
  try {
    NewsIndexer first(db_path, o);
    // The first report waits for one attempt of the second, so at least one is made while this
    // run holds the lock however the threads are scheduled (on a loaded machine the second could
    // otherwise start only after the first run ended, and nothing would be tested).
    first.set_progress_handler([&](const IndexProgress&) {
      if (first_started.exchange(true)) return;
      while (attempts == 0) std::this_thread::yield();
    });
    s = first.run({news_dev()});
  } catch (...) {
    first_done = true;
    second.join();
    throw;
  }
  first_done = true;
  second.join();
  // How many exchanges fit in the run depends on the scheduler (the workers write on while a merge
  // runs); the first one, 2 documents in, always comes before the last.
  CHECK(s.commits >= 2);
  CHECK(admitted == 0);
  CHECK(refused > 0);
  CHECK(s.documents == Xapian::Database(db_path).get_doccount());
  CHECK(s.documents >= 200);
  CHECK(std::system(("xapian-check " + db_path + " >/dev/null").c_str()) == 0);
}

TEST_CASE("a damaged database is an IndexError naming the database, wherever Xapian finds the damage", "[indexer]") {
  TempDir tmp;
  const fs::path good = tmp.path / "good";
  NewsIndexer(good.string(), quick_options()).run({samples()});
  const std::uintmax_t blocks = fs::file_size(good / "postlist.glass") / 8192;
  REQUIRE(blocks > 2);
  // One garbled block at a time: some are read at the open, others only when a key is looked up.
  for (std::uintmax_t block = 1; block < blocks; ++block) {
    const fs::path db = tmp.path / ("damaged-" + std::to_string(block));
    fs::copy(good, db);
    {
      std::fstream f(db / "postlist.glass", std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(block * 8192));
      f << std::string(8192, '\x13');
    }
    INFO("block " << block);
    try {
      NewsIndexer(db.string(), quick_options()).run({samples()});
    } catch (const IndexError& e) {
      CHECK_THAT(e.what(), Catch::Contains(db.string()));
    }
  }
}

TEST_CASE("a symbolic link loop on the command line is reported as one", "[indexer]") {
  TempDir tmp;
  fs::create_symlink(tmp.path / "loop", tmp.path / "loop");
  NewsIndexer indexer((tmp.path / "db").string(), quick_options());
  std::vector<ReadError> errors;
  indexer.set_error_handler([&](const ReadError& e) { errors.push_back(e); });
  indexer.run({(tmp.path / "loop").string()});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "symbolic link loop");
}
