/** @file
 *  @brief Word boundaries compatible with Xapian's TermGenerator: the words of a token
 *  stream that does not normalize (the rules live in token_stream.cc, once).
 */
#include <xapian_arabic/token_stream.h>
#include <xapian_arabic/tokenizer.h>

#include "text/char_classes.h"

namespace xapian_arabic {

bool is_arabic_script(char32_t cp) {
  return text::is_arabic_block(cp);
}

void tokenize(std::string_view text, std::vector<Token>& out) {
  thread_local TokenStream stream = TokenStream::without_normalization();
  thread_local std::vector<StreamWord> words;
  stream.assign(text);
  stream.words(0, stream.atoms().size(), words);
  out.reserve(out.size() + words.size());
  for (const StreamWord& w : words) {
    Token token;
    token.begin = w.begin;
    token.end = w.end;
    token.kind = w.kind;
    token.acronym = w.acronym;
    out.push_back(token);
  }
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return tokens;
}

}  // namespace xapian_arabic
