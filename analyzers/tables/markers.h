/** @file
 *  @brief The one markers table (config/layout/markers.tsv, or [layout] markers_file):
 *  header labels, appended-material and boilerplate markers, date markers, citation cues
 *  and reporting verbs (internal).
 *
 *  The layout (news/news_layout.h), the date grammar (dates/date_lexicon.h) and the source
 *  grammar read their phrases from it. Phrases are kept as written: each reader compares
 *  them in its own folded form. A file is parsed once while some reader holds it.
 */
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

/// The first column of the table (its header documents each kind).
enum class MarkerKind : std::uint8_t {
  published,         ///< publication line label, and date marker in running text
  updated,           ///< update line label, and date marker
  published_label,   ///< publication line label only
  updated_label,     ///< update line label only
  published_marker,  ///< publication date marker only
  updated_marker,    ///< update date marker only
  source,            ///< credit line label (المصدر:)
  related,           ///< start of appended material (إقرأ أيضاً)
  boilerplate,       ///< start of a site boilerplate line
  zone,              ///< time zone phrase ending a header date (بتوقيت مكة المكرمة)
  time_word,         ///< word inside a header date (ص, م, GMT)
  cue,               ///< word before a cited outlet (وكالة, صحيفة)
  verb,              ///< reporting verb before a quoted outlet (نقلت)
};
inline constexpr std::size_t kMarkerKinds = 13;

/// The name of @p kind as the table writes it.
std::string_view to_string(MarkerKind kind);

struct MarkerPhrase {
  std::string text;      ///< as written in the table
  std::size_t line = 0;  ///< 1-based line in the table, for error messages
};

class MarkerTable {
 public:
  /// Parses @p content; @p name is the file named in errors.
  /// Throws TableError("NAME:LINE: what is wrong") for a malformed row.
  MarkerTable(std::string_view content, std::string name);

  /// The table in @p file (empty: the built-in config/layout/markers.tsv). The same file with
  /// the same contents is parsed once and shared while anything holds it. Throws TableError.
  static std::shared_ptr<const MarkerTable> load(const std::string& file);

  /// Phrases of @p kind in table order.
  const std::vector<MarkerPhrase>& phrases(MarkerKind kind) const { return phrases_[static_cast<std::size_t>(kind)]; }
  /// The file, as named in error messages.
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::string content_;  // to tell a file edited since it was loaded
  std::array<std::vector<MarkerPhrase>, kMarkerKinds> phrases_;
};

}  // namespace xapian_arabic
