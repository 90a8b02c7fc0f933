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
