/** @file
 *  @brief NewsArticle → scriptindex record (fields of examples/omega/news.script).
 */
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/scriptindex_record.h>

#include <set>

#include "base/utf8.h"
#include "index/document_terms.h"

namespace xapian_arabic {

namespace {

// The normalized words of @p text in order, and their stems (stopwords and numbers have none).
void append_words(std::string& words, std::string& stems, const std::vector<AnalyzedTerm>& terms) {
  for (const AnalyzedTerm& t : terms) {
    if (!words.empty()) words.push_back(' ');
    words.append(t.term);
    if (t.stem.empty()) continue;
    if (!stems.empty()) stems.push_back(' ');
    stems.append(t.stem);
  }
}

}  // namespace

void append_scriptindex_field(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).push_back('=');
  for (char c : value) {
    if (c == '\r') continue;
    out.push_back(c);
    if (c == '\n') out.push_back('=');  // a continuation line, not a new field
  }
  out.push_back('\n');
}

std::string scriptindex_record(const NewsArticle& article, const Analyzer& analyzer, SurfaceSynonyms* synonyms) {
  std::string out;
  const std::string& id = !article.id.empty() ? article.id : !article.url.empty() ? article.url : article.path;
  append_scriptindex_field(out, "id", id);
  if (!article.url.empty()) append_scriptindex_field(out, "url", article.url);
  append_scriptindex_field(out, "caption", article.title);
  append_scriptindex_field(out, "sample", utf8::prefix(article.body, kSampleBytes));

  std::string words, stems;
  append_words(words, stems, analyzer.analyze(article.title));
  append_scriptindex_field(out, "title", words);
  append_scriptindex_field(out, "titlestems", stems);
  words.clear();
  stems.clear();
  append_words(words, stems, analyzer.analyze(article.body));
  append_scriptindex_field(out, "text", words);
  append_scriptindex_field(out, "stems", stems);
  if (synonyms) {
    analyzer.add_surface_synonyms(article.title, "S", *synonyms);
    analyzer.add_surface_synonyms(article.title, {}, *synonyms);
    analyzer.add_surface_synonyms(article.body, {}, *synonyms);
  }

  if (article.published) {
    append_scriptindex_field(out, "date", article.published->value);
    if (const auto day = day_of(*article.published)) {
      append_scriptindex_field(out, "published", to_iso_basic(*day));
      append_scriptindex_field(out, "days", std::to_string(days_from_civil(*day)));
    }
  }
  if (article.source) {
    append_scriptindex_field(out, "sourcename", article.source->name);
    const std::string key = source_key(*article.source, analyzer);
    if (!key.empty()) append_scriptindex_field(out, "source", key);
  }
  std::set<std::string> agencies;
  for (const ExtractedSource& agency : article.agencies) {
    const std::string key = source_key(agency, analyzer);
    if (!key.empty() && agencies.insert(key).second) append_scriptindex_field(out, "agency", key);
  }
  if (!article.dateline_city.empty()) append_scriptindex_field(out, "city", analyzer.normalize(article.dateline_city));
  out.push_back('\n');
  return out;
}

}  // namespace xapian_arabic
