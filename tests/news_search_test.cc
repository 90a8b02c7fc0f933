/** @file
 *  @brief NewsSearch on a small real index: fields, date and source filters, sorting, snippets, config.
 *
 *  The index is built here with Xapian and the Analyzer in the schema's layout
 *  (index_schema.h) from the 200 articles of news-dev, with their reference
 *  dates and outlets from metadata.jsonl, so these tests don't depend on the indexer.
 */
#include <unistd.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_search.h>
#include <xapian_arabic/normalizer.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "search/document_data.h"
#include "tables/spelling_groups.h"

using namespace xapian_arabic;

namespace {

const std::string kDevDir = std::string(XA_SHARED_DATA_DIR) + "/news-dev/";

struct DevArticle {
  std::string id, title, body, date, source;  // date: YYYY-MM-DD
};

std::vector<DevArticle> dev_articles() {
  std::vector<DevArticle> articles;
  std::ifstream meta(kDevDir + "metadata.jsonl");
  std::string line;
  while (std::getline(meta, line)) {
    const auto j = nlohmann::json::parse(line);
    DevArticle a;
    a.id = j["id"];
    a.date = j["date"].get<std::string>().substr(0, 10);
    a.source = j["source"];
    std::ifstream in(kDevDir + a.id + ".txt");
    std::getline(in, a.title);
    std::stringstream rest;
    rest << in.rdbuf();
    a.body = rest.str();
    articles.push_back(std::move(a));
  }
  return articles;
}

/// One document in the layout of index_schema.h, as the indexer writes it.
Xapian::Document make_document(const Analyzer& analyzer, const DevArticle& a, const FieldWeights& weights = {}) {
  Xapian::Document doc;
  Xapian::termpos pos = analyzer.index_text(doc, a.title, 0, weights.title, schema::kTitlePrefix);
  pos = analyzer.index_text(doc, a.title, 0, weights.title);
  analyzer.index_text(doc, a.body, pos + 100, weights.body);
  doc.add_boolean_term(schema::kIdPrefix + a.id);
  doc.add_boolean_term(schema::kSourcePrefix + a.source);
  std::string ymd = a.date.substr(0, 4) + a.date.substr(5, 2) + a.date.substr(8, 2);
  doc.add_value(schema::kPublishedSlot, ymd);
  using namespace std::chrono;
  const year_month_day day{year(std::stoi(a.date.substr(0, 4))), month(std::stoul(a.date.substr(5, 2))),
                           std::chrono::day(std::stoul(a.date.substr(8, 2)))};
  doc.add_value(schema::kPublishedDaysSlot, Xapian::sortable_serialise(sys_days(day).time_since_epoch().count()));
  doc.set_data("id=" + a.id + "\ntitle=" + a.title + "\npublished=" + a.date + "\nsource=" + a.source +
               "\nurl=https://example.org/" + a.id + "\ntext=" + a.body);
  return doc;
}

const std::vector<DevArticle>& articles() {
  static const std::vector<DevArticle> all = dev_articles();
  return all;
}

Xapian::WritableDatabase build_index(const Config& config = Config::defaults()) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Analyzer analyzer(config.analysis, config.index.layout);
  for (const auto& a : articles()) db.add_document(make_document(analyzer, a, config.weights));
  analyzer.write_metadata(db);
  db.commit();
  return db;
}

/// The index with the default config, built once.
const Xapian::Database& default_index() {
  static const Xapian::Database db = build_index();
  return db;
}

/// The same articles in the words layout (the default before 0.2), built once: the exact-form
/// boost and wildcards over words as written need it.
const Xapian::Database& words_index() {
  static const Xapian::Database db = [] {
    Config words = Config::defaults();
    words.index.layout = IndexLayout::words;
    return build_index(words);
  }();
  return db;
}

/// Saudi Press Agency under its Arabic acronym, English acronym, full name and key.
std::vector<std::string> test_resolver(std::string_view name) {
  static const std::map<std::string, std::string> aliases = {
      {"واس", "was"}, {"spa", "was"}, {"was", "was"}, {"وكاله الانباء السعوديه", "was"}, {"cnn", "cnn"}};
  const auto found = aliases.find(std::string(name));
  if (found == aliases.end()) return {};
  return {found->second};
}

std::vector<std::string> ids(const SearchResults& results) {
  std::vector<std::string> out;
  for (const auto& hit : results.hits) out.push_back(hit.id);
  return out;
}

std::set<std::string> id_set(const SearchResults& results) {
  const auto v = ids(results);
  return {v.begin(), v.end()};
}

const DevArticle& article(const std::string& id) {
  for (const auto& a : articles())
    if (a.id == id) return a;
  FAIL("no article " << id);
  throw;
}

SearchResults run(const NewsSearch& search, const std::string& query, std::size_t limit = 200) {
  SearchRequest request;
  request.query = query;
  request.limit = limit;
  return search.search(request);
}

}  // namespace

