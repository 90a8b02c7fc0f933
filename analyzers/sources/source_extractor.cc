/** @file
 *  @brief Source extraction: المصدر lines, title suffixes, datelines and agencies cited in the body.
 */
#include <unicode/uchar.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/source_extractor.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "news_layout.h"
#include "tables/data_files.h"
#include "text/utf8.h"

namespace xapian_arabic {

const char* to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::source: return "source";
    case SourceKind::agency: return "agency";
    case SourceKind::dateline: return "dateline";
  }
  return "source";
}

namespace {

/// Lines longer than this are scanned in windows, so memory stays bounded on one-line files.
constexpr std::size_t kWindowBytes = 1 << 20;

enum class TokKind { word, sep, open, close, other };

struct Tok {
  std::size_t begin, end;  // byte span in the original text
  TokKind kind;
  std::string_view text;
};

bool is_word_cp(char32_t cp) {
  return (cp >= 0x0621 && cp <= 0x065F) ||
         (cp >= 0x0660 && cp <= 0x06FF && cp != 0x066A && cp != 0x066B && cp != 0x066C && cp != 0x066D &&
          cp != 0x06D4) ||
         (cp >= 0x200C && cp <= 0x200F) || u_isalnum(static_cast<UChar32>(cp));
}

TokKind punct_kind(char32_t cp) {
  if (is_dash_or_colon(cp) || cp == 0x2015 || cp == 0x2212) return TokKind::sep;
  switch (cp) {
    case '(':
    case '[':
    case 0xAB:
    case 0x201C:
    case '"':
    case 0x2018:
    case '\'': return TokKind::open;
    case ')':
    case ']':
    case 0xBB:
    case 0x201D:
    case 0x2019: return TokKind::close;
    default: return TokKind::other;
  }
}

/// Tokens of a text: words normalized one by one (so spans stay in the original text), and
/// punctuation as written. The token texts point into @c arena: fill in place, never copy.
/// Reused from line to line, so a text costs no allocation per line.
struct Tokens {
  std::string arena;
  std::vector<Tok> toks;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // arena offset and length of each token
};

/// Per code point below U+0800 (ASCII, Latin, Arabic block): word character, left alone by
/// the normalizer, white space. Answers what is_word_cp/u_isspace would, without ICU calls
/// for the common scripts.
struct CharClasses {
  static constexpr char32_t kLimit = 0x800;
  enum : std::uint8_t { word = 1, plain = 2, space = 4 };
  std::array<std::uint8_t, kLimit> cls{};

  explicit CharClasses(const Normalizer& normalizer) {
    for (char32_t cp = 0; cp < kLimit; ++cp) {
      std::uint8_t c = 0;
      if (is_word_cp(cp)) c |= word;
      if (cp >= 0x0600 && cp <= 0x06FF) {
        std::string one;
        utf8::append(one, cp);
        if (normalizer.normalize(one) == one) c |= plain;
      } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        c |= plain;
      }
      if (cp == ' ' || cp == '\t' || u_isspace(static_cast<UChar32>(cp))) c |= space;
      cls[cp] = c;
    }
  }
  std::uint8_t of(char32_t cp) const {
    if (cp < kLimit) return cls[cp];
    return static_cast<std::uint8_t>((is_word_cp(cp) ? word : 0) | (u_isspace(static_cast<UChar32>(cp)) ? space : 0));
  }
};

/// A normalizer and the classes of the characters it sees.
struct WordNormalizer {
  const Normalizer& normalizer;
  CharClasses classes{normalizer};
};

inline char32_t next_cp(std::string_view s, std::size_t pos, std::size_t& len) {
  const auto b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  return utf8::decode(s, pos, len);
}

