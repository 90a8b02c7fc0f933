/** @file
 *  @brief The free space a parallel run asks for, against what its merges really
 *  take on news-dev.
 */
#include "index/database_merge.h"

#include <stdlib.h>
#include <xapian_arabic/news_indexer.h>

#include <catch2/catch.hpp>
#include <filesystem>

using namespace xapian_arabic;
namespace fs = std::filesystem;

TEST_CASE("the free space asked for before parallel writing covers shards, the grown database and the merged copy",
          "[merge]") {
  std::string pattern = (fs::temp_directory_path() / "xa-merge-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  const fs::path tmp = pattern;
  const std::string news_dev = std::string(XA_SHARED_DATA_DIR) + "/news-dev";
  std::uint64_t text = 0;
  for (const auto& e : fs::directory_iterator(news_dev))
    if (e.path().extension() == ".txt" || e.path().extension() == ".jsonl") text += e.file_size();

  // One writer's database is what the shards hold (uncompacted); a parallel run's is compacted.
  NewsIndexerOptions o;
  o.threads = 2;
  o.batch_size = 50;
  o.config.index.parallel_write = ParallelWrite::never;
  NewsIndexer((tmp / "shards").string(), o).run({news_dev});
  o.config.index.parallel_write = ParallelWrite::always;
  NewsIndexer((tmp / "merged").string(), o).run({news_dev});
  const std::uint64_t shards = folder_bytes((tmp / "shards").string());
  const std::uint64_t compacted = folder_bytes((tmp / "merged").string());
  INFO("text " << text << ", uncompacted " << shards << ", compacted " << compacted);
  // The last merge of a run into a new database: all shards, the live copy and the merged copy.
  CHECK(merge_space_needed(0, text) >= shards + 2 * compacted);
  // Into an existing database of D bytes: D more for its merged copy.
  CHECK(merge_space_needed(compacted, text) >= compacted + shards + 2 * compacted);
  std::error_code ec;
  fs::remove_all(tmp, ec);
}
