/** @file
 *  @brief Spellings of one name (config/synonyms/names.tsv: ترامب | ترمب) as synonyms of each other.
 *
 *  Search expands a term of one spelling into OP_SYNONYM of it and the terms of the others
 *  (others(), with expand_term_synonyms()); the indexer writes the same groups into the index's synonym table
 * (write()), keyed as a plain QueryParser looks words up, so Omega, quest and python3-xapian with FLAG_AUTO_SYNONYMS
 * get them too. A spelling's term is the one the Analyzer indexes it as: "Z" + prefix + stem, or prefix + the
 * normalized word when it has no stem.
 *
 *  Thread safety: immutable after construction.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/search_settings.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace xapian_arabic {

class NameSynonyms {
 public:
  /// The groups of [synonyms] names_file (built-in config/synonyms/names.tsv) as @p analyzer's
  /// terms, for the unprefixed text and the title (S). Throws TableError naming FILE:LINE.
  NameSynonyms(const SynonymSettings& settings, const Analyzer& analyzer);

  /// The terms of the other spellings of the name whose spelling's term is @p term; empty for
  /// none. Search joins them to the term as OP_SYNONYM (expand_term_synonyms(), term_synonyms.h):
  /// the spellings count as one word, as Xapian's FLAG_AUTO_SYNONYMS makes them.
  std::vector<std::string> others(const std::string& term) const;

  /// Adds to @p db's synonym table, for every spelling as typed (lower-cased, as QueryParser
  /// makes it), normalized and as its term, the terms of every spelling of the name.
  void write(Xapian::WritableDatabase& db) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> expansions_;  // a spelling's term → the others'
  struct TableGroup {  // for write(): every key of a group gets every term of it
    std::vector<std::string> keys, terms;
  };
  std::vector<TableGroup> table_groups_;
};

}  // namespace xapian_arabic
