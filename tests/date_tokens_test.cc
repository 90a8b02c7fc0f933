/** @file
 *  @brief The date grammar's scanner: token types, spans, folded words and numbers in any digits.
 */
#include "dates/date_tokens.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text/char_classes.h"

using namespace xapian_arabic::dates;

namespace {
struct Scanned {
  xapian_arabic::TokenStream stream;
  std::vector<Token> tokens;
  std::string folded(const Token& t) const { return stream.arena().substr(t.fold_offset, t.fold_length); }
};

Scanned scan_text(std::string_view text, std::size_t first_atom = 0) {
  Scanned s;
  s.stream.assign(text);
  date_tokens(s.stream, first_atom, s.stream.atoms().size(), s.tokens);
  return s;
}
}  // namespace

TEST_CASE("date tokens: words, numbers and punctuation with spans into the text", "[date_tokens]") {
  const std::string text = "الخميس، ٢١ نوفمبر 2024";
  const Scanned s = scan_text(text);
  REQUIRE(s.tokens.size() == 5);
  CHECK(s.tokens[0].type == TokenType::word);
  CHECK(text.substr(s.tokens[0].begin, s.tokens[0].end - s.tokens[0].begin) == "الخميس");
  CHECK(s.tokens[1].type == TokenType::punct);
  CHECK(s.tokens[1].cp == U'،');
  CHECK_FALSE(s.tokens[1].space_before);
  CHECK(s.tokens[2].type == TokenType::number);
  CHECK(s.tokens[2].value == 21);
  CHECK(s.tokens[2].digits == 2);
  CHECK(s.tokens[2].space_before);
  CHECK(s.folded(s.tokens[3]) == "نوفمبر");
  CHECK(s.tokens[4].value == 2024);
  CHECK(s.tokens[4].end == text.size());
}

TEST_CASE("date tokens: a range of atoms keeps offsets in the whole text", "[date_tokens]") {
  const std::string text = "نشر في 2024";
  const Scanned s = scan_text(text, 2);
  REQUIRE(s.tokens.size() == 1);
  CHECK(s.tokens[0].begin == text.find("2024"));
  CHECK(s.tokens[0].end == text.size());
  CHECK(s.tokens[0].space_before);
}

TEST_CASE("date tokens: zero-width and bidi controls neither separate nor join", "[date_tokens]") {
  const Scanned s = scan_text("21\u202B/\u202C11");
  REQUIRE(s.tokens.size() == 3);
  CHECK_FALSE(s.tokens[1].space_before);
  CHECK_FALSE(s.tokens[2].space_before);
  CHECK(s.tokens[2].value == 11);
}

TEST_CASE("date tokens: folding gives one spelling to alef, hamza, teh marbuta, yeh and marks", "[date_tokens]") {
  struct Row {
    const char* written;
    const char* folded;
  };
  const Row rows[] = {
      {"أكتوبر", "اكتوبر"}, {"إبريل", "ابريل"},  {"آذار", "اذار"},       {"الآخرة", "الاخره"},
      {"الأُولى", "الاولي"}, {"شـــباط", "شباط"}, {"January", "january"},
  };
  for (const Row& row : rows) {
    INFO(row.written);
    const Scanned s = scan_text(row.written);
    REQUIRE(s.tokens.size() == 1);
    CHECK(s.folded(s.tokens[0]) == row.folded);
    CHECK(fold_phrase(row.written) == row.folded);
  }
  CHECK(fold_phrase("تشرين   الأول") == "تشرين الاول");
}

TEST_CASE("date tokens: digits of three systems, and invisible controls inside a number", "[date_tokens]") {
  for (const char* n : {"1446", "١٤٤٦", "۱۴۴۶", "14\u200F46"}) {
    INFO(n);
    const Scanned s = scan_text(n);
    REQUIRE(s.tokens.size() == 1);
    CHECK(s.tokens[0].type == TokenType::number);
    CHECK(s.tokens[0].value == 1446);
    CHECK(s.tokens[0].digits == 4);
  }
  CHECK(xapian_arabic::text::digit_value(U'٧') == 7);
  CHECK(xapian_arabic::text::digit_value(U'۹') == 9);
  CHECK(xapian_arabic::text::digit_value(U'\u0967') == 1);  // Devanagari: ICU knows it
  CHECK(xapian_arabic::text::digit_value(U'a') == -1);
}

TEST_CASE("date tokens: a number of many digits saturates instead of overflowing", "[date_tokens]") {
  const Scanned s = scan_text(std::string(40, '9'));
  REQUIRE(s.tokens.size() == 1);
  CHECK(s.tokens[0].type == TokenType::number);
  CHECK(s.tokens[0].value > 0);
}
