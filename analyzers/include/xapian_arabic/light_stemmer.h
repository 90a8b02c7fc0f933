/** @file
 *  @brief Arabic light stemmer: clitic and inflection stripping under conditions.
 *
 *  Steps, in order (docs/stemming.md has the details and the evaluation):
 *   1. a word on the protected list (names, places, foreign words: بوتين,
 *      فلسطين, واشنطن) is returned whole, also behind a proclitic (وبيروت → بيروت);
 *   2. at most one proclitic group: conjunction و ف, preposition ب ك ل, the
 *      article ال and their combinations (وبال, لل ...);
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
 *  The affix tables and the protected list are data (config/stemmer/ files);
 *  StemmerTables::load reads the built-in copies or a user's files.
 *
 *  stem() normalizes its input first, so stemming a raw word equals stemming its
 *  normalized form. Thread safety: immutable after construction.
 */
#pragma once

#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/normalizer.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace xapian_arabic {

/// What may follow a prefix (prefixes.txt, third column).
enum class PrefixKind {
  noun,         ///< preposition or article: only a noun stem follows (بال, لل, ب, ك)
  conjunction,  ///< و ف ل: a noun or a verb (with its own prefix) follows
  verb,         ///< future or imperfect verb prefix (سي, ي): stripped only before a verbal stem
};

/// One affix with the shortest stem (in letters) it may leave behind.
struct Affix {
  std::string text;  ///< normalized UTF-8
  std::size_t min_stem = 3;
  std::string replacement;             ///< suffixes: normalized base ending put in its place (ات → ة), often empty
  PrefixKind kind = PrefixKind::noun;  ///< prefixes only
  std::size_t letters = 0;             ///< letters in text (set by load)
};

/// Hash that lets the protected set be searched with a std::string_view (no allocation).
struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct StemmerTables {
  std::vector<Affix> prefixes;          ///< proclitics and verb prefixes, tried longest first
  std::vector<Affix> pronoun_suffixes;  ///< attached pronouns, at most one removed
  std::vector<Affix> suffixes;          ///< inflectional endings, at most one removed
  std::unordered_set<std::string, TransparentStringHash, std::equal_to<>> protected_words;  ///< normalized

  /// Loads config/stemmer/{prefixes,pronoun_suffixes,suffixes,protected}.txt from
  /// @p dir, or the built-in copies when @p dir is empty; normalizes entries with
  /// @p normalizer. Throws TableError naming the file and line for a malformed line.
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
  bool is_protected(std::string_view w) const {
    return tables_.protected_words.find(w) != tables_.protected_words.end();
  }

  Normalizer normalizer_;
  StemmerTables tables_;
  std::string teh_marbuta_;  // ة as the normalizer writes it (ه when folded)
};

}  // namespace xapian_arabic