void tokenize(const WordNormalizer& words, std::string_view s, Tokens& out) {
  const Normalizer& normalizer = words.normalizer;
  const CharClasses& classes = words.classes;
  out.arena.clear();
  out.toks.clear();
  out.spans.clear();
  out.arena.reserve(s.size() + 16);
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t len = 0;
    char32_t cp = next_cp(s, pos, len);
    std::uint8_t cls = classes.of(cp);
    if (cls & CharClasses::word) {
      const std::size_t begin = pos;
      bool is_plain = true;
      while (true) {
        if (!(cls & CharClasses::plain)) is_plain = false;
        pos += len;
        if (pos >= s.size()) break;
        cp = next_cp(s, pos, len);
        cls = classes.of(cp);
        if (!(cls & CharClasses::word)) break;
      }
      const std::size_t at = out.arena.size();
      if (is_plain)
        out.arena.append(s.substr(begin, pos - begin));
      else
        normalizer.normalize_into(s.substr(begin, pos - begin), out.arena);
      if (out.arena.size() == at) continue;  // only marks: nothing left to match
      out.toks.push_back({begin, pos, TokKind::word, {}});
      out.spans.emplace_back(at, out.arena.size() - at);
      continue;
    }
    if (!(cls & CharClasses::space)) {
      TokKind kind = punct_kind(cp);
      if (cp == '"' && !out.toks.empty() && out.toks.back().kind == TokKind::word && out.toks.back().end == pos)
        kind = TokKind::close;  // a straight quote right after a word closes
      out.toks.push_back({pos, pos + len, kind, {}});
      out.spans.emplace_back(out.arena.size(), len);
      out.arena.append(s.substr(pos, len));
    }
    pos += len;
  }
  const std::string_view arena(out.arena);
  for (std::size_t i = 0; i < out.toks.size(); ++i)
    out.toks[i].text = arena.substr(out.spans[i].first, out.spans[i].second);
}

/// The words of @p name, normalized and joined by single spaces: the form names are looked up in.
std::string token_key(const WordNormalizer& words, std::string_view name) {
  Tokens t;
  tokenize(words, name, t);
  std::string key;
  for (const Tok& tok : t.toks) {
    if (tok.kind != TokKind::word) continue;
    if (!key.empty()) key.push_back(' ');
    key.append(tok.text);
  }
  return key;
}

const std::string kAl = "ال";

/// Hash sets looked up by string_view without building a string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

}  // namespace

struct SourceExtractor::Impl {
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

  std::shared_ptr<const NewsLayout> layout = NewsLayout::builtin();
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

  void add_alias(const std::string& key, std::size_t entry, bool distinctive) {
    if (key.empty()) return;
    aliases.try_emplace(key, Alias{entry, distinctive});
    alias_first.insert(key.substr(0, key.find(' ')));
    first_filter.add(std::string_view(key).substr(0, key.find(' ')));
    alias_max = std::max<std::size_t>(alias_max, std::count(key.begin(), key.end(), ' ') + 1);
  }

  /// @p key with ال added to or removed from its first word, if that leaves a real word.
  static std::string toggle_al(const std::string& key) {
    if (key.starts_with(kAl)) {
      const std::string rest = key.substr(kAl.size());
      return utf8::to_u32(rest.substr(0, rest.find(' '))).size() >= 3 ? rest : std::string();
    }
    if (key.front() >= 'a' && key.front() <= 'z') return {};
    return kAl + key;
  }

  void load_aliases(const std::string& content, const std::string& name) {
    for (std::string_view line : table_lines(content)) {
      const auto line_no = 1 + std::count(content.data(), line.data(), '\n');
      const auto f = split_fields(line);
      if (f.size() < 4 || f[0].empty() || f[1].empty() || (f[2] != "agency" && f[2] != "outlet"))
        throw TableError(name + ":" + std::to_string(line_no) +
                         ": expected key<TAB>name<TAB>agency|outlet<TAB>aliases[<TAB>contextual aliases], got '" +
                         std::string(line) + "'");
      const std::size_t index = entries.size();
      entries.push_back({std::string(f[0]), std::string(f[1]), {}});
      auto add_list = [&](std::string_view list, bool distinctive) {
        for (std::string_view alias : split_fields(list, '|')) {
          if (alias.empty()) continue;
          const std::string key = token_key(words, alias);
          entries[index].aliases.push_back(key);
          add_alias(key, index, distinctive);
        }
      };
      add_list(f[3], true);
      if (f.size() > 4) add_list(f[4], false);
      add_list(f[1], false);  // the canonical name is distinctive only if listed so (الرياض is also a city)
      add_alias(token_key(words, f[0]), index, false);
    }
    // Variants with and without ال come after every written alias, so they never shadow one.
    std::vector<std::pair<std::string, Alias>> variants;
    for (const auto& [key, alias] : aliases)
      if (const std::string v = toggle_al(key); !v.empty()) variants.emplace_back(v, alias);
    for (const auto& [key, alias] : variants) add_alias(key, alias.entry, alias.distinctive);
  }

