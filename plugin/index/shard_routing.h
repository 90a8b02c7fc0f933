/** @file
 *  @brief Which shard and which partition an article belongs to, and the layout of a
 *  sharded index (internal).
 *
 *  An article goes where a stable hash of its Q term (its id, else url, else path)
 *  sends it: MurmurHash64A (base/hash.h), which is the same on every machine and in
 *  every release, so an incremental run sends an article to the shard that already
 *  holds it and replace_document() there replaces it: an article is never in two
 *  shards. Shards and partitions use two different seeds, so that N partitions and M
 *  shards split independently (with one hash, partition 0 of 2 would only fill the
 *  even shards of 4). A hash, not the publication year: shards stay the same size
 *  whatever the years the archive covers, and an article whose date is re-extracted
 *  differently never moves.
 *
 *  A sharded index DB is a folder with a stub database DB/XAPIANDB (Xapian's stub folder:
 *  Database("DB"), Omega, quest and xapian-delve open all its shards) listing
 *  "auto shard-K" for K in 0..N-1, each DB/shard-K a normal index.
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xapian_arabic {

/// The part of an archive one run indexes: articles whose hash says @p index of @p count.
struct Routing {
  unsigned shard = 0, shards = 1;          ///< this database's shard of a sharded index
  unsigned partition = 0, partitions = 1;  ///< this machine's partition of the archive

  bool everything() const { return shards == 1 && partitions == 1; }
  /// The article with Q term @p qterm belongs to this run.
  bool keeps(std::string_view qterm) const;
  /// "shard 2/4, partition 0/3": stored in each database, checked by the next run.
  std::string description() const;
};

unsigned shard_of(std::string_view qterm, unsigned shards);
unsigned partition_of(std::string_view qterm, unsigned partitions);

/// The metadata key of a database's Routing::description().
inline constexpr const char* kRoutingMetadataKey = "xapian-arabic.routing";

/// The folder of shard @p k of the sharded index @p db_path.
std::string shard_path(const std::string& db_path, unsigned k);

/// The number of shards of the sharded index at @p db_path (a folder whose XAPIANDB lists
/// exactly shard-0..shard-N-1), or nullopt if @p db_path is no sharded index of ours.
std::optional<unsigned> shard_count(const std::string& db_path);

/// Writes @p db_path/XAPIANDB listing @p shards shards (atomically: a search opening it
/// sees the old stub or the new one).
void write_shard_stub(const std::string& db_path, unsigned shards);

}  // namespace xapian_arabic
