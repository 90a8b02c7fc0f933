/** @file
 *  @brief A date written for search read as one expression of the date grammar, or as YYYY[-MM[-DD]].
 *
 *  Search reads dates with the grammar the extractor reads articles with, so date:, --from and
 *  --to take what the index took from the text; the machine forms are added because a query
 *  writes a bare year or month that running text would need a cue for.
 */
#include "dates/date_reading.h"

#include <string>

namespace xapian_arabic::dates {

namespace {

// A bare year in this span could be Hijri (1300 هـ = 1882, 1500 هـ = 2077) or Gregorian.
constexpr int kAmbiguousFirst = 1300, kAmbiguousLast = 1500;

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

CivilDate first_day(const IsoDate& d) {
  return {d.year, d.month ? d.month : 1, d.day ? d.day : 1};
}

CivilDate last_day(const IsoDate& d) {
  const int month = d.month ? d.month : 12;
  return {d.year, month, d.day ? d.day : days_in_month(d.year, month)};
}

// YYYY, YYYY-M[M], YYYY-M[M]-D[D] (or with /), YYYYMMDD, in any digits, nothing else around.
std::optional<DateSpan> machine_form(const TokenStream& stream, std::string_view text) {
  const std::vector<Atom>& a = stream.atoms();
  if (a.empty() || a.size() > 5 || a.size() % 2 == 0 || a[0].kind != AtomKind::digits) return std::nullopt;
  for (std::size_t i = 1; i < a.size(); ++i) {
    if (!a[i].touches_previous()) return std::nullopt;
    if (i % 2 == 1 && (a[i].kind != AtomKind::punct || (a[i].cp != '-' && a[i].cp != '/') || a[i].cp != a[1].cp))
      return std::nullopt;
    if (i % 2 == 0 && (a[i].kind != AtomKind::digits || a[i].digits > 2)) return std::nullopt;
  }
  int year = 0, month = 0, day = 0;
  if (a.size() == 1 && a[0].digits == 8) {
    year = static_cast<int>(a[0].value / 10000), month = static_cast<int>(a[0].value / 100 % 100);
    day = static_cast<int>(a[0].value % 100);
    if (month == 0 || day == 0) throw DateError(quoted(text) + " is not YYYYMMDD");
  } else if (a[0].digits == 4) {
    year = static_cast<int>(a[0].value);
    if (a.size() >= 3) month = static_cast<int>(a[2].value);
    if (a.size() == 5) day = static_cast<int>(a[4].value);
    if (a.size() >= 3 && month == 0) throw DateError("no month 0");
    if (a.size() == 5 && day == 0) throw DateError("no day 0");
  } else {
    return std::nullopt;
  }
  if (a.size() == 1 && month == 0 && year >= kAmbiguousFirst && year <= kAmbiguousLast)
    throw DateError(quoted(text) + " could be a Hijri or a Gregorian year: write " + std::to_string(year) +
                    "هـ for the Hijri year or " + std::to_string(year) + "م for the Gregorian one");
  if (month > 12) throw DateError("no month " + std::to_string(month));
  if (day > 0 && !is_valid(CivilDate{year, month, day}))
    throw DateError("no day " + std::to_string(day) + " in " + to_iso(IsoDate{year, month, 0}));
  const IsoDate d{year, month, day};
  return DateSpan{first_day(d), last_day(d)};
}

// Marks a date may stand between without being part of it: quotes, brackets, commas.
bool ignorable(const Atom& a) {
  if (a.kind != AtomKind::punct) return false;
  switch (a.cp) {
    case '"':
    case '\'':
    case '(':
    case ')':
    case ',':
    case 0x060C:
    case '.':
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D: return true;
    default: return false;
  }
}

}  // namespace

DateSpan read_date(std::string_view text, const HijriCalendar& hijri,
                   const std::function<std::vector<ExtractedDate>(const TokenStream&)>& extract) {
  TokenStream stream;
  stream.assign(text);
  if (stream.atoms().empty()) throw DateError("empty date");
  if (const auto span = machine_form(stream, text)) return *span;
  const std::vector<ExtractedDate> found = extract(stream);
  // The words no date covers are what was not understood.
  std::string left;
  for (const Atom& a : stream.atoms()) {
    bool covered = ignorable(a);
    for (const ExtractedDate& d : found) covered = covered || (a.begin >= d.begin && a.end <= d.end);
    if (covered) continue;
    if (!left.empty()) left += ' ';
    left.append(text.substr(a.begin, a.end - a.begin));
  }
  if (found.empty()) {
    const std::vector<Atom>& a = stream.atoms();
    const bool short_year = a.size() == 5 && a[0].kind == AtomKind::digits && a[2].kind == AtomKind::digits &&
                            a[4].kind == AtomKind::digits && a[0].digits != 4 && a[4].digits != 4;
    throw DateError(quoted(text) + (short_year ? " has no 4-digit year (write 16/07/2018)"
                                               : " is not a date the date grammar reads (docs/dates.md)"));
  }
  if (!left.empty())
    throw DateError(quoted(left) + " was not understood (" + quoted(found.front().text) + " was read as " +
                    found.front().value + ")");
  if (found.size() > 1)
    throw DateError("it holds " + std::to_string(found.size()) + " dates (" + quoted(found[0].text) + ", " +
                    quoted(found[1].text) + "): write a range as FROM..TO");
  const ExtractedDate& d = found.front();
  // A Hijri year (1446, 1445/1446) as its Gregorian days, not the Gregorian years it touches.
  if (!d.hijri.empty() && d.hijri.find('-') == std::string::npos) {
    const int from = std::stoi(d.hijri);
    const int to = d.hijri.size() > 4 ? std::stoi(d.hijri.substr(d.hijri.find('/') + 1)) : from;
    const auto start = hijri.to_gregorian(from, 1, 1), next = hijri.to_gregorian(to + 1, 1, 1);
    if (start && next) return {*start, add_days(*next, -1)};
  }
  const auto value = iso_date_of(d.value);
  const auto end = d.range_end ? iso_date_of(*d.range_end) : value;
  if (!value || !end) throw DateError(quoted(text) + " is not a date the date grammar reads (docs/dates.md)");
  return {first_day(*value), last_day(*end)};
}

}  // namespace xapian_arabic::dates
