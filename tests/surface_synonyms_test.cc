/** @file
 *  @brief The synonym table written by [index] synonyms: a plain QueryParser
 *  (no stemmer, FLAG_AUTO_SYNONYMS), as Omega and quest use it, reaches the
 *  normalized and stemmed terms; the pairs survive the parallel writers' merge.
 */
#include <stdlib.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_indexer.h>
#include <xapian_arabic/news_reader.h>
#include <xapian_arabic/surface_synonyms.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "index/database_merge.h"
#include "index/hash_memory.h"

using namespace xapian_arabic;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "xa-synonyms-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// Two articles, so that with two parallel writers each shard can hold one.
void write_feed(const fs::path& p) {
  std::ofstream out(p, std::ios::binary);
  out << nlohmann::json{{"id", "ABC-1"},
                        {"title", "انعقاد القمة العربية"},
                        {"body", "اجتمع القادة في القمة.\nوطالب والمعلمين بزيادة الرواتب."}}
             .dump()
      << "\n"
      << nlohmann::json{{"id", "ABC-2"}, {"title", "إضراب"}, {"body", "أعلنت نقابة المعلمين إضراباً عن العمل."}}.dump()
      << "\n";
}

NewsIndexerOptions options(ParallelWrite mode, bool synonyms) {
  NewsIndexerOptions o;
  o.threads = 2;
  o.batch_size = 1;
  o.config.index.parallel_write = mode;
  o.config.index.synonyms = synonyms;
  return o;
}

/// What a QueryParser with no stemmer and auto synonyms, as Omega's `$set{stemmer,none}`
/// `$set{flag_auto_synonyms,1}` makes it, parses @p query to.
std::string plain_parse(const Xapian::Database& db, const std::string& query) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.add_prefix("title", "S");
  return qp.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS)
      .get_description();
}

std::set<std::string> ids_matching(const Xapian::Database& db, const std::string& query) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.add_prefix("title", "S");
  Xapian::Enquire enquire(db);
  enquire.set_query(qp.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS));
  std::set<std::string> ids;
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  for (Xapian::MSetIterator m = mset.begin(); m != mset.end(); ++m) {
    const std::string data = m.get_document().get_data();
    const std::size_t at = data.find("\nid=") + 4;
    ids.insert(data.substr(at, data.find('\n', at) - at));
  }
  return ids;
}

std::set<std::string> synonyms_of(const Xapian::Database& db, const std::string& key) {
  return {db.synonyms_begin(key), db.synonyms_end(key)};
}

}  // namespace

TEST_CASE("a word maps to its normalized term and its stem, as written and as normalized", "[synonyms]") {
  struct Row {
    std::string prefix, surface, term, stem;
    std::vector<std::pair<std::string, std::string>> pairs;
  };
  const std::vector<Row> rows = {
      {"", "القمة", "القمه", "قمه", {{"القمة", "القمه"}, {"القمة", "Zقمه"}, {"القمه", "Zقمه"}}},
      {"", "والمعلمين", "والمعلمين", "معلم", {{"والمعلمين", "Zمعلم"}}},
      {"S", "القمة", "القمه", "قمه", {{"Sالقمة", "Sالقمه"}, {"Sالقمة", "ZSقمه"}, {"Sالقمه", "ZSقمه"}}},
      {"", "Reuters", "reuters", "reuter", {{"reuters", "Zreuter"}}},  // QueryParser lower-cases too
      {"", "٢٠٢٤", "2024", "", {{"٢٠٢٤", "2024"}}},                    // a number has no stem
      {"", "في", "في", "", {}},                                        // nothing to reach
  };
  for (const Row& row : rows) {
    INFO(row.prefix << row.surface);
    SurfaceSynonyms synonyms;
    synonyms.add(row.prefix, row.surface, row.term, row.stem);
    synonyms.add(row.prefix, row.surface, row.term, row.stem);  // no duplicates
    CHECK(synonyms.pairs() == row.pairs);
  }
}

