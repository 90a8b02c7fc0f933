/** @file
 *  @brief The bytes of a news file, gunzipped on the fly when it is gzip, in bounded memory (internal).
 *
 *  Nothing here holds more than a limit plus one chunk: a whole file (text, HTML) is refused once it
 *  passes the limit, and a line reader drops a line once it passes the limit and skips to the next
 *  newline without keeping it, so a decompression bomb costs a chunk, not its decompressed size.
 *  A stop check is asked before every chunk, so a stop request ends a read within one chunk.
 */
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

/// Asked before each chunk is read: true ends the read (ReadStatus::stopped).
using StopCheck = std::function<bool()>;

enum class ReadStatus { ok, stopped, failed };

/// Reads @p path whole into @p out (gunzipped when it is gzip), refusing more than @p max_bytes.
/// On failure @p error says what is wrong (no such file, over the limit, corrupt gzip).
ReadStatus read_whole_file(const std::string& path, std::size_t max_bytes, const StopCheck& stop,
                           std::vector<char>& out, std::string& error);

struct InputFile;

/// Reads a file (gunzipped when it is gzip) a line at a time.
class LineReader {
 public:
  enum class Next { line, too_long, end, stopped, failed };

  LineReader(const std::string& path, std::size_t max_line, StopCheck stop);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// The first bytes of the file (up to a chunk), for sniffing; reading starts with them.
  std::string_view head();
  /// The next line, without its '\n', valid until the next call; too_long for a line over the
  /// limit (its bytes are skipped, not stored). Every line, refused or not, counts in line_no().
  Next next(std::string_view& line);
  std::size_t line_no() const { return line_no_; }
  /// What went wrong after Next::failed.
  const std::string& error() const { return error_; }

 private:
  /// Appends one chunk to buffer_; false at the end of the file, on error or when stopped.
  bool fill();

  std::unique_ptr<InputFile> file_;
  std::size_t max_line_;
  StopCheck stop_;
  std::vector<char> buffer_;  // a vector: its reserve() is exact, a string's may double
  std::size_t begin_ = 0;     // start of the current line in buffer_
  std::size_t scanned_ = 0;   // buffer_ before this has no '\n' after begin_
  std::size_t line_no_ = 0;
  bool skipping_ = false;  // inside a line already refused as too long
  bool eof_ = false, stopped_ = false;
  std::string error_;
};

}  // namespace xapian_arabic
