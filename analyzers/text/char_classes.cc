/** @file
 *  @brief The character-class table, filled from ICU once.
 */
#include "text/char_classes.h"

#include <unicode/uchar.h>

#include <array>

namespace xapian_arabic::text {

namespace {

bool is_ignorable(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF || cp == 0x061C || cp == 0x00AD;
}

bool is_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

CharClass classify(char32_t cp) {
  if (cp == '\n' || cp == '\r' || cp == '\t' || cp == '\f' || cp == '\v' || cp == ' ') return CharClass::space;
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_') return CharClass::letter;
    if (cp >= '0' && cp <= '9') return CharClass::digit;
    return CharClass::punct;
  }
  if (is_ignorable(cp)) return CharClass::ignorable;
  if (is_control(cp)) return CharClass::control;
  const auto u = static_cast<UChar32>(cp);
  if (u_isUWhiteSpace(u) || u_isspace(u)) return CharClass::space;
  switch (u_charType(u)) {
    case U_DECIMAL_DIGIT_NUMBER: return CharClass::digit;
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
    default: return CharClass::punct;
  }
}

struct Table {
  static constexpr char32_t kLow = 0x800, kPunctFirst = 0x2000, kPunctLast = 0x206F;
  std::array<CharClass, kLow> low{};
  std::array<CharClass, kPunctLast - kPunctFirst + 1> punctuation{};
  Table() {
    for (char32_t cp = 0; cp < kLow; ++cp) low[cp] = classify(cp);
    for (char32_t cp = kPunctFirst; cp <= kPunctLast; ++cp) punctuation[cp - kPunctFirst] = classify(cp);
  }
};

const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

CharClass char_class(char32_t cp) {
  const Table& t = table();
  if (cp < Table::kLow) return t.low[cp];
  if (cp >= Table::kPunctFirst && cp <= Table::kPunctLast) return t.punctuation[cp - Table::kPunctFirst];
  return classify(cp);
}

int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
  if (cp < 0x80) return -1;
  return u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER ? u_charDigitValue(static_cast<UChar32>(cp))
                                                                        : -1;
}

bool is_arabic_block(char32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
         (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE);
}

}  // namespace xapian_arabic::text
