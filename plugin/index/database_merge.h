/** @file
 *  @brief Merging temporary shards into a database and swapping the result in
 *  atomically: the parallel-write half of NewsIndexer.
 *
 *  The live database is never written in place by a merge. Xapian's compactor
 *  writes target + shards into a new folder next to it, which is finished and
 *  committed there and then exchanged with the live folder in one
 *  renameat2(RENAME_EXCHANGE) call, so a reader or a crash sees either the old
 *  database or the new one, never a mix.
 */
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace xapian_arabic {

/// Why @p db_path cannot take merged shards (empty if it can): it must be a glass
/// database folder, not a mount point, on a filesystem that supports
/// RENAME_EXCHANGE, with merge_space_needed() free next to it. @p work_dir is the
/// folder beside it that will hold the shards (created here). @p text_bytes: the
/// input to index, uncompressed.
std::string merge_unsupported_reason(const std::string& db_path, const std::string& work_dir, std::uint64_t text_bytes);

/// Free bytes a parallel run into a database of @p db_bytes needs for @p text_bytes
/// of (uncompressed) input, at its peak: the last merge.
std::uint64_t merge_space_needed(std::uint64_t db_bytes, std::uint64_t text_bytes);

/// Bytes of the regular files under @p dir (0 if missing).
std::uint64_t folder_bytes(const std::string& dir);

/// Compacts @p target followed by @p shards into the new database @p out.
/// Documents keep their order: the target's come first (renumbered from 1), then
/// each shard's, so a shard's copy of an article is newer than the target's.
void compact_into(const std::string& target, const std::vector<std::string>& shards, const std::string& out);

/// Deletes all but the newest (highest docid) document of every Q term that
/// has several; returns how many were deleted. Memory: the deleted docids only.
std::size_t remove_duplicate_ids(Xapian::WritableDatabase& db);

/// Atomically exchanges the folders @p a and @p b (same filesystem) and makes
/// the exchange durable; throws std::system_error on failure.
void exchange_folders(const std::string& a, const std::string& b);

}  // namespace xapian_arabic
