/** @file
 *  @brief Analyzer on a real Xapian database: index-time and query-time analysis agree.
 */
#include <unistd.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/arabic_stopper.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace xapian_arabic;

namespace {

// An in-memory database holding one document per text; returns the docids a query matches.
class Corpus {
 public:
  explicit Corpus(const std::vector<std::string>& texts, const AnalysisSettings& settings = {})
      : analyzer_(settings), db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    for (const auto& text : texts) {
      Xapian::Document doc;
      analyzer_.index_text(doc, text);
      doc.set_data(text);
      db_.add_document(doc);
    }
    analyzer_.write_metadata(db_);
  }

  std::set<Xapian::docid> search(const std::string& query) {
    Xapian::QueryParser parser = analyzer_.make_query_parser();
    parser.set_database(db_);
    Xapian::Enquire enquire(db_);
    enquire.set_query(analyzer_.parse_query(parser, query));
    std::set<Xapian::docid> ids;
    for (auto it = enquire.get_mset(0, 100).begin(); it != Xapian::MSetIterator(); ++it) ids.insert(*it);
    return ids;
  }

  Analyzer& analyzer() { return analyzer_; }
  Xapian::WritableDatabase& db() { return db_; }

 private:
  Analyzer analyzer_;
  Xapian::WritableDatabase db_;
};

using Ids = std::set<Xapian::docid>;

}  // namespace

TEST_CASE("a query for a word finds its inflections with clitics", "[analyzer]") {
  Corpus corpus({"شكر الوزير والمعلمين على جهودهم", "قدمت الوزارة منحا للمعلمين الجدد", "المعلمون في إضراب",
                 "لا علاقة لهذا النص بالموضوع"});
  CHECK(corpus.search("المعلمين") == Ids{1, 2, 3});
}

TEST_CASE("diacritized and undiacritized text match each other", "[analyzer]") {
  Corpus corpus({"وَصَلَ الرَّئِيسُ إِلَى الْقَاهِرَةِ", "وصل الرئيس الى القاهرة"});
  CHECK(corpus.search("القاهرة") == Ids{1, 2});
  CHECK(corpus.search("الْقَاهِرَةُ") == Ids{1, 2});
}

TEST_CASE("alef variants match each other", "[analyzer]") {
  Corpus corpus({"التقى أحمد بالوفد", "التقى احمد بالوفد", "التقى إحمد بالوفد"});
  for (const char* q : {"أحمد", "احمد", "إحمد"}) {
    INFO(q);
    CHECK(corpus.search(q) == Ids{1, 2, 3});
  }
}

TEST_CASE("Arabic-Indic and Persian digits match ASCII digits", "[analyzer]") {
  Corpus corpus({"قتل ٢٥ شخصا في عام ٢٠٢٤", "قتل 25 شخصا", "سال ۲۰۲۴"});
  CHECK(corpus.search("2024") == Ids{1, 3});
  CHECK(corpus.search("٢٥") == Ids{1, 2});
}

TEST_CASE("presentation forms match plain letters", "[analyzer]") {
  // ﻣﺤﻤﺪ written with presentation forms, and the lam-alef ligature in ﻻجئين.
  Corpus corpus({"\uFEE3\uFEA4\uFEE4\uFEAA في المخيم", "\uFEFBجئون في المخيم"});
  CHECK(corpus.search("محمد") == Ids{1});
  CHECK(corpus.search("لاجئون") == Ids{2});
}

TEST_CASE("a name is not cut into another word: بوتين does not match وتين", "[analyzer]") {
  Corpus corpus({"تحدث بوتين عن الاقتصاد", "مرض في الوتين والقلب", "قال وبوتين أيضا"});
  CHECK(corpus.search("بوتين") == Ids{1, 3});
}

TEST_CASE("phrase queries work on normalized text", "[analyzer]") {
  Corpus corpus({"اجتمع مجلس الأمن الدولي أمس", "الأمن في مجلس النواب", "مَجْلِسُ الأَمْنِ يجتمع"});
  CHECK(corpus.search("\"مجلس الامن\"") == Ids{1, 3});
}

