/** @file
 *  @brief The synonym table written by [index] synonyms: a plain QueryParser
 *  (no stemmer, FLAG_AUTO_SYNONYMS), as Omega and quest use it, reaches the
 *  normalized and stemmed terms; the pairs survive the parallel writers' merge.
 */
#include <stdlib.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/news_indexer.h>
#include <xapian_arabic/surface_synonyms.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "index/database_merge.h"

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

TEST_CASE("a hash memory forgets everything when half full, and only then", "[synonyms]") {
  HashMemory memory(4);                                                 // 16 slots
  for (std::uint64_t h = 1; h <= 8; ++h) CHECK(memory.insert(h * 16));  // one slot's chain: probing
  for (std::uint64_t h = 1; h <= 8; ++h) CHECK_FALSE(memory.insert(h * 16));
  CHECK(memory.insert(1000));        // the ninth: the memory starts again with it
  CHECK(memory.insert(16));          // forgotten
  CHECK_FALSE(memory.insert(1000));  // kept
  CHECK(memory.insert(0));           // 0 is a hash like any other
  CHECK_FALSE(memory.insert(0));
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
