/** @file
 *  @brief NewsReader: scraped text layout, encodings, JSON Lines, HTML, .gz and bad input.
 */
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_reader.h>
#include <xapian_arabic/token_stream.h>
#include <zlib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scratch_files.h"

using namespace xapian_arabic;
using xapian_arabic::testing::gzip;
using xapian_arabic::testing::ScratchDir;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(XA_SHARED_DATA_DIR) + "/news-samples/";
const std::string k000 = kSamples + "000_2620c748157139b5.txt";
const std::string k003 = kSamples + "003_0aeccc47afcbd928.txt";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ReadResult {
  std::vector<NewsArticle> articles;
  std::vector<ReadError> errors;
};

ReadResult read(const std::string& path, const NewsReaderOptions& options = {}) {
  ReadResult r;
  NewsReader(options).read_file(
      path, "", [&](NewsArticle&& a) { r.articles.push_back(std::move(a)); },
      [&](ReadError&& e) { r.errors.push_back(std::move(e)); });
  return r;
}

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

std::string convert_to(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), charset);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

TEST_CASE("sample 000: headline, publication line, dateline, source line, appended article", "[reader]") {
  const auto r = read(k000);
  REQUIRE(r.errors.empty());
  REQUIRE(r.articles.size() == 1);
  const NewsArticle& a = r.articles[0];
  CHECK(a.title == "بوتين يبحث في اتصال هاتفي مع رئيس الوزراء العراقي التصعيد غير المسبوق في الشرق الأوسط");
  CHECK(a.header == "تاريخ النشر: 21st, November 2024 GMT\nالمصدر: الوكالة العربية السورية للأنباء");
  CHECK(first_line(a.body) == "موسكو-سانا");
  CHECK(a.body.find("تشرين الأول 2023") != std::string::npos);
  CHECK(a.body.find("المصدر") == std::string::npos);
  CHECK(a.body.find("سفير روسيا") == std::string::npos);
  CHECK(first_line(a.related) == "سفير روسيا لدى بريطانيا: هناك قناة اتصال مفتوحة بين موسكو ولندن لكن لا يوجد نقاش");
  CHECK(a.related.find("وكالة أنباء (تاس) الروسية") != std::string::npos);
  CHECK(a.encoding == "UTF-8");
  CHECK(a.id == k000);
}

TEST_CASE("sample 003: update time, dateline and first paragraph on one line", "[reader]") {
  const auto r = read(k003);
  REQUIRE(r.articles.size() == 1);
  const NewsArticle& a = r.articles[0];
  CHECK(a.title == "روسيا تؤكد على تعزيز علاقاتها مع العراق");
  CHECK(a.header ==
        "تاريخ النشر: 20th, November 2024 GMT\nآخر تحديث: 20 نونبر 2024 - 12:20 م\nالمصدر: شبكة اخبار العراق");
  CHECK(a.body.starts_with("بغداد/ شبكة أخبار العراق- أشاد السفير الروسي"));
  CHECK(a.body.find("نوفمبر ٢٠٢٤") == std::string::npos);
  CHECK(a.related.starts_with("تعزيز التعاون المصري-البرازيلي"));
  CHECK(a.related.find("الرابع من يونيو ١٩٦٧") != std::string::npos);
}

TEST_CASE("BOM, CRLF, blank-line noise and reordered header lines give the same article", "[reader]") {
  const NewsReader reader;
  std::string text = slurp(k003);
  const NewsArticle clean = reader.parse_text(text);
  std::string noisy = "\xEF\xBB\xBF\r\n  \r\n";
  for (char c : text) {
    if (c == '\n')
      noisy += "\r\n\r\n \t\r\n";
    else
      noisy += c;
  }
  const NewsArticle a = reader.parse_text(noisy);
  CHECK(a.title == clean.title);
  CHECK(a.header == clean.header);
  CHECK(a.body == clean.body);
  CHECK(a.related == clean.related);

  const NewsArticle reordered = reader.parse_text(
      "آخر تحديث: 21 نوفمبر 2024 - 10:15 صباحاً بتوقيت مكة المكرمة\nعنوان الخبر\nالمصدر: واس\n"
      "تاريخ النشر: الخميس 21 نوفمبر 2024\nالرياض - واس: أعلنت الوزارة اليوم.");
  CHECK(reordered.title == "عنوان الخبر");
  CHECK(reordered.header ==
        "آخر تحديث: 21 نوفمبر 2024 - 10:15 صباحاً بتوقيت مكة المكرمة\nالمصدر: واس\nتاريخ النشر: الخميس 21 نوفمبر 2024");
  CHECK(reordered.body == "الرياض - واس: أعلنت الوزارة اليوم.");
}

