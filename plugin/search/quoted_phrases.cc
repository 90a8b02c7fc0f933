/** @file
 *  @brief rank_quoted_phrases: a phrase that is one of several OR clauses becomes its words.
 */
#include "search/quoted_phrases.h"

#include <vector>

namespace xapian_arabic {

namespace {

/// The clauses of the OR tree @p query: the subqueries a document may match any of.
void or_clauses(const Xapian::Query& query, std::vector<Xapian::Query>& out) {
  if (query.get_type() == Xapian::Query::OP_OR) {
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) or_clauses(query.get_subquery(i), out);
  } else {
    out.push_back(query);
  }
}

/// The OR at @p query's top (through the first operand of FILTER, AND_NOT and AND_MAYBE: filters,
/// exclusions and boosts are no clauses) with its phrases moved to @p phrases and their words
/// left in their place; false (@p out untouched) where there is no OR with a clause besides phrases.
bool relax(const Xapian::Query& query, std::vector<Xapian::Query>& phrases, Xapian::Query& out) {
  const auto op = query.get_type();
  if (op == Xapian::Query::OP_FILTER || op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_AND_MAYBE) {
    std::vector<Xapian::Query> operands;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) operands.push_back(query.get_subquery(i));
    if (operands.empty() || !relax(operands[0], phrases, operands[0])) return false;
    out = Xapian::Query(op, operands.begin(), operands.end());
    return true;
  }
  if (op != Xapian::Query::OP_OR) return false;
  std::vector<Xapian::Query> clauses;
  or_clauses(query, clauses);
  std::vector<Xapian::Query> relaxed, found;
  for (const Xapian::Query& clause : clauses) {
    if (clause.get_type() != Xapian::Query::OP_PHRASE) {
      relaxed.push_back(clause);
      continue;
    }
    found.push_back(clause);
    for (std::size_t i = 0; i < clause.get_num_subqueries(); ++i) relaxed.push_back(clause.get_subquery(i));
  }
  // Only phrases (or none): what the user typed is the phrases themselves.
  if (found.empty() || found.size() == clauses.size()) return false;
  phrases.insert(phrases.end(), found.begin(), found.end());
  out = Xapian::Query(Xapian::Query::OP_OR, relaxed.begin(), relaxed.end());
  return true;
}

}  // namespace

Xapian::Query rank_quoted_phrases(const Xapian::Query& query, double boost) {
  std::vector<Xapian::Query> phrases;
  Xapian::Query relaxed;
  if (!relax(query, phrases, relaxed)) return query;
  if (boost <= 0) return relaxed;
  const Xapian::Query extra(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end()), boost);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, relaxed, extra);
}

}  // namespace xapian_arabic
