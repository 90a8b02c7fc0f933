/** @file
 *  @brief The date grammar over the tokens of date_tokens.h (internal to DateExtractor).
 *
 *  One Grammar runs over the tokens of one chunk of text and appends what it
 *  recognizes. Its members are defined by sub-grammar, one file each:
 *  date_grammar.cc (the driver: anchors, markers, lookups, output),
 *  absolute_dates.cc (day, month, year, numeric dates, ranges, years with a cue),
 *  hijri_dates.cc (Hijri dates and the Gregorian equivalents beside them),
 *  clock_and_zones.cc (times of day and time zones), relative_dates.cc
 *  (أمس, الخميس الماضي, منذ ثلاثة أيام).
 */
#pragma once

#include <xapian_arabic/date_extractor.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dates/date_calendar.h"
#include "dates/date_lexicon.h"
#include "dates/date_tokens.h"
#include "text/clitics.h"

namespace xapian_arabic::dates {

// Lines of more atoms than this are cut at a space so a huge single-line file costs
// linear time and bounded memory; a date straddling the cut is lost.
inline constexpr std::size_t kChunkAtoms = 16 * 1024;
// A marker (تاريخ النشر:) gives its kind to a date starting at most this many tokens after it.
inline constexpr std::size_t kMarkerReach = 2;
// A numeric date DAY/MONTH/YEAR with a year in this span and no era word is Hijri (8-11-1436).
inline constexpr int kBareHijriFirst = 1300, kBareHijriLast = 1500;

/// A word of at least three letters behind a proclitic the grammar strips (و ب ل ف).
constexpr bool is_clitic_lead(std::string_view w) {
  return w.size() > 2 * clitics::kBytes && clitics::starts_with(w, clitics::kBeforeDates);
}

inline bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

/// One recognized expression before formatting.
struct Parse {
  std::size_t first = 0, last = 0;   // token range, inclusive
  int year = 0, month = 0, day = 0;  // year 0: not known yet (day-month without a year)
  int hour = -1, minute = 0;
  bool has_zone = false;
  int zone_minutes = 0;
  int zone_id = -1;  // a zone with daylight saving (DateLexicon::zone): its offset is taken for the day at emit()
  bool from_hijri = false;
  std::string hijri;
  std::string range_end;
  int end_year = 0, end_month = 0, end_day = 0;  // a range's end, same precision as the start
  // A numeric DAY/MONTH/YEAR date: 1 only day first reads it (25/06), 2 only month first (06/25),
  // 3 either (05/06); counted at emit() for NumericOrderCount.
  std::uint8_t numeric = 0;
};

inline std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

class Grammar {
 public:
  Grammar(const dates::DateLexicon& lexicon, const dates::HijriCalendar& hijri, std::string_view text,
          std::vector<Token>& tokens, const std::string& arena, std::optional<CivilDate> reference,
          std::vector<ExtractedDate>& out, NumericOrder order = NumericOrder::day_first,
          NumericOrderCount* count = nullptr)
      : lex_(lexicon),
        hijri_(hijri),
        text_(text),
        t_(tokens),
        arena_(arena),
        ref_(reference),
        out_(out),
        month_first_(order == NumericOrder::month_first),
        count_(count) {
    for (Token& tok : t_)
      if (tok.type == TokenType::word) look_up(tok);
  }

  void run();

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

  void look_up(Token& tok);

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

  const Phrases& phrases_at(std::size_t i) const;

  // ---- expressions --------------------------------------------------------
  bool parse_at(std::size_t i, Parse& p);

  // A day given as a number (21, 21st) or an ordinal word followed by من/شهر.
  bool day_at(std::size_t i, int& day, std::size_t& next) const;

  // A Gregorian month name at i, with an optional شهر before it and a double form after it
  // (تشرين الثاني/نوفمبر, نوفمبر (تشرين الثاني)).
  bool month_at(std::size_t i, int& month, std::size_t& next, bool& needs_number) const;

  enum class Era { none, ad, ah };

