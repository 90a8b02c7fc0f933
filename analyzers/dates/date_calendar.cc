/** @file
 *  @brief ICU-based Hijri conversion.
 */
#include "dates/date_calendar.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <xapian_arabic/error.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace xapian_arabic::dates {

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

CivilZone::CivilZone(const std::string& iana_id) {
  zone_.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(iana_id)));
  if (!zone_ || *zone_ == icu::TimeZone::getUnknown())
    throw TableError("ICU knows no time zone '" + iana_id + "' (an IANA id such as Asia/Jerusalem)");
}

CivilZone::~CivilZone() = default;
CivilZone::CivilZone(CivilZone&&) noexcept = default;
CivilZone& CivilZone::operator=(CivilZone&&) noexcept = default;

std::optional<int> CivilZone::offset_minutes(const CivilDate& day, int hour, int minute) const {
  if (!is_valid(day) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  std::unique_ptr<icu::TimeZone> zone(zone_->clone());
  if (!zone) return std::nullopt;
  // The wall-clock time as if it were UTC; local = true makes ICU read it as the zone's own time.
  const UDate local = (static_cast<double>(days_from_civil(day)) * 86400.0 + hour * 3600.0 + minute * 60.0) * 1000.0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(local, true, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return (raw + dst) / 60000;
}

}  // namespace xapian_arabic::dates
