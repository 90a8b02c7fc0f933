/** @file
 *  @brief NewsArticle → Xapian::Document following index_schema.h (Omega conventions).
 */
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_document.h>

#include <cstring>
#include <initializer_list>
#include <optional>
#include <set>
#include <vector>

#include "base/utf8.h"
#include "index/document_terms.h"

namespace xapian_arabic {

namespace {

// Xapian's limit is 245 bytes per term; keep room like Omega does for U terms.
constexpr std::size_t kMaxTermBytes = 240;
constexpr std::size_t kCutTermBytes = 200;
// Position gap between fields, as TermGenerator::increase_termpos() is used for,
// so a phrase never matches across the title and the body.
constexpr Xapian::termpos kFieldGap = 100;

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// One line of document data: newlines would start a new field.
void append_field(std::string& data, std::string_view name, std::string_view value) {
  data.append(name).push_back('=');
  const std::size_t start = data.size();
  data.append(value);
  // memchr per line end: a find_first_of("\r\n") over every body costs twice as much.
  for (char end : {'\n', '\r'}) {
    for (char* p = data.data() + start; (p = static_cast<char*>(std::memchr(p, end, data.data() + data.size() - p)));)
      *p++ = ' ';
  }
  data.push_back('\n');
}

std::string_view first_paragraph(std::string_view body, std::string_view& rest) {
  std::size_t start = 0;
  while (start < body.size() && (body[start] == '\n' || body[start] == '\r')) ++start;
  const std::size_t end = body.find('\n', start);
  if (end == std::string_view::npos) {
    rest = {};
    return body.substr(start);
  }
  rest = body.substr(end + 1);
  return body.substr(start, end - start);
}

}  // namespace

std::string bounded_term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + std::min(value.size(), kMaxTermBytes));
  term.append(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) return term.append(value);
  term.append(utf8::prefix(value, kCutTermBytes - std::min(prefix.size(), kCutTermBytes)));
  term.push_back(':');
  term.append(hex64(content_hash(value)));
  return term;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
  if (prefix.size() > 1 && !value.empty() && (is_ascii_upper(value[0]) || value[0] == ':')) {
    std::string p(prefix);
    p.push_back(':');
    return bounded_term(p, value);
  }
  return bounded_term(prefix, value);
}

std::string unique_term(const NewsArticle& article) {
  const std::string& id = !article.id.empty() ? article.id : !article.url.empty() ? article.url : article.path;
  return bounded_term(schema::kIdPrefix, id);
}

