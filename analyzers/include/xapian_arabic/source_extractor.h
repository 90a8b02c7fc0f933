/** @file
 *  @brief Finds who an Arabic news article is from: المصدر lines, title suffixes,
 *  datelines (موسكو-سانا, بغداد/ شبكة أخبار العراق-, دمشق (وكالات الانباء) -) and
 *  wire agencies cited in the body, mapped to canonical names through the alias
 *  table config/sources/agencies.tsv (سانا = SANA = الوكالة العربية السورية للأنباء).
 *  In those positions an outlet the table does not know is found by the shape of its
 *  name (config/sources/name_shapes.tsv) and reported as written.
 *
 *  Thread safety: a constructed SourceExtractor is immutable; share it freely.
 */
#pragma once

#include <xapian_arabic/export.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xapian_arabic {

class TokenStream;

enum class SourceKind { source, agency, dateline };

XAPIAN_ARABIC_API const char* to_string(SourceKind kind);

struct ExtractedSource {
  std::string name;  ///< canonical name from the alias table, or the text as written if unknown
  std::string key;   ///< stable ASCII key of the canonical entry (e.g. "sana"), empty if unknown
  SourceKind kind = SourceKind::source;
  std::string city;                ///< dateline city, normalized; empty if none
  std::size_t begin = 0, end = 0;  ///< byte span in the text given to extract()
  std::string text;                ///< the matched span as written
};

struct SourceExtractorOptions {
  std::string aliases_file;  ///< agencies/outlets alias table; empty: built-in config/sources/agencies.tsv
  std::string cities_file;   ///< known dateline cities; empty: built-in config/sources/cities.txt
  /// How an unknown outlet name is told from a place, a person or a phrase; empty: built-in
  /// config/sources/name_shapes.tsv
  std::string shapes_file;
  /// The markers table (header labels, citation cues and verbs); empty: built-in config/layout/markers.tsv
  std::string markers_file;
};

class XAPIAN_ARABIC_API SourceExtractor {
 public:
  explicit SourceExtractor(const SourceExtractorOptions& options = {});
  ~SourceExtractor();
  SourceExtractor(SourceExtractor&&) noexcept;
  SourceExtractor& operator=(SourceExtractor&&) noexcept;

  /// Every source, dateline and agency mention in @p text (an article body: its first line is
  /// the opening, where a dateline stands), in text order. @p title, when given, is checked for
  /// an outlet suffix (... - اليوم السابع); that mention comes first, with an empty span.
  std::vector<ExtractedSource> extract(std::string_view text, std::string_view title = {}) const;

  /// extract() over bytes [begin, end) of a text already in @p stream, with the title at bytes
  /// [title_begin, title_end) (empty: none); every span, the title suffix's too, is an offset in
  /// the stream's text. Uses the stream's words when it normalized with the default options
  /// (the tables' spelling); otherwise tokenizes the ranges again.
  std::vector<ExtractedSource> extract(const TokenStream& stream, std::size_t begin, std::size_t end,
                                       std::size_t title_begin = 0, std::size_t title_end = 0) const;

  /// Like extract() for a whole article as one text: its first line is the headline (checked
  /// for an outlet suffix, never a dateline), header lines (تاريخ النشر, آخر تحديث) are skipped,
  /// and the first line after them, or the text run into a header line, is the opening.
  /// Spans are byte offsets in @p text.
  std::vector<ExtractedSource> extract_article(std::string_view text) const;

  /// The canonical spelling of a dateline city from config/sources/cities.txt, else @p city normalized.
  std::string canonical_city(std::string_view city) const;

  /// The canonical entry for a name or alias ("سانا", "SANA", "sana"), if known: its name and key.
  std::optional<std::pair<std::string, std::string>> canonical(std::string_view name_or_alias) const;

  /// All aliases (normalized) of the entry with @p key, for search filters.
  std::vector<std::string> aliases_of(std::string_view key) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xapian_arabic
