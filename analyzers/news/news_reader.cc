/** @file
 *  @brief Reading news archives: plain-text scraped articles, JSON Lines, HTML, and .gz of each.
 */
#include <xapian_arabic/news_reader.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "news/html_nesting.h"
#include "news/news_encoding.h"
#include "news/news_html.h"
#include "news/news_input.h"
#include "news/news_layout.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

/// A line this long is not a headline: the file has no line structure (one huge paragraph).
constexpr std::size_t kMaxTitleBytes = 2000;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

bool is_blank_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x202F || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x200E || cp == 0x200F || cp == 0xFEFF;
}

/// @p s without white space, no-break spaces and stray direction marks around it.
std::string_view trim(std::string_view s) {
  return utf8::trim_if(s, [](char32_t c) { return is_blank_cp(c); });
}

const std::string kLineTooLong = "line is over the limit of ";

/// True if @p text has a CR that does not end a CRLF (old Mac line ends).
bool has_lone_cr(std::string_view text) {
  for (std::size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1))
    if (cr + 1 < text.size() && text[cr + 1] != '\n') return true;
  return false;
}

/// Removes CR of CRLF and turns lone CR into LF.
void unify_line_ends(std::string& text) {
  if (text.find('\r') == std::string::npos) return;
  std::size_t out = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      text[out++] = '\n';
    } else {
      text[out++] = text[i];
    }
  }
  text.resize(out);
}

/// Digits at [pos, pos+n) of @p s as a number, or -1.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/// A metadata date (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, then optional THH:MM[:SS[.f]] and Z or ±HH[:]MM)
/// in the project's value form, and in @p day the day it names; empty if @p raw is not one (a day that
/// does not exist, 2024-02-30, is not one).
std::string iso_value(std::string_view raw, std::optional<CivilDate>& day) {
  raw = trim(raw);
  std::size_t pos = 0;
  const auto date = parse_iso_date(raw, &pos);
  if (!date || (pos < raw.size() && date->day == 0)) return {};  // a time needs a day
  std::string value = to_iso(*date);
  day = day_of(*date);
  if (pos == raw.size()) return value;
  if (raw[pos] != 'T' && raw[pos] != ' ') return {};
  const int hour = digits(raw, pos + 1, 2), minute = digits(raw, pos + 4, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || raw[pos + 3] != ':') return {};
  value += "T" + std::string(raw.substr(pos + 1, 5));
  pos += 6;
  if (pos < raw.size() && raw[pos] == ':') {
    if (digits(raw, pos + 1, 2) < 0) return {};
    pos += 3;
    if (pos < raw.size() && (raw[pos] == '.' || raw[pos] == ',')) {
      ++pos;
      while (pos < raw.size() && raw[pos] >= '0' && raw[pos] <= '9') ++pos;
    }
  }
  if (pos == raw.size()) return value;
  if (raw[pos] == 'Z' && pos + 1 == raw.size()) return value + "+00:00";
  if (raw[pos] == '+' || raw[pos] == '-') {
    const int oh = digits(raw, pos + 1, 2);
    const std::size_t mpos = pos + 3 + (pos + 3 < raw.size() && raw[pos + 3] == ':' ? 1 : 0);
    const int om = digits(raw, mpos, 2);
    if (oh < 0 || oh > 14 || om < 0 || om > 59 || mpos + 2 != raw.size()) return {};
    return value + raw[pos] + std::string(raw.substr(pos + 1, 2)) + ":" + std::string(raw.substr(mpos, 2));
  }
  return {};
}

/// The first field of @p names present in @p record as text: a string, a number, or an array of strings
/// (paragraphs, joined by newlines). Objects such as a JSON-LD publisher give their "name".
std::optional<std::string> field(const nlohmann::json& record, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    if (it->is_array()) {
      std::string joined;
      for (const auto& part : *it)
        if (part.is_string()) joined += (joined.empty() ? "" : "\n") + part.get<std::string>();
      return joined;
    }
    if (it->is_object() && it->contains("name") && (*it)["name"].is_string()) return (*it)["name"].get<std::string>();
  }
  return std::nullopt;
}

