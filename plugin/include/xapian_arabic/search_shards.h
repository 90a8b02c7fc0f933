/** @file
 *  @brief The databases of one search: local indexes, stub files and folders, remote shards.
 *
 *  A search can run over many databases at once (Xapian merges their results as if they
 *  were one). open_shards() opens each database it is given, and each line of a stub
 *  database (a file, or a folder holding XAPIANDB, as Xapian reads them) on its own, so
 *  that every shard keeps a name: NewsSearch checks each shard's analysis settings and
 *  names the shard that differs, and a shard that is down or stops answering is named
 *  in the error instead of Xapian's anonymous "Received EOF".
 *
 *  Stub lines, as Xapian 1.4 reads them: `auto PATH`, `glass PATH`, `chert PATH`
 *  (relative paths are relative to the stub's folder; PATH may be a stub itself),
 *  `remote HOST:PORT` (xapian-tcpsrv), `remote :PROGRAM ARGS` (xapian-progsrv, e.g. over
 *  ssh), `inmemory`; empty lines and lines starting with '#' are skipped.
 *
 *  Thread safety: a Shard is a Xapian::Database; use one per thread.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>

#include <string>
#include <vector>

namespace xapian_arabic {

/// A database of a search cannot be opened (missing, not a database, a bad stub line).
/// what() names the database, or the stub file and line.
class XAPIAN_ARABIC_API ShardError : public Error {
 public:
  using Error::Error;
};

/// A remote shard is down, did not answer within RemoteTimeouts, or went away during a
/// search: trying again later may work. what() names the shard.
class XAPIAN_ARABIC_API ShardUnavailableError : public ShardError {
 public:
  using ShardError::ShardError;
};

/// Xapian's remote timeouts for `remote` stub lines, in milliseconds (0 = wait for ever).
struct RemoteTimeouts {
  unsigned timeout_ms = 10000;          ///< for each reply of an open connection
  unsigned connect_timeout_ms = 10000;  ///< for connecting (tcp) or starting the program (prog)
};

/// One database of a search and the name errors give it: the path of a local database,
/// or "STUB:LINE (remote HOST:PORT)" / "STUB:LINE (remote :PROGRAM ARGS)".
struct Shard {
  std::string name;
  Xapian::Database db;
};

/// Opens every database in @p names (index folders, single-file databases, stub files and
/// stub folders), each stub line as its own shard, in order. Throws ShardError naming the
/// database, or the stub file and line, that cannot be opened or reached.
XAPIAN_ARABIC_API std::vector<Shard> open_shards(const std::vector<std::string>& names,
                                                 const RemoteTimeouts& timeouts = {});

/// The shards of @p db, a Xapian::Database that may combine several (a stub opened by
/// Xapian, or add_database()); named "DESCRIPTION (database I of N)" since Xapian keeps
/// no path. Prefer open_shards(), which knows the names.
XAPIAN_ARABIC_API std::vector<Shard> split_shards(const Xapian::Database& db, const std::string& description);

}  // namespace xapian_arabic