  void load_cities(const std::string& content) {
    for (std::string_view line : table_lines(content)) {
      const auto spellings = split_fields(line, '|');
      const std::size_t index = cities.size();
      cities.emplace_back(spellings[0]);
      for (std::string_view s : spellings) {
        const std::string key = token_key(words, s);
        if (key.empty()) continue;
        city_keys.try_emplace(key, index);
        city_first.insert(key.substr(0, key.find(' ')));
        city_max = std::max<std::size_t>(city_max, std::count(key.begin(), key.end(), ' ') + 1);
      }
    }
  }

  /// First-word variants: as written, without a leading و/ف/ب/ل/ك, and لل → ال. Returns how many.
  static std::size_t clitic_variants(std::string_view word, std::array<std::string, 4>& out) {
    out[0].assign(word);
    if (word.size() < 8) return 1;  // keep at least three letters after a clitic
    const std::string_view lead = word.substr(0, 2), second = word.substr(2, 2);
    const bool wa = lead == "و", fa = lead == "ف", la = lead == "ل";
    if (!(wa || fa || la || lead == "ب" || lead == "ك")) return 1;
    std::size_t n = 1;
    if (la && second == "ل") out[n++] = kAl + std::string(word.substr(4));
    if ((wa || fa) && second == "ل") out[n++].assign(word.substr(4));
    out[n++].assign(word.substr(2));
    return n;
  }

  /// clitic_variants() without copying: the rest of the word, and whether ال goes before it.
  struct Variant {
    std::string_view rest;
    bool al = false;
  };
  static std::size_t clitic_views(std::string_view word, std::array<Variant, 3>& out) {
    out[0] = {word, false};
    if (word.size() < 8) return 1;
    // The clitics as two-byte UTF-8 codes: و ف ل ب ك.
    constexpr unsigned kWa = 0xD988, kFa = 0xD981, kLa = 0xD984, kBa = 0xD8A8, kKa = 0xD983;
    const unsigned lead = FirstWordFilter::pair(word, 0), second = FirstWordFilter::pair(word, 2);
    const bool wa = lead == kWa, fa = lead == kFa, la = lead == kLa;
    if (!(wa || fa || la || lead == kBa || lead == kKa)) return 1;
    std::size_t n = 1;
    if (la && second == kLa) out[n++] = {word.substr(4), true};
    if ((wa || fa) && second == kLa) out[n++] = {word.substr(4), false};
    out[n++] = {word.substr(2), false};
    return n;
  }

