/** @file
 *  @brief make_news_document: the Omega-style terms, value slots and data of one article.
 */
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "index/document_terms.h"

using namespace xapian_arabic;

namespace {

ExtractedDate date(std::string value, DateKind kind) {
  ExtractedDate d;
  d.value = std::move(value);
  d.kind = kind;
  return d;
}

ExtractedSource source(std::string name, std::string key, SourceKind kind, std::string city = {}) {
  ExtractedSource s;
  s.name = std::move(name);
  s.key = std::move(key);
  s.kind = kind;
  s.city = std::move(city);
  return s;
}

NewsArticle sana_article() {
  NewsArticle a;
  a.id = "000_2620c748157139b5.txt";
  a.path = "/archive/000_2620c748157139b5.txt";
  a.url = "https://example.org/news/1";
  a.title = "بوتين يبحث في اتصال هاتفي مع رئيس الوزراء العراقي";
  a.body = "أعلنت الرئاسة الروسية أن الرئيس بحث قضايا الشرق الأوسط.\nونقلت سبوتنيك عن الرئاسة قولها في بيان اليوم.";
  a.published = date("2024-11-21", DateKind::published);
  a.updated = date("2024-11-22T12:20+03:00", DateKind::updated);
  a.source = source("الوكالة العربية السورية للأنباء", "sana", SourceKind::source);
  a.agencies.push_back(source("الوكالة العربية السورية للأنباء", "sana", SourceKind::dateline, "موسكو"));
  a.agencies.push_back(source("Sputnik", "", SourceKind::agency));
  a.dateline_city = "موسكو";
  return a;
}

// Every data line is "field=value" (the document writer turns newlines in values into spaces).
std::map<std::string, std::string> data_fields(const std::string& data) {
  std::map<std::string, std::string> fields;
  std::size_t pos = 0;
  while (pos < data.size()) {
    const std::size_t end = std::min(data.find('\n', pos), data.size());
    const std::string line = data.substr(pos, end - pos);
    const std::size_t eq = line.find('=');
    REQUIRE(eq != std::string::npos);
    REQUIRE(fields.count(line.substr(0, eq)) == 0);
    fields[line.substr(0, eq)] = line.substr(eq + 1);
    pos = end + 1;
  }
  return fields;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

Xapian::termcount wdf(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

}  // namespace

TEST_CASE("bounded and boolean terms", "[document]") {
  struct Row {
    const char* prefix;
    std::string value;
    std::string expected;
  };
  const Row rows[] = {
      {"Q", "sky-00001", "Qsky-00001"},          {"XSOURCE", "sana", "XSOURCEsana"},
      {"XSOURCE", "Reuters", "XSOURCE:Reuters"},                      // upper case after a multi-letter prefix: ':'
      {"XFILE", ":odd", "XFILE::odd"},           {"L", "Ar", "LAr"},  // single-letter prefix: never ':'
      {"XCITY", "موسكو", "XCITYموسكو"},
  };
  for (const Row& row : rows) {
    INFO(row.prefix << row.value);
    CHECK(boolean_term(row.prefix, row.value) == row.expected);
  }
  const std::string long_url = "https://example.org/" + std::string(400, 'a');
  const std::string t = bounded_term("Q", long_url);
  CHECK(t.size() <= 240);
  CHECK(t.rfind("Qhttps://example.org/aaa", 0) == 0);
  CHECK(t != bounded_term("Q", long_url + "b"));  // the hash keeps cut terms apart
  CHECK(t == bounded_term("Q", long_url));        // and stable
  // A cut never splits a UTF-8 sequence.
  std::string arabic;
  while (arabic.size() < 500) arabic += "خبر";
  const std::string cut = bounded_term("Q", arabic);
  CHECK(cut.size() <= 240);
  CHECK(cut.find('\xd8', 0) != std::string::npos);
  const std::string head = cut.substr(1, cut.rfind(':') - 1);
  CHECK(head.size() % 2 == 0);
}

TEST_CASE("content hash is stable and sensitive", "[document]") {
  CHECK(content_hash("") == content_hash(""));
  CHECK(content_hash("abcdefgh") != content_hash("abcdefgi"));
  CHECK(content_hash("abc", 1) != content_hash("abc", 2));
  CHECK(hex64(0x0123456789abcdefULL) == "0123456789abcdef");
  // Pinned: hashes are recorded in databases, so they must never change between versions.
  CHECK(hex64(content_hash("xapian-arabic")) == "fce96a82895bb375");
}

TEST_CASE("an article becomes an Omega-style document", "[document]") {
  const Analyzer analyzer(AnalysisSettings{}, IndexLayout::words);
  NewsDocumentOptions options;
  options.file = "/archive/000_2620c748157139b5.txt";
  options.type = "text/plain";
  options.modtime = 1732190000;
  const NewsArticle article = sana_article();
  const Xapian::Document doc = make_news_document(article, analyzer, options);

  SECTION("boolean terms") {
    for (const std::string term :
         {"Q000_2620c748157139b5.txt", "Uhttps://example.org/news/1", "XFILE/archive/000_2620c748157139b5.txt", "Lar",
          "D20241121", "M202411", "Y2024", "XSOURCEsana", "XAGENCYsana", "XAGENCYsputnik", "XCITYموسكو"}) {
      INFO(term);
      CHECK(has_term(doc, term));
      CHECK(wdf(doc, term) == 0);
    }
    CHECK(unique_term(article) == "Q000_2620c748157139b5.txt");
  }
  SECTION("title words are S-prefixed and body words, with the title weight") {
    const std::string word = analyzer.normalize("العراقي");
    CHECK(wdf(doc, "S" + word) == 3);
    CHECK(wdf(doc, word) == 3);
    CHECK(has_term(doc, "ZS" + analyzer.stem("العراقي")));
    // Lead paragraph with [weights] lead (default 3), rest of the body weight 1.
    CHECK(wdf(doc, analyzer.normalize("أعلنت")) == xapian_arabic::FieldWeights{}.lead);
    CHECK(wdf(doc, analyzer.normalize("سبوتنيك")) == 1);
    CHECK_FALSE(has_term(doc, "S" + analyzer.normalize("سبوتنيك")));
  }
  SECTION("in the stems layout, each word once: its Z-stem with positions, in each field") {
    const Xapian::Document stems = make_news_document(article, Analyzer(), options);
    const std::string title_stem = analyzer.stem("العراقي");
    CHECK(wdf(stems, "ZS" + title_stem) == 3);
    CHECK_FALSE(has_term(stems, "S" + analyzer.normalize("العراقي")));
    CHECK_FALSE(has_term(stems, analyzer.normalize("العراقي")));
    CHECK(has_term(stems, "Z" + title_stem));
    CHECK(wdf(stems, "Z" + analyzer.stem("سبوتنيك")) == wdf(doc, "Z" + analyzer.stem("سبوتنيك")));
    CHECK(has_term(stems, "ZXS" + analyzer.stem("السورية")));
    CHECK(has_term(stems, "ZXC" + analyzer.stem("موسكو")));
    for (auto t = stems.termlist_begin(); t != stems.termlist_end(); ++t) {
      INFO(*t);
      // Every free-text term is positional; boolean terms keep wdf 0 and no positions.
      if ((*t)[0] == 'Z') CHECK(t.positionlist_count() > 0);
    }
  }
  SECTION("source and city as words of their fields") {
    CHECK(has_term(doc, "XS" + analyzer.normalize("السورية")));
    CHECK(has_term(doc, "XSsputnik"));
    CHECK(has_term(doc, "XC" + analyzer.normalize("موسكو")));
  }
  SECTION("value slots") {
    CHECK(doc.get_value(schema::kPublishedSlot) == "20241121");
    CHECK(doc.get_value(schema::kUpdatedSlot) == "20241122");
    CHECK(Xapian::sortable_unserialise(doc.get_value(schema::kPublishedDaysSlot)) == 20048.0);
    CHECK(doc.get_value(schema::kSourceSlot) == "sana");
    CHECK(doc.get_value(schema::kContentHashSlot).size() == 16);
  }
  SECTION("document data") {
    const auto data = data_fields(doc.get_data());
    CHECK(data.at("url") == article.url);
    CHECK(data.at("caption") == article.title);
    CHECK(data.at("title") == article.title);
    CHECK(data.at("id") == article.id);
    CHECK(data.at("published") == "2024-11-21");
    CHECK(data.at("updated") == "2024-11-22T12:20+03:00");
    CHECK(data.at("source") == "الوكالة العربية السورية للأنباء");
    CHECK(data.at("city") == "موسكو");
    CHECK(data.at("type") == "text/plain");
    CHECK(data.at("modtime") == "1732190000");
    CHECK(data.at("path") == "/archive/000_2620c748157139b5.txt");
    CHECK(data.at("size") == std::to_string(article.title.size() + article.body.size()));
    CHECK(data.find("line") == data.end());
    // Newlines become spaces so every field stays on its line.
    std::string text = article.body;
    std::replace(text.begin(), text.end(), '\n', ' ');
    CHECK(data.at("text") == text);
    CHECK(text.rfind(data.at("sample"), 0) == 0);
  }
  SECTION("the content hash follows the content, not the file") {
    NewsDocumentOptions other = options;
    other.modtime = 0;
    other.file = "/elsewhere.txt";
    CHECK(make_news_document(article, analyzer, other).get_value(schema::kContentHashSlot) ==
          doc.get_value(schema::kContentHashSlot));
    NewsArticle edited = article;
    edited.body += " تعديل";
    CHECK(make_news_document(edited, analyzer, options).get_value(schema::kContentHashSlot) !=
          doc.get_value(schema::kContentHashSlot));
  }
}

TEST_CASE("source and agency names are metadata: never words of the article's text", "[document]") {
  const IndexLayout layout = GENERATE(IndexLayout::words, IndexLayout::stems);
  const Analyzer analyzer(AnalysisSettings{}, layout);
  // The one positional term of a word in a field: the word (words layout) or its Z-stem (stems).
  const auto word_term = [&](const std::string& prefix, const std::string& word) {
    if (layout == IndexLayout::words) return prefix + analyzer.normalize(word);
    const std::string stem = analyzer.stem(word);
    return "Z" + prefix + (stem.empty() ? analyzer.normalize(word) : stem);
  };
  NewsArticle article = sana_article();
  article.agencies.push_back(source("سكاي نيوز عربية", "skynews", SourceKind::agency));
  SurfaceSynonyms synonyms;
  NewsDocumentOptions options;
  options.synonyms = &synonyms;
  const Xapian::Document doc = make_news_document(article, analyzer, options);
  // Neither the names (السورية, للأنباء, sputnik, سكاي نيوز) nor their stems are unprefixed terms, so a
  // query word such as العربية matches only articles whose own text has it.
  for (const std::string word : {"الوكالة", "العربية", "السورية", "للأنباء", "Sputnik", "سكاي", "نيوز", "عربية"}) {
    INFO(word);
    CHECK_FALSE(has_term(doc, analyzer.normalize(word)));
    CHECK_FALSE(has_term(doc, "Z" + analyzer.stem(word)));
    for (const auto& [key, synonym] : synonyms.pairs()) CHECK(key != analyzer.normalize(word));
  }
  // They stay filters and words of the XS field; body words keep their own weights.
  CHECK(has_term(doc, "XSOURCEsana"));
  CHECK(has_term(doc, "XAGENCYskynews"));
  CHECK(has_term(doc, word_term("XS", "عربية")));
  CHECK(wdf(doc, word_term("", "سبوتنيك")) == 1);
}

TEST_CASE("an article without date, source or id still gets a stable id", "[document]") {
  const Analyzer analyzer;
  NewsArticle a;
  a.path = "/archive/a.txt";
  a.title = "عنوان";
  a.body = "نص الخبر";
  a.line = 7;
  const Xapian::Document doc = make_news_document(a, analyzer, {});
  CHECK(has_term(doc, "Q/archive/a.txt"));
  CHECK(doc.get_value(schema::kPublishedSlot).empty());
  CHECK(doc.get_value(schema::kSourceSlot).empty());
  auto it = doc.termlist_begin();
  it.skip_to("D");
  CHECK((it == doc.termlist_end() || (*it)[0] != 'D'));
  CHECK(data_fields(doc.get_data()).at("line") == "7");
}

TEST_CASE("a publication month or year gives its M and Y terms, a day that does not exist gives no date terms",
          "[document]") {
  const Analyzer analyzer;
  const auto date_terms = [&](const std::string& published) {
    NewsArticle a;
    a.path = "/archive/a.txt";
    a.body = "نص الخبر";
    a.published = date(published, DateKind::published);
    const Xapian::Document doc = make_news_document(a, analyzer, {});
    std::string terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
      if ((*it)[0] == 'D' || (*it)[0] == 'M' || (*it)[0] == 'Y') terms += *it + " ";
    return terms + "| " + doc.get_value(schema::kPublishedSlot);
  };
  CHECK(date_terms("2024-11-21T10:00+03:00") == "D20241121 M202411 Y2024 | 20241121");
  CHECK(date_terms("2024-11") == "M202411 Y2024 | ");
  CHECK(date_terms("2024") == "Y2024 | ");
  CHECK(date_terms("0999-03-01") == "D09990301 M099903 Y0999 | 09990301");
  CHECK(date_terms("2024-02-30") == "| ");  // was D20240230 M202402 Y2024 | 20240230
  CHECK(date_terms("2024-13") == "| ");     // was M202413 Y2024
}

TEST_CASE("plain Xapian finds the document by a normalized word and filters by date", "[document]") {
  const IndexLayout layout = GENERATE(IndexLayout::words, IndexLayout::stems);
  INFO(to_string(layout));
  const Analyzer analyzer(AnalysisSettings{}, layout);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(make_news_document(sana_article(), analyzer, {}));
  NewsArticle older = sana_article();
  older.id = "older";
  older.published = date("2023-10-01", DateKind::published);
  db.add_document(make_news_document(older, analyzer, {}));

  Xapian::QueryParser qp;
  if (layout == IndexLayout::stems) {  // Xapian's own layout for it: STEM_ALL_Z, with our Stem
    qp.set_stemmer(make_stem());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  }
  qp.add_boolean_prefix("source", "XSOURCE");
  qp.add_rangeprocessor((new Xapian::DateRangeProcessor(schema::kPublishedSlot, "date:"))->release());
  Xapian::Enquire enquire(db);
  // Without our analyzer: the normalized spelling of الرئاسة (teh marbuta folded).
  enquire.set_query(qp.parse_query(analyzer.normalize("الرئاسة") + " source:sana date:20241101..20241130"));
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 1);
  CHECK(data_fields(mset.begin().get_document().get_data()).at("id") == "000_2620c748157139b5.txt");
}
