/** @file
 *  @brief Tokenizing text for the source grammar.
 */
#include "sources/source_tokens.h"

#include "news/news_layout.h"

namespace xapian_arabic::sources {

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

void tokens_of(const TokenStream& stream, std::size_t first, std::size_t last, std::size_t base, Tokens& out) {
  out.arena.clear();
  out.toks.clear();
  const std::vector<Atom>& atoms = stream.atoms();
  last = std::min(last, atoms.size());
  if (first >= last) return;
  const std::string_view text = stream.text();
  out.arena.reserve(atoms[last - 1].norm_offset + atoms[last - 1].norm_length - atoms[first].norm_offset + 16);
  for (std::size_t i = first; i < last;) {
    const Atom& a = atoms[i];
    if (a.kind == AtomKind::punct) {
      TokKind kind = punct_kind(a.cp);
      if (a.cp == '"' && !out.toks.empty() && out.toks.back().kind == TokKind::word && a.gap == Gap::none &&
          out.toks.back().end == a.begin - base)
        kind = TokKind::close;  // a straight quote right after a word closes
      out.toks.push_back({a.begin - base, a.end - base, kind, text.substr(a.begin, a.end - a.begin)});
      ++i;
      continue;
    }
    // Letters and digits that touch are one word (G20, فرانس24).
    std::size_t j = i + 1;
    while (j < last && atoms[j].kind != AtomKind::punct && atoms[j].touches_previous()) ++j;
    std::string_view word;
    if (j == i + 1) {
      word = stream.normalized(a);
    } else {
      const std::size_t at = out.arena.size();
      for (std::size_t k = i; k < j; ++k) out.arena.append(stream.normalized(atoms[k]));
      word = std::string_view(out.arena).substr(at);
    }
    if (!word.empty())  // only marks: nothing left to match
      out.toks.push_back({a.begin - base, atoms[j - 1].end - base, TokKind::word, word});
    i = j;
  }
}

void tokenize(const WordNormalizer& words, std::string_view s, Tokens& out) {
  thread_local TokenStream stream;
  if (words.normalizer.options() == stream.normalization()) {
    stream.assign(s);
    tokens_of(stream, 0, stream.atoms().size(), 0, out);
    return;
  }
  TokenStream own(words.normalizer.options());
  own.assign(s);
  tokens_of(own, 0, own.atoms().size(), 0, out);
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
