/** @file
 *  @brief libFuzzer target: NewsReader::read_file on a JSON Lines archive (any encoding, gzipped or not; streamed a
 * line at a time).
 *
 *  read_file never throws: every bad input must come back as a ReadError naming the file.
 */
#include <xapian_arabic/news_reader.h>

#include "fuzz_input.h"

using namespace xapian_arabic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const NewsReader reader;
  fuzz::read_as_file(reader, "input.jsonl", data, size);
  return 0;
}
