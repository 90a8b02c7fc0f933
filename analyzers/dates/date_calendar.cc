/** @file
 *  @brief Civil-date arithmetic and ICU-based Hijri conversion.
 */
#include "dates/date_calendar.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <xapian_arabic/error.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace xapian_arabic::dates {

bool is_leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool is_valid(const CivilDate& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long days_from_civil(const CivilDate& d) {
  const long y = d.year - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (d.month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

CivilDate add_days(const CivilDate& d, long days) {
  return civil_from_days(days_from_civil(d) + days);
}

int iso_weekday(const CivilDate& d) {
  const long z = days_from_civil(d);   // 1970-01-01 was a Thursday (4)
  const long w = (z % 7 + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

std::string islamic_calendar_names() {
  std::string names;
  for (std::string_view name : kIslamicCalendars) names.append(names.empty() ? "" : ", ").append(name);
  return names;
}

HijriCalendar::HijriCalendar(const std::string& type) {
  if (std::find(kIslamicCalendars.begin(), kIslamicCalendars.end(), type) == kIslamicCalendars.end())
    throw ConfigError("unknown Islamic calendar '" + type + "' (" + islamic_calendar_names() + ")");
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(("en@calendar=" + type).c_str());
  prototype_.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), locale, status));
  if (U_FAILURE(status) || !prototype_)
    throw ConfigError("ICU cannot create the calendar '" + type + "': " + u_errorName(status));
  prototype_->setLenient(false);
}

HijriCalendar::~HijriCalendar() = default;
HijriCalendar::HijriCalendar(HijriCalendar&&) noexcept = default;
HijriCalendar& HijriCalendar::operator=(HijriCalendar&&) noexcept = default;

std::optional<CivilDate> HijriCalendar::to_gregorian(int year, int month, int day) const {
  if (year < 1 || year > 3000 || month < 1 || month > 12 || day < 1 || day > 30) return std::nullopt;
  std::unique_ptr<icu::Calendar> cal(prototype_->clone());
  if (!cal) return std::nullopt;
  cal->clear();
  cal->set(year, month - 1, day);
  UErrorCode status = U_ZERO_ERROR;
  const UDate ms = cal->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return civil_from_days(static_cast<long>(std::floor(ms / 86400000.0)));
}

int HijriCalendar::month_length(int year, int month) const {
  if (year < 1 || year > 3000 || month < 1 || month > 12) return 0;
  std::unique_ptr<icu::Calendar> cal(prototype_->clone());
  if (!cal) return 0;
  cal->clear();
  cal->set(year, month - 1, 1);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = cal->getActualMaximum(UCAL_DATE, status);
  return U_FAILURE(status) ? 0 : n;
}

}  // namespace xapian_arabic::dates