TEST_CASE("parse_date_range: forms and bounds", "[search]") {
  struct Row {
    const char* text;
    const char* from;
    const char* to;
  };
  const Row rows[] = {
      {"2024-11-05", "20241105", "20241105"},
      {"20241105", "20241105", "20241105"},
      {"2024-11", "20241101", "20241130"},
      {"2024-2", "20240201", "20240229"},
      {"2023-02", "20230201", "20230228"},
      {"2024", "20240101", "20241231"},
      {"٢٠٢٤-١١-٠١..٢٠٢٤-١١-٣٠", "20241101", "20241130"},
      {"2024-11-01..2024-11-30", "20241101", "20241130"},
      {"2024-11..2025", "20241101", "20251231"},
      {"2024-11-01..", "20241101", ""},
      {"..2024-11", "", "20241130"},
      {"نوفمبر 2024", "20241101", "20241130"},
      {"تشرين الثاني 2024", "20241101", "20241130"},
      {"كانون الثاني ٢٠٢٤..آذار 2024", "20240101", "20240331"},
      {"2024/11/05", "20241105", "20241105"},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const DateRange r = parse_date_range(row.text);
    CHECK(r.from == row.from);
    CHECK(r.to == row.to);
  }
  for (const char* bad : {"", "..", "2024-13", "2023-02-29", "24-11-01", "نوفمبر", "فلان 2024",
                          "2024-11-30..2024-11-01", "2024-11-05-01", "abc"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_date_range(bad), SearchError);
  }
}

TEST_CASE("parse_date_range: what the extractor reads, through its grammar", "[search]") {
  struct Row {
    const char* text;
    const char* from;
    const char* to;
  };
  // Relative dates count from Wednesday 20 November 2024.
  const CivilDate today{2024, 11, 20};
  const Row rows[] = {
      {"16/07/2018", "20180716", "20180716"},     {"16 يوليو 2018", "20180716", "20180716"},
      {"١٦ يوليو ٢٠١٨", "20180716", "20180716"},  {"تموز 2018", "20180701", "20180731"},
      {"يوليوز 2018", "20180701", "20180731"},    {"رمضان 1439", "20180516", "20180614"},
      {"1439هـ", "20170921", "20180910"},         {"١٤٣٩ هـ", "20170921", "20180910"},
      {"1439م", "14390101", "14391231"},          {"أمس", "20241119", "20241119"},
      {"الأسبوع الماضي", "20241111", "20241117"}, {"الشهر الماضي", "20241001", "20241031"},
      {"16 يوليو", "20240716", "20240716"},       {"من 12 إلى 22 ديسمبر 2023", "20231212", "20231222"},
      {"2024-11..أمس", "20241101", "20241119"},   {"رمضان 1439..شوال 1439", "20180516", "20180713"},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const DateRange r = parse_date_range(row.text, "", today);
    CHECK(r.from == row.from);
    CHECK(r.to == row.to);
  }
  // Each error names what was not understood.
  CHECK_THROWS_WITH(parse_date_range("1439", "", today), Catch::Contains("1439هـ") && Catch::Contains("1439م"));
  CHECK_THROWS_WITH(parse_date_range("16 يوليو 2018 فلان", "", today), Catch::Contains("'فلان' was not understood"));
  CHECK_THROWS_WITH(parse_date_range("16/07/18", "", today), Catch::Contains("4-digit year"));
  CHECK_THROWS_WITH(parse_date_range("أمس واليوم", "", today), Catch::Contains("FROM..TO"));
  CHECK_THROWS_WITH(parse_date_range("كلام", "", today), Catch::Contains("'كلام' is not a date"));
}

TEST_CASE("date ranges before the year 1000 keep four-digit years, so they compare with the index's days", "[search]") {
  CHECK(parse_date_range("0999").from == "09990101");
  CHECK(parse_date_range("0999").to == "09991231");
  CHECK(parse_date_range("0999-02").to == "09990228");
  const DateRange r = parse_date_range("0999..2024");  // was refused: "9990101" sorts after "20241231"
  CHECK(r.from == "09990101");
  CHECK(r.to == "20241231");
}

TEST_CASE("parse_document_data: Omega field=value lines, multi-line text", "[search]") {
  const auto f = parse_document_data("url=https://x.org/a\ntitle=عنوان\ntext=سطر أول\nسطر=ثان\nid=a1\ncity=موسكو");
  CHECK(f.at("url") == "https://x.org/a");
  CHECK(f.at("title") == "عنوان");
  CHECK(f.at("text") == "سطر أول\nسطر=ثان");
  CHECK(f.at("id") == "a1");
  CHECK(f.at("city") == "موسكو");
}

TEST_CASE("search: words match through normalization and stemming", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  // antm-07569: "جنوب أفريقيا: الرئيس السابق جاكوب زوما سيحاكم في قضايا فساد"
  SECTION("a rare name, written with and without diacritics and hamza") {
    for (const std::string q : {"زوما", "زُوما", "جاكوب زوما"}) {
      INFO(q);
      const auto r = run(search, q, 10);
      REQUIRE_FALSE(r.hits.empty());
      CHECK(r.hits[0].id == "antm-07569");
    }
  }
  SECTION("an inflected form finds the article through its stem") {
    const auto plain = run(search, "فساد", 200);
    const auto prefixed = run(search, "والفساد", 200);
    CHECK(id_set(plain).count("antm-07569"));
    CHECK(id_set(prefixed).count("antm-07569"));
  }
  SECTION("results carry the document data") {
    const auto r = run(search, "زوما", 1);
    REQUIRE(r.hits.size() == 1);
    const SearchHit& hit = r.hits[0];
    CHECK(hit.title == article("antm-07569").title);
    CHECK(hit.published == "2018-03-16");
    CHECK(hit.source == "france24");
    CHECK(hit.url == "https://example.org/antm-07569");
    CHECK(hit.score > 0);
  }
}

