/** @file
 *  @brief The date grammar's scanner: numbers, folded words and punctuation with byte spans.
 */
#include "dates/date_scanner.h"

#include "base/utf8.h"

namespace xapian_arabic::dates {

namespace {

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' || cp == 0x00A0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Invisible controls (ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, embeddings, isolates, BOM, SHY):
// skipped everywhere, so they neither split words nor separate a number from its suffix.
bool is_invisible(char32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0x061C ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x00AD;
}

bool is_arabic_mark(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED) || cp == 0x0640;
}

}  // namespace

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0x0621 && cp <= 0x064A) return true;
  if (is_arabic_mark(cp)) return true;
  if ((cp >= 0x066E && cp <= 0x066F) || (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x06D5) return true;
  if ((cp >= 0x06EE && cp <= 0x06EF) || (cp >= 0x06FA && cp <= 0x06FF)) return true;
  return cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7;
}

namespace {

// The Arabic block U+0600–U+06FF: 0 for non-word characters, 1 for marks and
// tatweel (part of the word, dropped when folding), else the folded code point.
struct ArabicFold {
  char32_t map[256];
  ArabicFold() {
    for (char32_t cp = 0x0600; cp <= 0x06FF; ++cp) {
      char32_t& m = map[cp - 0x0600];
      if (!is_word_char(cp))
        m = 0;
      else if (is_arabic_mark(cp))
        m = 1;
      else {
        std::string folded;
        fold_code_point(cp, folded);
        std::size_t len = 0;
        m = utf8::decode(folded, 0, len);
      }
    }
  }
};

const ArabicFold& arabic_fold() {
  static const ArabicFold table;
  return table;
}

}  // namespace

void fold_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  if (is_arabic_mark(cp)) return;
  switch (cp) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
    case 0x0672:
    case 0x0673:
    case 0x0675:
      cp = 0x0627;  // alef variants
      break;
    case 0x0649:
    case 0x06CC:
    case 0x06D2:
    case 0x0626:
      cp = 0x064A;  // alef maqsura, Persian yeh, yeh with hamza
      break;
    case 0x0629:
    case 0x06C0:
    case 0x06C1:
    case 0x06BE:
    case 0x06D5:
      cp = 0x0647;  // teh marbuta and heh variants
      break;
    case 0x0624: cp = 0x0648; break;
    case 0x06A9:
    case 0x06AF: cp = 0x0643; break;
    case 0x06A4: cp = 0x0641; break;
    case 0x067E: cp = 0x0628; break;
    case 0x0686: cp = 0x062C; break;
    case 0x0698: cp = 0x0632; break;
    default: break;
  }
  utf8::append(out, cp);
}

namespace {

// ASCII: what the scanner does with each byte below 0x80.
enum class Ascii : std::uint8_t { space, digit, letter, other };

struct AsciiClasses {
  Ascii map[128];
  AsciiClasses() {
    for (char32_t cp = 0; cp < 128; ++cp)
      map[cp] = is_space(cp)           ? Ascii::space
                : digit_value(cp) >= 0 ? Ascii::digit
                : is_word_char(cp)     ? Ascii::letter
                                       : Ascii::other;
  }
};

const AsciiClasses& ascii_classes() {
  static const AsciiClasses table;
  return table;
}

}  // namespace

