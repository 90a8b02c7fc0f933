/** @file
 *  @brief Line by line: credit lines, datelines, agencies cited after a cue or a reporting verb, title suffixes.
 */
#include <xapian_arabic/error.h>

#include <algorithm>

#include "sources/source_grammar.h"
#include "tables/data_files.h"

namespace xapian_arabic {

auto SourceExtractor::Impl::phrase_before(const std::vector<Tok>& toks, std::size_t i, bool in_cues,
                                          bool in_verbs) const -> bool {
  std::string key;
  std::array<std::string, 4> variants;
  for (std::size_t n = 1; n <= 3 && n <= i; ++n) {
    const Tok& t = toks[i - n];
    if (t.kind != TokKind::word) break;
    key = n == 1 ? std::string(t.text) : std::string(t.text) + " " + key;
    const std::size_t space = std::min(key.size(), key.find(' '));
    const std::size_t count = clitic_variants(key.substr(0, space), variants);
    for (std::size_t v = 0; v < count; ++v) {
      const std::string candidate = variants[v] + key.substr(space);
      if ((in_cues && cues.contains(candidate)) || (in_verbs && verbs.contains(candidate))) return true;
    }
  }
  return false;
}

auto SourceExtractor::Impl::scan_line(const TokenStream& stream, std::size_t offset, std::size_t end, bool opening,
                                      bool datelines, Tokens& tokens, std::vector<ExtractedSource>& out) const -> void {
  const std::string_view line = stream.text().substr(offset, end - offset);
  tokens_of(stream, stream.atom_at(offset), stream.atom_at(end), offset, tokens);
  const auto& toks = tokens.toks;
  if (toks.empty()) return;
  auto span = [&](std::size_t first, std::size_t last, ExtractedSource& s) {
    s.begin = offset + toks[first].begin;
    s.end = offset + toks[last - 1].end;
    s.text.assign(line.substr(s.begin - offset, s.end - s.begin));
  };
  auto from_entry = [&](std::size_t entry, SourceKind kind) {
    ExtractedSource s;
    s.name = entries[entry].name;
    s.key = entries[entry].key;
    s.kind = kind;
    return s;
  };
  std::size_t skip_until = 0;
  if (datelines) {
    const auto d = dateline(toks, 0, opening);
    // The opening may name an outlet the table does not know; a known agency wins unless the
    // unknown name runs past it (الجزائر - الشروق أونلاين: is not the outlet الشروق).
    const auto u = opening ? unknown_dateline(toks) : std::nullopt;
    if (u && (!d || !d->agency || u->last > d->last)) {
      ExtractedSource s = named_source(line, offset, toks, u->name, SourceKind::dateline);
      s.city = u->city ? cities[*u->city] : std::string();
      out.push_back(std::move(s));
      skip_until = u->last;
    } else if (d) {
      ExtractedSource s;
      if (d->agency) s = from_entry(*d->agency, SourceKind::dateline);
      s.kind = SourceKind::dateline;
      s.city = d->city ? cities[*d->city] : std::string();
      span(d->first, d->last, s);
      out.push_back(std::move(s));
      skip_until = d->last;
      if (d->second_agency) {
        ExtractedSource second = from_entry(*d->second_agency, SourceKind::agency);
        span(d->first, d->last, second);
        out.push_back(std::move(second));
      }
    }
  }
  std::size_t consumed = skip_until;  // tokens before it belong to a name already found
  for (std::size_t i = skip_until; i < toks.size(); ++i) {
    if (toks[i].kind != TokKind::word) continue;
    // A name written with a dot or a hyphen in it: العربية.نت, أ.ف.ب.
    if (const std::size_t e = i + 2 < toks.size() && toks[i + 1].begin == toks[i].end ? joined_end(toks, i) : i + 1;
        e > i + 1)
      if (const auto known = known_name(toks, i, e); known && known->distinctive) {
        ExtractedSource s = from_entry(known->entry, SourceKind::agency);
        span(i, e, s);
        out.push_back(std::move(s));
        i = e - 1;
        consumed = e;
        continue;
      }
    bool citation_word = false;
    auto m = match_alias(toks, i, true, &citation_word);
    bool cited = false;
    if (m) {
      cited = m->distinctive || cue_before(toks, i, false);
      if (!cited && i > 0 && toks[i - 1].kind == TokKind::open && i + m->tokens < toks.size() &&
          toks[i + m->tokens].kind == TokKind::close)
        cited = cue_before(toks, i - 1, true) || (i >= 2 && toks[i - 2].kind == TokKind::open);
    }
    if (!cited) {
      NameSpan name;
      if (!(m ? may_start_citation(toks[i].text) : citation_word)) continue;
      if (const std::size_t past = unknown_citation(toks, i, consumed, name)) {
        out.push_back(named_source(line, offset, toks, name, SourceKind::agency));
        i = past - 1;
        consumed = past;
      }
      continue;
    }
    ExtractedSource s = from_entry(m->value, SourceKind::agency);
    span(i, i + m->tokens, s);
    out.push_back(std::move(s));
    i += m->tokens - 1;
    consumed = i + 1;
  }
  if (datelines)
    if (const auto name = paragraph_end(toks); name && name->first >= consumed)
      out.push_back(named_source(line, offset, toks, *name, SourceKind::agency));
}

auto SourceExtractor::Impl::scan(const TokenStream& stream, std::size_t begin, std::size_t end,
                                 std::vector<ExtractedSource>& out) const -> void {
  bool opening_pending = true;
  bool in_related = false;
  Tokens tokens;
  const std::string_view text = stream.text().substr(0, end);
  for (std::size_t pos = begin; pos < text.size();) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::size_t line_begin = pos;
    pos = eol + 1;
    while (line_begin < eol) {
      std::size_t stop = eol;
      if (stop - line_begin > kWindowBytes) {  // a huge line: windows cut at white space
        stop = text.find(' ', line_begin + kWindowBytes);
        if (stop == std::string_view::npos || stop > eol) stop = eol;
      }
      std::string_view line = text.substr(line_begin, stop - line_begin);
      const std::size_t offset = line_begin;
      line_begin = stop;
      const std::size_t first_nonspace = line.find_first_not_of(" \t\r");
      if (first_nonspace == std::string_view::npos) continue;
      if (line.size() < 4096) {
        const std::size_t line_end = offset + line.size();
        const LabelMatch label = layout->label(stream, offset, line_end);
        if (label.kind == LineLabel::related) {
          in_related = true;
          opening_pending = false;
          continue;
        }
        if (label.kind == LineLabel::source) {
          credit_line(stream, label.value_begin, line_end, tokens, out);
          continue;
        }
        if (label.kind == LineLabel::published || label.kind == LineLabel::updated) {
          // Header line; text the scraper ran into it (dateline, first paragraph) is the opening.
          std::size_t rest = layout->date_value_end(stream, label.value_begin, line_end);
          while (rest < line_end && text[rest] == ' ') ++rest;
          if (rest >= line_end) continue;
          scan_line(stream, rest, line_end, opening_pending, !in_related, tokens, out);
          opening_pending = false;
          continue;
        }
      }
      scan_line(stream, offset, offset + line.size(), opening_pending, !in_related, tokens, out);
      opening_pending = false;
    }
  }
}

