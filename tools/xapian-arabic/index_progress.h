/** @file
 *  @brief Shows indexing progress on stderr: a redrawn bar on a terminal, a log
 *  line every few seconds otherwise.
 */
#pragma once

#include <xapian_arabic/news_indexer.h>

#include <cstdio>
#include <string>

namespace xapian_arabic::cli {

class ProgressDisplay {
 public:
  /// @p terminal: redraw one line with a bar (isatty(stderr)); else plain log lines.
  ProgressDisplay(std::FILE* out, bool terminal, double log_interval_seconds = 5.0);

  /// Called about 10 times a second by the indexer.
  void update(const IndexProgress& progress);
  /// Clears the bar (terminal) so the next line starts clean.
  void finish();

  /// "1200/2600 files  15000 articles  12.3/26.0 MB  3900 articles/s  ETA 0:12", bar excluded.
  static std::string status_line(const IndexProgress& progress);

 private:
  std::FILE* out_;
  bool terminal_;
  double log_interval_;
  double last_log_ = 0;
  std::size_t drawn_width_ = 0;
};

}  // namespace xapian_arabic::cli
