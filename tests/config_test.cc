/** @file
 *  @brief Config: defaults, every section read, and errors that name file and line.
 */
#include <toml++/toml.h>
#include <xapian_arabic/config.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using xapian_arabic::Config;
using xapian_arabic::ConfigError;
using xapian_arabic::StemmerKind;

TEST_CASE("built-in defaults equal the documented defaults", "[config]") {
  const Config config = Config::defaults();
  CHECK(config.analysis.stemmer == StemmerKind::light);
  CHECK(config.analysis.normalization == xapian_arabic::NormalizerOptions{});
  CHECK_FALSE(config.analysis.use_stopwords);
  CHECK(config.search.exact_form_weight == Approx(0.25));
  CHECK(config.bm25.k1 == Approx(1.2));
  CHECK(config.search.weighting == xapian_arabic::WeightingScheme::dph);
  CHECK(config.weights.title == 3);
  CHECK(config.jsonl.body == std::vector<std::string>{"body", "text", "content"});
}

TEST_CASE("config values are read from every section", "[config]") {
  const Config config = Config::parse(R"(
[normalization]
fold_teh_marbuta = false
[stemming]
stemmer = "snowball"
tables_dir = "stemmer"
[index]
threads = 2
[bm25]
k1 = 0.9
b = 0.4
[recency]
enabled = true
[search]
weighting = "bm25"
[jsonl]
body = ["article"]
)",
                                      "test.toml", XA_SOURCE_DIR "/config");
  CHECK_FALSE(config.analysis.normalization.fold_teh_marbuta);
  CHECK(config.analysis.stemmer == StemmerKind::snowball);
  CHECK(config.analysis.stemmer_tables_dir == XA_SOURCE_DIR "/config/stemmer");
  CHECK(config.index.threads == 2);
  CHECK(config.bm25.k1 == Approx(0.9));
  CHECK(config.bm25.b == Approx(0.4));
  CHECK(config.recency.enabled);
  CHECK(config.search.weighting == xapian_arabic::WeightingScheme::bm25);
  CHECK(config.jsonl.body == std::vector<std::string>{"article"});
}

TEST_CASE("config errors name the file, the line and the problem", "[config]") {
  struct Row {
    const char* toml;
    const char* message;
  };
  const Row rows[] = {
      {"[normalization]\nfold_alef = true\nfold_alif = true\n",
       "test.toml:3: unknown key 'fold_alif' in [normalization]"},
      {"[stemming]\nstemmer = \"heavy\"\n", "test.toml:2: [stemming] unknown stemmer 'heavy'"},
      {"[bm25]\nb = 1.5\n", "test.toml:2: [bm25] b must be between 0 and 1"},
      {"[search]\nweighting = \"tfidf\"\n", "test.toml:2: [search] weighting must be dph, bm25 or dlh"},
      {"[index]\nthreads = \"two\"\n", "test.toml:2: [index] threads must be a whole number"},
      {"[normalization]\nfold_alef = 1\n", "test.toml:2: [normalization] fold_alef must be true or false"},
      {"\n[search\n", "test.toml:2:"},
      {"[colour]\nred = 1\n", "test.toml:1: unknown section or key 'colour'"},
      {"[stemming]\nlatin_stemmer = \"klingon\"\n",
       "test.toml:2: [stemming] latin_stemmer must be a Snowball language"},
      {"[stemming]\ntables_dir = \"/nonexistent/tables\"\n",
       "test.toml:2: [stemming] tables_dir no such folder: /nonexistent/tables"},
      {"[stopwords]\nfile = \"/nonexistent/stop.txt\"\n",
       "test.toml:2: [stopwords] file no such file: /nonexistent/stop.txt"},
      {"[sources]\n\naliases_file = \"/nonexistent/a.tsv\"\n",
       "test.toml:3: [sources] aliases_file no such file: /nonexistent/a.tsv"},
      {"[dates]\ntables_dir = \"/etc/passwd\"\n", "test.toml:2: [dates] tables_dir not a folder: /etc/passwd"},
  };
  for (const Row& row : rows) {
    INFO(row.toml);
    try {
      Config::parse(row.toml, "test.toml");
      FAIL("no error");
    } catch (const ConfigError& e) {
      CHECK_THAT(e.what(), Catch::Matchers::StartsWith(row.message));
    }
  }
}

TEST_CASE("a missing config file is an error naming it", "[config]") {
  CHECK_THROWS_WITH(Config::load("/nonexistent/xa.toml"), "/nonexistent/xa.toml: cannot open config file");
}

TEST_CASE("the shipped default.toml parses to the defaults", "[config]") {
  const Config shipped = Config::load(XA_SOURCE_DIR "/config/default.toml");
  CHECK(shipped.analysis.fingerprint() == Config::defaults().analysis.fingerprint());
}