std::string source_key(const ExtractedSource& source, const Analyzer& analyzer) {
  if (!source.key.empty()) return source.key;
  const std::string name = analyzer.normalize(source.name);
  std::string key;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back('-');
    space = false;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

Xapian::Document make_news_document(const NewsArticle& article, const Analyzer& analyzer,
                                    const NewsDocumentOptions& options) {
  const FieldWeights& w = options.weights;
  Xapian::Document doc;
  const std::string id = !article.id.empty() ? article.id : !article.url.empty() ? article.url : article.path;
  doc.add_boolean_term(bounded_term(schema::kIdPrefix, id));
  if (!article.url.empty()) doc.add_boolean_term(bounded_term(schema::kUrlPrefix, article.url));
  if (!options.file.empty()) doc.add_boolean_term(boolean_term(schema::kFilePrefix, options.file));
  if (!options.language.empty()) doc.add_boolean_term(boolean_term(schema::kLanguagePrefix, options.language));

  // Title: as S-prefixed words and as body words; then the lead paragraph and the rest of the body.
  // All from one token stream over article_text(): the extractor's when it is given, else the
  // reader's (when it normalizes as the analyzer does).
  std::optional<TokenStream> own_stream;
  std::string own_text;
  const TokenStream* stream = options.stream ? options.stream : stream_of(article, analyzer.settings().normalization);
  if (!stream) {
    own_text = article_text(article);
    own_stream.emplace(analyzer.settings().normalization);
    own_stream->assign(own_text);
    stream = &*own_stream;
  }
  const ArticleParts parts = article_parts(article);
  Xapian::termpos pos = 0;
  if (!article.title.empty()) {
    const std::vector<AnalyzedTerm> title = analyzer.analyze(*stream, parts.title, article.title.size());
    analyzer.index_terms(doc, title, w.title, schema::kTitlePrefix);
    analyzer.index_terms(doc, title, w.title, {});
    if (!title.empty()) pos = title.back().position;
    if (options.synonyms) {
      analyzer.add_surface_synonyms(*stream, parts.title, article.title.size(), schema::kTitlePrefix,
                                    *options.synonyms);
      analyzer.add_surface_synonyms(*stream, parts.title, article.title.size(), {}, *options.synonyms);
    }
  }
  std::string_view rest;
  const std::string_view lead = first_paragraph(article.body, rest);
  const auto at = [&](std::string_view part) {
    return parts.body + static_cast<std::size_t>(part.data() - article.body.data());
  };
  pos = analyzer.index_text(doc, *stream, at(lead), at(lead) + lead.size(), pos + kFieldGap, w.lead, {},
                            options.synonyms);
  if (!rest.empty())
    pos = analyzer.index_text(doc, *stream, at(rest), at(rest) + rest.size(), pos, w.body, {}, options.synonyms);

  // Source and agencies: boolean keys for filters, names as words of the XS field only. They are
  // metadata, not the article's text: as unprefixed words, عربي was a term of 19,900 of news-bench's
  // 19,938 articles, so a query with العربية matched every article (docs/index-format.md).
  std::set<std::string> names;
  std::string source_name;
  if (article.source) {
    const std::string key = source_key(*article.source, analyzer);
    if (!key.empty()) {
      doc.add_boolean_term(boolean_term(schema::kSourcePrefix, key));
      doc.add_value(schema::kSourceSlot, key);
    }
    source_name = article.source->name;
    names.insert(article.source->name);
    if (!article.source->text.empty()) names.insert(article.source->text);
  }
  for (const ExtractedSource& agency : article.agencies) {
    const std::string key = source_key(agency, analyzer);
    if (!key.empty()) doc.add_boolean_term(boolean_term(schema::kAgencyPrefix, key));
    names.insert(agency.name);
  }
  Xapian::termpos source_pos = 0;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    source_pos = analyzer.index_text(doc, name, source_pos + kFieldGap, w.source, schema::kSourceTextPrefix);
  }
  if (!article.dateline_city.empty()) {
    doc.add_boolean_term(boolean_term(schema::kCityPrefix, analyzer.normalize(article.dateline_city)));
    analyzer.index_text(doc, article.dateline_city, 0, w.source, schema::kCityTextPrefix);
  }

  // Dates: D/M/Y terms and slots from the day; a date without a day gives what it has.
  if (article.published) {
    if (const auto day = day_of(*article.published)) {
      const std::string published_day = to_iso_basic(*day);
      doc.add_boolean_term(schema::kDayPrefix + published_day);
      doc.add_value(schema::kPublishedSlot, published_day);
      doc.add_value(schema::kPublishedDaysSlot, Xapian::sortable_serialise(static_cast<double>(days_from_civil(*day))));
      doc.add_boolean_term(schema::kMonthPrefix + published_day.substr(0, 6));
      doc.add_boolean_term(schema::kYearPrefix + published_day.substr(0, 4));
    } else if (const auto date = iso_date_of(article.published->value)) {  // a month or a year
      const std::string iso = to_iso(*date);                               // "YYYY-MM" or "YYYY"
      if (date->month) doc.add_boolean_term(schema::kMonthPrefix + iso.substr(0, 4) + iso.substr(5, 2));
      doc.add_boolean_term(schema::kYearPrefix + iso.substr(0, 4));
    }
  }
  if (article.updated) {
    if (const auto day = day_of(*article.updated)) doc.add_value(schema::kUpdatedSlot, to_iso_basic(*day));
  }

  // Content hash: what the document says, not where or when it was read.
  std::uint64_t hash = content_hash(id);
  for (const std::string* field : std::initializer_list<const std::string*>{&article.url, &article.title, &article.body,
                                                                            &source_name, &article.dateline_city}) {
    hash = content_hash(*field, hash);
  }
  hash = content_hash(article.published ? article.published->value : std::string(), hash);
  hash = content_hash(article.updated ? article.updated->value : std::string(), hash);
  doc.add_value(schema::kContentHashSlot, hex64(hash));

  // Document data: Omega's field=value lines, one field per line.
  std::string data;
  data.reserve(article.body.size() + article.title.size() * 2 + 512);
  append_field(data, "url", article.url);
  append_field(data, "caption", article.title);
  append_field(data, "sample", utf8::prefix(article.body, kSampleBytes));
  append_field(data, "type", options.type);
  append_field(data, "modtime", std::to_string(static_cast<long long>(options.modtime)));
  append_field(data, "size", std::to_string(article.title.size() + article.body.size()));
  append_field(data, "id", id);
  append_field(data, "title", article.title);
  append_field(data, "published", article.published ? article.published->value : std::string());
  append_field(data, "updated", article.updated ? article.updated->value : std::string());
  append_field(data, "source", source_name);
  append_field(data, "city", article.dateline_city);
  append_field(data, "path", article.path.empty() ? options.file : article.path);
  if (article.line) append_field(data, "line", std::to_string(article.line));
  append_field(data, "text", article.body);
  doc.set_data(data);
  return doc;
}

}  // namespace xapian_arabic
