/** @file
 *  @brief What the news readers share: line ends, blank trimming, the scraped-text split, metadata dates.
 */
#include "news/reader_lines.h"

#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/token_stream.h>

#include <memory>
#include <vector>

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

namespace {

/// Bytes [begin, end) of the scraped text: one line of a part of the article.
struct Piece {
  std::size_t begin = 0, end = 0;
};

/// The lines of @p pieces of @p text, joined by '\n'.
std::string joined(std::string_view text, const std::vector<Piece>& pieces) {
  std::string out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out.push_back('\n');
    out.append(text.substr(pieces[i].begin, pieces[i].end - pieces[i].begin));
  }
  return out;
}

/// Up to this size an article's own token stream is made from the scraped text's atoms;
/// beyond it, the consumer tokenizes the article again rather than hold two big streams.
constexpr std::size_t kMaxStreamBytes = 4u << 20;

}  // namespace

void split_article_lines(const NewsLayout& layout, std::string_view text, bool take_title, NewsArticle& article) {
  // The layout reads the text's token stream; the article's stream is made from its atoms.
  thread_local TokenStream raw;
  raw.assign(text);
  const auto piece_of = [&](std::string_view part) {
    const auto begin = static_cast<std::size_t>(part.data() - text.data());
    return Piece{begin, begin + part.size()};
  };
  std::optional<Piece> title;
  std::vector<Piece> header, body, related;
  bool in_related = false;
  std::size_t line_no = 0;
  std::string_view rest_of_text = text;
  while (!rest_of_text.empty()) {
    const auto eol = rest_of_text.find('\n');
    std::string_view line = trim_blank(rest_of_text.substr(0, eol));
    rest_of_text.remove_prefix(eol == std::string_view::npos ? rest_of_text.size() : eol + 1);
    if (line.empty()) continue;
    ++line_no;
    if (in_related) {
      related.push_back(piece_of(line));
      continue;
    }
    // A line may hold several parts run together: a header value, then the dateline and first paragraph.
    while (!line.empty()) {
      const Piece at = piece_of(line);
      const LabelMatch label =
          line_no == 1 && line.size() > kMaxTitleBytes ? LabelMatch{} : layout.label(raw, at.begin, at.end);
      if (label.kind == LineLabel::related) {
        in_related = true;
        if (const auto rest = trim_blank(text.substr(label.value_begin, at.end - label.value_begin)); !rest.empty())
          related.push_back(piece_of(rest));
        break;
      }
      if (label.kind == LineLabel::boilerplate) break;
      if (label.kind == LineLabel::published || label.kind == LineLabel::updated) {
        const std::size_t end = layout.date_value_end(raw, label.value_begin, at.end);
        header.push_back(piece_of(trim_blank(text.substr(at.begin, end - at.begin))));
        line = trim_blank(text.substr(end, at.end - end));
        continue;
      }
      if (label.kind == LineLabel::source) {
        header.push_back(at);
        break;
      }
      if (take_title && !title && article.title.empty() && body.empty() && line.size() <= kMaxTitleBytes)
        title = at;
      else
        body.push_back(at);
      break;
    }
  }
  if (title) article.title.assign(text.substr(title->begin, title->end - title->begin));
  article.header = joined(text, header);
  article.body = joined(text, body);
  article.related = joined(text, related);

  // The article's stream: its lines, as article_text() joins them, with the atoms they have here.
  article.stream.reset();
  if (text.size() <= kMaxStreamBytes) {
    auto stream = std::make_shared<TokenStream>();
    stream->clear_owned();
    std::size_t bytes = article.title.size() + 3;
    for (const std::vector<Piece>* part : {&header, &body, &related})
      for (const Piece& p : *part) bytes += p.end - p.begin + 1;
    stream->reserve(bytes, raw.atoms().size() + article.title.size() / 2 + 4);  // at most the text's atoms
    if (title)
      stream->append_line(raw, title->begin, title->end);
    else
      stream->append_line(article.title);
    for (const std::vector<Piece>* part : {&header, &body, &related}) {
      if (part->empty()) stream->append_line(std::string_view());
      for (const Piece& p : *part) stream->append_line(raw, p.begin, p.end);
    }
    article.stream = std::move(stream);
  } else {
    raw = TokenStream();  // not kept for the thread's next, smaller, article
  }
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
