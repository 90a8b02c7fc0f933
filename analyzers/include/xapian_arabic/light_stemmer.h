/** @file
 *  @brief Arabic light stemmer: clitic and inflection stripping under conditions.
 *
 *  Removes proclitics (و ف ب ك ل, the article ال and their combinations, the
 *  future marker س before a verb prefix), then at most one attached pronoun and
 *  at most one inflectional ending (plural, dual, feminine, nisba), each only
 *  while the remaining stem keeps a minimum length. Words on the protected list
 *  (names, places, foreign words: بوتين, فلسطين, واشنطن) are never cut, also
 *  when they carry a proclitic (وبيروت → بيروت).
 *
 *  The affix tables and the protected list are data (config/stemmer/ files);
 *  StemmerTables::load reads the built-in copies or a user's files.
 *
 *  stem() normalizes its input first, so stemming a raw word equals stemming its
 *  normalized form. Thread safety: immutable after construction.
 */
#pragma once

#include <xapian_arabic/export.h>
#include <xapian_arabic/normalizer.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace xapian_arabic {

/// One affix with the shortest stem (in letters) it may leave behind.
struct Affix {
  std::string text;  ///< normalized UTF-8
  std::size_t min_stem = 3;
};

struct StemmerTables {
  std::vector<Affix> prefixes;         ///< proclitics, tried longest first
  std::vector<Affix> pronoun_suffixes; ///< attached pronouns, at most one removed
  std::vector<Affix> suffixes;         ///< inflectional endings, at most one removed
  std::unordered_set<std::string> protected_words;  ///< normalized; never stemmed

  /// Loads config/stemmer/{prefixes,pronoun_suffixes,suffixes,protected}.txt from
  /// @p dir, or the built-in copies when @p dir is empty; normalizes entries with @p normalizer.
  XAPIAN_ARABIC_API static StemmerTables load(const Normalizer& normalizer, const std::string& dir = {});
};

class XAPIAN_ARABIC_API LightStemmer {
 public:
  explicit LightStemmer(const NormalizerOptions& options = {}, const std::string& tables_dir = {});

  /// Stem of a raw word (normalized first).
  std::string stem(std::string_view word) const;

  /// Stem of a word that is already normalized with this stemmer's options.
  std::string stem_normalized(std::string_view word) const;

  const Normalizer& normalizer() const { return normalizer_; }

 private:
  Normalizer normalizer_;
  StemmerTables tables_;
};

}  // namespace xapian_arabic
