/** @file
 *  @brief Loading config/dates/ into the date grammar's lexicon.
 */
#include "dates/date_lexicon.h"

#include <xapian_arabic/error.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "dates/date_tokens.h"
#include "tables/data_files.h"

namespace xapian_arabic::dates {

namespace {

struct Row {
  std::size_t line;
  std::vector<std::string_view> fields;
};

// The data rows of one table with their line numbers, each checked for its field count.
std::vector<Row> rows(const std::string& content, const std::string& file, std::size_t fields) {
  std::vector<Row> out;
  for (const NumberedLine& row : numbered_table_lines(content)) {
    const std::size_t line = row.number;
    const std::string_view text = row.text;
    auto parts = split_fields(text, '\t');
    if (parts.size() != fields)
      throw TableError(file + ":" + std::to_string(line) + ": expected " + std::to_string(fields) +
                       " tab-separated fields, found " + std::to_string(parts.size()));
    out.push_back({line, std::move(parts)});
  }
  return out;
}

[[noreturn]] void bad(const std::string& file, std::size_t line, const std::string& what) {
  throw TableError(file + ":" + std::to_string(line) + ": " + what);
}

int to_int(const std::string& file, std::size_t line, std::string_view s, int lo, int hi) {
  int v = 0;
  const char* first = s.data();
  if (!s.empty() && s.front() == '+') ++first;
  const auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v < lo || v > hi)
    bad(file, line,
        "'" + std::string(s) + "' is not a number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return v;
}

Unit to_unit(const std::string& file, std::size_t line, std::string_view s) {
  if (s == "minute") return Unit::minute;
  if (s == "hour") return Unit::hour;
  if (s == "day") return Unit::day;
  if (s == "week") return Unit::week;
  if (s == "month") return Unit::month;
  if (s == "year") return Unit::year;
  bad(file, line, "unknown unit '" + std::string(s) + "' (minute, hour, day, week, month, year)");
}

std::uint32_t to_role(const std::string& file, std::size_t line, std::string_view s) {
  static const std::pair<std::string_view, std::uint32_t> kRoles[] = {{"year", role_year},
                                                                      {"season", role_season},
                                                                      {"era_ad", role_era_ad},
                                                                      {"era_ah", role_era_ah},
                                                                      {"corresponds", role_corresponds},
                                                                      {"from", role_from},
                                                                      {"to", role_to},
                                                                      {"of", role_of},
                                                                      {"month_word", role_month_word},
                                                                      {"hour_word", role_hour_word},
                                                                      {"ago", role_ago},
                                                                      {"past", role_past},
                                                                      {"next", role_next},
                                                                      {"future", role_future},
                                                                      {"not_future", role_not_future},
                                                                      {"count", role_count},
                                                                      {"not_date", role_not_date},
                                                                      {"before_time", role_before_time},
                                                                      {"ordinal_of", role_ordinal_of}};
  for (const auto& [name, bit] : kRoles)
    if (name == s) return bit;
  bad(file, line, "unknown role '" + std::string(s) + "'");
}

/// The file name of table @p name of @p tables_dir as errors give it, and its contents.
struct Table {
  std::string file, content;
};
Table read_dates_table(const std::string& tables_dir, const char* name) {
  const std::string builtin = std::string("dates/") + name;
  const std::string path = tables_dir.empty() ? std::string() : tables_dir + "/" + name;
  return {path.empty() ? "config/" + builtin : path, read_table(builtin, path)};
}

}  // namespace

std::vector<MonthName> read_month_names(const std::string& tables_dir) {
  const Table table = read_dates_table(tables_dir, "months.tsv");
  std::vector<MonthName> out;
  for (const Row& r : rows(table.content, table.file, 4)) {
    const int month = to_int(table.file, r.line, r.fields[1], 1, 12);
    const std::string_view flags = r.fields[3];
    if (flags != "-" && flags != "needs_number") bad(table.file, r.line, "flags must be '-' or 'needs_number'");
    out.push_back({std::string(r.fields[0]), month, flags == "needs_number", r.line});
  }
  return out;
}

LexEntry& DateLexicon::add(const std::string& file, std::size_t line, std::string_view phrase) {
  const std::string key = fold_phrase(phrase);
  if (key.empty()) bad(file, line, "empty phrase");
  std::size_t words = 1, start = 0;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size() && key[i] != ' ') continue;
    const std::string_view word(key.data() + start, i - start);
    for (char c : word)
      if ((c >= '0' && c <= '9') || (static_cast<unsigned char>(c) < 0x80 && !(c >= 'a' && c <= 'z')))
        bad(file, line, "'" + std::string(phrase) + "' has a character that is not part of a word");
    max_word_bytes_ = std::max(max_word_bytes_, key.size());
    if (i < key.size()) {
      ++words;
      start = i + 1;
    }
  }
  if (words > 1) entries_[key.substr(0, key.find(' '))].heads_phrase = true;
  max_words_ = std::max(max_words_, words);
  LexEntry& e = entries_[key];
  e.words = static_cast<std::uint8_t>(words);
  // Every word of every phrase goes into the filter: multi-word keys are only
  // looked up after their head passed it, but find() is also called on whole keys.
  const auto set = [&](std::string_view w) {
    const std::size_t slot = filter_slot(w);
    filter_[slot / 64] |= std::uint64_t{1} << (slot % 64);
  };
  set(key);
  for (std::size_t i = 0, start = 0; i <= key.size(); ++i)
    if (i == key.size() || key[i] == ' ') set(std::string_view(key).substr(start, i - start)), start = i + 1;
  return e;
}

