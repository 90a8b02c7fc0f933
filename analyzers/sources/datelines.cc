/** @file
 *  @brief Datelines: CITY - AGENCY:, AGENCY - CITY, CITY (AGENCY), and the article's opening line.
 */
#include <xapian_arabic/error.h>

#include <algorithm>

#include "sources/source_grammar.h"
#include "tables/data_files.h"

namespace xapian_arabic {

auto SourceExtractor::Impl::bracketed_alias(const std::vector<Tok>& toks, std::size_t i, std::size_t& end) const
    -> std::optional<Match> {
  return bracketed(toks, i, end, [&](std::size_t p) { return match_alias(toks, p, false); });
}

auto SourceExtractor::Impl::bracketed_city(const std::vector<Tok>& toks, std::size_t i, std::size_t& end) const
    -> std::optional<Match> {
  return bracketed(toks, i, end, [&](std::size_t p) { return match_city(toks, p); });
}

auto SourceExtractor::Impl::skip_seps(const std::vector<Tok>& toks, std::size_t p) const -> std::size_t {
  while (p < toks.size() && toks[p].kind == TokKind::sep) ++p;
  return p;
}

auto SourceExtractor::Impl::dateline(const std::vector<Tok>& toks, std::size_t i0, bool opening) const
    -> std::optional<Dateline> {
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

}  // namespace xapian_arabic
