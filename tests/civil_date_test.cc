/** @file
 *  @brief Civil dates: strict ISO 8601 parsing, formatting and day counts against std::chrono.
 */
#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/date_extractor.h>

#include <catch2/catch.hpp>
#include <chrono>

using namespace xapian_arabic;

TEST_CASE("an ISO day parses only if it is a real day with a four-digit year", "[civil_date]") {
  struct Row {
    const char* text;
    std::optional<CivilDate> day;
  };
  const Row rows[] = {
      {"2024-11-21", CivilDate{2024, 11, 21}},
      {"2024-02-29", CivilDate{2024, 2, 29}},  // leap year
      {"2000-02-29", CivilDate{2000, 2, 29}},  // divisible by 400: leap
      {"0000-02-29", CivilDate{0, 2, 29}},     // year 0 (1 BC) is a leap year
      {"0000-01-01", CivilDate{0, 1, 1}},
      {"9999-12-31", CivilDate{9999, 12, 31}},
      {"2024-02-30", std::nullopt},
      {"2023-02-29", std::nullopt},
      {"1900-02-29", std::nullopt},  // divisible by 100, not by 400: not leap
      {"2024-04-31", std::nullopt},
      {"2024-13-01", std::nullopt},
      {"2024-00-10", std::nullopt},
      {"2024-11-00", std::nullopt},
      {"10000-01-01", std::nullopt},
      {"-001-01-01", std::nullopt},
      {"2024-1-05", std::nullopt},
      {"2024-11-5", std::nullopt},
      {"20241121", std::nullopt},
      {"2024-11", std::nullopt},
      {"2024-11-21T10:00", std::nullopt},  // exactly a day, nothing after it
      {" 2024-11-21", std::nullopt},
      {"", std::nullopt},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    CHECK(parse_iso_day(row.text) == row.day);
  }
}

TEST_CASE("an ISO date parses at the precision written, and a dash promises the next part", "[civil_date]") {
  struct Row {
    const char* text;
    std::optional<IsoDate> date;
    std::size_t length;
  };
  const Row rows[] = {
      {"2024", IsoDate{2024, 0, 0}, 4},
      {"2024-11", IsoDate{2024, 11, 0}, 7},
      {"2024-11-21", IsoDate{2024, 11, 21}, 10},
      {"2024-11-21T10:00+03:00", IsoDate{2024, 11, 21}, 10},
      {"2024 نوفمبر", IsoDate{2024, 0, 0}, 4},
      {"20241121", IsoDate{2024, 0, 0}, 4},  // the caller decides what may follow
      {"2024-13", std::nullopt, 0},
      {"2024-1", std::nullopt, 0},
      {"2024-02-30", std::nullopt, 0},
      {"2024-11-", std::nullopt, 0},
      {"202", std::nullopt, 0},
      {"abcd", std::nullopt, 0},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    std::size_t length = 0;
    const auto date = parse_iso_date(row.text, &length);
    CHECK(date == row.date);
    if (date) CHECK(length == row.length);
  }
}

TEST_CASE("the date of an ISO value: alone or before a time", "[civil_date]") {
  CHECK(iso_date_of("2024-11-21") == IsoDate{2024, 11, 21});
  CHECK(iso_date_of("2024-11-21T10:00+03:00") == IsoDate{2024, 11, 21});
  CHECK(iso_date_of("2024-11-21 10:00") == IsoDate{2024, 11, 21});
  CHECK(iso_date_of("2024-11") == IsoDate{2024, 11, 0});
  CHECK(iso_date_of("2024") == IsoDate{2024, 0, 0});
  CHECK_FALSE(iso_date_of("2024-13-01"));
  CHECK_FALSE(iso_date_of("20-4-11-21"));
  CHECK_FALSE(iso_date_of("20241121"));
  CHECK_FALSE(iso_date_of("2024-11-21x"));
  CHECK(day_of(IsoDate{2024, 11, 21}) == CivilDate{2024, 11, 21});
  CHECK_FALSE(day_of(IsoDate{2024, 11, 0}));
}

