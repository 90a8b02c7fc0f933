/** @file
 *  @brief DateLexicon: what the config/dates/ tables mean to the grammar, and errors in a user's tables.
 */
#include "dates/date_lexicon.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "dates/date_tokens.h"

using namespace xapian_arabic::dates;

namespace {
const DateLexicon& builtin() {
  static const DateLexicon lexicon{std::string()};
  return lexicon;
}
const LexEntry* find(std::string_view written) {
  return builtin().find(fold_phrase(written));
}
}  // namespace

TEST_CASE("date lexicon: every family of month names gives its month", "[date_lexicon]") {
  struct Row {
    const char* name;
    int month;
  };
  const Row rows[] = {{"نوفمبر", 11}, {"تشرين الثاني", 11}, {"نونبر", 11},    {"كانون الثاني", 1}, {"جانفي", 1},
                      {"يناير", 1},   {"أغسطس", 8},         {"november", 11}, {"تشرين الأول", 10}};
  for (const Row& row : rows) {
    INFO(row.name);
    const LexEntry* entry = find(row.name);
    REQUIRE(entry);
    CHECK(entry->month == row.month);
  }
  // آب is also "father": a month only next to a day or a year.
  REQUIRE(find("آب"));
  CHECK(find("آب")->month_needs_number);
  CHECK_FALSE(find("نوفمبر")->month_needs_number);
  // The first word of a two-word month heads a phrase, so the grammar tries the longer lookup.
  REQUIRE(find("كانون"));
  CHECK(find("كانون")->heads_phrase);
  CHECK(builtin().max_words() >= 3);
}

TEST_CASE("date lexicon: Hijri months, weekdays, relative days and zones", "[date_lexicon]") {
  REQUIRE(find("محرم"));
  CHECK(find("محرم")->hijri_month == 1);
  REQUIRE(find("الخميس"));
  CHECK(find("الخميس")->weekday == 4);
  REQUIRE(find("أمس"));
  CHECK(find("أمس")->relative_unit == Unit::day);
  CHECK(find("أمس")->relative_offset == -1);
  REQUIRE(find("بتوقيت مكة المكرمة"));
  CHECK(find("بتوقيت مكة المكرمة")->has_zone);
  CHECK(find("بتوقيت مكة المكرمة")->zone_minutes == 180);
  // A zone with daylight saving is kept by its IANA id; an abbreviation with dots by its letters.
  REQUIRE(find("بتوقيت القدس"));
  REQUIRE(find("بتوقيت القدس")->zone_id >= 0);
  CHECK(builtin().zone(find("بتوقيت القدس")->zone_id).offset_minutes({2024, 1, 15}, 12, 0) == 120);
  CHECK(builtin().zone(find("بتوقيت القدس")->zone_id).offset_minutes({2024, 7, 15}, 12, 0) == 180);
  const LexEntry* gmt = builtin().find(fold_phrase("ت") + "." + fold_phrase("غ"));
  REQUIRE(gmt);
  CHECK(gmt->has_zone);
  CHECK(gmt->zone_minutes == 0);
  CHECK(find("كلمة") == nullptr);
  CHECK(find("") == nullptr);
}

TEST_CASE("date lexicon: a malformed row of a user's table names its file and line", "[date_lexicon]") {
  const auto dir = std::filesystem::temp_directory_path() / "xa-date-lexicon-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(XA_SOURCE_DIR "/config/dates"))
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  CHECK_NOTHROW(DateLexicon(dir.string()));
  std::ofstream(dir / "zones.tsv", std::ios::app) << "بتوقيت المريخ\t+99:00\n";
  CHECK_THROWS_WITH(DateLexicon(dir.string()), Catch::Contains("zones.tsv:"));
  // A zone ICU does not know is named with its line.
  std::filesystem::copy_file(XA_SOURCE_DIR "/config/dates/zones.tsv", dir / "zones.tsv",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "zones.tsv", std::ios::app) << "بتوقيت المريخ\tMars/Olympus_Mons\n";
  CHECK_THROWS_WITH(DateLexicon(dir.string()), Catch::Contains("zones.tsv:") && Catch::Contains("Mars/Olympus_Mons"));
  std::filesystem::remove_all(dir);
}
