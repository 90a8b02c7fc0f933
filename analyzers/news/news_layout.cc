/** @file
 *  @brief Header labels, markers and header date values of scraped news pages.
 */
#include "news/news_layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>

#include "base/utf8.h"

namespace xapian_arabic {

NormalizedText::NormalizedText(const Normalizer& normalizer, std::string_view original) {
  text.reserve(original.size());
  origin.reserve(original.size() + 1);
  const bool fold_case = normalizer.options().case_fold_latin;
  for (std::size_t pos = 0; pos < original.size();) {
    const auto byte = static_cast<unsigned char>(original[pos]);
    if (byte < 0x80) {
      text.push_back(fold_case && byte >= 'A' && byte <= 'Z' ? char(byte + 32) : char(byte));
      origin.push_back(static_cast<std::uint32_t>(pos));
      ++pos;
      continue;
    }
    std::size_t len = 0;
    utf8::decode(original, pos, len);
    normalizer.normalize_into(original.substr(pos, len), text);
    origin.resize(text.size(), static_cast<std::uint32_t>(pos));
    pos += len;
  }
  origin.push_back(static_cast<std::uint32_t>(original.size()));
}

bool is_dash_or_colon(char32_t cp) {
  switch (cp) {
    case '-':
    case ':':
    case '/':
    case '|':
    case ',':
    case 0x060C:  // ،
    case 0x2013:
    case 0x2014:
    case 0x2012:
    case 0x0640:
    case 0xFF1A: return true;
    default: return false;
  }
}

namespace {

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A);
}

bool is_punct(char32_t cp) {
  if (cp < 0x80) return cp != '_' && (std::ispunct(static_cast<int>(cp)) != 0);
  const auto type = u_charType(static_cast<UChar32>(cp));
  return type == U_DASH_PUNCTUATION || type == U_START_PUNCTUATION || type == U_END_PUNCTUATION ||
         type == U_OTHER_PUNCTUATION || type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION || cp == 0x0640;
}

struct Token {
  std::size_t begin, end;
};

/// Whitespace-separated tokens of @p s from @p from, at most @p limit.
std::vector<Token> tokens(std::string_view s, std::size_t from, std::size_t limit) {
  std::vector<Token> out;
  std::size_t pos = from;
  while (pos < s.size() && out.size() < limit) {
    std::size_t len = 0;
    char32_t cp = utf8::decode(s, pos, len);
    if (is_space(cp)) {
      pos += len;
      continue;
    }
    const std::size_t begin = pos;
    while (pos < s.size()) {
      cp = utf8::decode(s, pos, len);
      if (is_space(cp)) break;
      pos += len;
    }
    out.push_back({begin, pos});
  }
  return out;
}

/// @p word without the punctuation around it.
std::string_view strip_punct(std::string_view word) {
  return utf8::trim_if(word, [](char32_t c) { return is_punct(c); });
}

