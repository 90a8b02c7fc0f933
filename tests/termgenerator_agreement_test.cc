/** @file
 *  @brief Our words agree with Xapian's TermGenerator on real news text (a differential test).
 *
 *  The tokenizer promises TermGenerator's word rules, so plain Xapian tools
 *  (quest, Omega, python3-xapian) meet our terms. Here both read the 200 news-dev
 *  articles: TermGenerator (no stemmer) reads the text after our normalizer (with
 *  case folding left to TermGenerator, whose acronym rule needs the capitals), as
 *  those tools would read text normalized the same way, and our Analyzer reads
 *  the original. Every position must hold the same word.
 */
#include <xapian.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/arabic_stem.h>
#include <xapian_arabic/normalizer.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace xapian_arabic;

namespace {

using Words = std::map<Xapian::termpos, std::string>;

Words termgenerator_words(const std::string& text) {
  Xapian::TermGenerator generator;
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(text);
  Words words;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) words[*p] = *t;
  return words;
}

// Our normalization, but TermGenerator lower-cases by itself after reading U.N. as an acronym.
Normalizer normalizer_for_termgenerator() {
  NormalizerOptions options;
  options.case_fold_latin = false;
  return Normalizer(options);
}

Words our_words(const Analyzer& analyzer, const std::string& text) {
  Words words;
  for (const AnalyzedTerm& term : analyzer.analyze(text)) words[term.position] = term.term;
  return words;
}

std::string first_difference(const Words& ours, const Words& theirs) {
  for (auto a = ours.begin(), b = theirs.begin(); a != ours.end() || b != theirs.end(); ++a, ++b) {
    if (a == ours.end()) return "TermGenerator has more words from " + std::to_string(b->first) + ": " + b->second;
    if (b == theirs.end()) return "we have more words from " + std::to_string(a->first) + ": " + a->second;
    if (*a != *b)
      return "position " + std::to_string(a->first) + ": ours '" + a->second + "', TermGenerator's '" + b->second + "'";
  }
  return {};
}

}  // namespace

TEST_CASE("our words are TermGenerator's on Latin and mixed text", "[tokenizer][termgenerator]") {
  AnalysisSettings settings;
  settings.stemmer = StemmerKind::none;
  const Analyzer analyzer(settings);
  const Normalizer normalizer = normalizer_for_termgenerator();
  const char* texts[] = {
      "The U.N. and I.B.M. met NATO in the U.S.A; P.T.O. U.S.A.b",
      "AT&T, M&S, O'Neil's C++ and C# and OPEC+ rose 3.5% to 1,000.25 on 21/11/2024",
      "_under score, snake_case, x_1 and __init__",
      "Reuters ( AFP ) said: \"I.B.M\" – e-mail www.example.com/a?b=c",
      "قالت وكالة U.N. للأنباء إن I.B.M. ستفتح مكتباً في بيروت",
      "فالكون+ و 3+ و x++++ و Z## و ب+ك و C+# و D+_",
  };
  for (const char* text : texts) {
    INFO(text);
    CHECK(first_difference(our_words(analyzer, text), termgenerator_words(normalizer.normalize(text))) == "");
  }
}

TEST_CASE("news-dev: our words are TermGenerator's on the normalized text", "[tokenizer][termgenerator][news-dev]") {
  AnalysisSettings settings;
  settings.stemmer = StemmerKind::none;
  const Analyzer analyzer(settings);
  const Normalizer normalizer = normalizer_for_termgenerator();
  std::size_t articles = 0, words = 0;
  for (const auto& entry : std::filesystem::directory_iterator(XA_SHARED_DATA_DIR "/news-dev")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const Words ours = our_words(analyzer, text.str());
    INFO(entry.path().filename().string());
    CHECK(first_difference(ours, termgenerator_words(normalizer.normalize(text.str()))) == "");
    ++articles;
    words += ours.size();
  }
  CHECK(articles == 200);
  CHECK(words > 50000);
}

TEST_CASE("Latin words get TermGenerator's stemmed terms, and words it does not stem get none",
          "[tokenizer][termgenerator]") {
  // Latin-script words: Snowball english, as Stem("english")
  const Analyzer analyzer(AnalysisSettings{}, IndexLayout::words);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  const std::string text = "_under the running U.N. forces, 3rd meetings and __init__ snake_case Reporters";
  Xapian::Document ours, theirs;
  analyzer.index_text(ours, text);
  generator.set_document(theirs);
  generator.index_text(text);
  std::vector<std::string> our_stems, their_stems;
  for (auto t = ours.termlist_begin(); t != ours.termlist_end(); ++t)
    if ((*t)[0] == 'Z') our_stems.push_back(*t);
  for (auto t = theirs.termlist_begin(); t != theirs.termlist_end(); ++t)
    if ((*t)[0] == 'Z') their_stems.push_back(*t);
  CHECK(our_stems == their_stems);
  CHECK(std::find(our_stems.begin(), our_stems.end(), "Z_under") == our_stems.end());
}

TEST_CASE("the stems layout is TermGenerator's STEM_ALL_Z: the same terms at the same positions",
          "[tokenizer][termgenerator][layout]") {
  const Analyzer analyzer(AnalysisSettings{}, IndexLayout::stems);
  Xapian::TermGenerator generator;
  generator.set_stemmer(make_stem());
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  const std::string text =
      "_under the running U.N. forces, 3rd meetings and __init__ snake_case Reporters "
      "وصل وزير الخارجية إلى بيروت في ٢٠٢٤";
  Xapian::Document ours, theirs;
  analyzer.index_text(ours, text);
  generator.set_document(theirs);
  generator.index_text(text);  // our Stem normalizes each word
  const auto dump = [](const Xapian::Document& doc) {
    std::vector<std::string> out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      std::string row = *t + ":" + std::to_string(t.get_wdf());
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) row += " " + std::to_string(*p);
      out.push_back(row);
    }
    return out;
  };
  CHECK(dump(ours) == dump(theirs));
}
