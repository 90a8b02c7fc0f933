/** @file
 *  @brief path_selected: the --include / --exclude globs on paths relative to the folder indexed.
 */
#include "index/path_globs.h"

#include <catch2/catch.hpp>

using namespace xapian_arabic;

TEST_CASE("include and exclude globs match the whole relative path, '*' across folders", "[indexer]") {
  struct Row {
    const char* path;
    std::vector<std::string> include, exclude;
    bool selected;
  };
  const Row rows[] = {
      {"metadata.jsonl", {}, {}, true},
      {"metadata.jsonl", {}, {"metadata.jsonl"}, false},
      {"2024/metadata.jsonl", {}, {"metadata.jsonl"}, true},  // the glob names the top-level file only
      {"2024/metadata.jsonl", {}, {"*metadata.jsonl"}, false},
      {"2024/11/feed.jsonl", {}, {"*.jsonl"}, false},  // '*' matches '/' too
      {"antj-00145.txt", {"*.txt"}, {}, true},
      {"metadata.jsonl", {"*.txt"}, {}, false},
      {"2024/a.txt", {"2023/*", "2024/*"}, {}, true},  // any include
      {"2024/a.txt", {"2024/*"}, {"*/a.txt"}, false},  // an exclude wins over an include
      {"[draft].txt", {}, {"\\[draft\\].txt"}, false},
  };
  for (const Row& row : rows) {
    INFO(row.path);
    CHECK(path_selected(row.path, row.include, row.exclude) == row.selected);
  }
}
