/** @file
 *  @brief The layout of a scraped Arabic news page: header labels, related-material
 *  markers, boilerplate, and where a header's date value ends (internal).
 *
 *  Shared by the news reader (to split an article) and the source extractor (to find
 *  the article's opening in raw text). Phrases come from the markers table
 *  (tables/markers.h) and are compared after normalization.
 */
#pragma once

#include <xapian_arabic/normalizer.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "tables/markers.h"

namespace xapian_arabic {

/// Normalized text that remembers, for each of its bytes, the byte of the original it came from.
struct NormalizedText {
  std::string text;
  std::vector<std::uint32_t> origin;  ///< origin[i]: original offset of text[i]; origin[text.size()] = end

  NormalizedText() = default;
  NormalizedText(const Normalizer& normalizer, std::string_view original);
  /// Original byte offset of normalized offset @p i.
  std::size_t to_original(std::size_t i) const { return origin[i]; }
};

enum class LineLabel { none, published, updated, source, related, boilerplate };

/// A label found at the start of a line: its kind and the original byte offset where its value starts.
struct LabelMatch {
  LineLabel kind = LineLabel::none;
  std::size_t value_begin = 0;  ///< after the label and any ':' and spaces
};

class NewsLayout {
 public:
  /// The layout of @p markers.
  explicit NewsLayout(std::shared_ptr<const MarkerTable> markers);

  /// The shared built-in layout (config/layout/markers.tsv).
  static std::shared_ptr<const NewsLayout> builtin();
  /// The layout of the markers table @p markers_file (empty: builtin()). Throws TableError.
  static std::shared_ptr<const NewsLayout> load(const std::string& markers_file);

  const MarkerTable& markers() const { return *markers_; }

  const Normalizer& normalizer() const { return normalizer_; }

  /// The label @p line starts with, if any. published/updated only count when a date
  /// value (with a digit) follows, so a body sentence starting with تحديث is not a header.
  LabelMatch label(std::string_view line) const;

  /// End (byte offset in @p line) of the date value starting at @p begin: day, month
  /// name, year, time, ص/م, GMT, بتوقيت مكة المكرمة ... What follows is ordinary text
  /// that the scraper ran into the same line.
  std::size_t date_value_end(std::string_view line, std::size_t begin) const;

  /// Phrases (normalized, longest first) of a kind of the markers table: MarkerKind::cue, verb ...
  const std::vector<std::string>& phrases(MarkerKind kind) const { return phrases_[static_cast<std::size_t>(kind)]; }

 private:
  /// The first word of @p text (after bullets and punctuation), normalized.
  std::string first_word(std::string_view text) const;

  /// Length in normalized bytes of the longest phrase of @p list that @p norm starts with
  /// as whole words, or 0.
  static std::size_t starts_with_phrase(std::string_view norm, const std::vector<std::string>& list);

  /// The labels of a line kind: both its label kinds, longest first.
  const std::vector<std::string>& labels(LineLabel kind) const;

  Normalizer normalizer_;
  std::shared_ptr<const MarkerTable> markers_;
  std::array<std::vector<std::string>, kMarkerKinds> phrases_;  // by MarkerKind: normalized, longest first
  std::vector<std::string> published_labels_, updated_labels_;  // published + published_label ...
  std::unordered_set<std::string> label_first_words_;           // cheap test before matching labels
};

/// True for the characters that separate a dateline's parts: - – — ـ / : | ، ,
bool is_dash_or_colon(char32_t cp);

}  // namespace xapian_arabic
