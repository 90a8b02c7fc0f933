/** @file
 *  @brief Tokenizer: word boundaries in mixed Arabic/Latin news text, with offsets into the original.
 */
#include <xapian_arabic/tokenizer.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace xapian_arabic;

namespace {
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text)) out.emplace_back(t.text(text));
  return out;
}
using Words = std::vector<std::string>;
}  // namespace

TEST_CASE("word boundaries in mixed text", "[tokenizer]") {
  struct Row {
    const char* name;
    const char* text;
    Words expected;
  };
  const Row rows[] = {
      {"arabic words", "أعلنت الرئاسة الروسية", {"أعلنت", "الرئاسة", "الروسية"}},
      {"arabic comma, semicolon, question mark", "بيروت،دمشق؛ عمان؟", {"بيروت", "دمشق", "عمان"}},
      {"diacritics and tatweel stay inside the word", "مُحَمَّد العـــربية", {"مُحَمَّد", "العـــربية"}},
      {"zero-width non-joiner inside a word", "می\u200Cخواهم", {"می\u200Cخواهم"}},
      {"bidi marks around a word are not words", "\u200Fسانا\u200E", {"سانا"}},
      {"latin words and acronyms", "قالت Reuters إن GMT", {"قالت", "Reuters", "إن", "GMT"}},
      {"trailing plus and hash", "أوبك OPEC+ و C# و C++", {"أوبك", "OPEC+", "و", "C#", "و", "C++"}},
      {"initials with dots are one word", "U.N. و I.B.M و P.T.O.", {"U.N.", "و", "I.B.M", "و", "P.T.O."}},
      {"one initial is not an acronym", "A. Smith", {"A", "Smith"}},
      {"initials followed by a letter are not an acronym", "U.S.A.b", {"U", "S", "A", "b"}},
      {"more than three + is no suffix", "x++++ y", {"x", "y"}},
      {"apostrophe inside latin word", "O'Neil قال", {"O'Neil", "قال"}},
      {"decimal numbers", "ارتفع 3.5% و 1,000 دولار", {"ارتفع", "3.5", "و", "1,000", "دولار"}},
      {"arabic-indic digits with arabic decimal separator", "٣٫٥ مليون", {"٣٫٥", "مليون"}},
      {"dates split at separators", "21/11/2024", {"21", "11", "2024"}},
      {"iso date split", "2024-11-21", {"2024", "11", "21"}},
      {"guillemets and quotes", "«الشرق الأوسط» \"سانا\"", {"الشرق", "الأوسط", "سانا"}},
      {"hyphenated dateline", "موسكو-سانا", {"موسكو", "سانا"}},
      {"full stop without space", "بالمنطقة.وذكر", {"بالمنطقة", "وذكر"}},
      {"lam-alef presentation form is a letter", "\uFEFBجئون", {"\uFEFBجئون"}},
      {"empty", "", {}},
      {"only punctuation", "… ، ؛ ؟ !", {}},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    CHECK(words(row.text) == row.expected);
  }
}

TEST_CASE("token offsets point into the original text", "[tokenizer]") {
  const std::string text = "قال: «بوتين» OPEC+";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].begin == 0);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "بوتين");
  CHECK(tokens[1].kind == TokenKind::arabic);
  CHECK(tokens[2].kind == TokenKind::latin);
  CHECK(tokens[2].end == text.size());
}

TEST_CASE("number tokens in any digit system", "[tokenizer]") {
  for (const char* n : {"2024", "٢٠٢٤", "۲۰۲۴"}) {
    const auto tokens = tokenize(n);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == TokenKind::number);
  }
}

TEST_CASE("invalid UTF-8 never crashes the tokenizer", "[tokenizer]") {
  const std::string bad = "بوتين\xFF\xFE\xC3 كلمة\xE2\x82";
  const auto tokens = tokenize(bad);
  CHECK(tokens.size() >= 2);
  for (const Token& t : tokens) CHECK(t.end <= bad.size());
}

TEST_CASE("an acronym token is marked so its term drops the dots", "[tokenizer]") {
  const auto tokens = tokenize("U.N. UN");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].acronym);
  CHECK_FALSE(tokens[1].acronym);
}
