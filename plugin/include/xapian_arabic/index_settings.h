/** @file
 *  @brief Settings of the indexer: [index] and [weights] (config.h reads them).
 */
#pragma once

#include <cstddef>
#include <string>

namespace xapian_arabic {

/// [index] parallel_write: whether analysis threads write shards of their own
/// that each commit merges into the database (docs/indexing.md).
enum class ParallelWrite {
  automatic,  ///< when the database is new or small next to the input to read
  always,     ///< whenever there are 2+ threads and the filesystem allows it
  never,      ///< one writer thread
};

/// [index]: how the indexer runs.
struct IndexSettings {
  unsigned threads = 0;          ///< analysis worker threads; 0 = number of cores
  std::size_t batch_size = 500;  ///< commit every this many documents
  std::string language = "ar";   ///< value of the L term
  ParallelWrite parallel_write = ParallelWrite::automatic;
  bool synonyms = true;  ///< words as written → their terms in the synonym table, for plain QueryParsers
};

/// [weights]: wdf per occurrence, i.e. how much a word counts in each field.
struct FieldWeights {
  unsigned title = 3;  ///< title words (also indexed into the body text)
  unsigned lead = 3;   ///< words of the first paragraph
  unsigned body = 1;
  unsigned source = 1;  ///< source, agency and dateline city names
};

}  // namespace xapian_arabic
