/** @file
 *  @brief Settings of search: [bm25], [recency] and [search] (config.h reads them).
 */
#pragma once

#include <xapian_arabic/export.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace xapian_arabic {

/// [bm25]: Xapian::BM25Weight parameters.
struct Bm25Settings {
  double k1 = 1.2, k2 = 0.0, k3 = 1.0, b = 0.75, min_normlen = 0.5;
};

/// [recency]: optional boost of recent articles (ValueWeightPostingSource on the days slot; docs/search.md says why).
struct RecencySettings {
  bool enabled = false;
  double weight = 1.0;          ///< largest extra score, for the newest article
  double half_life_days = 365;  ///< articles this much older than the newest get weight/2
};

/// [search] weighting: Xapian's weighting scheme for ranking.
enum class WeightingScheme {
  dph,   ///< Xapian::DPHWeight: divergence from randomness, no parameters (the default: docs/evaluation.md)
  bm25,  ///< Xapian::BM25Weight with the [bm25] parameters
  dlh,   ///< Xapian::DLHWeight: divergence from randomness, no parameters
};

/// "dph", "bm25", "dlh".
XAPIAN_ARABIC_API const char* to_string(WeightingScheme scheme);
/// The scheme named @p name, or nullopt.
XAPIAN_ARABIC_API std::optional<WeightingScheme> parse_weighting_scheme(std::string_view name);

/// [search]: result list defaults.
struct SearchSettings {
  WeightingScheme weighting = WeightingScheme::dph;
  std::size_t limit = 10;
  std::size_t snippet_length = 240;  ///< bytes of snippet text
  double exact_form_weight = 0.25;   ///< weight of the unstemmed query added as an optional extra; 0 = off
  /// false: a quoted phrase among other words of an OR query also matches its words one by one,
  /// and articles with the phrase rank higher (pasted headlines quote words for emphasis);
  /// true: it matches only as a phrase, as in Xapian's QueryParser. A phrase alone, or under
  /// AND or +, is always a phrase (docs/search.md).
  bool strict_phrases = false;
  /// Weight of the phrase matches added back when strict_phrases is false; 0 (the default): none.
  /// Measured on news-bench, 0.25 ranked no better and made the p95 query 12x slower.
  double phrase_boost = 0.0;
  /// A wildcard (بوتي*) expands to at most this many of the index's words, the most frequent ones.
  unsigned wildcard_limit = 100;
};

/// [synonyms]: other spellings of one name, and a verb's verbal noun. Read by search and by the
/// indexer, which writes them into the index's synonym table for plain Xapian tools.
struct SynonymSettings {
  bool names = true;  ///< name spellings (بوتين = بوتن) are synonyms in search and the index
  /// A derived verb and its verbal noun (اعتقل = اعتقال, استخدم = استخدام) are synonyms in search
  /// and the index (light stemmer only).
  bool derived_forms = true;
  std::string names_file;         ///< "" = built-in config/synonyms/names.tsv
  std::string city_aliases_file;  ///< "" = built-in config/synonyms/cities.tsv (city:Dubai = city:دبي)
};

}  // namespace xapian_arabic
