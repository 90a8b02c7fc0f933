/** @file
 *  @brief BoundedQueue: order, capacity, closing by the last producer, timeouts.
 */
#include "index/bounded_queue.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using xapian_arabic::BoundedQueue;

TEST_CASE("bounded queue: items come out in order, and closing drains before ending", "[bounded_queue]") {
  BoundedQueue<int> queue(4, 1);
  for (int i = 1; i <= 3; ++i) CHECK(queue.push(int(i)));
  queue.producer_done();  // the only producer: closes the queue, items stay
  CHECK_FALSE(queue.finished());
  CHECK(queue.pop() == 1);
  CHECK(queue.pop() == 2);
  CHECK(queue.pop() == 3);
  CHECK(queue.pop() == std::nullopt);
  CHECK(queue.finished());
  CHECK_FALSE(queue.push(4));  // a closed queue drops what is pushed
}

TEST_CASE("bounded queue: the last of several producers closes it", "[bounded_queue]") {
  BoundedQueue<int> queue(4, 2);
  queue.producer_done();
  CHECK(queue.push(1));  // one producer is still running
  queue.producer_done();
  CHECK(queue.pop() == 1);
  CHECK(queue.finished());
}

TEST_CASE("bounded queue: pop with a timeout returns nothing on an empty open queue", "[bounded_queue]") {
  BoundedQueue<int> queue(1, 1);
  CHECK(queue.pop(std::chrono::milliseconds(1)) == std::nullopt);
  CHECK_FALSE(queue.finished());
}

TEST_CASE("bounded queue: a full queue holds its producer until a consumer takes an item", "[bounded_queue]") {
  BoundedQueue<int> queue(2, 1);
  std::atomic<int> pushed{0};
  std::thread producer([&] {
    for (int i = 0; i < 5; ++i)
      if (queue.push(int(i))) ++pushed;
    queue.producer_done();
  });
  // The producer can never be more than the capacity ahead of what was taken.
  std::vector<int> taken;
  while (auto item = queue.pop()) {
    CHECK(pushed.load() <= static_cast<int>(taken.size()) + 1 + 2);
    taken.push_back(*item);
  }
  producer.join();
  CHECK(taken == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("bounded queue: close wakes a producer blocked on a full queue", "[bounded_queue]") {
  BoundedQueue<int> queue(1, 1);
  CHECK(queue.push(1));
  std::atomic<bool> second_push_result{true};
  std::thread producer([&] { second_push_result = queue.push(2); });
  queue.close();
  producer.join();
  CHECK_FALSE(second_push_result.load());
}