TEST_CASE("search: title:, عنوان:, AND, OR, NOT and phrases", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  const auto all = id_set(run(search, "السعودية"));
  const auto in_title = id_set(run(search, "title:السعودية"));
  REQUIRE(!in_title.empty());
  CHECK(in_title.size() < all.size());
  CHECK(id_set(run(search, "عنوان:السعودية")) == in_title);
  for (const auto& id : in_title) {
    const std::string title = Analyzer().normalize(article(id).title);
    CHECK(title.find("سعودي") != std::string::npos);
  }

  const auto a = id_set(run(search, "زوما"));
  const auto b = id_set(run(search, "فساد"));
  const auto both = id_set(run(search, "زوما AND فساد"));
  const auto either = id_set(run(search, "زوما OR فساد"));
  const auto without = id_set(run(search, "فساد NOT زوما"));
  CHECK(both == std::set<std::string>{"antm-07569"});
  CHECK(either.size() == b.size() + a.size() - both.size());
  CHECK(without.size() == b.size() - 1);
  CHECK_FALSE(without.count("antm-07569"));

  // A phrase matches only the words in that order.
  CHECK(id_set(run(search, "\"جاكوب زوما\"")).count("antm-07569"));
  CHECK(run(search, "\"زوما جاكوب\"").hits.empty());
}

TEST_CASE("search: date: filters and --from/--to on value slot 0", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  std::map<std::string, std::set<std::string>> by_day;
  for (const auto& a : articles()) by_day[a.date].insert(a.id);
  std::set<std::string> july_2015, year_2018;
  for (const auto& a : articles()) {
    if (a.date.rfind("2015-07", 0) == 0) july_2015.insert(a.id);
    if (a.date.rfind("2018", 0) == 0) year_2018.insert(a.id);
  }
  REQUIRE(july_2015.size() > 5);

  CHECK(id_set(run(search, "date:2015-07-21..2015-07-21")) == by_day["2015-07-21"]);
  CHECK(id_set(run(search, "date:٢٠١٥-٠٧-٢١..٢٠١٥-٠٧-٢١")) == by_day["2015-07-21"]);
  CHECK(id_set(run(search, "date:2015-07")) == july_2015);
  CHECK(id_set(run(search, "date:يوليو 2015")) == july_2015);
  CHECK(id_set(run(search, "تاريخ:تموز 2015")) == july_2015);
  CHECK(id_set(run(search, "date:\"يوليو 2015\"")) == july_2015);
  CHECK(id_set(run(search, "date:2018")) == year_2018);

  // Combined with words: only matching articles of that period.
  const auto word_2018 = run(search, "الرئيس date:2018");
  REQUIRE_FALSE(word_2018.hits.empty());
  for (const auto& hit : word_2018.hits) CHECK(hit.published.substr(0, 4) == "2018");
  CHECK(word_2018.hits.size() < run(search, "الرئيس").hits.size());

  SearchRequest request;
  request.limit = 200;
  request.from = "2015-07-01";
  request.to = "2015-07";
  CHECK(id_set(search.search(request)) == july_2015);
  request.from = "٢٠١٨";
  request.to.clear();
  CHECK(id_set(search.search(request)) == year_2018);

  CHECK_THROWS_AS(run(search, "date:2015-13"), SearchError);
  request.from = "2018-01-01";
  request.to = "2017-01-01";
  CHECK_THROWS_AS(search.search(request), SearchError);
}

TEST_CASE("search: date:, --from and --to read dates with the extractor's grammar", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  std::map<std::string, std::set<std::string>> by_day;
  std::set<std::string> shawwal_1436, from_2015_07_20;
  for (const auto& a : articles()) {
    by_day[a.date].insert(a.id);
    if (a.date >= "2015-07-17" && a.date <= "2015-08-15") shawwal_1436.insert(a.id);  // Umm al-Qura
    if (a.date >= "2015-07-20") from_2015_07_20.insert(a.id);
  }
  REQUIRE(by_day["2015-07-21"].size() > 0);
  REQUIRE(shawwal_1436.size() > 5);

  // A day in words or numbers, unquoted as people type it, or quoted.
  CHECK(id_set(run(search, "date:21/07/2015")) == by_day["2015-07-21"]);
  CHECK(id_set(run(search, "date:21 يوليو 2015")) == by_day["2015-07-21"]);
  CHECK(id_set(run(search, "date:\"21 تموز 2015\"")) == by_day["2015-07-21"]);
  // Hijri: a month, a year with هـ.
  CHECK(id_set(run(search, "date:شوال 1436")) == shawwal_1436);
  CHECK_FALSE(run(search, "date:1436هـ").hits.empty());
  // date:1439 would be the Gregorian year 1439 (nothing): it is refused, saying how to write it.
  CHECK_THROWS_WITH(run(search, "date:1436"), Catch::Contains("1436هـ"));

  // Relative dates count from the request's day.
  SearchRequest request;
  request.limit = 200;
  request.today = CivilDate{2015, 7, 22};
  request.query = "date:أمس";
  CHECK(id_set(search.search(request)) == by_day["2015-07-21"]);
  request.query.clear();
  request.from = "أول أمس";
  CHECK(id_set(search.search(request)) == from_2015_07_20);
  request.from = "الأسبوع الماضي";  // Monday 13 July 2015 to Sunday 19 July
  request.to = "الأسبوع الماضي";
  std::set<std::string> last_week;
  for (const auto& a : articles())
    if (a.date >= "2015-07-13" && a.date <= "2015-07-19") last_week.insert(a.id);
  CHECK(id_set(search.search(request)) == last_week);
  request.from = "أمس فلان";
  CHECK_THROWS_WITH(search.search(request), Catch::Contains("'فلان' was not understood"));
}

