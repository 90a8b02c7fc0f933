/** @file
 *  @brief DateExtractor: a hand-written grammar over anchor tokens (no regular expressions).
 *
 *  The stream's atoms are cut into lines (and long lines into chunks of 16,384
 *  atoms at a space), each chunk becomes the grammar's tokens, every word is looked up once
 *  in the lexicon of config/dates/, and the grammar only starts parsing at an
 *  anchor: a number, a month, weekday, ordinal or relative word. Everything
 *  else is skipped at the cost of one hash lookup per word.
 */
#include <xapian_arabic/date_extractor.h>
#include <xapian_arabic/token_stream.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

#include "dates/date_grammar.h"
#include "dates/date_reading.h"

namespace xapian_arabic {

const char* to_string(DateKind kind) {
  switch (kind) {
    case DateKind::published: return "published";
    case DateKind::updated: return "updated";
    case DateKind::mentioned: return "mentioned";
  }
  return "mentioned";
}

struct XAPIAN_ARABIC_LOCAL DateExtractor::Impl {
  explicit Impl(const DateExtractorOptions& o)
      : lexicon(o.tables_dir, *MarkerTable::load(o.markers_file)), hijri(o.islamic_calendar) {}
  dates::DateLexicon lexicon;
  dates::HijriCalendar hijri;

  // The grammar over [begin, end) of @p stream with numeric dates in @p order (not automatic).
  std::vector<ExtractedDate> scan(const TokenStream& stream, std::size_t begin, std::size_t end,
                                  std::optional<CivilDate> reference, NumericOrder order,
                                  NumericOrderCount* count) const;
};

DateExtractor::DateExtractor(const DateExtractorOptions& options) : impl_(std::make_unique<Impl>(options)) {}
DateExtractor::~DateExtractor() = default;
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;

std::vector<ExtractedDate> DateExtractor::extract(std::string_view text, std::optional<CivilDate> reference) const {
  if (!impl_ || text.empty()) return {};
  TokenStream stream;
  stream.assign(text);
  return extract(stream, 0, text.size(), reference);
}

std::vector<ExtractedDate> DateExtractor::extract(const TokenStream& stream, std::size_t begin, std::size_t end,
                                                  std::optional<CivilDate> reference) const {
  return extract(stream, begin, end, reference, NumericOrder::automatic);
}

std::vector<ExtractedDate> DateExtractor::extract(const TokenStream& stream, std::size_t begin, std::size_t end,
                                                  std::optional<CivilDate> reference, NumericOrder order,
                                                  NumericOrderCount* count) const {
  if (!impl_ || begin >= end) return {};
  if (order != NumericOrder::automatic) return impl_->scan(stream, begin, end, reference, order, count);
  // Day first unless the range's own dates show month first; then once more (rare: a page with
  // both a month-first-only date and one that could be either).
  NumericOrderCount seen;
  std::vector<ExtractedDate> out = impl_->scan(stream, begin, end, reference, NumericOrder::day_first, &seen);
  if (count) count->day_first += seen.day_first, count->month_first += seen.month_first, count->either += seen.either;
  if (seen.either > 0 && seen.order() == NumericOrder::month_first)
    out = impl_->scan(stream, begin, end, reference, NumericOrder::month_first, nullptr);
  return out;
}

DateSpan DateExtractor::read(std::string_view text, std::optional<CivilDate> reference) const {
  if (!impl_) throw DateError("no date grammar (a moved-from DateExtractor)");
  return dates::read_date(text, impl_->hijri,
                          [&](const TokenStream& s) { return extract(s, 0, s.text().size(), reference); });
}

std::vector<ExtractedDate> DateExtractor::Impl::scan(const TokenStream& stream, std::size_t begin, std::size_t end,
                                                     std::optional<CivilDate> reference, NumericOrder order,
                                                     NumericOrderCount* count) const {
  std::vector<ExtractedDate> out;
  if (!stream.normalizes() || !(stream.normalization() == NormalizerOptions{})) {
    // The tables are keyed in the default spelling: a stream of other rules is of no use here.
    TokenStream own;
    own.assign(stream.text().substr(begin, end - begin));
    std::vector<ExtractedDate> dates = scan(own, 0, end - begin, reference, order, count);
    for (ExtractedDate& d : dates) {
      d.begin += begin;
      d.end += begin;
    }
    return dates;
  }
  if (reference && !is_valid(*reference)) reference.reset();
  const std::vector<Atom>& atoms = stream.atoms();
  std::vector<dates::Token> tokens;
  const std::size_t last = stream.atom_at(end);
  for (std::size_t first = stream.atom_at(begin); first < last;) {
    // One line at a time, and a huge line in chunks cut at white space.
    std::size_t stop = first + 1;
    while (stop < last && !atoms[stop].starts_line()) ++stop;
    if (stop - first > dates::kChunkAtoms) {
      stop = first + dates::kChunkAtoms;
      for (std::size_t back = stop; back > first + dates::kChunkAtoms / 2; --back)
        if (atoms[back].gap == Gap::space) {
          stop = back;
          break;
        }
    }
    tokens.clear();
    dates::date_tokens(stream, first, stop, tokens);
    dates::Grammar(lexicon, hijri, stream.text(), tokens, stream.arena(), reference, out, order, count).run();
    first = stop;
  }
  return out;
}

}  // namespace xapian_arabic
