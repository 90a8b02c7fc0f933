/** @file
 *  @brief Xapian::StemImplementation over the light stemmer and Snowball.
 */
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/light_stemmer.h>
#include <xapian_arabic/snowball_stemmer.h>
#include <xapian_arabic/tokenizer.h>

#include <optional>

#include "base/utf8.h"

namespace xapian_arabic {

struct XAPIAN_ARABIC_LOCAL ArabicStemImplementation::Impl {
  explicit Impl(const AnalysisSettings& s) : settings(s), light(s.normalization, s.stemmer_tables_dir) {
    if (s.stemmer == StemmerKind::snowball) arabic_snowball.emplace("arabic");
    if (s.latin_stemmer != "none") latin_snowball.emplace(s.latin_stemmer);
  }
  AnalysisSettings settings;
  LightStemmer light;  // also owns the normalizer
  std::optional<SnowballStemmer> arabic_snowball;
  std::optional<SnowballStemmer> latin_snowball;
};

ArabicStemImplementation::ArabicStemImplementation(const AnalysisSettings& settings)
    : impl_(std::make_unique<Impl>(settings)) {}

ArabicStemImplementation::~ArabicStemImplementation() = default;

std::string ArabicStemImplementation::operator()(const std::string& word) {
  return stem_normalized(impl_->light.normalizer().normalize(word));
}

std::string ArabicStemImplementation::stem_normalized(const std::string& word) {
  if (word.empty()) return word;
  std::size_t len = 0;
  const char32_t first = utf8::decode(word, 0, len);
  if (is_arabic_script(first)) {
    switch (impl_->settings.stemmer) {
      case StemmerKind::light: return impl_->light.stem_normalized(word);
      case StemmerKind::snowball: return impl_->arabic_snowball->stem(word);
      case StemmerKind::none: return word;
    }
  }
  if ((first >= '0' && first <= '9') || !impl_->latin_snowball) return word;
  return impl_->latin_snowball->stem(word);
}

std::string ArabicStemImplementation::derived_form_partner(std::string_view stem) const {
  if (impl_->settings.stemmer != StemmerKind::light) return {};
  return impl_->light.derived_form_partner(stem);
}

std::string ArabicStemImplementation::get_description() const {
  return std::string("xapian-arabic(") + to_string(impl_->settings.stemmer) + ")";
}

Xapian::Stem make_stem(const AnalysisSettings& settings) {
  return Xapian::Stem(new ArabicStemImplementation(settings));
}

}  // namespace xapian_arabic