TEST_CASE("search: date: month names come from the config's [dates] tables_dir", "[search]") {
  const auto dir = std::filesystem::temp_directory_path() / "xa-search-months-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(XA_SOURCE_DIR "/config/dates"))
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  std::ofstream(dir / "months.tsv", std::ios::app) << "يوليوو\t7\tmsa\t-\n";  // a spelling of the user's own
  std::set<std::string> july_2015;
  for (const auto& a : articles())
    if (a.date.rfind("2015-07", 0) == 0) july_2015.insert(a.id);

  const NewsSearch builtin(default_index(), Config::defaults(), test_resolver);
  CHECK_THROWS_WITH(run(builtin, "date:يوليوو 2015"), Catch::Contains("bad date"));
  CHECK_THROWS_AS(parse_date_range("يوليوو 2015"), SearchError);

  Config config = Config::defaults();
  config.extraction.dates_tables_dir = dir.string();
  const NewsSearch mine(default_index(), config, test_resolver);
  CHECK(id_set(run(mine, "date:يوليوو 2015")) == july_2015);
  CHECK(id_set(run(mine, "date:يوليو 2015")) == july_2015);  // the table's own names still work
  SearchRequest request;
  request.limit = 200;
  request.from = "يوليوو 2015";
  request.to = "يوليوو 2015";
  CHECK(id_set(mine.search(request)) == july_2015);
  CHECK(parse_date_range("يوليوو 2015", dir.string()).from == "20150701");

  // A malformed months.tsv is a table error naming its line, when the search is made.
  std::ofstream(dir / "months.tsv", std::ios::app) << "شهري\t13\tmsa\t-\n";
  CHECK_THROWS_WITH(NewsSearch(default_index(), config, test_resolver), Catch::Contains("months.tsv:"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("search: source: matches every alias of an agency", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  std::set<std::string> spa;
  for (const auto& a : articles())
    if (a.source == "was") spa.insert(a.id);
  REQUIRE(spa.size() == 4);
  CHECK(id_set(run(search, "source:واس")) == spa);
  CHECK(id_set(run(search, "source:SPA")) == spa);
  CHECK(id_set(run(search, "مصدر:واس")) == spa);
  CHECK(id_set(run(search, "source:\"وكالة الأنباء السعودية\"")) == spa);
  CHECK(run(search, "source:nosuchagency").hits.empty());

  // Two sources OR together; a source and a date AND together.
  const auto two = id_set(run(search, "source:واس source:cnn"));
  CHECK(two.size() == 4 + 13);
  SearchRequest request;
  request.limit = 200;
  request.sources = {"وكالة الانباء السعودية"};
  CHECK(id_set(search.search(request)) == spa);
  request.query = "date:2015-08..2015-12";
  for (const auto& hit : search.search(request).hits) {
    CHECK(spa.count(hit.id));
    CHECK(hit.published >= "2015-08");
  }
}

TEST_CASE("search: a --source neither the alias table nor the index knows is an error naming it", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  SearchRequest request;
  request.limit = 200;
  request.sources = {"nosuchagency"};
  CHECK_THROWS_WITH(search.search(request), Catch::Contains("'nosuchagency': unknown source"));
  // Not in the table but in the index (keyed by its name): a filter like any other.
  request.sources = {"france24"};
  const auto hits = search.search(request).hits;
  REQUIRE_FALSE(hits.empty());
  for (const auto& hit : hits) CHECK(hit.source == "france24");
}

TEST_CASE("search: without a resolver of its own, NewsSearch resolves sources through the config's alias table",
          "[search]") {
  const NewsSearch search(default_index(), Config::defaults());  // as docs/search.md's C++ example
  std::set<std::string> spa;
  for (const auto& a : articles())
    if (a.source == "was") spa.insert(a.id);
  SearchRequest request;
  request.limit = 200;
  request.sources = {"واس"};
  CHECK(id_set(search.search(request)) == spa);
  CHECK(id_set(run(search, "source:SPA")) == spa);
}

TEST_CASE("search: sorting by date and paging", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  SearchRequest request;
  request.query = "الرئيس";
  request.limit = 30;
  request.sort = SortOrder::date;
  const auto by_date = search.search(request);
  REQUIRE(by_date.hits.size() > 5);
  for (std::size_t i = 1; i < by_date.hits.size(); ++i)
    CHECK(by_date.hits[i - 1].published >= by_date.hits[i].published);

  request.sort = SortOrder::relevance;
  const auto first = search.search(request);
  for (std::size_t i = 1; i < first.hits.size(); ++i) CHECK(first.hits[i - 1].score >= first.hits[i].score);
  request.offset = 5;
  request.limit = 5;
  const auto page = search.search(request);
  REQUIRE(page.hits.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) CHECK(page.hits[i].docid == first.hits[i + 5].docid);
}

TEST_CASE("search: an offset or limit past Xapian's 32-bit doccount is an error, not another page", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  SearchRequest request;
  request.query = "الرئيس";
  request.limit = 1;
  const Xapian::docid top = search.search(request).hits.at(0).docid;
  request.offset = std::size_t{1} << 32;  // wrapped to 0 before: the first page again
  CHECK_THROWS_WITH(search.search(request), Catch::Contains("offset 4294967296"));
  request.offset = std::numeric_limits<Xapian::doccount>::max();  // the largest is still a (empty) page
  CHECK(search.search(request).hits.empty());
  request.offset = 0;
  request.limit = (std::size_t{1} << 32) + 1;  // wrapped to 1
  CHECK_THROWS_WITH(search.search(request), Catch::Contains("limit 4294967297"));
  request.limit = std::numeric_limits<Xapian::doccount>::max();
  CHECK(search.search(request).hits.at(0).docid == top);
}

TEST_CASE("search: snippets of the original text highlight the matched words", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  const auto r = run(search, "زوما", 1);
  REQUIRE(r.hits.size() == 1);
  const std::string& snippet = r.hits[0].snippet;
  CHECK(snippet.find(std::string(NewsSearch::kHighlightStart) + "زوما" + NewsSearch::kHighlightEnd) !=
        std::string::npos);
  CHECK(snippet.size() <= Config::defaults().search.snippet_length + 100);

  // A normalized query highlights the word as written in the text (أفريقيا, not افريقيا).
  const auto africa = run(search, "افريقيا زوما", 1);
  REQUIRE(africa.hits.size() == 1);
  CHECK(africa.hits[0].snippet.find(std::string(NewsSearch::kHighlightStart) + "أفريقيا") != std::string::npos);
}

TEST_CASE("search: [search] weighting picks Xapian's scheme; DPH by default", "[search]") {
  const Xapian::Database& db = default_index();
  Config config = Config::defaults();
  CHECK(config.search.weighting == WeightingScheme::dph);
  config.search.exact_form_weight = 0;  // the query alone, as a plain Enquire runs it
  const auto dph = run(NewsSearch(db, config, test_resolver), "الرئيس المصري", 20);
  REQUIRE(dph.hits.size() > 3);
  // The scores are Xapian's own DPHWeight over the same query (a remote shard ranks alike).
  const Analyzer analyzer(config.analysis, index_config(db).index.layout);
  Xapian::QueryParser parser = analyzer.make_query_parser();
  parser.set_database(db);
  Xapian::Enquire plain(db);
  plain.set_query(analyzer.parse_query(parser, "الرئيس المصري"));
  plain.set_weighting_scheme(Xapian::DPHWeight());
  const Xapian::MSet mset = plain.get_mset(0, 1);
  REQUIRE(mset.size() == 1);
  CHECK(dph.hits[0].score == Approx(mset.begin().get_weight()));

  for (WeightingScheme other : {WeightingScheme::bm25, WeightingScheme::dlh}) {
    INFO(to_string(other));
    config.search.weighting = other;
    const auto ranked = run(NewsSearch(db, config, test_resolver), "الرئيس المصري", 20);
    REQUIRE(ranked.hits.size() == dph.hits.size());
    CHECK(ranked.hits[0].score != Approx(dph.hits[0].score));
  }
}

TEST_CASE("search: [bm25] and [recency] change the ranking", "[search]") {
  const Xapian::Database& db = default_index();
  Config config = Config::defaults();
  config.search.weighting = WeightingScheme::bm25;
  const auto base = run(NewsSearch(db, config, test_resolver), "الرئيس المصري", 20);
  config.bm25.k1 = 0.0;  // no term frequency: every matching document of a term scores alike
  const auto flat = run(NewsSearch(db, config, test_resolver), "الرئيس المصري", 20);
  REQUIRE(base.hits.size() == flat.hits.size());
  CHECK(base.hits[0].score != Approx(flat.hits[0].score));

  config = Config::defaults();
  config.recency.enabled = true;
  config.recency.weight = 1000;  // overwhelms BM25: newest first
  config.recency.half_life_days = 30;
  const auto recent = run(NewsSearch(db, config, test_resolver), "الرئيس", 20);
  REQUIRE(recent.hits.size() > 5);
  for (std::size_t i = 1; i < recent.hits.size(); ++i) CHECK(recent.hits[i - 1].published >= recent.hits[i].published);
  CHECK(ids(recent) != ids(run(NewsSearch(db, Config::defaults(), test_resolver), "الرئيس", 20)));
}

TEST_CASE("search: an index built with other analysis settings is refused", "[search]") {
  Config other = Config::defaults();
  other.analysis.stemmer = StemmerKind::none;
  const Xapian::WritableDatabase db = build_index(other);
  try {
    NewsSearch search(db, Config::defaults(), test_resolver);
    FAIL("no error");
  } catch (const IncompatibleIndexError& e) {
    CHECK(std::string(e.what()).find("reindex") != std::string::npos);
  }
  CHECK_NOTHROW(NewsSearch(db, other, test_resolver));
}

TEST_CASE("search: with no config, the analysis settings come from the index", "[search]") {
  Config other = Config::defaults();
  other.analysis.stemmer = StemmerKind::none;
  other.analysis.normalization.fold_alef = false;
  const Xapian::WritableDatabase db = build_index(other);
  CHECK(index_config(db).analysis.fingerprint() == other.analysis.fingerprint());
  const NewsSearch from_index(db, test_resolver);
  const NewsSearch given(db, other, test_resolver);
  const auto found = ids(run(from_index, "الرئيس", 20));
  CHECK_FALSE(found.empty());
  CHECK(found == ids(run(given, "الرئيس", 20)));
  // An index with only the fingerprint (0.1.0) is searched with the defaults, as before.
  Xapian::WritableDatabase old = build_index();
  old.set_metadata(Analyzer::kSettingsMetadataKey, "");
  CHECK(index_config(old).analysis.fingerprint() == Config::defaults().analysis.fingerprint());
  CHECK_NOTHROW(NewsSearch(old, test_resolver));
}

TEST_CASE("search: the layout comes from the index, whatever the config says", "[search][layout]") {
  Config words = Config::defaults();
  words.index.layout = IndexLayout::words;
  const Xapian::WritableDatabase db = build_index(words);
  CHECK(index_config(db).index.layout == IndexLayout::words);
  // The config's default (stems) is not how this index is laid out: the index's layout is used.
  const NewsSearch given(db, Config::defaults(), test_resolver);
  const NewsSearch from_index(db, test_resolver);
  for (const std::string query : {"\"رئيس الوزراء\"", "الرئيس", "title:زوما"}) {
    INFO(query);
    const auto found = ids(run(from_index, query, 20));
    CHECK_FALSE(found.empty());
    CHECK(found == ids(run(given, query, 20)));
  }
}

TEST_CASE("search: phrases match on stems in the stems layout, and snippets highlight the words as written",
          "[search][layout]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  const auto exact = id_set(run(search, "\"الرئيس المصري\""));
  REQUIRE_FALSE(exact.empty());
  // Another inflection of both words, in a phrase: the same stems, so at least the same articles.
  const auto inflected = run(search, "\"والرئيس المصرى\"");
  for (const auto& id : exact) CHECK(id_set(inflected).count(id) == 1);
  CHECK(inflected.query_description.find("Zرييس") != std::string::npos);
  // The phrase's words are highlighted as the text writes them.
  const auto r = run(search, "\"الرئيس المصري\"", 1);
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].snippet.find(std::string(NewsSearch::kHighlightStart) + "الرئيس") != std::string::npos);
  // A parse error does not leave the parser with another stemming strategy.
  CHECK_THROWS_AS(run(search, "date:نوفمبر"), SearchError);
  CHECK(id_set(run(search, "\"الرئيس المصري\"")) == exact);
}

