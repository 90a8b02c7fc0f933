/** @file
 *  @brief libFuzzer target: the TOML config parser, and the data tables a config names.
 *
 *  The input is TOML, optionally followed by a line "#table" and the text of a table: that
 *  text is written as table.txt and as every file of tables/, so a config such as
 *  `[stopwords] file = "table.txt"`, `[layout] markers_file = "table.txt"` or
 *  `[dates] tables_dir = "tables"` makes the fuzzer
 *  load it. Bad input must be an exception that says what is wrong, never a crash.
 */
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/config.h>

#include <array>
#include <optional>

#include "fuzz_input.h"

using namespace xapian_arabic;

namespace {
constexpr std::array kTableNames = {"prefixes.txt",     "pronoun_suffixes.txt",
                                    "protected.txt",    "suffixes.txt",  // config/stemmer
                                    "cues.tsv",         "elapsed.tsv",
                                    "hijri_months.tsv", "months.tsv",
                                    "ordinals.tsv",  // config/dates
                                    "relative.tsv",     "times.tsv",
                                    "weekdays.tsv",     "zones.tsv"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  const auto split = input.find("\n#table\n");
  const std::string_view toml = input.substr(0, split);
  const std::string_view table = split == std::string_view::npos ? std::string_view() : input.substr(split + 8);
  const std::string dir = fuzz::scratch_dir().string();
  static std::optional<std::string> written;  // 14 files per input would be most of the time
  if (written != table) {
    fuzz::write_file("table.txt", table);
    std::filesystem::create_directories(fuzz::scratch_dir() / "tables");
    for (const char* name : kTableNames) fuzz::write_file(std::string("tables/") + name, table);
    written = std::string(table);
  }

  Config config;
  try {
    config = Config::parse(toml, "fuzz.toml", dir);
  } catch (const ConfigError& e) {
    fuzz::require(std::string_view(e.what()).starts_with("fuzz.toml"), "a config error names the file");
    return 0;
  }
  // Tables load when something is built from the config; only custom ones, to keep the fuzzer fast.
  const AnalysisSettings& a = config.analysis;
  const ExtractionSettings& x = config.extraction;
  try {
    if (!a.stemmer_tables_dir.empty() || !a.stopwords_file.empty()) {
      a.fingerprint();
      const Analyzer analyzer(a);
      analyzer.analyze("والمعلمين في المدرسة");
    }
    if (!x.aliases_file.empty() || !x.cities_file.empty() || !x.shapes_file.empty() || !x.dates_tables_dir.empty() ||
        !x.markers_file.empty() || x.islamic_calendar != ExtractionSettings{}.islamic_calendar) {
      const ArticleExtractor extractor(x);
      NewsArticle article;
      article.body = "دمشق - سانا\nأعلنت الوزارة في 5 رجب 1446 أمس الثلاثاء.";
      extractor.extract(article);
    }
  } catch (const std::exception& e) {  // a bad table: std::runtime_error naming the file and line
    fuzz::require(*e.what() != '\0', "a table error says what is wrong");
  }
  return 0;
}
