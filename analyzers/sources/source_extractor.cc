/** @file
 *  @brief Source extraction: المصدر lines, title suffixes, datelines and agencies cited in the body.
 */
#include <unicode/uchar.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/source_extractor.h>

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
}

SourceExtractor::~SourceExtractor() = default;
SourceExtractor::SourceExtractor(SourceExtractor&&) noexcept = default;
SourceExtractor& SourceExtractor::operator=(SourceExtractor&&) noexcept = default;

std::vector<ExtractedSource> SourceExtractor::extract(std::string_view text, std::string_view title) const {
  std::vector<ExtractedSource> out;
  impl_->scan(text, out);
  if (!title.empty())
    if (auto s = impl_->title_suffix(title)) {
      s->begin = s->end = 0;  // the span is in the title, not in @p text
      out.insert(out.begin(), std::move(*s));
    }
  return out;
}

std::vector<ExtractedSource> SourceExtractor::extract_article(std::string_view text) const {
  std::vector<ExtractedSource> out;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return out;
  const std::size_t eol = text.find('\n', first);
  const bool has_title = eol != std::string_view::npos &&
                         text.find_first_not_of(" \t\r\n", eol) != std::string_view::npos && eol - first <= 2000;
  if (has_title) {
    const std::string_view title = text.substr(first, eol - first);
    // A first line in the CITY - AGENCY shape opens the article; there is no headline.
    Tokens tokens;
    tokenize(impl_->words, title, tokens);
    if (impl_->layout->label(title).kind == LineLabel::none && !impl_->dateline(tokens.toks, 0, false)) {
      if (auto s = impl_->title_suffix(title)) {
        s->begin += first;
        s->end += first;
        out.push_back(std::move(*s));
      }
      const std::size_t from_title = out.size();
      impl_->scan(text.substr(eol + 1), out);
      for (std::size_t i = from_title; i < out.size(); ++i) {
        out[i].begin += eol + 1;
        out[i].end += eol + 1;
      }
      return out;
    }
  }
  impl_->scan(text, out);
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
