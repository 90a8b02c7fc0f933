/** @file
 *  @brief The words of the date grammar, loaded from the config/dates/ tables.
 *
 *  Every table phrase is folded (see date_tokens.h) and stored under its folded
 *  words joined by one space; a phrase of several words also marks its first
 *  word as the head of a longer phrase so the grammar only tries multi-word
 *  lookups where one can match. The publication and update markers come from the
 *  one markers table (tables/markers.h), the rest from the dates tables folder.
 */
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/hash.h"
#include "dates/date_calendar.h"
#include "tables/markers.h"

namespace xapian_arabic::dates {

enum class Unit : std::uint8_t { none, minute, hour, day, week, month, year };
enum class Half : std::uint8_t { none, am, pm, night };

/// Context roles of cues.tsv (bit flags).
enum Role : std::uint32_t {
  role_year = 1u << 0,
  role_season = 1u << 1,
  role_era_ad = 1u << 2,
  role_era_ah = 1u << 3,
  role_corresponds = 1u << 4,
  role_from = 1u << 5,
  role_to = 1u << 6,
  role_of = 1u << 7,
  role_month_word = 1u << 8,
  role_hour_word = 1u << 9,
  role_ago = 1u << 10,
  role_past = 1u << 11,
  role_next = 1u << 12,
  role_future = 1u << 13,
  role_not_future = 1u << 14,
  role_count = 1u << 15,
  role_not_date = 1u << 16,
  role_before_time = 1u << 17,
  role_ordinal_of = 1u << 18,
};

/// What one folded phrase means to the grammar; a phrase may have several meanings.
struct LexEntry {
  std::int8_t month = 0;            ///< Gregorian month 1-12
  bool month_needs_number = false;  ///< also an ordinary word: a month only next to a day or year
  std::int8_t hijri_month = 0;
  std::int8_t weekday = 0;          ///< ISO 1 = Monday ... 7 = Sunday
  std::int8_t ordinal = 0;          ///< day written as an ordinal word
  Unit relative_unit = Unit::none;  ///< relative.tsv
  std::int16_t relative_offset = 0;
  Unit elapsed_unit = Unit::none;  ///< elapsed.tsv
  std::int8_t elapsed_count = 0;
  Half half = Half::none;         ///< times.tsv
  bool has_zone = false;          ///< zones.tsv
  std::int16_t zone_minutes = 0;  ///< a fixed offset
  std::int16_t zone_id = -1;      ///< or a zone with daylight saving: DateLexicon::zone(zone_id)
  std::int8_t marker = 0;         ///< markers table: 1 published, 2 updated
  std::uint32_t roles = 0;        ///< cues.tsv
  bool heads_phrase = false;      ///< first word of a longer phrase
  std::uint8_t words = 1;
};

/// One row of months.tsv.
struct MonthName {
  std::string name;  ///< as written
  int month = 0;     ///< 1-12
  bool needs_number = false;
  std::size_t line = 0;
};

/// The Gregorian month names of months.tsv in @p tables_dir (empty: the built-in table), checked
/// as the grammar checks them: the one reading of the table, for search's date: field too.
/// Throws TableError("FILE:LINE: what is wrong").
std::vector<MonthName> read_month_names(const std::string& tables_dir);

class DateLexicon {
 public:
  /// Loads the tables from @p tables_dir (empty: the built-in copies) and the date markers of
  /// @p markers. Throws TableError naming the file and line of a malformed row; a markers.tsv in
  /// @p tables_dir is refused (the markers are in the one markers table now).
  DateLexicon(const std::string& tables_dir, const MarkerTable& markers);
  /// With the built-in markers table.
  explicit DateLexicon(const std::string& tables_dir) : DateLexicon(tables_dir, *MarkerTable::load({})) {}

  const LexEntry* find(std::string_view folded) const {
    // Most words of a text are not in the tables: a bit set over (length, first and
    // last bytes) rejects them without hashing the whole word.
    if (folded.size() > max_word_bytes_ || folded.empty() || !filter_test(folded)) return nullptr;
    const auto it = entries_.find(folded);
    return it == entries_.end() ? nullptr : &it->second;
  }
  std::size_t max_words() const { return max_words_; }
  /// A zone of zones.tsv given by its IANA id (LexEntry::zone_id).
  const CivilZone& zone(int id) const { return zones_[static_cast<std::size_t>(id)]; }
  std::size_t max_word_bytes() const { return max_word_bytes_; }

 private:
  LexEntry& add(const std::string& file, std::size_t line, std::string_view phrase);
  // An abbreviation with dots (ت.غ): its folded letters joined by '.', one key.
  LexEntry& add_dotted(const std::string& file, std::size_t line, std::string_view phrase);
  static std::size_t filter_slot(std::string_view w) {
    const auto b = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(w[i])); };
    const std::size_t n = w.size();
    std::size_t h = n * 0x9E37u;
    h ^= b(n - 1) * 0x85EBu;
    h ^= (n > 1 ? b(n - 2) : 0) * 0xC2B3u;
    h ^= (n > 3 ? b(3) : 0) * 0x27D5u;
    h ^= (n > 1 ? b(1) : 0) * 0x1657u;
    return (h ^ (h >> 13)) & (kFilterBits - 1);
  }
  bool filter_test(std::string_view w) const {
    const std::size_t slot = filter_slot(w);
    return (filter_[slot / 64] >> (slot % 64)) & 1u;
  }

  static constexpr std::size_t kFilterBits = 1u << 16;
  std::uint64_t filter_[kFilterBits / 64] = {};

  std::unordered_map<std::string, LexEntry, ShortWordHash, std::equal_to<>> entries_;
  std::vector<CivilZone> zones_;
  std::size_t max_words_ = 1;
  std::size_t max_word_bytes_ = 0;
};

}  // namespace xapian_arabic::dates