TEST_CASE("stopwords are dropped from queries but kept for phrases", "[analyzer]") {
  AnalysisSettings with_stopwords;
  with_stopwords.use_stopwords = true;
  Corpus corpus({"وصل الوفد إلى بيروت", "عاد الوفد من بيروت"}, with_stopwords);
  CHECK(corpus.search("إلى بيروت") == Ids{1, 2});
  CHECK(corpus.search("\"إلى بيروت\"") == Ids{1});
}

TEST_CASE("boolean operators survive query normalization", "[analyzer]") {
  Corpus corpus({"بوتين في موسكو", "بوتين في بكين", "ماكرون في باريس"});
  CHECK(corpus.search("بوتين AND موسكو") == Ids{1});
  CHECK(corpus.search("بوتين NOT موسكو") == Ids{2});
  CHECK(corpus.search("موسكو OR باريس") == Ids{1, 3});
}

TEST_CASE("Latin words inside Arabic text are case folded and stemmed", "[analyzer]") {
  Corpus corpus({"قال مدير شركة Google إن Meetings ستعقد", "اجتماع OPEC+ في فيينا"});
  CHECK(corpus.search("google") == Ids{1});
  CHECK(corpus.search("meeting") == Ids{1});
  CHECK(corpus.search("OPEC+") == Ids{2});
}

TEST_CASE("an acronym with dots is one word at index and at query time", "[analyzer]") {
  Corpus corpus({"قالت الأمم المتحدة U.N. إن", "وكالة UN للأنباء", "حرف U ثم حرف N"});
  CHECK(corpus.search("U.N.") == Ids{1, 2});
  CHECK(corpus.search("un") == Ids{1, 2});
  CHECK(corpus.search("\"U.N\"") == Ids{1, 2});
}

TEST_CASE("index terms of the words layout follow TermGenerator's STEM_SOME layout", "[analyzer]") {
  AnalysisSettings with_stopwords;
  with_stopwords.use_stopwords = true;
  Analyzer analyzer(with_stopwords, IndexLayout::words);
  Xapian::Document doc;
  analyzer.index_text(doc, "والمعلمين في ٢٠٢٤");
  std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  const std::string stem = analyzer.stem("والمعلمين");
  // STOP_STEMMED: the stopword في keeps its positional term but gets no Z-term.
  CHECK(terms == std::vector<std::string>{"2024", "Z" + stem, "في", "والمعلمين"});
  // Positions on the unstemmed terms only.
  auto it = doc.termlist_begin();
  it.skip_to("والمعلمين");
  CHECK(std::vector<Xapian::termpos>(it.positionlist_begin(), it.positionlist_end()) ==
        std::vector<Xapian::termpos>{1});
}

TEST_CASE("analysis fingerprint stored in the database guards against mixed settings", "[analyzer]") {
  Corpus corpus({"نص للاختبار"});
  REQUIRE(corpus.db().get_metadata(Analyzer::kMetadataKey) == corpus.analyzer().metadata_value());
  Analyzer same;
  CHECK_NOTHROW(same.check_compatible(corpus.db()));
  AnalysisSettings other;
  other.stemmer = StemmerKind::snowball;
  CHECK_THROWS_AS(Analyzer(other).check_compatible(corpus.db()), IncompatibleIndexError);
  CHECK_THROWS_WITH(Analyzer(other).check_compatible(corpus.db()), Catch::Matchers::Contains("reindex"));
}

TEST_CASE("an index stores its analysis settings and gives them back", "[analyzer]") {
  AnalysisSettings built;
  built.stemmer = StemmerKind::none;
  built.normalization.fold_teh_marbuta = false;
  built.use_stopwords = true;
  Corpus corpus({"نص للاختبار"}, built);
  const auto stored = Analyzer::stored_settings(corpus.db());
  REQUIRE(stored);
  CHECK(stored->stemmer == StemmerKind::none);
  CHECK_FALSE(stored->normalization.fold_teh_marbuta);
  CHECK(stored->use_stopwords);
  CHECK(stored->fingerprint() == built.fingerprint());
  CHECK_NOTHROW(Analyzer(*stored).check_compatible(corpus.db()));
}

