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

#include "dates/date_grammar.h"

namespace xapian_arabic {

const char* to_string(DateKind kind) {
  switch (kind) {
    case DateKind::published: return "published";
    case DateKind::updated: return "updated";
    case DateKind::mentioned: return "mentioned";
  }
  return "mentioned";
}

using dates::Token;

struct XAPIAN_ARABIC_LOCAL DateExtractor::Impl {
  explicit Impl(const DateExtractorOptions& o) : lexicon(o.tables_dir), hijri(o.islamic_calendar) {}
  dates::DateLexicon lexicon;
  dates::HijriCalendar hijri;
};

DateExtractor::DateExtractor(const DateExtractorOptions& options) : impl_(std::make_unique<Impl>(options)) {}
DateExtractor::~DateExtractor() = default;
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;

std::vector<ExtractedDate> DateExtractor::extract(std::string_view text, std::optional<CivilDate> reference) const {
  std::vector<ExtractedDate> out;
  if (!impl_ || text.empty()) return out;
  if (reference && !is_valid(*reference)) reference.reset();
  std::vector<Token> tokens;
  std::string arena;
  std::size_t pos = 0, eol = std::min(text.find('\n'), text.size());
  while (pos < text.size()) {
    if (eol < pos) eol = std::min(text.find('\n', pos), text.size());  // once per line, not per chunk
    std::size_t end = eol;
    if (end - pos > dates::kChunkBytes) {
      // Cut a long line at a space (or at a UTF-8 boundary if there is none nearby).
      end = pos + dates::kChunkBytes;
      const std::size_t space = text.rfind(' ', end);
      if (space != std::string_view::npos && space > pos + dates::kChunkBytes / 2)
        end = space;
      else
        while (end > pos && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    }
    tokens.clear();
    arena.clear();
    dates::scan(text.substr(pos, end - pos), pos, tokens, arena);
    dates::Grammar(impl_->lexicon, impl_->hijri, text, tokens, arena, reference, out).run();
    pos = end == eol ? eol + 1 : end;
  }
  return out;
}

}  // namespace xapian_arabic
