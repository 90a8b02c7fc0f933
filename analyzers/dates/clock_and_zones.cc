/** @file
 *  @brief Times of day (12:20 م, الساعة العاشرة) and time zones (GMT, بتوقيت مكة المكرمة).
 */
#include "dates/date_grammar.h"

namespace xapian_arabic::dates {

bool Grammar::clock_at(std::size_t i, Parse& p) const {
  if (!small_number(i, 0, 24)) return false;
  int hour = number(i), minute = 0;
  std::size_t j = i + 1;
  if ((is_punct(j, ':')) && is_number(j + 1) && t_[j + 1].digits == 2 && number(j + 1) <= 59) {
    minute = number(j + 1);
    j += 2;
    if (is_punct(j, ':') && is_number(j + 1) && t_[j + 1].digits == 2) j += 2;  // seconds
  } else {
    // A bare hour needs الساعة before it and a half-of-day word after it.
    if (i == 0 || !has_role(i - 1, dates::role_hour_word)) return false;
    if (!match(j, [](const LexEntry& e) { return e.half != Half::none; })) return false;
  }
  const LexEntry* e = nullptr;
  if (std::size_t k = match(
          j, [](const LexEntry& x) { return x.half != Half::none; }, &e)) {
    if (hour > 12) return false;
    if (e->half == Half::am && hour == 12) hour = 0;
    if (e->half == Half::pm && hour < 12) hour += 12;
    if (e->half == Half::night) hour = hour == 12 ? 0 : hour >= 6 ? hour + 12 : hour;
    j += k;
  }
  if (hour == 24) {
    if (minute != 0) return false;
    hour = 0;  // 24:00 is written for midnight; keep the day
  }
  p.hour = hour, p.minute = minute;
  p.last = j - 1;
  zone_tail(p);
  return true;
}

void Grammar::time_tail(Parse& p) {
  std::size_t j = p.last + 1;
  for (int skipped = 0; skipped < 3; ++skipped) {
    if (is_dash(j) || is_comma(j) || is_punct(j, '|') || is_punct(j, '/') || is_punct(j, '(') ||
        has_role(j, dates::role_hour_word | dates::role_before_time))
      ++j;
    else
      break;
  }
  Parse tmp = p;
  if (is_number(j) && clock_at(j, tmp)) {
    if (is_punct(tmp.last + 1, ')') && is_punct(p.last + 1, '(')) ++tmp.last;
    p = tmp;
    return;
  }
  zone_tail(p);
}

void Grammar::zone_tail(Parse& p) const {
  std::size_t j = p.last + 1;
  const bool paren = is_punct(j, '(');
  if (paren) ++j;
  bool found = false;
  int minutes = 0, zone_id = -1;
  const LexEntry* e = nullptr;
  if (std::size_t k = match(
          j, [](const LexEntry& x) { return x.has_zone; }, &e)) {
    found = true;
    minutes = e->zone_minutes, zone_id = e->zone_id;
    j += k;
  } else if (std::size_t n = dotted_zone(j, e)) {  // ت.غ
    found = true;
    minutes = e->zone_minutes, zone_id = e->zone_id;
    j += n;
  }
  // +03:00, +0300, +3 (alone or after GMT/UTC)
  if ((is_punct(j, '+') || is_punct(j, '-') || is_punct(j, 0x2212)) && is_number(j + 1) &&
      (found || !t_[j].space_before || p.hour >= 0)) {
    const int sign = is_punct(j, '+') ? 1 : -1;
    int h = 0, m = 0;
    std::size_t k = j + 2;
    if (t_[j + 1].digits == 4) {
      h = number(j + 1) / 100, m = number(j + 1) % 100;
    } else if (t_[j + 1].digits <= 2) {
      h = number(j + 1);
      if (is_punct(k, ':') && is_number(k + 1) && t_[k + 1].digits == 2) m = number(k + 1), k += 2;
    } else {
      k = 0;
    }
    if (k && h <= 14 && m < 60 && (found || p.hour >= 0)) {
      found = true;
      minutes = sign * (h * 60 + m);
      zone_id = -1;  // GMT+3: the written offset
      j = k;
    }
  }
  if (!found) return;
  if (paren && is_punct(j, ')'))
    ++j;
  else if (paren)
    return;
  p.last = j - 1;
  if (p.hour >= 0) p.has_zone = true, p.zone_minutes = minutes, p.zone_id = zone_id;
}

std::size_t Grammar::dotted_zone(std::size_t j, const LexEntry*& e) const {
  // Letters joined by dots with no space: ت.غ, ت.غ.
  if (!is_word(j) || !is_punct(j + 1, '.') || t_[j + 1].space_before || !is_word(j + 2) || t_[j + 2].space_before)
    return 0;
  key_.assign(fold(j)).push_back('.');
  key_.append(fold(j + 2));
  e = lex_.find(key_);
  if (!e || !e->has_zone) return 0;
  return is_punct(j + 3, '.') && !t_[j + 3].space_before ? 4 : 3;
}

}  // namespace xapian_arabic::dates