/// The record's id: the first of @p names present as a string or number. An array or object is
/// refused (@p error set): its text would make a Q term with a line break, unlike any other id.
std::optional<std::string> id_field(const nlohmann::json& record, const std::vector<std::string>& names,
                                    std::string& error) {
  for (const std::string& name : names) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) continue;
    std::string id;
    if (it->is_string())
      id = it->get<std::string>();
    else if (it->is_number())
      id = it->dump();
    else
      error = "id field \"" + name + "\" is " + (it->is_array() || it->is_object() ? "an " : "a ") + it->type_name() +
              ", not a string or number";
    if (std::any_of(id.begin(), id.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
      error = "id field \"" + name + "\" has a line break or control character";
    if (!error.empty()) return std::nullopt;
    return id;
  }
  return std::nullopt;
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

NewsReader::NewsReader(const NewsReaderOptions& options) : options_(options), layout_(NewsLayout::builtin()) {}

void NewsReader::split_lines(std::string_view text, bool take_title, NewsArticle& article) const {
  bool in_related = false;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = trim(text.substr(0, eol));
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (line.empty()) continue;
    ++line_no;
    if (in_related) {
      article.related.append(line).push_back('\n');
      continue;
    }
    // A line may hold several parts run together: a header value, then the dateline and first paragraph.
    while (!line.empty()) {
      const LabelMatch label = line_no == 1 && line.size() > kMaxTitleBytes ? LabelMatch{} : layout_->label(line);
      if (label.kind == LineLabel::related) {
        in_related = true;
        if (const auto rest = trim(line.substr(label.value_begin)); !rest.empty())
          article.related.append(rest).push_back('\n');
        break;
      }
      if (label.kind == LineLabel::boilerplate) break;
      if (label.kind == LineLabel::published || label.kind == LineLabel::updated) {
        const std::size_t end = layout_->date_value_end(line, label.value_begin);
        article.header.append(trim(line.substr(0, end))).push_back('\n');
        line = trim(line.substr(end));
        continue;
      }
      if (label.kind == LineLabel::source) {
        article.header.append(line).push_back('\n');
        break;
      }
      if (take_title && article.title.empty() && article.body.empty() && line.size() <= kMaxTitleBytes) {
        article.title.assign(line);
      } else {
        article.body.append(line).push_back('\n');
      }
      break;
    }
  }
  if (!article.body.empty()) article.body.pop_back();
  if (!article.related.empty()) article.related.pop_back();
  if (!article.header.empty()) article.header.pop_back();
}

NewsArticle NewsReader::parse_text(std::string_view utf8_text) const {
  std::string text(utf8_text);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  unify_line_ends(text);
  compose_nfc(text);
  NewsArticle article;
  article.encoding = "UTF-8";
  split_lines(text, true, article);
  return article;
}

void NewsReader::read_jsonl(const std::string& text, const std::string& path, const std::string& id_base,
                            const std::string& encoding, const std::function<void(NewsArticle&&)>& on_article,
                            const std::function<void(ReadError&&)>& on_error) const {
  std::size_t line_no = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    read_jsonl_record(line, ++line_no, path, id_base, encoding, on_article, on_error);
  }
}

