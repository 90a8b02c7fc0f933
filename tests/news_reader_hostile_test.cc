/** @file
 *  @brief NewsReader on hostile input: deep HTML, decompression bombs, huge lines, mixed encodings,
 *  odd ids and empty records, and a stop request in the middle of a file.
 */
#include <unicode/unistr.h>
#include <xapian_arabic/news_reader.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "base/utf8.h"
#include "news/html_nesting.h"
#include "scratch_files.h"

using namespace xapian_arabic;
using xapian_arabic::testing::gzip;
using xapian_arabic::testing::ScratchDir;
namespace fs = std::filesystem;

namespace {

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

/// gzip of @p head, then @p mib MiB of @p fill, then @p tail: concatenated gzip members (one
/// compressed MiB repeated), which gunzip reads as one stream, so it is made in no time.
std::string gzip_bomb(const std::string& head, char fill, std::size_t mib, const std::string& tail) {
  const std::string block = gzip(std::string(1 << 20, fill), Z_BEST_COMPRESSION);
  std::string out = gzip(head, Z_BEST_COMPRESSION);
  for (std::size_t i = 0; i < mib; ++i) out += block;
  return out + gzip(tail, Z_BEST_COMPRESSION);
}

std::string to_charset(const std::string& utf8, const char* charset) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), charset);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool mentions(const ReadError& e, std::string_view what) {
  return e.message.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("deeply nested HTML is read, not a crash: 200,000 nested div and span", "[reader][html][hostile]") {
  ScratchDir scratch("xa-hostile");
  std::string html = "<html><head><title>عنوان الخبر</title></head><body><p>الفقرة الأولى</p>";
  for (int i = 0; i < 100000; ++i) html += "<div><span>";
  html += "نص في العمق";
  for (int i = 0; i < 100000; ++i) html += "</span></div>";
  html += "<p>الفقرة الأخيرة</p></body></html>";
  const auto r = read(scratch.write("deep.html", html));
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title == "عنوان الخبر");
  CHECK(r.articles[0].body == "الفقرة الأولى\nنص في العمق\nالفقرة الأخيرة");
  REQUIRE(r.errors.size() == 1);  // said, but only as a warning: the article is there
  CHECK(r.errors[0].warning);
  CHECK(mentions(r.errors[0], "nested more than 1000"));
}

TEST_CASE("unclosed nesting is flattened below the depth limit and its text kept", "[reader][html][hostile]") {
  ScratchDir scratch("xa-hostile");
  const auto r = read(scratch.write(
      "unclosed.html", "<p>أول</p>" + [] {
        std::string s;
        for (int i = 0; i < 60000; ++i) s += "<span>";
        return s;
      }() + "آخر"));
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].body.find("آخر") != std::string::npos);
}

TEST_CASE("flatten_deep_nesting removes only the tags past the limit", "[reader][html][hostile]") {
  struct Row {
    const char* what;
    std::string html;
    std::optional<std::string> flat;
  };
  const Row rows[] = {
      {"shallow pages are left alone", "<div><p>a<div>b</div></div>", std::nullopt},
      {"past the limit: start and end tags go, text stays", "<div><div><b>x</b>y</div></div>z",
       "<div><div>xy</div></div>z"},
      {"closed siblings do not add up", "<div></div><div></div><div><i>a</i></div>", std::nullopt},
      {"void and implied-end elements do not nest", "<div><div><br><p>a<p>b<li>c<img src=x></div></div>", std::nullopt},
      {"a '>' in a quoted attribute does not end the tag", "<div title='a>b'><div><span>x</span></div></div>",
       "<div title='a>b'><div>x</div></div>"},
      {"markup in a script is not counted", "<div><script>if (a<b) x = '<div><div>';</script></div>", std::nullopt},
      {"a script past the limit goes whole", "<div><div><script>var a = '<i>';</script>t</div></div>",
       "<div><div>t</div></div>"},
      {"comments are not tags", "<div><div><!-- <span><span> --></div></div>", std::nullopt},
      {"end tags of another name do not close", "<div><div></span><span>x</span></div></div>",
       "<div><div></span>x</div></div>"},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    CHECK(flatten_deep_nesting(row.html, 2) == row.flat);
  }
}

