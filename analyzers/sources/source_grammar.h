/** @file
 *  @brief The source extractor's tables and grammar (internal to SourceExtractor).
 *
 *  SourceExtractor::Impl holds the alias and city tables and the grammar over
 *  sources/source_tokens.h. Its members are defined by part, one file each:
 *  alias_table.cc (loading agencies.tsv and cities.txt, matching names with
 *  clitics), datelines.cc (CITY - AGENCY:, AGENCY - CITY, (AGENCY) and the
 *  article's opening), citations.cc (line by line: المصدر lines, datelines,
 *  agencies cited after a cue or a reporting verb, and title suffixes).
 */
#pragma once

#include <xapian_arabic/source_extractor.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "news/news_layout.h"
#include "sources/source_tokens.h"

namespace xapian_arabic {

using namespace sources;

struct XAPIAN_ARABIC_LOCAL SourceExtractor::Impl {
  struct Entry {
    std::string key, name;
    std::vector<std::string> aliases;  // normalized
  };
  struct Alias {
    std::size_t entry;
    bool distinctive;
  };
  struct Match {
    std::size_t value = 0;  // entry or city index
    std::size_t tokens = 0;
    bool distinctive = false;
  };
  struct Dateline {
    std::size_t first = 0, last = 0;  // token range [first, last)
    std::optional<std::size_t> agency, second_agency;
    std::optional<std::size_t> city;
  };

  explicit Impl(std::shared_ptr<const NewsLayout> layout_) : layout(std::move(layout_)) {}

  std::shared_ptr<const NewsLayout> layout;
  WordNormalizer words{layout->normalizer()};
  std::vector<Entry> entries;
  std::unordered_map<std::string, Alias> aliases;
  StringSet alias_first;
  /// One bit per (byte length, first two bytes, last two bytes) of the words in alias_first:
  /// no false negatives, and most words of a text miss it without being hashed.
  struct FirstWordFilter {
    std::vector<std::uint64_t> bits = std::vector<std::uint64_t>(kBits / 64);
    static constexpr std::size_t kBits = 1 << 16;
    static unsigned pair(std::string_view w, std::size_t at) {
      return (static_cast<unsigned char>(w[at]) << 8) | static_cast<unsigned char>(w[at + 1]);
    }
    static unsigned lead(std::string_view w) {
      return w.size() >= 2 ? pair(w, 0) : w.empty() ? 0 : static_cast<unsigned char>(w[0]) << 8;
    }
    static unsigned tail(std::string_view w) { return w.size() >= 2 ? pair(w, w.size() - 2) : lead(w); }
    static std::size_t slot(std::size_t size, unsigned lead, unsigned tail) {
      std::size_t h = (size * 0x9E3779B1u) ^ (lead * 0x85EBCA6Bu) ^ (tail * 0xC2B2AE35u);
      return (h ^ (h >> 15) ^ (h >> 31)) & (kBits - 1);
    }
    void add(std::string_view w) {
      const std::size_t s = slot(w.size(), lead(w), tail(w));
      bits[s / 64] |= std::uint64_t{1} << (s % 64);
    }
    bool test(std::size_t size, unsigned lead, unsigned tail) const {
      const std::size_t s = slot(size, lead, tail);
      return (bits[s / 64] >> (s % 64)) & 1u;
    }
  };
  FirstWordFilter first_filter;
  std::size_t alias_max = 1;
  std::vector<std::string> cities;  // canonical spellings
  std::unordered_map<std::string, std::size_t> city_keys;
  StringSet city_first;
  std::size_t city_max = 1;
  std::unordered_set<std::string> cues, verbs;

  void add_alias(const std::string& key, std::size_t entry, bool distinctive);

  /// @p key with ال added to or removed from its first word, if that leaves a real word.
  static std::string toggle_al(const std::string& key);

  void load_aliases(const std::string& content, const std::string& name);

  void load_cities(const std::string& content);

  /// First-word variants: as written, without a leading و/ف/ب/ل/ك, and لل → ال. Returns how many.
  static std::size_t clitic_variants(std::string_view word, std::array<std::string, 4>& out);

  /// clitic_variants() without copying: the rest of the word, and whether ال goes before it.
  struct Variant {
    std::string_view rest;
    bool al = false;
  };
  static std::size_t clitic_views(std::string_view word, std::array<Variant, 3>& out);

  /// Longest alias starting at word token @p i (consecutive words only).
  std::optional<Match> match_alias(const std::vector<Tok>& toks, std::size_t i, bool allow_clitics) const;

  std::optional<Match> match_city(const std::vector<Tok>& toks, std::size_t i) const;

