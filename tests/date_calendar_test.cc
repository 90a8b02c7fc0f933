/** @file
 *  @brief Civil-date arithmetic against C++20 std::chrono, and Hijri dates through ICU.
 */
#include "dates/date_calendar.h"

#include <xapian_arabic/error.h>

#include <catch2/catch.hpp>
#include <chrono>

using namespace xapian_arabic;
using namespace xapian_arabic::dates;

TEST_CASE("civil-date arithmetic agrees with std::chrono's calendar from 1800 to 2200", "[date_calendar]") {
  namespace chr = std::chrono;
  for (chr::sys_days day = chr::year{1800} / 1 / 1; day <= chr::sys_days(chr::year{2200} / 12 / 31);
       day += chr::days{1}) {
    const chr::year_month_day ymd(day);
    const CivilDate civil{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
    REQUIRE(days_from_civil(civil) == day.time_since_epoch().count());
    REQUIRE(civil_from_days(day.time_since_epoch().count()) == civil);
    REQUIRE(iso_weekday(civil) == int(chr::weekday(day).iso_encoding()));
    REQUIRE(days_in_month(civil.year, civil.month) ==
            int(unsigned(chr::year_month_day_last(ymd.year(), chr::month_day_last(ymd.month())).day())));
  }
  CHECK(add_days(CivilDate{2024, 2, 28}, 1) == CivilDate{2024, 2, 29});
  CHECK(add_days(CivilDate{2024, 3, 1}, -1) == CivilDate{2024, 2, 29});
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(1900));
}

TEST_CASE("a civil date is valid only if the day exists", "[date_calendar]") {
  CHECK(is_valid(CivilDate{2024, 2, 29}));
  CHECK_FALSE(is_valid(CivilDate{2023, 2, 29}));
  CHECK_FALSE(is_valid(CivilDate{2024, 2, 31}));
  CHECK_FALSE(is_valid(CivilDate{2024, 13, 1}));
  CHECK_FALSE(is_valid(CivilDate{2024, 0, 10}));
  CHECK_FALSE(is_valid(CivilDate{2024, 4, 0}));
}

TEST_CASE("Hijri dates through ICU's Umm al-Qura calendar", "[date_calendar]") {
  const HijriCalendar umm_al_qura("islamic-umalqura");
  CHECK(umm_al_qura.to_gregorian(1446, 1, 1) == CivilDate{2024, 7, 7});  // 1 Muharram 1446
  CHECK(umm_al_qura.to_gregorian(1446, 9, 1) == CivilDate{2025, 3, 1});  // 1 Ramadan 1446
  CHECK(umm_al_qura.to_gregorian(1446, 5, 19) == CivilDate{2024, 11, 21});
  CHECK(umm_al_qura.month_length(1446, 9) == 29);
  CHECK(umm_al_qura.month_length(1446, 10) == 30);
  CHECK_FALSE(umm_al_qura.to_gregorian(1446, 9, 30));  // Ramadan 1446 had 29 days
  CHECK_FALSE(umm_al_qura.to_gregorian(1446, 13, 1));
}

TEST_CASE("every Islamic calendar keyword the config accepts makes a calendar, others are refused", "[date_calendar]") {
  for (std::string_view type : kIslamicCalendars) {
    INFO(type);
    const HijriCalendar calendar{std::string(type)};
    const auto day = calendar.to_gregorian(1446, 1, 1);
    REQUIRE(day);
    CHECK(std::abs(days_from_civil(*day) - days_from_civil(CivilDate{2024, 7, 7})) <=
          2);  // calendars differ by a day or two
  }
  CHECK_THROWS_AS(HijriCalendar("persian"), ConfigError);
}
