/** @file
 *  @brief Outlets the alias table does not know, found by where they stand: the opening dateline,
 *  a citation after an outlet word, the end of a paragraph and the credit line.
 */
#include <xapian_arabic/error.h>

#include <algorithm>

#include "sources/source_grammar.h"
#include "text/clitics.h"

namespace xapian_arabic {

auto SourceExtractor::Impl::unknown_dateline(const std::vector<Tok>& toks) const -> std::optional<UnknownDateline> {
  const std::size_t n = toks.size();
  std::size_t p = 0;
  while (std::size_t len = shapes.skip.match(toks, p)) p += len;  // Next Previous
  const auto at_end_or_sep = [&](std::size_t q) { return q >= n || toks[q].kind == TokKind::sep; };
  // A quoted, Latin or plain name at q; past: the token after it (and its closing quote).
  const auto name_at = [&](std::size_t q, NameSpan& name, std::size_t& past) {
    if (const auto quoted = quoted_name(toks, q)) {
      name = *quoted;
      past = quoted->last + 1;
      return true;
    }
    name = {q, name_end(toks, q, 4), 0};
    past = name.last;
    return name.last > q;
  };
  NameSpan name;
  std::size_t past = 0, city_end = 0;
  if (const auto city = bracketed_city(toks, p, city_end)) {
    // CITY (NAME) -, CITY - NAME:, CITY/ NAME-, CITY: «NAME»
    std::size_t q = city_end;
    if (q < n && toks[q].kind == TokKind::open) {
      const auto quoted = quoted_name(toks, q);
      if (quoted && at_end_or_sep(quoted->last + 1) &&
          plausible_name(toks, quoted->first, quoted->last, NamePlace::bracket))
        return UnknownDateline{quoted->last + 1, *quoted, city->value};
      return std::nullopt;
    }
    q = skip_seps(toks, q);
    if (q == city_end || !name_at(q, name, past) || !at_end_or_sep(past) ||
        !plausible_name(toks, name.first, name.last, NamePlace::dateline))
      return std::nullopt;
    return UnknownDateline{past, name, city->value};
  }
  // NAME - CITY, NAME - متابعات, WRITER - NAME
  if (!name_at(p, name, past)) return std::nullopt;
  const std::size_t q = skip_seps(toks, past);
  if (q == past || q >= n) return std::nullopt;
  if (const auto city = bracketed_city(toks, q, city_end)) {
    if (at_end_or_sep(city_end) && plausible_name(toks, name.first, name.last, NamePlace::dateline))
      return UnknownDateline{city_end, name, city->value};
    return std::nullopt;  // جعفر الصفار – القطيف: a writer and a city
  }
  if (const std::size_t label = shapes.label.match(toks, q); label && at_end_or_sep(q + label)) {
    if (plausible_name(toks, name.first, name.last, NamePlace::dateline))
      return UnknownDateline{q + label, name, std::nullopt};
    return std::nullopt;
  }
  if (shapes.given_name.match(toks, p)) {  // حنان الحامدي – عين اليوم
    NameSpan outlet;
    std::size_t outlet_past = 0;
    if (name_at(q, outlet, outlet_past) && at_end_or_sep(outlet_past) &&
        plausible_name(toks, outlet.first, outlet.last, NamePlace::dateline))
      return UnknownDateline{outlet_past, outlet, std::nullopt};
  }
  return std::nullopt;
}

auto SourceExtractor::Impl::unknown_citation(const std::vector<Tok>& toks, std::size_t i, std::size_t consumed,
                                             NameSpan& name) const -> std::size_t {
  const std::size_t n = toks.size();
  const std::string_view word = toks[i].text;
  // لـ"العربية.نت": / لـ«الراية» إن: what the person told the outlet.
  if (word == clitics::text(clitics::li)) {
    const auto quoted = quoted_name(toks, i + 1);
    if (!quoted) return 0;
    const std::size_t after = quoted->last + 1;
    const bool said = after < n && (toks[after].text == ":" || toks[after].text == "\xD8\xA7\xD9\x86" /* ان */);
    // Quoted and followed by what was said, the words are a name whatever they are (لـ"في المرمى":);
    // only a number, a platform or a generic word is not.
    const char lead = toks[quoted->first].text[0];
    if (!said || quoted->last - quoted->first > 6 || (lead >= '0' && lead <= '9') ||
        shapes.label.match(toks, quoted->first))
      return 0;
    name = *quoted;
    return after;
  }
  // ذكرت هآرتس نقلا عن ...: a bare name between a reporting verb and نقلا عن.
  if (shapes.from.match(toks, i)) {
    for (std::size_t len = 1; len <= 3 && len <= i; ++len) {
      const std::size_t a = i - len;
      if (a < consumed || toks[a].kind != TokKind::word) break;
      if (verb_before(toks, a) && name_end(toks, a, 3) == i && plausible_name(toks, a, i, NamePlace::bare)) {
        name = {a, i, 0};
        return i;
      }
    }
    return 0;
  }
  bool clitic = false;
  const std::size_t cue = shapes.outlet_word.match(toks, i, true, &clitic);
  if (!cue || i + cue >= n) return 0;
  const std::size_t j = i + cue;
  if (const auto quoted = quoted_name(toks, j)) {  // صحيفة "ماركا", قناة "النهار", موقع «مدى مصر»
    if (!plausible_name(toks, quoted->first, quoted->last, NamePlace::bracket)) return 0;
    name = *quoted;
    return quoted->last + 1;
  }
  if (is_latin(toks[j])) {  // قناة CBS, موقع Axios, وكالة ANSA
    const std::size_t e = latin_end(toks, j);
    if (!plausible_name(toks, j, e, NamePlace::after_cue)) return 0;
    name = {j, e, 0};
    return e;
  }
  if (shapes.agency_word.match(toks, i, true)) {
    // وكالة فارس للأنباء, الوكالة الموريتانية للأنباء, وكالة الأنباء الليبية; not وكالة ناسا.
    std::size_t k = j;
    const bool news = shapes.news_word.match(toks, k) > 0;
    if (news) ++k;
    const std::size_t start = k;
    if (match_alias(toks, start, false)) return 0;  // وكالة رويترز للأنباء, وكالة أنباء الأناضول: the table's
    bool described = true;  // only descriptors so far: وكالة الأنباء الرسمية names no agency
    const auto take = [&](std::size_t t) { return t < n && toks[t].kind == TokKind::word; };
    if (news) {
      // وكالة الأنباء الإماراتية, وكالة أنباء الطلبة الإيرانية: one noun, then nisbas; what follows
      // them (بيانا, أيضا, قولها, الاثنين) is the sentence.
      if (take(k) && !shapes.nisba.match(toks, k) && !shapes.function_word.match(toks, k)) {
        described = false;
        ++k;
      }
      while (take(k) && k < start + 3 && shapes.nisba.match(toks, k)) {
        described = described && shapes.descriptor.match(toks, k);
        ++k;
      }
    } else {
      while (take(k) && k < start + 3 && !shapes.function_word.match(toks, k) && !shapes.agency_end.match(toks, k)) ++k;
      described = false;
    }
    if (k == start || described) return 0;
    if (const std::size_t end_len = shapes.agency_end.match(toks, k))
      k += end_len;
    else if (!news)
      return 0;
    // A known abbreviation in brackets names it: وكالة الأنباء الإماراتية (وام).
    std::size_t bracket_end = 0;
    if (k < n && toks[k].kind == TokKind::open && bracketed_alias(toks, k, bracket_end)) return 0;
    name = {i, k, clitic ? clitics::kBytes : 0};
    return k;
  }
  // Plain Arabic after an outlet word: a citation right after a reporting verb, or told to it (قال
  // مصدر لصحيفة القبس: ل with a reporting verb a few words before; not تأمين المياه لموقع السوق), of
  // at most two words (ونشر موقع هسبريس صورا: the object follows the name). Not after a definite
  // outlet word: الصحيفة البريطانية, للتلفزيون الروسي, بالموقع الإلكتروني describe it. A known name
  // there is the alias table's.
  const std::string_view rest = word.substr(clitic ? clitics::kBytes : 0);
  const bool definite = rest.starts_with(kAl) || (clitic && rest.starts_with(clitics::text(clitics::li)));
  const bool told = clitic && clitics::lead(word) == clitics::li && verb_within(toks, i, 4);
  if (definite || (!told && !verb_before(toks, i)) || match_alias(toks, j, false)) return 0;
  const std::size_t e = name_end(toks, j, 2);
  if (e == j || !plausible_name(toks, j, e, NamePlace::after_cue)) return 0;
  name = {j, e, 0};
  return e;
}

auto SourceExtractor::Impl::paragraph_end(const std::vector<Tok>& toks) const -> std::optional<NameSpan> {
  std::size_t k = toks.size();
  if (k > 0 && toks[k - 1].text == ".") --k;  // (كونا).
  if (k < 2) return std::nullopt;
  NameSpan name;
  std::size_t before = 0;  // the token before the credit: its bracket, or the dash of ". - الراية"
  bool bracketed = true;
  if (toks[k - 1].kind == TokKind::close || toks[k - 1].text == "/") {
    std::size_t o = k - 1;
    while (o > 0 && (toks[o - 1].kind == TokKind::word ||
                     (o >= 2 && toks[o - 1].text == "." && toks[o - 2].end == toks[o - 1].begin)))
      --o;
    if (o == 0 || o + 1 == k) return std::nullopt;
    --o;
    const bool pair = toks[k - 1].text == "/" ? toks[o].text == "/" : toks[o].kind == TokKind::open;
    if (!pair) return std::nullopt;
    name = {o + 1, k - 1, 0};
    before = o;
  } else if (toks[k - 1].kind == TokKind::word) {
    std::size_t a = k;
    while (a > 0 && toks[a - 1].kind == TokKind::word && k - a < 3) --a;
    if (a == 0 || toks[a - 1].kind != TokKind::sep) return std::nullopt;
    name = {a, k, 0};
    before = a - 1;
    bracketed = false;
    // Unbracketed, a signature is as likely (… وشكراً لكم. - عايد حافظ المطيري): one word, or a marked name.
    if (k - a > 1 && !shapes.outlet_word.match(toks, a)) {
      bool marker = false;
      for (std::size_t t = a; t < k; ++t) marker = marker || shapes.name_marker.match(toks, t);
      if (!marker) return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  // What comes before: the start of the line (a bracketed credit alone), or a sentence's end.
  std::size_t p = before;
  while (p > 0 && toks[p - 1].kind == TokKind::sep) --p;  // ….-(كونا)
  if (!bracketed) p = before;
  const auto sentence_end = [](std::string_view t) {
    return t == "." || t == "!" || t == "\xD8\x9F" /* ؟ */ || t == "\xE2\x80\xA6" /* … */;
  };
  if (p == 0 ? !bracketed : !sentence_end(toks[p - 1].text)) return std::nullopt;
  if (known_name(toks, name.first, name.last)) return name;  // (بترا), (العربية.نت)
  if (!plausible_name(toks, name.first, name.last, bracketed ? NamePlace::bracket : NamePlace::suffix))
    return std::nullopt;
  return name;
}

auto SourceExtractor::Impl::credit_line(const TokenStream& stream, std::size_t begin, std::size_t end, Tokens& tokens,
                                        std::vector<ExtractedSource>& out) const -> void {
  const std::string_view value = stream.text().substr(begin, end - begin);
  tokens_of(stream, stream.atom_at(begin), stream.atom_at(end), begin, tokens);
  const auto& toks = tokens.toks;
  // The names end at boilerplate (تابعونا على), a full stop, a comma or a separator between words.
  std::size_t cut = 0;
  for (; cut < toks.size(); ++cut) {
    const Tok& t = toks[cut];
    if (t.kind == TokKind::word) {
      if (shapes.boilerplate.match(toks, cut)) break;
      continue;
    }
    const bool inside_word = cut > 0 && cut + 1 < toks.size() && toks[cut - 1].end == t.begin &&
                             t.end == toks[cut + 1].begin && toks[cut - 1].kind == TokKind::word &&
                             toks[cut + 1].kind == TokKind::word;
    if (inside_word) continue;  // العربية.نت, Al-Monitor
    if (t.kind == TokKind::sep || t.text == "." || t.text == "," || t.text == "\xD8\x8C" /* ، */) break;
  }
  // Several names: سكاي نيوز عربية + وكالات.
  for (std::size_t a = 0; a < cut;) {
    std::size_t b = a;
    while (b < cut && toks[b].text != "+") ++b;
    NameSpan name{a, b, 0};
    // A quoted part is the name: موقع "خبرني", «الراية» القطرية, (وكالة سبأ).
    for (std::size_t q = a; q < b; ++q)
      if (const auto quoted = quoted_name(toks, q); quoted && quoted->last < b) {
        name = *quoted;
        break;
      }
    while (name.first < name.last && toks[name.first].kind != TokKind::word) ++name.first;
    while (name.last > name.first && toks[name.last - 1].kind != TokKind::word) --name.last;
    a = b + 1;
    if (name.first == name.last) continue;
    ExtractedSource s = named_source(value, begin, toks, name, SourceKind::source);
    if (s.key.empty() && !plausible_name(toks, name.first, name.last, NamePlace::credit)) continue;
    out.push_back(std::move(s));
  }
}

}  // namespace xapian_arabic