TEST_CASE("a gzip bomb line is refused by line number, and the next line and file are read",
          "[reader][jsonl][hostile]") {
  ScratchDir scratch("xa-hostile");
  const std::string record1 = R"({"id": "first", "title": "عنوان", "body": "نص"})"
                              "\n";
  const std::string record3 =
      "\n"
      R"({"id": "after", "title": "عنوان آخر", "body": "نص آخر"})"
      "\n";
  // 1 GiB of 'a' without a newline, about 1 MB compressed.
  const std::string bomb = gzip_bomb(record1 + R"({"id": "bomb", "body": ")", 'a', 1024, record3);
  CHECK(bomb.size() < (4u << 20));
  const auto r = read(scratch.write("bomb.jsonl.gz", bomb));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 2);
  CHECK(mentions(r.errors[0], "line is over the limit"));
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].id == "after");
  CHECK(r.articles[1].line == 3);

  // A whole-file format is refused as soon as it passes the limit.
  const auto t = read(scratch.write("bomb.txt.gz", gzip_bomb("عنوان\n", 'a', 1024, "\n")));
  REQUIRE(t.errors.size() == 1);
  CHECK(mentions(t.errors[0], "decompressed data is over the limit"));
  CHECK(t.articles.empty());
}

TEST_CASE("a stop request ends a read inside one huge line", "[reader][jsonl][hostile]") {
  ScratchDir scratch("xa-hostile");
  const auto path = scratch.write("huge.jsonl.gz", gzip_bomb(R"({"id": "huge", "body": ")", 'a', 1024,
                                                             "\"}\n"
                                                             R"({"id": "next", "title": "عنوان", "body": "نص"})"
                                                             "\n"));
  for (const bool whole_file : {false, true}) {
    INFO((whole_file ? "whole file" : "JSON Lines"));
    const std::string file = whole_file ? scratch.write("huge.txt.gz", gzip_bomb("t\n", 'a', 1024, "")) : path;
    NewsReaderOptions options;
    int asked = 0;
    options.stop_requested = [&] { return ++asked > 10; };
    const auto r = read(file, options);
    CHECK(asked == 11);  // asked once a chunk, and nothing read after the stop
    CHECK(r.articles.empty());
    CHECK(r.errors.empty());
  }
}

/// @p count English JSON Lines records, each about 200 bytes.
std::string english_records(int count) {
  std::string feed;
  for (int i = 0; i < count; ++i)
    feed += R"({"id": "en)" + std::to_string(i) +
            R"(", "title": "Markets rally as oil prices climb", "body": "Stocks rose on Monday after crude oil )"
            R"(prices climbed for a third day, traders said, as supply worries grew."})"
            "\n";
  return feed;
}

TEST_CASE("Windows-1256 records after an ASCII start are decoded one by one", "[reader][jsonl][hostile]") {
  ScratchDir scratch("xa-hostile");
  std::string feed = english_records(400);
  REQUIRE(feed.size() > (64u << 10));  // the legacy records start after the first 64 KB
  for (int i = 0; i < 20; ++i)
    feed +=
        to_charset(R"({"id": "ar)" + std::to_string(i) +
                       R"(", "title": "ارتفاع أسعار النفط", "body": "ارتفعت أسعار النفط اليوم في الأسواق العالمية"})"
                       "\n",
                   "windows-1256");
  const auto r = read(scratch.write("mixed.jsonl", feed));
  CHECK(r.errors.empty());
  REQUIRE(r.articles.size() == 420);
  CHECK(r.articles[0].encoding == "UTF-8");
  CHECK(r.articles[419].encoding == "windows-1256");
  CHECK(r.articles[419].title == "ارتفاع أسعار النفط");
  CHECK(r.articles[419].id == "ar19");
}

TEST_CASE("error messages never carry the file's raw bytes", "[reader][hostile]") {
  ScratchDir scratch("xa-hostile");
  // Past the first 64 KB, where the file is already being read as UTF-8.
  const std::string feed = english_records(400) +
                           "{\"id\": \"fr\", \"title\": \"Caf\xE9\", \"date\": \"d\xE9j\xE0\"}\n" +
                           "{\"id\": \"c\", \"title\": \"\x1B[31mred\"}\n";
  const auto r = read(scratch.write("bytes.jsonl", feed));
  REQUIRE(r.errors.size() == 2);
  for (const ReadError& e : r.errors) {
    INFO(e.message);
    CHECK(utf8::is_valid(e.message));
    CHECK(e.message.find('\x1B') == std::string::npos);
  }
  CHECK(r.errors[0].line == 401);
  CHECK(utf8::printable("a\x1B[31m\xE9 \xD8\xB9") == "a\\x1B[31m\\xE9 \xD8\xB9");
}