TEST_CASE("stems layout: the written and the normalized form each lead to the word's one Z term",
          "[synonyms][layout]") {
  struct Row {
    std::string prefix, surface, term, stem_term;
    std::vector<std::pair<std::string, std::string>> pairs;
  };
  const std::vector<Row> rows = {
      {"", "القمة", "القمه", "قمه", {{"القمة", "Zقمه"}, {"القمه", "Zقمه"}}},
      {"", "والمعلمين", "والمعلمين", "معلم", {{"والمعلمين", "Zمعلم"}}},
      {"S", "القمة", "القمه", "قمه", {{"Sالقمة", "ZSقمه"}, {"Sالقمه", "ZSقمه"}}},
      {"", "Reuters", "reuters", "reuter", {{"reuters", "Zreuter"}}},
      {"", "٢٠٢٤", "2024", "2024", {{"٢٠٢٤", "Z2024"}, {"2024", "Z2024"}}},  // a number is indexed as Z2024
      {"", "في", "في", "في", {{"في", "Zفي"}}},
  };
  for (const Row& row : rows) {
    INFO(row.prefix << row.surface);
    SurfaceSynonyms synonyms;
    synonyms.add_stem_term(row.prefix, row.surface, row.term, row.stem_term);
    synonyms.add_stem_term(row.prefix, row.surface, row.term, row.stem_term);  // no duplicates
    CHECK(synonyms.pairs() == row.pairs);
  }
}

TEST_CASE("a word recorded once gives its pairs once across documents, and again after clear()", "[synonyms]") {
  SurfaceSynonyms synonyms;
  synonyms.add_stem_term("", "القمة", "القمه", "قمه");
  const SynonymPairs first = synonyms.take_pairs();
  CHECK(first == SynonymPairs{{"القمة", "Zقمه"}, {"القمه", "Zقمه"}});
  CHECK(synonyms.empty());
  // The next document: the word again gives nothing, a new word its own pairs.
  synonyms.add_stem_term("", "القمة", "القمه", "قمه");
  synonyms.add_stem_term("S", "القمة", "القمه", "قمه");
  CHECK(synonyms.take_pairs() == SynonymPairs{{"Sالقمة", "ZSقمه"}, {"Sالقمه", "ZSقمه"}});
  synonyms.clear();
  synonyms.add_stem_term("", "القمة", "القمه", "قمه");
  CHECK(synonyms.pairs() == first);
}

TEST_CASE("a hash memory grows to its bound, and forgets everything when that is half full", "[synonyms]") {
  HashMemory small(4);                                                 // at most 16 slots
  for (std::uint64_t h = 1; h <= 8; ++h) CHECK(small.insert(h * 16));  // one slot's chain: probing
  for (std::uint64_t h = 1; h <= 8; ++h) CHECK_FALSE(small.insert(h * 16));
  CHECK(small.insert(1000));  // the ninth: the memory starts again with it
  CHECK(small.size() == 1);
  CHECK(small.insert(16));  // forgotten
  CHECK_FALSE(small.insert(1000));
  CHECK(small.insert(0));  // 0 counts as 1
  CHECK_FALSE(small.insert(1));

  HashMemory growing(12);  // starts at 1,024 slots, may grow to 4,096: 2,048 hashes
  for (std::uint64_t h = 1; h <= 2000; ++h) REQUIRE(growing.insert(h * 0x9E3779B97F4A7C15ULL));
  for (std::uint64_t h = 1; h <= 2000; ++h) REQUIRE_FALSE(growing.insert(h * 0x9E3779B97F4A7C15ULL));
  CHECK(growing.size() == 2000);
  growing.clear();
  CHECK(growing.insert(0x9E3779B97F4A7C15ULL));
  CHECK_THROWS_AS(HashMemory(0), std::invalid_argument);
}

TEST_CASE("an acronym's synonym key is the word QueryParser reads, without dots", "[synonyms]") {
  SurfaceSynonyms synonyms;
  Xapian::Document doc;
  Analyzer().index_text(doc, "U.N.", 0, 1, {}, &synonyms);
  // "un" is already the indexed term: only its stem is added, under the key QueryParser makes of "U.N.".
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  CHECK(synonyms.pairs() == Pairs{{"un", "Zun"}});
}

TEST_CASE("a plain QueryParser with auto synonyms and no stemmer reaches the index's terms", "[synonyms]") {
  const ParallelWrite mode = GENERATE(ParallelWrite::never, ParallelWrite::always);
  INFO((mode == ParallelWrite::never ? "one writer" : "parallel writers"));
  TempDir tmp;
  write_feed(tmp.path / "feed.jsonl");
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer(db_path, options(mode, true)).run({(tmp.path / "feed.jsonl").string()});
  const Xapian::Database db(db_path);

  // The default stems layout: each word once, as its Z term.
  CHECK(plain_parse(db, "القمة") == "Query((القمة@1 SYNONYM Zقمه@1))");
  CHECK(plain_parse(db, "والمعلمين") == "Query((والمعلمين@1 SYNONYM Zمعلم@1))");
  CHECK(plain_parse(db, "title:القمة") == "Query((Sالقمة@1 SYNONYM ZSقمه@1))");
  CHECK(ids_matching(db, "القمة") == std::set<std::string>{"ABC-1"});
  CHECK(ids_matching(db, "المعلمين") == std::set<std::string>{"ABC-1", "ABC-2"});
  CHECK(ids_matching(db, "title:إضراب") == std::set<std::string>{"ABC-2"});
  CHECK(ids_matching(db, "القمة OR إضراب") == std::set<std::string>{"ABC-1", "ABC-2"});
}

