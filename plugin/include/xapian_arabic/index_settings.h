/** @file
 *  @brief Settings of the indexer: [index] and [weights] (config.h reads them).
 */
#pragma once

#include <xapian_arabic/export.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace xapian_arabic {

/// [index] parallel_write: whether analysis threads write shards of their own
/// that each commit merges into the database (docs/indexing.md).
enum class ParallelWrite {
  automatic,  ///< when the database is new or small next to the input to read
  always,     ///< whenever there are 2+ threads and the filesystem allows it
  never,      ///< one writer thread
};

/// [index] layout: which terms a word of the text becomes (docs/index-format.md).
enum class IndexLayout {
  /// One term per word, with its position: "Z" + prefix + the stem (the normalized word where
  /// there is none), as TermGenerator's STEM_ALL_Z makes it. Phrases match on stems.
  stems,
  /// Every word normalized, with its position, plus "Z" + prefix + stem without one, as
  /// TermGenerator's STEM_SOME makes it (the only layout before 0.2; an index without the
  /// layout key is laid out so).
  words,
};

/// "stems" / "words": the config's and the index metadata's spelling.
XAPIAN_ARABIC_API const char* to_string(IndexLayout layout);
/// The layout named @p name, or nullopt.
XAPIAN_ARABIC_API std::optional<IndexLayout> parse_index_layout(std::string_view name);

/// [index]: how the indexer runs.
struct IndexSettings {
  unsigned threads = 0;          ///< analysis worker threads; 0 = number of cores
  std::size_t batch_size = 500;  ///< commit every this many documents
  std::string language = "ar";   ///< value of the L term
  ParallelWrite parallel_write = ParallelWrite::automatic;
  bool synonyms = true;  ///< words as written → their terms in the synonym table, for plain QueryParsers
  IndexLayout layout = IndexLayout::stems;  ///< of a new index; an existing one keeps its own
};

/// [weights]: wdf per occurrence, i.e. how much a word counts in each field.
struct FieldWeights {
  unsigned title = 3;  ///< title words (also indexed into the body text)
  unsigned lead = 3;   ///< words of the first paragraph
  unsigned body = 1;
  unsigned source = 1;  ///< source, agency and dateline city names
};

}  // namespace xapian_arabic