TEST_CASE("header-like prose stays in the body", "[reader]") {
  const NewsArticle a = NewsReader().parse_text(
      "عنوان\nتحديث البرنامج جاء بعد شكاوى المستخدمين.\nالمصدر نفسه قال إن الاجتماع تأجل.\nاقرأ أيضا: خبر آخر\nنص آخر");
  CHECK(a.header.empty());
  CHECK(a.body == "تحديث البرنامج جاء بعد شكاوى المستخدمين.\nالمصدر نفسه قال إن الاجتماع تأجل.");
  CHECK(a.related == "خبر آخر\nنص آخر");
}

TEST_CASE("boilerplate lines are not body", "[reader]") {
  const NewsArticle a =
      NewsReader().parse_text("عنوان\nفقرة أولى.\nتابع أحدث الأخبار عبر تطبيق جوجل نيوز\nفقرة ثانية.");
  CHECK(a.body == "فقرة أولى.\nفقرة ثانية.");
}

TEST_CASE("NFD text is composed", "[reader]") {
  const std::string nfc = "أعلنت إسرائيل آخر تحديث";
  UErrorCode status = U_ZERO_ERROR;
  std::string nfd;
  icu::Normalizer2::getNFDInstance(status)->normalize(icu::UnicodeString::fromUTF8(nfc), status).toUTF8String(nfd);
  REQUIRE(nfd != nfc);
  CHECK(NewsReader().parse_text(nfd).title == nfc);
}

TEST_CASE("Windows-1256 and ISO-8859-6 files are detected and converted", "[reader]") {
  ScratchDir scratch("xa-reader");
  const std::string original = slurp(k000);
  const auto path = scratch.write("cp1256.txt", convert_to(original, "windows-1256"));
  const auto r = read(path);
  REQUIRE(r.errors.empty());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].encoding == "windows-1256");
  CHECK(r.articles[0].title == NewsReader().parse_text(original).title);
  CHECK(first_line(r.articles[0].body) == "موسكو-سانا");

  const std::string plain =
      "عنوان الخبر\nتاريخ النشر: 21 نوفمبر 2024\nالقاهرة - أ ش أ: قال وزير الخارجية اليوم إن المباحثات مستمرة.";
  const auto iso = read(scratch.write("iso.txt", convert_to(plain, "ISO-8859-6")));
  REQUIRE(iso.articles.size() == 1);
  CHECK((iso.articles[0].encoding == "ISO-8859-6" || iso.articles[0].encoding == "windows-1256"));
  CHECK(iso.articles[0].title == "عنوان الخبر");
}

TEST_CASE("bad input: a clear per-file error, never a crash", "[reader]") {
  ScratchDir scratch("xa-reader");
  SECTION("empty") {
    const auto r = read(scratch.write("empty.txt", ""));
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("no text") != std::string::npos);
  }
  SECTION("blank lines only") {
    const auto r = read(scratch.write("blank.txt", "\n \r\n\t\n"));
    CHECK(r.articles.empty());
    CHECK(r.errors.size() == 1);
  }
  SECTION("binary") {
    const auto r = read(scratch.write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("binary") != std::string::npos);
    CHECK(r.errors[0].path.ends_with("image.txt"));
  }
  SECTION("invalid UTF-8 that is not Arabic in any code page") {
    const auto r =
        read(scratch.write("latin1.txt", "Caf\xE9 cr\xE8me br\xFBl\xE9\x65 \xE0 la fran\xE7\x61ise, d\xE9j\xE0 vu."));
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("encoding") != std::string::npos);
  }
  SECTION("UTF-8 read as a code page is refused, not turned into mojibake") {
    std::string damaged = slurp(k000);
    damaged.insert(100, "\xFF\xFE\xFF");
    for (int i = 0; i < 30; ++i) damaged.insert(200 + i * 40, "\xC0");
    const auto r = read(scratch.write("damaged.txt", damaged));
    for (const auto& a : r.articles) CHECK(a.encoding != "windows-1256");
  }
  SECTION("a truncated UTF-8 character at the end is replaced") {
    std::string text = slurp(k003);
    REQUIRE(text.size() > 10);
    text.pop_back();
    text.pop_back();
    text += "\xD8";
    const auto r = read(scratch.write("truncated.txt", text));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].encoding == "UTF-8");
  }
  SECTION("over max_file_bytes") {
    NewsReaderOptions options;
    options.max_file_bytes = 1000;
    const auto r = read(k000, options);
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("max_file_bytes") != std::string::npos);
  }
  SECTION("missing file and folder") {
    CHECK(read((scratch.dir / "nope.txt").string()).errors.size() == 1);
    CHECK(read(scratch.dir.string()).errors.size() == 1);
  }
  SECTION("corrupt gzip") {
    std::string gz = gzip(slurp(k000));
    gz.resize(gz.size() / 2);
    const auto r = read(scratch.write("cut.txt.gz", gz));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("gzip") != std::string::npos);
  }
}

