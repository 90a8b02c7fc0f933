/** @file
 *  @brief Routing articles to shards and partitions; the stub of a sharded index.
 */
#include "index/shard_routing.h"

#include <xapian_arabic/news_indexer.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "base/hash.h"

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {
// Stored in indexes through where each article is: never change them.
constexpr std::uint64_t kShardSeed = 0x5348415244ULL;      // "SHARD"
constexpr std::uint64_t kPartitionSeed = 0x5041525453ULL;  // "PARTS"
constexpr const char* kStubHeader = "# xapian-arabic sharded index: do not edit (xapian-arabic index writes it)";
}  // namespace

unsigned shard_of(std::string_view qterm, unsigned shards) {
  return shards <= 1 ? 0 : static_cast<unsigned>(content_hash(qterm, kShardSeed) % shards);
}

unsigned partition_of(std::string_view qterm, unsigned partitions) {
  return partitions <= 1 ? 0 : static_cast<unsigned>(content_hash(qterm, kPartitionSeed) % partitions);
}

bool Routing::keeps(std::string_view qterm) const {
  return shard_of(qterm, shards) == shard && partition_of(qterm, partitions) == partition;
}

std::string Routing::description() const {
  return "shard " + std::to_string(shard) + "/" + std::to_string(shards) + ", partition " + std::to_string(partition) +
         "/" + std::to_string(partitions);
}

std::string shard_path(const std::string& db_path, unsigned k) {
  return db_path + "/shard-" + std::to_string(k);
}

std::optional<unsigned> shard_count(const std::string& db_path) {
  std::ifstream in(db_path + "/XAPIANDB");
  std::string line;
  if (!in || !std::getline(in, line) || line != kStubHeader) return std::nullopt;
  unsigned n = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line != "auto shard-" + std::to_string(n)) return std::nullopt;
    ++n;
  }
  return n ? std::optional<unsigned>(n) : std::nullopt;
}

void write_shard_stub(const std::string& db_path, unsigned shards) {
  const std::string stub = db_path + "/XAPIANDB", tmp = stub + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << kStubHeader << '\n';
    for (unsigned k = 0; k < shards; ++k) out << "auto shard-" << k << '\n';
    out.flush();
    if (!out) throw IndexError("cannot write the stub database " + tmp);
  }
  std::error_code ec;
  fs::rename(tmp, stub, ec);
  if (ec) throw IndexError("cannot write the stub database " + stub + ": " + ec.message());
}

}  // namespace xapian_arabic
