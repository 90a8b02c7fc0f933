/** @file
 *  @brief The date grammar's tokens, made from a token stream's atoms.
 */
#include "dates/date_tokens.h"

namespace xapian_arabic::dates {

void date_tokens(const TokenStream& stream, std::size_t first, std::size_t last, std::vector<Token>& tokens) {
  const std::vector<Atom>& atoms = stream.atoms();
  tokens.reserve(tokens.size() + (last - first));
  for (std::size_t i = first; i < last; ++i) {
    const Atom& a = atoms[i];
    Token t;
    t.begin = a.begin;
    t.end = a.end;
    // Zero-width and bidi controls are invisible here: they neither separate nor join.
    t.space_before = i == first || a.gap == Gap::space || a.gap == Gap::line;
    switch (a.kind) {
      case AtomKind::letters:
        t.type = TokenType::word;
        t.fold_offset = a.norm_offset;
        t.fold_length = a.norm_length;
        break;
      case AtomKind::digits:
        t.type = TokenType::number;
        t.value = a.value;
        t.digits = a.digits;
        break;
      case AtomKind::punct:
        t.type = TokenType::punct;
        t.cp = a.cp;
        break;
    }
    tokens.push_back(t);
  }
}

std::string fold_phrase(std::string_view phrase) {
  TokenStream stream;
  stream.assign(phrase);
  std::string out;
  for (const Atom& a : stream.atoms()) {
    if (!out.empty()) out.push_back(' ');
    if (a.kind == AtomKind::punct)
      out.append(phrase.substr(a.begin, a.end - a.begin));
    else
      out.append(stream.normalized(a));
  }
  return out;
}

}  // namespace xapian_arabic::dates
