/** @file
 *  @brief ArabicStopper: the built-in list, a user's list, a missing list, and inside QueryParser.
 */
#include <unistd.h>
#include <xapian.h>
#include <xapian_arabic/arabic_stopper.h>
#include <xapian_arabic/error.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

using namespace xapian_arabic;
namespace fs = std::filesystem;

TEST_CASE("the built-in stopper knows its words normalized and as written", "[stopper]") {
  const ArabicStopper stopper;
  CHECK(stopper.size() > 100);
  CHECK(stopper("إلى"));
  CHECK(stopper.is_stopword_normalized("الي"));        // إلى as the normalizer writes it
  CHECK_FALSE(stopper.is_stopword_normalized("إلى"));  // not normalized: only operator() normalizes
  CHECK(stopper.get_description() == "xapian_arabic::ArabicStopper(" + std::to_string(stopper.size()) + " words)");
}

TEST_CASE("a user's stopword file replaces the built-in list", "[stopper]") {
  const fs::path file = fs::temp_directory_path() / ("xa-stopper-test-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file) << "# two words\nبيروت\n\nمدرسة\n";
  AnalysisSettings settings;
  settings.stopwords_file = file.string();
  const ArabicStopper stopper(settings);
  fs::remove(file);
  CHECK(stopper.size() == 2);
  CHECK(stopper("بيروت"));
  CHECK(stopper("المدرسة") == false);
  CHECK(stopper("مدرسه"));  // entries are normalized (teh marbuta folded)
  CHECK_FALSE(stopper("إلى"));
}

TEST_CASE("a missing stopword file is a TableError naming it", "[stopper]") {
  AnalysisSettings settings;
  settings.stopwords_file = "/nonexistent/xa-stopwords.txt";
  CHECK_THROWS_AS(ArabicStopper(settings), TableError);
  CHECK_THROWS_WITH(ArabicStopper(settings), Catch::Matchers::Contains("/nonexistent/xa-stopwords.txt"));
}

TEST_CASE("the stopper works inside Xapian's QueryParser", "[stopper]") {
  // Xapian holds a stopper by reference count: one handed over with release() is freed by it.
  Xapian::QueryParser parser;
  parser.set_stopper((new ArabicStopper())->release());
  parser.set_default_op(Xapian::Query::OP_AND);
  CHECK(parser.parse_query("الى بيروت").get_description() == "Query(بيروت@2)");
}
