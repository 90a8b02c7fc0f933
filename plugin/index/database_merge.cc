/** @file
 *  @brief Compaction of shards into a database and the atomic folder exchange.
 */
#include "index/database_merge.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian_arabic/index_schema.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

void sync_folder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::uint64_t folder_bytes(const std::string& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

void exchange_folders(const std::string& a, const std::string& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0)
    throw std::system_error(errno, std::generic_category(), "cannot exchange " + a + " and " + b);
  sync_folder(fs::path(a).parent_path().string());
  if (fs::path(b).parent_path() != fs::path(a).parent_path()) sync_folder(fs::path(b).parent_path().string());
}

std::string merge_unsupported_reason(const std::string& db_path, const std::string& work_dir,
                                     std::uint64_t text_bytes) {
  std::error_code ec;
  if (!fs::exists(fs::path(db_path) / "iamglass", ec)) return "not a glass database folder";
  struct stat db {
  }, parent{};
  if (::stat(db_path.c_str(), &db) != 0 || ::stat(fs::path(db_path).parent_path().c_str(), &parent) != 0)
    return "cannot stat the database folder";
  if (db.st_dev != parent.st_dev) return "the database folder is a mount point";
  fs::create_directories(work_dir, ec);
  if (ec) return "cannot create " + work_dir + ": " + ec.message();
  const auto space = fs::space(work_dir, ec);
  if (ec || space.available < merge_space_needed(folder_bytes(db_path), text_bytes))
    return "not enough free space for a merge";
  const std::string probe_a = work_dir + "/probe-a", probe_b = work_dir + "/probe-b";
  fs::create_directories(probe_a, ec);
  fs::create_directories(probe_b, ec);
  const bool exchanged = ::renameat2(AT_FDCWD, probe_a.c_str(), AT_FDCWD, probe_b.c_str(), RENAME_EXCHANGE) == 0;
  fs::remove(probe_a, ec);
  fs::remove(probe_b, ec);
  if (!exchanged) return "the filesystem cannot exchange folders atomically";
  return {};
}

std::uint64_t merge_space_needed(std::uint64_t db_bytes, std::uint64_t text_bytes) {
  // At the last merge three things are on disk at once: the shards of the documents since the
  // merge before (uncompacted, at most all the new documents), the live database (grown by the
  // earlier merges, at most by all the new documents compacted) and the merged copy being
  // written (the database plus all the new documents, compacted). Measured per byte of text:
  // uncompacted 5.7x (news-bench) to 8.2x (news-dev), compacted 3.2x to 4.3x without the synonym
  // table; with it ([index] synonyms, on by default) 10.9x and 5.3x on news-dev. With headroom:
  constexpr std::uint64_t uncompacted = 14, compacted = 7;
  return db_bytes + (uncompacted + 2 * compacted) * text_bytes;
}

void compact_into(const std::string& target, const std::vector<std::string>& shards, const std::string& out) {
  Xapian::Database sources(target);
  for (const std::string& shard : shards) sources.add_database(Xapian::Database(shard));
  sources.compact(out);
}

std::size_t remove_duplicate_ids(Xapian::WritableDatabase& db) {
  std::vector<Xapian::docid> older;
  const std::string prefix = schema::kIdPrefix;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    Xapian::docid newest = 0;
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      if (newest) older.push_back(newest);
      newest = *p;
    }
  }
  for (Xapian::docid id : older) db.delete_document(id);
  return older.size();
}

}  // namespace xapian_arabic
