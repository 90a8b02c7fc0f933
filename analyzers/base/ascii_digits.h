/** @file
 *  @brief Fixed-width ASCII numbers in ISO 8601 text (internal): one helper for the civil-date
 *  module's dates and the reader's times and zones.
 */
#pragma once

#include <cstddef>
#include <string_view>

namespace xapian_arabic {

/// The @p n ASCII digits at @p pos of @p s as a number, or -1 (too short, or not all digits).
inline int ascii_digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace xapian_arabic
