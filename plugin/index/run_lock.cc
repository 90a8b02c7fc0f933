/** @file
 *  @brief RunLock: flock() on DB.xa-lock for the whole of an index run.
 */
#include "index/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian_arabic/news_indexer.h>

#include <cerrno>
#include <cstring>

namespace xapian_arabic {

RunLock::RunLock(const std::string& db_path, const std::string& db_name) {
  const std::string path = db_path + ".xa-lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0)
    throw IndexError("cannot open database " + db_name + ": cannot create its lock file " + path + ": " +
                     std::strerror(errno));
  // flock() locks belong to the open file, so a second run in the same process is refused too.
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK) throw IndexError("database " + db_name + " is locked: another process is writing to it");
    throw IndexError("cannot lock database " + db_name + " (" + path + "): " + std::strerror(error));
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace xapian_arabic
