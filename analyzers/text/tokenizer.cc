/** @file
 *  @brief Word boundaries compatible with Xapian's TermGenerator.
 */
#include <unicode/uchar.h>
#include <xapian_arabic/tokenizer.h>

#include "base/utf8.h"

namespace xapian_arabic {

namespace {

enum class CharClass : std::uint8_t { separator, letter, digit, ignorable };

bool is_digit(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9) ||
         (cp >= 0x80 && u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER);
}

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_') return CharClass::letter;
    if (cp >= '0' && cp <= '9') return CharClass::digit;
    return CharClass::separator;
  }
  // Zero-width and bidi controls: Xapian ignores them inside words.
  if ((cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF || cp == 0x061C || cp == 0x00AD)
    return CharClass::ignorable;
  if (is_digit(cp)) return CharClass::digit;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_CONNECTOR_PUNCTUATION: return CharClass::letter;
    default: return CharClass::separator;
  }
}

bool is_letter_infix(char32_t cp) {
  return cp == '\'' || cp == '&' || cp == 0x00B7 || cp == 0x05F4 || cp == 0x2019 || cp == 0x201B || cp == 0x2027;
}

bool is_digit_infix(char32_t cp) {
  return cp == '.' || cp == ',' || cp == ';' || cp == 0x037E || cp == 0x0589 || cp == 0x060D || cp == 0x066B ||
         cp == 0x066C || cp == 0x07F8 || cp == 0x2044 || cp == 0xFE10 || cp == 0xFE13 || cp == 0xFE14;
}

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// Initials separated by '.' (U.N., I.B.M, P.T.O.), as TermGenerator reads them:
// two or more ASCII capitals each followed by '.', the last '.' optional, and no
// word character right after. Returns the end of the acronym, or 0 if none starts at @p pos.
std::size_t acronym_at(std::string_view text, std::size_t pos) {
  if (!is_ascii_upper(text[pos])) return 0;
  std::size_t letters = 1, p = pos + 1;
  while (p < text.size() && text[p] == '.') {
    ++p;
    if (p < text.size() && is_ascii_upper(text[p])) {
      ++letters;
      ++p;
    } else {
      break;
    }
  }
  if (letters < 2) return 0;
  if (p < text.size()) {
    std::size_t len = 0;
    const CharClass next = classify(utf8::decode(text, p, len));
    if (next == CharClass::letter || next == CharClass::digit) return 0;
  }
  return p;
}

}  // namespace

bool is_arabic_script(char32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
         (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE);
}

void tokenize(std::string_view text, std::vector<Token>& out) {
  std::size_t pos = 0;
  const std::size_t n = text.size();
  auto peek = [&](std::size_t at, std::size_t& len) -> char32_t {
    if (at >= n) {
      len = 0;
      return 0;
    }
    return utf8::decode(text, at, len);
  };
  while (pos < n) {
    std::size_t len = 0;
    char32_t cp = peek(pos, len);
    CharClass cls = classify(cp);
    if (cls == CharClass::separator || cls == CharClass::ignorable) {
      pos += len;
      continue;
    }
    Token token;
    token.begin = pos;
    if (const std::size_t acronym_end = acronym_at(text, pos)) {
      token.end = pos = acronym_end;
      token.kind = TokenKind::latin;
      token.acronym = true;
      out.push_back(token);
      continue;
    }
    token.kind = cls == CharClass::digit ? TokenKind::number
                 : is_arabic_script(cp)  ? TokenKind::arabic
                                         : TokenKind::latin;
    CharClass prev = cls;
    pos += len;
    std::size_t end = pos;
    while (pos < n) {
      cp = peek(pos, len);
      cls = classify(cp);
      if (cls == CharClass::letter || cls == CharClass::digit) {
        prev = cls;
        pos += len;
        end = pos;
        continue;
      }
      if (cls == CharClass::ignorable) {
        pos += len;
        continue;
      }
      // An infix joins only when a word character of the right class follows.
      std::size_t next_len = 0;
      const char32_t next = peek(pos + len, next_len);
      const CharClass next_cls = next_len ? classify(next) : CharClass::separator;
      if ((prev == CharClass::letter && next_cls == CharClass::letter && is_letter_infix(cp)) ||
          (prev == CharClass::digit && next_cls == CharClass::digit && is_digit_infix(cp))) {
        pos += len;
        continue;
      }
      break;
    }
    // C++, OPEC+, C#: a run of at most three + or # directly after a word, not followed by a word character.
    if (end < n && (text[end] == '+' || text[end] == '#')) {
      std::size_t suffix_end = end;
      while (suffix_end < n && (text[suffix_end] == '+' || text[suffix_end] == '#')) ++suffix_end;
      std::size_t after_len = 0;
      const char32_t after = peek(suffix_end, after_len);
      const bool word_follows =
          after_len && (classify(after) == CharClass::letter || classify(after) == CharClass::digit);
      if (suffix_end - end <= 3 && !word_follows) end = suffix_end;
    }
    token.end = end;
    pos = std::max(pos, end);
    out.push_back(token);
  }
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return tokens;
}

}  // namespace xapian_arabic