TEST_CASE("config show writes every key and reads back to the same settings", "[config]") {
  Config changed = Config::defaults();
  changed.search.exact_form_weight = 0.0;  // once dropped by `config show`, which reloaded as 0.25
  changed.bm25.k1 = 0.9;
  changed.index.parallel_write = xapian_arabic::ParallelWrite::never;
  changed.analysis.stemmer = StemmerKind::snowball;
  changed.analysis.latin_stemmer = "none";
  changed.extraction.islamic_calendar = "islamic-civil";
  changed.jsonl.title = {"headline", "title \"quoted\""};
  changed.index.language = "ar-EG";
  const std::string toml = changed.to_toml();
  const Config reread = Config::parse(toml, "shown.toml");
  CHECK(reread.to_toml() == toml);
  CHECK(reread.search.exact_form_weight == 0.0);
  CHECK(reread.index.parallel_write == xapian_arabic::ParallelWrite::never);
  CHECK(reread.jsonl.title == changed.jsonl.title);
  CHECK(reread.analysis.fingerprint() == changed.analysis.fingerprint());
  for (const std::string& key : Config::key_names()) {
    INFO(key);
    CHECK(toml.find("\n" + key.substr(key.find('.') + 1) + " = ") != std::string::npos);
  }
}

TEST_CASE("to_toml of some sections writes only their keys, and parse reads them back", "[config]") {
  Config changed = Config::defaults();
  changed.analysis.stemmer = StemmerKind::none;
  changed.analysis.normalization.fold_teh_marbuta = false;
  changed.bm25.k1 = 0.9;  // not an analysis key: must not be written
  const std::string toml = changed.to_toml(Config::analysis_sections());
  CHECK(toml.starts_with("[normalization]\n"));
  CHECK(toml.find("[stemming]\n") != std::string::npos);
  CHECK(toml.find("[stopwords]\n") != std::string::npos);
  CHECK(toml.find("[bm25]") == std::string::npos);
  CHECK(toml.find("k1") == std::string::npos);
  const Config reread = Config::parse(toml, "index metadata");
  CHECK(reread.analysis.fingerprint() == changed.analysis.fingerprint());
  CHECK(reread.bm25.k1 == Config::defaults().bm25.k1);
  CHECK_THROWS_AS(changed.to_toml({"stemmming"}), ConfigError);
}

TEST_CASE("default.toml documents exactly the keys the parser knows", "[config]") {
  const toml::table shipped = toml::parse_file(XA_SOURCE_DIR "/config/default.toml");
  std::vector<std::string> documented;
  for (const auto& [section, table] : shipped)
    for (const auto& [key, value] : *table.as_table())
      documented.push_back(std::string(section.str()) + "." + std::string(key.str()));
  CHECK(documented.size() == Config::key_names().size());
  for (const std::string& key : Config::key_names()) {
    INFO(key);
    CHECK(std::find(documented.begin(), documented.end(), key) != documented.end());
  }
}

TEST_CASE("config check loads the tables a config names and reports a bad one at the config line", "[config]") {
  const auto dir = std::filesystem::temp_directory_path() / "xa-config-check-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "aliases.tsv") << "# bad table\nonly-one-field\n";
  std::ofstream(dir / "xa.toml") << "[search]\nlimit = 5\n[sources]\naliases_file = \"aliases.tsv\"\n";
  const std::string config = (dir / "xa.toml").string();
  CHECK_NOTHROW(Config::load(config));  // load() only checks that the file is there
  try {
    Config::check(config);
    FAIL("a malformed alias table passed config check");
  } catch (const ConfigError& e) {
    CHECK_THAT(e.what(), Catch::Matchers::StartsWith(config + ":4: [sources] aliases_file: ") &&
                             Catch::Matchers::Contains("aliases.tsv:2"));
  }
  std::ofstream(dir / "aliases.tsv", std::ios::trunc) << "sana\tسانا\tagency\tSANA|سانا\n";
  CHECK_NOTHROW(Config::check(config));
  std::filesystem::remove_all(dir);
}

TEST_CASE("config check rejects a malformed markers table at the config line and the table's line", "[config]") {
  const auto dir = std::filesystem::temp_directory_path() / "xa-config-check-markers-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "markers.tsv") << "# my markers\nrelated\tطالع كذلك\nrelatd\tاقرأ أيضا\n";
  // [sources] too: the markers table is still blamed on [layout], not on the first table key.
  std::ofstream(dir / "xa.toml")
      << "[sources]\ncities_file = \"markers.tsv\"\n[layout]\nmarkers_file = \"markers.tsv\"\n";
  const std::string config = (dir / "xa.toml").string();
  CHECK_NOTHROW(Config::load(config));
  try {
    Config::check(config);
    FAIL("a malformed markers table passed config check");
  } catch (const ConfigError& e) {
    CHECK_THAT(e.what(), Catch::Matchers::StartsWith(config + ":4: [layout] markers_file: ") &&
                             Catch::Matchers::Contains("markers.tsv:3: unknown marker kind 'relatd'"));
  }
  std::ofstream(dir / "markers.tsv", std::ios::trunc) << "related\tطالع كذلك\n";
  CHECK_NOTHROW(Config::check(config));
  CHECK(Config::load(config).extraction.markers_file == (dir / "markers.tsv").string());
  std::filesystem::remove_all(dir);
}