  /// Longest alias starting at word token @p i (consecutive words only).
  std::optional<Match> match_alias(const std::vector<Tok>& toks, std::size_t i, bool allow_clitics) const {
    if (i >= toks.size() || toks[i].kind != TokKind::word) return std::nullopt;
    const std::string_view word = toks[i].text;
    std::array<Variant, 3> variants;
    const std::size_t count = allow_clitics ? clitic_views(word, variants) : (variants[0] = {word, false}, 1);
    static const unsigned al_lead = FirstWordFilter::lead(kAl);
    std::string key;
    for (std::size_t v = 0; v < count; ++v) {
      // Most words start no name: the bit filter rejects them without hashing or allocating.
      const Variant& var = variants[v];
      if (var.al) {
        if (!first_filter.test(var.rest.size() + kAl.size(), al_lead, FirstWordFilter::tail(var.rest))) continue;
        key.assign(kAl).append(var.rest);
        if (!alias_first.contains(key)) continue;
      } else {
        if (!first_filter.test(var.rest.size(), FirstWordFilter::lead(var.rest), FirstWordFilter::tail(var.rest)) ||
            !alias_first.contains(var.rest))
          continue;
        key.assign(var.rest);
      }
      std::optional<Match> best;
      for (std::size_t n = 1; n <= alias_max && i + n <= toks.size(); ++n) {
        if (n > 1) {
          if (toks[i + n - 1].kind != TokKind::word) break;
          key.push_back(' ');
          key.append(toks[i + n - 1].text);
        }
        if (const auto it = aliases.find(key); it != aliases.end())
          if (v == 0 || it->second.distinctive) best = Match{it->second.entry, n, it->second.distinctive};
      }
      if (best) return best;
    }
    return std::nullopt;
  }

  std::optional<Match> match_city(const std::vector<Tok>& toks, std::size_t i) const {
    if (i >= toks.size() || toks[i].kind != TokKind::word || !city_first.contains(toks[i].text)) return std::nullopt;
    std::optional<Match> best;
    std::string key(toks[i].text);
    for (std::size_t n = 1; n <= city_max && i + n <= toks.size(); ++n) {
      if (n > 1) {
        if (toks[i + n - 1].kind != TokKind::word) break;
        key.push_back(' ');
        key.append(toks[i + n - 1].text);
      }
      if (const auto it = city_keys.find(key); it != city_keys.end()) best = Match{it->second, n, true};
    }
    return best;
  }

  /// True if the words before token @p i form a cue (وكالة, صحيفة, وكالة أنباء) or, when
  /// @p verbs_too, a reporting verb (نقلت, حسبما أوردت, لـ).
  bool cue_before(const std::vector<Tok>& toks, std::size_t i, bool verbs_too) const {
    std::string key;
    for (std::size_t n = 1; n <= 3 && n <= i; ++n) {
      const Tok& t = toks[i - n];
      if (t.kind != TokKind::word) break;
      key = n == 1 ? std::string(t.text) : std::string(t.text) + " " + key;
      std::array<std::string, 4> variants;
      const std::size_t count = clitic_variants(key.substr(0, key.find(' ')), variants);
      for (std::size_t v = 0; v < count; ++v) {
        const std::string candidate = variants[v] + key.substr(std::min(key.size(), key.find(' ')));
        if (cues.contains(candidate) || (verbs_too && verbs.contains(candidate))) return true;
      }
    }
    return false;
  }

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

  std::optional<Match> bracketed_alias(const std::vector<Tok>& toks, std::size_t i, std::size_t& end) const {
    return bracketed(toks, i, end, [&](std::size_t p) { return match_alias(toks, p, false); });
  }

  std::optional<Match> bracketed_city(const std::vector<Tok>& toks, std::size_t i, std::size_t& end) const {
    return bracketed(toks, i, end, [&](std::size_t p) { return match_city(toks, p); });
  }

  std::size_t skip_seps(const std::vector<Tok>& toks, std::size_t p) const {
    while (p < toks.size() && toks[p].kind == TokKind::sep) ++p;
    return p;
  }

