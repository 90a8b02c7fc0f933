/** @file
 *  @brief Reads news archives: plain-text scraped articles, JSON Lines, HTML pages, and .gz of each.
 *
 *  Detects the encoding (UTF-8, else a legacy Arabic encoding such as
 *  Windows-1256, with ICU) and splits a scraped article into headline, header
 *  lines, body and the unrelated material appended after إقرأ أيضاً. Extraction
 *  of dates and sources is done by ArticleExtractor (article_extractor.h).
 *
 *  Errors never throw out of read_file(): each bad file or record is reported
 *  as a ReadError naming the file (and line) and what is wrong, with no raw
 *  bytes of the file in it. Memory is bounded by max_file_bytes plus a chunk
 *  whatever the input (a JSON Lines line or a whole article, gzipped or not).
 *
 *  Thread safety: stateless apart from the options; one NewsReader may serve
 *  several threads.
 */
#pragma once

#include <xapian_arabic/export.h>
#include <xapian_arabic/news_article.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace xapian_arabic {

/// [jsonl]: field names of JSON Lines archives, tried in order.
struct JsonlFields {
  std::vector<std::string> id = {"id"};
  std::vector<std::string> title = {"title", "headline"};
  std::vector<std::string> body = {"body", "text", "content"};
  std::vector<std::string> date = {"date", "published", "datePublished"};
  std::vector<std::string> updated = {"updated", "modified", "dateModified"};
  std::vector<std::string> source = {"source", "publisher"};
  std::vector<std::string> url = {"url", "link"};
};

struct ReadError {
  std::string path;
  std::size_t line = 0;  ///< 1-based line of a JSON Lines record, 0 for the whole file
  std::string message;
  /// Only a warning: the article was kept without what the message names ("... (ignored)").
  bool warning = false;
};

struct NewsReaderOptions {
  /// JSON Lines field names, tried in order (config [jsonl]; defaults in JsonlFields).
  std::vector<std::string> id_fields = JsonlFields{}.id;
  std::vector<std::string> title_fields = JsonlFields{}.title;
  std::vector<std::string> body_fields = JsonlFields{}.body;
  std::vector<std::string> date_fields = JsonlFields{}.date;
  std::vector<std::string> updated_fields = JsonlFields{}.updated;
  std::vector<std::string> source_fields = JsonlFields{}.source;
  std::vector<std::string> url_fields = JsonlFields{}.url;
  /// Larger files (after gunzip) are refused with an error once that much is read. JSON Lines
  /// files are read a line at a time, so for them only a longer line is refused (and skipped).
  std::size_t max_file_bytes = 64u << 20;
  /// The markers table that splits a scraped article (header labels, related material,
  /// boilerplate); empty: built-in config/layout/markers.tsv (config [layout] markers_file).
  std::string markers_file;
  /// Asked before each 64 KB of input: when it returns true, read_file() returns at once and the
  /// file is left partly read (the caller knows, having asked for it). Empty: read to the end.
  std::function<bool()> stop_requested;
};

/// The reader options for JSON Lines field names @p fields (config [jsonl]).
XAPIAN_ARABIC_API NewsReaderOptions news_reader_options(const JsonlFields& fields);

enum class ArchiveFormat { text, jsonl, html, unknown };

/// The format of @p path from its name (.txt, .jsonl/.ndjson/.json, .html/.htm; .gz stripped first).
XAPIAN_ARABIC_API ArchiveFormat format_of(const std::string& path);

class XAPIAN_ARABIC_API NewsReader {
 public:
  /// Uses the layout of config/layout/markers.tsv, or of options.markers_file (header labels,
  /// related-material markers). Throws TableError for a malformed markers table; bad archive
  /// files are reported by read_file(), not thrown.
  explicit NewsReader(const NewsReaderOptions& options = {});

  /// Called before each 64 KB of input with the bytes of the file read so far (of the .gz
  /// itself for gzip: it ends at the file's size), so progress can move inside one big file.
  using BytesHandler = std::function<void(std::uint64_t bytes_read)>;

  /// Reads every article in @p path; @p id_root is the folder ids are made relative to.
  /// Articles come back with title/body/related/url/encoding and any metadata dates
  /// and source set; run ArticleExtractor on each to fill in extracted fields.
  /// A JSON Lines record without body text (only a title) is reported, not returned.
  void read_file(const std::string& path, const std::string& id_root,
                 const std::function<void(NewsArticle&&)>& on_article, const std::function<void(ReadError&&)>& on_error,
                 const BytesHandler& on_bytes_read = {}) const;

  /// Parses one plain-text scraped article already decoded to UTF-8.
  NewsArticle parse_text(std::string_view utf8_text) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable: copies share it
};

}  // namespace xapian_arabic
