/** @file
 *  @brief MurmurHash64A and hex digits of a hash.
 */
#include "base/hash.h"

#include <cstring>

namespace xapian_arabic {

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed) {
  // MurmurHash64A (Austin Appleby, public domain).
  constexpr std::uint64_t m = 0xc6a4a7935bd1e995ULL;
  constexpr int r = 47;
  std::uint64_t h = seed ^ (bytes.size() * m);
  const char* p = bytes.data();
  const char* end = p + (bytes.size() / 8) * 8;
  for (; p != end; p += 8) {
    std::uint64_t k;
    std::memcpy(&k, p, 8);
    k *= m;
    k ^= k >> r;
    k *= m;
    h ^= k;
    h *= m;
  }
  const std::size_t tail = bytes.size() & 7;
  if (tail) {
    std::uint64_t k = 0;
    for (std::size_t i = 0; i < tail; ++i) k |= std::uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
    h ^= k;
    h *= m;
  }
  h ^= h >> r;
  h *= m;
  h ^= h >> r;
  return h;
}

std::string hex64(std::uint64_t hash) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[i] = digits[hash & 15];
  return out;
}

}  // namespace xapian_arabic
