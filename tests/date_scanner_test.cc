/** @file
 *  @brief The date grammar's scanner: token types, spans, folded words and numbers in any digits.
 */
#include "dates/date_scanner.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace xapian_arabic::dates;

namespace {
struct Scanned {
  std::vector<Token> tokens;
  std::string arena;
  std::string folded(const Token& t) const { return arena.substr(t.fold_offset, t.fold_length); }
};

Scanned scan_text(std::string_view text, std::size_t base = 0) {
  Scanned s;
  scan(text, base, s.tokens, s.arena);
  return s;
}
}  // namespace

TEST_CASE("date scanner: words, numbers and punctuation with spans into the text", "[date_scanner]") {
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

TEST_CASE("date scanner: offsets are relative to the given base", "[date_scanner]") {
  const Scanned s = scan_text("2024", 100);
  REQUIRE(s.tokens.size() == 1);
  CHECK(s.tokens[0].begin == 100);
  CHECK(s.tokens[0].end == 104);
}

TEST_CASE("date scanner: folding gives one spelling to alef, hamza, teh marbuta, yeh and marks", "[date_scanner]") {
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

TEST_CASE("date scanner: digits of three systems, and invisible controls inside a number", "[date_scanner]") {
  for (const char* n : {"1446", "١٤٤٦", "۱۴۴۶", "14\u200F46"}) {
    INFO(n);
    const Scanned s = scan_text(n);
    REQUIRE(s.tokens.size() == 1);
    CHECK(s.tokens[0].type == TokenType::number);
    CHECK(s.tokens[0].value == 1446);
    CHECK(s.tokens[0].digits == 4);
  }
  CHECK(digit_value(U'٧') == 7);
  CHECK(digit_value(U'۹') == 9);
  CHECK(digit_value(U'a') == -1);
}

TEST_CASE("date scanner: a number of many digits saturates instead of overflowing", "[date_scanner]") {
  const Scanned s = scan_text(std::string(40, '9'));
  REQUIRE(s.tokens.size() == 1);
  CHECK(s.tokens[0].type == TokenType::number);
  CHECK(s.tokens[0].value > 0);
}
