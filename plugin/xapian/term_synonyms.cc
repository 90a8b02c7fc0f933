/** @file
 *  @brief Query expansion by synonyms of single terms.
 */
#include "xapian/term_synonyms.h"

namespace xapian_arabic {

namespace {

bool expand_into(const Xapian::Query& query, const TermSynonymsOf& synonyms_of, Xapian::Query& out) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::vector<std::string> synonyms = synonyms_of(*query.get_unique_terms_begin());
      if (synonyms.empty()) return false;
      std::vector<Xapian::Query> terms{query};
      for (const std::string& term : synonyms) terms.emplace_back(term);
      out = Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
      return true;
    }
    // The operators QueryParser joins words with; a phrase's terms must stay single terms.
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_MAX: {
      std::vector<Xapian::Query> subqueries;
      bool changed = false;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        subqueries.push_back(query.get_subquery(i));
        changed = expand_into(subqueries.back(), synonyms_of, subqueries.back()) || changed;
      }
      if (!changed) return false;
      out = Xapian::Query(query.get_type(), subqueries.begin(), subqueries.end());
      return true;
    }
    default: return false;
  }
}

}  // namespace

Xapian::Query expand_term_synonyms(const Xapian::Query& query, const TermSynonymsOf& synonyms_of) {
  Xapian::Query out = query;
  expand_into(query, synonyms_of, out);
  return out;
}

}  // namespace xapian_arabic
