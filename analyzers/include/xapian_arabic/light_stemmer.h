/** @file
 *  @brief Arabic light stemmer: clitic and inflection stripping under conditions.
 *
 *  Steps, in order (docs/stemming.md has the details and the evaluation):
 *   1. a word on the protected list (names, places, foreign words: بوتين,
 *      فلسطين, واشنطن) is returned whole, also behind a proclitic (وبيروت → بيروت);
 *      a broken plural (plurals.txt) gives its singular, and a noun of the Ayaspell
 *      lexicon (hunspell-ar) or a feminine/plural/dual/nisba form of one gives that
 *      noun (وزير, قرارات → قرار, جديدة → جديد), also behind a proclitic;
 *   2. at most one proclitic group: conjunction و ف, preposition ب ك ل, the
 *      article ال and their combinations (وبال, لل ...); a one-letter one only
 *      when the word is not in the lexicon (وصل keeps its و);
 *   3. after nothing or a conjunction only, a future/imperfect verb prefix
 *      (سي ست سن سا ي ...) when the stem shows no nominal ending;
 *   4. at most one attached pronoun; before it, ت is the written form of teh
 *      marbuta (مدرستهم → مدرسة) and ي/و are construct plural endings (معلميهم → معلم);
 *   5. at most one inflectional ending, replaced by its base form (ات → ة,
 *      ية → ي, ون/ين/ان → nothing);
 *   6. a hollow verb left with three letters after a verb prefix gets its
 *      perfect-tense long vowel (يكون → كان), so tenses conflate.
 *  Every cut keeps a minimum stem length in letters. A stem never grows beyond
 *  the word, and stems of nouns keep teh marbuta (حالة ≠ حال).
 *
 *  The affix tables, the protected list and the broken plurals are data
 *  (config/stemmer/ files); the constructor reads the built-in copies or a user's
 *  folder of them. The lexicon is read from hunspell-ar once per process.
 *
 *  stem() normalizes its input first, so stemming a raw word equals stemming its
 *  normalized form. Thread safety: immutable after construction.
 */
#pragma once

#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/normalizer.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace xapian_arabic {

class XAPIAN_ARABIC_API LightStemmer {
 public:
  /// Loads the tables from @p tables_dir (prefixes.txt, pronoun_suffixes.txt, suffixes.txt,
  /// protected.txt, plurals.txt if present), or the built-in copies when it is empty. Throws
  /// TableError naming the file and line of a malformed line, or a file that can't be read
  /// (also the hunspell-ar lexicon, loaded by the first stemmer of the process).
  explicit LightStemmer(const NormalizerOptions& options = {}, const std::string& tables_dir = {});

  /// Stem of a raw word (normalized first).
  std::string stem(std::string_view word) const;

  /// Stem of a word that is already normalized with this stemmer's options.
  std::string stem_normalized(std::string_view word) const;

  /// The stem paired with @p stem (one this stemmer made) as the perfect and the verbal noun of
  /// one derived verb of forms IV, VII, VIII or X, whose verbal noun has ا before the perfect's
  /// last letter (اعلن ↔ اعلان, انسحب ↔ انسحاب, اعتقل ↔ اعتقال, استخدم ↔ استخدام), when the
  /// lexicon has it and it is its own stem; empty otherwise. stem() keeps the two apart (a verb
  /// and a noun); search joins them as synonyms ([synonyms] derived_forms).
  std::string derived_form_partner(std::string_view stem) const;

  const Normalizer& normalizer() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable: copies share it
};

}  // namespace xapian_arabic
