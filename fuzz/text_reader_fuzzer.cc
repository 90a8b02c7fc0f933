/** @file
 *  @brief libFuzzer target: NewsReader::read_file on a plain-text scraped article (any encoding, gzipped or not).
 *
 *  read_file never throws: every bad input must come back as a ReadError naming the file.
 */
#include <xapian_arabic/news_reader.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const NewsReader reader;
  fuzz::read_as_file(reader, "input.txt", data, size);
  return 0;
}
