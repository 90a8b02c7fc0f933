/** @file
 *  @brief Config: defaults, every section read, and errors that name file and line.
 */
#include <xapian_arabic/config.h>

#include <catch2/catch.hpp>

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
  CHECK(config.weights.title == 3);
  CHECK(config.jsonl.body == std::vector<std::string>{"body", "text", "content"});
}

TEST_CASE("config values are read from every section", "[config]") {
  const Config config = Config::parse(R"(
[normalization]
fold_teh_marbuta = false
[stemming]
stemmer = "snowball"
tables_dir = "my-tables"
[index]
threads = 2
[bm25]
k1 = 0.9
b = 0.4
[recency]
enabled = true
[jsonl]
body = ["article"]
)",
                                      "test.toml", "/etc/xa");
  CHECK_FALSE(config.analysis.normalization.fold_teh_marbuta);
  CHECK(config.analysis.stemmer == StemmerKind::snowball);
  CHECK(config.analysis.stemmer_tables_dir == "/etc/xa/my-tables");
  CHECK(config.index.threads == 2);
  CHECK(config.bm25.k1 == Approx(0.9));
  CHECK(config.bm25.b == Approx(0.4));
  CHECK(config.recency.enabled);
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
      {"[index]\nthreads = \"two\"\n", "test.toml:2: [index] threads must be a whole number"},
      {"[normalization]\nfold_alef = 1\n", "test.toml:2: [normalization] fold_alef must be true or false"},
      {"\n[search\n", "test.toml:2:"},
      {"[colour]\nred = 1\n", "test.toml:1: unknown section or key 'colour'"},
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
