/** @file
 *  @brief Lexicon: Ayaspell's nouns and verb forms read from hunspell-ar, inflections to their entry.
 */
#include "text/lexicon.h"

#include <unistd.h>
#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/error.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using xapian_arabic::AnalysisSettings;
using xapian_arabic::Lexicon;
using xapian_arabic::Normalizer;
using xapian_arabic::NormalizerOptions;
using xapian_arabic::TableError;

TEST_CASE("each inflection class of the lexicon leads to its entry", "[lexicon]") {
  const Normalizer normalizer;
  const auto lexicon = Lexicon::shared(normalizer);
  struct Row {
    const char* why;
    const char* form;
    const char* lemma;  // "" when the lexicon must not explain the form
  } const rows[] = {
      {"an entry is its own lemma", "وزير", "وزير"},
      {"an entry wins over an inflection of another (مدرسة is not مدرس + ة)", "مدرسة", "مدرسة"},
      {"feminine of an adjective", "جديدة", "جديد"},
      {"ات plural of a bare noun with no feminine", "قرارات", "قرار"},
      {"ات plural of a ة noun that is its bare noun's feminine", "حالات", "حالة"},
      {"يات plural of an اة noun", "مباريات", "مباراة"},
      {"masculine sound plural", "لاعبين", "لاعب"},
      {"dual of a ة noun", "سنتين", "سنة"},
      {"feminine nisba", "فلسطينية", "فلسطيني"},
      {"nisba plural", "فلسطينيين", "فلسطيني"},
      {"an imperfect verb that is also a noun is the verb", "تكون", ""},
      {"a two-letter lemma is a misread ending", "فكان", ""},
      {"unknown", "بوتينات", ""},
  };
  for (const Row& row : rows) {
    INFO(row.why << ": " << row.form);
    CHECK(lexicon->noun_lemma(normalizer.normalize(row.form)) == normalizer.normalize(row.lemma));
  }
  CHECK(lexicon->knows(normalizer.normalize("كتب")));  // a verb form
  CHECK_FALSE(lexicon->knows(normalizer.normalize("وكتب")));
}

TEST_CASE("the lexicon is loaded once per process and normalization", "[lexicon]") {
  const Normalizer a, b;
  CHECK(Lexicon::shared(a) == Lexicon::shared(b));
  NormalizerOptions unfolded;
  unfolded.fold_teh_marbuta = false;
  const auto other = Lexicon::shared(Normalizer(unfolded));
  CHECK(other != Lexicon::shared(a));
  CHECK(other->noun_lemma("لجنة") == "لجنة");
  CHECK(Lexicon::shared(a)->size() > 50000);
}

TEST_CASE("the lexicon compiled into the library is what the build's hunspell-ar files give", "[lexicon]") {
  const auto words = xapian_arabic::read_ayaspell(Lexicon::dic_path(), Lexicon::aff_path());
  // Byte for byte: the same entries, default normalization, table layout and source hash.
  CHECK(xapian_arabic::LexiconTable::build(Normalizer(), words.entries, words.fingerprint, true) ==
        xapian_arabic::compiled_lexicon());
  CHECK(Lexicon::source_fingerprint() == words.fingerprint);
  // The entries kept for other normalizations come back as read.
  const auto compiled = xapian_arabic::LexiconTable::parse(xapian_arabic::compiled_lexicon(), "compiled");
  const auto raw = compiled.raw_entries();
  REQUIRE(raw.size() == words.entries.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    INFO(i << ": " << words.entries[i].word);
    CHECK(raw[i].word == words.entries[i].word);
    CHECK(raw[i].bits == words.entries[i].bits);
  }
}

TEST_CASE("the default normalization's lexicon is the compiled table; other options normalize its entries",
          "[lexicon]") {
  const Normalizer stock(AnalysisSettings{}.normalization);
  const auto compiled = Lexicon::shared(stock);
  CHECK_FALSE(compiled->built_at_run_time());
  const Lexicon from_files(stock, Lexicon::dic_path(), Lexicon::aff_path());
  CHECK(from_files.size() == compiled->size());

  NormalizerOptions options;
  options.fold_alef = false;
  const Normalizer other(options);
  const auto made = Lexicon::shared(other);
  CHECK(made->built_at_run_time());
  const Lexicon other_from_files(other, Lexicon::dic_path(), Lexicon::aff_path());
  CHECK(made->size() == other_from_files.size());
  for (const char* form : {"أمريكيون", "إسرائيلية", "مباريات", "قرارات", "وزير"}) {
    INFO(form);
    CHECK(made->noun_lemma(other.normalize(form)) == other_from_files.noun_lemma(other.normalize(form)));
    CHECK(compiled->noun_lemma(stock.normalize(form)) == from_files.noun_lemma(stock.normalize(form)));
  }
  CHECK(made->noun_lemma(other.normalize("أمريكيون")) != compiled->noun_lemma(stock.normalize("أمريكيون")));
}

TEST_CASE("a truncated or foreign lexicon blob is a TableError naming it", "[lexicon]") {
  using xapian_arabic::LexiconTable;
  const std::string_view blob = xapian_arabic::compiled_lexicon();
  CHECK_THROWS_WITH(LexiconTable::parse(blob.substr(0, 20), "blob.bin"),
                    Catch::Contains("blob.bin") && Catch::Contains("too short"));
  CHECK_THROWS_WITH(LexiconTable::parse(blob.substr(0, blob.size() / 2), "blob.bin"),
                    Catch::Contains("blob.bin") && Catch::Contains("truncated"));
  std::string foreign(blob);
  foreign[7] = '9';  // another format version
  CHECK_THROWS_WITH(LexiconTable::parse(foreign, "blob.bin"), Catch::Contains("rebuild"));
}

TEST_CASE("a missing or foreign lexicon file is an error naming it", "[lexicon]") {
  const Normalizer normalizer;
  CHECK_THROWS_WITH(Lexicon(normalizer, "/nonexistent/ar.dic", Lexicon::aff_path()),
                    Catch::Contains("/nonexistent/ar.dic") && Catch::Contains("hunspell-ar"));
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("xa-lexicon-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "ar.aff") << "SET UTF-8\n";
  CHECK_THROWS_AS(Lexicon(normalizer, Lexicon::dic_path(), (dir / "ar.aff").string()), TableError);
  CHECK_THROWS_WITH(Lexicon(normalizer, Lexicon::dic_path(), (dir / "ar.aff").string()),
                    Catch::Contains((dir / "ar.aff").string()) && Catch::Contains("AF"));
  fs::remove_all(dir);
}

TEST_CASE("the analysis fingerprint covers plurals.txt; a folder without it means the built-in one",
          "[lexicon][stemmer]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("xa-plurals-fp-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name : {"prefixes.txt", "pronoun_suffixes.txt", "suffixes.txt", "protected.txt"})
    fs::copy_file(fs::path(XA_SOURCE_DIR) / "config/stemmer" / name, dir / name);
  AnalysisSettings user;
  user.stemmer_tables_dir = dir.string();
  CHECK(user.fingerprint() == AnalysisSettings{}.fingerprint());  // same contents, built-in plurals
  fs::copy_file(fs::path(XA_SOURCE_DIR) / "config/stemmer/plurals.txt", dir / "plurals.txt");
  CHECK(user.fingerprint() == AnalysisSettings{}.fingerprint());
  std::ofstream(dir / "plurals.txt", std::ios::app) << "أساطيل\tأسطول\n";
  CHECK(user.fingerprint() != AnalysisSettings{}.fingerprint());
  fs::remove_all(dir);
}
