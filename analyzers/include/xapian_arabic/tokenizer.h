/** @file
 *  @brief Word boundaries in mixed Arabic/Latin news text.
 *
 *  Follows the word rules of Xapian's TermGenerator and QueryParser (so terms
 *  made at index time meet the words of a parsed query): runs of letters,
 *  marks and digits; zero-width and bidi controls ignored inside words;
 *  apostrophes/ampersands between letters and . , between digits (Arabic ٫ ٬
 *  too) kept inside; initials with dots (U.N., I.B.M.) one word; up to three
 *  trailing + or # on Latin words (OPEC+, C#).
 *  Arabic punctuation ، ؛ ؟ and everything else separates words.
 *
 *  Tokens carry byte offsets into the original text, so highlighting lands on
 *  the words as written even though terms are normalized afterwards.
 *
 *  Thread safety: stateless; all functions are reentrant.
 */
#pragma once

#include <xapian_arabic/export.h>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace xapian_arabic {

enum class TokenKind : std::uint8_t {
  arabic,  ///< starts with an Arabic-script letter
  latin,   ///< starts with a letter of another script
  number,  ///< starts with a digit (ASCII, Arabic-Indic or Persian)
};

struct Token {
  std::size_t begin = 0;  ///< byte offset of the first byte in the original text
  std::size_t end = 0;    ///< byte offset one past the last byte
  TokenKind kind = TokenKind::latin;
  bool acronym = false;  ///< initials with dots (U.N., I.B.M.): the term drops the dots, as TermGenerator's

  std::string_view text(std::string_view original) const { return original.substr(begin, end - begin); }
};

/// Appends the tokens of @p text to @p out (which is not cleared).
XAPIAN_ARABIC_API void tokenize(std::string_view text, std::vector<Token>& out);

/// The tokens of @p text.
XAPIAN_ARABIC_API std::vector<Token> tokenize(std::string_view text);

/// True if @p cp is in one of Unicode's Arabic-script blocks.
XAPIAN_ARABIC_API bool is_arabic_script(char32_t cp);

}  // namespace xapian_arabic