  /// True if the words before token @p i form a cue (وكالة, صحيفة, وكالة أنباء) or, when
  /// @p verbs_too, a reporting verb (نقلت, حسبما أوردت, لـ).
  bool cue_before(const std::vector<Tok>& toks, std::size_t i, bool verbs_too) const;

  bool is_word(const std::vector<Tok>& toks, std::size_t i) const {
    return i < toks.size() && toks[i].kind == TokKind::word;
  }
  static bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  /// An agency name at @p i, optionally in brackets or quotes; sets @p end past it.
  // A name, optionally in brackets: (تاس), «سانا».
  template <class MatchName>
  std::optional<Match> bracketed(const std::vector<Tok>& toks, std::size_t i, std::size_t& end,
                                 MatchName&& match_name) const {
    std::size_t p = i;
    const bool opened = p < toks.size() && toks[p].kind == TokKind::open;
    if (opened) ++p;
    auto m = match_name(p);
    if (!m) return std::nullopt;
    p += m->tokens;
    if (opened) {
      if (p >= toks.size() || toks[p].kind != TokKind::close) return std::nullopt;
      ++p;
    }
    end = p;
    return m;
  }

  std::optional<Match> bracketed_alias(const std::vector<Tok>& toks, std::size_t i, std::size_t& end) const;

  std::optional<Match> bracketed_city(const std::vector<Tok>& toks, std::size_t i, std::size_t& end) const;

  std::size_t skip_seps(const std::vector<Tok>& toks, std::size_t p) const;

  /// A dateline at token @p i0 (the start of a line). @p opening: the article's first line, where a
  /// city alone (القاهرة - ...) or a byline city (جعفر الصفار – القطيف) also counts.
  std::optional<Dateline> dateline(const std::vector<Tok>& toks, std::size_t i0, bool opening) const;

  /// Bytes [offset, end) of the stream's text: one line, or what follows its header label.
  void scan_line(const TokenStream& stream, std::size_t offset, std::size_t end, bool opening, bool datelines,
                 Tokens& tokens, std::vector<ExtractedSource>& out) const {
    const std::string_view line = stream.text().substr(offset, end - offset);
    tokens_of(stream, stream.atom_at(offset), stream.atom_at(end), offset, tokens);
    const auto& toks = tokens.toks;
    if (toks.empty()) return;
    auto span = [&](std::size_t first, std::size_t last, ExtractedSource& s) {
      s.begin = offset + toks[first].begin;
      s.end = offset + toks[last - 1].end;
      s.text.assign(line.substr(s.begin - offset, s.end - s.begin));
    };
    auto from_entry = [&](std::size_t entry, SourceKind kind) {
      ExtractedSource s;
      s.name = entries[entry].name;
      s.key = entries[entry].key;
      s.kind = kind;
      return s;
    };
    std::size_t skip_until = 0;
    if (datelines) {
      if (const auto d = dateline(toks, 0, opening)) {
        ExtractedSource s;
        if (d->agency) s = from_entry(*d->agency, SourceKind::dateline);
        s.kind = SourceKind::dateline;
        s.city = d->city ? cities[*d->city] : std::string();
        span(d->first, d->last, s);
        out.push_back(std::move(s));
        skip_until = d->last;
        if (d->second_agency) {
          ExtractedSource second = from_entry(*d->second_agency, SourceKind::agency);
          span(d->first, d->last, second);
          out.push_back(std::move(second));
        }
      }
    }
    for (std::size_t i = skip_until; i < toks.size(); ++i) {
      if (toks[i].kind != TokKind::word) continue;
      auto m = match_alias(toks, i, true);
      if (!m) continue;
      bool cited = m->distinctive || cue_before(toks, i, false);
      if (!cited && i > 0 && toks[i - 1].kind == TokKind::open && i + m->tokens < toks.size() &&
          toks[i + m->tokens].kind == TokKind::close)
        cited = cue_before(toks, i - 1, true) || (i >= 2 && toks[i - 2].kind == TokKind::open);
      if (!cited) continue;
      ExtractedSource s = from_entry(m->value, SourceKind::agency);
      span(i, i + m->tokens, s);
      out.push_back(std::move(s));
      i += m->tokens - 1;
    }
  }

  /// Scans bytes [begin, end) of the stream's text line by line; the first line with text
  /// (after header lines) is the opening. Spans are offsets in the stream's text.
  void scan(const TokenStream& stream, std::size_t begin, std::size_t end, std::vector<ExtractedSource>& out) const;

  std::optional<std::size_t> lookup(std::string_view name) const;

  /// "... - اليوم السابع" / "... | العربية": the outlet named after the last separator of the
  /// title at bytes [begin, end) of the stream's text (spans are offsets in that text).
  std::optional<ExtractedSource> title_suffix(const TokenStream& stream, std::size_t begin, std::size_t end) const;
};

}  // namespace xapian_arabic
