/** @file
 *  @brief The date grammar's view of a token stream: words, numbers in any digits and
 *  punctuation, each word looked up once in the lexicon (internal).
 *
 *  Words are the stream's letter atoms in their normalized form (default normalization:
 *  alef/hamza, teh marbuta, alef maqsura, diacritics, tatweel, case), so table lookups see
 *  one spelling; numbers are its digit atoms with their value. Nothing is scanned again.
 */
#pragma once

#include <xapian_arabic/token_stream.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic::dates {

struct LexEntry;

enum class TokenType : std::uint8_t { word, number, punct };

struct Token {
  std::size_t begin = 0, end = 0;  ///< bytes in the stream's text
  TokenType type = TokenType::punct;
  bool space_before = false;      ///< white space (or a line start) separates it from the previous token
  char32_t cp = 0;                ///< punct: the code point
  std::uint8_t digits = 0;        ///< number: digit count
  std::int64_t value = 0;         ///< number: value (saturates)
  std::uint32_t fold_offset = 0;  ///< word: normalized form in the stream's arena
  std::uint32_t fold_length = 0;
  std::uint8_t clitic = 0;        ///< word: bytes of a leading و/ب/ل/ف stripped for the lookup in lex
  const LexEntry* lex = nullptr;  ///< word: table entry for the word (or its clitic-less form)
};

/// The tokens of atoms [first, last) of @p stream, appended to @p tokens (the first one counts
/// as preceded by white space).
void date_tokens(const TokenStream& stream, std::size_t first, std::size_t last, std::vector<Token>& tokens);

/// The words of a table phrase, normalized and joined by single spaces ("تشرين الأول" → "تشرين الاول").
std::string fold_phrase(std::string_view phrase);

}  // namespace xapian_arabic::dates