  /// A dateline at token @p i0 (the start of a line). @p opening: the article's first line, where a
  /// city alone (القاهرة - ...) or a byline city (جعفر الصفار – القطيف) also counts.
  std::optional<Dateline> dateline(const std::vector<Tok>& toks, std::size_t i0, bool opening) const {
    Dateline d;
    d.first = i0;
    std::size_t p = i0;
    std::size_t end = 0;
    enum class Part { city, agency, unknown, none } a = Part::none;
    std::optional<Match> a_match;
    if ((a_match = bracketed_alias(toks, p, end))) {
      a = Part::agency;
      std::size_t city_end = 0;
      if (const auto city = bracketed_city(toks, p, city_end);
          city && (city->tokens > a_match->tokens || (!a_match->distinctive && city_end >= end))) {
        end = city_end;
        a = Part::city;  // "المدينة المنورة" is the city, not the outlet "المدينة"
        a_match = city;
      }
    } else if ((a_match = bracketed_city(toks, p, end))) {
      a = Part::city;
    }
    if (a == Part::none) {
      std::size_t n = 0;
      while (n < 3 && is_word(toks, p + n) && !has_digit(toks[p + n].text) && !match_alias(toks, p + n, false)) ++n;
      if (n == 0) return std::nullopt;
      a = Part::unknown;
      end = p + n;
    }
    if (a == Part::agency) d.agency = a_match->value;
    if (a == Part::city) d.city = a_match->value;
    const std::size_t a_end = end;
    p = end;
    // A date or a country between the city and a bracketed agency: "بيروت، 20 نوفمبر 2024 (أ ف ب) -",
    // "دبي، الإمارات العربية المتحدة (CNN)--".
    if (a == Part::city) {
      std::size_t q = p;
      while (q < toks.size() && toks[q].kind == TokKind::sep && toks[q].text != "-" && toks[q].text != ":") ++q;
      const std::size_t between = q;
      while (q < toks.size() && q < between + 6 &&
             (is_word(toks, q) || (toks[q].kind == TokKind::sep && toks[q].text != "-" && toks[q].text != ":")))
        ++q;
      std::size_t agency_end = 0;
      if (q > between && q > p && bracketed_alias(toks, q, agency_end) && toks[q].kind == TokKind::open) p = q;
    }
    bool sep_after_a = false;
    std::optional<Match> b;
    enum class BPart { none, city, agency } bk = BPart::none;
    const std::size_t after_seps = skip_seps(toks, p);
    sep_after_a = after_seps > p;
    p = after_seps;
    std::size_t city_end = 0;
    const auto b_city = bracketed_city(toks, p, city_end);
    if (auto m = bracketed_alias(toks, p, end);
        m && (a != Part::agency || sep_after_a) && !(b_city && !m->distinctive && city_end >= end)) {
      bk = BPart::agency;
      b = m;
      p = end;
    } else if (b_city && (sep_after_a || toks[p].kind == TokKind::open)) {
      bk = BPart::city;
      b = b_city;
      p = city_end;
    } else if (a == Part::agency && is_word(toks, p) && toks[p].text == "من") {
      if (auto c2 = match_city(toks, p + 1)) {  // «الاقتصادية» من الرياض
        bk = BPart::city;
        b = c2;
        p = p + 1 + c2->tokens;
      }
    }
    const auto at_end_or_sep = [&](std::size_t q) { return q >= toks.size() || toks[q].kind == TokKind::sep; };
    if (a == Part::city && bk == BPart::agency) {
      d.agency = b->value;
    } else if (a == Part::agency && bk == BPart::city) {
      d.city = b->value;
    } else if (a == Part::agency && bk == BPart::agency) {
      d.second_agency = b->value;
    } else if (a == Part::unknown && bk == BPart::agency) {
      // "WORDS - AGENCY" or "WORDS (AGENCY)"; words running into a name are prose (وذكرت وكالة ...).
      if (!sep_after_a && toks[after_seps].kind != TokKind::open) return std::nullopt;
      // "وذكرت صحيفة (نيويورك تايمز)", "علمت «عكاظ» من": a citation in prose, not a dateline.
      if (cue_before(toks, a_end, true)) return std::nullopt;
      d.agency = b->value;
      // "فايز الأسمري- سبق- الرياض:" names the writer first and the city last.
      const std::size_t q = skip_seps(toks, p);
      if (q > p) {
        if (auto c = bracketed_city(toks, q, end)) {
          d.city = c->value;
          p = end;
        }
      }
      // Unknown words before the agency are as often a writer's name (محمد السيد - سبق:) as a
      // place missing from cities.txt: no city rather than a wrong one.
      if (!d.city && !at_end_or_sep(p) && !b->distinctive) return std::nullopt;
    } else if (!opening) {
      return std::nullopt;
    } else if (a == Part::city && bk == BPart::none) {
      // "القاهرة - أعلنت ..." or "بيروت: نذير رضا": a separator must follow the city.
      if (!sep_after_a && p < toks.size()) return std::nullopt;
    } else if (a == Part::agency && bk == BPart::none) {
      if (!sep_after_a && p < toks.size()) return std::nullopt;
      if (!a_match->distinctive && !sep_after_a) return std::nullopt;
    } else if (a == Part::unknown && bk == BPart::city) {
      if (!at_end_or_sep(p)) return std::nullopt;  // "جعفر الصفار – القطيف" on its own
      d.city = b->value;
    } else {
      return std::nullopt;
    }
    // The dateline ends after its last name, or after a bare city/agency (before the separator).
    d.last = (bk == BPart::none) ? a_end : p;
    return d;
  }

