/** @file
 *  @brief Normalizer: one row per rule (rule name, input, expected output).
 */
#include <xapian_arabic/normalizer.h>

#include <catch2/catch.hpp>

using xapian_arabic::Normalizer;
using xapian_arabic::NormalizerOptions;

namespace {
struct Row {
  const char* rule;
  const char* input;
  const char* expected;
};

const Row kRules[] = {
    {"harakat removed", "مُحَمَّدٌ", "محمد"},
    {"superscript alef removed", "هٰذا", "هذا"},
    {"tanween removed", "شكرًا", "شكرا"},
    {"quranic marks removed", "الرَّحِيمِ ۝", "الرحيم "},
    {"tatweel removed", "العـــربية", "العربيه"},
    {"alef with hamza above", "أحمد", "احمد"},
    {"alef with hamza below", "إسلام", "اسلام"},
    {"alef with madda", "آمن", "امن"},
    {"alef wasla", "ٱلله", "الله"},
    {"alef maqsura", "مصطفى", "مصطفي"},
    {"teh marbuta", "مدرسة", "مدرسه"},
    {"waw with hamza", "مؤتمر", "موتمر"},
    {"yeh with hamza", "رئيس", "رييس"},
    {"presentation form letters", "\uFEE3\uFEA4\uFEE4\uFEAA", "محمد"},
    {"lam-alef ligature", "\uFEFB", "لا"},
    {"lam-alef with hamza ligature", "\uFEF7", "لا"},
    {"isolated tanween form", "كتاب\uFE70", "كتاب"},
    {"persian keheh", "کتاب", "كتاب"},
    {"persian yeh", "ایران", "ايران"},
    {"heh goal and ae", "ە ہ", "ه ه"},
    {"maghrebi veh", "ڤيتنام", "فيتنام"},
    {"arabic-indic digits", "٢٠٢٤", "2024"},
    {"persian digits", "۱۴۴۶", "1446"},
    {"arabic decimal separator", "٣٫٥", "3.5"},
    {"zero width non-joiner removed", "می\u200Cخواهم", "ميخواهم"},
    {"right-to-left mark removed", "\u200Fسانا\u200E", "سانا"},
    {"arabic letter mark removed", "\u061Cبيروت", "بيروت"},
    {"bidi isolate removed", "\u2067بغداد\u2069", "بغداد"},
    {"byte order mark removed", "\uFEFFنص", "نص"},
    {"latin case folded", "OPEC+ GMT", "opec+ gmt"},
    {"non-ascii latin case folded", "ÉCOLE", "école"},
    {"decomposed alef with hamza (NFD)", "\u0627\u0654\u062D\u0645\u062F", "احمد"},
    {"ascii untouched", "hello, world 123", "hello, world 123"},
    {"invalid utf-8 replaced", "a\xFF\xC3z", "a\uFFFD\uFFFDz"},
};
}  // namespace

TEST_CASE("each normalization rule maps its input", "[normalizer]") {
  const Normalizer normalizer;
  for (const Row& row : kRules) {
    INFO(row.rule);
    CHECK(normalizer.normalize(row.input) == row.expected);
  }
}

TEST_CASE("normalizers with the same options share one set of tables", "[normalizer]") {
  // A search process makes a dozen normalizers; each used to fill its own tables with ICU.
  NormalizerOptions other;
  other.fold_alef = false;
  CHECK(&Normalizer().impl() == &Normalizer(NormalizerOptions{}).impl());
  CHECK(&Normalizer(other).impl() == &Normalizer(other).impl());
  CHECK(&Normalizer(other).impl() != &Normalizer().impl());
  CHECK(Normalizer(other).normalize("أ") != Normalizer().normalize("أ"));
}

TEST_CASE("normalization is idempotent", "[normalizer]") {
  const Normalizer normalizer;
  for (const Row& row : kRules) {
    const std::string once = normalizer.normalize(row.input);
    CHECK(normalizer.normalize(once) == once);
  }
}

TEST_CASE("every rule can be switched off", "[normalizer]") {
  NormalizerOptions off;
  off.remove_harakat = off.remove_quranic_marks = off.remove_tatweel = off.fold_presentation_forms = false;
  off.fold_alef = off.fold_alef_maqsura = off.fold_teh_marbuta = off.fold_hamza_seats = false;
  off.fold_persian_letters = off.fold_digits = off.remove_format_controls = off.case_fold_latin = false;
  const Normalizer identity(off);
  for (const char* text : {"مُحَمَّدٌ", "العـــربية", "أحمد إسلام آمن", "مصطفى مدرسة", "مؤتمر رئيس", "\uFEFB", "کتاب",
                           "٢٠٢٤ ۱۴۴۶", "\u200Fسانا", "OPEC"})
    CHECK(identity.normalize(text) == text);
}

TEST_CASE("teh marbuta folding alone can be turned off", "[normalizer]") {
  NormalizerOptions options;
  options.fold_teh_marbuta = false;
  CHECK(Normalizer(options).normalize("مدرسةٌ") == "مدرسة");
}

TEST_CASE("hamza seats folding alone can be turned off", "[normalizer]") {
  NormalizerOptions options;
  options.fold_hamza_seats = false;
  CHECK(Normalizer(options).normalize("مؤتمر رئيس أحمد") == "مؤتمر رئيس احمد");
}

TEST_CASE("decomposed hamza composes even when alef folding is off", "[normalizer]") {
  NormalizerOptions options;
  options.fold_alef = false;
  CHECK(Normalizer(options).normalize("\u0627\u0654\u062D\u0645\u062F \u0627\u0653") == "أحمد آ");
}

TEST_CASE("expansions longer than their input grow the output correctly", "[normalizer]") {
  // U+FDFA (ﷺ) expands to four words: the output outgrows the input many times over.
  std::string input, expected;
  for (int i = 0; i < 200; ++i) {
    input += "\uFDFA";
    expected += "صلي الله عليه وسلم";
  }
  input += " نهاية";
  expected += " نهايه";
  CHECK(Normalizer().normalize(input) == expected);
}

TEST_CASE("normalize_into appends to what the string already holds", "[normalizer]") {
  std::string out = "prefix:";
  Normalizer().normalize_into("أحمد", out);
  CHECK(out == "prefix:احمد");
}

TEST_CASE("a copied normalizer shares its tables and normalizes the same", "[normalizer]") {
  NormalizerOptions options;
  options.fold_teh_marbuta = false;
  const Normalizer original(options);
  const Normalizer copy = original;
  CHECK(&copy.impl() == &original.impl());
  CHECK(copy.options() == options);
  CHECK(copy.normalize("مدرسةٌ أحمد") == original.normalize("مدرسةٌ أحمد"));
  CHECK(copy.normalize("مدرسةٌ") == "مدرسة");
}
