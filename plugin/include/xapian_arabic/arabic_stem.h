/** @file
 *  @brief Xapian::StemImplementation for Arabic (and the Latin words inside Arabic text).
 *
 *  make_stem() returns a Xapian::Stem usable with TermGenerator, QueryParser and
 *  MSet::snippet like any built-in stemmer. The implementation normalizes each
 *  word first, then applies the configured Arabic stemmer (light, snowball or
 *  none) to Arabic-script words and the Latin stemmer to other words; numbers
 *  are returned normalized and unstemmed.
 *
 *  Thread safety: a Xapian::Stem (and this implementation) must not be used by
 *  two threads at once, like Xapian's own stemmers; make one per thread.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/export.h>

#include <memory>
#include <string>
#include <string_view>

namespace xapian_arabic {

class XAPIAN_ARABIC_API ArabicStemImplementation : public Xapian::StemImplementation {
 public:
  explicit ArabicStemImplementation(const AnalysisSettings& settings = {});
  ~ArabicStemImplementation() override;

  /// Stem of a raw word (normalized inside).
  std::string operator()(const std::string& word) override;
  /// Stem of a word already normalized with the same settings.
  std::string stem_normalized(const std::string& word);
  /// The stem of the verbal noun or derived verb paired with @p stem
  /// (LightStemmer::derived_form_partner: اعتقل ↔ اعتقال); empty for none, and always
  /// with a stemmer other than the light one.
  std::string derived_form_partner(std::string_view stem) const;
  std::string get_description() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A Xapian::Stem that owns a new ArabicStemImplementation.
XAPIAN_ARABIC_API Xapian::Stem make_stem(const AnalysisSettings& settings = {});

}  // namespace xapian_arabic
