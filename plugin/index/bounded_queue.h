/** @file
 *  @brief A blocking queue with a capacity, between the indexer's threads.
 */
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace xapian_arabic {

/// A queue with a capacity: push() blocks while it is full, so a fast stage
/// cannot run ahead of a slow one and fill memory. close() wakes everyone up.
template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity, std::size_t producers) : capacity_(capacity), producers_(producers) {}

  /// False if the queue was closed (the item is dropped).
  bool push(T&& item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  /// The next item; nullopt when closed and empty, or after @p timeout without an item.
  std::optional<T> pop(std::optional<std::chrono::milliseconds> timeout = std::nullopt) {
    std::unique_lock lock(mutex_);
    const auto ready = [&] { return closed_ || !items_.empty(); };
    if (timeout) {
      if (!not_empty_.wait_for(lock, *timeout, ready)) return std::nullopt;
    } else {
      not_empty_.wait(lock, ready);
    }
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  bool finished() {
    std::lock_guard lock(mutex_);
    return closed_ && items_.empty();
  }

  /// One producer is done; the last one closes the queue.
  void producer_done() {
    std::lock_guard lock(mutex_);
    if (producers_ > 0 && --producers_ == 0) close_locked();
  }

  void close() {
    std::lock_guard lock(mutex_);
    close_locked();
  }

 private:
  void close_locked() {
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  std::size_t capacity_;
  std::size_t producers_;
  bool closed_ = false;
};

}  // namespace xapian_arabic
