/** @file
 *  @brief Absolute dates: day, month and year in any order and digits, numeric dates, ranges, years with a cue.
 *
 *  Just over 400 lines: one sub-grammar, whose orders and ranges share the day, month and year
 *  readers at its top.
 */
#include "dates/date_grammar.h"

namespace xapian_arabic::dates {

bool Grammar::day_at(std::size_t i, int& day, std::size_t& next) const {
  if (small_number(i, 1, 31)) {
    day = number(i);
    next = i + 1;
    if (is_word(next) && !t_[next].space_before) {
      const std::string_view s = fold(next);
      if (s == "st" || s == "nd" || s == "rd" || s == "th") ++next;
    }
    return true;
  }
  const LexEntry* e = nullptr;
  if (std::size_t k = match(
          i, [](const LexEntry& x) { return x.ordinal != 0; }, &e)) {
    // الأسبوع الثاني من شهر صفر, المركز الرابع من يونيو: the ordinal counts something else.
    if (i > 0 && has_role(i - 1, dates::role_ordinal_of)) return false;
    const std::size_t j = i + k;
    if (!has_role(j, dates::role_of) && !has_role(j, dates::role_month_word)) return false;
    day = e->ordinal;
    next = j;
    return true;
  }
  return false;
}

bool Grammar::month_at(std::size_t i, int& month, std::size_t& next, bool& needs_number) const {
  if (has_role(i, dates::role_month_word)) ++i;
  const LexEntry* e = nullptr;
  const std::size_t k = match(
      i, [](const LexEntry& x) { return x.month != 0; }, &e);
  if (!k) return false;
  month = e->month;
  needs_number = e->month_needs_number;
  next = i + k;
  if (is_punct(next, '.') && !t_[next].space_before) ++next;  // Nov.
  const auto same = [m = month](const LexEntry& x) { return x.month == m; };
  if (is_punct(next, '/') || is_punct(next, '(') || is_dash(next)) {
    const bool paren = is_punct(next, '(');
    if (std::size_t k2 = match(next + 1, same)) {
      next += 1 + k2;
      if (paren && is_punct(next, ')')) ++next;
      needs_number = false;
    }
  } else if (std::size_t k2 = match(next, same)) {
    next += k2;
    needs_number = false;
  }
  return true;
}

Grammar::Era Grammar::era_at(std::size_t& next) const {
  if (has_role(next, dates::role_era_ah)) {
    ++next;
    return Era::ah;
  }
  if (has_role(next, dates::role_era_ad)) {
    ++next;
    return Era::ad;
  }
  return Era::none;
}

bool Grammar::year_at(std::size_t i, int& year, std::size_t& next, Era& era) const {
  if (!year_number(i)) return false;
  year = number(i);
  next = i + 1;
  era = era_at(next);
  if (era == Era::none && (has_role(next, dates::role_count) || is_punct(next, '%'))) return false;
  return era == Era::ah ? year >= 1 && year <= 1600 : year >= 1000 && year <= 2199;
}

bool Grammar::numeric_date(std::size_t i, Parse& p) const {
  if (!is_number(i + 2) || !is_number(i + 4) || !is_any_punct(i + 1)) return false;
  const char32_t sep = t_[i + 1].cp;
  if (sep != '/' && sep != '-' && sep != '.' && sep != 0x2010 && sep != 0x2011) return false;
  if (!is_punct(i + 3, sep)) return false;
  // Part of a longer chain of numbers (phone numbers, versions, IP addresses).
  const auto joins = [&](std::size_t s) {
    return is_any_punct(s) && (t_[s].cp == '/' || t_[s].cp == '-' || t_[s].cp == '.' || t_[s].cp == ':');
  };
  if (i >= 2 && joins(i - 1) && is_number(i - 2) && !t_[i].space_before) return false;
  if (joins(i + 5) && is_number(i + 6) && !t_[i + 6].space_before && !t_[i + 5].space_before) return false;
  // Spaced separators (21 / 11 / 2024) are allowed only all around; scores are "1 / 1".
  int y, m, d;
  std::uint8_t numeric = 0;
  if (t_[i].digits == 4 && t_[i + 2].digits <= 2 && t_[i + 4].digits <= 2) {
    y = number(i), m = number(i + 2), d = number(i + 4);
  } else if (t_[i + 4].digits == 4 && t_[i].digits <= 2 && t_[i + 2].digits <= 2) {
    d = number(i), m = number(i + 2), y = number(i + 4);
    // Month first (11/21/2024) when the day cannot be first, or when the page reads so.
    numeric = m > 12 && d <= 12 ? 2 : d > 12 && m <= 12 ? 1 : d != m && d <= 12 && m <= 12 ? 3 : 0;
    if (numeric == 2 || (numeric == 3 && month_first_)) std::swap(d, m);
  } else {
    return false;
  }
  std::size_t next = i + 5;
  const Era era = era_at(next);
  // 8-11-1436 with no era word (Saudi pages): no news text writes a Gregorian year 1300-1500 so.
  if (era == Era::ah || (era == Era::none && y >= kBareHijriFirst && y <= kBareHijriLast))
    return hijri_day(y, m, d, i, next - 1, p);
  if (y < (era == Era::ad ? 1000 : 1800) || y > 2199) return false;
  if (!is_valid({y, m, d})) return false;
  p.first = i;
  p.last = next - 1;
  p.year = y, p.month = m, p.day = d;
  p.numeric = numeric;
  // ISO: 2024-11-21T10:30
  if (is_word(next) && fold(next) == "t" && !t_[next].space_before && is_number(next + 1) && !t_[next + 1].space_before)
    clock_at(next + 1, p);
  return true;
}

bool Grammar::day_month_tail(std::size_t first, std::size_t j, int day, int end_day, Parse& p) const {
  if (is_comma(j)) ++j;
  if (has_role(j, dates::role_of) && !has_role(j + 1, dates::role_to)) ++j;
  int month = 0;
  bool needs = false;
  std::size_t next = 0;
  if (month_at(j, month, next, needs)) {
    std::size_t k = next;
    if (is_comma(k)) ++k;
    int year = 0;
    Era era = Era::none;
    std::size_t after = 0;
    if (year_at(k, year, after, era)) {
      if (era == Era::ah) return false;
      next = after;
    } else if (is_number(k) && t_[k].digits > 2) {
      return false;  // 4 جوان 20177: a damaged year, not a day to complete
    } else {
      year = 0;
    }
    p.first = first, p.last = next - 1;
    p.year = year, p.month = month, p.day = day;
    if (end_day) p.end_year = year, p.end_month = month, p.end_day = end_day;
    return year == 0 || is_valid({year, month, day});
  }
  if (has_role(j, dates::role_month_word)) ++j;
  const LexEntry* e = nullptr;
  if (std::size_t k = match(
          j, [](const LexEntry& x) { return x.hijri_month != 0; }, &e)) {
    int year = 0;
    Era era = Era::none;
    std::size_t after = 0;
    if (!is_number(j + k) || t_[j + k].digits < 3 || t_[j + k].digits > 4) return false;
    year = number(j + k);
    after = j + k + 1;
    if (has_role(after, dates::role_era_ah))
      ++after;
    else if (year > 1600 || has_role(after, dates::role_era_ad))
      return false;
    (void)era;
    if (!hijri_day(year, e->hijri_month, day, first, after - 1, p)) return false;
    if (end_day) {
      const auto g = hijri_.to_gregorian(year, e->hijri_month, end_day);
      if (!g) return false;
      p.end_year = g->year, p.end_month = g->month, p.end_day = g->day;
    }
    return true;
  }
  return false;
}

bool Grammar::parse_absolute(std::size_t i, Parse& p, bool link) {
  Parse q;
  if (!absolute_core(i, q)) return false;
  if (link) {
    link_calendars(q);
    if (q.day > 0 && q.end_day == 0) range_tail(q);
    if (q.day > 0 && q.hour < 0)
      time_tail(q);
    else
      zone_tail(q);
  }
  if (q.year == 0) {
    // Day and month only: the year comes from the reference day: the nearest such
    // date, or the one before / after it when الماضي / المقبل follows.
    if (!ref_) return false;
    int direction = 0;
    if (has_role(q.last + 1, dates::role_past))
      direction = -1, ++q.last;
    else if (has_role(q.last + 1, dates::role_next))
      direction = 1, ++q.last;
    const long today = days_from_civil(*ref_);
    int best = 0;
    long best_gap = 0;
    for (int y = ref_->year - 1; y <= ref_->year + 1; ++y) {
      if (!is_valid({y, q.month, q.day})) continue;
      const long day = days_from_civil({y, q.month, q.day});
      if ((direction < 0 && day > today) || (direction > 0 && day < today)) continue;
      const long gap = std::labs(day - today);
      if (best == 0 || gap < best_gap) best = y, best_gap = gap;
    }
    if (best == 0) return false;
    q.year = best;
    if (q.end_day) {
      q.end_year = q.end_month < q.month ? best + 1 : best;
      if (!is_valid({q.end_year, q.end_month, q.end_day})) q.end_year = q.end_month = q.end_day = 0;
    }
  }
  p = std::move(q);
  return true;
}

bool Grammar::absolute_core(std::size_t i, Parse& q) const {
  if (is_number(i)) {
    if (numeric_date(i, q)) return true;
    int day = 0;
    std::size_t j = 0;
    if (t_[i].digits <= 2 && day_at(i, day, j)) {
      // من 10 إلى 12 نوفمبر, 10-12 نوفمبر, بين 10 و12 نوفمبر
      int end_day = 0;
      if (const std::size_t e = range_end_at(j); e && small_number(e, day + 1, 31)) {
        std::size_t k = 0;
        int d2 = 0;
        Parse tmp;
        if (day_at(e, d2, k) && day_month_tail(i, k, day, d2, tmp)) {
          q = tmp;
          if (i > 0 && has_role(i - 1, dates::role_from)) q.first = i - 1;
          return true;
        }
      }
      // من 10 إلى 14/11/2024, من 1 إلى 30-12-1436: the second end is a whole numeric date.
      if (const std::size_t e = range_end_at(j); e && small_number(e, day + 1, 31)) {
        Parse end;
        if (numeric_date(e, end) && end.end_day == 0 && end.hour < 0) {
          const int d2 = end.from_hijri ? std::stoi(end.hijri.substr(8)) : end.day;
          if (d2 > day) {
            const CivilDate last{end.year, end.month, end.day};
            const CivilDate start = add_days(last, day - d2);  // the same month: consecutive days
            q = end;
            q.first = i > 0 && has_role(i - 1, dates::role_from) ? i - 1 : i;
            q.year = start.year, q.month = start.month, q.day = start.day;
            q.end_year = last.year, q.end_month = last.month, q.end_day = last.day;
            if (end.from_hijri) q.hijri = end.hijri.substr(0, 8) + two(day);
            return true;
          }
        }
      }
      if (day_month_tail(i, j, day, end_day, q)) return true;
      return false;
    }
    // 1445/1446هـ
    if ((t_[i].digits == 3 || t_[i].digits == 4) && (is_punct(i + 1, '/') || is_dash(i + 1)) && is_number(i + 2) &&
        number(i + 2) == number(i) + 1 && has_role(i + 3, dates::role_era_ah) && number(i + 2) <= 1600)
      return hijri_years(number(i), number(i + 2), i, i + 3, q);
    // 1446 هـ, ١٤٤٦ه
    if ((t_[i].digits == 3 || t_[i].digits == 4) && has_role(i + 1, dates::role_era_ah) && number(i) <= 1600)
      return hijri_year(number(i), i, i + 1, q);
    // 2024 م
    if (t_[i].digits == 4 && has_role(i + 1, dates::role_era_ad) && number(i) >= 1000 && number(i) <= 2199) {
      q.first = i, q.last = i + 1, q.year = number(i);
      return true;
    }
    return false;
  }
  if (!is_word(i) || !t_[i].lex) return false;
  int day = 0;
  std::size_t j = 0;
  if (day_at(i, day, j)) return day_month_tail(i, j, day, 0, q);
  int month = 0;
  bool needs = false;
  if (month_at(i, month, j, needs)) {
    // November 21, 2024
    if (small_number(j, 1, 31)) {
      int d = 0;
      std::size_t k = 0;
      day_at(j, d, k);
      if (is_comma(k)) ++k;
      int year = 0;
      Era era = Era::none;
      std::size_t after = 0;
      if (year_at(k, year, after, era) && era != Era::ah && is_valid({year, month, d})) {
        q.first = i, q.last = after - 1, q.year = year, q.month = month, q.day = d;
        return true;
      }
      // "November 21" without a year is English word order; in Arabic text a
      // number after a month is usually something else (تسليم سبتمبر 14 سنتا).
      if (needs || static_cast<unsigned char>(fold(i)[0]) >= 0x80) return false;
      q.first = i, q.last = k - 1, q.year = 0, q.month = month, q.day = d;
      return true;
    }
    // نوفمبر 2024, تشرين الأول 2023, شهر نوفمبر من عام 2024; not after a day
    // number that did not make a valid date (31 نوفمبر 2024).
    if (i > 0 && small_number(i - 1, 0, 99)) return false;
    std::size_t k = j;
    if (is_comma(k)) ++k;
    if (has_role(k, dates::role_of) && has_role(k + 1, dates::role_year)) ++k;
    if (has_role(k, dates::role_year) && !has_role(k, dates::role_count)) ++k;
    int year = 0;
    Era era = Era::none;
    std::size_t after = 0;
    if (year_at(k, year, after, era) && era != Era::ah) {
      q.first = i, q.last = after - 1, q.year = year, q.month = month;
      return true;
    }
    return false;
  }
  // رمضان 1445 هـ
  if (has_role(i, dates::role_month_word)) ++i;
  const LexEntry* e = nullptr;
  if (std::size_t k = match(
          i, [](const LexEntry& x) { return x.hijri_month != 0; }, &e)) {
    const std::size_t y = i + k;
    if (!is_number(y) || t_[y].digits < 3 || t_[y].digits > 4 || number(y) > 1600) return false;
    std::size_t last = y;
    if (has_role(y + 1, dates::role_era_ah)) ++last;
    return hijri_month(number(y), e->hijri_month, i, last, q);
  }
  return false;
}

std::size_t Grammar::range_end_at(std::size_t j) const {
  // - / إلى / حتى / و / لغاية / إلى غاية, then an optional weekday: من الأحد 12 إلى الخميس 22
  if (is_dash(j))
    ++j;
  else if (has_role(j, dates::role_to))
    j += has_role(j + 1, dates::role_to) ? 2 : 1;  // إلى غاية: one word each, so إلى heads no phrase
  else
    return 0;
  if (const std::size_t k = match(j, [](const LexEntry& e) { return e.weekday != 0; })) {
    j += k;
    if (is_comma(j)) ++j;
  }
  return j;
}

int Grammar::precision(const Parse& p) {
  if (p.from_hijri) return p.hijri.size() == 10 ? 3 : p.hijri.size() == 7 ? 2 : 1;
  return p.day > 0 ? 3 : p.month > 0 ? 2 : 1;
}

std::pair<long, long> Grammar::interval(const Parse& p) {
  const CivilDate a{p.year, p.month ? p.month : 1, p.day ? p.day : 1};
  CivilDate b;
  if (p.end_year)
    b = {p.end_year, p.end_month ? p.end_month : 12, p.end_day ? p.end_day : 31};
  else
    b = {p.year, p.month ? p.month : 12, p.day ? p.day : 31};
  if (b.day > days_in_month(b.year, b.month)) b.day = days_in_month(b.year, b.month);
  return {days_from_civil(a), days_from_civil(b)};
}

void Grammar::range_tail(Parse& q) {
  const std::size_t j = range_end_at(q.last + 1);
  if (!j) return;
  Parse r;
  if (!absolute_core(j, r) || r.day == 0 || r.from_hijri != q.from_hijri || r.end_day) return;
  if (q.year == 0 && r.year == 0) {
    // 16 أبريل إلى 24 مايو: both years come from the reference day later.
    if (r.month < q.month || (r.month == q.month && r.day <= q.day)) return;
    q.end_month = r.month, q.end_day = r.day;
    q.last = r.last;
    if (q.first > 0 && has_role(q.first - 1, dates::role_from)) --q.first;
    return;
  }
  const int ry = r.year ? r.year : (q.month <= r.month ? q.year : q.year + 1);
  const int qy = q.year ? q.year : (q.month <= r.month ? ry : ry - 1);
  if (days_from_civil({ry, r.month, r.day}) <= days_from_civil({qy, q.month, q.day})) return;
  q.year = qy;
  q.end_year = ry, q.end_month = r.month, q.end_day = r.day;
  q.last = r.last;
  if (r.numeric && (q.numeric == 0 || q.numeric == 3)) q.numeric = r.numeric;
  if (q.first > 0 && has_role(q.first - 1, dates::role_from)) --q.first;
}

bool Grammar::year_with_cue(std::size_t i, Parse& p) const {
  if (!year_number(i) || i == 0) return false;
  const int year = number(i);
  const LexEntry* cue = lex(i - 1);
  const bool keyword = cue && (cue->roles & (dates::role_year | dates::role_season));
  const bool season = cue && (cue->roles & dates::role_season);
  const bool in = is_fold(i - 1, "في") || is_fold(i - 1, "وفي") || is_fold(i - 1, "in");
  if (!keyword && !in) return false;
  if (year < (keyword ? 1000 : 1900) || year > (keyword ? 2199 : 2100)) return false;
  if (has_role(i + 1, dates::role_era_ah)) return hijri_year(year, i, i + 1, p);
  p.first = i, p.last = i;
  p.year = year;
  std::size_t j = i + 1;
  if (has_role(j, dates::role_era_ad)) p.last = j++;
  // a season or range of years
  if ((is_dash(j) || is_punct(j, '/') || has_role(j, dates::role_to)) && is_number(j + 1)) {
    int second = number(j + 1);
    if (t_[j + 1].digits == 2) second += year / 100 * 100;
    const bool next_year = (t_[j + 1].digits == 4 || t_[j + 1].digits == 2) && second == year + 1;
    if (next_year && t_[j + 1].digits == 4 && has_role(j + 2, dates::role_era_ah))
      return hijri_years(year, second, i, j + 2, p);
    if ((next_year && (keyword || is_dash(j) || is_punct(j, '/'))) ||
        (season && t_[j + 1].digits == 4 && second > year && second - year <= 50)) {
      p.end_year = second;
      p.last = j + 1;
      if (has_role(p.last + 1, dates::role_era_ad)) ++p.last;
      return true;
    }
    if (is_dash(j) || is_punct(j, '/')) return false;  // 2019/7 and the like: not a year
  }
  if (has_role(j, dates::role_count) || is_punct(j, 0x25)) return false;
  if (in && !keyword && is_word(j) && !has_role(j, dates::role_era_ad) && !has_role(j, dates::role_to)) return false;
  return true;
}

}  // namespace xapian_arabic::dates
