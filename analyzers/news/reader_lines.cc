/** @file
 *  @brief What the news readers share: line ends, blank trimming, the scraped-text split, metadata dates.
 */
#include "news/reader_lines.h"

#include <xapian_arabic/civil_date.h>

#include "base/ascii_digits.h"
#include "base/utf8.h"
#include "news/news_layout.h"

namespace xapian_arabic {

namespace {

/// A line this long is not a headline: the file has no line structure (one huge paragraph).
constexpr std::size_t kMaxTitleBytes = 2000;

bool is_blank_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x202F || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x200E || cp == 0x200F || cp == 0xFEFF;
}

}  // namespace

std::string_view trim_blank(std::string_view s) {
  return utf8::trim_if(s, [](char32_t c) { return is_blank_cp(c); });
}

bool has_lone_cr(std::string_view text) {
  for (std::size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1))
    if (cr + 1 < text.size() && text[cr + 1] != '\n') return true;
  return false;
}

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

void split_article_lines(const NewsLayout& layout, std::string_view text, bool take_title, NewsArticle& article) {
  bool in_related = false;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = trim_blank(text.substr(0, eol));
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (line.empty()) continue;
    ++line_no;
    if (in_related) {
      article.related.append(line).push_back('\n');
      continue;
    }
    // A line may hold several parts run together: a header value, then the dateline and first paragraph.
    while (!line.empty()) {
      const LabelMatch label = line_no == 1 && line.size() > kMaxTitleBytes ? LabelMatch{} : layout.label(line);
      if (label.kind == LineLabel::related) {
        in_related = true;
        if (const auto rest = trim_blank(line.substr(label.value_begin)); !rest.empty())
          article.related.append(rest).push_back('\n');
        break;
      }
      if (label.kind == LineLabel::boilerplate) break;
      if (label.kind == LineLabel::published || label.kind == LineLabel::updated) {
        const std::size_t end = layout.date_value_end(line, label.value_begin);
        article.header.append(trim_blank(line.substr(0, end))).push_back('\n');
        line = trim_blank(line.substr(end));
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

namespace {
std::string parse_value(std::string_view raw, std::optional<CivilDate>& day) {
  raw = trim_blank(raw);
  std::size_t pos = 0;
  const auto date = parse_iso_date(raw, &pos);
  if (!date || (pos < raw.size() && date->day == 0)) return {};  // a time needs a day
  std::string value = to_iso(*date);
  day = day_of(*date);
  if (pos == raw.size()) return value;
  if (raw[pos] != 'T' && raw[pos] != ' ') return {};
  const int hour = ascii_digits(raw, pos + 1, 2), minute = ascii_digits(raw, pos + 4, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || raw[pos + 3] != ':') return {};
  value += "T" + std::string(raw.substr(pos + 1, 5));
  pos += 6;
  if (pos < raw.size() && raw[pos] == ':') {
    if (ascii_digits(raw, pos + 1, 2) < 0) return {};
    pos += 3;
    if (pos < raw.size() && (raw[pos] == '.' || raw[pos] == ',')) {
      ++pos;
      while (pos < raw.size() && raw[pos] >= '0' && raw[pos] <= '9') ++pos;
    }
  }
  if (pos == raw.size()) return value;
  if (raw[pos] == 'Z' && pos + 1 == raw.size()) return value + "+00:00";
  if (raw[pos] == '+' || raw[pos] == '-') {
    const int oh = ascii_digits(raw, pos + 1, 2);
    const std::size_t mpos = pos + 3 + (pos + 3 < raw.size() && raw[pos + 3] == ':' ? 1 : 0);
    const int om = ascii_digits(raw, mpos, 2);
    if (oh < 0 || oh > 14 || om < 0 || om > 59 || mpos + 2 != raw.size()) return {};
    return value + raw[pos] + std::string(raw.substr(pos + 1, 2)) + ":" + std::string(raw.substr(mpos, 2));
  }
  return {};
}
}  // namespace

std::string iso_value(std::string_view raw, std::optional<CivilDate>& day) {
  std::optional<CivilDate> named;
  std::string value = parse_value(raw, named);
  day = value.empty() ? std::nullopt : named;
  return value;
}

}  // namespace xapian_arabic
