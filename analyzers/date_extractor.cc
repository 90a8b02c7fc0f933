/** @file
 *  @brief DateExtractor: a hand-written grammar over anchor tokens (no regular expressions).
 *
 *  The text is cut into lines (and long lines into chunks of about 64 KiB at a
 *  space), each chunk is scanned once into tokens, every word is looked up once
 *  in the lexicon of config/dates/, and the grammar only starts parsing at an
 *  anchor: a number, a month, weekday, ordinal or relative word. Everything
 *  else is skipped at the cost of one hash lookup per word.
 */
#include <xapian_arabic/date_extractor.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

#include "date_calendar.h"
#include "date_lexicon.h"
#include "date_scanner.h"

namespace xapian_arabic {

const char* to_string(DateKind kind) {
  switch (kind) {
    case DateKind::published: return "published";
    case DateKind::updated: return "updated";
    case DateKind::mentioned: return "mentioned";
  }
  return "mentioned";
}

using dates::Half;
using dates::LexEntry;
using dates::Token;
using dates::TokenType;
using dates::Unit;

struct DateExtractor::Impl {
  explicit Impl(const DateExtractorOptions& o) : lexicon(o.tables_dir), hijri(o.islamic_calendar) {}
  dates::DateLexicon lexicon;
  dates::HijriCalendar hijri;
};

namespace {

// Lines longer than this are cut at a space so a huge single-line file costs
// linear time and bounded memory; a date straddling the cut is lost.
constexpr std::size_t kChunkBytes = 64 * 1024;
// A marker (تاريخ النشر:) gives its kind to a date starting at most this many tokens after it.
constexpr std::size_t kMarkerReach = 2;

constexpr bool is_clitic_lead(std::string_view w) {
  // و ب ل ف in UTF-8 (all start with 0xD9 or 0xD8)
  return w.size() > 4 && (w.substr(0, 2) == "\xD9\x88" || w.substr(0, 2) == "\xD8\xA8" ||
                          w.substr(0, 2) == "\xD9\x84" || w.substr(0, 2) == "\xD9\x81");
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

/// One recognized expression before formatting.
struct Parse {
  std::size_t first = 0, last = 0;   // token range, inclusive
  int year = 0, month = 0, day = 0;  // year 0: not known yet (day-month without a year)
  int hour = -1, minute = 0;
  bool has_zone = false;
  int zone_minutes = 0;
  bool from_hijri = false;
  std::string hijri;
  std::string range_end;
  int end_year = 0, end_month = 0, end_day = 0;  // a range's end, same precision as the start
};

std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string iso(int y, int m, int d) {
  char buf[48];
  if (d > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else
    std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

class Grammar {
 public:
  Grammar(const dates::DateLexicon& lexicon, const dates::HijriCalendar& hijri, std::string_view text,
          std::vector<Token>& tokens, const std::string& arena, std::optional<CivilDate> reference,
          std::vector<ExtractedDate>& out)
      : lex_(lexicon), hijri_(hijri), text_(text), t_(tokens), arena_(arena), ref_(reference), out_(out) {
    for (Token& tok : t_)
      if (tok.type == TokenType::word) look_up(tok);
  }

  void run() {
    std::size_t i = 0;
    while (i < t_.size()) {
      if (is_word(i)) {
        if (std::size_t k = match(i, [](const LexEntry& e) { return (e.roles & dates::role_not_date) != 0; })) {
          i += k;
          continue;
        }
        const LexEntry* m = nullptr;
        if (std::size_t k = match(
                i, [](const LexEntry& e) { return e.marker != 0; }, &m)) {
          std::size_t after = i + k;
          if (is_punct(after, ':') || is_punct(after, '-')) ++after;
          marker_kind_ = m->marker;
          marker_limit_ = after + kMarkerReach;
          marker_active_ = true;
          i = after;
          continue;
        }
      }
      Parse p;
      if (parse_at(i, p)) {
        emit(p);
        i = p.last + 1;
        continue;
      }
      ++i;
    }
  }

 private:
  // ---- token access -------------------------------------------------------
  bool is_word(std::size_t i) const { return i < t_.size() && t_[i].type == TokenType::word; }
  bool is_number(std::size_t i) const { return i < t_.size() && t_[i].type == TokenType::number; }
  bool is_punct(std::size_t i, char32_t c) const {
    return i < t_.size() && t_[i].type == TokenType::punct && t_[i].cp == c;
  }
  bool is_any_punct(std::size_t i) const { return i < t_.size() && t_[i].type == TokenType::punct; }
  bool is_dash(std::size_t i) const { return is_punct(i, '-') || is_punct(i, 0x2013) || is_punct(i, 0x2014); }
  bool is_comma(std::size_t i) const { return is_punct(i, ',') || is_punct(i, 0x060C); }
  std::string_view fold(std::size_t i) const {
    return std::string_view(arena_).substr(t_[i].fold_offset, t_[i].fold_length);
  }
  const LexEntry* lex(std::size_t i) const { return is_word(i) ? t_[i].lex : nullptr; }
  bool has_role(std::size_t i, std::uint32_t r) const {
    const LexEntry* e = lex(i);
    return e && (e->roles & r);
  }
  bool is_fold(std::size_t i, std::string_view w) const { return is_word(i) && fold(i) == w; }
  int number(std::size_t i) const { return static_cast<int>(std::min<std::int64_t>(t_[i].value, 1'000'000)); }
  // A number of 1 or 2 digits from lo to hi.
  bool small_number(std::size_t i, int lo, int hi) const {
    return is_number(i) && t_[i].digits <= 2 && number(i) >= lo && number(i) <= hi;
  }
  bool year_number(std::size_t i) const { return is_number(i) && t_[i].digits == 4; }

  void look_up(Token& tok) {
    const std::string_view w(arena_.data() + tok.fold_offset, tok.fold_length);
    if ((tok.lex = lex_.find(w))) return;
    if (is_clitic_lead(w) && (tok.lex = lex_.find(w.substr(2)))) tok.clitic = 2;
  }

  // Longest phrase starting at token i whose entry satisfies pred: its length in tokens, 0 if none.
  template <class Pred>
  std::size_t match(std::size_t i, Pred pred, const LexEntry** found = nullptr) const {
    const LexEntry* head = lex(i);
    if (!head) return 0;
    if (head->heads_phrase && lex_.max_words() <= kCachedWords) {
      const Phrases& phrases = phrases_at(i);
      for (std::size_t n = phrases.longest; n >= 2; --n)
        if (const LexEntry* e = phrases.by_words[n]; e && pred(*e)) {
          if (found) *found = e;
          return n;
        }
    } else if (head->heads_phrase) {
      const std::size_t longest = std::min(lex_.max_words(), t_.size() - i);
      for (std::size_t n = longest; n >= 2; --n) {
        key_.assign(fold(i).substr(t_[i].clitic));
        bool words = true;
        for (std::size_t k = 1; k < n && words; ++k) {
          if (!is_word(i + k)) {
            words = false;
            break;
          }
          key_.push_back(' ');
          key_.append(fold(i + k));
        }
        if (!words) continue;
        if (const LexEntry* e = lex_.find(key_); e && pred(*e)) {
          if (found) *found = e;
          return n;
        }
      }
    }
    if (pred(*head)) {
      if (found) *found = head;
      return 1;
    }
    return 0;
  }

  // The phrases of 2..kCachedWords words starting at a token, looked up once: the grammar
  // asks match() about the same few tokens with one predicate after another.
  static constexpr std::size_t kCachedWords = 8;
  struct Phrases {
    std::size_t token = static_cast<std::size_t>(-1);
    std::size_t longest = 0;
    const LexEntry* by_words[kCachedWords + 1] = {};
  };

  const Phrases& phrases_at(std::size_t i) const {
    Phrases& c = phrases_[i % phrases_.size()];
    if (c.token == i) return c;
    c.token = i;
    c.longest = std::min(lex_.max_words(), t_.size() - i);
    key_.assign(fold(i).substr(t_[i].clitic));
    std::size_t n = 2;
    for (; n <= c.longest && is_word(i + n - 1); ++n) {
      key_.push_back(' ');
      key_.append(fold(i + n - 1));
      c.by_words[n] = lex_.find(key_);
    }
    for (; n <= c.longest; ++n) c.by_words[n] = nullptr;  // a non-word ends every longer phrase
    return c;
  }

  // ---- expressions --------------------------------------------------------
  bool parse_at(std::size_t i, Parse& p) {
    if (is_number(i)) return parse_absolute(i, p, true) || year_with_cue(i, p);
    if (!is_word(i) || !t_[i].lex) return false;
    const LexEntry* e = nullptr;
    if (std::size_t k = match(
            i, [](const LexEntry& x) { return x.weekday != 0; }, &e)) {
      std::size_t j = i + k;
      if (is_comma(j) || is_dash(j)) ++j;
      if (parse_absolute(j, p, true)) {
        p.first = i;
        return true;
      }
      return weekday_alone(i, k, e->weekday, p);
    }
    if (std::size_t k = match(
            i, [](const LexEntry& x) { return x.relative_unit != Unit::none; }, &e))
      return relative(i, k, *e, p);
    if (has_role(i, dates::role_ago) && elapsed(i, p)) return true;
    return parse_absolute(i, p, true);
  }

  // A day given as a number (21, 21st) or an ordinal word followed by من/شهر.
  bool day_at(std::size_t i, int& day, std::size_t& next) const {
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

  // A Gregorian month name at i, with an optional شهر before it and a double form after it
  // (تشرين الثاني/نوفمبر, نوفمبر (تشرين الثاني)).
  bool month_at(std::size_t i, int& month, std::size_t& next, bool& needs_number) const {
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

  enum class Era { none, ad, ah };

  // The era word after a year (هـ, م), if any; moves @p next past it.
  Era era_at(std::size_t& next) const {
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

  // A 4-digit year (1000-2199) with an optional era word after it.
  bool year_at(std::size_t i, int& year, std::size_t& next, Era& era) const {
    if (!year_number(i)) return false;
    year = number(i);
    next = i + 1;
    era = era_at(next);
    if (era == Era::none && (has_role(next, dates::role_count) || is_punct(next, '%'))) return false;
    return era == Era::ah ? year >= 1 && year <= 1600 : year >= 1000 && year <= 2199;
  }

  // Numeric dates: 2024-11-21, 21/11/2024, 21.11.2024, 1446/5/19هـ.
  bool numeric_date(std::size_t i, Parse& p) const {
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
    if (t_[i].digits == 4 && t_[i + 2].digits <= 2 && t_[i + 4].digits <= 2) {
      y = number(i), m = number(i + 2), d = number(i + 4);
    } else if (t_[i + 4].digits == 4 && t_[i].digits <= 2 && t_[i + 2].digits <= 2) {
      d = number(i), m = number(i + 2), y = number(i + 4);
      if (m > 12 && d <= 12) std::swap(d, m);  // month-first (11/21/2024) in English pages
    } else {
      return false;
    }
    std::size_t next = i + 5;
    const Era era = era_at(next);
    if (era == Era::ah) return hijri_day(y, m, d, i, next - 1, p);
    if (y < (era == Era::ad ? 1000 : 1800) || y > 2199) return false;
    if (!dates::is_valid({y, m, d})) return false;
    p.first = i;
    p.last = next - 1;
    p.year = y, p.month = m, p.day = d;
    // ISO: 2024-11-21T10:30
    if (is_word(next) && fold(next) == "t" && !t_[next].space_before && is_number(next + 1) &&
        !t_[next + 1].space_before)
      clock_at(next + 1, p);
    return true;
  }

  bool hijri_day(int y, int m, int d, std::size_t first, std::size_t last, Parse& p) const {
    const auto g = hijri_.to_gregorian(y, m, d);
    if (!g) return false;
    p.first = first;
    p.last = last;
    p.year = g->year, p.month = g->month, p.day = g->day;
    p.from_hijri = true;
    p.hijri = iso(y, m, d);
    return true;
  }

  bool hijri_month(int y, int m, std::size_t first, std::size_t last, Parse& p) const {
    const int length = hijri_.month_length(y, m);
    const auto start = hijri_.to_gregorian(y, m, 1);
    if (!start || length == 0) return false;
    const CivilDate end = dates::add_days(*start, length - 1);
    p.first = first, p.last = last;
    p.year = start->year, p.month = start->month, p.day = start->day;
    p.end_year = end.year, p.end_month = end.month, p.end_day = end.day;
    p.from_hijri = true;
    p.hijri = iso(y, m, 0);
    return true;
  }

  bool hijri_year(int y, std::size_t first, std::size_t last, Parse& p) const {
    const auto start = hijri_.to_gregorian(y, 1, 1);
    const auto next = hijri_.to_gregorian(y + 1, 1, 1);
    if (!start || !next) return false;
    const CivilDate end = dates::add_days(*next, -1);
    p.first = first, p.last = last;
    p.year = start->year;
    if (end.year != start->year) p.end_year = end.year;
    p.from_hijri = true;
    p.hijri = iso(y, 0, 0);
    return true;
  }

  // 1436/1437هـ: a Hijri year range (school and fiscal years).
  bool hijri_years(int first_year, int last_year, std::size_t first, std::size_t last, Parse& p) const {
    Parse a, b;
    if (!hijri_year(first_year, first, last, a) || !hijri_year(last_year, first, last, b)) return false;
    p = a;
    p.end_year = b.end_year ? b.end_year : b.year;
    p.hijri = iso(first_year, 0, 0) + "/" + iso(last_year, 0, 0);
    return true;
  }

  // After a day (and an optional range end): [من] [شهر] month [year] or a Hijri month and year.
  bool day_month_tail(std::size_t first, std::size_t j, int day, int end_day, Parse& p) const {
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
      return year == 0 || dates::is_valid({year, month, day});
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

  // Dates that do not need the reference day to be complete, plus day-month to be completed.
  bool parse_absolute(std::size_t i, Parse& p, bool link) {
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
      const long today = dates::days_from_civil(*ref_);
      int best = 0;
      long best_gap = 0;
      for (int y = ref_->year - 1; y <= ref_->year + 1; ++y) {
        if (!dates::is_valid({y, q.month, q.day})) continue;
        const long day = dates::days_from_civil({y, q.month, q.day});
        if ((direction < 0 && day > today) || (direction > 0 && day < today)) continue;
        const long gap = std::labs(day - today);
        if (best == 0 || gap < best_gap) best = y, best_gap = gap;
      }
      if (best == 0) return false;
      q.year = best;
      if (q.end_day) {
        q.end_year = q.end_month < q.month ? best + 1 : best;
        if (!dates::is_valid({q.end_year, q.end_month, q.end_day})) q.end_year = q.end_month = q.end_day = 0;
      }
    }
    p = std::move(q);
    return true;
  }

  bool absolute_core(std::size_t i, Parse& q) const {
    if (is_number(i)) {
      if (numeric_date(i, q)) return true;
      int day = 0;
      std::size_t j = 0;
      if (t_[i].digits <= 2 && day_at(i, day, j)) {
        // من 10 إلى 12 نوفمبر, 10-12 نوفمبر, بين 10 و12 نوفمبر
        int end_day = 0;
        if ((is_dash(j) || has_role(j, dates::role_to)) && small_number(j + 1, day + 1, 31)) {
          std::size_t k = 0;
          int d2 = 0;
          Parse tmp;
          if (day_at(j + 1, d2, k) && day_month_tail(i, k, day, d2, tmp)) {
            q = tmp;
            if (i > 0 && has_role(i - 1, dates::role_from)) q.first = i - 1;
            return true;
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
        if (year_at(k, year, after, era) && era != Era::ah && dates::is_valid({year, month, d})) {
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

  // One date in both calendars: 19 جمادى الأولى 1446 هـ الموافق 21 نوفمبر 2024 م.
  void link_calendars(Parse& q) {
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

  // 3: a day, 2: a month, 1: a year.
  static int precision(const Parse& p) {
    if (p.from_hijri) return p.hijri.size() == 10 ? 3 : p.hijri.size() == 7 ? 2 : 1;
    return p.day > 0 ? 3 : p.month > 0 ? 2 : 1;
  }

  // The days a parse covers (days since 1970-01-01).
  static std::pair<long, long> interval(const Parse& p) {
    const CivilDate a{p.year, p.month ? p.month : 1, p.day ? p.day : 1};
    CivilDate b;
    if (p.end_year)
      b = {p.end_year, p.end_month ? p.end_month : 12, p.end_day ? p.end_day : 31};
    else
      b = {p.year, p.month ? p.month : 12, p.day ? p.day : 31};
    if (b.day > dates::days_in_month(b.year, b.month)) b.day = dates::days_in_month(b.year, b.month);
    return {dates::days_from_civil(a), dates::days_from_civil(b)};
  }

  // من 10 نوفمبر إلى 12 ديسمبر 2024
  void range_tail(Parse& q) {
    std::size_t j = q.last + 1;
    if (!(is_dash(j) || has_role(j, dates::role_to))) return;
    Parse r;
    if (!absolute_core(j + 1, r) || r.day == 0 || r.from_hijri != q.from_hijri || r.end_day) return;
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
    if (dates::days_from_civil({ry, r.month, r.day}) <= dates::days_from_civil({qy, q.month, q.day})) return;
    q.year = qy;
    q.end_year = ry, q.end_month = r.month, q.end_day = r.day;
    q.last = r.last;
    if (q.first > 0 && has_role(q.first - 1, dates::role_from)) --q.first;
  }

  // A clock time at i: 12:20, 10:30:00, 9.30 with ص/م and a zone after it.
  bool clock_at(std::size_t i, Parse& p) const {
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

  // After a date: [-|،|الساعة|في] time.
  void time_tail(Parse& p) {
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

  // A zone after a time or date: GMT, +03:00, (بتوقيت مكة المكرمة), GMT+3.
  void zone_tail(Parse& p) const {
    std::size_t j = p.last + 1;
    const bool paren = is_punct(j, '(');
    if (paren) ++j;
    bool found = false;
    int minutes = 0;
    const LexEntry* e = nullptr;
    if (std::size_t k = match(
            j, [](const LexEntry& x) { return x.has_zone; }, &e)) {
      found = true;
      minutes = e->zone_minutes;
      j += k;
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
        j = k;
      }
    }
    if (!found) return;
    if (paren && is_punct(j, ')'))
      ++j;
    else if (paren)
      return;
    p.last = j - 1;
    if (p.hour >= 0) p.has_zone = true, p.zone_minutes = minutes;
  }

  // عام 2019, لسنة 2024, موسم 2023-2024, بين عامي 2020 و2022, في 2019.
  bool year_with_cue(std::size_t i, Parse& p) const {
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

  // ---- relative expressions ---------------------------------------------
  bool weekday_alone(std::size_t i, std::size_t k, int weekday, Parse& p) const {
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
    const int today = dates::iso_weekday(*ref_);
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
    const CivilDate d = dates::add_days(*ref_, delta);
    p.first = i, p.last = last;
    p.year = d.year, p.month = d.month, p.day = d.day;
    return true;
  }

  // A future-tense verb (سيعقد, ستبدأ, سوف) among the few words before i in the same sentence.
  bool future_before(std::size_t i) const {
    for (std::size_t back = 1; back <= 6 && back <= i; ++back) {
      const std::size_t j = i - back;
      if (is_punct(j, '.') || is_punct(j, 0x061F) || is_punct(j, '!') || is_punct(j, '?')) return false;
      if (!is_word(j)) continue;
      if (has_role(j, dates::role_future)) return true;
      std::string_view w = fold(j);
      if (is_clitic_lead(w) && (w.substr(0, 2) == "\xD9\x88" || w.substr(0, 2) == "\xD9\x81")) w.remove_prefix(2);
      // سي/ست/سن + a verb of at least three letters
      if (w.size() >= 8 && (starts_with(w, "\xD8\xB3\xD9\x8A") || starts_with(w, "\xD8\xB3\xD8\xAA") ||
                            starts_with(w, "\xD8\xB3\xD9\x86"))) {
        const LexEntry* e = lex_.find(w);
        if (!e || !(e->roles & dates::role_not_future)) return true;
      }
    }
    return false;
  }

  bool relative(std::size_t i, std::size_t k, const LexEntry& e, Parse& p) {
    // اليوم الوطني, اليوم التالي, الليلة الأولى: a noun with an adjective, not "today".
    if (k == 1 && starts_with(fold(i).substr(t_[i].clitic), "\xD8\xA7\xD9\x84") && is_word(i + 1) &&
        starts_with(fold(i + 1), "\xD8\xA7\xD9\x84") && !(lex(i + 1) && lex(i + 1)->weekday))
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
      const CivilDate d = dates::add_days(*ref_, e.relative_offset);
      p.first = i, p.last = last;
      p.year = d.year, p.month = d.month, p.day = d.day;
      return true;
    }
    // العام المقبل 2019, العام الحالي 2015م: the written year wins over the arithmetic.
    if (e.relative_unit == Unit::year && year_number(last + 1) && number(last + 1) >= 1000 &&
        number(last + 1) <= 2199) {
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

  void set_relative(Unit unit, int offset, Parse& p) const {
    switch (unit) {
      case Unit::week: {
        // Weeks run Monday to Sunday (ISO 8601).
        const CivilDate monday = dates::add_days(*ref_, 1 - dates::iso_weekday(*ref_) + 7L * offset);
        const CivilDate sunday = dates::add_days(monday, 6);
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
        const CivilDate d = dates::add_days(*ref_, offset);
        p.year = d.year, p.month = d.month, p.day = d.day;
      }
    }
  }

  // منذ ساعتين, منذ 3 أيام, قبل يومين, منذ أسبوع.
  bool elapsed(std::size_t i, Parse& p) const {
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

  // ---- output -------------------------------------------------------------
  void emit(const Parse& p) {
    ExtractedDate d;
    d.value = iso(p.year, p.month, p.day);
    if (p.hour >= 0) {
      d.value += "T" + two(p.hour) + ":" + two(p.minute);
      if (p.has_zone) {
        const int a = std::abs(p.zone_minutes);
        d.value += (p.zone_minutes < 0 ? "-" : "+") + two(a / 60) + ":" + two(a % 60);
      }
    }
    if (p.end_year) d.range_end = iso(p.end_year, p.end_month, p.end_day);
    d.begin = t_[p.first].begin;
    d.end = t_[p.last].end;
    d.text = std::string(text_.substr(d.begin, d.end - d.begin));
    d.hijri = p.hijri;
    if (marker_active_) {
      if (p.first <= marker_limit_) d.kind = marker_kind_ == 1 ? DateKind::published : DateKind::updated;
      marker_active_ = false;
    }
    out_.push_back(std::move(d));
  }

  const dates::DateLexicon& lex_;
  const dates::HijriCalendar& hijri_;
  std::string_view text_;
  std::vector<Token>& t_;
  const std::string& arena_;
  std::optional<CivilDate> ref_;
  std::vector<ExtractedDate>& out_;
  mutable std::string key_;
  mutable std::array<Phrases, 8> phrases_;
  bool marker_active_ = false;
  int marker_kind_ = 0;
  std::size_t marker_limit_ = 0;
};

}  // namespace

DateExtractor::DateExtractor(const DateExtractorOptions& options) : impl_(std::make_unique<Impl>(options)) {}
DateExtractor::~DateExtractor() = default;
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;

std::vector<ExtractedDate> DateExtractor::extract(std::string_view text, std::optional<CivilDate> reference) const {
  std::vector<ExtractedDate> out;
  if (!impl_ || text.empty()) return out;
  if (reference && !dates::is_valid(*reference)) reference.reset();
  std::vector<Token> tokens;
  std::string arena;
  std::size_t pos = 0, eol = std::min(text.find('\n'), text.size());
  while (pos < text.size()) {
    if (eol < pos) eol = std::min(text.find('\n', pos), text.size());  // once per line, not per chunk
    std::size_t end = eol;
    if (end - pos > kChunkBytes) {
      // Cut a long line at a space (or at a UTF-8 boundary if there is none nearby).
      end = pos + kChunkBytes;
      const std::size_t space = text.rfind(' ', end);
      if (space != std::string_view::npos && space > pos + kChunkBytes / 2)
        end = space;
      else
        while (end > pos && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    }
    tokens.clear();
    arena.clear();
    dates::scan(text.substr(pos, end - pos), pos, tokens, arena);
    Grammar(impl_->lexicon, impl_->hijri, text, tokens, arena, reference, out).run();
    pos = end == eol ? eol + 1 : end;
  }
  return out;
}

}  // namespace xapian_arabic
