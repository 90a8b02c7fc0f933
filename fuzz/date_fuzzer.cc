/** @file
 *  @brief libFuzzer target: DateExtractor over any text, with and without a reference day.
 *
 *  The first 4 bytes, when there are enough, choose the reference day (so relative dates
 *  resolve against any day, leap days and year ends included); the rest is the text.
 */
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
  }
  return 0;
}
