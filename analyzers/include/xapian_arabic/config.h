/** @file
 *  @brief The TOML configuration (config/default.toml documents every key).
 *
 *  Unknown keys and values of the wrong type or range are errors that name
 *  the file and line; nothing is silently ignored. Relative file paths in the
 *  config are resolved against the config file's folder.
 */
#pragma once

#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

/// [index] parallel_write: whether analysis threads write shards of their own
/// that each commit merges into the database (docs/indexing.md).
enum class ParallelWrite {
  automatic,  ///< when the database is new or small next to the input to read
  always,     ///< whenever there are 2+ threads and the filesystem allows it
  never,      ///< one writer thread
};

/// [index]: how the indexer runs.
struct IndexSettings {
  unsigned threads = 0;          ///< analysis worker threads; 0 = number of cores
  std::size_t batch_size = 500;  ///< commit every this many documents
  std::string language = "ar";   ///< value of the L term
  ParallelWrite parallel_write = ParallelWrite::automatic;
};

/// [weights]: wdf per occurrence, i.e. how much a word counts in each field.
struct FieldWeights {
  unsigned title = 3;  ///< title words (also indexed into the body text)
  unsigned lead = 3;   ///< words of the first paragraph
  unsigned body = 1;
  unsigned source = 1;  ///< source, agency and dateline city names
};

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

/// [search]: result list defaults.
struct SearchSettings {
  std::size_t limit = 10;
  std::size_t snippet_length = 240;  ///< bytes of snippet text
  double exact_form_weight = 0.25;   ///< weight of the unstemmed query added as an optional extra; 0 = off
};

/// [sources], [dates]: tables of the extractors.
struct ExtractionSettings {
  std::string aliases_file;      ///< "" = built-in config/sources/agencies.tsv
  std::string cities_file;       ///< "" = built-in config/sources/cities.txt
  std::string dates_tables_dir;  ///< "" = built-in config/dates/
  std::string islamic_calendar = "islamic-umalqura";
};

/// [jsonl]: field names of JSON Lines archives, tried in order.
struct JsonlFields {
  std::vector<std::string> id = {"id"};
  std::vector<std::string> title = {"title", "headline"};
  std::vector<std::string> body = {"body", "text", "content"};
  std::vector<std::string> date = {"date", "published", "datePublished"};
  std::vector<std::string> updated = {"updated", "modified", "dateModified"};
  std::vector<std::string> source = {"source", "publisher"};
  std::vector<std::string> url = {"url", "link"};
};

struct Config {
  AnalysisSettings analysis;  ///< [normalization], [stemming], [stopwords]: index-time, fingerprinted
  IndexSettings index;
  FieldWeights weights;
  Bm25Settings bm25;
  RecencySettings recency;
  SearchSettings search;
  ExtractionSettings extraction;
  JsonlFields jsonl;

  /// The built-in defaults (config/default.toml).
  XAPIAN_ARABIC_API static Config defaults();
  /// Reads @p path; throws ConfigError("FILE:LINE: what is wrong").
  XAPIAN_ARABIC_API static Config load(const std::string& path);
  /// Parses TOML text; @p source names it in errors, @p base_dir resolves relative paths.
  /// Paths must name an existing file or folder; throws ConfigError.
  XAPIAN_ARABIC_API static Config parse(std::string_view toml, const std::string& source,
                                        const std::string& base_dir = ".");
  /// load(), then loads every table the file names (stemmer, stopword, date and
  /// source tables) as the library will use them, so a malformed table is
  /// reported now, with the config line that names it. `config check` runs this.
  XAPIAN_ARABIC_API static Config check(const std::string& path);

  /// The settings as TOML that parse() reads back to the same settings (`config show`).
  XAPIAN_ARABIC_API std::string to_toml() const;
  /// Only the keys of @p sections, in to_toml()'s form and order (parse() reads a subset of
  /// sections too: the others keep their defaults). Throws ConfigError for an unknown section.
  XAPIAN_ARABIC_API std::string to_toml(const std::vector<std::string>& sections) const;
  /// [normalization], [stemming], [stopwords]: the sections that decide an index's terms
  /// (AnalysisSettings), which the index stores (Analyzer::write_metadata).
  XAPIAN_ARABIC_API static const std::vector<std::string>& analysis_sections();
  /// Every key as "section.key", in the order of config/default.toml.
  XAPIAN_ARABIC_API static std::vector<std::string> key_names();
};

}  // namespace xapian_arabic
