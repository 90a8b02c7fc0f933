/** @file
 *  @brief A bounded set of 64-bit hashes, for memories whose loss only costs redoing work.
 */
#ifndef XAPIAN_ARABIC_PLUGIN_HASH_MEMORY_H
#define XAPIAN_ARABIC_PLUGIN_HASH_MEMORY_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace xapian_arabic {

/// Open addressing over a power-of-two table of hashes that starts small (8 KB) and doubles up to
/// 2^max_slots_log2 slots; when that is half full, it forgets everything and starts again. So
/// memory stays bounded, and a memory used for a few words (one document) costs little to make
/// and to clear.
class HashMemory {
 public:
  /// @p max_slots_log2 between 1 and 40.
  explicit HashMemory(unsigned max_slots_log2);
  /// True when @p hash was not in the memory (it is now). 0 counts as 1.
  bool insert(std::uint64_t hash);
  /// Forgets every hash and gives the table back.
  void clear();
  std::size_t size() const { return used_; }

 private:
  static constexpr std::size_t kInitialSlots = 1 << 10;
  void grow();
  std::size_t max_slots_;
  std::size_t used_ = 0;
  std::vector<std::uint64_t> table_;
};

}  // namespace xapian_arabic

#endif
