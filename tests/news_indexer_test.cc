/** @file
 *  @brief NewsIndexer from C++: a real database from news-samples, incremental
 *  runs, duplicate ids, stop flag, errors, progress, analysis fingerprint.
 */
#include <stdlib.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_indexer.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

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
  NewsIndexerOptions o = quick_options();
  o.batch_size = 10;
  const IndexSummary s = NewsIndexer((tmp.path / "db").string(), o).run({(tmp.path / "a").string()});
  CHECK(s.articles_added == 25);
  CHECK(s.commits == 3);  // after 10, after 20, and the final one
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

TEST_CASE("an index built with other analysis settings is refused", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer(db_path, quick_options()).run({samples()});
  NewsIndexerOptions o = quick_options();
  o.config.analysis.stemmer = StemmerKind::none;
  CHECK_THROWS_AS(NewsIndexer(db_path, o).run({samples()}), IncompatibleIndexError);
  CHECK(Xapian::Database(db_path).get_doccount() == 2);
}

TEST_CASE("a locked database is a clear error", "[indexer]") {
  TempDir tmp;
  const std::string db_path = (tmp.path / "db").string();
  Xapian::WritableDatabase holder(db_path, Xapian::DB_CREATE_OR_OPEN);
  CHECK_THROWS_WITH(NewsIndexer(db_path, quick_options()).run({samples()}), Catch::Contains("locked"));
}
