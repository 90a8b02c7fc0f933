/** @file
 *  @brief Naming the shard behind a Xapian network error (internal).
 *
 *  Xapian merges the shards of a search in one Enquire; when a remote one is down,
 *  times out or goes away, its NetworkError says "Received EOF" or "Timeout expired"
 *  with a context ("remote:tcp(HOST:PORT)") but no shard of ours. shard_call() runs a
 *  call and turns such an error into a ShardError that names the shard.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/search_shards.h>

#include <string>
#include <vector>

namespace xapian_arabic {

/// The ShardError for @p e, thrown by a call on @p shards: the shard whose remote spec the
/// error's context names, else the first shard that fails a keep-alive.
[[noreturn]] void throw_shard_error(const std::vector<Shard>& shards, const Xapian::NetworkError& e);

template <typename F>
auto shard_call(const std::vector<Shard>& shards, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Xapian::NetworkError& e) {
    throw_shard_error(shards, e);
  }
}

}  // namespace xapian_arabic
