/** @file
 *  @brief Timing shared by the benchmarks: best of N runs, the figure least disturbed by a shared machine.
 */
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>

namespace xapian_arabic::bench {

/// Best of @p repeat timings of @p fn, in seconds.
inline double best_seconds(int repeat, const std::function<void()>& fn) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace xapian_arabic::bench
