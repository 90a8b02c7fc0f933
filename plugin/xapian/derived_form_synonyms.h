/** @file
 *  @brief A derived verb and its verbal noun as synonyms (اعتقل = اعتقال): the partner's term.
 *
 *  The light stemmer keeps a verb and its verbal noun apart (they are two words, and stem-dev
 *  scores them as two lemmas), but a headline's verb is usually its article's noun: تعتقل in the
 *  headline, الاعتقال in the body. Search joins the pair of LightStemmer::derived_form_partner()
 *  as OP_SYNONYM (one word to the weighting scheme; NewsSearch, with the name spellings), for
 *  stems of the unprefixed text and of every field, and the indexer writes the same pairs into
 *  the synonym table for plain QueryParsers (add_derived_form_synonyms() in surface_synonyms.h).
 *  Only with the light stemmer: other stemmers make other stems.
 */
#pragma once

#include <xapian_arabic/analyzer.h>

#include <string>

namespace xapian_arabic {

/// "Z" + field prefix + the partner's stem for a stem term @p term ("Z" + field prefix + stem)
/// whose stem has a partner under @p analyzer's stemmer; "" otherwise.
std::string derived_form_partner_term(const std::string& term, const Analyzer& analyzer);

}  // namespace xapian_arabic
