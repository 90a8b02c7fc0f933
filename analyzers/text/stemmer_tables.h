/** @file
 *  @brief The light stemmer's affix tables and protected words (internal to LightStemmer).
 */
#pragma once

#include <xapian_arabic/normalizer.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/hash.h"

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

struct StemmerTables {
  std::vector<Affix> prefixes;          ///< proclitics and verb prefixes, tried longest first
  std::vector<Affix> pronoun_suffixes;  ///< attached pronouns, at most one removed
  std::vector<Affix> suffixes;          ///< inflectional endings, at most one removed
  std::unordered_set<std::string, TransparentStringHash, std::equal_to<>> protected_words;       ///< normalized
  std::unordered_map<std::string, std::string, TransparentStringHash, std::equal_to<>> plurals;  ///< broken → singular

  /// Revision of the light stemmer's rules (light_stemmer.cc), part of the index fingerprint with
  /// the tables: raise it with any change of the code that changes a stem, so that an index built
  /// with the old rules is refused (reindex) rather than searched with stems it does not have.
  static constexpr int kRulesRevision = 6;

  /// The table files, in fingerprint order.
  static constexpr const char* kFiles[] = {"prefixes.txt", "pronoun_suffixes.txt", "suffixes.txt", "protected.txt",
                                           "plurals.txt"};

  /// Where @p name is read from: @p dir/@p name, or "" for the built-in copy when @p dir is
  /// empty or (for plurals.txt, added after 0.1.0) a user folder made before it lacks the file.
  static std::string path(const std::string& dir, const std::string& name);

  /// Loads config/stemmer/{prefixes,pronoun_suffixes,suffixes,protected,plurals}.txt from
  /// @p dir, or the built-in copies when @p dir is empty; normalizes entries with
  /// @p normalizer. Throws TableError naming the file and line for a malformed line.
  static StemmerTables load(const Normalizer& normalizer, const std::string& dir = {});
};

}  // namespace xapian_arabic