TEST_CASE("with [index] synonyms off the synonym table stays empty", "[synonyms]") {
  TempDir tmp;
  write_feed(tmp.path / "feed.jsonl");
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer(db_path, options(ParallelWrite::never, false)).run({(tmp.path / "feed.jsonl").string()});
  const Xapian::Database db(db_path);
  CHECK(db.synonym_keys_begin() == db.synonym_keys_end());
  CHECK(plain_parse(db, "القمة") == "Query(القمة@1)");
}

TEST_CASE("the compactor's merge of shards unites the synonyms of a key", "[synonyms]") {
  TempDir tmp;
  const std::string base = (tmp.path / "db").string(), a = (tmp.path / "a").string(), b = (tmp.path / "b").string();
  for (const auto& [path, synonym] : {std::pair{base, "Zقمه"}, {a, "القمه"}, {b, "Zقم"}}) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    db.add_synonym("القمة", synonym);
    db.add_synonym(std::string("only-in-") + fs::path(path).filename().string(), "x");
    db.add_document(Xapian::Document());
    db.commit();
  }
  const std::string merged = (tmp.path / "merged").string();
  compact_into(base, {a, b}, merged);
  const Xapian::Database db(merged);
  CHECK(synonyms_of(db, "القمة") == std::set<std::string>{"Zقمه", "القمه", "Zقم"});
  for (const char* key : {"only-in-db", "only-in-a", "only-in-b"})
    CHECK(synonyms_of(db, key) == std::set<std::string>{"x"});
}

TEST_CASE("the indexer writes the names table into the synonym table, for plain QueryParsers", "[synonyms]") {
  const ParallelWrite mode = GENERATE(ParallelWrite::never, ParallelWrite::always);
  INFO((mode == ParallelWrite::never ? "one writer" : "parallel writers"));
  TempDir tmp;
  {
    std::ofstream out(tmp.path / "feed.jsonl", std::ios::binary);
    out << nlohmann::json{{"id", "sky"}, {"title", "قمة هلسنكي"}, {"body", "التقى ترامب نظيره الروسي."}}.dump() << "\n"
        << nlohmann::json{{"id", "arb"}, {"title", "قمة هلسنكي"}, {"body", "التقى ترمب نظيره الروسي."}}.dump() << "\n";
  }
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer(db_path, options(mode, true)).run({(tmp.path / "feed.jsonl").string()});
  const Xapian::Database db(db_path);
  const Analyzer analyzer;
  // Each spelling, as typed, reaches the terms of every spelling, also one no article has (نتانيهو).
  CHECK(synonyms_of(db, "ترمب").count("Z" + analyzer.stem("ترامب")));
  CHECK(synonyms_of(db, "ترامب").count("Z" + analyzer.stem("ترمب")));
  CHECK(synonyms_of(db, "Sترمب").count("ZS" + analyzer.stem("ترامب")));
  CHECK(synonyms_of(db, "نتانيهو").count("Z" + analyzer.stem("نتنياهو")));
  CHECK(ids_matching(db, "ترمب") == std::set<std::string>{"sky", "arb"});
  CHECK(ids_matching(db, "ترامب") == std::set<std::string>{"sky", "arb"});

  SECTION("[synonyms] names = false: not written") {
    TempDir other;
    NewsIndexerOptions o = options(mode, true);
    o.config.synonyms.names = false;
    NewsIndexer((other.path / "db").string(), o).run({(tmp.path / "feed.jsonl").string()});
    const Xapian::Database plain((other.path / "db").string());
    CHECK_FALSE(synonyms_of(plain, "ترمب").count("Z" + analyzer.stem("ترامب")));
    CHECK(ids_matching(plain, "ترمب") == std::set<std::string>{"arb"});
  }
}

