/** @file
 *  @brief NewsLayout: header labels, where a header date ends, marker phrases, offsets through normalization.
 */
#include "news/news_layout.h"

#include <xapian_arabic/token_stream.h>

#include <catch2/catch.hpp>

using namespace xapian_arabic;

namespace {
const NewsLayout& layout() {
  return *NewsLayout::builtin();
}

/// The label of @p line, read from a token stream over it (normalized by @p options).
LabelMatch label_of(std::string_view line, const NormalizerOptions& options = {}) {
  TokenStream stream(options);
  stream.assign(line);
  return layout().label(stream, 0, line.size());
}

/// Where the date value of @p line that starts at @p begin ends.
std::size_t date_value_end(std::string_view line, std::size_t begin) {
  TokenStream stream;
  stream.assign(line);
  return layout().date_value_end(stream, begin, line.size());
}
}  // namespace

TEST_CASE("news layout: a line's label and where its value starts", "[news_layout]") {
  struct Row {
    const char* line;
    LineLabel kind;
    const char* value;  // the line from value_begin on
  };
  const Row rows[] = {
      {"تاريخ النشر: 21st, November 2024 GMT", LineLabel::published, "21st, November 2024 GMT"},
      {"آخر تحديث: 20 نونبر 2024 - 12:20 م", LineLabel::updated, "20 نونبر 2024 - 12:20 م"},
      {"اخر تحديث : 20 نونبر 2024", LineLabel::updated, "20 نونبر 2024"},
      {"المصدر: شبكة أخبار العراق", LineLabel::source, "شبكة أخبار العراق"},
      {"إقرأ أيضاً: خبر آخر", LineLabel::related, "خبر آخر"},
      // Without a date value, a sentence that starts like a label is body text.
      {"تحديث البيانات جار منذ الصباح", LineLabel::none, ""},
      {"قال الوزير إن المصدر موثوق", LineLabel::none, ""},
  };
  for (const Row& row : rows) {
    INFO(row.line);
    const std::string_view line = row.line;
    const LabelMatch match = label_of(line);
    CHECK(match.kind == row.kind);
    if (row.kind != LineLabel::none) CHECK(line.substr(match.value_begin) == row.value);
  }
}

TEST_CASE("news layout: a header date value ends where the scraper ran text into the line", "[news_layout]") {
  // The scraped update line of news-samples/003: the date, then the article's dateline and text.
  const std::string line = "آخر تحديث: 20 نونبر 2024 - 12:20 م بغداد/ شبكة أخبار العراق- أشاد السفير";
  const LabelMatch match = label_of(line);
  REQUIRE(match.kind == LineLabel::updated);
  const std::size_t end = date_value_end(line, match.value_begin);
  CHECK(line.substr(match.value_begin, end - match.value_begin).find("12:20 م") != std::string::npos);
  CHECK(line.substr(end).find("بغداد") != std::string::npos);
  CHECK(line.substr(match.value_begin, end - match.value_begin).find("بغداد") == std::string::npos);

  const std::string with_zone = "نشر في: 20 نوفمبر 2024 10:00 بتوقيت مكة المكرمة وقال الوزير";
  const LabelMatch zoned = label_of(with_zone);
  REQUIRE(zoned.kind == LineLabel::published);
  const std::size_t zone_end = date_value_end(with_zone, zoned.value_begin);
  CHECK(with_zone.substr(zoned.value_begin, zone_end - zoned.value_begin).find("المكرمة") != std::string::npos);
  CHECK(with_zone.substr(zone_end).find("وقال") != std::string::npos);
}

TEST_CASE("news layout: marker phrases by kind, normalized", "[news_layout]") {
  const auto& cues = layout().phrases(MarkerKind::cue);
  CHECK_FALSE(cues.empty());
  CHECK(std::find(cues.begin(), cues.end(), layout().normalizer().normalize("وكالة")) != cues.end());
}

TEST_CASE("news layout: labels are read through normalization, and the value offset is the original's",
          "[news_layout]") {
  // Diacritics, hamza forms and tatweel in the label; two spaces between its words.
  const std::string line = "آخِر  تحـديث: 20 نونبر 2024";
  const LabelMatch match = label_of(line);
  REQUIRE(match.kind == LineLabel::updated);
  CHECK(line.substr(match.value_begin) == "20 نونبر 2024");
}

TEST_CASE("news layout: a stream normalized by other rules finds the same labels", "[news_layout]") {
  // The index may switch rules off; what counts as a header does not change with them.
  NormalizerOptions plain;
  plain.fold_alef = plain.fold_teh_marbuta = plain.fold_alef_maqsura = plain.remove_harakat = false;
  for (const std::string line : {"إقرأ أيضاً: خبر آخر", "آخر تحديث: 20 نونبر 2024 - 12:20 م", "المصدر: وكالة الأنباء"}) {
    INFO(line);
    const LabelMatch by_default = label_of(line), by_plain = label_of(line, plain);
    CHECK(by_default.kind != LineLabel::none);
    CHECK(by_plain.kind == by_default.kind);
    CHECK(by_plain.value_begin == by_default.value_begin);
  }
}

TEST_CASE("news layout: a label is a whole word sequence at the line's start", "[news_layout]") {
  CHECK(label_of("المصدرية: رأي").kind == LineLabel::none);    // a longer word
  CHECK(label_of("المصدر2: رأي").kind == LineLabel::none);     // digits run into it
  CHECK(label_of("• المصدر: رأي").kind == LineLabel::source);  // after a bullet
  CHECK(label_of("قال المصدر: رأي").kind == LineLabel::none);  // not at the start
}

TEST_CASE("news layout: dateline separators", "[news_layout]") {
  for (char32_t cp : {U'-', U'–', U'—', U'ـ', U'/', U':', U'|', U'،', U','}) CHECK(is_dash_or_colon(cp));
  for (char32_t cp : {U' ', U'ا', U'.', U'('}) CHECK_FALSE(is_dash_or_colon(cp));
}