  void scan_line(std::string_view line, std::size_t offset, bool opening, bool datelines, Tokens& tokens,
                 std::vector<ExtractedSource>& out) const {
    tokenize(words, line, tokens);
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

  /// Scans @p text line by line; the first line with text (after header lines) is the opening.
  void scan(std::string_view text, std::vector<ExtractedSource>& out) const {
    bool opening_pending = true;
    bool in_related = false;
    Tokens tokens;
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::size_t line_begin = pos;
      pos = eol + 1;
      while (line_begin < eol) {
        std::size_t stop = eol;
        if (stop - line_begin > kWindowBytes) {  // a huge line: windows cut at white space
          stop = text.find(' ', line_begin + kWindowBytes);
          if (stop == std::string_view::npos || stop > eol) stop = eol;
        }
        std::string_view line = text.substr(line_begin, stop - line_begin);
        const std::size_t offset = line_begin;
        line_begin = stop;
        const std::size_t first_nonspace = line.find_first_not_of(" \t\r");
        if (first_nonspace == std::string_view::npos) continue;
        if (line.size() < 4096) {
          const LabelMatch label = layout->label(line);
          if (label.kind == LineLabel::related) {
            in_related = true;
            opening_pending = false;
            continue;
          }
          if (label.kind == LineLabel::source) {
            std::string_view value = line.substr(label.value_begin);
            while (!value.empty() && (value.back() == ' ' || value.back() == '.' || value.back() == '\r'))
              value.remove_suffix(1);
            if (value.empty()) continue;
            ExtractedSource s;
            if (const auto entry = lookup(value)) {
              s.name = entries[*entry].name;
              s.key = entries[*entry].key;
            } else {
              s.name.assign(value);
            }
            s.kind = SourceKind::source;
            s.begin = offset + label.value_begin;
            s.end = s.begin + value.size();
            s.text.assign(value);
            out.push_back(std::move(s));
            continue;
          }
          if (label.kind == LineLabel::published || label.kind == LineLabel::updated) {
            // Header line; text the scraper ran into it (dateline, first paragraph) is the opening.
            std::size_t rest = layout->date_value_end(line, label.value_begin);
            while (rest < line.size() && line[rest] == ' ') ++rest;
            if (rest >= line.size()) continue;
            scan_line(line.substr(rest), offset + rest, opening_pending, !in_related, tokens, out);
            opening_pending = false;
            continue;
          }
        }
        scan_line(line, offset, opening_pending, !in_related, tokens, out);
        opening_pending = false;
      }
    }
  }

  std::optional<std::size_t> lookup(std::string_view name) const {
    const std::string key = token_key(words, name);
    if (key.empty()) return std::nullopt;
    if (const auto it = aliases.find(key); it != aliases.end()) return it->second.entry;
    return std::nullopt;
  }

