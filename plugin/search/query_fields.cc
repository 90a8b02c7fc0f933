/** @file
 *  @brief date:, source: and city: in queries: the date grammar of search and the alias resolvers.
 */
#include "search/query_fields.h"

#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/source_extractor.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <unordered_map>

#include "dates/date_lexicon.h"
#include "index/document_terms.h"
#include "tables/spelling_groups.h"

namespace xapian_arabic {

namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

MonthNames read_months(const std::string& tables_dir) {
  MonthNames m;
  const Normalizer normalizer;
  for (const dates::MonthName& month : dates::read_month_names(tables_dir))
    m.emplace(collapse_spaces(normalizer.normalize(month.name)), month.month);
  return m;
}

/// One end of a date range at the precision written; first/last day as YYYYMMDD.
struct DateBounds {
  std::string first, last;
};

DateBounds parse_date(std::string_view raw, std::string_view whole, const MonthNames& months) {
  const std::string text = collapse_spaces(raw);
  const auto bad = [&](const std::string& why) {
    return SearchError("bad date '" + std::string(whole) + "': " + why +
                       " (use 2024-11-05, 2024-11, 2024, نوفمبر 2024 or FROM..TO)");
  };
  int year = 0, month = 0, day = 0;
  std::vector<std::string_view> parts;
  std::string_view rest = text;
  const bool numeric = !text.empty() && text[0] >= '0' && text[0] <= '9';
  if (numeric && is_digits(text) && text.size() == 8) {
    parts = {rest.substr(0, 4), rest.substr(4, 2), rest.substr(6, 2)};
  } else if (numeric) {
    while (true) {
      const auto sep = rest.find_first_of("-/");
      parts.push_back(rest.substr(0, sep));
      if (sep == std::string_view::npos) break;
      rest.remove_prefix(sep + 1);
    }
  } else {
    // "نوفمبر 2024", "كانون الثاني 2024", "November 2024"
    const auto space = text.rfind(' ');
    if (space == std::string::npos) throw bad("a month name needs a year");
    const auto found = months.find(text.substr(0, space));
    if (found == months.end()) throw bad("unknown month '" + text.substr(0, space) + "'");
    parts = {std::string_view(text).substr(space + 1)};
    month = found->second;
  }
  if (parts.empty() || parts.size() > 3) throw bad("expected YEAR[-MONTH[-DAY]]");
  for (auto p : parts)
    if (!is_digits(p) || p.size() > 4) throw bad("'" + std::string(p) + "' is not a number");
  if (parts[0].size() != 4) throw bad("the year needs 4 digits");
  year = to_int(parts[0]);
  if (parts.size() > 1) month = to_int(parts[1]);
  if (parts.size() > 2) day = to_int(parts[2]);
  if (month < 0 || month > 12 || (parts.size() > 1 && month == 0)) throw bad("no month " + std::to_string(month));
  if (day < 0 || (day > 0 && !is_valid(CivilDate{year, month, day})) || (parts.size() > 2 && day == 0))
    throw bad("no day " + std::to_string(day) + " in that month");
  if (month == 0) return {to_iso_basic({year, 1, 1}), to_iso_basic({year, 12, 31})};
  if (day == 0) return {to_iso_basic({year, month, 1}), to_iso_basic({year, month, days_in_month(year, month)})};
  const std::string d = to_iso_basic({year, month, day});
  return {d, d};
}

}  // namespace

std::shared_ptr<const MonthNames> month_names(const std::string& tables_dir) {
  if (!tables_dir.empty()) return std::make_shared<const MonthNames>(read_months(tables_dir));
  static const auto builtin = std::make_shared<const MonthNames>(read_months({}));
  return builtin;
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

std::string quote_month_dates(const std::string& query, const std::vector<std::string>& date_fields,
                              const MonthNames& months) {
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
    if (value >= query.size() || query[value] == '"' || (query[value] >= '0' && query[value] <= '9')) continue;
    // Up to three words of month name, then a 4-digit year.
    std::size_t end = value;
    for (int words = 0; words < 4 && end < query.size(); ++words) {
      const std::size_t word_end = std::min(query.find_first_of(" )", end), query.size());
      const std::string_view word(query.data() + end, word_end - end);
      if (words > 0 && word.size() == 4 && is_digits(word)) {
        if (months.count(collapse_spaces(std::string_view(query).substr(value, end - value)))) {
          out += '"';
          out.append(query, value, word_end - value);
          out += '"';
          pos = word_end;
        }
        break;
      }
      if (word_end >= query.size() || query[word_end] != ' ') break;
      end = word_end + 1;
    }
  }
  out.append(query, pos);
  return out;
}

DateRange parse_date_range(std::string_view text) {
  return parse_date_range(text, *month_names({}));
}

DateRange parse_date_range(std::string_view text, const std::string& dates_tables_dir) {
  return parse_date_range(text, *month_names(dates_tables_dir));
}

DateRange parse_date_range(std::string_view text, const MonthNames& months) {
  static const Normalizer normalizer;
  const std::string normalized = normalizer.normalize(text);
  const std::string_view t = trim(normalized);
  if (t.empty()) throw SearchError("empty date");
  const auto dots = t.find("..");
  if (dots == std::string_view::npos) {
    const DateBounds b = parse_date(t, text, months);
    return {b.first, b.last};
  }
  const std::string_view a = trim(t.substr(0, dots)), z = trim(t.substr(dots + 2));
  if (a.empty() && z.empty()) throw SearchError("bad date range '" + std::string(text) + "': give FROM, TO or both");
  DateRange range;
  if (!a.empty()) range.from = parse_date(a, text, months).first;
  if (!z.empty()) range.to = parse_date(z, text, months).last;
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
