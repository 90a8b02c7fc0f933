/** @file
 *  @brief A derived verb and its verbal noun as synonyms in search (اعتقل = اعتقال).
 *
 *  The light stemmer keeps a verb and its verbal noun apart (they are two words, and stem-dev
 *  scores them as two lemmas), but a headline's verb is usually its article's noun: تعتقل in the
 *  headline, الاعتقال in the body. Search joins the pair of LightStemmer::derived_form_partner()
 *  as OP_SYNONYM (one word to the weighting scheme), for stems of the unprefixed text and of
 *  every field. Only with the light stemmer: other stemmers make other stems. The indexer writes
 *  the same pairs into the synonym table (SurfaceSynonyms::add_partner) for plain QueryParsers.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analyzer.h>

namespace xapian_arabic {

/// @p query with each stem term ("Z" + field prefix + stem) whose stem has a partner under
/// @p analyzer's stemmer replaced by OP_SYNONYM of it and the partner's term of the same field.
Xapian::Query expand_derived_forms(const Xapian::Query& query, const Analyzer& analyzer);

}  // namespace xapian_arabic