bool has_digit(std::string_view normalized) {
  return std::any_of(normalized.begin(), normalized.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

NewsLayout::NewsLayout(std::shared_ptr<const MarkerTable> markers) : markers_(std::move(markers)) {
  const auto longest_first = [](std::vector<std::string>& list) {
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  };
  for (std::size_t kind = 0; kind < kMarkerKinds; ++kind) {
    for (const MarkerPhrase& phrase : markers_->phrases(static_cast<MarkerKind>(kind)))
      phrases_[kind].push_back(normalizer_.normalize(phrase.text));
    longest_first(phrases_[kind]);
  }
  for (MarkerKind kind : {MarkerKind::published, MarkerKind::published_label})
    published_labels_.insert(published_labels_.end(), phrases(kind).begin(), phrases(kind).end());
  for (MarkerKind kind : {MarkerKind::updated, MarkerKind::updated_label})
    updated_labels_.insert(updated_labels_.end(), phrases(kind).begin(), phrases(kind).end());
  longest_first(published_labels_);
  longest_first(updated_labels_);
  for (LineLabel kind :
       {LineLabel::published, LineLabel::updated, LineLabel::source, LineLabel::related, LineLabel::boilerplate})
    for (const std::string& phrase : labels(kind)) label_first_words_.insert(first_word(phrase));
}

const std::vector<std::string>& NewsLayout::labels(LineLabel kind) const {
  switch (kind) {
    case LineLabel::published: return published_labels_;
    case LineLabel::updated: return updated_labels_;
    case LineLabel::source: return phrases(MarkerKind::source);
    case LineLabel::related: return phrases(MarkerKind::related);
    case LineLabel::boilerplate: return phrases(MarkerKind::boilerplate);
    case LineLabel::none: break;
  }
  static const std::vector<std::string> none;
  return none;
}

std::string NewsLayout::first_word(std::string_view text) const {
  std::size_t pos = 0;
  while (pos < text.size()) {  // bullets, marks and spaces before the word
    std::size_t len = 0;
    const char32_t cp = utf8::decode(text, pos, len);
    if (!is_space(cp) && !is_punct(cp)) break;
    pos += len;
  }
  const std::size_t begin = pos;
  while (pos < text.size() && pos - begin < 64) {
    std::size_t len = 0;
    const char32_t cp = utf8::decode(text, pos, len);
    if (is_space(cp) || (is_punct(cp) && cp != 0x0640)) break;
    pos += len;
  }
  return normalizer_.normalize(text.substr(begin, pos - begin));
}

std::shared_ptr<const NewsLayout> NewsLayout::builtin() {
  static const auto layout = std::make_shared<const NewsLayout>(MarkerTable::load({}));
  return layout;
}

std::shared_ptr<const NewsLayout> NewsLayout::load(const std::string& markers_file) {
  if (markers_file.empty()) return builtin();
  return std::make_shared<const NewsLayout>(MarkerTable::load(markers_file));
}

std::size_t NewsLayout::starts_with_phrase(std::string_view norm, const std::vector<std::string>& list) {
  for (const std::string& phrase : list) {
    if (norm.size() < phrase.size() || norm.compare(0, phrase.size(), phrase) != 0) continue;
    if (norm.size() == phrase.size()) return phrase.size();
    std::size_t len = 0;
    const char32_t next = utf8::decode(norm, phrase.size(), len);
    if (is_space(next) || is_punct(next)) return phrase.size();
  }
  return 0;
}

LabelMatch NewsLayout::label(std::string_view line) const {
  if (!label_first_words_.contains(first_word(line))) return {};  // most lines: one word normalized
  // Labels are short: normalizing the first bytes of the line is enough.
  std::size_t prefix = std::min<std::size_t>(line.size(), 160);
  while (prefix < line.size() && (static_cast<unsigned char>(line[prefix]) & 0xC0) == 0x80) ++prefix;
  const NormalizedText norm(normalizer_, line.substr(0, prefix));
  std::size_t lead = 0;  // bullets and marks before the label
  while (lead < norm.text.size()) {
    std::size_t len = 0;
    const char32_t cp = utf8::decode(norm.text, lead, len);
    if (!is_space(cp) && !(is_punct(cp) && cp != ':')) break;
    lead += len;
  }
  const std::string_view text = std::string_view(norm.text).substr(lead);
  for (const LineLabel label_kind :
       {LineLabel::published, LineLabel::updated, LineLabel::source, LineLabel::related, LineLabel::boilerplate}) {
    const std::size_t n = starts_with_phrase(text, labels(label_kind));
    if (n == 0) continue;
    std::size_t after = lead + n;
    bool colon = false;
    while (after < norm.text.size()) {
      std::size_t len = 0;
      const char32_t cp = utf8::decode(norm.text, after, len);
      if (cp == ':' || cp == 0xFF1A) {
        if (colon) break;
        colon = true;
      } else if (!is_space(cp)) {
        break;
      }
      after += len;
    }
    const std::size_t value_begin = norm.to_original(after);
    if (label_kind == LineLabel::source && !colon) continue;  // "المصدر نفسه قال" is prose
    if (label_kind == LineLabel::published || label_kind == LineLabel::updated) {
      const std::size_t end = date_value_end(line, value_begin);
      if (end == value_begin || !has_digit(normalizer_.normalize(line.substr(value_begin, end - value_begin))))
        continue;
    }
    return {label_kind, value_begin};
  }
  return {};
}

std::size_t NewsLayout::date_value_end(std::string_view line, std::size_t begin) const {
  const auto toks = tokens(line, begin, 24);
  const auto& zones = phrases(MarkerKind::zone);
  const auto& words = phrases(MarkerKind::time_word);
  std::vector<std::string> norm;
  norm.reserve(toks.size());
  for (const Token& t : toks) norm.push_back(normalizer_.normalize(line.substr(t.begin, t.end - t.begin)));
  std::size_t end = begin;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::string_view core = strip_punct(norm[i]);
    if (core.empty()) continue;  // "-" or "|" between parts: kept only if a date part follows
    if (has_digit(core) || std::find(words.begin(), words.end(), core) != words.end()) {
      end = toks[i].end;
      continue;
    }
    // A zone phrase spanning this and the next tokens.
    std::string rest;
    for (std::size_t j = i; j < toks.size() && j < i + 4; ++j) rest += (j > i ? " " : "") + norm[j];
    if (const std::size_t n = starts_with_phrase(rest, zones); n > 0) {
      std::size_t covered = 0, j = i;
      for (; j < toks.size() && covered < n; ++j) covered += norm[j].size() + (j > i ? 1 : 0);
      end = toks[j - 1].end;
      i = j - 1;
      continue;
    }
    // A month or weekday name: a number follows within two words.
    const bool number_follows = (i + 1 < toks.size() && has_digit(norm[i + 1])) ||
                                (i + 2 < toks.size() && has_digit(norm[i + 2]) && !has_digit(norm[i + 1]) &&
                                 strip_punct(norm[i + 1]).size() <= 14);
    if (!number_follows) break;
    end = toks[i].end;
  }
  return end;
}

}  // namespace xapian_arabic
