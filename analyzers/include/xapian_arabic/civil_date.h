/** @file
 *  @brief Civil dates: days of the proleptic Gregorian calendar, their ISO 8601 forms and arithmetic.
 *
 *  The one place where the project parses, formats and counts calendar days: the date grammar,
 *  the news reader's metadata dates, the index's day terms and values, search's date: ranges and
 *  the tool's reference days all use it. The calendar is C++20's std::chrono (year_month_day,
 *  sys_days); CivilDate is the plain value that carries a day between layers (ExtractedDate::day,
 *  DateExtractor's reference day) and across the ABI.
 *
 *  ISO 8601 years have four digits: a valid day lies between 0000-01-01 and 9999-12-31 (year 0000
 *  is 1 BC, a leap year). Parsing is strict: "2024-02-30" and "2024-13" are not dates.
 *
 *  Thread safety: value types and pure functions.
 */
#pragma once

#include <xapian_arabic/export.h>

#include <chrono>
#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace xapian_arabic {

/// A calendar day (proleptic Gregorian). A plain value: CivilDate{2024, 2, 30} can be written,
/// is_valid() tells whether it names a day.
struct CivilDate {
  int year = 0, month = 0, day = 0;
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

inline constexpr int kMinIsoYear = 0;
inline constexpr int kMaxIsoYear = 9999;

/// @p d as std::chrono's calendar date (its fields as they are: check is_valid() first).
constexpr std::chrono::year_month_day to_year_month_day(const CivilDate& d) {
  return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                     std::chrono::day{static_cast<unsigned>(d.day)}};
}

constexpr CivilDate to_civil_date(const std::chrono::year_month_day& ymd) {
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

constexpr bool is_leap_year(int year) {
  return std::chrono::year{year}.is_leap();
}

/// Days in @p month (1–12) of @p year; 0 for another month number.
constexpr int days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  const std::chrono::year_month_day_last last{std::chrono::year{year} /
                                              std::chrono::month{static_cast<unsigned>(month)} / std::chrono::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

/// True if @p d names a real day with a four-digit year (0000-01-01 to 9999-12-31).
constexpr bool is_valid(const CivilDate& d) {
  return d.year >= kMinIsoYear && d.year <= kMaxIsoYear && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 &&
         to_year_month_day(d).ok();
}

/// Days since 1970-01-01 (negative before). A day past the end of its month counts on into the next
/// one (2023-02-29 is 2023-03-01), as std::chrono's sys_days does.
constexpr long days_from_civil(const CivilDate& d) {
  return static_cast<long>(std::chrono::sys_days{to_year_month_day(d)}.time_since_epoch().count());
}

/// The day @p days after 1970-01-01.
constexpr CivilDate civil_from_days(long days) {
  return to_civil_date(std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}});
}

constexpr CivilDate add_days(const CivilDate& d, long days) {
  return civil_from_days(days_from_civil(d) + days);
}

/// ISO weekday: 1 = Monday ... 7 = Sunday.
constexpr int iso_weekday(const CivilDate& d) {
  return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{to_year_month_day(d)}}.iso_encoding());
}

/// A date at the precision an ISO 8601 date gives: a year ("2024"), a month ("2024-11") or a day ("2024-11-21").
struct IsoDate {
  int year = 0;
  int month = 0;  ///< 1–12, or 0: a year only
  int day = 0;    ///< a day of that month, or 0: a month or a year only
  bool operator==(const IsoDate&) const = default;
};

/// The day @p date names, if it has day precision.
constexpr std::optional<CivilDate> day_of(const IsoDate& date) {
  if (date.day == 0) return std::nullopt;
  return CivilDate{date.year, date.month, date.day};
}

/// The ISO 8601 date at the start of @p text: "YYYY", "YYYY-MM" or "YYYY-MM-DD", strictly (a real
/// month, a real day of it); @p length (if given) gets the bytes it took. A "-" after the year or the
/// month promises the next part: "2024-13", "2024-02-30" and "2024-1" are not dates. Nothing if
/// @p text does not start with one.
XAPIAN_ARABIC_API std::optional<IsoDate> parse_iso_date(std::string_view text, std::size_t* length = nullptr);

/// The date of an ISO 8601 value as ExtractedDate::value writes it: a date alone or followed by a
/// time ("2024-11-21T10:00+03:00"; after 'T' or a space, not checked here). Nothing otherwise.
XAPIAN_ARABIC_API std::optional<IsoDate> iso_date_of(std::string_view value);

/// The day of exactly "YYYY-MM-DD" (strict: 2024-02-30 is none), or nothing.
XAPIAN_ARABIC_API std::optional<CivilDate> parse_iso_day(std::string_view text);

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as @p date's precision gives; fields as they are, zero-padded
/// to four and two digits (so a Hijri date's fields are written the same way).
XAPIAN_ARABIC_API std::string to_iso(const IsoDate& date);

/// "YYYY-MM-DD".
XAPIAN_ARABIC_API std::string to_iso(const CivilDate& day);

/// "YYYYMMDD" (ISO 8601's basic form): the index's day terms and published-day values.
XAPIAN_ARABIC_API std::string to_iso_basic(const CivilDate& day);

}  // namespace xapian_arabic