auto SourceExtractor::Impl::title_suffix(const TokenStream& stream, std::size_t begin, std::size_t end) const
    -> std::optional<ExtractedSource> {
  Tokens tokens;
  tokens_of(stream, stream.atom_at(begin), stream.atom_at(end), 0, tokens);
  const auto& toks = tokens.toks;
  for (std::size_t k = toks.size(); k-- > 1;) {
    if (toks[k].kind != TokKind::sep || toks[k].text == ":" || toks[k].text == "/" || toks[k].text == ",") continue;
    if (k + 1 >= toks.size()) return std::nullopt;
    const bool inside_word = toks[k - 1].end == toks[k].begin && toks[k].end == toks[k + 1].begin &&
                             toks[k - 1].kind == TokKind::word && toks[k + 1].kind == TokKind::word;
    if (inside_word) continue;  // Al-Monitor, 12-3-2024: not the title's separator
    if (const auto m = match_alias(toks, k + 1, false); m && k + 1 + m->tokens == toks.size()) {
      ExtractedSource s;
      s.name = entries[m->value].name;
      s.key = entries[m->value].key;
      s.kind = SourceKind::source;
      s.begin = toks[k + 1].begin;
      s.end = toks.back().end;
      s.text.assign(stream.text().substr(s.begin, s.end - s.begin));
      return s;
    }
    // An outlet the table does not know: the whole rest of the title, in the shape of a name.
    NameSpan name{k + 1, toks.size(), 0};
    if (const auto q = quoted_name(toks, k + 1); q && q->last + 1 == toks.size())
      name = *q;
    else if (name_end(toks, k + 1, 5) != toks.size())
      return std::nullopt;
    if (!plausible_name(toks, name.first, name.last, NamePlace::suffix)) return std::nullopt;
    return named_source(stream.text(), 0, toks, name, SourceKind::source);
  }
  return std::nullopt;
}

}  // namespace xapian_arabic
