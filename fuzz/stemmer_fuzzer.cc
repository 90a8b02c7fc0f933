/** @file
 *  @brief libFuzzer target: the light stemmer, Snowball Arabic, and the Xapian stemmer that picks
 *  between them (and the Latin stemmer) per word, over any bytes; and the verbal-noun partner
 *  of a stem, which must lead back to it.
 */
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/light_stemmer.h>
#include <xapian_arabic/snowball_stemmer.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const LightStemmer light;
  static const SnowballStemmer snowball("arabic");
  static ArabicStemImplementation light_path{AnalysisSettings{}};
  static ArabicStemImplementation snowball_path = [] {
    AnalysisSettings s;
    s.stemmer = StemmerKind::snowball;
    return ArabicStemImplementation(s);
  }();
  const std::string_view word = fuzz::as_text(data, size);
  const std::string stem = light.stem(word);
  light.stem_normalized(word);
  // A partner is a stem of its own whose partner is the stem again (search joins the two).
  const std::string partner = light.derived_form_partner(stem);
  if (!partner.empty() && (light.stem_normalized(partner) != partner || light.derived_form_partner(partner) != stem))
    __builtin_trap();
  snowball.stem(word);
  const std::string w(word);
  light_path(w);
  snowball_path(w);
  return 0;
}
