/** @file
 *  @brief The one-letter proclitics of Arabic and the article ال: the one list (internal).
 *
 *  و ف are conjunctions, ب ل ك prepositions (ل also stands before verbs), ال the article. The
 *  light stemmer's built-in config/stemmer/prefixes.txt is made of these letters (a table a user
 *  may replace, so tests/clitics_test.cc holds the built-in one to this list), and the date and
 *  source grammars strip them from a word before looking it up. Words are normalized UTF-8,
 *  where each of these letters is two bytes.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace xapian_arabic::clitics {

/// One proclitic letter, as a bit of a Set.
enum Clitic : std::uint8_t { none = 0, wa = 1u << 0, fa = 1u << 1, bi = 1u << 2, li = 1u << 3, ka = 1u << 4 };
using Set = std::uint8_t;

inline constexpr Set kAll = wa | fa | bi | li | ka;
/// و ف: "and", "so".
inline constexpr Set kConjunctions = wa | fa;
/// و ف ل: a verb may follow (the stemmer's `conjunction` kind; ب ك are its `noun` kind).
inline constexpr Set kBeforeVerbs = wa | fa | li;
/// What the date grammar strips (لعام, والخميس, بالأمس): all but ك "like", since كاليوم is
/// "like today", never a date.
inline constexpr Set kBeforeDates = wa | fa | bi | li;

/// Bytes of one proclitic letter in UTF-8.
inline constexpr std::size_t kBytes = 2;
inline constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال

/// The letter of @p c in UTF-8.
constexpr std::string_view text(Clitic c) {
  switch (c) {
    case wa: return "\xD9\x88";  // و
    case fa: return "\xD9\x81";  // ف
    case bi: return "\xD8\xA8";  // ب
    case li: return "\xD9\x84";  // ل
    case ka: return "\xD9\x83";  // ك
    case none: break;
  }
  return {};
}

/// The proclitic letter @p word starts with, or none.
constexpr Clitic lead(std::string_view word) {
  if (word.size() < kBytes) return none;
  const auto first = static_cast<unsigned char>(word[0]), second = static_cast<unsigned char>(word[1]);
  if (first == 0xD8) return second == 0xA8 ? bi : none;
  if (first != 0xD9) return none;
  switch (second) {
    case 0x88: return wa;
    case 0x81: return fa;
    case 0x84: return li;
    case 0x83: return ka;
    default: return none;
  }
}

/// True if @p word starts with a letter of @p set.
constexpr bool starts_with(std::string_view word, Set set) {
  return (lead(word) & set) != 0;
}

}  // namespace xapian_arabic::clitics
