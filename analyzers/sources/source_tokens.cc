/** @file
 *  @brief Tokenizing text for the source grammar.
 */
#include "sources/source_tokens.h"

#include <unicode/uchar.h>

#include "news/news_layout.h"

namespace xapian_arabic::sources {

bool is_word_cp(char32_t cp) {
  return (cp >= 0x0621 && cp <= 0x065F) ||
         (cp >= 0x0660 && cp <= 0x06FF && cp != 0x066A && cp != 0x066B && cp != 0x066C && cp != 0x066D &&
          cp != 0x06D4) ||
         (cp >= 0x200C && cp <= 0x200F) || u_isalnum(static_cast<UChar32>(cp));
}

TokKind punct_kind(char32_t cp) {
  if (is_dash_or_colon(cp) || cp == 0x2015 || cp == 0x2212) return TokKind::sep;
  switch (cp) {
    case '(':
    case '[':
    case 0xAB:
    case 0x201C:
    case '"':
    case 0x2018:
    case '\'': return TokKind::open;
    case ')':
    case ']':
    case 0xBB:
    case 0x201D:
    case 0x2019: return TokKind::close;
    default: return TokKind::other;
  }
}

void tokenize(const WordNormalizer& words, std::string_view s, Tokens& out) {
  const Normalizer& normalizer = words.normalizer;
  const CharClasses& classes = words.classes;
  out.arena.clear();
  out.toks.clear();
  out.spans.clear();
  out.arena.reserve(s.size() + 16);
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t len = 0;
    char32_t cp = next_cp(s, pos, len);
    std::uint8_t cls = classes.of(cp);
    if (cls & CharClasses::word) {
      const std::size_t begin = pos;
      bool is_plain = true;
      while (true) {
        if (!(cls & CharClasses::plain)) is_plain = false;
        pos += len;
        if (pos >= s.size()) break;
        cp = next_cp(s, pos, len);
        cls = classes.of(cp);
        if (!(cls & CharClasses::word)) break;
      }
      const std::size_t at = out.arena.size();
      if (is_plain)
        out.arena.append(s.substr(begin, pos - begin));
      else
        normalizer.normalize_into(s.substr(begin, pos - begin), out.arena);
      if (out.arena.size() == at) continue;  // only marks: nothing left to match
      out.toks.push_back({begin, pos, TokKind::word, {}});
      out.spans.emplace_back(at, out.arena.size() - at);
      continue;
    }
    if (!(cls & CharClasses::space)) {
      TokKind kind = punct_kind(cp);
      if (cp == '"' && !out.toks.empty() && out.toks.back().kind == TokKind::word && out.toks.back().end == pos)
        kind = TokKind::close;  // a straight quote right after a word closes
      out.toks.push_back({pos, pos + len, kind, {}});
      out.spans.emplace_back(out.arena.size(), len);
      out.arena.append(s.substr(pos, len));
    }
    pos += len;
  }
  const std::string_view arena(out.arena);
  for (std::size_t i = 0; i < out.toks.size(); ++i)
    out.toks[i].text = arena.substr(out.spans[i].first, out.spans[i].second);
}

std::string token_key(const WordNormalizer& words, std::string_view name) {
  Tokens t;
  tokenize(words, name, t);
  std::string key;
  for (const Tok& tok : t.toks) {
    if (tok.kind != TokKind::word) continue;
    if (!key.empty()) key.push_back(' ');
    key.append(tok.text);
  }
  return key;
}

}  // namespace xapian_arabic::sources