LexEntry& DateLexicon::add_dotted(const std::string& file, std::size_t line, std::string_view phrase) {
  std::string key;
  for (std::size_t start = 0; start <= phrase.size();) {
    const std::size_t dot = std::min(phrase.find('.', start), phrase.size());
    const std::string part = fold_phrase(phrase.substr(start, dot - start));
    if (part.empty() || part.find(' ') != std::string::npos)
      bad(file, line, "'" + std::string(phrase) + "': an abbreviation is letters between dots (ت.غ)");
    key.append(key.empty() ? "" : ".").append(part);
    start = dot + 1;
    if (dot + 1 == phrase.size()) break;  // a final dot (ت.غ.) is optional in the text anyway
  }
  max_word_bytes_ = std::max(max_word_bytes_, key.size());
  const std::size_t slot = filter_slot(key);
  filter_[slot / 64] |= std::uint64_t{1} << (slot % 64);
  return entries_[key];
}

DateLexicon::DateLexicon(const std::string& tables_dir, const MarkerTable& markers) {
  const auto load = [&](const char* name, std::size_t fields,
                        const std::function<void(const std::string&, const Row&)>& apply) {
    const Table table = read_dates_table(tables_dir, name);
    for (const Row& row : rows(table.content, table.file, fields)) apply(table.file, row);
  };

  if (!tables_dir.empty() && std::filesystem::exists(tables_dir + "/markers.tsv"))
    throw TableError(tables_dir +
                     "/markers.tsv: the date markers are in the one markers table now "
                     "(config/layout/markers.tsv, [layout] markers_file): move its phrases there as "
                     "published/updated or published_marker/updated_marker rows and remove this file");
  const std::string months_file = tables_dir.empty() ? "config/dates/months.tsv" : tables_dir + "/months.tsv";
  for (const MonthName& m : read_month_names(tables_dir)) {
    LexEntry& e = add(months_file, m.line, m.name);
    if (e.month != 0 && e.month != m.month) bad(months_file, m.line, "'" + m.name + "' already names another month");
    e.month = static_cast<std::int8_t>(m.month);
    e.month_needs_number = e.month_needs_number || m.needs_number;
  }
  load("hijri_months.tsv", 2, [&](const std::string& f, const Row& r) {
    add(f, r.line, r.fields[0]).hijri_month = static_cast<std::int8_t>(to_int(f, r.line, r.fields[1], 1, 12));
  });
  load("weekdays.tsv", 2, [&](const std::string& f, const Row& r) {
    add(f, r.line, r.fields[0]).weekday = static_cast<std::int8_t>(to_int(f, r.line, r.fields[1], 1, 7));
  });
  load("ordinals.tsv", 2, [&](const std::string& f, const Row& r) {
    add(f, r.line, r.fields[0]).ordinal = static_cast<std::int8_t>(to_int(f, r.line, r.fields[1], 1, 31));
  });
  load("relative.tsv", 3, [&](const std::string& f, const Row& r) {
    const Unit unit = to_unit(f, r.line, r.fields[1]);
    if (unit == Unit::minute || unit == Unit::hour) bad(f, r.line, "relative units are day, week, month, year");
    LexEntry& e = add(f, r.line, r.fields[0]);
    e.relative_unit = unit;
    e.relative_offset = static_cast<std::int16_t>(to_int(f, r.line, r.fields[2], -1000, 1000));
  });
  load("elapsed.tsv", 3, [&](const std::string& f, const Row& r) {
    LexEntry& e = add(f, r.line, r.fields[0]);
    e.elapsed_unit = to_unit(f, r.line, r.fields[1]);
    e.elapsed_count = static_cast<std::int8_t>(to_int(f, r.line, r.fields[2], 0, 100));
  });
  load("times.tsv", 2, [&](const std::string& f, const Row& r) {
    const std::string_view h = r.fields[1];
    const Half half = h == "am" ? Half::am : h == "pm" ? Half::pm : h == "night" ? Half::night : Half::none;
    if (half == Half::none) bad(f, r.line, "half of day must be am, pm or night");
    add(f, r.line, r.fields[0]).half = half;
  });
  load("zones.tsv", 2, [&](const std::string& f, const Row& r) {
    const std::string_view z = r.fields[1];
    LexEntry& e = r.fields[0].find('.') != std::string_view::npos ? add_dotted(f, r.line, r.fields[0])
                                                                  : add(f, r.line, r.fields[0]);
    e.has_zone = true;
    if (!z.empty() && (z[0] == '+' || z[0] == '-')) {
      if (z.size() != 6 || z[3] != ':') bad(f, r.line, "UTC offset must look like +03:00");
      const int minutes = to_int(f, r.line, z.substr(1, 2), 0, 14) * 60 + to_int(f, r.line, z.substr(4, 2), 0, 59);
      e.zone_minutes = static_cast<std::int16_t>(z[0] == '-' ? -minutes : minutes);
      return;
    }
    try {
      zones_.emplace_back(std::string(z));
    } catch (const TableError& error) {
      bad(f, r.line, std::string(error.what()) + "; the zone is a UTC offset (+03:00) or an IANA id");
    }
    e.zone_id = static_cast<std::int16_t>(zones_.size() - 1);
  });
  // Every kind of the markers table that marks a date in running text (the *_label kinds do not).
  for (const auto& [kind, marker] : {std::pair{MarkerKind::published, 1}, std::pair{MarkerKind::published_marker, 1},
                                     std::pair{MarkerKind::updated, 2}, std::pair{MarkerKind::updated_marker, 2}})
    for (const MarkerPhrase& phrase : markers.phrases(kind))
      add(markers.name(), phrase.line, phrase.text).marker = static_cast<std::int8_t>(marker);
  load("cues.tsv", 2, [&](const std::string& f, const Row& r) {
    add(f, r.line, r.fields[0]).roles |= to_role(f, r.line, r.fields[1]);
  });
}

}  // namespace xapian_arabic::dates
