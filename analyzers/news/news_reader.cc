/** @file
 *  @brief Reading news archives: which reader a file goes to, and the plain-text and HTML readers
 *  (JSON Lines: news/jsonl_records.cc; the shared line helpers: news/reader_lines.cc).
 */
#include <xapian_arabic/news_reader.h>

#include <filesystem>
#include <memory>

#include "base/utf8.h"
#include "news/html_nesting.h"
#include "news/jsonl_records.h"
#include "news/news_encoding.h"
#include "news/news_html.h"
#include "news/news_input.h"
#include "news/news_layout.h"
#include "news/reader_lines.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

}  // namespace

ArchiveFormat format_of(const std::string& path) {
  std::string name = lower_ascii(fs::path(path).filename().string());
  if (ends_with(name, ".gz")) name.resize(name.size() - 3);
  for (const char* ext : {".txt", ".text"})
    if (ends_with(name, ext)) return ArchiveFormat::text;
  for (const char* ext : {".jsonl", ".ndjson", ".json"})
    if (ends_with(name, ext)) return ArchiveFormat::jsonl;
  for (const char* ext : {".html", ".htm", ".xhtml"})
    if (ends_with(name, ext)) return ArchiveFormat::html;
  return ArchiveFormat::unknown;
}

NewsReaderOptions news_reader_options(const JsonlFields& fields) {
  NewsReaderOptions options;
  options.id_fields = fields.id;
  options.title_fields = fields.title;
  options.body_fields = fields.body;
  options.date_fields = fields.date;
  options.updated_fields = fields.updated;
  options.source_fields = fields.source;
  options.url_fields = fields.url;
  return options;
}

struct XAPIAN_ARABIC_LOCAL NewsReader::Impl {
  NewsReaderOptions options;
  std::shared_ptr<const NewsLayout> layout;  // header labels and markers (options.markers_file)
};

NewsReader::NewsReader(const NewsReaderOptions& options)
    : impl_(std::make_shared<const Impl>(Impl{options, NewsLayout::load(options.markers_file)})) {}

NewsArticle NewsReader::parse_text(std::string_view utf8_text) const {
  std::string text(utf8_text);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  unify_line_ends(text);
  compose_nfc(text);
  NewsArticle article;
  article.encoding = "UTF-8";
  split_article_lines(*impl_->layout, text, true, article);
  return article;
}

void NewsReader::read_file(const std::string& path, const std::string& id_root,
                           const std::function<void(NewsArticle&&)>& on_article,
                           const std::function<void(ReadError&&)>& raw_on_error,
                           const BytesHandler& on_bytes_read) const {
  const NewsReaderOptions& options = impl_->options;
  const NewsLayout& layout = *impl_->layout;
  // A message may quote the file (a date, a JSON token): never its raw bytes.
  const std::function<void(ReadError &&)> on_error = [&](ReadError&& e) {
    e.message = utf8::printable(e.message);
    raw_on_error(std::move(e));
  };
  const StopCheck stop = [&](std::uint64_t bytes_consumed) {
    if (on_bytes_read) on_bytes_read(bytes_consumed);
    return options.stop_requested && options.stop_requested();
  };
  std::string id = path;
  if (!id_root.empty()) {
    const auto rel = fs::path(path).lexically_relative(id_root);
    if (!rel.empty() && !rel.string().starts_with("..")) id = rel.generic_string();
  }
  std::error_code ec;
  const JsonlRecords jsonl(options, layout, path, id, on_article, on_error);
  if (format_of(path) == ArchiveFormat::jsonl && fs::is_regular_file(path, ec) && jsonl.stream(stop)) return;

  ByteBuffer bytes;
  std::string error;
  switch (read_whole_file(path, options.max_file_bytes, stop, bytes, error)) {
    case ReadStatus::ok: break;
    case ReadStatus::stopped: return;
    case ReadStatus::failed: on_error({path, 0, error}); return;
  }
  DecodedText decoded = decode_news_bytes({bytes.data(), bytes.size()});
  bytes = ByteBuffer();
  if (!decoded.error.empty()) {
    on_error({path, 0, decoded.error});
    return;
  }
  unify_line_ends(decoded.text);

  ArchiveFormat format = format_of(path);
  if (format == ArchiveFormat::unknown) {  // sniff: JSON object lines, markup, else text
    const std::string_view head = trim_blank(std::string_view(decoded.text).substr(0, 512));
    format = head.starts_with("{")   ? ArchiveFormat::jsonl
             : head.starts_with("<") ? ArchiveFormat::html
                                     : ArchiveFormat::text;
  }
  if (format == ArchiveFormat::jsonl) {
    jsonl.read_text(decoded.text, decoded.encoding);
    return;
  }
  NewsArticle article;
  if (format == ArchiveFormat::html) {
    HtmlPage page = parse_html_page(decoded.text);
    if (page.flattened)
      on_error({path, 0,
                "HTML nested more than " + std::to_string(kMaxHtmlDepth) +
                    " elements deep: the deeper tags are ignored, their text is kept",
                true});
    compose_nfc(page.text);
    if (!page.title.empty()) {
      compose_nfc(page.title);
      article.title = std::move(page.title);
    }
    split_article_lines(layout, page.text, article.title.empty(), article);
    article.url = std::move(page.url);
    auto set_date = [&](const std::string& raw, DateKind kind, std::optional<ExtractedDate>& slot) {
      if (raw.empty()) return;
      std::optional<CivilDate> day;
      const std::string value = iso_value(raw, day);
      if (value.empty()) {
        on_error({path, 0, "page date is not an ISO 8601 date: '" + raw + "' (ignored)", true});
        return;
      }
      slot = ExtractedDate{value, kind, 0, 0, raw, {}, {}, day};
    };
    set_date(page.published, DateKind::published, article.published);
    set_date(page.modified, DateKind::updated, article.updated);
    if (!page.publisher.empty()) {
      ExtractedSource s;
      s.name = s.text = page.publisher;
      article.source = s;
    }
  } else {
    compose_nfc(decoded.text);
    split_article_lines(layout, decoded.text, true, article);
  }
  if (article.title.empty() && article.body.empty() && article.header.empty()) {
    on_error({path, 0, "no text in file"});
    return;
  }
  article.id = std::move(id);
  article.path = path;
  article.encoding = std::move(decoded.encoding);
  on_article(std::move(article));
}

}  // namespace xapian_arabic
