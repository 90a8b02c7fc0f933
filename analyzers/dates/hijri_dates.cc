/** @file
 *  @brief Hijri dates through ICU, and the Gregorian date written beside a Hijri one.
 */
#include "dates/date_grammar.h"

namespace xapian_arabic::dates {

bool Grammar::hijri_day(int y, int m, int d, std::size_t first, std::size_t last, Parse& p) const {
  const auto g = hijri_.to_gregorian(y, m, d);
  if (!g) return false;
  p.first = first;
  p.last = last;
  p.year = g->year, p.month = g->month, p.day = g->day;
  p.from_hijri = true;
  p.hijri = to_iso(IsoDate{y, m, d});
  return true;
}

bool Grammar::hijri_month(int y, int m, std::size_t first, std::size_t last, Parse& p) const {
  const int length = hijri_.month_length(y, m);
  const auto start = hijri_.to_gregorian(y, m, 1);
  if (!start || length == 0) return false;
  const CivilDate end = add_days(*start, length - 1);
  p.first = first, p.last = last;
  p.year = start->year, p.month = start->month, p.day = start->day;
  p.end_year = end.year, p.end_month = end.month, p.end_day = end.day;
  p.from_hijri = true;
  p.hijri = to_iso(IsoDate{y, m, 0});
  return true;
}

bool Grammar::hijri_year(int y, std::size_t first, std::size_t last, Parse& p) const {
  const auto start = hijri_.to_gregorian(y, 1, 1);
  const auto next = hijri_.to_gregorian(y + 1, 1, 1);
  if (!start || !next) return false;
  const CivilDate end = add_days(*next, -1);
  p.first = first, p.last = last;
  p.year = start->year;
  if (end.year != start->year) p.end_year = end.year;
  p.from_hijri = true;
  p.hijri = to_iso(IsoDate{y, 0, 0});
  return true;
}

bool Grammar::hijri_years(int first_year, int last_year, std::size_t first, std::size_t last, Parse& p) const {
  Parse a, b;
  if (!hijri_year(first_year, first, last, a) || !hijri_year(last_year, first, last, b)) return false;
  p = a;
  p.end_year = b.end_year ? b.end_year : b.year;
  p.hijri = to_iso(IsoDate{first_year, 0, 0}) + "/" + to_iso(IsoDate{last_year, 0, 0});
  return true;
}

void Grammar::link_calendars(Parse& q) {
  std::size_t j = q.last + 1;
  bool paren = false;
  if (is_punct(j, '('))
    paren = true, ++j;
  else if (is_comma(j) || is_dash(j) || is_punct(j, '/'))
    ++j;
  if (std::size_t k = match(j, [](const LexEntry& e) { return (e.roles & dates::role_corresponds) != 0; })) j += k;
  if (is_punct(j, '(') && !paren) paren = true, ++j;
  const bool explicit_link = j > q.last + 1 && has_role(j - 1, dates::role_corresponds);
  Parse r;
  if (!absolute_core(j, r) || r.from_hijri == q.from_hijri || r.year == 0) return;
  // Same precision, and (unless الموافق says so) the same days within the two days
  // that moon sighting and Umm al-Qura may differ by.
  if (precision(q) != precision(r)) return;
  if (!explicit_link) {
    const auto [qa, qb] = interval(q);
    const auto [ra, rb] = interval(r);
    if (qa > rb + 2 || ra > qb + 2) return;
  }
  // Both must be at least as precise as a year; the Gregorian one gives the value.
  Parse& greg = q.from_hijri ? r : q;
  Parse& hij = q.from_hijri ? q : r;
  Parse merged = greg;
  merged.first = q.first;
  merged.last = r.last;
  merged.hijri = hij.hijri;
  merged.from_hijri = false;
  if (paren && is_punct(merged.last + 1, ')')) ++merged.last;
  q = std::move(merged);
}

}  // namespace xapian_arabic::dates