TEST_CASE("search: a quoted phrase among other words also matches word by word; alone it stays a phrase", "[search]") {
  const NewsSearch ranked(default_index(), Config::defaults(), test_resolver);
  Config strict_config = Config::defaults();
  strict_config.search.strict_phrases = true;
  const NewsSearch strict(default_index(), strict_config, test_resolver);
  // The words in the wrong order: no article has that phrase.
  const auto corruption = id_set(run(ranked, "فساد"));
  const auto zuma = id_set(run(ranked, "زوما"));
  REQUIRE_FALSE(zuma.empty());
  CHECK(id_set(run(strict, "فساد \"زوما جاكوب\"")) == corruption);
  const auto relaxed = id_set(run(ranked, "فساد \"زوما جاكوب\""));
  for (const auto& id : zuma) CHECK(relaxed.count(id) == 1);
  for (const auto& id : corruption) CHECK(relaxed.count(id) == 1);
  // Alone, or required with +, a phrase is a phrase in either mode.
  CHECK(run(ranked, "\"زوما جاكوب\"").hits.empty());
  CHECK(run(ranked, "+\"زوما جاكوب\" فساد").hits.empty());
  // With phrase_boost (0 by default), the article with the phrase gains it over its words alone.
  Config with_boost = Config::defaults();
  with_boost.search.phrase_boost = 0.25;
  const NewsSearch boosted(default_index(), with_boost, test_resolver);
  const NewsSearch& unboosted = ranked;
  const auto score_of = [](const SearchResults& r, const std::string& id) {
    for (const auto& hit : r.hits)
      if (hit.id == id) return hit.score;
    return -1.0;
  };
  const std::string query = "فساد \"جاكوب زوما\"";
  CHECK(score_of(run(boosted, query), "antm-07569") > score_of(run(unboosted, query), "antm-07569") + 1e-9);
  CHECK(run(boosted, query).query_description.find("PHRASE") != std::string::npos);
  CHECK(run(unboosted, query).query_description.find("PHRASE") == std::string::npos);
}

