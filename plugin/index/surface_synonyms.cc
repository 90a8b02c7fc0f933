/** @file
 *  @brief Synonyms from the words as written to their normalized and stemmed terms.
 */
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/surface_synonyms.h>

#include <algorithm>

#include "base/hash.h"
#include "xapian/derived_form_synonyms.h"

namespace xapian_arabic {

namespace {

// Arabic has no case: ASCII without capitals and U+0600–U+06FF (lead bytes 0xD8–0xDB)
// are their own lower case, and need no Unicode::tolower() (an allocation per word).
bool caseless(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') return false;
    if (c >= 0xC0 && (c < 0xD8 || c > 0xDB)) return false;
  }
  return true;
}

}  // namespace

void SurfaceSynonyms::add(std::string_view prefix, std::string_view surface, std::string_view term,
                          std::string_view stem) {
  if (!seen_.insert(content_hash(term, content_hash(surface, content_hash(prefix))))) return;
  // QueryParser lower-cases the word a user types; nothing else.
  if (caseless(surface))
    lowered_.assign(surface);
  else
    lowered_ = Xapian::Unicode::tolower(std::string(surface));
  for (const std::string_view written : {std::string_view(lowered_), term}) {
    if (written.empty()) continue;
    key_.assign(prefix).append(written);
    if (written != term) pairs_.emplace_back(key_, std::string(prefix).append(term));
    if (!stem.empty()) pairs_.emplace_back(key_, std::string("Z").append(prefix).append(stem));
    if (written == term) break;
  }
}

void SurfaceSynonyms::add_stem_term(std::string_view prefix, std::string_view surface, std::string_view term,
                                    std::string_view stem_term) {
  if (!seen_.insert(content_hash(term, content_hash(surface, content_hash(prefix))))) return;
  if (caseless(surface))
    lowered_.assign(surface);
  else
    lowered_ = Xapian::Unicode::tolower(std::string(surface));
  const std::string target = std::string("Z").append(prefix).append(stem_term);
  key_.assign(prefix).append(lowered_);
  if (!lowered_.empty()) pairs_.emplace_back(key_, target);
  // A number is its own normalized form: one key.
  if (term != lowered_ && !term.empty()) pairs_.emplace_back(std::string(prefix).append(term), target);
}

void SurfaceSynonyms::clear() {
  pairs_.clear();
  seen_.clear();
}

void add_derived_form_synonyms(SurfaceSynonyms& synonyms, const Analyzer& analyzer) {
  const std::size_t recorded = synonyms.pairs().size();  // the pairs added here are not looked at again
  for (std::size_t i = 0; i < recorded; ++i) {
    std::string partner = derived_form_partner_term(synonyms.pairs()[i].second, analyzer);
    if (!partner.empty()) synonyms.add_pair(synonyms.pairs()[i].first, std::move(partner));
  }
}

bool HashMemory::insert(std::uint64_t hash) {
  if (table_.empty()) table_.assign(slots_, 0);
  if (hash == 0) hash = 1;  // 0 marks a free slot
  std::size_t slot = hash & (slots_ - 1);
  for (; table_[slot] != 0; slot = (slot + 1) & (slots_ - 1))
    if (table_[slot] == hash) return false;
  if (used_ >= slots_ / 2) {
    clear();
    slot = hash & (slots_ - 1);
  }
  table_[slot] = hash;
  ++used_;
  return true;
}

void HashMemory::clear() {
  std::fill(table_.begin(), table_.end(), 0);
  used_ = 0;
}

// A 64-bit hash stands for the pair: two pairs of a run colliding (about 2^-24 for
// 2^20 of them) would leave one unwritten, which is acceptable for a query aid.
void SynonymWriter::write(Xapian::WritableDatabase& db, const SynonymPairs& pairs) {
  for (const auto& pair : pairs)
    if (written_.insert(content_hash(pair.second, content_hash(pair.first)))) queued_.push_back(pair);
  if (queued_.size() >= kQueueLimit) flush(db);
}

void SynonymWriter::flush(Xapian::WritableDatabase& db) {
  std::sort(queued_.begin(), queued_.end());
  for (const auto& [key, synonym] : queued_) db.add_synonym(key, synonym);
  queued_.clear();
}

}  // namespace xapian_arabic
