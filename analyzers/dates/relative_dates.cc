/** @file
 *  @brief Relative dates: أمس, غدا, الخميس الماضي, منذ ثلاثة أيام, resolved against the reference day.
 */
#include "dates/date_grammar.h"

namespace xapian_arabic::dates {

bool Grammar::weekday_alone(std::size_t i, std::size_t k, int weekday, Parse& p) const {
  if (!ref_) return false;
  std::size_t last = i + k - 1;
  int direction = 0;  // -1: strictly before, 0: on or before, 1: on or after, 2: strictly after
  if (match(last + 1, [](const LexEntry& e) { return (e.roles & dates::role_past) != 0; })) {
    direction = -1;
    ++last;
  } else if (match(last + 1, [](const LexEntry& e) { return (e.roles & dates::role_next) != 0; })) {
    direction = 2;
    ++last;
  } else if (future_before(i)) {
    direction = 1;
  }
  const int today = iso_weekday(*ref_);
  int delta = 0;
  switch (direction) {
    case -1:
      delta = -(((today - weekday) + 7) % 7);
      if (delta == 0) delta = -7;
      break;
    case 0: delta = -(((today - weekday) + 7) % 7); break;
    case 1: delta = ((weekday - today) + 7) % 7; break;
    default:
      delta = ((weekday - today) + 7) % 7;
      if (delta == 0) delta = 7;
      break;
  }
  const CivilDate d = add_days(*ref_, delta);
  p.first = i, p.last = last;
  p.year = d.year, p.month = d.month, p.day = d.day;
  return true;
}

bool Grammar::future_before(std::size_t i) const {
  for (std::size_t back = 1; back <= 6 && back <= i; ++back) {
    const std::size_t j = i - back;
    if (is_punct(j, '.') || is_punct(j, 0x061F) || is_punct(j, '!') || is_punct(j, '?')) return false;
    if (!is_word(j)) continue;
    if (has_role(j, dates::role_future)) return true;
    std::string_view w = fold(j);
    if (is_clitic_lead(w) && clitics::starts_with(w, clitics::kConjunctions)) w.remove_prefix(clitics::kBytes);
    // سي/ست/سن + a verb of at least three letters
    if (w.size() >= 8 && (starts_with(w, "\xD8\xB3\xD9\x8A") || starts_with(w, "\xD8\xB3\xD8\xAA") ||
                          starts_with(w, "\xD8\xB3\xD9\x86"))) {
      const LexEntry* e = lex_.find(w);
      if (!e || !(e->roles & dates::role_not_future)) return true;
    }
  }
  return false;
}

bool Grammar::relative(std::size_t i, std::size_t k, const LexEntry& e, Parse& p) {
  // اليوم الوطني, اليوم التالي, الليلة الأولى: a noun with an adjective, not "today".
  if (k == 1 && starts_with(fold(i).substr(t_[i].clitic), clitics::kArticle) && is_word(i + 1) &&
      starts_with(fold(i + 1), clitics::kArticle) && !(lex(i + 1) && lex(i + 1)->weekday))
    return false;
  std::size_t last = i + k - 1;
  if (e.relative_unit == Unit::day) {
    // أمس الثلاثاء; اليوم الثلاثاء 19 نوفمبر 2024 (then the explicit date wins)
    std::size_t j = last + 1;
    if (std::size_t kw = match(j, [](const LexEntry& x) { return x.weekday != 0; })) {
      last = j + kw - 1;
      std::size_t a = last + 1;
      if (is_comma(a)) ++a;
      Parse abs;
      if (parse_absolute(a, abs, true)) {
        abs.first = i;
        p = std::move(abs);
        return true;
      }
    }
    if (!ref_) return false;
    const CivilDate d = add_days(*ref_, e.relative_offset);
    p.first = i, p.last = last;
    p.year = d.year, p.month = d.month, p.day = d.day;
    return true;
  }
  // العام المقبل 2019, العام الحالي 2015م: the written year wins over the arithmetic.
  if (e.relative_unit == Unit::year && year_number(last + 1) && number(last + 1) >= 1000 && number(last + 1) <= 2199) {
    p.first = i, p.last = last + 1;
    p.year = number(last + 1);
    if (has_role(p.last + 1, dates::role_era_ad)) ++p.last;
    return true;
  }
  if (!ref_) return false;
  p.first = i, p.last = last;
  set_relative(e.relative_unit, e.relative_offset, p);
  return true;
}

void Grammar::set_relative(Unit unit, int offset, Parse& p) const {
  switch (unit) {
    case Unit::week: {
      // Weeks run Monday to Sunday (ISO 8601).
      const CivilDate monday = add_days(*ref_, 1 - iso_weekday(*ref_) + 7L * offset);
      const CivilDate sunday = add_days(monday, 6);
      p.year = monday.year, p.month = monday.month, p.day = monday.day;
      p.end_year = sunday.year, p.end_month = sunday.month, p.end_day = sunday.day;
      break;
    }
    case Unit::month: {
      const int m0 = ref_->year * 12 + (ref_->month - 1) + offset;
      p.year = m0 / 12, p.month = m0 % 12 + 1;
      break;
    }
    case Unit::year: p.year = ref_->year + offset; break;
    default: {
      const CivilDate d = add_days(*ref_, offset);
      p.year = d.year, p.month = d.month, p.day = d.day;
    }
  }
}

bool Grammar::elapsed(std::size_t i, Parse& p) const {
  std::size_t j = i + 1;
  int count = -1;
  if (is_number(j) && t_[j].digits <= 4) count = number(j++);
  const LexEntry* e = nullptr;
  const std::size_t k = match(
      j, [](const LexEntry& x) { return x.elapsed_unit != Unit::none; }, &e);
  if (!k) return false;
  if (count < 0) count = e->elapsed_count;
  if (count <= 0) return false;  // منذ أيام, منذ سنوات: too vague
  // Longer spans (منذ 1400 عام) are history, not the article's own time line.
  static constexpr int kMaxCount[] = {0, 24 * 60 * 3, 72, 60, 10, 24, 50};
  if (count > kMaxCount[static_cast<int>(e->elapsed_unit)]) return false;
  const std::size_t last = j + k - 1;
  // منذ عام 2011 (a year, not "a year ago"); قبل يومين من الانتخابات (relative to another event)
  if (is_number(last + 1) || has_role(last + 1, dates::role_of)) return false;
  // قبل يوم الأحد: "before Sunday", not "a day ago"
  if (match(last + 1, [](const LexEntry& x) { return x.weekday != 0; })) return false;
  if (!ref_) return false;
  p.first = i, p.last = last;
  switch (e->elapsed_unit) {
    case Unit::minute: set_relative(Unit::day, -(count / (24 * 60)), p); break;
    case Unit::hour: set_relative(Unit::day, -(count / 24), p); break;
    case Unit::day: set_relative(Unit::day, -count, p); break;
    case Unit::week: set_relative(Unit::day, -7 * count, p); break;
    case Unit::month: set_relative(Unit::month, -count, p); break;
    default: set_relative(Unit::year, -count, p); break;
  }
  return true;
}

}  // namespace xapian_arabic::dates
