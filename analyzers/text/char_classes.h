/** @file
 *  @brief The one character-class table of the project: what each code point is to the
 *  token stream (internal).
 *
 *  Word characters follow Xapian's TermGenerator (ICU's letters, marks, letter and other
 *  numbers, connector punctuation); digits are ICU's decimal digits; white space is ICU's
 *  plus the Unicode spaces; zero-width characters are ignorable inside a word; bidi
 *  embeddings and isolates end a word (TermGenerator) but are invisible to the date and
 *  source grammars. Code points below U+0800 and the General Punctuation block come from a
 *  table filled from ICU once; the rest ask ICU.
 */
#pragma once

#include <cstdint>

namespace xapian_arabic::text {

enum class CharClass : std::uint8_t {
  punct,      ///< anything else: one punctuation or symbol atom per code point
  letter,     ///< part of a word
  digit,      ///< a decimal digit (ASCII, Arabic-Indic, Persian, any script)
  ignorable,  ///< ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, WJ, BOM, SHY: skipped inside a word
  control,    ///< bidi embeddings and isolates U+202A–U+202E, U+2066–U+2069
  space,      ///< white space (a newline too)
};

CharClass char_class(char32_t cp);

/// The value 0-9 of a decimal digit, else -1.
int digit_value(char32_t cp);

/// True if @p cp is in one of Unicode's Arabic-script blocks.
bool is_arabic_block(char32_t cp);

}  // namespace xapian_arabic::text
