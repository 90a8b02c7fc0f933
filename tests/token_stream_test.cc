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
#include <fstream>
#include <iterator>
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

/// Whether @p a and @p b have the same text and the same atoms with the same forms.
bool same_stream(const TokenStream& a, const TokenStream& b) {
  if (a.text() != b.text() || a.atoms().size() != b.atoms().size()) return false;
  for (std::size_t i = 0; i < a.atoms().size(); ++i) {
    const Atom &x = a.atoms()[i], &y = b.atoms()[i];
    if (x.begin != y.begin || x.end != y.end || x.kind != y.kind || x.gap != y.gap || x.cp != y.cp ||
        x.digits != y.digits || x.arabic != y.arabic || x.value != y.value || a.normalized(x) != b.normalized(y)) {
      UNSCOPED_INFO("atom " << i << " differs: " << std::string(a.text().substr(x.begin, x.end - x.begin)));
      return false;
    }
  }
  return true;
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("token stream: lines taken from another stream make the stream of the joined text, on news-dev",
          "[token_stream][news-dev]") {
  std::size_t files = 0, copied = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(XA_SHARED_DATA_DIR) + "/news-dev")) {
    if (e.path().extension() != ".txt" || files++ % 4 != 0) continue;
    const std::string raw = file_text(e.path().string());
    TokenStream source;
    source.assign(raw);
    // Every non-empty line, the second half of each long one cut at a space as the layout cuts a
    // header date from the text run into it, with a written line between.
    TokenStream built;
    built.clear_owned();
    built.append_line("عنوان: G20");
    std::string joined = "عنوان: G20";
    for (std::size_t pos = 0; pos < raw.size();) {
      std::size_t eol = raw.find('\n', pos);
      if (eol == std::string::npos) eol = raw.size();
      std::size_t begin = pos, end = eol;
      pos = eol + 1;
      if (begin == end) continue;
      if (const std::size_t space = raw.find(' ', begin + (end - begin) / 2); space < end) begin = space + 1;
      built.append_line(source, begin, end);
      joined += "\n" + raw.substr(begin, end - begin);
      ++copied;
    }
    TokenStream fresh;
    fresh.assign(joined);
    INFO(e.path().string());
    CHECK(same_stream(built, fresh));
  }
  CHECK(files > 40);
  CHECK(copied > 200);
}

TEST_CASE("token stream: a part that cuts a word in two is tokenized anew", "[token_stream]") {
  const std::string raw = "أعلنت الوزارة اليوم";
  TokenStream source;
  source.assign(raw);
  TokenStream built;
  built.clear_owned();
  built.append_line(source, 4, raw.size());  // from inside أعلنت
  TokenStream fresh;
  const std::string expected = raw.substr(4);
  fresh.assign(expected);
  CHECK(same_stream(built, fresh));
}

TEST_CASE("token stream: a stream that owns its text keeps it through moves and copies", "[token_stream]") {
  TokenStream built;
  built.clear_owned();
  built.append_line("قال");  // short enough for a string's inline buffer
  built.append_line("G20");
  TokenStream copy = built;
  TokenStream moved = std::move(built);
  std::vector<TokenStream> many;
  for (int i = 0; i < 20; ++i) many.push_back(copy);  // reallocations move them
  TokenStream fresh;
  fresh.assign("قال\nG20");
  CHECK(same_stream(moved, fresh));
  CHECK(same_stream(copy, fresh));
  CHECK(same_stream(many.front(), fresh));
  CHECK(moved.owns_text());
}

TEST_CASE("one stream: the reader's layout pass leaves each article the stream of its text",
          "[token_stream][news-dev]") {
  std::size_t with_stream = 0;
  const std::vector<NewsArticle> all = news_dev_articles();
  for (const NewsArticle& article : all) {
    REQUIRE(article.stream);
    const TokenStream* own = stream_of(article);
    REQUIRE(own == article.stream.get());
    const std::string text = article_text(article);
    TokenStream fresh;
    fresh.assign(text);
    INFO(article.path);
    CHECK(same_stream(*own, fresh));
    ++with_stream;
  }
  CHECK(with_stream == 200);
  // Changed text: the stream is stale, and no consumer takes it.
  NewsArticle changed = all.front();
  changed.body += " المزيد";
  CHECK(stream_of(changed) == nullptr);
  NormalizerOptions other;
  other.fold_teh_marbuta = false;
  CHECK(stream_of(all.front(), other) == nullptr);
}

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
