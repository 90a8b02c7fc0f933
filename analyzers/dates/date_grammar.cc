/** @file
 *  @brief The date grammar's driver: anchors, publication/update markers, lexicon lookups, output.
 */
#include "dates/date_grammar.h"

namespace xapian_arabic::dates {

void Grammar::run() {
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

void Grammar::look_up(Token& tok) {
  const std::string_view w(arena_.data() + tok.fold_offset, tok.fold_length);
  if ((tok.lex = lex_.find(w))) return;
  if (is_clitic_lead(w) && (tok.lex = lex_.find(w.substr(clitics::kBytes)))) tok.clitic = clitics::kBytes;
}

const Grammar::Phrases& Grammar::phrases_at(std::size_t i) const {
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

bool Grammar::parse_at(std::size_t i, Parse& p) {
  if (is_number(i)) return parse_absolute(i, p, true) || year_with_cue(i, p);
  if (!is_word(i) || !t_[i].lex) return false;
  const LexEntry* e = nullptr;
  if (std::size_t k = match(
          i, [](const LexEntry& x) { return x.weekday != 0; }, &e)) {
    std::size_t j = i + k;
    if (is_comma(j) || is_dash(j)) ++j;
    if (parse_absolute(j, p, true)) {
      p.first = i;
      if (p.end_day && i > 0 && has_role(i - 1, dates::role_from)) --p.first;  // من الأحد 12 إلى الخميس 22
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

void Grammar::emit(const Parse& p) {
  ExtractedDate d;
  d.value = to_iso(IsoDate{p.year, p.month, p.day});
  if (const CivilDate day{p.year, p.month, p.day}; p.day > 0 && is_valid(day)) d.day = day;
  if (p.hour >= 0) {
    d.value += "T" + two(p.hour) + ":" + two(p.minute);
    std::optional<int> zone;
    if (p.has_zone && p.zone_id >= 0 && d.day)
      zone = lex_.zone(p.zone_id).offset_minutes(*d.day, p.hour, p.minute);
    else if (p.has_zone && p.zone_id < 0)
      zone = p.zone_minutes;
    if (zone) {
      const int a = std::abs(*zone);
      d.value += (*zone < 0 ? "-" : "+") + two(a / 60) + ":" + two(a % 60);
    }
  }
  if (p.end_year) d.range_end = to_iso(IsoDate{p.end_year, p.end_month, p.end_day});
  d.begin = t_[p.first].begin;
  d.end = t_[p.last].end;
  d.text = std::string(text_.substr(d.begin, d.end - d.begin));
  d.hijri = p.hijri;
  if (count_ && p.numeric) {
    // A range of an unambiguous and an ambiguous end counts as the unambiguous one.
    if (p.numeric == 1)
      ++count_->day_first;
    else if (p.numeric == 2)
      ++count_->month_first;
    else if (p.numeric == 3)
      ++count_->either;
  }
  if (marker_active_) {
    if (p.first <= marker_limit_) d.kind = marker_kind_ == 1 ? DateKind::published : DateKind::updated;
    marker_active_ = false;
  }
  out_.push_back(std::move(d));
}

}  // namespace xapian_arabic::dates
