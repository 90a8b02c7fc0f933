/** @file
 *  @brief ISO 8601 forms of civil dates: strict parsing and formatting.
 */
#include <xapian_arabic/civil_date.h>

#include <cstdio>

#include "base/ascii_digits.h"

namespace xapian_arabic {

std::optional<IsoDate> parse_iso_date(std::string_view text, std::size_t* length) {
  IsoDate date;
  date.year = ascii_digits(text, 0, 4);
  if (date.year < 0) return std::nullopt;
  std::size_t used = 4;
  if (used < text.size() && text[used] == '-') {
    date.month = ascii_digits(text, used + 1, 2);
    if (date.month < 1 || date.month > 12) return std::nullopt;
    used += 3;
    if (used < text.size() && text[used] == '-') {
      date.day = ascii_digits(text, used + 1, 2);
      if (!is_valid(CivilDate{date.year, date.month, date.day})) return std::nullopt;
      used += 3;
    }
  }
  if (length) *length = used;
  return date;
}

std::optional<IsoDate> iso_date_of(std::string_view value) {
  std::size_t length = 0;
  const auto date = parse_iso_date(value, &length);
  if (!date || (length < value.size() && value[length] != 'T' && value[length] != ' ')) return std::nullopt;
  return date;
}

std::optional<CivilDate> parse_iso_day(std::string_view text) {
  std::size_t length = 0;
  const auto date = parse_iso_date(text, &length);
  if (!date || length != text.size()) return std::nullopt;
  return day_of(*date);
}

std::string to_iso(const IsoDate& date) {
  char buf[48];
  if (date.day > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  else if (date.month > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
  else
    std::snprintf(buf, sizeof buf, "%04d", date.year);
  return buf;
}

std::string to_iso(const CivilDate& day) {
  return to_iso(IsoDate{day.year, day.month, day.day});
}

std::string to_iso_basic(const CivilDate& day) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", day.year, day.month, day.day);
  return buf;
}

}  // namespace xapian_arabic
