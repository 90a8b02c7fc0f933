/** @file
 *  @brief One news article as read from an archive, with the fields extracted from it.
 *
 *  Produced by the news reader (plain text, JSON Lines, HTML, .gz) and filled
 *  in by the date and source extractors; consumed by the indexer.
 */
#pragma once

#include <xapian_arabic/date_extractor.h>
#include <xapian_arabic/source_extractor.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace xapian_arabic {

class TokenStream;

struct NewsArticle {
  std::string id;        ///< stable id: the record's id or url, else the file path relative to the indexed root
  std::string path;      ///< file the article came from
  std::size_t line = 0;  ///< 1-based line for JSON Lines records, 0 otherwise
  std::string url;
  std::string title;
  std::string body;      ///< the article text only (header lines and appended material removed)
  std::string header;    ///< publication/update/المصدر lines as written, one per line (not body)
  std::string related;   ///< material the scraper appended after إقرأ أيضاً, not indexed as body
  std::string encoding;  ///< "UTF-8" or the detected legacy encoding, e.g. "windows-1256"
  std::optional<ExtractedDate> published;
  std::optional<ExtractedDate> updated;
  std::vector<ExtractedDate> dates;       ///< every date expression found (published/updated/mentioned)
  std::optional<ExtractedSource> source;  ///< the outlet or agency the article is credited to
  std::vector<ExtractedSource> agencies;  ///< every source/agency/dateline mention, canonical names
  std::string dateline_city;              ///< normalized city of the dateline, empty if none
  /// The token stream over article_text(*this) that the reader's layout read (default
  /// normalization), so that the extractor and the indexer do not tokenize the article again.
  /// Null for an article made by hand. Once a text field changes it no longer matches;
  /// consumers check (stream_of() in article_extractor.h) and then tokenize anew.
  std::shared_ptr<const TokenStream> stream;
};

}  // namespace xapian_arabic