TEST_CASE("a config that disagrees with the index names the keys and values that differ", "[analyzer]") {
  AnalysisSettings built;
  built.stemmer = StemmerKind::none;
  built.normalization.fold_teh_marbuta = false;
  Corpus corpus({"نص للاختبار"}, built);
  const std::string expected =
      "[normalization] fold_teh_marbuta = false in the index, true here; "
      "[stemming] stemmer = \"none\" in the index, \"light\" here";
  CHECK_THROWS_WITH(Analyzer().check_compatible(corpus.db()), Catch::Matchers::Contains(expected));
}

TEST_CASE("an index with only the fingerprint (0.1.0) keeps working as before", "[analyzer]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(Xapian::Document());
  db.set_metadata(Analyzer::kMetadataKey, Analyzer().metadata_value());
  CHECK_FALSE(Analyzer::stored_settings(db));
  CHECK_NOTHROW(Analyzer({}, IndexLayout::words).check_compatible(db));
  AnalysisSettings other;
  other.stemmer = StemmerKind::none;
  CHECK_THROWS_WITH(Analyzer(other).check_compatible(db), Catch::Matchers::Contains("stem=none"));
}

TEST_CASE("an index records its layout, and one without the key is laid out as words", "[analyzer][layout]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_FALSE(Analyzer::stored_layout(db));  // empty: any layout may start it
  CHECK_NOTHROW(Analyzer().check_compatible(db));
  Analyzer().write_metadata(db);
  CHECK(db.get_metadata(Analyzer::kLayoutMetadataKey) == "stems");
  CHECK(Analyzer::stored_layout(db) == IndexLayout::stems);
  db.add_document(Xapian::Document());
  CHECK_NOTHROW(Analyzer().check_compatible(db));
  CHECK_THROWS_WITH(Analyzer({}, IndexLayout::words).check_compatible(db),
                    Catch::Matchers::Contains("[index] layout = \"stems\" in the index, \"words\" here"));
  CHECK_THROWS_AS(Analyzer({}, IndexLayout::words).check_compatible(db), IncompatibleIndexError);

  // Written before the layout was recorded: words.
  db.set_metadata(Analyzer::kLayoutMetadataKey, "");
  CHECK(Analyzer::stored_layout(db) == IndexLayout::words);
  CHECK_NOTHROW(Analyzer({}, IndexLayout::words).check_compatible(db));
  CHECK_THROWS_WITH(Analyzer().check_compatible(db),
                    Catch::Matchers::Contains("[index] layout = \"words\" in the index, \"stems\" here"));

  db.set_metadata(Analyzer::kLayoutMetadataKey, "trigrams");
  CHECK_THROWS_WITH(Analyzer::stored_layout(db), Catch::Matchers::Contains("trigrams"));
}

TEST_CASE("index terms of the stems layout: one positional term per word, its stem or the normalized word",
          "[analyzer][layout]") {
  AnalysisSettings with_stopwords;
  with_stopwords.use_stopwords = true;
  Analyzer analyzer(with_stopwords);
  Xapian::Document doc;
  analyzer.index_text(doc, "والمعلمين في ٢٠٢٤");
  std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  const std::string stem = analyzer.stem("والمعلمين");
  // The stopword and the number have no stem: their normalized word, with the Z.
  CHECK(terms == std::vector<std::string>{"Z2024", "Zفي", "Z" + stem});
  const auto positions = [&](const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    REQUIRE(it != doc.termlist_end());
    REQUIRE(*it == term);
    return std::vector<Xapian::termpos>(it.positionlist_begin(), it.positionlist_end());
  };
  CHECK(positions("Z" + stem) == std::vector<Xapian::termpos>{1});
  CHECK(positions("Zفي") == std::vector<Xapian::termpos>{2});
  CHECK(positions("Z2024") == std::vector<Xapian::termpos>{3});
  // The Stem a snippet or a QueryParser needs gives the same terms from raw words.
  Xapian::Stem term = analyzer.term_stemmer();
  CHECK(term("والمعلمين") == stem);
  CHECK(term("في") == "في");
  CHECK(term("٢٠٢٤") == "2024");
}

TEST_CASE("stems layout: a phrase query matches on stems, in order", "[analyzer][layout]") {
  Corpus corpus({"وصل وزير الخارجية إلى بيروت", "وصل الوزير إلى الخارجية", "وزراء الخارجية العرب"});
  // Other inflections of the same two words, adjacent and in order (as Lucene's phrase on stems):
  // the broken plural وزراء has the stem of وزير.
  CHECK(corpus.search("\"الوزير الخارجيه\"") == Ids{1, 3});
  CHECK(corpus.search("\"وزراء الخارجية\"") == Ids{1, 3});
  CHECK(corpus.search("\"الخارجية وزير\"").empty());
  CHECK(corpus.search("الوزير الخارجية") == Ids{1, 2, 3});
}

