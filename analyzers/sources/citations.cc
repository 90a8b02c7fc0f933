/** @file
 *  @brief Line by line: credit lines, datelines, agencies cited after a cue or a reporting verb, title suffixes.
 */
#include <xapian_arabic/error.h>

#include <algorithm>

#include "sources/source_grammar.h"
#include "tables/data_files.h"

namespace xapian_arabic {

auto SourceExtractor::Impl::cue_before(const std::vector<Tok>& toks, std::size_t i, bool verbs_too) const -> bool {
  std::string key;
  for (std::size_t n = 1; n <= 3 && n <= i; ++n) {
    const Tok& t = toks[i - n];
    if (t.kind != TokKind::word) break;
    key = n == 1 ? std::string(t.text) : std::string(t.text) + " " + key;
    std::array<std::string, 4> variants;
    const std::size_t count = clitic_variants(key.substr(0, key.find(' ')), variants);
    for (std::size_t v = 0; v < count; ++v) {
      const std::string candidate = variants[v] + key.substr(std::min(key.size(), key.find(' ')));
      if (cues.contains(candidate) || (verbs_too && verbs.contains(candidate))) return true;
    }
  }
  return false;
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
        const LabelMatch label = layout->label(line);
        if (label.kind == LineLabel::related) {
          in_related = true;
          opening_pending = false;
          continue;
        }
        if (label.kind == LineLabel::source) {
          std::string_view value = line.substr(label.value_begin);
          while (!value.empty() && (value.back() == ' ' || value.back() == '.' || value.back() == '\r'))
            value.remove_suffix(1);
          if (value.empty()) continue;
          ExtractedSource s;
          if (const auto entry = lookup(value)) {
            s.name = entries[*entry].name;
            s.key = entries[*entry].key;
          } else {
            s.name.assign(value);
          }
          s.kind = SourceKind::source;
          s.begin = offset + label.value_begin;
          s.end = s.begin + value.size();
          s.text.assign(value);
          out.push_back(std::move(s));
          continue;
        }
        if (label.kind == LineLabel::published || label.kind == LineLabel::updated) {
          // Header line; text the scraper ran into it (dateline, first paragraph) is the opening.
          std::size_t rest = layout->date_value_end(line, label.value_begin);
          while (rest < line.size() && line[rest] == ' ') ++rest;
          if (rest >= line.size()) continue;
          scan_line(stream, offset + rest, offset + line.size(), opening_pending, !in_related, tokens, out);
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
    const auto m = match_alias(toks, k + 1, false);
    if (!m || k + 1 + m->tokens != toks.size()) return std::nullopt;
    ExtractedSource s;
    s.name = entries[m->value].name;
    s.key = entries[m->value].key;
    s.kind = SourceKind::source;
    s.begin = toks[k + 1].begin;
    s.end = toks.back().end;
    s.text.assign(stream.text().substr(s.begin, s.end - s.begin));
    return s;
  }
  return std::nullopt;
}

}  // namespace xapian_arabic
