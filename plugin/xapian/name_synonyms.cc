/** @file
 *  @brief Name spellings as synonyms: query expansion and the index's synonym table.
 */
#include "xapian/name_synonyms.h"

#include <algorithm>
#include <set>

#include "tables/spelling_groups.h"

namespace xapian_arabic {

namespace {

/// The term index_text() makes of @p word with @p prefix: its stem, else the normalized word.
std::string indexed_term(const Analyzer& analyzer, const std::string& prefix, const std::string& word) {
  const std::string stem = analyzer.stem(word);
  return stem.empty() ? prefix + analyzer.normalize(word) : "Z" + prefix + stem;
}

}  // namespace

NameSynonyms::NameSynonyms(const SynonymSettings& settings, const Analyzer& analyzer) {
  // Built by every search process: each spelling is stemmed once per prefix, and the synonym
  // table's pairs are only listed when write() needs them.
  for (const SpellingGroup& group : read_name_groups(settings.names_file)) {
    for (const std::string prefix : {"", "S"}) {
      std::vector<std::string> own;  // each spelling's term
      std::vector<std::string> terms;
      for (const std::string& spelling : group.spellings) {
        own.push_back(indexed_term(analyzer, prefix, spelling));
        if (std::find(terms.begin(), terms.end(), own.back()) == terms.end()) terms.push_back(own.back());
      }
      TableGroup& written = table_groups_.emplace_back();
      for (std::size_t i = 0; i < own.size(); ++i) {
        std::vector<std::string>& others = expansions_[own[i]];
        for (const std::string& term : terms)
          if (term != own[i] && std::find(others.begin(), others.end(), term) == others.end()) others.push_back(term);
        // What a plain QueryParser looks up: the word as typed (it lower-cases, nothing else),
        // and what ours or a normalizing caller would: the normalized word, the term.
        const std::string& spelling = group.spellings[i];
        for (std::string key :
             {prefix + Xapian::Unicode::tolower(spelling), prefix + analyzer.normalize(spelling), own[i]})
          if (std::find(written.keys.begin(), written.keys.end(), key) == written.keys.end())
            written.keys.push_back(std::move(key));
      }
      written.terms = std::move(terms);
    }
  }
  for (auto it = expansions_.begin(); it != expansions_.end();) it = it->second.empty() ? expansions_.erase(it) : ++it;
}

std::vector<std::string> NameSynonyms::others(const std::string& term) const {
  const auto found = expansions_.find(term);
  return found == expansions_.end() ? std::vector<std::string>{} : found->second;
}

void NameSynonyms::write(Xapian::WritableDatabase& db) const {
  std::set<std::pair<std::string, std::string>> pairs;  // in order, each once
  for (const TableGroup& group : table_groups_)
    for (const std::string& key : group.keys)
      for (const std::string& term : group.terms) pairs.emplace(key, term);
  for (const auto& [key, synonym] : pairs) db.add_synonym(key, synonym);
}

}  // namespace xapian_arabic
