/** @file
 *  @brief What the analysis decided for each word type (stopword? stem?), remembered per Analyzer.
 *
 *  News vocabulary is Zipfian: most words of an article were seen before, so an article costs one
 *  lookup per word instead of a stopword lookup, a character-class test and a stemmer call. The
 *  lookup is memory-bound (the table outgrows the CPU caches), so it is built to touch one cache
 *  line: open addressing over a power-of-two table of 32-byte slots that hold the word and its
 *  stem inline (Arabic words and stems fit in 24 bytes nearly always; longer pairs live beside the
 *  table). std::unordered_map cost two to three misses per word, and rehashed every node a bucket
 *  walk passed (a noexcept hash is not cached in the nodes), with a modulo per step.
 */
#ifndef XAPIAN_ARABIC_PLUGIN_WORD_CACHE_H
#define XAPIAN_ARABIC_PLUGIN_WORD_CACHE_H

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/hash.h"

namespace xapian_arabic {

class WordCache {
 public:
  /// What the analysis decided for one word.
  struct Decision {
    std::string stem;  ///< empty: not stemmed (a stopword, or not a word TermGenerator stems)
    bool stop = false;
  };
  /// A looked-up word: valid until the next get().
  struct Entry {
    std::string_view word, stem;
    bool stop;
  };

  /// At most @p max_words words: when full the cache starts again (bounded memory per thread).
  explicit WordCache(std::size_t max_words) : max_words_(max_words) {}

  /// The entry of @p word, deciding it with @p decide(word) -> Decision the first time.
  template <class Decide>
  Entry get(std::string_view word, Decide&& decide) {
    const std::uint64_t h = ShortWordHash{}(word);
    const std::uint32_t tag = tag_of(h);
    if (slots_.empty()) slots_.assign(kInitialSlots);
    std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.tag == 0) break;
      if (s.tag == tag && word_of(s) == word) return entry_of(s);
    }
    Decision d = decide(word);
    if (used_ >= max_words_) {
      clear();
      i = h & (slots_.size() - 1);
    }
    if ((used_ + 1) * 2 > slots_.size()) {
      grow();
      mask = slots_.size() - 1;
      i = h & mask;
      while (slots_[i].tag != 0) i = (i + 1) & mask;
    }
    Slot& s = slots_[i];
    s.tag = tag;
    s.stop = d.stop;
    if (word.size() + d.stem.size() <= sizeof s.data) {
      s.word_len = static_cast<std::uint8_t>(word.size());
      s.stem_len = static_cast<std::uint8_t>(d.stem.size());
      std::memcpy(s.data, word.data(), word.size());
      std::memcpy(s.data + word.size(), d.stem.data(), d.stem.size());
    } else {
      s.word_len = s.stem_len = kLong;
      const auto at = static_cast<std::uint32_t>(long_.size());
      std::memcpy(s.data, &at, sizeof at);
      long_.push_back({std::string(word), std::move(d.stem)});
    }
    ++used_;
    return entry_of(s);
  }

  /// Starts loading the slot @p word will be looked up in: callers that know the next words
  /// (a range of a token stream) ask a few words ahead, so the lookup finds it in the CPU cache.
  void prefetch(std::string_view word) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[ShortWordHash{}(word) & (slots_.size() - 1)]);
  }

  std::size_t size() const { return used_; }

 private:
  static constexpr std::uint8_t kLong = 0xFF;  // word_len of a slot whose pair is in long_
  struct Slot {
    std::uint32_t tag = 0;  ///< high bits of the word's hash, never 0 in a used slot
    std::uint8_t word_len = 0, stem_len = 0;
    bool stop = false;
    char data[25];  ///< the word, then its stem; or the index of the pair in long_
  };
  static_assert(sizeof(Slot) == 32);
  struct LongPair {
    std::string word, stem;
  };
  static constexpr std::size_t kInitialSlots = 1 << 12;

  // The slots, in transparent huge pages once the table is large: a lookup is a random access,
  // and with 4 KiB pages each one missed the TLB too.
  class SlotTable {
   public:
    void assign(std::size_t n) {
      constexpr std::size_t kHugePage = 2 << 20;
      const std::size_t bytes = n * sizeof(Slot);
      const std::size_t align = bytes >= kHugePage ? kHugePage : alignof(Slot);
      void* p = std::aligned_alloc(align, (bytes + align - 1) / align * align);
      if (!p) throw std::bad_alloc();
      if (align == kHugePage) madvise(p, bytes, MADV_HUGEPAGE);
      data_.reset(static_cast<Slot*>(p));
      std::memset(p, 0, bytes);
      size_ = n;
    }
    Slot& operator[](std::size_t i) { return data_[i]; }
    const Slot& operator[](std::size_t i) const { return data_[i]; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Slot* begin() const { return data_.get(); }
    Slot* end() const { return data_.get() + size_; }
    void swap(SlotTable& o) {
      data_.swap(o.data_);
      std::swap(size_, o.size_);
    }

   private:
    struct Free {
      void operator()(Slot* p) const { std::free(p); }
    };
    std::unique_ptr<Slot[], Free> data_;
    std::size_t size_ = 0;
  };

  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }

  const LongPair& long_pair(const Slot& s) const {
    std::uint32_t at;
    std::memcpy(&at, s.data, sizeof at);
    return long_[at];
  }
  std::string_view word_of(const Slot& s) const {
    if (s.word_len == kLong) return long_pair(s).word;
    return {s.data, s.word_len};
  }
  Entry entry_of(const Slot& s) const {
    if (s.word_len == kLong) {
      const LongPair& p = long_pair(s);
      return {p.word, p.stem, s.stop};
    }
    return {{s.data, s.word_len}, {s.data + s.word_len, s.stem_len}, s.stop};
  }

  void clear() {
    slots_.assign(kInitialSlots);
    long_.clear();
    used_ = 0;
  }

  void grow() {
    SlotTable bigger;
    bigger.assign(slots_.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (const Slot& s : slots_) {
      if (s.tag == 0) continue;
      std::size_t i = ShortWordHash{}(word_of(s)) & mask;
      while (bigger[i].tag != 0) i = (i + 1) & mask;
      bigger[i] = s;
    }
    slots_.swap(bigger);
  }

  std::size_t max_words_;
  std::size_t used_ = 0;
  SlotTable slots_;
  std::vector<LongPair> long_;
};

}  // namespace xapian_arabic

#endif
