/** @file
 *  @brief The shapes table (config/sources/name_shapes.tsv) and how a name the alias table does not
 *  know is told from a place, a person or an ordinary phrase where a source stands.
 */
#include <xapian_arabic/error.h>

#include <algorithm>

#include "sources/source_grammar.h"
#include "tables/data_files.h"
#include "text/clitics.h"

namespace xapian_arabic {

auto SourceExtractor::Impl::PhraseSet::add(const std::string& key, bool toggle) -> void {
  if (key.empty()) return;
  for (const std::string& k : {key, toggle ? toggle_al(key) : std::string()}) {
    if (k.empty()) continue;
    keys.insert(k);
    first.add(std::string_view(k).substr(0, k.find(' ')));
    max_words = std::max<std::size_t>(max_words, std::count(k.begin(), k.end(), ' ') + 1);
  }
}

auto SourceExtractor::Impl::PhraseSet::match(const std::vector<Tok>& toks, std::size_t i, bool clitics,
                                             bool* clitic) const -> std::size_t {
  if (i >= toks.size() || toks[i].kind != TokKind::word || max_words == 0) return 0;
  std::array<Variant, 3> views;
  const std::size_t count = clitics ? clitic_views(toks[i].text, views) : (views[0] = {toks[i].text, false}, 1);
  std::string key;
  for (std::size_t v = 0; v < count; ++v) {
    const Variant& var = views[v];
    const std::size_t size = var.rest.size() + (var.al ? kAl.size() : 0);
    const unsigned lead = var.al ? FirstWordFilter::lead(kAl) : FirstWordFilter::lead(var.rest);
    if (!first.test(size, lead, FirstWordFilter::tail(var.rest))) continue;
    key.assign(var.al ? kAl : std::string()).append(var.rest);
    std::size_t best = 0;
    for (std::size_t n = 1; n <= max_words && i + n <= toks.size(); ++n) {
      if (n > 1) {
        if (toks[i + n - 1].kind != TokKind::word) break;
        key.push_back(' ');
        key.append(toks[i + n - 1].text);
      }
      if (keys.contains(key)) best = n;
    }
    if (best) {
      if (clitic) *clitic = v > 0;
      return best;
    }
  }
  return 0;
}

auto SourceExtractor::Impl::load_shapes(const std::string& content, const std::string& name) -> void {
  const std::pair<const char*, PhraseSet Shapes::*> kinds[] = {
      {"outlet_word", &Shapes::outlet_word},
      {"agency_word", &Shapes::agency_word},
      {"agency_end", &Shapes::agency_end},
      {"news_word", &Shapes::news_word},
      {"name_marker", &Shapes::name_marker},
      {"citation_verb", nullptr},
      {"from", &Shapes::from},
      {"function_word", &Shapes::function_word},
      {"verb", &Shapes::verb},
      {"title", &Shapes::title},
      {"label", &Shapes::label},
      {"given_name", &Shapes::given_name},
      {"country", &Shapes::country},
      {"nisba", &Shapes::nisba},
      {"descriptor", &Shapes::descriptor},
      {"letter", &Shapes::letter},
      {"skip", &Shapes::skip},
  };
  for (std::string_view line : table_lines(content)) {
    const auto line_no = 1 + std::count(content.data(), line.data(), '\n');
    const auto f = split_fields(line);
    const auto kind = std::find_if(std::begin(kinds), std::end(kinds),
                                   [&](const auto& k) { return f.size() == 2 && f[0] == k.first; });
    if (kind == std::end(kinds) || f[1].empty())
      throw TableError(name + ":" + std::to_string(line_no) +
                       ": expected kind<TAB>phrase with a kind of the header, got '" + std::string(line) + "'");
    const std::string key = token_key(words, f[1]);
    if (!kind->second) {
      verbs.insert(key);  // reporting verbs also make a quoted contextual name a citation
      continue;
    }
    const auto set = kind->second;
    const bool nouns = set == &Shapes::outlet_word || set == &Shapes::agency_word || set == &Shapes::label ||
                       set == &Shapes::country || set == &Shapes::nisba || set == &Shapes::news_word ||
                       set == &Shapes::descriptor;
    (shapes.*set).add(key, nouns);
    if (set == &Shapes::nisba || set == &Shapes::descriptor) {  // مصري: مصرية too; a descriptor is a nisba
      const std::string feminine = token_key(words, std::string(f[1]) + "\xD8\xA9");
      shapes.nisba.add(feminine, true);
      if (set == &Shapes::descriptor) {
        shapes.nisba.add(key, true);
        shapes.descriptor.add(feminine, true);
      }
    }
  }
  for (const std::string& phrase : layout->phrases(MarkerKind::boilerplate))
    shapes.boilerplate.add(token_key(words, phrase), false);
  for (const PhraseSet* set : {&shapes.outlet_word, &shapes.from})
    for (const std::string& key : set->keys) citation_first.add(std::string_view(key).substr(0, key.find(' ')));
  citation_first.add(clitics::text(clitics::li));
}

auto SourceExtractor::Impl::verb_within(const std::vector<Tok>& toks, std::size_t i, std::size_t words) const -> bool {
  std::array<std::string, 4> variants;
  for (std::size_t n = 1; n <= words && n <= i && toks[i - n].kind == TokKind::word; ++n) {
    const std::size_t count = clitic_variants(toks[i - n].text, variants);
    for (std::size_t v = 0; v < count; ++v)
      if (verbs.contains(variants[v])) return true;
  }
  return false;
}

namespace {
bool joins(const std::vector<Tok>& toks, std::size_t e) {  // toks[e] is a . or - inside a word
  return e + 1 < toks.size() && e > 0 && (toks[e].text == "." || toks[e].text == "-") &&
         toks[e - 1].end == toks[e].begin && toks[e].end == toks[e + 1].begin && toks[e + 1].kind == TokKind::word;
}
}  // namespace

auto SourceExtractor::Impl::latin_end(const std::vector<Tok>& toks, std::size_t i) const -> std::size_t {
  std::size_t e = i, words = 0;
  while (e < toks.size() && toks[e].kind == TokKind::word && is_latin(toks[e]) && words < 4) {
    ++words;
    ++e;
    while (joins(toks, e)) e += 2;
  }
  if (e > i && e < toks.size() && !is_latin(toks[e])) e += shapes.name_marker.match(toks, e);
  return e;
}

auto SourceExtractor::Impl::name_end(const std::vector<Tok>& toks, std::size_t i, std::size_t max_words) const
    -> std::size_t {
  if (i >= toks.size() || toks[i].kind != TokKind::word) return i;
  if (is_latin(toks[i])) return latin_end(toks, i);
  std::size_t e = i, words = 0;
  while (e < toks.size() && toks[e].kind == TokKind::word && !is_latin(toks[e]) && words < max_words) {
    if (words > 0 && !shapes.name_marker.match(toks, e) &&
        (shapes.function_word.match(toks, e) || shapes.nisba.match(toks, e)))
      break;
    ++words;
    ++e;
    while (joins(toks, e)) e += 2;         // العربية.نت
    if (shapes.letter.match(toks, e - 1))  // سي إن بي سي: the letters are one word
      while (e < toks.size() && shapes.letter.match(toks, e)) ++e;
  }
  return e;
}

auto SourceExtractor::Impl::quoted_name(const std::vector<Tok>& toks, std::size_t i) const -> std::optional<NameSpan> {
  // A straight quote after a word reads as a close (لـ"العربية.نت"): either opens here.
  if (i >= toks.size() || !(toks[i].kind == TokKind::open || toks[i].text == "\"")) return std::nullopt;
  std::size_t e = i + 1, words = 0;
  while (e < toks.size() && toks[e].kind == TokKind::word && words < 6) {
    ++words;
    ++e;
    while (joins(toks, e)) e += 2;
  }
  if (words == 0 || e >= toks.size() || !(toks[e].kind == TokKind::close || toks[e].text == "\"")) return std::nullopt;
  return NameSpan{i + 1, e, 0};
}

auto SourceExtractor::Impl::joined_end(const std::vector<Tok>& toks, std::size_t i) -> std::size_t {
  std::size_t e = i + 1;
  while (joins(toks, e)) e += 2;
  return e;
}

auto SourceExtractor::Impl::known_name(const std::vector<Tok>& toks, std::size_t first, std::size_t last) const
    -> std::optional<Alias> {
  std::string key;
  for (std::size_t t = first; t < last; ++t) {
    if (toks[t].kind != TokKind::word) continue;
    if (!key.empty()) key.push_back(' ');
    key.append(toks[t].text);
  }
  if (const auto it = aliases.find(key); it != aliases.end()) return it->second;
  return std::nullopt;
}

auto SourceExtractor::Impl::plausible_name(const std::vector<Tok>& toks, std::size_t first, std::size_t last,
                                           NamePlace place) const -> bool {
  std::size_t words = 0;
  bool marker = false;
  for (std::size_t t = first; t < last; ++t) {
    if (toks[t].kind != TokKind::word) continue;
    ++words;
    if (shapes.name_marker.match(toks, t)) marker = true;
    if (t > first && shapes.function_word.match(toks, t) &&
        !(shapes.letter.match(toks, t) && shapes.letter.match(toks, t - 1)))  // سي إن إن
      return false;
  }
  const std::size_t limit = place == NamePlace::credit ? 6 : place == NamePlace::suffix ? 5 : 4;
  const char lead = toks[first].text.empty() ? '0' : toks[first].text[0];
  if (words == 0 || words > limit || (lead >= '0' && lead <= '9')) return false;  // 1 بلجيكا, but عربي21
  const bool outlet_first = shapes.outlet_word.match(toks, first) > 0;
  // وذكرت الصحيفة, - مباشر, - رئيس الوزراء, القاهرة - أعلنت: but القناة 10 is a channel, and a
  // generic word before a name marker is a name (المصدر أونلاين).
  if (not_first(toks, first) && !(outlet_first && words > 1) &&
      !(marker && words > 1 && !shapes.function_word.match(toks, first, true) && !shapes.verb.match(toks, first, true)))
    return false;
  if (place != NamePlace::credit && shapes.given_name.match(toks, first)) return false;  // a byline
  if (is_latin(toks[first])) return true;
  // المصرية, إيطالية, - الإعلامية: an adjective; after an outlet word a definite one is a name
  // (صحيفة السوداني), an indefinite one describes it (صحيفة مصرية).
  if (shapes.nisba.match(toks, first) && !(place == NamePlace::after_cue && toks[first].text.starts_with(kAl)))
    return false;
  // A place, or places and adjectives only (الأرجنتين - فرنسا, مصر العربية), is not a name unless
  // an outlet word or a marker makes it one (بغداد اليوم); سودان تربيون is.
  bool only_places = true;
  for (std::size_t t = first; t < last && only_places; ++t)
    if (toks[t].kind == TokKind::word)
      only_places = match_city(toks, t) || shapes.country.match(toks, t, true) || shapes.nisba.match(toks, t, true);
  if (only_places && place != NamePlace::after_cue && !marker && !outlet_first) return false;
  // A lone word after a headline's dash is as often a person or a place (ترمب - كيم, - بوتين):
  // newspapers' one-word names take the article (القبس, الراية, النشرة).
  if (place == NamePlace::suffix && words == 1 && !marker && !toks[first].text.starts_with(kAl)) return false;
  return true;
}

auto SourceExtractor::Impl::named_source(std::string_view line, std::size_t offset, const std::vector<Tok>& toks,
                                         const NameSpan& name, SourceKind kind) const -> ExtractedSource {
  ExtractedSource s;
  s.kind = kind;
  const std::size_t begin = toks[name.first].begin + name.lead, end = toks[name.last - 1].end;
  s.begin = offset + begin;
  s.end = offset + end;
  s.text.assign(line.substr(begin, end - begin));
  auto known = name.lead ? std::nullopt : known_name(toks, name.first, name.last);
  if (!known && name.last - name.first > 1 && shapes.outlet_word.match(toks, name.first) == 1)
    known = known_name(toks, name.first + 1, name.last);  // (وكالة سبأ): سبأ
  if (known) {
    s.name = entries[known->entry].name;
    s.key = entries[known->entry].key;
    return s;
  }
  // As written, white space collapsed and digits in ASCII (القناة ١٠ → القناة 10).
  for (std::size_t at = 0; at < s.text.size();) {
    std::size_t len = 0;
    const char32_t cp = utf8::decode(s.text, at, len);
    at += len;
    if (cp >= 0x660 && cp <= 0x669)
      s.name.push_back(static_cast<char>('0' + (cp - 0x660)));
    else if (cp >= 0x6F0 && cp <= 0x6F9)
      s.name.push_back(static_cast<char>('0' + (cp - 0x6F0)));
    else if (cp == ' ' || cp == '\t' || cp == 0xA0) {
      if (!s.name.empty() && s.name.back() != ' ') s.name.push_back(' ');
    } else {
      utf8::append(s.name, cp);
    }
  }
  return s;
}

}  // namespace xapian_arabic