TEST_CASE("a 50 MB single-line file is read as body text", "[reader]") {
  ScratchDir scratch("xa-reader");
  std::string big;
  const std::string sentence =
      "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد في 21 نوفمبر 2024، وقال الوزير إن التنفيذ يبدأ قريبا. ";
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += sentence;
  const auto path = scratch.write("big.txt", big);
  const auto r = read(path);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title.empty());
  CHECK(r.articles[0].body.size() + 1 >= big.size() - 2);
}

TEST_CASE("JSON Lines: field names, metadata dates and source, bad lines reported by number", "[reader][jsonl]") {
  ScratchDir scratch("xa-reader");
  const std::string jsonl =
      R"({"id": "a1", "title": "عنوان أول", "body": "القاهرة - أ ش أ\nفقرة.", "date": "2024-11-21T09:30:00+02:00", "source": "youm7", "url": "https://x/1"})"
      "\n"
      R"({"headline": "عنوان ثان", "text": "فقرة ثانية", "published": "2018-03-01", "modified": "2018-03-02T10:00:00Z"})"
      "\n"
      "{not json}\n"
      "\n"
      R"(["an", "array"])"
      "\n"
      R"({"title": "بتاريخ خاطئ", "content": "نص", "date": "yesterday"})"
      "\n";
  const auto path = scratch.write("archive.jsonl", jsonl);
  const auto r = read(path);
  REQUIRE(r.articles.size() == 3);
  const NewsArticle& a = r.articles[0];
  CHECK(a.id == "a1");
  CHECK(a.line == 1);
  CHECK(a.title == "عنوان أول");
  CHECK(a.body == "القاهرة - أ ش أ\nفقرة.");
  REQUIRE(a.published);
  CHECK(a.published->value == "2024-11-21T09:30+02:00");
  CHECK(a.published->kind == DateKind::published);
  REQUIRE(a.source);
  CHECK(a.source->name == "youm7");
  CHECK(a.url == "https://x/1");
  // The record's own title and the body's lines, in the stream the layout read.
  REQUIRE(stream_of(a));
  CHECK(stream_of(a)->text() == article_text(a));
  const NewsArticle& b = r.articles[1];
  CHECK(b.title == "عنوان ثان");
  CHECK(b.body == "فقرة ثانية");
  CHECK(b.id == path + ":2");
  REQUIRE(b.published);
  CHECK(b.published->value == "2018-03-01");
  REQUIRE(b.updated);
  CHECK(b.updated->value == "2018-03-02T10:00+00:00");
  CHECK(b.updated->kind == DateKind::updated);
  CHECK_FALSE(r.articles[2].published);
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].message.find("invalid JSON") != std::string::npos);
  CHECK(r.errors[1].line == 5);
  CHECK(r.errors[2].line == 6);
  CHECK(r.errors[2].message.find("yesterday") != std::string::npos);

  SECTION("custom field names") {
    NewsReaderOptions options;
    options.title_fields = {"h"};
    options.body_fields = {"b"};
    options.id_fields = {"key"};
    const auto custom =
        read(scratch.write("custom.jsonl", R"({"key": 7, "h": "عنوان", "b": ["فقرة 1", "فقرة 2"]})"), options);
    REQUIRE(custom.articles.size() == 1);
    CHECK(custom.articles[0].id == "7");
    CHECK(custom.articles[0].body == "فقرة 1\nفقرة 2");
  }
}

