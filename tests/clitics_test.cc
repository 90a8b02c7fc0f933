/** @file
 *  @brief The one clitic list: each letter, the sets each reader uses, and the light stemmer's
 *  built-in prefix table made of the same letters.
 */
#include "text/clitics.h"

#include <xapian_arabic/normalizer.h>

#include <catch2/catch.hpp>
#include <string>

#include "text/stemmer_tables.h"

using namespace xapian_arabic;
using namespace xapian_arabic::clitics;

TEST_CASE("clitics: the proclitic a word starts with", "[clitics]") {
  struct Row {
    const char* word;
    Clitic lead;
  };
  const Row rows[] = {
      {"والخميس", wa}, {"فالعام", fa},  {"بالأمس", bi}, {"لعام", li}, {"كالعادة", ka},
      {"العام", none}, {"سيعقد", none}, {"", none},     {"w", none},  {"\xD9", none},  // a cut letter
  };
  for (const Row& row : rows) {
    INFO(row.word);
    CHECK(lead(row.word) == row.lead);
  }
  for (Clitic c : {wa, fa, bi, li, ka}) {
    CHECK(text(c).size() == kBytes);
    CHECK(lead(text(c)) == c);
  }
  CHECK(kArticle == "ال");
}

TEST_CASE("clitics: the sets each reader strips", "[clitics]") {
  CHECK(starts_with("والخميس", kBeforeDates));
  CHECK_FALSE(starts_with("كاليوم", kBeforeDates));  // "like today": never a date
  CHECK(starts_with("كاليوم", kAll));
  CHECK(starts_with("فسيعقد", kConjunctions));
  CHECK_FALSE(starts_with("لسيعقد", kConjunctions));
  CHECK(starts_with("ليذهب", kBeforeVerbs));
  CHECK_FALSE(starts_with("بيذهب", kBeforeVerbs));
}

TEST_CASE("clitics: the light stemmer's built-in prefixes are made of the one clitic list", "[clitics]") {
  const Normalizer normalizer;
  const StemmerTables tables = StemmerTables::load(normalizer);
  Set one_letter = none;
  for (const Affix& p : tables.prefixes) {
    if (p.kind == PrefixKind::verb) continue;
    INFO(p.text);
    // A group of proclitic letters, optionally ending with the article (وبال, لل, ال).
    std::string_view rest = p.text;
    std::size_t letters = 0;
    while (lead(rest) != none && rest != kArticle) {
      rest.remove_prefix(kBytes);
      ++letters;
    }
    CHECK((rest.empty() || rest == kArticle));
    if (letters == 1 && rest.empty()) {
      const Clitic c = lead(p.text);
      one_letter |= c;
      // The table's kinds agree with the list: a verb may follow و ف ل, only a noun ب ك.
      CHECK((p.kind == PrefixKind::conjunction) == ((c & kBeforeVerbs) != 0));
    }
  }
  CHECK(one_letter == kAll);
}
