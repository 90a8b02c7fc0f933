/** @file
 *  @brief JSON Lines archives: fields by name, ids, metadata dates and sources, one record per line.
 */
#include "news/jsonl_records.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "base/utf8.h"
#include "news/news_encoding.h"
#include "news/reader_lines.h"

namespace xapian_arabic {

namespace {

const std::string kLineTooLong = "line is over the limit of ";

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

JsonlRecords::JsonlRecords(const NewsReaderOptions& options, const NewsLayout& layout, const std::string& path,
                           const std::string& id_base, const std::function<void(NewsArticle&&)>& on_article,
                           const std::function<void(ReadError&&)>& on_error)
    : options_(options),
      layout_(layout),
      path_(path),
      id_base_(id_base),
      on_article_(on_article),
      on_error_(on_error) {}

void JsonlRecords::read_text(std::string_view text, const std::string& encoding) const {
  std::size_t line_no = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    read_record(line, ++line_no, encoding);
  }
}

bool JsonlRecords::stream(const StopCheck& stop) const {
  LineReader lines(path_, options_.max_file_bytes, stop);
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
        on_error_({path_, 0, lines.error()});  // the line it cut is not parsed
        return true;
      case LineReader::Next::too_long:
        on_error_({path_, lines.line_no(),
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
        on_error_({path_, lines.line_no(), text.error});
        continue;
      }
      if (text.encoding != "UTF-8") legacy = text.encoding;
      encoding = std::move(text.encoding);
      decoded = std::move(text.text);
      line = decoded;
    }
    read_record(line, lines.line_no(), encoding);
  }
}

void JsonlRecords::read_record(std::string_view raw_line, std::size_t line_no, const std::string& encoding) const {
  const std::string_view line = trim_blank(raw_line);
  if (line.empty()) return;
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    on_error_({path_, line_no, std::string("invalid JSON: ") + e.what()});
    return;
  }
  if (!record.is_object()) {
    on_error_({path_, line_no, "expected a JSON object per line, got " + std::string(record.type_name())});
    return;
  }
  NewsArticle article;
  article.path = path_;
  article.line = line_no;
  article.encoding = encoding;
  article.url = field(record, options_.url_fields).value_or("");
  const auto title = field(record, options_.title_fields);
  const auto body = field(record, options_.body_fields);
  if (!title && !body) {
    on_error_({path_, line_no, "record has no title or body field"});
    return;
  }
  std::string body_text = body.value_or("");
  unify_line_ends(body_text);
  compose_nfc(body_text);
  if (title) {
    std::string t(trim_blank(*title));
    compose_nfc(t);
    // Headlines are one line: a title with line breaks is joined.
    std::replace(t.begin(), t.end(), '\n', ' ');
    article.title = std::move(t);
  }
  split_article_lines(layout_, body_text, !title, article);
  if (article.title.empty() && article.body.empty() && article.header.empty()) {
    on_error_({path_, line_no, "no text in record (its title and body are empty)"});
    return;
  }
  // A title alone is a sidecar's entry (a metadata file beside the articles), not an article:
  // indexed, it would rank above the article it describes.
  if (title && article.body.empty()) {
    on_error_({path_, line_no, "record has no body text, only a title: not indexed as an article"});
    return;
  }
  std::string id_error;
  article.id = id_field(record, options_.id_fields, id_error).value_or(article.url);
  if (!id_error.empty()) {
    on_error_({path_, line_no, id_error});
    return;
  }
  if (article.id.empty()) article.id = id_base_ + ":" + std::to_string(line_no);
  auto set_date = [&](const std::vector<std::string>& names, DateKind kind, std::optional<ExtractedDate>& slot) {
    const auto raw = field(record, names);
    if (!raw || trim_blank(*raw).empty()) return;
    std::optional<CivilDate> day;
    const std::string value = iso_value(*raw, day);
    if (value.empty()) {
      on_error_({path_, line_no, "date field is not an ISO 8601 date: '" + *raw + "' (ignored)", true});
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
  if (const auto source = field(record, options_.source_fields); source && !trim_blank(*source).empty()) {
    ExtractedSource s;
    s.name = std::string(trim_blank(*source));
    s.text = s.name;
    s.kind = SourceKind::source;
    article.source = s;
  }
  on_article_(std::move(article));
}

}  // namespace xapian_arabic