TEST_CASE("civil dates format as ISO 8601, zero-padded to four-digit years", "[civil_date]") {
  CHECK(to_iso(CivilDate{2024, 11, 5}) == "2024-11-05");
  CHECK(to_iso_basic(CivilDate{2024, 11, 5}) == "20241105");
  CHECK(to_iso(CivilDate{0, 1, 1}) == "0000-01-01");
  CHECK(to_iso_basic(CivilDate{999, 3, 1}) == "09990301");
  CHECK(to_iso_basic(CivilDate{9999, 12, 31}) == "99991231");
  CHECK(to_iso(IsoDate{2024, 0, 0}) == "2024");
  CHECK(to_iso(IsoDate{2024, 3, 0}) == "2024-03");
  CHECK(to_iso(IsoDate{1446, 5, 19}) == "1446-05-19");  // Hijri fields are written the same way
  // Every day from year 0 to 9999 formats and parses back to itself.
  for (long days = days_from_civil({0, 1, 1}); days <= days_from_civil({9999, 12, 31}); days += 37) {
    const CivilDate day = civil_from_days(days);
    REQUIRE(is_valid(day));
    REQUIRE(parse_iso_day(to_iso(day)) == day);
  }
}

TEST_CASE("days since 1970-01-01, at the epoch, around it and at the limits of four-digit years", "[civil_date]") {
  CHECK(days_from_civil({1970, 1, 1}) == 0);
  CHECK(days_from_civil({2024, 11, 21}) == 20048);
  CHECK(days_from_civil({1900, 3, 1}) == -25508);
  CHECK(days_from_civil({1969, 12, 31}) == -1);
  CHECK(days_from_civil({0, 1, 1}) == -719528);
  CHECK(days_from_civil({9999, 12, 31}) == 2932896);
  CHECK(civil_from_days(-719528) == CivilDate{0, 1, 1});
  CHECK(civil_from_days(2932896) == CivilDate{9999, 12, 31});
  CHECK(days_from_civil({2024, 3, 1}) - days_from_civil({2024, 2, 28}) == 2);  // through 29 February
  CHECK(days_from_civil({2023, 3, 1}) - days_from_civil({2023, 2, 28}) == 1);
  CHECK(days_from_civil({2023, 2, 29}) == days_from_civil({2023, 3, 1}));  // past the month: counts on
  CHECK(add_days(CivilDate{2024, 12, 31}, 1) == CivilDate{2025, 1, 1});
  CHECK(add_days(CivilDate{2024, 1, 1}, -1) == CivilDate{2023, 12, 31});
  CHECK(iso_weekday({2024, 11, 21}) == 4);  // a Thursday
  CHECK(iso_weekday({1970, 1, 1}) == 4);
  CHECK(iso_weekday({2024, 11, 24}) == 7);
}

TEST_CASE("a civil date is valid only as a real day of years 0000 to 9999", "[civil_date]") {
  CHECK(is_valid(CivilDate{0, 1, 1}));
  CHECK(is_valid(CivilDate{9999, 12, 31}));
  CHECK_FALSE(is_valid(CivilDate{-1, 12, 31}));
  CHECK_FALSE(is_valid(CivilDate{10000, 1, 1}));
  CHECK_FALSE(is_valid(CivilDate{2024, 1, 257}));  // not taken modulo 256 by std::chrono::day
  CHECK_FALSE(is_valid(CivilDate{2024, -1, 1}));
  CHECK_FALSE(is_valid(CivilDate{}));
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(0, 2) == 29);
  CHECK(days_in_month(2024, 4) == 30);
  CHECK(days_in_month(2024, 13) == 0);
  CHECK(is_leap_year(0));
  CHECK_FALSE(is_leap_year(2100));
  CHECK(to_civil_date(std::chrono::year{2024} / 11 / 21) == CivilDate{2024, 11, 21});
  CHECK(to_year_month_day({2024, 11, 21}) == std::chrono::year{2024} / 11 / 21);
}

TEST_CASE("the day of a date: its day, else for a date made by hand the day of its value", "[civil_date]") {
  ExtractedDate made;
  made.value = "2024-11-21T10:00+03:00";
  CHECK(day_of(made) == CivilDate{2024, 11, 21});
  made.value = "2024-11";
  CHECK_FALSE(day_of(made));
  made.value = "2024-02-30";
  CHECK_FALSE(day_of(made));
  made.day = CivilDate{2024, 2, 29};
  CHECK(day_of(made) == CivilDate{2024, 2, 29});  // the day wins over the text
}