TEST_CASE("search: malformed queries give a SearchError", "[search]") {
  const NewsSearch search(default_index(), Config::defaults(), test_resolver);
  CHECK_THROWS_AS(run(search, "date:نوفمبر"), SearchError);
  CHECK_THROWS_AS(run(search, "date:.."), SearchError);
  CHECK(run(search, "").hits.empty());
}

TEST_CASE("search: the exact-form boost reorders but never adds matches", "[search]") {
  Config words = Config::defaults();
  words.index.layout = IndexLayout::words;
  NewsSearch search(build_index(words), Config::defaults(), test_resolver);
  const auto stemmed_only = run(search, "والفساد الرئيس");
  search.set_exact_form_weight(1.0);
  const auto boosted = run(search, "والفساد الرئيس");
  CHECK(id_set(boosted) == id_set(stemmed_only));
  CHECK(boosted.query_description.find("AND_MAYBE") != std::string::npos);
  // Articles with the words as written (الرئيس) gain; the stemmed-only match keeps its score.
  std::map<std::string, double> before;
  for (const auto& hit : stemmed_only.hits) before[hit.id] = hit.score;
  int gained = 0;
  for (const auto& hit : boosted.hits) {
    CHECK(hit.score >= before[hit.id] - 1e-9);
    if (hit.score > before[hit.id] + 1e-9) ++gained;
  }
  CHECK(gained > 0);
}

TEST_CASE("search: a database rewritten under an open search is reopened and searched again", "[search]") {
  const auto dir = std::filesystem::temp_directory_path() / ("xa-search-reopen-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const Analyzer analyzer(Config::defaults().analysis);
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    for (const auto& a : articles()) db.add_document(make_document(analyzer, a));
    analyzer.write_metadata(db);
    db.commit();
  }
  const NewsSearch search(Xapian::Database(dir.string()), Config::defaults(), test_resolver);
  CHECK(run(search, "الرئيس").hits.size() > 0);
  {
    // Several commits that rewrite every document: the revision the search opened is gone.
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_OPEN);
    for (int round = 0; round < 3; ++round) {
      for (const auto& a : articles()) {
        DevArticle changed = a;
        changed.body += " مراجعة" + std::to_string(round);
        db.replace_document(schema::kIdPrefix + a.id, make_document(analyzer, changed));
      }
      db.commit();
    }
  }
  SearchResults results;
  CHECK_NOTHROW(results = run(search, "مراجعة2"));
  CHECK(results.hits.size() == articles().size());
  std::filesystem::remove_all(dir);
}

