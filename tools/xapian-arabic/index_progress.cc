/** @file
 *  @brief The indexing progress bar and log lines.
 */
#include "index_progress.h"

#include <cmath>

namespace xapian_arabic::cli {

namespace {

std::string format(const char* fmt, double a, double b = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, a, b);
  return buf;
}

std::string duration(double seconds) {
  const long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// Done fraction by bytes: files differ in size far more than in article count.
double fraction(const IndexProgress& p) {
  if (p.bytes_to_read > 0) return std::min(1.0, double(p.bytes_read) / double(p.bytes_to_read));
  if (p.files_to_read > 0) return std::min(1.0, double(p.files_done) / double(p.files_to_read));
  return 1.0;
}

}  // namespace

ProgressDisplay::ProgressDisplay(std::FILE* out, bool terminal, double log_interval_seconds)
    : out_(out), terminal_(terminal), log_interval_(log_interval_seconds) {}

std::string ProgressDisplay::status_line(const IndexProgress& p) {
  constexpr double mb = 1e6;  // MB as disks and `ls -l --si` count them; MiB would be 1024²
  std::string line = std::to_string(p.files_done) + "/" + std::to_string(p.files_to_read) + " files  " +
                     std::to_string(p.articles) + " articles  " +
                     format("%.1f/%.1f MB", double(p.bytes_read) / mb, double(p.bytes_to_read) / mb);
  if (p.seconds > 0) line += format("  %.0f articles/s", double(p.articles) / p.seconds);
  const double done = fraction(p);
  if (done > 0.01 && done < 1.0 && p.seconds > 1) line += "  ETA " + duration(p.seconds * (1 - done) / done);
  if (p.failed) line += "  " + std::to_string(p.failed) + " failed";
  return line;
}

void ProgressDisplay::update(const IndexProgress& p) {
  if (!terminal_) {
    if (p.seconds - last_log_ < log_interval_) return;
    last_log_ = p.seconds;
    std::fprintf(out_, "xapian-arabic index: %s\n", status_line(p).c_str());
    std::fflush(out_);
    return;
  }
  constexpr int width = 24;
  const int filled = static_cast<int>(fraction(p) * width);
  std::string line = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " +
                     format("%3.0f%%  ", 100 * fraction(p)) + status_line(p);
  const std::size_t shown = line.size();
  if (shown < drawn_width_) line.append(drawn_width_ - shown, ' ');  // wipe the longer previous line
  drawn_width_ = shown;
  std::fprintf(out_, "\r%s", line.c_str());
  std::fflush(out_);
}

void ProgressDisplay::finish() {
  if (terminal_ && drawn_width_) {
    std::fprintf(out_, "\r%s\r", std::string(drawn_width_, ' ').c_str());
    std::fflush(out_);
  }
  drawn_width_ = 0;
}

}  // namespace xapian_arabic::cli
