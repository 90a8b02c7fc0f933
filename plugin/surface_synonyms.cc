/** @file
 *  @brief Synonyms from the words as written to their normalized and stemmed terms.
 */
#include <xapian_arabic/surface_synonyms.h>

namespace xapian_arabic {

void SurfaceSynonyms::add(std::string_view prefix, std::string_view surface, std::string_view term,
                          std::string_view stem) {
  // QueryParser lower-cases the word a user types; nothing else.
  lowered_ = Xapian::Unicode::tolower(std::string(surface));
  for (const std::string_view written : {std::string_view(lowered_), term}) {
    if (written.empty()) continue;
    key_.assign(prefix).append(written);
    if (written != term) add_pair(key_, std::string(prefix).append(term));
    if (!stem.empty()) add_pair(key_, std::string("Z").append(prefix).append(stem));
    if (written == term) break;
  }
}

void SurfaceSynonyms::add_pair(std::string key, std::string synonym) {
  std::string entry = key;
  entry.push_back('\0');
  entry.append(synonym);
  if (seen_.insert(std::move(entry)).second) pairs_.emplace_back(std::move(key), std::move(synonym));
}

void SurfaceSynonyms::clear() {
  pairs_.clear();
  seen_.clear();
}

void SynonymWriter::write(Xapian::WritableDatabase& db, const SurfaceSynonyms& synonyms) {
  for (const auto& [key, synonym] : synonyms.pairs()) {
    entry_.assign(key).push_back('\0');
    entry_.append(synonym);
    if (written_.count(entry_)) continue;
    if (written_.size() >= kRememberedLimit) written_.clear();
    written_.insert(entry_);
    db.add_synonym(key, synonym);
  }
}

}  // namespace xapian_arabic