TEST_CASE("search: the exact-form boost never takes field names or the words of a field", "[search]") {
  const NewsSearch search(words_index(), Config::defaults(), test_resolver);
  for (const std::string field : {"title", "عنوان", "Title"}) {
    INFO(field);
    // A field's words are matched in that field only; as unprefixed words in the boost they would rank
    // articles with قمة anywhere in the text higher, and the field's name would be a word of its own.
    const std::string alone = search.parse(field + ":\"قمة هلسنكي\"").get_description();
    INFO(alone);
    CHECK(alone.find("AND_MAYBE") == std::string::npos);
    CHECK(alone.find("title") == std::string::npos);
    CHECK(alone.find("عنوان") == std::string::npos);
    const std::string mixed = search.parse("بوتين " + field + ":\"قمة هلسنكي\"").get_description();
    INFO(mixed);
    const std::size_t boost = mixed.find("AND_MAYBE");
    REQUIRE(boost != std::string::npos);
    CHECK(mixed.substr(boost).find("بوتين") != std::string::npos);
    for (const std::string word : {"title", "عنوان", " قمه", "(قمه", " هلسنكي", "(هلسنكي"}) {
      INFO(word);
      CHECK(mixed.substr(boost).find(word) == std::string::npos);
    }
  }
}

TEST_CASE("search: a trailing * expands over the index's normalized words (words layout)", "[search]") {
  const NewsSearch search(words_index(), Config::defaults(), test_resolver);
  // جاكو* reaches جاكوب (antm-07569: جاكوب زوما), however the prefix is written; without * it is a word.
  for (const std::string q : {"جاكو*", "جَاكو*", "title:جاكو*", "عنوان:جاكو*"}) {
    INFO(q);
    CHECK(id_set(run(search, q)).count("antm-07569"));
  }
  CHECK_FALSE(id_set(run(search, "جاكو")).count("antm-07569"));
  // The prefix is normalized like the index's words: الرئاسة* is الرئاسه*.
  CHECK(id_set(run(search, "الرئاسة*")) == id_set(run(search, "الرئاسه*")));
  CHECK_FALSE(run(search, "الرئاسة*").hits.empty());
}

TEST_CASE("search: a wildcard expands to at most wildcard_limit words of the index and the most frequent ones",
          "[search]") {
  const Xapian::Database& db = words_index();
  // The most frequent unprefixed word starting with الم.
  std::string top;
  Xapian::doccount top_freq = 0;
  std::size_t words = 0;
  for (auto t = db.allterms_begin("الم"); t != db.allterms_end("الم"); ++t, ++words)
    if (t.get_termfreq() > top_freq) top = *t, top_freq = t.get_termfreq();
  REQUIRE(words > 1);
  Config config = Config::defaults();
  config.search.wildcard_limit = 1;
  const NewsSearch one(db, config, test_resolver);
  const SearchResults r = run(one, "الم*", 1000);
  CHECK(r.hits.size() == top_freq);
  for (const auto& hit : r.hits) {
    auto it = db.termlist_begin(hit.docid);
    it.skip_to(top);
    CHECK((it != db.termlist_end(hit.docid) && *it == top));
  }
  // The default limit reaches more of them.
  const NewsSearch all(db, Config::defaults(), test_resolver);
  CHECK(run(all, "الم*", 1000).hits.size() > top_freq);
}

TEST_CASE("search: city: takes a dateline city's Latin and Arabic names", "[search]") {
  // Articles as the indexer makes them: the extractor finds the dateline city, make_news_document its XCITY term.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Analyzer analyzer;
  const ArticleExtractor extractor;
  const std::map<std::string, std::string> openings = {{"dubai", "دبي - سكاي نيوز عربية"},
                                                       {"abudhabi", "أبوظبي - سكاي نيوز عربية"},
                                                       {"moscow", "موسكو-سانا"},
                                                       {"none", "قال مسؤولون اليوم"}};
  for (const auto& [id, opening] : openings) {
    NewsArticle article;
    article.id = id;
    article.title = "عنوان الخبر";
    article.body = opening + "\nأعلنت السلطات اليوم افتتاح المعرض.";
    extractor.extract(article);
    db.add_document(make_news_document(article, analyzer, {}));
  }
  analyzer.write_metadata(db);
  db.commit();
  const NewsSearch search(db, Config::defaults());
  const auto found = [&](const std::string& q) {
    INFO(q);
    return id_set(run(search, q));
  };
  using Ids = std::set<std::string>;
  for (const std::string q : {"city:Dubai", "city:dubai", "city:DUBAI", "مدينة:دبي", "city:دبي", "مدينة:Dubaï"})
    CHECK(found(q) == Ids{"dubai"});
  for (const std::string q : {"city:\"Abu Dhabi\"", "city:\"أبو ظبي\"", "مدينة:أبوظبي", "city:\"Abou Dabi\""})
    CHECK(found(q) == Ids{"abudhabi"});
  CHECK(found("city:Moscou") == Ids{"moscow"});
  // Like source:, several city: filters OR together, and a city: filter ANDs with the words.
  CHECK(found("city:Dubai city:Moscow") == (Ids{"dubai", "moscow"}));
  CHECK(found("المعرض city:Moscow") == Ids{"moscow"});
  CHECK(found("city:Atlantis").empty());
}

TEST_CASE("search: every city of the city alias table is named by its canonical spelling in cities.txt", "[search]") {
  const SourceExtractor sources;
  const Normalizer normalizer;
  for (const SpellingGroup& group : read_city_aliases({})) {
    INFO(group.spellings[0] << " (config/synonyms/cities.tsv:" << group.line << ")");
    CHECK(sources.canonical_city(group.spellings[0]) == group.spellings[0]);
  }
}

