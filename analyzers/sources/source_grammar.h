/** @file
 *  @brief The source extractor's tables and grammar (internal to SourceExtractor).
 *
 *  SourceExtractor::Impl holds the alias and city tables and the grammar over
 *  sources/source_tokens.h. Its members are defined by part, one file each:
 *  alias_table.cc (loading agencies.tsv and cities.txt, matching names with
 *  clitics), datelines.cc (CITY - AGENCY:, AGENCY - CITY, (AGENCY) and the
 *  article's opening), citations.cc (line by line: المصدر lines, datelines,
 *  agencies cited after a cue or a reporting verb, and title suffixes),
 *  name_shapes.cc (the shapes table and how an unknown name is told from a place,
 *  a person or a phrase) and outlet_names.cc (unknown names in each source position).
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
    bool test(std::size_t size, unsigned lead, unsigned tail) const { return test_slot(slot(size, lead, tail)); }
    bool test_slot(std::size_t s) const { return (bits[s / 64] >> (s % 64)) & 1u; }
  };
  FirstWordFilter first_filter;
  std::size_t alias_max = 1;
  std::vector<std::string> cities;  // canonical spellings
  std::unordered_map<std::string, std::size_t> city_keys;
  StringSet city_first;
  std::size_t city_max = 1;
  std::unordered_set<std::string> cues, verbs;

  /// Phrases of one kind of the shapes table (config/sources/name_shapes.tsv) or the markers table,
  /// keyed like the alias table.
  struct PhraseSet {
    StringSet keys;
    FirstWordFilter first;
    std::size_t max_words = 0;
    /// @p toggle_al: also with ال added to or removed from the first word (not for verbs, function words).
    void add(const std::string& key, bool toggle_al);
    /// Tokens of the longest phrase at word token @p i (0: none); with @p clitics its first word
    /// may carry و/ف/ب/ل/ك (لصحيفة), and @p clitic tells whether it did.
    std::size_t match(const std::vector<Tok>& toks, std::size_t i, bool clitics = false, bool* clitic = nullptr) const;
  };
  struct Shapes {
    PhraseSet outlet_word, agency_word, agency_end, news_word, name_marker, from, function_word, verb, title, label,
        given_name, country, nisba, descriptor, letter, skip, boilerplate;
  } shapes;
  /// First words of the outlet words, of `from` and ل: most words of a text miss it, and then
  /// start no citation of an unknown name (unknown_citation is not called for them).
  FirstWordFilter citation_first;
  bool may_start_citation(std::string_view word) const {
    const auto test = [&](std::string_view w) {
      return citation_first.test(w.size(), FirstWordFilter::lead(w), FirstWordFilter::tail(w));
    };
    if (test(word)) return true;
    std::array<Variant, 3> views;
    const std::size_t count = clitic_views(word, views);
    for (std::size_t v = 1; v < count; ++v)
      if (views[v].al ? citation_first.test(views[v].rest.size() + kAl.size(), FirstWordFilter::lead(kAl),
                                            FirstWordFilter::tail(views[v].rest))
                      : test(views[v].rest))
        return true;
    return false;
  }
  /// A verb, a title, a label or a function word at word token @p i (its first word may carry a clitic).
  bool not_first(const std::vector<Tok>& toks, std::size_t i) const {
    return shapes.function_word.match(toks, i, true) || shapes.verb.match(toks, i, true) ||
           shapes.title.match(toks, i) || shapes.label.match(toks, i, true);
  }
  /// Where a name stands decides how much of its shape is asked of it (name_shapes.cc).
  enum class NamePlace { suffix, credit, dateline, bracket, after_cue, bare };
  /// A name found in a source position: tokens [first, last) of a line.
  struct NameSpan {
    std::size_t first = 0, last = 0;
    std::size_t lead = 0;  ///< bytes of a clitic to leave out of the first token (لوكالة)
  };

  void load_shapes(const std::string& content, const std::string& name);
  static bool is_latin(const Tok& t) {
    const char c = t.text.empty() ? '\0' : t.text[0];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  static bool is_punct(const Tok& t, std::string_view text) { return t.kind != TokKind::word && t.text == text; }
  /// The end of the name that starts at word token @p i: at most @p max_words words (Latin ones
  /// only after a Latin first word; letters joined by a touching . or - are one word), stopping
  /// before a function word, a nisba or an agency_end.
  std::size_t name_end(const std::vector<Tok>& toks, std::size_t i, std::size_t max_words) const;
  /// Whether words [first, last) can be an outlet's name where it stands.
  bool plausible_name(const std::vector<Tok>& toks, std::size_t first, std::size_t last, NamePlace place) const;
  /// The words between quotes or brackets at token @p i («عنب بلدي», "ماركا", (معا)), if nothing else is there.
  std::optional<NameSpan> quoted_name(const std::vector<Tok>& toks, std::size_t i) const;
  /// A source named by words [first, last) of @p line (at byte @p offset of the stream's text): the
  /// alias table's entry when it knows the name (also without a leading outlet word), else the
  /// name as written with its digits in ASCII.
  ExtractedSource named_source(std::string_view line, std::size_t offset, const std::vector<Tok>& toks,
                               const NameSpan& name, SourceKind kind) const;
  /// The alias table's entry for words [first, last), if it knows them.
  std::optional<Alias> known_name(const std::vector<Tok>& toks, std::size_t first, std::size_t last) const;
  /// The end of the word at token @p i with what a touching . or - joins to it (العربية.نت, Al-Monitor).
  static std::size_t joined_end(const std::vector<Tok>& toks, std::size_t i);
  /// The end of the Latin-script name at token @p i (CBS, NBC News, Al-Monitor), with an edition
  /// word after it that is a name_marker (BBC News عربي, DW عربية).
  std::size_t latin_end(const std::vector<Tok>& toks, std::size_t i) const;
  /// A verb or citation phrase just before token @p i (ذكرت, بحسب, نقلا عن, حوار مع).
  bool verb_before(const std::vector<Tok>& toks, std::size_t i) const { return phrase_before(toks, i, false, true); }
  /// A one-word reporting verb among the @p words words before token @p i (وقال مصدر حكومي لصحيفة).
  bool verb_within(const std::vector<Tok>& toks, std::size_t i, std::size_t words) const;

  /// An opening dateline whose name the alias table does not know (outlet_names.cc): CITY - NAME:,
  /// CITY/ NAME-, CITY (NAME) -, NAME - CITY, NAME - متابعات, WRITER - NAME.
  struct UnknownDateline {
    std::size_t last = 0;  ///< token past the dateline
    NameSpan name;
    std::optional<std::size_t> city;
  };
  std::optional<UnknownDateline> unknown_dateline(const std::vector<Tok>& toks) const;
  /// A citation at word token @p i that the alias table alone does not find: an outlet word and a
  /// name (صحيفة "ماركا", لصحيفة القبس, وكالة فارس للأنباء, موقع Axios), لـ"NAME": , or a bare name
  /// between a reporting verb and نقلا عن. Returns the token past it, or 0.
  std::size_t unknown_citation(const std::vector<Tok>& toks, std::size_t i, std::size_t consumed, NameSpan& name) const;
  /// The credit at the end of a paragraph: ….-(كونا), . (قنا), /المدى/, . - الراية, a line (الوسط).
  std::optional<NameSpan> paragraph_end(const std::vector<Tok>& toks) const;
  /// The credit line's value at bytes [begin, end): its names, boilerplate and what follows a
  /// separator cut off (المصدر: الأناضول تابعونا على فيسبوك gives الأناضول).
  void credit_line(const TokenStream& stream, std::size_t begin, std::size_t end, Tokens& tokens,
                   std::vector<ExtractedSource>& out) const;

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

  /// Longest alias starting at word token @p i (consecutive words only). @p citation_word, when
  /// given and no alias matches, tells whether the word may start a citation of an unknown name
  /// (citation_first; tested on the same clitic variants, so a text's words are looked at once).
  std::optional<Match> match_alias(const std::vector<Tok>& toks, std::size_t i, bool allow_clitics,
                                   bool* citation_word = nullptr) const;

  std::optional<Match> match_city(const std::vector<Tok>& toks, std::size_t i) const;

  /// True if the words before token @p i form a cue (وكالة, صحيفة, وكالة أنباء) or, when
  /// @p verbs_too, a reporting verb (نقلت, حسبما أوردت, لـ).
  bool cue_before(const std::vector<Tok>& toks, std::size_t i, bool verbs_too) const {
    return phrase_before(toks, i, true, verbs_too);
  }
  /// True if the one to three words before token @p i, their first with or without a clitic,
  /// are a phrase of the cues (when @p cues) or of the verbs (when @p verbs) of the markers table.
  bool phrase_before(const std::vector<Tok>& toks, std::size_t i, bool cues, bool verbs) const;

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
                 Tokens& tokens, std::vector<ExtractedSource>& out) const;

  /// Scans bytes [begin, end) of the stream's text line by line; the first line with text
  /// (after header lines) is the opening. Spans are offsets in the stream's text.
  void scan(const TokenStream& stream, std::size_t begin, std::size_t end, std::vector<ExtractedSource>& out) const;

  std::optional<std::size_t> lookup(std::string_view name) const;

  /// "... - اليوم السابع" / "... | العربية": the outlet named after the last separator of the
  /// title at bytes [begin, end) of the stream's text (spans are offsets in that text).
  std::optional<ExtractedSource> title_suffix(const TokenStream& stream, std::size_t begin, std::size_t end) const;
};

}  // namespace xapian_arabic
