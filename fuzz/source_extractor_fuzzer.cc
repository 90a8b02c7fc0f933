/** @file
 *  @brief libFuzzer target: SourceExtractor over any text, as a body with a title and as a whole article.
 *
 *  The input splits at its first NUL: title before, body after (no NUL: all body).
 */
#include <xapian_arabic/source_extractor.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

namespace {
void check_spans(const std::vector<ExtractedSource>& sources, std::size_t text_size) {
  for (const auto& s : sources)
    fuzz::require(s.begin <= s.end && s.end <= text_size, "a source's span is inside the text");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const SourceExtractor extractor;
  const std::string_view input = fuzz::as_text(data, size);
  const auto nul = input.find('\0');
  const std::string_view title = nul == std::string_view::npos ? std::string_view() : input.substr(0, nul);
  const std::string_view body = nul == std::string_view::npos ? input : input.substr(nul + 1);
  check_spans(extractor.extract(body, title), body.size());
  check_spans(extractor.extract_article(input), input.size());
  for (const auto& s : extractor.extract_article(input)) extractor.canonical_city(s.city);
  extractor.canonical(title);
  extractor.aliases_of(title);
  return 0;
}