  /// "... - اليوم السابع" / "... | العربية": the outlet named after the last separator of a title.
  std::optional<ExtractedSource> title_suffix(std::string_view title) const {
    Tokens tokens;
    tokenize(words, title, tokens);
    const auto& toks = tokens.toks;
    for (std::size_t k = toks.size(); k-- > 1;) {
      if (toks[k].kind != TokKind::sep || toks[k].text == ":" || toks[k].text == "/" || toks[k].text == ",") continue;
      if (k + 1 >= toks.size()) return std::nullopt;
      const auto m = match_alias(toks, k + 1, false);
      if (!m || k + 1 + m->tokens != toks.size()) return std::nullopt;
      ExtractedSource s;
      s.name = entries[m->value].name;
      s.key = entries[m->value].key;
      s.kind = SourceKind::source;
      s.begin = toks[k + 1].begin;
      s.end = toks.back().end;
      s.text.assign(title.substr(s.begin, s.end - s.begin));
      return s;
    }
    return std::nullopt;
  }
};

SourceExtractor::SourceExtractor(const SourceExtractorOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->load_aliases(read_table("sources/agencies.tsv", options.aliases_file),
                      options.aliases_file.empty() ? "config/sources/agencies.tsv" : options.aliases_file);
  impl_->load_cities(read_table("sources/cities.txt", options.cities_file));
  for (const std::string& cue : impl_->layout->phrases("cue")) impl_->cues.insert(token_key(impl_->words, cue));
  for (const std::string& verb : impl_->layout->phrases("verb")) impl_->verbs.insert(token_key(impl_->words, verb));
}

SourceExtractor::~SourceExtractor() = default;
SourceExtractor::SourceExtractor(SourceExtractor&&) noexcept = default;
SourceExtractor& SourceExtractor::operator=(SourceExtractor&&) noexcept = default;

std::vector<ExtractedSource> SourceExtractor::extract(std::string_view text, std::string_view title) const {
  std::vector<ExtractedSource> out;
  impl_->scan(text, out);
  if (!title.empty())
    if (auto s = impl_->title_suffix(title)) {
      s->begin = s->end = 0;  // the span is in the title, not in @p text
      out.insert(out.begin(), std::move(*s));
    }
  return out;
}

std::vector<ExtractedSource> SourceExtractor::extract_article(std::string_view text) const {
  std::vector<ExtractedSource> out;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return out;
  const std::size_t eol = text.find('\n', first);
  const bool has_title = eol != std::string_view::npos &&
                         text.find_first_not_of(" \t\r\n", eol) != std::string_view::npos && eol - first <= 2000;
  if (has_title) {
    const std::string_view title = text.substr(first, eol - first);
    // A first line in the CITY - AGENCY shape opens the article; there is no headline.
    Tokens tokens;
    tokenize(impl_->words, title, tokens);
    if (impl_->layout->label(title).kind == LineLabel::none && !impl_->dateline(tokens.toks, 0, false)) {
      if (auto s = impl_->title_suffix(title)) {
        s->begin += first;
        s->end += first;
        out.push_back(std::move(*s));
      }
      const std::size_t from_title = out.size();
      impl_->scan(text.substr(eol + 1), out);
      for (std::size_t i = from_title; i < out.size(); ++i) {
        out[i].begin += eol + 1;
        out[i].end += eol + 1;
      }
      return out;
    }
  }
  impl_->scan(text, out);
  return out;
}

std::optional<std::pair<std::string, std::string>> SourceExtractor::canonical(std::string_view name_or_alias) const {
  if (const auto entry = impl_->lookup(name_or_alias))
    return std::make_pair(impl_->entries[*entry].name, impl_->entries[*entry].key);
  return std::nullopt;
}

std::vector<std::string> SourceExtractor::aliases_of(std::string_view key) const {
  for (const auto& e : impl_->entries)
    if (e.key == key) return e.aliases;
  return {};
}

std::string SourceExtractor::canonical_city(std::string_view city) const {
  const std::string key = token_key(impl_->words, city);
  if (const auto it = impl_->city_keys.find(key); it != impl_->city_keys.end()) return impl_->cities[it->second];
  return key;
}

}  // namespace xapian_arabic
