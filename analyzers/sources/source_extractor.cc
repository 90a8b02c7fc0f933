/** @file
 *  @brief Source extraction: المصدر lines, title suffixes, datelines and agencies cited in the body.
 */
#include <unicode/uchar.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/source_extractor.h>
#include <xapian_arabic/token_stream.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "base/utf8.h"
#include "sources/source_grammar.h"
#include "tables/data_files.h"

namespace xapian_arabic {

const char* to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::source: return "source";
    case SourceKind::agency: return "agency";
    case SourceKind::dateline: return "dateline";
  }
  return "source";
}

SourceExtractor::SourceExtractor(const SourceExtractorOptions& options)
    : impl_(std::make_unique<Impl>(NewsLayout::load(options.markers_file))) {
  impl_->load_aliases(read_table("sources/agencies.tsv", options.aliases_file),
                      options.aliases_file.empty() ? "config/sources/agencies.tsv" : options.aliases_file);
  impl_->load_cities(read_table("sources/cities.txt", options.cities_file));
  for (const std::string& cue : impl_->layout->phrases(MarkerKind::cue))
    impl_->cues.insert(token_key(impl_->words, cue));
  for (const std::string& verb : impl_->layout->phrases(MarkerKind::verb))
    impl_->verbs.insert(token_key(impl_->words, verb));
  impl_->load_shapes(read_table("sources/name_shapes.tsv", options.shapes_file),
                     options.shapes_file.empty() ? "config/sources/name_shapes.tsv" : options.shapes_file);
}

SourceExtractor::~SourceExtractor() = default;
SourceExtractor::SourceExtractor(SourceExtractor&&) noexcept = default;
SourceExtractor& SourceExtractor::operator=(SourceExtractor&&) noexcept = default;

std::vector<ExtractedSource> SourceExtractor::extract(std::string_view text, std::string_view title) const {
  // One stream over both, so each is tokenized once.
  std::string joined;
  joined.reserve(text.size() + title.size() + 1);
  joined.append(text).append("\n").append(title);
  TokenStream stream;
  stream.assign(joined);
  auto out = extract(stream, 0, text.size(), text.size() + 1, joined.size());
  if (!title.empty() && !out.empty() && out.front().begin > text.size()) {
    out.front().begin = out.front().end = 0;  // the span is in the title, not in @p text
  }
  return out;
}

std::vector<ExtractedSource> SourceExtractor::extract(const TokenStream& stream, std::size_t begin, std::size_t end,
                                                      std::size_t title_begin, std::size_t title_end) const {
  if (!stream.normalizes() || !(stream.normalization() == impl_->words.normalizer.options())) {
    // The tables are keyed in the default spelling: a stream of other rules is of no use here.
    const std::string_view text = stream.text();
    TokenStream own;
    own.assign(text);
    return extract(own, begin, end, title_begin, title_end);
  }
  std::vector<ExtractedSource> out;
  impl_->scan(stream, begin, end, out);
  if (title_end > title_begin)
    if (auto s = impl_->title_suffix(stream, title_begin, title_end)) out.insert(out.begin(), std::move(*s));
  return out;
}

std::vector<ExtractedSource> SourceExtractor::extract_article(std::string_view text) const {
  std::vector<ExtractedSource> out;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return out;
  TokenStream stream;
  stream.assign(text);
  const std::size_t eol = text.find('\n', first);
  const bool has_title = eol != std::string_view::npos &&
                         text.find_first_not_of(" \t\r\n", eol) != std::string_view::npos && eol - first <= 2000;
  if (has_title) {
    // A first line in the CITY - AGENCY shape opens the article; there is no headline.
    Tokens tokens;
    tokens_of(stream, stream.atom_at(first), stream.atom_at(eol), first, tokens);
    if (impl_->layout->label(stream, first, eol).kind == LineLabel::none && !impl_->dateline(tokens.toks, 0, false)) {
      if (auto s = impl_->title_suffix(stream, first, eol)) out.push_back(std::move(*s));
      impl_->scan(stream, eol + 1, text.size(), out);
      return out;
    }
  }
  impl_->scan(stream, 0, text.size(), out);
  return out;
}

std::optional<std::pair<std::string, std::string>> SourceExtractor::canonical(std::string_view name_or_alias) const {
  if (const auto entry = impl_->lookup(name_or_alias))
    return std::make_pair(impl_->entries[*entry].name, impl_->entries[*entry].key);
  return std::nullopt;
}

std::vector<std::string> SourceExtractor::aliases_of(std::string_view key) const {
  for (const auto& e : impl_->entries)
    if (e.key == key) return e.aliases;
  return {};
}

std::string SourceExtractor::canonical_city(std::string_view city) const {
  const std::string key = token_key(impl_->words, city);
  if (const auto it = impl_->city_keys.find(key); it != impl_->city_keys.end()) return impl_->cities[it->second];
  return key;
}

}  // namespace xapian_arabic
