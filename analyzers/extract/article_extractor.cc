/** @file
 *  @brief Fills in a NewsArticle's dates, publication and update date, source, agencies and dateline city.
 */
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/token_stream.h>

#include <algorithm>
#include <unordered_set>

namespace xapian_arabic {

ArticleParts article_parts(const NewsArticle& article) {
  ArticleParts parts;
  parts.title = 0;
  parts.header = article.title.size() + 1;
  parts.body = parts.header + article.header.size() + 1;
  parts.related = parts.body + article.body.size() + 1;
  return parts;
}

std::string article_text(const NewsArticle& article) {
  std::string text;
  text.reserve(article.title.size() + article.header.size() + article.body.size() + article.related.size() + 3);
  text.append(article.title).append("\n").append(article.header).append("\n").append(article.body).append("\n");
  text.append(article.related);
  return text;
}

const TokenStream* stream_of(const NewsArticle& article, const NormalizerOptions& normalization) {
  const TokenStream* stream = article.stream.get();
  if (!stream || !stream->normalizes() || !(stream->normalization() == normalization)) return nullptr;
  // Still the text of the article's parts? (Compared part by part: no joined copy is made.)
  std::string_view text = stream->text();
  bool first = true;
  for (const std::string* part : {&article.title, &article.header, &article.body, &article.related}) {
    if (!first) {
      if (text.empty() || text.front() != '\n') return nullptr;
      text.remove_prefix(1);
    }
    first = false;
    if (!text.starts_with(*part)) return nullptr;
    text.remove_prefix(part->size());
  }
  return text.empty() ? stream : nullptr;
}

ArticleExtractor::ArticleExtractor(const ExtractionSettings& settings)
    : ArticleExtractor(settings.date_options(), settings.source_options()) {}

ArticleExtractor::ArticleExtractor(const DateExtractorOptions& dates, const SourceExtractorOptions& sources)
    : dates_(dates), sources_(sources) {}

void ArticleExtractor::extract(NewsArticle& article) const {
  if (const TokenStream* own = stream_of(article)) {
    extract(article, *own);
    return;
  }
  const std::string text = article_text(article);
  TokenStream stream;
  stream.assign(text);
  extract(article, stream);
}

void ArticleExtractor::extract(NewsArticle& article, const TokenStream& stream) const {
  const ArticleParts parts = article_parts(article);
  const std::size_t header_end = parts.header + article.header.size();
  const std::size_t body_end = parts.body + article.body.size();
  const std::size_t related_end = parts.related + article.related.size();

  // Sources: the body (its first line is the opening with the dateline) and the title suffix.
  auto found = sources_.extract(stream, parts.body, body_end, parts.title, article.title.size());
  auto header_sources = sources_.extract(stream, parts.header, header_end);
  // Appended material cites agencies but has no dateline of this article.
  auto related_sources = sources_.extract(stream, parts.related, related_end);
  for (auto& s : related_sources)
    if (s.kind == SourceKind::dateline) {
      s.kind = SourceKind::agency;
      s.city.clear();
    }
  related_sources.erase(std::remove_if(related_sources.begin(), related_sources.end(),
                                       [](const ExtractedSource& s) { return s.name.empty(); }),
                        related_sources.end());

  const auto dateline =
      std::find_if(found.begin(), found.end(), [](const ExtractedSource& s) { return s.kind == SourceKind::dateline; });
  article.dateline_city = dateline != found.end() ? dateline->city : std::string();

  // Numeric dates (05/06/2023) are read in the order of the whole article's other numeric dates:
  // day first, and once more month first if the article shows that (NumericOrderCount).
  const std::optional<ExtractedDate> given_published = article.published, given_updated = article.updated;
  NumericOrderCount count;
  const auto read_dates = [&](NumericOrder order) {
    article.published = given_published, article.updated = given_updated;
    const auto dates_in = [&](std::size_t begin, std::size_t end, std::optional<CivilDate> reference = std::nullopt) {
      return dates_.extract(stream, begin, end, reference, order, order == NumericOrder::day_first ? &count : nullptr);
    };
    // Publication and update: the header lines first, then the record's metadata.
    auto header_dates = dates_in(parts.header, header_end);
    for (const ExtractedDate& d : header_dates) {
      if (d.kind == DateKind::published && !(article.published && article.published->end > 0)) article.published = d;
      if (d.kind == DateKind::updated && !(article.updated && article.updated->end > 0)) article.updated = d;
    }
    // Body dates resolve against the publication day; without one, a date in the dateline
    // ("بيروت، 20 نوفمبر 2024 (أ ف ب) -") is the publication date. The grammar works line by
    // line, so the dateline's line alone is read first and the body then once, with that day.
    std::optional<CivilDate> reference = article.published ? day_of(*article.published) : std::nullopt;
    std::optional<std::size_t> published_at;
    if (!article.published && dateline != found.end()) {
      const std::size_t line_end = std::min(stream.text().find('\n', dateline->begin), body_end);
      // (not counted: the body below reads this line again)
      for (const ExtractedDate& d : dates_.extract(stream, parts.body, line_end, std::nullopt, order))
        if (d.begin < dateline->end && day_of(d)) {
          reference = day_of(d);
          published_at = d.begin;
          break;
        }
    }
    auto body_dates = dates_in(parts.body, body_end, reference);
    if (published_at)
      for (auto& d : body_dates)
        if (d.begin == *published_at) {
          d.kind = DateKind::published;
          article.published = d;
        }
    auto title_dates = dates_in(parts.title, article.title.size(), reference);
    // Another article: its relative dates mean nothing here.
    auto related_dates = dates_in(parts.related, related_end);

    article.dates.clear();
    for (auto* list : {&title_dates, &header_dates, &body_dates, &related_dates})
      article.dates.insert(article.dates.end(), list->begin(), list->end());
  };
  read_dates(NumericOrder::day_first);
  if (count.either > 0 && count.order() == NumericOrder::month_first) read_dates(NumericOrder::month_first);

  // The credited source: the المصدر line, the title suffix, the dateline's agency, the metadata.
  std::optional<ExtractedSource> source;
  for (const auto& s : header_sources)
    if (s.kind == SourceKind::source) {
      source = s;
      break;
    }
  for (const auto& s : found)
    if (!source && s.kind == SourceKind::source) source = s;
  if (!source && dateline != found.end() && !dateline->name.empty()) source = *dateline;
  if (!source && article.source) {
    source = article.source;
    if (const auto c = sources_.canonical(source->name)) {
      source->name = c->first;
      source->key = c->second;
    }
  }
  article.source = source;

  // Every mention once, by key (or by name when the table doesn't know it).
  article.agencies.clear();
  std::unordered_set<std::string> seen;
  for (auto* list : {&header_sources, &found, &related_sources})
    for (const auto& s : *list) {
      if (s.name.empty()) continue;  // a dateline with a city but no agency
      if (seen.insert(s.key.empty() ? "name:" + s.name : s.key).second) article.agencies.push_back(s);
    }
}

}  // namespace xapian_arabic