TEST_CASE("the indexer writes a derived verb's words as synonyms of its verbal noun too, for plain QueryParsers",
          "[synonyms]") {
  const ParallelWrite mode = GENERATE(ParallelWrite::never, ParallelWrite::always);
  INFO((mode == ParallelWrite::never ? "one writer" : "parallel writers"));
  TempDir tmp;
  {
    std::ofstream out(tmp.path / "feed.jsonl", std::ios::binary);
    out << nlohmann::json{{"id", "verb"}, {"title", "الشرطة تعتقل ثلاثة"}, {"body", "اعتقلت الشرطة ثلاثة."}}.dump()
        << "\n"
        << nlohmann::json{{"id", "noun"}, {"title", "حملة"}, {"body", "بدأت حملة الاعتقال في المدينة."}}.dump() << "\n";
  }
  const std::string db_path = (tmp.path / "db").string();
  NewsIndexer(db_path, options(mode, true)).run({(tmp.path / "feed.jsonl").string()});
  const Xapian::Database db(db_path);
  // As search joins them ([synonyms] derived_forms): each word as written leads to both stems.
  CHECK(synonyms_of(db, "اعتقلت") == std::set<std::string>{"Zاعتقل", "Zاعتقال"});
  CHECK(synonyms_of(db, "الاعتقال") == std::set<std::string>{"Zاعتقال", "Zاعتقل"});
  CHECK(synonyms_of(db, "Sتعتقل") == std::set<std::string>{"ZSاعتقل", "ZSاعتقال"});
  CHECK(ids_matching(db, "اعتقلت") == std::set<std::string>{"verb", "noun"});
  CHECK(ids_matching(db, "الاعتقال") == std::set<std::string>{"verb", "noun"});

  SECTION("[synonyms] derived_forms = false: not written") {
    TempDir other;
    NewsIndexerOptions o = options(mode, true);
    o.config.synonyms.derived_forms = false;
    NewsIndexer((other.path / "db").string(), o).run({(tmp.path / "feed.jsonl").string()});
    const Xapian::Database plain((other.path / "db").string());
    CHECK(synonyms_of(plain, "اعتقلت") == std::set<std::string>{"Zاعتقل"});
    CHECK(ids_matching(plain, "الاعتقال") == std::set<std::string>{"noun"});
  }
}

TEST_CASE("the indexer's synonym table is the one made document by document, in both write modes", "[synonyms]") {
  // Each analysis thread records a word's pairs only the first time it meets it; the table must
  // still hold every pair of every document: 300 real articles, commits every 20.
  const ParallelWrite mode = GENERATE(ParallelWrite::never, ParallelWrite::always);
  INFO((mode == ParallelWrite::never ? "one writer" : "parallel writers"));
  TempDir tmp;
  const std::string feed = (tmp.path / "feed.jsonl").string();
  {
    gzFile in = gzopen(XA_SHARED_DATA_DIR "/news-bench/articles.jsonl.gz", "rb");
    REQUIRE(in);
    std::ofstream out(feed, std::ios::binary);
    char line[1 << 16];
    for (int n = 0; n < 300 && gzgets(in, line, sizeof line);)
      if (out << line; std::string_view(line).ends_with('\n')) ++n;
    gzclose(in);
  }
  NewsIndexerOptions o = options(mode, true);
  o.batch_size = 20;
  o.config.synonyms.names = false;  // the names table is written whole, not per document
  NewsIndexer((tmp.path / "db").string(), o).run({feed});

  std::set<std::pair<std::string, std::string>> expected;
  const NewsReader reader(o.config.reader_options());
  const ArticleExtractor extractor(o.config.extraction);
  const Analyzer analyzer(o.config.analysis, o.config.index.layout);
  std::size_t articles = 0;
  reader.read_file(
      feed, tmp.path.string(),
      [&](NewsArticle&& article) {
        extractor.extract(article);
        SurfaceSynonyms one_document;
        NewsDocumentOptions doc_options;
        doc_options.weights = o.config.weights;
        doc_options.synonyms = &one_document;
        make_news_document(article, analyzer, doc_options);
        add_derived_form_synonyms(one_document, analyzer);
        expected.insert(one_document.pairs().begin(), one_document.pairs().end());
        ++articles;
      },
      [](ReadError&& e) { FAIL(e.message); });
  REQUIRE(articles == 300);

  const Xapian::Database db((tmp.path / "db").string());
  std::set<std::pair<std::string, std::string>> written;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k)
    for (auto v = db.synonyms_begin(*k); v != db.synonyms_end(*k); ++v) written.emplace(*k, *v);
  CHECK(written.size() == expected.size());
  CHECK(written == expected);
}
