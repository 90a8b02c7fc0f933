/** @file
 *  @brief Every hash of the project in one place (internal).
 *
 *  - fnv1a: the analysis fingerprint of table contents (stored in indexes, so its
 *    values must never change) and short-word lookups;
 *  - content_hash (MurmurHash64A) and hex64: file and article contents, and the
 *    suffix of over-long terms (stored in indexes too);
 *  - TransparentStringHash / ShortWordHash: unordered containers searched by
 *    std::string_view without building a string. Their operator() is deliberately not noexcept:
 *    libstdc++ stores each node's hash code only for hashes that may throw (or are marked slow),
 *    and without stored codes every lookup rehashed the keys of the nodes its bucket walk passed,
 *    with a modulo per step (the date lexicon's lookups, one per word of every article, cost a sixth
 *    less with stored codes).
 */
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace xapian_arabic {

inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

/// 64-bit FNV-1a of @p data, continuing from @p h.
constexpr std::uint64_t fnv1a(std::string_view data, std::uint64_t h = kFnvOffset) {
  for (unsigned char c : data) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

/// A 64-bit hash of @p bytes (MurmurHash64A; stable across runs and little-endian machines).
std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed = 0);

/// 16 lower-case hex digits of @p hash.
std::string hex64(std::uint64_t hash);

/// std::hash over string views, usable for heterogeneous lookup.
struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// FNV-1a with a final mix: for keys that are short words, where it beats the library's murmur hash.
struct ShortWordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    const std::uint64_t h = fnv1a(s);
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

}  // namespace xapian_arabic
