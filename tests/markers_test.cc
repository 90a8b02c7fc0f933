/** @file
 *  @brief The one markers table: its format, one parse per file, and a user's table read by the
 *  layout (NewsReader), the date grammar (DateExtractor) and the source grammar alike.
 */
#include "tables/markers.h"

#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/date_extractor.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/news_reader.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tables/data_files.h"

using namespace xapian_arabic;

namespace {

/// A scratch folder, removed when the test ends.
struct ScratchDir {
  std::filesystem::path path;
  explicit ScratchDir(const char* name) : path(std::filesystem::temp_directory_path() / name) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
};

/// The built-in markers table with @p extra rows appended, written to @p path.
std::string write_markers(const std::filesystem::path& path, const std::string& extra) {
  std::ofstream(path, std::ios::binary) << read_table("layout/markers.tsv") << extra;
  return path.string();
}

}  // namespace

TEST_CASE("markers table: one row per phrase, its kind says who reads it", "[markers]") {
  const auto table = MarkerTable::load({});
  CHECK(table->name() == "config/layout/markers.tsv");
  const auto& published = table->phrases(MarkerKind::published);
  CHECK(std::count_if(published.begin(), published.end(), [](const auto& p) { return p.text == "تاريخ النشر"; }) == 1);

  // updated: a header label and a date marker in running text.
  const DateExtractor dates;
  CHECK(dates.extract("آخر تحديث: 12 مارس 2024").at(0).kind == DateKind::updated);
  CHECK(NewsReader().parse_text("عنوان\nآخر تحديث: 12 مارس 2024\nنص الخبر\n").header.find("آخر تحديث") !=
        std::string::npos);
  // updated_label: only a header label (حدث في is "happened in" in running text).
  CHECK(dates.extract("ما حدث في 12 مارس 2024 كان مؤلما").at(0).kind == DateKind::mentioned);
  CHECK(NewsReader().parse_text("عنوان\nحدث في: 12 مارس 2024\nنص الخبر\n").header.find("حدث في") != std::string::npos);
  // published_marker: only marks a date (a line starting with نشر is not a header).
  CHECK(dates.extract("نشر: 12 مارس 2024").at(0).kind == DateKind::published);
  CHECK(NewsReader().parse_text("عنوان\nنشر 12 جنديا على الحدود\nنص الخبر\n").header.empty());
}

TEST_CASE("markers table: a malformed row names its file and line", "[markers]") {
  CHECK_THROWS_WITH(MarkerTable("# comment\nrelated\tاقرأ أيضا\nrelated\n", "my.tsv"),
                    Catch::StartsWith("my.tsv:3: expected 'kind<TAB>phrase'"));
  CHECK_THROWS_WITH(MarkerTable("published\tتاريخ النشر\n\nrelatd\tاقرأ أيضا\n", "my.tsv"),
                    Catch::StartsWith("my.tsv:3: unknown marker kind 'relatd'") && Catch::Contains("related"));
  CHECK_THROWS_AS(MarkerTable("related\tاقرأ أيضا\textra\n", "my.tsv"), TableError);
  // A date marker must be made of words: the date grammar says so at the table's line.
  DateExtractorOptions options;
  const ScratchDir dir("xa-markers-date-word-test");
  options.markers_file = write_markers(dir.path / "markers.tsv", "published\tنشر 2\n");
  const std::string builtin = read_table("layout/markers.tsv");
  const auto last_line = std::count(builtin.begin(), builtin.end(), '\n') + 1;  // the appended row
  CHECK_THROWS_WITH(DateExtractor(options),
                    Catch::StartsWith(options.markers_file + ":" + std::to_string(last_line) + ": "));
}

TEST_CASE("markers table: one parse per file while it is in use, a new one once it is edited", "[markers]") {
  const ScratchDir dir("xa-markers-load-test");
  const std::string file = write_markers(dir.path / "markers.tsv", "");
  const auto first = MarkerTable::load(file);
  CHECK(MarkerTable::load(file) == first);
  CHECK(MarkerTable::load({}) == MarkerTable::load({}));
  write_markers(file, "related\tطالع كذلك\n");
  const auto edited = MarkerTable::load(file);
  CHECK(edited != first);
  CHECK(edited->phrases(MarkerKind::related).back().text == "طالع كذلك");
}

TEST_CASE("markers table: a user's file changes what the layout, the dates and the sources find", "[markers]") {
  const ScratchDir dir("xa-markers-user-test");
  const std::string file = write_markers(dir.path / "markers.tsv",
                                         "related\tطالع كذلك\n"
                                         "published\tوقت الإصدار\n"
                                         "cue\tمنصة\n");
  const std::string text =
      "عنوان الخبر\n"
      "وقت الإصدار: 12 مارس 2024\n"
      "قال الوزير إن الاجتماع ناجح بحسب منصة الرياض.\n"
      "طالع كذلك\n"
      "خبر آخر لا صلة له\n";

  // The layout: the user's related marker ends the body, the user's label makes a header line.
  const NewsArticle builtin = NewsReader().parse_text(text);
  CHECK(builtin.related.empty());
  CHECK(builtin.body.find("خبر آخر") != std::string::npos);
  CHECK(builtin.header.empty());
  NewsReaderOptions reader_options;
  reader_options.markers_file = file;
  NewsArticle mine = NewsReader(reader_options).parse_text(text);
  CHECK(mine.related.find("خبر آخر") != std::string::npos);
  CHECK(mine.body.find("خبر آخر") == std::string::npos);
  CHECK(mine.header.find("وقت الإصدار") != std::string::npos);

  // The date grammar: the user's publication marker gives its kind to the date after it.
  const auto kinds = [](const DateExtractor& x) {
    const auto found = x.extract("وقت الإصدار: 12 مارس 2024");
    REQUIRE(found.size() == 1);
    return found[0].kind;
  };
  CHECK(kinds(DateExtractor()) == DateKind::mentioned);
  DateExtractorOptions date_options;
  date_options.markers_file = file;
  CHECK(kinds(DateExtractor(date_options)) == DateKind::published);

  // The source grammar: a contextual name (الرياض, also a city) after the user's cue is a citation.
  const auto cited = [](const SourceExtractor& x) {
    for (const auto& s : x.extract("قال الوزير إن الاجتماع ناجح بحسب منصة الرياض."))
      if (s.key == "alriyadh") return true;
    return false;
  };
  CHECK_FALSE(cited(SourceExtractor()));
  SourceExtractorOptions source_options;
  source_options.markers_file = file;
  CHECK(cited(SourceExtractor(source_options)));

  // ArticleExtractor passes [layout] markers_file to both extractors.
  ExtractionSettings settings;
  settings.markers_file = file;
  ArticleExtractor(settings).extract(mine);
  REQUIRE(mine.published);
  CHECK(mine.published->value == "2024-03-12");
}

TEST_CASE("markers table: a dates folder that still has its own markers.tsv is refused by name", "[markers]") {
  const ScratchDir dir("xa-markers-old-dates-test");
  for (const auto& entry : std::filesystem::directory_iterator(XA_SOURCE_DIR "/config/dates"))
    std::filesystem::copy_file(entry.path(), dir.path / entry.path().filename());
  DateExtractorOptions options;
  options.tables_dir = dir.path.string();
  CHECK_NOTHROW(DateExtractor(options));
  std::ofstream(dir.path / "markers.tsv") << "تاريخ النشر\tpublished\n";
  CHECK_THROWS_WITH(DateExtractor(options), Catch::StartsWith((dir.path / "markers.tsv").string() + ": ") &&
                                                Catch::Contains("config/layout/markers.tsv"));
}
