#include "xapian/word_cache.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

using xapian_arabic::WordCache;

namespace {

// A decision that can be checked from the word alone: the stem is the word reversed, a stopword
// is a word starting with 's'.
WordCache::Decision decide(std::string_view w) {
  return {std::string(w.rbegin(), w.rend()), !w.empty() && w[0] == 's'};
}

std::string word_number(int i) {
  return "w" + std::to_string(i) + (i % 7 == 0 ? std::string(40, 'x') : "");  // every 7th too long to inline
}

}  // namespace

TEST_CASE("word cache: each word type is decided once, and every lookup gives its own decision", "[word_cache]") {
  WordCache cache(1 << 16);
  std::map<std::string, int> decided;
  const auto counting = [&](std::string_view w) {
    ++decided[std::string(w)];
    return decide(w);
  };
  // Enough words to grow the table several times past its first 4,096 slots.
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < 20000; ++i) {
      const std::string w = word_number(i);
      const WordCache::Entry e = cache.get(w, counting);
      REQUIRE(e.word == w);
      REQUIRE(e.stem == decide(w).stem);
      REQUIRE(e.stop == decide(w).stop);
    }
  CHECK(cache.size() == 20000);
  CHECK(decided.size() == 20000);
  for (const auto& [w, n] : decided) REQUIRE(n == 1);
}

TEST_CASE("word cache: a full cache starts again and stays correct", "[word_cache]") {
  WordCache cache(1000);
  int decisions = 0;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 2500; ++i) {
      const std::string w = word_number(i);
      const WordCache::Entry e = cache.get(w, [&](std::string_view x) {
        ++decisions;
        return decide(x);
      });
      REQUIRE(e.stem == decide(w).stem);
    }
  CHECK(cache.size() <= 1000);
  CHECK(decisions == 3 * 2500);  // no word survives 1,500 others in a cache of 1,000
}

TEST_CASE("word cache: the empty word, stopwords and words without a stem", "[word_cache]") {
  WordCache cache(16);
  CHECK(cache.get("", decide).word.empty());
  CHECK(cache.get("said", decide).stop);
  const WordCache::Entry none = cache.get("x", [](std::string_view) { return WordCache::Decision{}; });
  CHECK(none.stem.empty());
  CHECK_FALSE(none.stop);
  CHECK(cache.get("x", decide).stem.empty());  // remembered: the second decision is not asked for
}
