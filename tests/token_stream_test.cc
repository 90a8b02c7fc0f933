/** @file
 *  @brief The token stream: atoms, their normalized forms, TermGenerator's words, and one
 *  stream serving extraction and analysis with the results of separate passes.
 */
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_reader.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/token_stream.h>
#include <xapian_arabic/tokenizer.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "text/char_classes.h"

using namespace xapian_arabic;

namespace {

std::vector<NewsArticle> news_dev_articles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(XA_SHARED_DATA_DIR) + "/news-dev"))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<NewsArticle> articles;
  const NewsReader reader;
  for (const auto& f : files)
    reader.read_file(
        f, "", [&](NewsArticle&& a) { articles.push_back(std::move(a)); }, [](ReadError&&) {});
  return articles;
}

std::vector<std::string> terms_of(const Xapian::Document& doc) {
  std::vector<std::string> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::string row = *t + " wdf=" + std::to_string(t.get_wdf());
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) row += " " + std::to_string(*p);
    out.push_back(row);
  }
  return out;
}

}  // namespace

TEST_CASE("token stream: letters, digits and punctuation atoms with spans and gaps", "[token_stream]") {
  TokenStream stream;
  const std::string text = "قال، ٢١\nG20";
  stream.assign(text);
  const auto& a = stream.atoms();
  REQUIRE(a.size() == 5);
  CHECK(a[0].kind == AtomKind::letters);
  CHECK(a[0].arabic);
  CHECK(a[0].starts_line());
  CHECK(a[1].kind == AtomKind::punct);
  CHECK(a[1].cp == U'،');
  CHECK(a[1].gap == Gap::none);
  CHECK(a[2].kind == AtomKind::digits);
  CHECK(a[2].value == 21);
  CHECK(stream.normalized(a[2]) == "21");
  CHECK(a[2].gap == Gap::space);
  CHECK(a[3].starts_line());
  CHECK(stream.normalized(a[3]) == "g");
  CHECK(a[4].touches_previous());
  CHECK(a[4].end == text.size());
  CHECK(stream.atom_at(text.find('G')) == 3);
}

TEST_CASE("token stream: arena offsets never decrease, punctuation included", "[token_stream]") {
  // The grammars size their buffers for a range of atoms as last offset - first offset: a
  // punctuation atom at offset 0 made every line of an article reserve the whole article.
  TokenStream stream;
  stream.assign("قال الوزير: «نعم»، وغادر (رويترز) - 2024.");
  std::uint32_t previous = 0;
  for (const Atom& a : stream.atoms()) {
    CHECK(a.norm_offset >= previous);
    previous = a.norm_offset;
  }
  const Atom& last = stream.atoms().back();
  CHECK(last.kind == AtomKind::punct);
  CHECK(last.norm_offset == stream.arena().size());
}

TEST_CASE("token stream: each atom's form is the Normalizer's of its span, on news-dev", "[token_stream][news-dev]") {
  const Normalizer normalizer;
  TokenStream stream;
  std::size_t atoms = 0;
  for (const NewsArticle& article : news_dev_articles()) {
    const std::string text = article_text(article);
    stream.assign(text);
    for (const Atom& a : stream.atoms()) {
      if (a.kind == AtomKind::punct) continue;
      ++atoms;
      // One assertion per atom would dominate the sanitizer build's run: count, then check.
      if (stream.normalized(a) != normalizer.normalize(text.substr(a.begin, a.end - a.begin))) {
        INFO(text.substr(a.begin, a.end - a.begin));
        CHECK(false);
      }
    }
  }
  CHECK(atoms > 50000);
}

TEST_CASE("token stream: words() are tokenize()'s words, with normalized forms", "[token_stream]") {
  const std::string text = "O'Brien قال إن الـ G20 و U.N. و C++ بـ 3.5% و1,000";
  TokenStream stream;
  stream.assign(text);
  std::vector<StreamWord> words;
  stream.words(0, stream.atoms().size(), words);
  const std::vector<Token> tokens = tokenize(text);
  REQUIRE(words.size() == tokens.size());
  const Normalizer normalizer;
  for (std::size_t i = 0; i < words.size(); ++i) {
    INFO(tokens[i].text(text));
    CHECK(words[i].begin == tokens[i].begin);
    CHECK(words[i].end == tokens[i].end);
    CHECK(words[i].acronym == tokens[i].acronym);
    std::string expected = normalizer.normalize(tokens[i].text(text));
    if (tokens[i].acronym) std::erase(expected, '.');
    CHECK(words[i].normalized == expected);
  }
  CHECK(std::string(words[0].normalized) == "o'brien");
}

TEST_CASE("char classes: ICU's answer for letters, digits and spaces beyond the table", "[token_stream]") {
  using text::CharClass;
  CHECK(text::char_class(U'ب') == CharClass::letter);
  CHECK(text::char_class(U'\u064E') == CharClass::letter);  // fatha: a mark inside the word
  CHECK(text::char_class(U'٣') == CharClass::digit);
  CHECK(text::char_class(U'\u0967') == CharClass::digit);  // Devanagari one
  CHECK(text::char_class(U'\u3000') == CharClass::space);
  CHECK(text::char_class(U'\u200C') == CharClass::ignorable);
  CHECK(text::char_class(U'\u202B') == CharClass::control);
  CHECK(text::char_class(U'\u4E2D') == CharClass::letter);
  CHECK(text::char_class(U'،') == CharClass::punct);
}

TEST_CASE("one stream: extraction and the document equal separate passes over news-dev", "[token_stream][news-dev]") {
  const ArticleExtractor extractor;
  const Analyzer analyzer;
  TokenStream stream;
  std::size_t compared = 0, with_dates = 0;
  const std::vector<NewsArticle> all = news_dev_articles();
  // Every other article: the two document builds per article are what the sanitizer build pays for.
  for (std::size_t k = 0; k < all.size(); k += 2) {
    const NewsArticle& original = all[k];
    NewsArticle separate = original, shared = original;
    extractor.extract(separate);
    const std::string text = article_text(shared);
    stream.assign(text);
    extractor.extract(shared, stream);
    REQUIRE(shared.dates.size() == separate.dates.size());
    for (std::size_t i = 0; i < shared.dates.size(); ++i) {
      CHECK(shared.dates[i].value == separate.dates[i].value);
      CHECK(shared.dates[i].begin == separate.dates[i].begin);
    }
    REQUIRE(shared.agencies.size() == separate.agencies.size());
    CHECK(shared.dateline_city == separate.dateline_city);
    CHECK((shared.published ? shared.published->value : "") == (separate.published ? separate.published->value : ""));
    with_dates += shared.dates.empty() ? 0 : 1;

    NewsDocumentOptions options;
    const auto alone = terms_of(make_news_document(separate, analyzer, options));
    options.stream = &stream;
    CHECK(terms_of(make_news_document(shared, analyzer, options)) == alone);
    ++compared;
  }
  CHECK(compared == 100);
  CHECK(with_dates > 25);
}

TEST_CASE("one stream: an analyzer of other normalization rules re-normalizes the stream's words", "[token_stream]") {
  AnalysisSettings settings;
  settings.normalization.fold_teh_marbuta = false;
  const Analyzer analyzer(settings);
  const std::string text = "المدرسة الجديدة";
  TokenStream default_stream;  // the extractor's: ة folded
  default_stream.assign(text);
  const auto terms = analyzer.analyze(default_stream, 0, text.size());
  REQUIRE(terms.size() == 2);
  CHECK(terms[0].term == "المدرسة");
  CHECK(terms[0].term == analyzer.analyze(text)[0].term);
}
