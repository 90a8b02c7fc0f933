/** @file
 *  @brief The query's fields: date: and source:/agency: filters (internal to search).
 *
 *  date: values, --from and --to are read by the date extractor's own grammar
 *  (DateExtractor::read, with the config's [dates] tables and a reference day for أمس);
 *  parse_date_range (public in news_search.h) adds FROM..TO. source: values go through
 *  the config's alias table.
 *  city: values through the city alias table (config/synonyms/cities.tsv) and the dateline
 *  cities of config/sources/cities.txt.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/date_extractor.h>
#include <xapian_arabic/news_search.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

/// @p s without surrounding blanks, each run of blanks inside as one space.
std::string collapse_spaces(std::string_view s);

/// The machine's local day: the reference of relative dates (أمس) when a request gives none.
CivilDate local_today();

/// The date grammar of the config's [dates] tables, Islamic calendar and markers (the built-in
/// one is made once per process). Throws TableError naming FILE:LINE of a malformed table.
std::shared_ptr<const DateExtractor> date_grammar(const ExtractionSettings& settings);

/// Whether @p settings read the built-in date tables (one grammar per process).
bool uses_builtin_date_grammar(const ExtractionSettings& settings);

/// date_grammar(@p settings). The built-in grammar is made on first use: its tables take about
/// 0.7 ms to load, and most queries of a one-query search process have no date. A user's own
/// tables are read at once, so a bad one is reported when the search is made. Thread-safe.
class LazyDateGrammar {
 public:
  explicit LazyDateGrammar(ExtractionSettings settings) : settings_(std::move(settings)) {
    if (!uses_builtin_date_grammar(settings_)) get();
  }
  const DateExtractor& get() const {
    std::call_once(once_, [this] { grammar_ = date_grammar(settings_); });
    return *grammar_;
  }

 private:
  ExtractionSettings settings_;
  mutable std::once_flag once_;
  mutable std::shared_ptr<const DateExtractor> grammar_;
};

/// parse_date_range() with the grammar @p grammar, relative dates against @p today.
DateRange parse_date_range(std::string_view text, const DateExtractor& grammar, CivilDate today);

/// The value-range filter on the publication day (value slot 0) of @p range.
Xapian::Query date_filter(const DateRange& range);

/// date: fields. A bad date must not throw through QueryParser (Xapian 1.4 leaks its
/// parser state when a FieldProcessor throws): the error is kept and raised after parsing.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(std::shared_ptr<const LazyDateGrammar> grammar) : grammar_(std::move(grammar)) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return date_filter(parse_date_range(value, grammar_->get(), today));
    } catch (const SearchError& e) {
      if (error.empty()) error = e.what();
      return Xapian::Query::MatchNothing;
    }
  }
  std::string error;  ///< the first bad date of the query being parsed
  CivilDate today;    ///< the reference day of the query being parsed (أمس, الأسبوع الماضي)

 private:
  std::shared_ptr<const LazyDateGrammar> grammar_;
};

/// source: and agency: values → boolean terms of every matching canonical key.
class SourceFieldProcessor : public Xapian::FieldProcessor {
 public:
  SourceFieldProcessor(SourceResolver resolve, std::string prefix)
      : resolve_(std::move(resolve)), prefix_(std::move(prefix)) {}
  Xapian::Query operator()(const std::string& value) override {
    std::vector<std::string> keys;
    if (resolve_) keys = resolve_(value);
    if (keys.empty()) {
      // Unknown name: the indexer keys it by its normalized text with "-" for spaces.
      std::string key = collapse_spaces(value);
      std::replace(key.begin(), key.end(), ' ', '-');
      keys.push_back(std::move(key));
    }
    std::vector<Xapian::Query> terms;
    for (const auto& key : keys) terms.emplace_back(prefix_ + key);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

 private:
  SourceResolver resolve_;
  std::string prefix_;
};

/// The default resolver: the alias table of the config's [sources], so source:سانا
/// finds what source:SANA finds. Loaded on the first source filter only: most queries
/// have none, and loading it is a good part of a one-query process's start.
SourceResolver alias_table_resolver(const ExtractionSettings& settings);

/// Wraps a date of several words after a date field (date:16 يوليو 2018, date:الأسبوع الماضي),
/// unquoted as people type it, in quotes so the field gets all its words: the longest run of
/// words @p grammar reads as one date or FROM..TO range.
std::string quote_field_dates(const std::string& query, const std::vector<std::string>& date_fields,
                              const LazyDateGrammar& grammar, CivilDate today);

/// A city: value (normalized) → the XCITY filter term of the city's canonical spelling.
using CityResolver = std::function<std::string(std::string_view name)>;

/// The default city resolver: another name of [synonyms] city_aliases_file (Dubai, Moscou) or a
/// spelling of [sources] cities_file (أبو ظبي) gives the city's canonical spelling, normalized
/// with @p normalization as the indexer normalizes dateline cities; any other name is taken as
/// written. The tables are loaded on the first city: filter. Throws TableError naming FILE:LINE.
CityResolver city_resolver(const ExtractionSettings& extraction, const SynonymSettings& synonyms,
                           const NormalizerOptions& normalization);

/// city: values → the boolean term of the dateline city (one filter group, like source:).
class CityFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit CityFieldProcessor(CityResolver resolve) : resolve_(std::move(resolve)) {}
  Xapian::Query operator()(const std::string& value) override { return Xapian::Query(resolve_(value)); }

 private:
  CityResolver resolve_;
};

}  // namespace xapian_arabic
