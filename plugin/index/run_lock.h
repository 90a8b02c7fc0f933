/** @file
 *  @brief The lock that makes one index run the only writer of a database for
 *  the whole run, including the moments a merge closes the database.
 *
 *  Xapian's own write lock lives inside the database folder and is released
 *  whenever the database is closed, which a parallel-writer merge does before
 *  it exchanges folders. This lock is an flock() on a sibling file, DB.xa-lock,
 *  taken before the database is opened and held until the run ends, so a
 *  second run fails at once instead of locking a folder that is about to be
 *  replaced. The file is never deleted (deleting a lock file races with the
 *  next run that opens it); the kernel releases the lock when the process dies.
 */
#pragma once

#include <string>

namespace xapian_arabic {

class RunLock {
 public:
  /// Locks @p db_path + ".xa-lock"; throws IndexError naming @p db_name if another
  /// run (in this process or another) holds it, or if the file cannot be created.
  RunLock(const std::string& db_path, const std::string& db_name);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace xapian_arabic
