/** @file
 *  @brief JSON Lines archives: one article per record, read a line at a time (internal).
 *
 *  Field names come from NewsReaderOptions ([jsonl]); the record's body is split like a
 *  scraped article (news/reader_lines.h). Every bad record is reported with its line number
 *  and skipped; the records after it are still read.
 */
#pragma once

#include <xapian_arabic/news_reader.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "news/news_input.h"

namespace xapian_arabic {

class NewsLayout;

/// Reads the records of one JSON Lines file for a NewsReader.
class JsonlRecords {
 public:
  /// @p id_base names records without an id ("id_base:LINE"). Every reference must outlive this.
  JsonlRecords(const NewsReaderOptions& options, const NewsLayout& layout, const std::string& path,
               const std::string& id_base, const std::function<void(NewsArticle&&)>& on_article,
               const std::function<void(ReadError&&)>& on_error);

  /// Reads the file a line at a time (gzipped or not), so memory is bounded by the longest
  /// line (max_file_bytes), not by the file; each record not in UTF-8 is decoded on its own.
  /// False, having reported nothing, if the file is empty or starts as UTF-16 or with old
  /// Mac line ends: the caller then decodes it whole and calls read_text().
  bool stream(const StopCheck& stop) const;

  /// Reads the records of a whole file already decoded to UTF-8 from @p encoding.
  void read_text(std::string_view text, const std::string& encoding) const;

 private:
  void read_record(std::string_view line, std::size_t line_no, const std::string& encoding) const;

  const NewsReaderOptions& options_;
  const NewsLayout& layout_;
  const std::string& path_;
  const std::string& id_base_;
  const std::function<void(NewsArticle&&)>& on_article_;
  const std::function<void(ReadError&&)>& on_error_;
};

}  // namespace xapian_arabic
