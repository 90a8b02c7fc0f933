/** @file
 *  @brief Fills in a NewsArticle's extracted fields: dates, publication and update
 *  date, source, agencies and dateline city.
 *
 *  The publication date is the explicit publication line or the record's
 *  metadata first, then a dateline timestamp, then nothing (never a file time).
 *  Relative dates in the body resolve against that publication day.
 *
 *  Thread safety: immutable after construction; share it freely.
 */
#pragma once

#include <xapian_arabic/date_extractor.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/news_article.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/source_extractor.h>

#include <string>

namespace xapian_arabic {

class TokenStream;

/// [sources], [dates], [layout]: tables of the extractors.
struct ExtractionSettings {
  std::string aliases_file;      ///< "" = built-in config/sources/agencies.tsv
  std::string cities_file;       ///< "" = built-in config/sources/cities.txt
  std::string shapes_file;       ///< "" = built-in config/sources/name_shapes.tsv
  std::string dates_tables_dir;  ///< "" = built-in config/dates/
  std::string markers_file;      ///< [layout]: "" = built-in config/layout/markers.tsv (also the reader's)
  std::string islamic_calendar = "islamic-umalqura";

  /// The date grammar's options: the indexer's extractor and search's `date:` read dates alike.
  DateExtractorOptions date_options() const {
    DateExtractorOptions options;
    options.tables_dir = dates_tables_dir;
    options.islamic_calendar = islamic_calendar;
    options.markers_file = markers_file;
    return options;
  }
  /// The source extractor's options.
  SourceExtractorOptions source_options() const {
    SourceExtractorOptions options;
    options.aliases_file = aliases_file;
    options.cities_file = cities_file;
    options.shapes_file = shapes_file;
    options.markers_file = markers_file;
    return options;
  }
};

/// Where each part of an article starts in article_text(): the text the spans of
/// NewsArticle::dates and NewsArticle::agencies point into (a title suffix points into the title).
struct ArticleParts {
  std::size_t title = 0, header = 0, body = 0, related = 0;
};

XAPIAN_ARABIC_API ArticleParts article_parts(const NewsArticle& article);

/// title, header, body and related joined by newlines: the text extracted spans refer to.
XAPIAN_ARABIC_API std::string article_text(const NewsArticle& article);

/// @p article's own token stream (NewsArticle::stream, made by the reader) when it still is the
/// stream over article_text(@p article) and normalizes with @p normalization; else null.
XAPIAN_ARABIC_API const TokenStream* stream_of(const NewsArticle& article, const NormalizerOptions& normalization = {});

class XAPIAN_ARABIC_API ArticleExtractor {
 public:
  explicit ArticleExtractor(const DateExtractorOptions& dates = {}, const SourceExtractorOptions& sources = {});
  /// With the tables and calendar of the config's [dates] and [sources].
  explicit ArticleExtractor(const ExtractionSettings& settings);

  /// Fills published, updated, dates, source, agencies and dateline_city of @p article.
  /// Publication: the header's publication line, else the record's metadata, else a date in
  /// the dateline. Source: the المصدر line, else the title suffix, else the dateline's agency,
  /// else the metadata (canonicalized). Dates of the related material are listed (mentioned,
  /// no relative dates) but never become the publication date. Reads the article's own
  /// stream (stream_of()) when it has one, else tokenizes it.
  void extract(NewsArticle& article) const;

  /// The same, reading the article's words from @p stream, built over article_text(@p article)
  /// (the indexer builds it once per article and hands it on to the Analyzer). Spans are
  /// offsets in that text, as with extract(NewsArticle&).
  void extract(NewsArticle& article, const TokenStream& stream) const;

  const DateExtractor& dates() const { return dates_; }
  const SourceExtractor& sources() const { return sources_; }

 private:
  DateExtractor dates_;
  SourceExtractor sources_;
};

}  // namespace xapian_arabic
