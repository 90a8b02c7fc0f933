/** @file
 *  @brief The ABI policy of docs/library.md: public classes with state hold only their Impl pointer.
 *
 *  A class whose size stays that of one pointer can change its internals without an ABI change.
 *  A member added beside the pointer fails here, so the change is seen as an ABI change.
 */
#include <xapian.h>
#include <xapian_arabic.h>

#include <catch2/catch.hpp>
#include <memory>
#include <type_traits>

using namespace xapian_arabic;

namespace {
constexpr std::size_t kShared = sizeof(std::shared_ptr<int>);
constexpr std::size_t kUnique = sizeof(std::unique_ptr<int>);
}  // namespace

TEST_CASE("public classes with state hold only their Impl pointer", "[abi]") {
  // Immutable state shared by copies.
  CHECK(sizeof(Normalizer) == kShared);
  CHECK(sizeof(LightStemmer) == kShared);
  CHECK(sizeof(NewsReader) == kShared);
  // Owned state.
  CHECK(sizeof(SnowballStemmer) == kUnique);
  CHECK(sizeof(DateExtractor) == kUnique);
  CHECK(sizeof(SourceExtractor) == kUnique);
  CHECK(sizeof(Analyzer) == kUnique);
  CHECK(sizeof(NewsSearch) == kUnique);
  CHECK(sizeof(SurfaceSynonyms) == kUnique);
  CHECK(sizeof(SynonymWriter) == kUnique);
  // Xapian's extension points: their base class, then the pointer.
  CHECK(sizeof(ArabicStopper) == sizeof(Xapian::Stopper) + kUnique);
  CHECK(sizeof(ArabicStemImplementation) == sizeof(Xapian::StemImplementation) + kUnique);
}

TEST_CASE("pimpl classes copy and move as before", "[abi]") {
  // Immutable ones copy cheaply (the Impl is shared); SnowballStemmer keeps libstemmer's
  // per-stemmer state, so it only moves; ArabicStopper copies no more than Xapian::Stopper does.
  STATIC_REQUIRE(std::is_copy_constructible_v<Normalizer>);
  STATIC_REQUIRE(std::is_copy_assignable_v<Normalizer>);
  STATIC_REQUIRE(std::is_copy_constructible_v<NewsReader>);
  STATIC_REQUIRE(std::is_copy_assignable_v<NewsReader>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<SnowballStemmer>);
  STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<SnowballStemmer>);
  STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<ArabicStopper>);
  // The synonym recorder and writer keep per-thread memories: they move, one per thread.
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<SurfaceSynonyms>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<SynonymWriter>);
}
