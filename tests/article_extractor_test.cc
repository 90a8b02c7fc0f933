/** @file
 *  @brief ArticleExtractor on the two sample articles, metadata records and news-dev.
 */
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_reader.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace xapian_arabic;

namespace {

const std::string kSamples = std::string(XA_SHARED_DATA_DIR) + "/news-samples/";

const ArticleExtractor& extractor() {
  static const ArticleExtractor e;
  return e;
}

NewsArticle read_one(const std::string& path) {
  std::vector<NewsArticle> articles;
  NewsReader().read_file(
      path, "", [&](NewsArticle&& a) { articles.push_back(std::move(a)); }, [](ReadError&&) {});
  REQUIRE(articles.size() == 1);
  extractor().extract(articles[0]);
  return articles[0];
}

const ExtractedDate* find_date(const NewsArticle& a, const std::string& value) {
  for (const auto& d : a.dates)
    if (d.value == value) return &d;
  return nullptr;
}

bool has_agency(const NewsArticle& a, const std::string& key) {
  return std::any_of(a.agencies.begin(), a.agencies.end(), [&](const ExtractedSource& s) { return s.key == key; });
}

}  // namespace

TEST_CASE("sample 000: SANA article from Moscow", "[extract]") {
  const NewsArticle a = read_one(kSamples + "000_2620c748157139b5.txt");
  CHECK(a.title == "بوتين يبحث في اتصال هاتفي مع رئيس الوزراء العراقي التصعيد غير المسبوق في الشرق الأوسط");
  REQUIRE(a.published);
  CHECK(a.published->value == "2024-11-21");
  CHECK(a.published->kind == DateKind::published);
  CHECK_FALSE(a.updated);
  CHECK(a.dateline_city == "موسكو");
  REQUIRE(a.source);
  CHECK(a.source->name == "الوكالة العربية السورية للأنباء");
  CHECK(a.source->key == "sana");
  CHECK(has_agency(a, "sana"));
  CHECK(has_agency(a, "sputnik"));
  CHECK(has_agency(a, "tass"));  // cited in the appended article
  CHECK(a.related.starts_with("سفير روسيا لدى بريطانيا"));
  const auto* october = find_date(a, "2023-10");
  REQUIRE(october);
  CHECK(october->text == "تشرين الأول 2023");
  CHECK(october->kind == DateKind::mentioned);
  // Spans point into article_text().
  const std::string text = article_text(a);
  for (const auto& d : a.dates) CHECK(text.substr(d.begin, d.end - d.begin) == d.text);
  for (const auto& s : a.agencies)
    if (s.kind != SourceKind::source || s.end > s.begin) CHECK(text.substr(s.begin, s.end - s.begin) == s.text);
}

TEST_CASE("sample 003: update line running into the dateline", "[extract]") {
  const NewsArticle a = read_one(kSamples + "003_0aeccc47afcbd928.txt");
  CHECK(a.title == "روسيا تؤكد على تعزيز علاقاتها مع العراق");
  REQUIRE(a.published);
  CHECK(a.published->value == "2024-11-20");
  REQUIRE(a.updated);
  CHECK(a.updated->value == "2024-11-20T12:20");
  CHECK(a.updated->kind == DateKind::updated);
  CHECK(a.dateline_city == "بغداد");
  REQUIRE(a.source);
  CHECK(a.source->name == "شبكة أخبار العراق");
  CHECK(a.source->key == "iraqnews");
  CHECK(a.body.find("التقى د. بدر عبد العاطي") == std::string::npos);
  CHECK(a.related.find("التقى د. بدر عبد العاطي") != std::string::npos);
  const auto* yesterday = find_date(a, "2024-11-19");
  REQUIRE(yesterday);
  CHECK(yesterday->text.find("أمس الثلاثاء") != std::string::npos);
  CHECK(find_date(a, "2024-11"));
  CHECK(find_date(a, "1967-06-04"));
  const std::string text = article_text(a);
  for (const auto& d : a.dates) CHECK(text.substr(d.begin, d.end - d.begin) == d.text);
}

