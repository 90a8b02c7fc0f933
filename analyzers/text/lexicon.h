/** @file
 *  @brief The Ayaspell Arabic lexicon (Debian hunspell-ar) as normalized tables (internal to LightStemmer).
 *
 *  Ayaspell's ar.dic and the affix aliases of ar.aff, compiled into the library at build time
 *  (lexicon_table.h) and normalized for each set of normalization options in use: the nouns
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

#include "text/lexicon_table.h"

namespace xapian_arabic {

class Lexicon {
 public:
  /// Reads @p dic_path and @p aff_path, normalizing entries with @p normalizer. Throws TableError
  /// naming the file when it can't be read or holds no entries.
  Lexicon(const Normalizer& normalizer, const std::string& dic_path, const std::string& aff_path);
  Lexicon(const Lexicon&) = delete;  // views into its own bytes
  Lexicon& operator=(const Lexicon&) = delete;

  /// The lexicon of the hunspell-ar the library was built from, for these normalization options:
  /// the table compiled into the library for the default ones (no start-up work), else made once
  /// per process from the entries compiled in beside it. Kept for the life of the process.
  static std::shared_ptr<const Lexicon> shared(const Normalizer& normalizer);

  /// Paths of the lexicon files the build reads (XA_LEXICON_DIR's .dic and .aff).
  static std::string dic_path();
  static std::string aff_path();

  /// FNV-1a over the .aff and .dic the compiled-in lexicon was made from (for the index fingerprint).
  static std::uint64_t source_fingerprint();

  /// The noun entry that normalized @p form is or inflects (قرارات → قرار, جديده → جديد,
  /// مباريات → مباراه, فلسطينيين → فلسطيني); empty when no noun entry explains it.
  std::string noun_lemma(std::string_view form) const;

  /// Whether @p form is an entry (noun or verb form) or a noun inflection of one.
  bool knows(std::string_view form) const;

  /// Whether @p form is an entry itself (noun or verb form): knows() without the inflections.
  bool has_entry(std::string_view form) const { return table_.bits(form) != 0; }
  /// Whether @p form is a verb form of the lexicon (اذهب, اعتقل), whatever else it is too.
  bool has_verb_entry(std::string_view form) const { return (table_.bits(form) & kLexVerb) != 0; }

  std::size_t size() const { return table_.size(); }

  /// Whether this lexicon's table was made at run time rather than compiled into the library.
  bool built_at_run_time() const { return !owned_.empty(); }

 private:
  struct Built {};
  /// The table of @p owned, or @p compiled's when @p owned is empty.
  Lexicon(Built, const Normalizer& normalizer, std::string owned, const LexiconTable& compiled);

  std::uint16_t bits(std::string_view key) const { return table_.bits(key); }
  std::string lemma_of(std::string_view form) const;  // noun_lemma without its length check

  std::string owned_;  // the blob when made at run time
  LexiconTable table_;
  std::string teh_marbuta_;  // ة as the normalizer writes it
};

}  // namespace xapian_arabic
