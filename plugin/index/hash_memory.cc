/** @file
 *  @brief A bounded set of 64-bit hashes.
 */
#include "index/hash_memory.h"

#include <algorithm>
#include <stdexcept>

namespace xapian_arabic {

HashMemory::HashMemory(unsigned max_slots_log2) {
  if (max_slots_log2 < 1 || max_slots_log2 > 40) throw std::invalid_argument("HashMemory: slots 2^1 to 2^40");
  max_slots_ = std::size_t{1} << max_slots_log2;
}

bool HashMemory::insert(std::uint64_t hash) {
  if (hash == 0) hash = 1;  // 0 marks a free slot
  if (table_.empty()) table_.assign(std::min(kInitialSlots, max_slots_), 0);
  std::size_t mask = table_.size() - 1;
  std::size_t slot = hash & mask;
  for (; table_[slot] != 0; slot = (slot + 1) & mask)
    if (table_[slot] == hash) return false;
  if ((used_ + 1) * 2 > table_.size()) {
    if (table_.size() < max_slots_) {
      grow();
    } else {
      clear();
      table_.assign(std::min(kInitialSlots, max_slots_), 0);
    }
    mask = table_.size() - 1;
    for (slot = hash & mask; table_[slot] != 0;) slot = (slot + 1) & mask;
  }
  table_[slot] = hash;
  ++used_;
  return true;
}

void HashMemory::grow() {
  std::vector<std::uint64_t> bigger(table_.size() * 2, 0);
  const std::size_t mask = bigger.size() - 1;
  for (const std::uint64_t h : table_) {
    if (h == 0) continue;
    std::size_t slot = h & mask;
    while (bigger[slot] != 0) slot = (slot + 1) & mask;
    bigger[slot] = h;
  }
  table_.swap(bigger);
}

void HashMemory::clear() {
  table_ = {};
  used_ = 0;
}

}  // namespace xapian_arabic