  // The era word after a year (هـ, م), if any; moves @p next past it.
  Era era_at(std::size_t& next) const;

  // A 4-digit year (1000-2199) with an optional era word after it.
  bool year_at(std::size_t i, int& year, std::size_t& next, Era& era) const;

  // Numeric dates: 2024-11-21, 21/11/2024, 21.11.2024, 1446/5/19هـ.
  bool numeric_date(std::size_t i, Parse& p) const;

  bool hijri_day(int y, int m, int d, std::size_t first, std::size_t last, Parse& p) const;

  bool hijri_month(int y, int m, std::size_t first, std::size_t last, Parse& p) const;

  bool hijri_year(int y, std::size_t first, std::size_t last, Parse& p) const;

  // 1436/1437هـ: a Hijri year range (school and fiscal years).
  bool hijri_years(int first_year, int last_year, std::size_t first, std::size_t last, Parse& p) const;

  // After a day (and an optional range end): [من] [شهر] month [year] or a Hijri month and year.
  bool day_month_tail(std::size_t first, std::size_t j, int day, int end_day, Parse& p) const;

  // Dates that do not need the reference day to be complete, plus day-month to be completed.
  bool parse_absolute(std::size_t i, Parse& p, bool link);

  bool absolute_core(std::size_t i, Parse& q) const;

  // One date in both calendars: 19 جمادى الأولى 1446 هـ الموافق 21 نوفمبر 2024 م.
  void link_calendars(Parse& q);

  // 3: a day, 2: a month, 1: a year.
  static int precision(const Parse& p);

  // The days a parse covers (days since 1970-01-01).
  static std::pair<long, long> interval(const Parse& p);

  // من 10 نوفمبر إلى 12 ديسمبر 2024
  void range_tail(Parse& q);

  // Where the second end of a range starts after the word or dash at j that closes it
  // (إلى, حتى, و, لغاية, -, and a weekday after it); 0 if nothing closes a range at j.
  std::size_t range_end_at(std::size_t j) const;

  // A clock time at i: 12:20, 10:30:00, 9.30 with ص/م and a zone after it.
  bool clock_at(std::size_t i, Parse& p) const;

  // After a date: [-|،|الساعة|في] time.
  void time_tail(Parse& p);

  // A zone after a time or date: GMT, +03:00, (بتوقيت مكة المكرمة), GMT+3.
  void zone_tail(Parse& p) const;

  // A zone abbreviation written with dots (ت.غ) at j: its length in tokens, 0 if none.
  std::size_t dotted_zone(std::size_t j, const LexEntry*& e) const;

  // عام 2019, لسنة 2024, موسم 2023-2024, بين عامي 2020 و2022, في 2019.
  bool year_with_cue(std::size_t i, Parse& p) const;

  // ---- relative expressions ---------------------------------------------
  bool weekday_alone(std::size_t i, std::size_t k, int weekday, Parse& p) const;

  // A future-tense verb (سيعقد, ستبدأ, سوف) among the few words before i in the same sentence.
  bool future_before(std::size_t i) const;

  bool relative(std::size_t i, std::size_t k, const LexEntry& e, Parse& p);

  void set_relative(Unit unit, int offset, Parse& p) const;

  // منذ ساعتين, منذ 3 أيام, قبل يومين, منذ أسبوع.
  bool elapsed(std::size_t i, Parse& p) const;

  // ---- output -------------------------------------------------------------
  void emit(const Parse& p);

  const dates::DateLexicon& lex_;
  const dates::HijriCalendar& hijri_;
  std::string_view text_;
  std::vector<Token>& t_;
  const std::string& arena_;
  std::optional<CivilDate> ref_;
  std::vector<ExtractedDate>& out_;
  mutable std::string key_;
  mutable std::array<Phrases, 8> phrases_;
  const bool month_first_ = false;  // 05/06/2023 is 6 May
  NumericOrderCount* count_ = nullptr;
  bool marker_active_ = false;
  int marker_kind_ = 0;
  std::size_t marker_limit_ = 0;
};

}  // namespace xapian_arabic::dates
