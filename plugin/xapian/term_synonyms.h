/** @file
 *  @brief Query expansion by synonyms of single terms, as Xapian's FLAG_AUTO_SYNONYMS does it.
 */
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

namespace xapian_arabic {

/// The terms to join to a term of the query as its synonyms; empty for none.
using TermSynonymsOf = std::function<std::vector<std::string>(const std::string& term)>;

/// @p query with each term that @p synonyms_of gives synonyms for replaced by OP_SYNONYM of it
/// and them (one word to the weighting scheme). Only the operators QueryParser joins words with
/// are walked into: phrases, NEAR, wildcards, filters, ranges and existing synonyms are left as
/// they are.
Xapian::Query expand_term_synonyms(const Xapian::Query& query, const TermSynonymsOf& synonyms_of);

}  // namespace xapian_arabic
