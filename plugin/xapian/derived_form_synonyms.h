/** @file
 *  @brief A derived verb and its verbal noun as synonyms in search (اعتقل = اعتقال).
 *
 *  The light stemmer keeps a verb and its verbal noun apart (they are two words, and stem-dev
 *  scores them as two lemmas), but a headline's verb is usually its article's noun: تعتقل in the
 *  headline, الاعتقال in the body. Search joins the pair of LightStemmer::derived_form_partner()
 *  as OP_SYNONYM (one word to the weighting scheme), for stems of the unprefixed text and of
 *  every field. Only with the light stemmer: other stemmers make other stems.
 *
 *  Thread safety: immutable after construction.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/light_stemmer.h>

namespace xapian_arabic {

class DerivedFormSynonyms {
 public:
  explicit DerivedFormSynonyms(const AnalysisSettings& settings);

  /// @p query with each stem term ("Z" + field prefix + stem) that has a partner replaced by
  /// OP_SYNONYM of it and the partner's term of the same field.
  Xapian::Query expand(const Xapian::Query& query) const;

 private:
  LightStemmer stemmer_;
};

}  // namespace xapian_arabic