TEST_CASE("a metadata date that is no real day is ignored with a warning naming the file and line",
          "[reader][jsonl][html]") {
  ScratchDir scratch("xa-reader");
  const std::string jsonl = R"({"title": "عنوان", "content": "نص", "date": "2024-02-30"})"
                            "\n"
                            R"({"title": "عنوان", "content": "نص", "date": "2024-02-29T10:00Z"})"
                            "\n";
  const auto path = scratch.write("dates.jsonl", jsonl);
  const auto r = read(path);
  REQUIRE(r.articles.size() == 2);
  CHECK_FALSE(r.articles[0].published);  // was kept as "2024-02-30" and indexed as D20240230
  REQUIRE(r.articles[1].published);
  CHECK(r.articles[1].published->value == "2024-02-29T10:00+00:00");
  CHECK(r.articles[1].published->day == CivilDate{2024, 2, 29});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == path);
  CHECK(r.errors[0].line == 1);
  CHECK(r.errors[0].warning);
  CHECK(r.errors[0].message == "date field is not an ISO 8601 date: '2024-02-30' (ignored)");

  const auto page = read(scratch.write(
      "page.html", R"(<html><head><meta property="article:published_time" content="2023-02-29T08:15:00+02:00">
<meta property="article:modified_time" content="2023-03-01"></head><body><p>نص الخبر.</p></body></html>)"));
  REQUIRE(page.articles.size() == 1);
  CHECK_FALSE(page.articles[0].published);
  REQUIRE(page.articles[0].updated);
  CHECK(page.articles[0].updated->day == CivilDate{2023, 3, 1});
  REQUIRE(page.errors.size() == 1);
  CHECK(page.errors[0].warning);
  CHECK(page.errors[0].message == "page date is not an ISO 8601 date: '2023-02-29T08:15:00+02:00' (ignored)");
}

TEST_CASE(".gz archives of JSON Lines and text", "[reader][jsonl]") {
  ScratchDir scratch("xa-reader");
  const auto jsonl = gzip(R"({"id": "x", "title": "عنوان", "body": "نص الخبر"})"
                          "\n"
                          R"({"id": "y", "title": "عنوان 2", "body": "نص آخر"})"
                          "\n");
  const auto r = read(scratch.write("a.jsonl.gz", jsonl));
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].id == "y");
  const auto t = read(scratch.write("b.txt.gz", gzip(slurp(k003))));
  REQUIRE(t.articles.size() == 1);
  CHECK(t.articles[0].title == "روسيا تؤكد على تعزيز علاقاتها مع العراق");
}

/// JSON Lines of the two news-samples articles, repeated @p copies times with distinct ids.
std::string sample_feed(int copies) {
  std::string lines;
  const std::string bodies[] = {slurp(k000), slurp(k003)};
  for (int i = 0; i < copies; ++i) {
    const std::string& body = bodies[i % 2];
    std::string escaped;
    for (const char c : body) {
      if (c == '"' || c == '\\') escaped += '\\';
      if (c == '\n')
        escaped += "\\n";
      else if (c != '\r')
        escaped += c;
    }
    lines += R"({"id": "a)" + std::to_string(i) + R"(", "body": ")" + escaped + "\"}\n";
  }
  return lines;
}

TEST_CASE("JSON Lines are read a line at a time: a file over max_file_bytes is read, a line over it refused",
          "[reader][jsonl]") {
  ScratchDir scratch("xa-reader");
  const std::string feed = sample_feed(40);  // about 200 KB
  NewsReaderOptions small;
  small.max_file_bytes = 16 << 10;  // every line fits, the file does not
  for (const std::string name : {"feed.jsonl", "feed.jsonl.gz"}) {
    INFO(name);
    const auto r = read(scratch.write(name, name.ends_with(".gz") ? gzip(feed) : feed), small);
    CHECK(r.errors.empty());
    REQUIRE(r.articles.size() == 40);
    CHECK(r.articles[39].id == "a39");
    CHECK(r.articles[39].line == 40);
    CHECK(r.articles[1].title == "روسيا تؤكد على تعزيز علاقاتها مع العراق");
  }
  // The same file as a .txt is read whole, so the limit refuses it.
  const auto whole = read(scratch.write("feed.txt", feed), small);
  REQUIRE(whole.errors.size() == 1);
  CHECK(whole.errors[0].message.find("max_file_bytes") != std::string::npos);

  // One line over the limit: that line is refused by number, the lines around it are read.
  std::string with_long = sample_feed(2);
  with_long += R"({"id": "long", "body": ")" + std::string(20 << 10, 'x') + "\"}\n";
  with_long += sample_feed(1);
  const auto r = read(scratch.write("long.jsonl", with_long), small);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].message.find("max_file_bytes") != std::string::npos);
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[2].line == 4);
}

TEST_CASE("the reader reports the bytes of a big .gz consumed so far, up to its size", "[reader][jsonl]") {
  const std::string bench = std::string(XA_SHARED_DATA_DIR) + "/news-bench/articles.jsonl.gz";
  const auto size = fs::file_size(bench);
  std::vector<std::uint64_t> seen;
  NewsReaderOptions options;
  options.stop_requested = [&] { return seen.size() >= 40; };  // 40 chunks of 64 KB, then stop
  std::size_t articles = 0;
  NewsReader(options).read_file(
      bench, "", [&](NewsArticle&&) { ++articles; }, [](ReadError&&) {},
      [&](std::uint64_t bytes) { seen.push_back(bytes); });
  REQUIRE(seen.size() == 40);
  CHECK(articles > 0);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(seen.back() > 0);
  CHECK(seen.back() < size);  // compressed bytes, not the 51 MB it expands to
}

