/** @file
 *  @brief The query's fields: date: and source:/agency: filters (internal to search).
 *
 *  date: values, --from and --to go through one date grammar here (parse_date_range,
 *  public in news_search.h), with the month names of the config's [dates] tables_dir;
 *  source: values through the config's alias table; city: values through the city alias
 *  table (config/synonyms/cities.tsv) and the dateline cities of config/sources/cities.txt.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/news_search.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xapian_arabic {

/// @p s without surrounding blanks, each run of blanks inside as one space.
std::string collapse_spaces(std::string_view s);

/// Gregorian month names (normalized, spaces collapsed) → month number.
using MonthNames = std::unordered_map<std::string, int>;

/// The month names of months.tsv in the dates tables folder @p tables_dir (empty: the built-in
/// table, read once), the table the date extractor reads. Throws TableError naming FILE:LINE.
std::shared_ptr<const MonthNames> month_names(const std::string& tables_dir);

/// parse_date_range() with the month names @p months.
DateRange parse_date_range(std::string_view text, const MonthNames& months);

/// The value-range filter on the publication day (value slot 0) of @p range.
Xapian::Query date_filter(const DateRange& range);

/// date: fields. A bad date must not throw through QueryParser (Xapian 1.4 leaks its
/// parser state when a FieldProcessor throws): the error is kept and raised after parsing.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateFieldProcessor(std::shared_ptr<const MonthNames> months) : months_(std::move(months)) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return date_filter(parse_date_range(value, *months_));
    } catch (const SearchError& e) {
      if (error.empty()) error = e.what();
      return Xapian::Query::MatchNothing;
    }
  }
  std::string error;  ///< the first bad date of the query being parsed

 private:
  std::shared_ptr<const MonthNames> months_;
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

/// Wraps "date: MONTH YEAR" (unquoted, as people type it) in quotes so the field gets both words.
std::string quote_month_dates(const std::string& query, const std::vector<std::string>& date_fields,
                              const MonthNames& months);

}  // namespace xapian_arabic
