/** @file
 *  @brief Hijri conversion through ICU (the Gregorian arithmetic is in xapian_arabic/civil_date.h).
 */
#pragma once

#include <unicode/uversion.h>
#include <xapian_arabic/civil_date.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

U_NAMESPACE_BEGIN
class Calendar;
class TimeZone;
U_NAMESPACE_END

namespace xapian_arabic::dates {

/// The ICU calendar keywords HijriCalendar takes ([dates] islamic_calendar).
/// islamic-rgsa is ICU's name for the Saudi sighting calendar, computed as "islamic".
inline constexpr std::array<std::string_view, 5> kIslamicCalendars = {"islamic-umalqura", "islamic-civil", "islamic",
                                                                      "islamic-tbla", "islamic-rgsa"};

/// kIslamicCalendars as "a, b, c" for messages.
std::string islamic_calendar_names();

/// Hijri → Gregorian through one of ICU's Islamic calendars.
/// Thread safety: const members may be called concurrently (each call clones the prototype).
class HijriCalendar {
 public:
  /// @p type is one of kIslamicCalendars; throws ConfigError for another name.
  explicit HijriCalendar(const std::string& type);
  ~HijriCalendar();
  HijriCalendar(HijriCalendar&&) noexcept;
  HijriCalendar& operator=(HijriCalendar&&) noexcept;

  /// The Gregorian day of Hijri @p year / @p month / @p day, or nothing if that day does not exist.
  std::optional<CivilDate> to_gregorian(int year, int month, int day) const;
  /// Days in Hijri month @p month of @p year (29 or 30), or 0 if out of range.
  int month_length(int year, int month) const;

 private:
  std::unique_ptr<icu::Calendar> prototype_;
};

/// A time zone of zones.tsv named by its IANA id (Asia/Jerusalem): ICU's tz data gives the
/// offset of a local time, daylight saving included, so no DST rule is written here.
/// Thread safety: const members may be called concurrently (each call clones the zone).
class CivilZone {
 public:
  /// Throws TableError for an id ICU does not know (the lexicon adds FILE:LINE).
  explicit CivilZone(const std::string& iana_id);
  ~CivilZone();
  CivilZone(CivilZone&&) noexcept;
  CivilZone& operator=(CivilZone&&) noexcept;

  /// The UTC offset in minutes of the wall-clock time @p hour:@p minute of @p day there.
  std::optional<int> offset_minutes(const CivilDate& day, int hour, int minute) const;

 private:
  std::unique_ptr<icu::TimeZone> zone_;
};

}  // namespace xapian_arabic::dates