TEST_CASE("a truncated .jsonl.gz gives the articles before the cut and an error", "[reader][jsonl]") {
  ScratchDir scratch("xa-reader");
  const std::string gz = gzip(sample_feed(40));
  const auto r = read(scratch.write("cut.jsonl.gz", gz.substr(0, gz.size() * 2 / 3)));
  CHECK(r.articles.size() >= 3);
  CHECK(r.articles.size() < 40);
  REQUIRE_FALSE(r.errors.empty());
  CHECK(r.errors.back().message.find("gzip") != std::string::npos);
}

TEST_CASE("news-bench archive reads without errors", "[reader][jsonl][.slow]") {
  const auto r = read(std::string(XA_SHARED_DATA_DIR) + "/news-bench/articles.jsonl.gz");
  CHECK(r.errors.empty());
  CHECK(r.articles.size() == 19938);
}

TEST_CASE("HTML pages: meta tags, JSON-LD and main text", "[reader][html]") {
  ScratchDir scratch("xa-reader");
  const std::string html = R"(<!DOCTYPE html><html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>ارتفاع أسعار النفط - اليوم السابع</title>
<meta property="og:title" content="ارتفاع أسعار النفط">
<meta property="og:site_name" content="اليوم السابع">
<meta property="article:published_time" content="2024-11-21T08:15:00+02:00">
<meta property="article:modified_time" content="2024-11-21T09:00:00+02:00">
<link rel="canonical" href="https://www.youm7.com/story/2024/11/21/1">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","headline":"ارتفاع أسعار النفط","datePublished":"2024-11-21T08:15:00+02:00",
"publisher":{"@type":"Organization","name":"اليوم السابع"}}]}</script>
<style>p{color:red}</style></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>ارتفاع أسعار النفط</h1>
<p>القاهرة - أ ش أ: ارتفعت أسعار النفط اليوم.</p><p>وقال   محللون إن <b>الطلب</b> يتزايد.</p>
<script>var x = 1;</script></article><footer>جميع الحقوق محفوظة</footer></body></html>)";
  const auto r = read(scratch.write("page.html", html));
  REQUIRE(r.errors.empty());
  REQUIRE(r.articles.size() == 1);
  const NewsArticle& a = r.articles[0];
  CHECK(a.title == "ارتفاع أسعار النفط - اليوم السابع");
  CHECK(a.body == "القاهرة - أ ش أ: ارتفعت أسعار النفط اليوم.\nوقال محللون إن الطلب يتزايد.");
  REQUIRE(a.published);
  CHECK(a.published->value == "2024-11-21T08:15+02:00");
  REQUIRE(a.updated);
  CHECK(a.updated->value == "2024-11-21T09:00+02:00");
  REQUIRE(a.source);
  CHECK(a.source->name == "اليوم السابع");
  CHECK(a.url == "https://www.youm7.com/story/2024/11/21/1");
  REQUIRE(stream_of(a));
  CHECK(stream_of(a)->text() == article_text(a));
}

TEST_CASE("format_of names the format from the file name", "[reader]") {
  CHECK(format_of("a/b.txt") == ArchiveFormat::text);
  CHECK(format_of("a/b.TXT.gz") == ArchiveFormat::text);
  CHECK(format_of("x.jsonl.gz") == ArchiveFormat::jsonl);
  CHECK(format_of("x.ndjson") == ArchiveFormat::jsonl);
  CHECK(format_of("x.htm") == ArchiveFormat::html);
  CHECK(format_of("x.dat") == ArchiveFormat::unknown);
}

TEST_CASE("a copied reader reads with the options of the original", "[reader][jsonl]") {
  ScratchDir scratch("xa-reader");
  const std::string path =
      scratch.write("fields.jsonl", "{\"name\": \"n1\", \"hed\": \"عنوان\", \"story\": \"نص الخبر\"}\n");
  NewsReaderOptions options;
  options.id_fields = {"name"};
  options.title_fields = {"hed"};
  options.body_fields = {"story"};
  const NewsReader original(options);
  const NewsReader copy = original;
  std::vector<NewsArticle> articles;
  copy.read_file(
      path, "", [&](NewsArticle&& a) { articles.push_back(std::move(a)); }, [](ReadError&&) { FAIL("read error"); });
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].id == "n1");
  CHECK(articles[0].title == "عنوان");
  CHECK(articles[0].body == "نص الخبر");
}
