/** @file
 *  @brief The source grammar's tokens: words normalized one by one with spans into the
 *  original text, punctuation as written (internal to SourceExtractor).
 */
#pragma once

#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/token_stream.h>

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

TokKind punct_kind(char32_t cp);
/// Tokens of a text: letters and digits that touch joined into words, in their normalized
/// forms (the token stream's: spans stay in the original text), and punctuation as written.
/// Reused from line to line, so a text costs no allocation per line.
struct Tokens {
  std::string arena;  // words of several atoms; reserved before use, so views into it stay put
  std::vector<Tok> toks;
};

/// A normalizer of the default rules: the spelling the alias and city tables are keyed in.
struct WordNormalizer {
  const Normalizer& normalizer;
};

/// The tokens of atoms [first, last) of @p stream, spans made relative to byte @p base.
void tokens_of(const TokenStream& stream, std::size_t first, std::size_t last, std::size_t base, Tokens& out);
/// The tokens of @p s (its own token stream).
void tokenize(const WordNormalizer& words, std::string_view s, Tokens& out);
/// The words of @p name, normalized and joined by single spaces: the form names are looked up in.
std::string token_key(const WordNormalizer& words, std::string_view name);
inline const std::string kAl{clitics::kArticle};

/// Hash sets looked up by string_view without building a string.
using StringSet = std::unordered_set<std::string, TransparentStringHash, std::equal_to<>>;

}  // namespace xapian_arabic::sources