TEST_CASE("publication from metadata, then from a dated dateline", "[extract]") {
  NewsArticle meta;
  meta.title = "عنوان";
  meta.body = "الرياض - واس\nأعلنت الوزارة أمس عن خطة جديدة.";
  meta.published = ExtractedDate{"2015-07-21T02:53", DateKind::published, 0, 0, "2015-07-21T02:53:47", {}, {}};
  meta.source = ExtractedSource{"aawsat", "", SourceKind::source, "", 0, 0, "aawsat"};
  extractor().extract(meta);
  REQUIRE(meta.published);
  CHECK(meta.published->value == "2015-07-21T02:53");
  CHECK(find_date(meta, "2015-07-20"));  // أمس against the metadata day
  REQUIRE(meta.source);
  CHECK(meta.source->key == "was");  // the dateline agency comes before the metadata
  CHECK(meta.dateline_city == "الرياض");

  NewsArticle plain;
  plain.title = "عنوان";
  plain.body = "نص بلا خط تاريخ.";
  plain.source = ExtractedSource{"skynews", "", SourceKind::source, "", 0, 0, "skynews"};
  extractor().extract(plain);
  REQUIRE(plain.source);
  CHECK(plain.source->name == "سكاي نيوز عربية");
  CHECK_FALSE(plain.published);

  NewsArticle dated;
  dated.title = "عنوان";
  dated.body = "بيروت، 20 نوفمبر 2024 (أ ف ب) - قال مسؤولون أمس إن المحادثات انتهت.";
  extractor().extract(dated);
  REQUIRE(dated.published);
  CHECK(dated.published->value == "2024-11-20");
  CHECK(dated.dateline_city == "بيروت");
  CHECK(find_date(dated, "2024-11-19"));

  NewsArticle none;
  none.title = "عنوان";
  none.body = "قال مسؤولون أمس إن المحادثات انتهت في القاهرة يوم 3 مارس 2020.";
  extractor().extract(none);
  CHECK_FALSE(none.published);  // a date in running text is not the publication date
  CHECK_FALSE(find_date(none, "2020-03-02"));
}

TEST_CASE("numeric dates are read in the order the whole article shows", "[extract]") {
  // A forum page: its header stamp 12/02/2019 could be either order; the body's 12/25/2019 can
  // only be month first, so the stamp is 2 December.
  NewsArticle a;
  a.title = "موعد امتحانات نهاية الفصل";
  a.header = "نشر بتاريخ 12/02/2019 14:58";
  a.body = "أعلنت الإدارة أن الامتحانات تبدأ يوم 12/25/2019 وتنتهي في 01/05/2020.";
  extractor().extract(a);
  REQUIRE(a.published);
  CHECK(a.published->value == "2019-12-02T14:58");
  CHECK(find_date(a, "2019-12-25"));
  CHECK(find_date(a, "2020-01-05"));
  // The same stamp on a page whose dates are day first (25/12/2019), or that shows nothing: day first.
  for (const char* body : {"تبدأ الامتحانات يوم 25/12/2019.", "تبدأ الامتحانات الأسبوع المقبل."}) {
    NewsArticle b;
    b.title = a.title;
    b.header = a.header;
    b.body = body;
    extractor().extract(b);
    REQUIRE(b.published);
    CHECK(b.published->value == "2019-02-12T14:58");
  }
}

TEST_CASE("news-dev: extracted source and dateline against the corpus metadata", "[extract][news-dev]") {
  const std::string dir = std::string(XA_SHARED_DATA_DIR) + "/news-dev/";
  std::ifstream meta(dir + "metadata.jsonl");
  REQUIRE(meta);
  const NewsReader reader;
  std::size_t files = 0, with_source = 0, with_reference = 0, agree = 0, with_dateline = 0;
  std::string line;
  while (std::getline(meta, line)) {
    const auto m = nlohmann::json::parse(line);
    std::vector<NewsArticle> got;
    reader.read_file(
        dir + m["id"].get<std::string>() + ".txt", dir, [&](NewsArticle&& a) { got.push_back(std::move(a)); },
        [](ReadError&&) {});
    REQUIRE(got.size() == 1);
    NewsArticle& a = got[0];
    extractor().extract(a);
    ++files;
    if (a.source) ++with_source;
    if (!a.dateline_city.empty()) ++with_dateline;
    // Reference: the outlet key and the agency/city the corpus byline ("author") names.
    const std::string outlet = m["source"].get<std::string>();
    const std::string author = m.value("author", "");
    const auto byline = SourceExtractor().extract(author);
    std::string ref_key, ref_city;
    for (const auto& s : byline) {
      if (ref_key.empty()) ref_key = s.key;
      if (ref_city.empty()) ref_city = s.city;
    }
    if (author.empty() && outlet.empty()) continue;
    ++with_reference;
    const bool key_agrees = a.source && (a.source->key == outlet || (!ref_key.empty() && a.source->key == ref_key));
    const bool city_agrees = !ref_city.empty() && a.dateline_city == ref_city;
    if (key_agrees || city_agrees) ++agree;
  }
  WARN("news-dev: " << files << " articles, source found in " << with_source << ", dateline in " << with_dateline
                    << "; agrees with metadata source/author in " << agree << " of " << with_reference);
  CHECK(files == 200);
  // Floors at today's figures (docs/extraction.md): extraction may only get better here.
  CHECK(with_source >= 19);
  CHECK(with_dateline >= 14);
  CHECK(agree >= 20);
}
