/** @file
 *  @brief NewsLayout: header labels, where a header date ends, marker phrases, offsets through normalization.
 */
#include "news/news_layout.h"

#include <catch2/catch.hpp>

using namespace xapian_arabic;

namespace {
const NewsLayout& layout() {
  return *NewsLayout::builtin();
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
    const LabelMatch match = layout().label(line);
    CHECK(match.kind == row.kind);
    if (row.kind != LineLabel::none) CHECK(line.substr(match.value_begin) == row.value);
  }
}

TEST_CASE("news layout: a header date value ends where the scraper ran text into the line", "[news_layout]") {
  // The scraped update line of news-samples/003: the date, then the article's dateline and text.
  const std::string line = "آخر تحديث: 20 نونبر 2024 - 12:20 م بغداد/ شبكة أخبار العراق- أشاد السفير";
  const LabelMatch match = layout().label(line);
  REQUIRE(match.kind == LineLabel::updated);
  const std::size_t end = layout().date_value_end(line, match.value_begin);
  CHECK(line.substr(match.value_begin, end - match.value_begin).find("12:20 م") != std::string::npos);
  CHECK(line.substr(end).find("بغداد") != std::string::npos);
  CHECK(line.substr(match.value_begin, end - match.value_begin).find("بغداد") == std::string::npos);

  const std::string with_zone = "نشر في: 20 نوفمبر 2024 10:00 بتوقيت مكة المكرمة وقال الوزير";
  const LabelMatch zoned = layout().label(with_zone);
  REQUIRE(zoned.kind == LineLabel::published);
  const std::size_t zone_end = layout().date_value_end(with_zone, zoned.value_begin);
  CHECK(with_zone.substr(zoned.value_begin, zone_end - zoned.value_begin).find("المكرمة") != std::string::npos);
  CHECK(with_zone.substr(zone_end).find("وقال") != std::string::npos);
}

TEST_CASE("news layout: marker phrases by kind, normalized", "[news_layout]") {
  const auto& cues = layout().phrases(MarkerKind::cue);
  CHECK_FALSE(cues.empty());
  CHECK(std::find(cues.begin(), cues.end(), layout().normalizer().normalize("وكالة")) != cues.end());
}

TEST_CASE("news layout: normalized text maps every byte back to the original", "[news_layout]") {
  const std::string original = "الرِّئاسة أعلنت";
  const NormalizedText norm(layout().normalizer(), original);
  CHECK(norm.text == "الرياسه اعلنت");
  const std::size_t space = norm.text.find(' ');
  CHECK(original.substr(norm.to_original(space), 1) == " ");
  CHECK(norm.to_original(norm.text.size()) == original.size());
}

TEST_CASE("news layout: dateline separators", "[news_layout]") {
  for (char32_t cp : {U'-', U'–', U'—', U'ـ', U'/', U':', U'|', U'،', U','}) CHECK(is_dash_or_colon(cp));
  for (char32_t cp : {U' ', U'ا', U'.', U'('}) CHECK_FALSE(is_dash_or_colon(cp));
}