namespace {

/// An in-memory index of articles as the indexer makes them: id → (title, body).
Xapian::WritableDatabase index_of(const std::map<std::string, std::pair<std::string, std::string>>& articles) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Analyzer analyzer;
  for (const auto& [id, text] : articles) {
    NewsArticle article;
    article.id = id;
    article.title = text.first;
    article.body = text.second;
    db.add_document(make_news_document(article, analyzer, {}));
  }
  analyzer.write_metadata(db);
  db.commit();
  return db;
}

/// Three articles: two outlets' spellings of Trump, and one without him.
Xapian::WritableDatabase spellings_index() {
  return index_of({{"sky", {"ترامب يلتقي بوتين في هلسنكي", "قال الرئيس الأميركي دونالد ترامب إن القمة كانت جيدة."}},
                   {"arb", {"ترمب يلتقي بوتن في هلسنكي", "قال الرئيس الأميركي دونالد ترمب إن القمة كانت جيدة."}},
                   {"other", {"قمة في هلسنكي", "قال الرئيس الفنلندي إن القمة كانت جيدة."}}});
}

}  // namespace

TEST_CASE("search: a name's spellings are synonyms: ترمب finds ترامب and the other way round", "[search]") {
  const Xapian::WritableDatabase db = spellings_index();
  const NewsSearch search(db, Config::defaults());
  using Ids = std::set<std::string>;
  for (const std::string q : {"ترامب", "ترمب", "لترمب", "title:ترمب", "عنوان:ترامب", "بوتن", "بوتين"}) {
    INFO(q);
    CHECK(id_set(run(search, q)) == (Ids{"sky", "arb"}));
  }
  // One word to BM25, as Xapian's own synonyms are; phrases keep their words as written.
  CHECK(search.parse("ترمب").get_description().find("SYNONYM") != std::string::npos);
  CHECK(id_set(run(search, "\"دونالد ترمب\"")) == Ids{"arb"});

  SECTION("[synonyms] names = false: each spelling is its own word") {
    Config config = Config::defaults();
    config.synonyms.names = false;
    const NewsSearch plain(db, config);
    CHECK(id_set(run(plain, "ترمب")) == Ids{"arb"});
    CHECK(id_set(run(plain, "ترامب")) == Ids{"sky"});
  }
  SECTION("[synonyms] names_file replaces the table") {
    const auto dir = std::filesystem::temp_directory_path() / ("xa-names-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "names.tsv") << "# one group\nالفنلندي | الأميركي\n";
    std::ofstream(dir / "bad.tsv") << "ترامب | ترمب\nدونالد ترامب | ترمب\n";
    Config config = Config::defaults();
    config.synonyms.names_file = (dir / "names.tsv").string();
    const NewsSearch own(db, config);
    CHECK(id_set(run(own, "ترمب")) == Ids{"arb"});
    CHECK(id_set(run(own, "الفنلندي")) == (Ids{"sky", "arb", "other"}));
    config.synonyms.names_file = (dir / "bad.tsv").string();
    CHECK_THROWS_WITH(NewsSearch(db, config),
                      Catch::Contains((dir / "bad.tsv").string() + ":2:") && Catch::Contains("more than one word"));
    std::filesystem::remove_all(dir);
  }
}

TEST_CASE("search: the built-in names table has groups of two or more one-word spellings", "[search]") {
  const auto groups = read_name_groups({});
  CHECK(groups.size() >= 50);
  const Analyzer analyzer;
  std::set<std::string> seen;
  for (const SpellingGroup& group : groups) {
    INFO("config/synonyms/names.tsv:" << group.line);
    CHECK(group.spellings.size() >= 2);
    // A spelling in two groups would join two names (within a group, spellings may differ in
    // what the normalizer folds only: أوباما | اوباما is for plain Xapian tools).
    std::set<std::string> mine;
    for (const std::string& spelling : group.spellings) mine.insert(analyzer.normalize(spelling));
    for (const std::string& spelling : mine) CHECK(seen.insert(spelling).second);
  }
}

TEST_CASE("search: a derived verb finds its verbal noun and the other way round ([synonyms] derived_forms)",
          "[search]") {
  const Xapian::WritableDatabase db =
      index_of({{"verb", {"الشرطة تعتقل ثلاثة", "اعتقلت الشرطة ثلاثة أشخاص في المدينة."}},
                {"noun", {"حملة في المدينة", "أعلنت الشرطة عن حملة الاعتقال في المدينة."}},
                {"other", {"سوق في المدينة", "افتتح سوق جديد في المدينة."}}});
  using Ids = std::set<std::string>;
  const NewsSearch search(db, Config::defaults());
  CHECK(id_set(run(search, "تعتقل")) == (Ids{"verb", "noun"}));
  CHECK(id_set(run(search, "الاعتقال")) == (Ids{"verb", "noun"}));
  CHECK(id_set(run(search, "title:اعتقال")) == Ids{"verb"});  // the title's own terms, ZS
  CHECK(search.parse("تعتقل").get_description().find("SYNONYM") != std::string::npos);
  // A phrase keeps its words: its terms stay single terms.
  CHECK(search.parse("\"اعتقلت الشرطة\"").get_description().find("SYNONYM") == std::string::npos);

  Config config = Config::defaults();
  config.synonyms.derived_forms = false;
  const NewsSearch plain(db, config);
  CHECK(id_set(run(plain, "تعتقل")) == Ids{"verb"});
  CHECK(id_set(run(plain, "الاعتقال")) == Ids{"noun"});
}
