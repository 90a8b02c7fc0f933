/** @file
 *  @brief Fills in a NewsArticle's dates, publication and update date, source, agencies and dateline city.
 */
#include <xapian_arabic/article_extractor.h>

#include <algorithm>
#include <unordered_set>

namespace xapian_arabic {

namespace {

void shift(std::vector<ExtractedDate>& dates, std::size_t by) {
  for (auto& d : dates) {
    d.begin += by;
    d.end += by;
  }
}

void shift(std::vector<ExtractedSource>& sources, std::size_t by) {
  for (auto& s : sources) {
    s.begin += by;
    s.end += by;
  }
}

}  // namespace

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

namespace {
DateExtractorOptions date_options(const ExtractionSettings& settings) {
  DateExtractorOptions options;
  options.tables_dir = settings.dates_tables_dir;
  options.islamic_calendar = settings.islamic_calendar;
  return options;
}
SourceExtractorOptions source_options(const ExtractionSettings& settings) {
  SourceExtractorOptions options;
  options.aliases_file = settings.aliases_file;
  options.cities_file = settings.cities_file;
  return options;
}
}  // namespace

ArticleExtractor::ArticleExtractor(const ExtractionSettings& settings)
    : ArticleExtractor(date_options(settings), source_options(settings)) {}

ArticleExtractor::ArticleExtractor(const DateExtractorOptions& dates, const SourceExtractorOptions& sources)
    : dates_(dates), sources_(sources) {}

void ArticleExtractor::extract(NewsArticle& article) const {
  const ArticleParts parts = article_parts(article);

  // Publication and update: the header lines first, then the record's metadata.
  auto header_dates = dates_.extract(article.header);
  shift(header_dates, parts.header);
  for (const ExtractedDate& d : header_dates) {
    if (d.kind == DateKind::published && !(article.published && article.published->end > 0)) article.published = d;
    if (d.kind == DateKind::updated && !(article.updated && article.updated->end > 0)) article.updated = d;
  }

  // Sources: the body (its first line is the opening with the dateline) and the title suffix.
  auto found = sources_.extract(article.body, article.title);
  for (auto& s : found) {
    if (s.kind == SourceKind::source && s.begin == 0 && s.end == 0) {  // title suffix: span in the title
      const auto at = article.title.rfind(s.text);
      s.begin = at == std::string::npos ? 0 : at;
      s.end = at == std::string::npos ? 0 : at + s.text.size();
    } else {
      s.begin += parts.body;
      s.end += parts.body;
    }
  }
  auto header_sources = sources_.extract(article.header);
  shift(header_sources, parts.header);
  // Appended material cites agencies but has no dateline of this article.
  auto related_sources = sources_.extract(article.related);
  shift(related_sources, parts.related);
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

  // Body dates resolve against the publication day; without one, a date in the dateline
  // ("بيروت، 20 نوفمبر 2024 (أ ف ب) -") is the publication date.
  std::optional<CivilDate> reference = article.published ? day_of(*article.published) : std::nullopt;
  auto body_dates = dates_.extract(article.body, reference);
  if (!article.published && dateline != found.end()) {
    const std::size_t dateline_end = dateline->end - parts.body;
    const auto in_dateline = std::find_if(body_dates.begin(), body_dates.end(), [&](const ExtractedDate& d) {
      return d.begin < dateline_end && day_of(d).has_value();
    });
    if (in_dateline != body_dates.end()) {
      const std::size_t begin = in_dateline->begin;
      reference = day_of(*in_dateline);
      body_dates = dates_.extract(article.body, reference);
      for (auto& d : body_dates)
        if (d.begin == begin) {
          d.kind = DateKind::published;
          article.published = d;
          article.published->begin += parts.body;
          article.published->end += parts.body;
        }
    }
  }
  shift(body_dates, parts.body);
  auto title_dates = dates_.extract(article.title, reference);
  auto related_dates = dates_.extract(article.related);  // another article: its relative dates mean nothing here
  shift(related_dates, parts.related);

  article.dates.clear();
  for (auto* list : {&title_dates, &header_dates, &body_dates, &related_dates})
    article.dates.insert(article.dates.end(), list->begin(), list->end());

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
