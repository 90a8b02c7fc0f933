/** @file
 *  @brief The index-time analysis settings: normalization, stemming, stopwords.
 *
 *  These settings decide which terms a text produces, so an index and the
 *  queries against it must use the same ones. fingerprint() summarizes them
 *  (including the contents of the affix, protected-word and stopword tables)
 *  for storing in the database.
 */
#pragma once

#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/normalizer.h>

#include <string>

namespace xapian_arabic {

enum class StemmerKind { light, snowball, none };

struct AnalysisSettings {
  NormalizerOptions normalization;
  StemmerKind stemmer = StemmerKind::light;
  std::string latin_stemmer = "english";  ///< libstemmer language for Latin-script words, or "none"
  std::string stemmer_tables_dir;         ///< folder with prefixes.txt ... protected.txt; empty: built-in
  bool use_stopwords = false;             ///< off by default: docs/evaluation.md measures why
  std::string stopwords_file;             ///< empty: built-in config/stopwords/arabic.txt

  /// Stable summary of everything that changes the terms (table contents included).
  XAPIAN_ARABIC_API std::string fingerprint() const;
};

XAPIAN_ARABIC_API const char* to_string(StemmerKind kind);
/// Parses "light", "snowball" or "none"; throws ConfigError otherwise.
XAPIAN_ARABIC_API StemmerKind parse_stemmer_kind(const std::string& name);

}  // namespace xapian_arabic
