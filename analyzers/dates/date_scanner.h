/** @file
 *  @brief Tokens for the date grammar: numbers in any digits, folded words, punctuation.
 *
 *  The scanner keeps byte spans into the original text and folds each word
 *  cheaply (alef/hamza, teh marbuta, alef maqsura, diacritics, tatweel, Latin
 *  case) so table lookups see one spelling. It never allocates per token: folded
 *  words live in one arena string.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic::dates {

struct LexEntry;

enum class TokenType : std::uint8_t { word, number, punct };

struct Token {
  std::size_t begin = 0, end = 0;  ///< bytes in the scanned text
  TokenType type = TokenType::punct;
  bool space_before = false;      ///< white space separates it from the previous token
  char32_t cp = 0;                ///< punct: the code point
  std::uint8_t digits = 0;        ///< number: digit count
  std::int64_t value = 0;         ///< number: value (saturates)
  std::uint32_t fold_offset = 0;  ///< word: folded form in the arena
  std::uint32_t fold_length = 0;
  std::uint8_t clitic = 0;        ///< word: bytes of a leading و/ب/ل/ف stripped for the lookup in lex
  const LexEntry* lex = nullptr;  ///< word: table entry for the word (or its clitic-less form)
};

/// Appends the folded form of one code point of a word to @p out (nothing for marks).
void fold_code_point(char32_t cp, std::string& out);

/// True for code points that belong to words (Arabic and Latin letters, marks, tatweel).
bool is_word_char(char32_t cp);

/// The digit value 0-9 of an ASCII, Arabic-Indic or Persian digit, else -1.
inline int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
  return -1;
}

/// Splits @p text into tokens (appended to @p tokens), folding words into @p arena.
/// Offsets are relative to @p text plus @p base.
void scan(std::string_view text, std::size_t base, std::vector<Token>& tokens, std::string& arena);

/// The folded words of a table phrase joined by single spaces ("تشرين الأول" → "تشرين الاول").
std::string fold_phrase(std::string_view phrase);

}  // namespace xapian_arabic::dates
