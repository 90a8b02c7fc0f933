/** @file
 *  @brief The Ayaspell Arabic lexicon (Debian hunspell-ar) as normalized tables (internal to LightStemmer).
 *
 *  Reads ar.dic and the affix aliases of ar.aff once per process and per normalization: the nouns
 *  (Ayaspell's names.dic section) and verb forms (verb.huns.dic) with, for each noun, which of
 *  Ayaspell's inflection classes it takes (feminine ة, plural ات, ون/ين, dual, nisba ي ...). The
 *  light stemmer asks it whether a form is a word and, for a noun form, which entry it inflects.
 *  Only whole entries and single inflectional endings are tried, never prefixes: clitics stay the
 *  stemmer's rules. docs/stemming.md gives the memory and start-up cost.
 *
 *  Thread safety: immutable after construction; shared() hands out one copy per process.
 */
#pragma once

#include <xapian_arabic/normalizer.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/hash.h"

namespace xapian_arabic {

class Lexicon {
 public:
  /// Reads @p dic_path and @p aff_path, normalizing entries with @p normalizer. Throws TableError
  /// naming the file when it can't be read or holds no entries.
  Lexicon(const Normalizer& normalizer, const std::string& dic_path, const std::string& aff_path);

  /// The lexicon of the installed hunspell-ar (XA_LEXICON_DIR), loaded on first use for these
  /// normalization options and kept for the life of the process.
  static std::shared_ptr<const Lexicon> shared(const Normalizer& normalizer);

  /// Paths of the installed lexicon files (.dic, .aff).
  static std::string dic_path();
  static std::string aff_path();

  /// FNV-1a over the installed .dic and .aff (for the index fingerprint); read once per process.
  static std::uint64_t installed_fingerprint();

  /// The noun entry that normalized @p form is or inflects (قرارات → قرار, جديده → جديد,
  /// مباريات → مباراه, فلسطينيين → فلسطيني); empty when no noun entry explains it.
  std::string noun_lemma(std::string_view form) const;

  /// Whether @p form is an entry (noun or verb form) or a noun inflection of one.
  bool knows(std::string_view form) const;

  /// Whether @p form is an entry itself (noun or verb form): knows() without the inflections.
  bool has_entry(std::string_view form) const { return bits(form) != 0; }

  std::size_t size() const { return entries_.size(); }

 private:
  std::uint16_t bits(std::string_view key) const;
  std::string lemma_of(std::string_view form) const;  // noun_lemma without its length check

  std::unordered_map<std::string, std::uint16_t, TransparentStringHash, std::equal_to<>> entries_;
  std::string teh_marbuta_;  // ة as the normalizer writes it
};

}  // namespace xapian_arabic
