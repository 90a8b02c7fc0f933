/** @file
 *  @brief The layout of a scraped Arabic news page: header labels, related-material
 *  markers, boilerplate, and where a header's date value ends (internal).
 *
 *  Shared by the news reader (to split an article) and the source extractor (to find
 *  the article's opening). Both ask about lines of a token stream, so the layout reads the
 *  atoms the stream has already normalized rather than the text again. Phrases come from the
 *  markers table (tables/markers.h), normalized the default way; a stream normalized by other
 *  rules is read again the default way, so what counts as a header does not depend on the
 *  index's normalization switches.
 */
#pragma once

#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/token_stream.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/hash.h"
#include "tables/markers.h"

namespace xapian_arabic {

enum class LineLabel { none, published, updated, source, related, boilerplate };

/// A label found at the start of a line: its kind and the byte offset where its value starts.
struct LabelMatch {
  LineLabel kind = LineLabel::none;
  std::size_t value_begin = 0;  ///< in the stream's text: after the label and any ':' and spaces
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

  /// The label that the line at bytes [begin, end) of @p stream's text starts with, if any.
  /// published/updated only count when a date value (with a digit) follows, so a body
  /// sentence starting with تحديث is not a header.
  LabelMatch label(const TokenStream& stream, std::size_t begin, std::size_t end) const;

  /// End (byte offset in @p stream's text) of the date value starting at @p begin, in a line
  /// that ends at @p end: day, month name, year, time, ص/م, GMT, بتوقيت مكة المكرمة ... What
  /// follows is ordinary text that the scraper ran into the same line.
  std::size_t date_value_end(const TokenStream& stream, std::size_t begin, std::size_t end) const;

  /// Phrases (normalized, longest first) of a kind of the markers table: MarkerKind::cue, verb ...
  const std::vector<std::string>& phrases(MarkerKind kind) const { return phrases_[static_cast<std::size_t>(kind)]; }

 private:
  /// Whether @p stream's forms are the layout's (else it is read again the layout's way).
  bool reads_directly(const TokenStream& stream) const;
  /// Appends the normalized form of @p atom of @p stream to @p out.
  void append_form(const TokenStream& stream, const Atom& atom, std::string& out) const;

  /// Length in normalized bytes of the longest phrase of @p list that @p norm starts with
  /// as whole words, or 0.
  static std::size_t starts_with_phrase(std::string_view norm, const std::vector<std::string>& list);

  /// The labels of a line kind: both its label kinds, longest first.
  const std::vector<std::string>& labels(LineLabel kind) const;

  Normalizer normalizer_;
  std::shared_ptr<const MarkerTable> markers_;
  std::array<std::vector<std::string>, kMarkerKinds> phrases_;  // by MarkerKind: normalized, longest first
  std::vector<std::string> published_labels_, updated_labels_;  // published + published_label ...
  std::unordered_set<std::string, ShortWordHash, std::equal_to<>> label_first_words_;  // a cheap test first
};

/// True for the characters that separate a dateline's parts: - – — ـ / : | ، ,
bool is_dash_or_colon(char32_t cp);

}  // namespace xapian_arabic