void scan(std::string_view text, std::size_t base, std::vector<Token>& tokens, std::string& arena) {
  // Folding never makes a word longer (marks and controls are dropped, every letter keeps its
  // byte length), so the folded words fit in text.size() bytes written through a cursor.
  const std::size_t arena_start = arena.size();
  arena.resize(arena_start + text.size());
  char* const arena_data = arena.data();
  char* w = arena_data + arena_start;
  tokens.reserve(tokens.size() + text.size() / 8 + 4);
  const ArabicFold& fast = arabic_fold();
  const AsciiClasses& ascii = ascii_classes();
  const std::size_t n = text.size();
  const char* const in = text.data();
  std::string folded;
  bool space = true;
  std::size_t pos = 0, len = 0;
  while (pos < n) {
    const auto b0 = static_cast<unsigned char>(in[pos]);
    char32_t cp;
    if (b0 < 0x80) {
      const Ascii c = ascii.map[b0];
      if (c == Ascii::space) {
        space = true;
        ++pos;
        continue;
      }
      cp = b0;
      len = 1;
    } else {
      cp = utf8::decode(text, pos, len);
      if (is_space(cp)) {
        space = true;
        pos += len;
        continue;
      }
      if (is_invisible(cp)) {
        pos += len;
        continue;
      }
    }
    Token tok;
    tok.begin = base + pos;
    tok.space_before = space;
    space = false;
    if (int dv = digit_value(cp); dv >= 0) {
      tok.type = TokenType::number;
      std::size_t end = pos + len;
      std::int64_t value = dv;
      unsigned digits = 1;
      // Invisible controls may sit inside a number copied from a bidi page.
      std::size_t last_digit_end = end;
      for (std::size_t l = 0; end < n; end += l) {
        const char32_t c = utf8::decode(text, end, l);
        if (is_invisible(c)) continue;
        const int d = digit_value(c);
        if (d < 0) break;
        if (value < 1'000'000'000'000LL) value = value * 10 + d;
        ++digits;
        last_digit_end = end + l;
      }
      tok.value = value;
      tok.digits = static_cast<std::uint8_t>(digits > 255 ? 255 : digits);
      tok.end = base + last_digit_end;
      pos = end;
    } else if (is_word_char(cp)) {
      tok.type = TokenType::word;
      tok.fold_offset = static_cast<std::uint32_t>(w - arena_data);
      std::size_t end = pos, last_char_end = pos;
      for (std::size_t l = 0; end < n; end += l) {
        const auto c0 = static_cast<unsigned char>(in[end]);
        // Fast paths: two-byte Arabic letters (D8 xx .. DB xx) and ASCII.
        if (c0 >= 0xD8 && c0 <= 0xDB && end + 1 < n && (static_cast<unsigned char>(in[end + 1]) & 0xC0) == 0x80) {
          l = 2;
          const char32_t m = fast.map[((c0 & 0x03) << 6) | (static_cast<unsigned char>(in[end + 1]) & 0x3F)];
          if (m == 0) break;
          if (m != 1) {
            w[0] = static_cast<char>(0xC0 | (m >> 6));
            w[1] = static_cast<char>(0x80 | (m & 0x3F));
            w += 2;
          }
          last_char_end = end + 2;
          continue;
        }
        if (c0 < 0x80) {
          if (ascii.map[c0] != Ascii::letter) break;
          l = 1;
          *w++ = static_cast<char>(c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0);
          last_char_end = end + 1;
          continue;
        }
        const char32_t c = utf8::decode(text, end, l);
        if (is_invisible(c)) continue;
        if (!is_word_char(c)) break;
        folded.clear();
        fold_code_point(c, folded);
        for (char f : folded) *w++ = f;
        last_char_end = end + l;
      }
      tok.fold_length = static_cast<std::uint32_t>((w - arena_data) - tok.fold_offset);
      tok.end = base + last_char_end;
      pos = end;
    } else {
      tok.type = TokenType::punct;
      tok.cp = cp;
      tok.end = base + pos + len;
      pos += len;
    }
    tokens.push_back(tok);
  }
  arena.resize(static_cast<std::size_t>(w - arena_data));
}

std::string fold_phrase(std::string_view phrase) {
  std::vector<Token> tokens;
  std::string arena, out;
  scan(phrase, 0, tokens, arena);
  for (const Token& t : tokens) {
    if (!out.empty()) out.push_back(' ');
    if (t.type == TokenType::word)
      out.append(arena, t.fold_offset, t.fold_length);
    else
      out.append(phrase.substr(t.begin, t.end - t.begin));
  }
  return out;
}

}  // namespace xapian_arabic::dates
