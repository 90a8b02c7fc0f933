/** @file
 *  @brief The source grammar's tokens: words normalized one by one with spans into the
 *  original text, punctuation as written (internal to SourceExtractor).
 */
#pragma once

#include <unicode/uchar.h>
#include <xapian_arabic/normalizer.h>

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/hash.h"
#include "base/utf8.h"
#include "text/clitics.h"

namespace xapian_arabic::sources {

/// Lines longer than this are scanned in windows, so memory stays bounded on one-line files.
inline constexpr std::size_t kWindowBytes = 1 << 20;

enum class TokKind { word, sep, open, close, other };

struct Tok {
  std::size_t begin, end;  // byte span in the original text
  TokKind kind;
  std::string_view text;
};

bool is_word_cp(char32_t cp);
TokKind punct_kind(char32_t cp);
/// Tokens of a text: words normalized one by one (so spans stay in the original text), and
/// punctuation as written. The token texts point into @c arena: fill in place, never copy.
/// Reused from line to line, so a text costs no allocation per line.
struct Tokens {
  std::string arena;
  std::vector<Tok> toks;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // arena offset and length of each token
};

/// Per code point below U+0800 (ASCII, Latin, Arabic block): word character, left alone by
/// the normalizer, white space. Answers what is_word_cp/u_isspace would, without ICU calls
/// for the common scripts.
struct CharClasses {
  static constexpr char32_t kLimit = 0x800;
  enum : std::uint8_t { word = 1, plain = 2, space = 4 };
  std::array<std::uint8_t, kLimit> cls{};

  explicit CharClasses(const Normalizer& normalizer) {
    for (char32_t cp = 0; cp < kLimit; ++cp) {
      std::uint8_t c = 0;
      if (is_word_cp(cp)) c |= word;
      if (cp >= 0x0600 && cp <= 0x06FF) {
        std::string one;
        utf8::append(one, cp);
        if (normalizer.normalize(one) == one) c |= plain;
      } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        c |= plain;
      }
      if (cp == ' ' || cp == '\t' || u_isspace(static_cast<UChar32>(cp))) c |= space;
      cls[cp] = c;
    }
  }
  std::uint8_t of(char32_t cp) const {
    if (cp < kLimit) return cls[cp];
    return static_cast<std::uint8_t>((is_word_cp(cp) ? word : 0) | (u_isspace(static_cast<UChar32>(cp)) ? space : 0));
  }
};

/// A normalizer and the classes of the characters it sees.
struct WordNormalizer {
  const Normalizer& normalizer;
  CharClasses classes{normalizer};
};

inline char32_t next_cp(std::string_view s, std::size_t pos, std::size_t& len) {
  const auto b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  return utf8::decode(s, pos, len);
}

void tokenize(const WordNormalizer& words, std::string_view s, Tokens& out);
/// The words of @p name, normalized and joined by single spaces: the form names are looked up in.
std::string token_key(const WordNormalizer& words, std::string_view name);
inline const std::string kAl{clitics::kArticle};

/// Hash sets looked up by string_view without building a string.
using StringSet = std::unordered_set<std::string, TransparentStringHash, std::equal_to<>>;

}  // namespace xapian_arabic::sources
