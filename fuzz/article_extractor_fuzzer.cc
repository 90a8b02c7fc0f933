/** @file
 *  @brief libFuzzer target: a whole scraped article: NewsReader::parse_text, then ArticleExtractor.
 */
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_reader.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const NewsReader reader;
  static const ArticleExtractor extractor;
  NewsArticle article = reader.parse_text(fuzz::as_text(data, size));
  extractor.extract(article);
  article_text(article);
  article_parts(article);
  return 0;
}
