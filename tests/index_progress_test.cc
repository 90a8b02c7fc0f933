/** @file
 *  @brief The index command's progress line: what its numbers say.
 */
#include "index_progress.h"

#include <catch2/catch.hpp>

using namespace xapian_arabic;

TEST_CASE("the progress line counts MB of 10^6 bytes", "[progress]") {
  IndexProgress p;
  p.files_to_read = 1;
  p.bytes_read = 1'500'000;
  p.bytes_to_read = 13'500'194;  // news-bench's articles.jsonl.gz
  p.articles = 10;
  const std::string line = cli::ProgressDisplay::status_line(p);
  CHECK(line.find("1.5/13.5 MB") != std::string::npos);
}