TEST_CASE("stems layout: a wildcard expands over the stems", "[analyzer][layout]") {
  Corpus corpus({"شكر الوزير والمعلمين", "قدمت الوزارة منحا للمعلمات", "لا علاقة لهذا النص"});
  Xapian::QueryParser parser = corpus.analyzer().make_query_parser();
  parser.set_database(corpus.db());
  const auto matching = [&](const std::string& query) {
    Xapian::Enquire enquire(corpus.db());
    enquire.set_query(corpus.analyzer().parse_query(parser, query,
                                                    Analyzer::kDefaultQueryFlags | Xapian::QueryParser::FLAG_WILDCARD));
    Ids ids;
    for (auto it = enquire.get_mset(0, 10).begin(); it != Xapian::MSetIterator(); ++it) ids.insert(*it);
    return ids;
  };
  // معلم* is the stem's beginning: المعلمين and المعلمات both have stems that start so.
  CHECK(matching("معلم*") == Ids{1, 2});
  CHECK(matching("وزا*") == Ids{2});
}

TEST_CASE("stored settings naming a user's stemmer tables: an edited or removed table is detected", "[analyzer]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("xa-stored-settings-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name : {"prefixes.txt", "pronoun_suffixes.txt", "suffixes.txt", "protected.txt"})
    fs::copy_file(fs::path(XA_SOURCE_DIR) / "config/stemmer" / name, dir / name);
  AnalysisSettings built;
  built.stemmer_tables_dir = dir.string();
  Corpus corpus({"والمعلمين في المدرسة"}, built);
  const auto stored = Analyzer::stored_settings(corpus.db());
  REQUIRE(stored);
  CHECK(stored->stemmer_tables_dir == dir.string());

  std::ofstream(dir / "protected.txt", std::ios::app) << "معلمين\n";  // edited since the index was built
  CHECK_THROWS_WITH(Analyzer::stored_settings(corpus.db()), Catch::Matchers::Contains("tables of other contents"));
  fs::remove(dir / "protected.txt");
  CHECK_THROWS_WITH(Analyzer::stored_settings(corpus.db()), Catch::Matchers::Contains("protected.txt"));
  fs::remove_all(dir);
  CHECK_THROWS_WITH(Analyzer::stored_settings(corpus.db()), Catch::Matchers::Contains(dir.string()));
  CHECK_THROWS_AS(Analyzer::stored_settings(corpus.db()), IncompatibleIndexError);
}

TEST_CASE("a database not built by xapian-arabic is refused when it has documents", "[analyzer]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Analyzer analyzer;
  CHECK_NOTHROW(analyzer.check_compatible(db));
  db.add_document(Xapian::Document());
  CHECK_THROWS_AS(analyzer.check_compatible(db), IncompatibleIndexError);
}

TEST_CASE("the Xapian::Stem works with Xapian's own TermGenerator and snippets", "[analyzer]") {
  Xapian::Stem stem = make_stem();
  CHECK(stem("والمعلمين") == stem("للمعلمين"));
  CHECK(stem.get_description() == "Xapian::Stem(xapian-arabic(light))");
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator generator;
  generator.set_stemmer(stem);
  Xapian::Document doc;
  const std::string text = "كرّم الوزير والمعلمين المتميزين";
  generator.set_document(doc);
  generator.index_text(text);
  db.add_document(doc);
  Xapian::QueryParser parser;
  parser.set_stemmer(stem);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query("للمعلمين"));
  Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 1);
  CHECK_THAT(mset.snippet(text, 200, stem), Catch::Matchers::Contains("<b>والمعلمين</b>"));
}

TEST_CASE("the stopper stops normalized variants of its words", "[analyzer]") {
  ArabicStopper stopper;
  CHECK(stopper("إلى"));
  CHECK(stopper("الى"));
  CHECK(stopper("أنّ"));
  CHECK_FALSE(stopper("بيروت"));
}
