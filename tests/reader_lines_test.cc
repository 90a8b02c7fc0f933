/** @file
 *  @brief The news readers' shared line helpers: line ends, blank trimming, metadata dates, the scraped-text split.
 */
#include "news/reader_lines.h"

#include <catch2/catch.hpp>
#include <string>

#include "news/news_layout.h"

using namespace xapian_arabic;

TEST_CASE("reader lines: CRLF and lone CR become LF", "[reader_lines]") {
  struct Row {
    const char* input;
    const char* expected;
    bool lone_cr;
  };
  const Row rows[] = {
      {"a\nb", "a\nb", false},      {"a\r\nb\r\n", "a\nb\n", false}, {"a\rb\rc", "a\nb\nc", true},
      {"a\r\n\rb", "a\n\nb", true}, {"a\r", "a\n", false},           {"", "", false},
  };
  for (const Row& row : rows) {
    INFO(row.input);
    CHECK(has_lone_cr(row.input) == row.lone_cr);
    std::string text = row.input;
    unify_line_ends(text);
    CHECK(text == row.expected);
  }
}

TEST_CASE("reader lines: blanks, no-break spaces and direction marks are trimmed", "[reader_lines]") {
  CHECK(trim_blank(" \t\u00A0\u200Fبيروت\u202F\u3000 ") == "بيروت");
  CHECK(trim_blank("\uFEFF a b \u200E") == "a b");
  CHECK(trim_blank(" \u2003 ").empty());
  CHECK(trim_blank("\nline\n") == "\nline\n");  // line breaks are the caller's business
}

TEST_CASE("reader lines: ISO 8601 metadata dates in the value form, anything else refused", "[reader_lines]") {
  struct Row {
    const char* raw;
    const char* value;  // "" = not a date
  };
  const Row rows[] = {
      {"2024", "2024"},
      {"2024-03", "2024-03"},
      {"2024-03-05", "2024-03-05"},
      {" 2024-03-05 ", "2024-03-05"},
      {"2024-03-05T14:30", "2024-03-05T14:30"},
      {"2024-03-05 14:30:59", "2024-03-05T14:30"},
      {"2024-03-05T14:30:59.123Z", "2024-03-05T14:30+00:00"},
      {"2024-03-05T14:30:00+0300", "2024-03-05T14:30+03:00"},
      {"2024-03-05T14:30-05:30", "2024-03-05T14:30-05:30"},
      {"2024-13-05", ""},
      {"2024-03-32", ""},
      {"2024-02-30", ""},
      {"2024-03-05T24:00", ""},
      {"2024-03-05T14:30+15:00", ""},
      {"2024-03-05T14:30Zulu", ""},
      {"05/03/2024", ""},
      {"24-03-05", ""},
      {"", ""},
  };
  for (const Row& row : rows) {
    INFO(row.raw);
    std::optional<CivilDate> day;
    CHECK(iso_value(row.raw, day) == row.value);
    // The day it names, when it names one: the value's first ten characters.
    CHECK(day.has_value() == (std::string_view(row.value).size() >= 10));
    if (day) CHECK(to_iso(*day) == std::string_view(row.value).substr(0, 10));
  }
}

TEST_CASE("reader lines: a scraped article splits into title, header, body and related", "[reader_lines]") {
  const NewsLayout& layout = *NewsLayout::builtin();
  const std::string text =
      "  عنوان الخبر\n\n"
      "تاريخ النشر: 21st, November 2024 GMT\n"
      "موسكو-سانا\n"
      "فقرة أولى.\n"
      "المصدر: سانا\n"
      "إقرأ أيضاً\n"
      "خبر آخر\n";
  NewsArticle titled;
  split_article_lines(layout, text, true, titled);
  CHECK(titled.title == "عنوان الخبر");
  CHECK(titled.header == "تاريخ النشر: 21st, November 2024 GMT\nالمصدر: سانا");
  CHECK(titled.body == "موسكو-سانا\nفقرة أولى.");
  CHECK(titled.related == "خبر آخر");

  NewsArticle untitled;  // a JSON Lines body whose record has its own title
  split_article_lines(layout, text, false, untitled);
  CHECK(untitled.title.empty());
  CHECK(untitled.body == "عنوان الخبر\nموسكو-سانا\nفقرة أولى.");
}

TEST_CASE("reader lines: a first line too long for a headline is body", "[reader_lines]") {
  const std::string paragraph(3000, 'x');
  NewsArticle article;
  split_article_lines(*NewsLayout::builtin(), paragraph + "\nsecond", true, article);
  CHECK(article.title.empty());
  CHECK(article.body == paragraph + "\nsecond");
}
