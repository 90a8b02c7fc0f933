/** @file
 *  @brief The TOML configuration (config/default.toml documents every key).
 *
 *  Config gathers the settings of every stage, each defined beside the stage
 *  that uses it: AnalysisSettings (analysis_settings.h), ExtractionSettings
 *  (article_extractor.h), JsonlFields (news_reader.h), IndexSettings and
 *  FieldWeights (index_settings.h), Bm25Settings, RecencySettings and
 *  SearchSettings and SynonymSettings (search_settings.h). One table of keys in config.cc drives
 *  parsing, to_toml() and check().
 *
 *  Unknown keys and values of the wrong type or range are errors that name
 *  the file and line; nothing is silently ignored. Relative file paths in the
 *  config are resolved against the config file's folder.
 */
#pragma once

#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/index_settings.h>
#include <xapian_arabic/news_reader.h>
#include <xapian_arabic/search_settings.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

struct Config {
  AnalysisSettings analysis;  ///< [normalization], [stemming], [stopwords]: index-time, fingerprinted
  IndexSettings index;
  FieldWeights weights;
  Bm25Settings bm25;
  RecencySettings recency;
  SearchSettings search;
  SynonymSettings synonyms;
  ExtractionSettings extraction;
  JsonlFields jsonl;

  /// The options of a NewsReader for this config: [jsonl] field names and [layout] markers_file.
  XAPIAN_ARABIC_API NewsReaderOptions reader_options() const;

  /// The built-in defaults (config/default.toml).
  XAPIAN_ARABIC_API static Config defaults();
  /// Reads @p path; throws ConfigError("FILE:LINE: what is wrong").
  XAPIAN_ARABIC_API static Config load(const std::string& path);
  /// Parses TOML text; @p source names it in errors, @p base_dir resolves relative paths.
  /// Paths must name an existing file or folder; throws ConfigError.
  XAPIAN_ARABIC_API static Config parse(std::string_view toml, const std::string& source,
                                        const std::string& base_dir = ".");
  /// load(), then loads every table the file names (stemmer, stopword, markers, date and
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
