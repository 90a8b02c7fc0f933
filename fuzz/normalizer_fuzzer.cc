/** @file
 *  @brief libFuzzer target: Normalizer over any bytes, with the default rules and with every rule off.
 */
#include <xapian_arabic/normalizer.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Normalizer defaults;
  static const Normalizer none = [] {
    NormalizerOptions o;
    o.remove_harakat = o.remove_quranic_marks = o.remove_tatweel = o.fold_presentation_forms = false;
    o.fold_alef = o.fold_alef_maqsura = o.fold_teh_marbuta = o.fold_hamza_seats = false;
    o.fold_persian_letters = o.fold_digits = o.remove_format_controls = o.case_fold_latin = false;
    return Normalizer(o);
  }();
  const std::string_view text = fuzz::as_text(data, size);
  const std::string once = defaults.normalize(text);
  // Normalized text is a fixed point: indexing and querying normalize at different times.
  fuzz::require(defaults.normalize(once) == once, "normalize(normalize(x)) == normalize(x)");
  std::string out;
  none.normalize_into(text, out);
  return 0;
}
