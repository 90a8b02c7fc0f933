/** @file
 *  @brief Synonyms from the words as written to their normalized and stemmed terms.
 */
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/surface_synonyms.h>

#include <algorithm>

#include "base/hash.h"
#include "index/hash_memory.h"
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

// On a cache line of its own: each analysis thread writes its own one for every new word.
struct alignas(64) SurfaceSynonyms::Impl {
  SynonymPairs pairs;
  // Hashes of (prefix, surface, term), up to 2^18 slots (2 MB): about 130,000 words.
  HashMemory seen{18};
  std::string key, lowered;
};

SurfaceSynonyms::SurfaceSynonyms() : impl_(std::make_unique<Impl>()) {}
SurfaceSynonyms::~SurfaceSynonyms() = default;
SurfaceSynonyms::SurfaceSynonyms(SurfaceSynonyms&&) noexcept = default;
SurfaceSynonyms& SurfaceSynonyms::operator=(SurfaceSynonyms&&) noexcept = default;

const SynonymPairs& SurfaceSynonyms::pairs() const {
  return impl_->pairs;
}
SynonymPairs SurfaceSynonyms::take_pairs() {
  return std::exchange(impl_->pairs, {});
}
void SurfaceSynonyms::add_pair(std::string key, std::string synonym) {
  impl_->pairs.emplace_back(std::move(key), std::move(synonym));
}

void SurfaceSynonyms::add(std::string_view prefix, std::string_view surface, std::string_view term,
                          std::string_view stem) {
  Impl& d = *impl_;
  if (!d.seen.insert(content_hash(term, content_hash(surface, content_hash(prefix))))) return;
  // QueryParser lower-cases the word a user types; nothing else.
  if (caseless(surface))
    d.lowered.assign(surface);
  else
    d.lowered = Xapian::Unicode::tolower(std::string(surface));
  for (const std::string_view written : {std::string_view(d.lowered), term}) {
    if (written.empty()) continue;
    d.key.assign(prefix).append(written);
    if (written != term) d.pairs.emplace_back(d.key, std::string(prefix).append(term));
    if (!stem.empty()) d.pairs.emplace_back(d.key, std::string("Z").append(prefix).append(stem));
    if (written == term) break;
  }
}

void SurfaceSynonyms::add_stem_term(std::string_view prefix, std::string_view surface, std::string_view term,
                                    std::string_view stem_term) {
  Impl& d = *impl_;
  if (!d.seen.insert(content_hash(term, content_hash(surface, content_hash(prefix))))) return;
  if (caseless(surface))
    d.lowered.assign(surface);
  else
    d.lowered = Xapian::Unicode::tolower(std::string(surface));
  const std::string target = std::string("Z").append(prefix).append(stem_term);
  d.key.assign(prefix).append(d.lowered);
  if (!d.lowered.empty()) d.pairs.emplace_back(d.key, target);
  // A number is its own normalized form: one key.
  if (term != d.lowered && !term.empty()) d.pairs.emplace_back(std::string(prefix).append(term), target);
}

void SurfaceSynonyms::clear() {
  impl_->pairs.clear();
  impl_->seen.clear();
}

void add_derived_form_synonyms(SurfaceSynonyms& synonyms, const Analyzer& analyzer) {
  const std::size_t recorded = synonyms.pairs().size();  // the pairs added here are not looked at again
  for (std::size_t i = 0; i < recorded; ++i) {
    std::string partner = derived_form_partner_term(synonyms.pairs()[i].second, analyzer);
    if (!partner.empty()) synonyms.add_pair(synonyms.pairs()[i].first, std::move(partner));
  }
}

// A 64-bit hash stands for the pair: two pairs of a run colliding (about 2^-24 for
// 2^20 of them) would leave one unwritten, which is acceptable for a query aid.
struct SynonymWriter::Impl {
  // Hashes of the pairs written, up to 2^20 slots (8 MB): forgetting them only costs writing
  // pairs again.
  HashMemory written{20};
  static constexpr std::size_t kQueueLimit = 1 << 16;  // pairs waiting: a few MB
  SynonymPairs queued;
};

SynonymWriter::SynonymWriter() : impl_(std::make_unique<Impl>()) {}
SynonymWriter::~SynonymWriter() = default;
SynonymWriter::SynonymWriter(SynonymWriter&&) noexcept = default;
SynonymWriter& SynonymWriter::operator=(SynonymWriter&&) noexcept = default;

void SynonymWriter::write(Xapian::WritableDatabase& db, const SurfaceSynonyms& synonyms) {
  write(db, synonyms.pairs());
}

void SynonymWriter::write(Xapian::WritableDatabase& db, const SynonymPairs& pairs) {
  for (const auto& pair : pairs)
    if (impl_->written.insert(content_hash(pair.second, content_hash(pair.first)))) impl_->queued.push_back(pair);
  if (impl_->queued.size() >= Impl::kQueueLimit) flush(db);
}

void SynonymWriter::flush(Xapian::WritableDatabase& db) {
  std::sort(impl_->queued.begin(), impl_->queued.end());
  for (const auto& [key, synonym] : impl_->queued) db.add_synonym(key, synonym);
  impl_->queued.clear();
}

}  // namespace xapian_arabic
