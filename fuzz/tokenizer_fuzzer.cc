/** @file
 *  @brief libFuzzer target: tokenize() over any bytes; token spans must stay inside the text, in order.
 */
#include <xapian_arabic/tokenizer.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  std::vector<Token> tokens;
  tokenize(text, tokens);
  std::size_t previous_end = 0;
  for (const Token& t : tokens) {
    fuzz::require(t.begin < t.end && t.end <= text.size(), "a token is a non-empty span of the text");
    fuzz::require(t.begin >= previous_end, "tokens do not overlap and come in text order");
    previous_end = t.end;
  }
  return 0;
}
