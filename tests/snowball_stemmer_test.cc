/** @file
 *  @brief SnowballStemmer: libstemmer's stems, an unknown language refused, a moved stemmer keeps working.
 */
#include <xapian_arabic/error.h>
#include <xapian_arabic/snowball_stemmer.h>

#include <catch2/catch.hpp>
#include <string>
#include <type_traits>
#include <utility>

using xapian_arabic::ConfigError;
using xapian_arabic::SnowballStemmer;

TEST_CASE("a Snowball stemmer stems with libstemmer's algorithm", "[snowball]") {
  const SnowballStemmer english("english");
  CHECK(english.language() == "english");
  CHECK(english.stem("running") == "run");
  CHECK(english.stem("connections") == "connect");
  CHECK(english.stem("") == "");
  const SnowballStemmer arabic("arabic");
  CHECK(arabic.stem("الكتاب") == "كتاب");
}

TEST_CASE("an unknown Snowball language is a ConfigError naming it", "[snowball]") {
  CHECK_THROWS_MATCHES(SnowballStemmer("klingon"), ConfigError,
                       Catch::Matchers::Message("unknown Snowball stemmer language 'klingon'"));
}

TEST_CASE("a moved Snowball stemmer keeps its language and state", "[snowball]") {
  // libstemmer keeps per-stemmer state, so the class is move-only (one per thread).
  static_assert(!std::is_copy_constructible_v<SnowballStemmer>);
  static_assert(std::is_nothrow_move_constructible_v<SnowballStemmer>);
  SnowballStemmer first("english");
  SnowballStemmer moved(std::move(first));
  CHECK(moved.language() == "english");
  CHECK(moved.stem("running") == "run");
  SnowballStemmer assigned("arabic");
  assigned = std::move(moved);
  CHECK(assigned.language() == "english");
  CHECK(assigned.stem("connections") == "connect");
}
