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
#include <xapian_arabic/source_extractor.h>

namespace xapian_arabic {

class XAPIAN_ARABIC_API ArticleExtractor {
 public:
  explicit ArticleExtractor(const DateExtractorOptions& dates = {}, const SourceExtractorOptions& sources = {});

  /// Fills published, updated, dates, source, agencies and dateline_city of @p article.
  void extract(NewsArticle& article) const;

  const DateExtractor& dates() const { return dates_; }
  const SourceExtractor& sources() const { return sources_; }

 private:
  DateExtractor dates_;
  SourceExtractor sources_;
};

}  // namespace xapian_arabic