bool NewsReader::stream_jsonl(const std::string& path, const std::string& id_base, const StopCheck& stop,
                              const std::function<void(NewsArticle&&)>& on_article,
                              const std::function<void(ReadError&&)>& on_error) const {
  LineReader lines(path, options_.max_file_bytes, stop);
  std::string_view head = lines.head();
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  // Empty, unreadable, UTF-16 (NUL bytes) and old Mac line ends go the whole-file way.
  if (head.empty() || head.find('\0') != std::string_view::npos || has_lone_cr(head)) return false;
  std::string legacy;  // the code page of the last record that was not UTF-8: the file's, most likely
  std::string decoded;
  for (;;) {
    std::string_view line;
    switch (lines.next(line)) {
      case LineReader::Next::end:
      case LineReader::Next::stopped: return true;
      case LineReader::Next::failed:
        on_error({path, 0, lines.error()});  // the line it cut is not parsed
        return true;
      case LineReader::Next::too_long:
        on_error({path, lines.line_no(),
                  kLineTooLong + std::to_string(options_.max_file_bytes) + " bytes (max_file_bytes)"});
        continue;
      case LineReader::Next::line: break;
    }
    if (lines.line_no() == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    // Each record is decoded on its own: an archive may turn to Windows-1256 after an ASCII start.
    std::string encoding = "UTF-8";
    if (!utf8::is_valid(line)) {
      DecodedText text = decode_news_bytes(line, legacy);
      if (!text.error.empty()) {
        on_error({path, lines.line_no(), text.error});
        continue;
      }
      if (text.encoding != "UTF-8") legacy = text.encoding;
      encoding = std::move(text.encoding);
      decoded = std::move(text.text);
      line = decoded;
    }
    read_jsonl_record(line, lines.line_no(), path, id_base, encoding, on_article, on_error);
  }
}

void NewsReader::read_jsonl_record(std::string_view raw_line, std::size_t line_no, const std::string& path,
                                   const std::string& id_base, const std::string& encoding,
                                   const std::function<void(NewsArticle&&)>& on_article,
                                   const std::function<void(ReadError&&)>& on_error) const {
  const std::string_view line = trim(raw_line);
  if (line.empty()) return;
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    on_error({path, line_no, std::string("invalid JSON: ") + e.what()});
    return;
  }
  if (!record.is_object()) {
    on_error({path, line_no, "expected a JSON object per line, got " + std::string(record.type_name())});
    return;
  }
  NewsArticle article;
  article.path = path;
  article.line = line_no;
  article.encoding = encoding;
  article.url = field(record, options_.url_fields).value_or("");
  const auto title = field(record, options_.title_fields);
  const auto body = field(record, options_.body_fields);
  if (!title && !body) {
    on_error({path, line_no, "record has no title or body field"});
    return;
  }
  std::string body_text = body.value_or("");
  unify_line_ends(body_text);
  compose_nfc(body_text);
  if (title) {
    std::string t(trim(*title));
    compose_nfc(t);
    // Headlines are one line: a title with line breaks is joined.
    std::replace(t.begin(), t.end(), '\n', ' ');
    article.title = std::move(t);
  }
  split_lines(body_text, !title, article);
  if (article.title.empty() && article.body.empty() && article.header.empty()) {
    on_error({path, line_no, "no text in record (its title and body are empty)"});
    return;
  }
  // A title alone is a sidecar's entry (a metadata file beside the articles), not an article:
  // indexed, it would rank above the article it describes.
  if (title && article.body.empty()) {
    on_error({path, line_no, "record has no body text, only a title: not indexed as an article"});
    return;
  }
  std::string id_error;
  article.id = id_field(record, options_.id_fields, id_error).value_or(article.url);
  if (!id_error.empty()) {
    on_error({path, line_no, id_error});
    return;
  }
  if (article.id.empty()) article.id = id_base + ":" + std::to_string(line_no);
  auto set_date = [&](const std::vector<std::string>& names, DateKind kind, std::optional<ExtractedDate>& slot) {
    const auto raw = field(record, names);
    if (!raw || trim(*raw).empty()) return;
    std::optional<CivilDate> day;
    const std::string value = iso_value(*raw, day);
    if (value.empty()) {
      on_error({path, line_no, "date field is not an ISO 8601 date: '" + *raw + "' (ignored)", true});
      return;
    }
    ExtractedDate date;
    date.value = value;
    date.kind = kind;
    date.text = *raw;
    date.day = day;
    slot = date;
  };
  set_date(options_.date_fields, DateKind::published, article.published);
  set_date(options_.updated_fields, DateKind::updated, article.updated);
  if (const auto source = field(record, options_.source_fields); source && !trim(*source).empty()) {
    ExtractedSource s;
    s.name = std::string(trim(*source));
    s.text = s.name;
    s.kind = SourceKind::source;
    article.source = s;
  }
  on_article(std::move(article));
}

void NewsReader::read_file(const std::string& path, const std::string& id_root,
                           const std::function<void(NewsArticle&&)>& on_article,
                           const std::function<void(ReadError&&)>& raw_on_error,
                           const BytesHandler& on_bytes_read) const {
  // A message may quote the file (a date, a JSON token): never its raw bytes.
  const std::function<void(ReadError &&)> on_error = [&](ReadError&& e) {
    e.message = utf8::printable(e.message);
    raw_on_error(std::move(e));
  };
  const StopCheck stop = [&](std::uint64_t bytes_consumed) {
    if (on_bytes_read) on_bytes_read(bytes_consumed);
    return options_.stop_requested && options_.stop_requested();
  };
  std::string id = path;
  if (!id_root.empty()) {
    const auto rel = fs::path(path).lexically_relative(id_root);
    if (!rel.empty() && !rel.string().starts_with("..")) id = rel.generic_string();
  }
  std::error_code ec;
  if (format_of(path) == ArchiveFormat::jsonl && fs::is_regular_file(path, ec) &&
      stream_jsonl(path, id, stop, on_article, on_error))
    return;

  ByteBuffer bytes;
  std::string error;
  switch (read_whole_file(path, options_.max_file_bytes, stop, bytes, error)) {
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
    const std::string_view head = trim(std::string_view(decoded.text).substr(0, 512));
    format = head.starts_with("{")   ? ArchiveFormat::jsonl
             : head.starts_with("<") ? ArchiveFormat::html
                                     : ArchiveFormat::text;
  }
  if (format == ArchiveFormat::jsonl) {
    read_jsonl(decoded.text, path, id, decoded.encoding, on_article, on_error);
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
    split_lines(page.text, page.title.empty(), article);
    if (!page.title.empty()) {
      compose_nfc(page.title);
      article.title = std::move(page.title);
    }
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
    split_lines(decoded.text, true, article);
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
