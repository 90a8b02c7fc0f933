/** @file
 *  @brief date:, source: and city: in queries: dates read by the extractor's grammar, and the alias resolvers.
 */
#include "search/query_fields.h"

#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/date_extractor.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/source_extractor.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <unordered_map>
#include <utility>

#include "index/document_terms.h"
#include "tables/spelling_groups.h"

namespace xapian_arabic {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The days @p raw covers, as YYYYMMDD; errors name the whole value @p whole.
std::pair<std::string, std::string> date_bounds(std::string_view raw, std::string_view whole,
                                                const DateExtractor& grammar, CivilDate today) {
  try {
    const DateSpan span = grammar.read(raw, today);
    return {to_iso_basic(span.first), to_iso_basic(span.last)};
  } catch (const DateError& e) {
    throw SearchError("bad date '" + std::string(whole) + "': " + e.what() +
                      " (use 2024-11-05, 2024-11, 2024, نوفمبر 2024, 16/07/2018, رمضان 1439, أمس or FROM..TO)");
  }
}

}  // namespace

CivilDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

bool uses_builtin_date_grammar(const ExtractionSettings& settings) {
  return settings.dates_tables_dir.empty() && settings.markers_file.empty() &&
         settings.islamic_calendar == ExtractionSettings{}.islamic_calendar;
}

std::shared_ptr<const DateExtractor> date_grammar(const ExtractionSettings& settings) {
  if (uses_builtin_date_grammar(settings)) {
    static const auto builtin = std::make_shared<const DateExtractor>();
    return builtin;
  }
  return std::make_shared<const DateExtractor>(settings.date_options());
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

Xapian::Query date_filter(const DateRange& range) {
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kPublishedSlot,
                       range.from.empty() ? std::string("0") : range.from,
                       range.to.empty() ? std::string("99999999") : range.to);
}

std::string quote_field_dates(const std::string& query, const std::vector<std::string>& date_fields,
                              const LazyDateGrammar& grammar, CivilDate today) {
  std::string out;
  std::size_t pos = 0;
  while (pos < query.size()) {
    std::size_t best = std::string::npos, field_len = 0;
    for (const auto& f : date_fields) {
      const std::string tag = f + ":";
      for (auto at = query.find(tag, pos); at != std::string::npos; at = query.find(tag, at + 1)) {
        if (at == 0 || query[at - 1] == ' ' || query[at - 1] == '(') {
          if (at < best) best = at, field_len = tag.size();
          break;
        }
      }
    }
    if (best == std::string::npos) break;
    const std::size_t value = best + field_len;
    out.append(query, pos, value - pos);
    pos = value;
    if (value >= query.size() || query[value] == '"') continue;
    // The longest run of 2 to kMaxWords words that the grammar reads as one date or range.
    constexpr std::size_t kMaxWords = 6;
    std::vector<std::size_t> ends;
    for (std::size_t end = value; ends.size() < kMaxWords && end < query.size();) {
      const std::size_t word_end = std::min(query.find_first_of(" )", end), query.size());
      ends.push_back(word_end);
      if (word_end >= query.size() || query[word_end] != ' ') break;
      end = word_end + 1;
    }
    for (std::size_t n = ends.size(); n >= 2; --n) {
      const std::string_view words(query.data() + value, ends[n - 1] - value);
      try {
        parse_date_range(words, grammar.get(), today);
      } catch (const SearchError&) {
        continue;
      }
      out += '"';
      out.append(words);
      out += '"';
      pos = ends[n - 1];
      break;
    }
  }
  out.append(query, pos);
  return out;
}

DateRange parse_date_range(std::string_view text) {
  return parse_date_range(text, *date_grammar({}), local_today());
}

DateRange parse_date_range(std::string_view text, const std::string& dates_tables_dir) {
  return parse_date_range(text, dates_tables_dir, local_today());
}

DateRange parse_date_range(std::string_view text, const std::string& dates_tables_dir, CivilDate today) {
  ExtractionSettings settings;
  settings.dates_tables_dir = dates_tables_dir;
  return parse_date_range(text, *date_grammar(settings), today);
}

DateRange parse_date_range(std::string_view text, const DateExtractor& grammar, CivilDate today) {
  const std::string_view t = trim(text);
  if (t.empty()) throw SearchError("empty date");
  const auto dots = t.find("..");
  if (dots == std::string_view::npos) {
    const auto [first, last] = date_bounds(t, text, grammar, today);
    return {first, last};
  }
  const std::string_view a = trim(t.substr(0, dots)), z = trim(t.substr(dots + 2));
  if (a.empty() && z.empty()) throw SearchError("bad date range '" + std::string(text) + "': give FROM, TO or both");
  DateRange range;
  if (!a.empty()) range.from = date_bounds(a, text, grammar, today).first;
  if (!z.empty()) range.to = date_bounds(z, text, grammar, today).second;
  if (!range.from.empty() && !range.to.empty() && range.from > range.to)
    throw SearchError("bad date range '" + std::string(text) + "': it ends before it starts");
  return range;
}

SourceResolver alias_table_resolver(const ExtractionSettings& settings) {
  auto extractor = std::make_shared<std::unique_ptr<const SourceExtractor>>();
  SourceExtractorOptions options;
  options.aliases_file = settings.aliases_file;
  options.cities_file = settings.cities_file;
  return [extractor, options](std::string_view name) -> std::vector<std::string> {
    if (!*extractor) *extractor = std::make_unique<const SourceExtractor>(options);
    if (const auto entry = (*extractor)->canonical(name)) return {entry->second};
    return {};
  };
}

CityResolver city_resolver(const ExtractionSettings& extraction, const SynonymSettings& synonyms,
                           const NormalizerOptions& normalization) {
  struct Tables {
    Normalizer normalizer;
    std::unique_ptr<const SourceExtractor> cities;
    std::unordered_map<std::string, std::string> aliases;  // normalized other name → canonical spelling
  };
  auto tables = std::make_shared<std::unique_ptr<Tables>>();
  SourceExtractorOptions options;
  options.aliases_file = extraction.aliases_file;
  options.cities_file = extraction.cities_file;
  const std::string aliases_file = synonyms.city_aliases_file;
  return [tables, options, aliases_file, normalization](std::string_view name) {
    if (!*tables) {
      auto loaded = std::make_unique<Tables>(Tables{Normalizer(normalization), {}, {}});
      loaded->cities = std::make_unique<const SourceExtractor>(options);
      for (const SpellingGroup& group : read_city_aliases(aliases_file))
        for (const std::string& spelling : group.spellings)
          loaded->aliases.try_emplace(collapse_spaces(loaded->normalizer.normalize(spelling)), group.spellings[0]);
      *tables = std::move(loaded);
    }
    const Tables& t = **tables;
    const std::string key = collapse_spaces(t.normalizer.normalize(name));
    const auto alias = t.aliases.find(key);
    const std::string city = t.cities->canonical_city(alias != t.aliases.end() ? alias->second : key);
    return boolean_term(schema::kCityPrefix, t.normalizer.normalize(city));
  };
}

}  // namespace xapian_arabic