TEST_CASE("UTF-16 without a byte-order mark is read, not called binary", "[reader][hostile]") {
  ScratchDir scratch("xa-hostile");
  const std::string text = "ارتفاع أسعار النفط\nالقاهرة - ارتفعت أسعار النفط اليوم 3% في الأسواق.\n";
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    INFO(charset);
    const auto r = read(scratch.write(std::string(charset) + ".txt", to_charset(text, charset)));
    CHECK(r.errors.empty());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].encoding == charset);
    CHECK(r.articles[0].title == "ارتفاع أسعار النفط");
  }
  const auto binary = read(scratch.write("binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\2\0", 20)));
  REQUIRE(binary.errors.size() == 1);
  CHECK(mentions(binary.errors[0], "binary"));
}

TEST_CASE("JSON ids that are not a string or number are refused by line", "[reader][jsonl][hostile]") {
  ScratchDir scratch("xa-hostile");
  const auto r = read(scratch.write("ids.jsonl", R"({"id": ["a", "b"], "title": "عنوان", "body": "نص"})"
                                                 "\n"
                                                 R"({"id": {"x": 1}, "title": "عنوان", "body": "نص"})"
                                                 "\n"
                                                 R"({"id": "a\nb", "title": "عنوان", "body": "نص"})"
                                                 "\n"
                                                 R"({"id": 7, "title": "عنوان", "body": "نص"})"
                                                 "\n"));
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].line == 1);
  CHECK(mentions(r.errors[0], "id field \"id\" is an array"));
  CHECK(r.errors[1].line == 2);
  CHECK(mentions(r.errors[1], "is an object"));
  CHECK(r.errors[2].line == 3);
  CHECK(mentions(r.errors[2], "line break"));
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "7");
}

TEST_CASE("a JSON record without text is an error naming its line, like an empty file", "[reader][jsonl][hostile]") {
  ScratchDir scratch("xa-hostile");
  const auto r = read(scratch.write("empty.jsonl",
                                    "{}\n"
                                    R"({"id": "e", "title": "", "body": " "})"
                                    "\n"
                                    R"({"id": "ok", "title": "عنوان", "body": "نص"})"
                                    "\n"));
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].line == 1);
  CHECK(r.errors[1].line == 2);
  CHECK(mentions(r.errors[1], "no text"));
  CHECK_FALSE(r.errors[1].warning);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "ok");
}

TEST_CASE("a JSON record with a title and no body text is reported, not read as an article", "[reader][jsonl]") {
  // news-dev's metadata.jsonl: one entry per article of the folder, with a title and no body.
  const std::string sidecar = std::string(XA_SHARED_DATA_DIR) + "/news-dev/metadata.jsonl";
  const auto r = read(sidecar);
  CHECK(r.articles.empty());
  REQUIRE(r.errors.size() == 200);
  for (std::size_t i = 0; i < r.errors.size(); ++i) {
    CHECK(r.errors[i].line == i + 1);
    CHECK(mentions(r.errors[i], "no body text"));
    CHECK_FALSE(r.errors[i].warning);
  }
  ScratchDir scratch("xa-hostile");
  const auto blank = read(scratch.write("blank.jsonl", R"({"id": "b", "title": "عنوان", "body": " \n "})"
                                                       "\n"
                                                       R"({"id": "one-line", "body": "سطر واحد"})"
                                                       "\n"));
  REQUIRE(blank.errors.size() == 1);
  CHECK(mentions(blank.errors[0], "no body text"));
  REQUIRE(blank.articles.size() == 1);  // a body of one line with no title field is still an article
  CHECK(blank.articles[0].id == "one-line");
}

TEST_CASE("an ignored date is a warning: the article is read", "[reader][jsonl][hostile]") {
  ScratchDir scratch("xa-hostile");
  const auto r = read(scratch.write("date.jsonl", R"({"id": "d", "title": "عنوان", "body": "نص", "date": "yesterday"})"
                                                  "\n"));
  REQUIRE(r.articles.size() == 1);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].warning);
  CHECK(mentions(r.errors[0], "(ignored)"));
}
