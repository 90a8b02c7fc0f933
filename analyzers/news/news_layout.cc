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

/// Labels are short: this many atoms of a line are enough to match one.
constexpr std::size_t kLabelAtoms = 48;
/// A header date value is at most this many space-separated tokens.
constexpr std::size_t kDateValueTokens = 24;

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
    for (const std::string& phrase : labels(kind)) {
      TokenStream words;
      words.assign(phrase);
      const auto& atoms = words.atoms();
      const auto word =
          std::find_if(atoms.begin(), atoms.end(), [](const Atom& a) { return a.kind != AtomKind::punct; });
      if (word != atoms.end()) label_first_words_.emplace(words.normalized(*word));
    }
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

bool NewsLayout::reads_directly(const TokenStream& stream) const {
  return stream.normalizes() && stream.normalization() == normalizer_.options();
}

void NewsLayout::append_form(const TokenStream& stream, const Atom& atom, std::string& out) const {
  if (atom.kind == AtomKind::punct)
    normalizer_.normalize_into(stream.text().substr(atom.begin, atom.end - atom.begin), out);
  else
    out.append(stream.normalized(atom));
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

LabelMatch NewsLayout::label(const TokenStream& stream, std::size_t begin, std::size_t end) const {
  if (!reads_directly(stream)) {
    thread_local TokenStream own;
    own.assign(stream.text().substr(begin, end - begin));
    LabelMatch match = label(own, 0, end - begin);
    match.value_begin += begin;
    return match;
  }
  const std::vector<Atom>& atoms = stream.atoms();
  std::size_t first = stream.atom_at(begin);
  while (first < atoms.size() && atoms[first].begin < end && atoms[first].kind == AtomKind::punct &&
         atoms[first].cp != ':')
    ++first;  // bullets
  if (first == atoms.size() || atoms[first].begin >= end || atoms[first].kind == AtomKind::punct) return {};
  if (!label_first_words_.contains(stream.normalized(atoms[first]))) return {};  // most lines: one lookup
  const std::size_t line_last = stream.atom_at(end);

  // The line's first atoms as one normalized string: atoms that touch joined, others one space apart.
  const std::size_t last = std::min(line_last, first + kLabelAtoms);
  std::string form;
  std::vector<std::size_t> starts;  // where each atom starts in form
  for (std::size_t i = first; i < last; ++i) {
    if (i > first && (atoms[i].gap == Gap::space || atoms[i].gap == Gap::line)) form.push_back(' ');
    starts.push_back(form.size());
    append_form(stream, atoms[i], form);
  }
  for (const LineLabel label_kind :
       {LineLabel::published, LineLabel::updated, LineLabel::source, LineLabel::related, LineLabel::boilerplate}) {
    const std::size_t n = starts_with_phrase(form, labels(label_kind));
    if (n == 0) continue;
    // After the label: one ':' at most (spaces are no atoms), then the value.
    std::size_t k = static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), n) - starts.begin());
    bool colon = false;
    while (first + k < last && atoms[first + k].kind == AtomKind::punct &&
           (atoms[first + k].cp == ':' || atoms[first + k].cp == 0xFF1A) && !colon) {
      colon = true;
      ++k;
    }
    const std::size_t value_begin = first + k < line_last ? atoms[first + k].begin : end;
    if (label_kind == LineLabel::source && !colon) continue;  // "المصدر نفسه قال" is prose
    if (label_kind == LineLabel::published || label_kind == LineLabel::updated) {
      const std::size_t value_end = date_value_end(stream, value_begin, end);
      const std::size_t from = stream.atom_at(value_begin), to = stream.atom_at(value_end);
      if (std::none_of(atoms.begin() + static_cast<std::ptrdiff_t>(from),
                       atoms.begin() + static_cast<std::ptrdiff_t>(to),
                       [](const Atom& a) { return a.kind == AtomKind::digits; }))
        continue;
    }
    return {label_kind, value_begin};
  }
  return {};
}

std::size_t NewsLayout::date_value_end(const TokenStream& stream, std::size_t begin, std::size_t end) const {
  if (!reads_directly(stream)) {
    thread_local TokenStream own;
    own.assign(stream.text().substr(begin, end - begin));
    return begin + date_value_end(own, 0, end - begin);
  }
  // The value's space-separated tokens: their extent, normalized form, and form without the
  // marks around it (the core).
  struct Token {
    std::size_t begin, end;   // bytes
    std::size_t first, last;  // atoms
    std::string norm, core;
    bool digit = false;
  };
  const std::vector<Atom>& atoms = stream.atoms();
  std::vector<Token> toks;
  for (std::size_t i = stream.atom_at(begin), last = stream.atom_at(end); i < last; ++i) {
    const Atom& a = atoms[i];
    if (toks.empty() || a.gap == Gap::space || a.gap == Gap::line) {
      if (toks.size() == kDateValueTokens) break;
      toks.push_back({a.begin, a.end, i, i, {}, {}, false});
    }
    Token& t = toks.back();
    t.end = a.end;
    t.last = i;
    append_form(stream, a, t.norm);
    t.digit = t.digit || a.kind == AtomKind::digits;
  }
  for (Token& t : toks) {
    std::size_t from = t.first, to = t.last + 1;
    while (from < to && atoms[from].kind == AtomKind::punct) ++from;
    while (to > from && atoms[to - 1].kind == AtomKind::punct) --to;
    for (std::size_t i = from; i < to; ++i) append_form(stream, atoms[i], t.core);
  }

  const auto& zones = phrases(MarkerKind::zone);
  const auto& words = phrases(MarkerKind::time_word);
  std::size_t value_end = begin;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::string& core = toks[i].core;
    if (core.empty()) continue;  // "-" or "|" between parts: kept only if a date part follows
    if (toks[i].digit || std::find(words.begin(), words.end(), core) != words.end()) {
      value_end = toks[i].end;
      continue;
    }
    // A zone phrase spanning this and the next tokens.
    std::string rest;
    for (std::size_t j = i; j < toks.size() && j < i + 4; ++j) rest += (j > i ? " " : "") + toks[j].norm;
    if (const std::size_t n = starts_with_phrase(rest, zones); n > 0) {
      std::size_t covered = 0, j = i;
      for (; j < toks.size() && covered < n; ++j) covered += toks[j].norm.size() + (j > i ? 1 : 0);
      value_end = toks[j - 1].end;
      i = j - 1;
      continue;
    }
    // A month or weekday name: a number follows within two words.
    const bool number_follows =
        (i + 1 < toks.size() && toks[i + 1].digit) ||
        (i + 2 < toks.size() && toks[i + 2].digit && !toks[i + 1].digit && toks[i + 1].core.size() <= 14);
    if (!number_follows) break;
    value_end = toks[i].end;
  }
  return value_end;
}

}  // namespace xapian_arabic
