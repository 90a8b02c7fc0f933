/** @file
 *  @brief libFuzzer target: DateExtractor over any text, with and without a reference day.
 *
 *  The first 4 bytes, when there are enough, choose the reference day (so relative dates
 *  resolve against any day, leap days and year ends included); the rest is the text, which also
 *  goes through the civil-date parser (civil_date.h) and the reading of one date for search.
 */
#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/date_extractor.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const DateExtractor extractor;
  std::string_view text = fuzz::as_text(data, size);
  std::optional<CivilDate> reference;
  if (size >= 4) {
    reference = CivilDate{1900 + (data[0] | data[1] << 8) % 300, 1 + data[2] % 12, 1 + data[3] % 31};
    if (reference->day > 28) reference->day = 28;
    text.remove_prefix(4);
  }
  for (const auto& d : extractor.extract(text, reference)) {
    fuzz::require(d.begin <= d.end && d.end <= text.size(), "a date's span is inside the text");
    fuzz::require(!d.value.empty(), "a date has a value");
    if (d.day)
      fuzz::require(is_valid(*d.day) && to_iso(*d.day) == d.value.substr(0, 10), "a date's day is its value's");
  }
  try {
    const DateSpan span = extractor.read(text, reference);
    fuzz::require(is_valid(span.first) && is_valid(span.last) && !(span.last < span.first),
                  "a date read for search covers real days, first to last");
  } catch (const DateError&) {
  }
  std::size_t length = 0;
  if (const auto iso = parse_iso_date(text, &length))
    fuzz::require(to_iso(*iso) == text.substr(0, length), "a parsed ISO date is written back as it was read");
  return 0;
}
