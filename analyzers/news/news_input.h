/** @file
 *  @brief The bytes of a news file, gunzipped on the fly when it is gzip, in bounded memory (internal).
 *
 *  Nothing here holds more than a limit plus one chunk: a whole file (text, HTML) is refused once it
 *  passes the limit, and a line reader drops a line once it passes the limit and skips to the next
 *  newline without keeping it, so a decompression bomb costs a chunk, not its decompressed size.
 *  A stop check is asked before every chunk, so a stop request ends a read within one chunk.
 *
 *  The file is read through its own descriptor in 1 MiB blocks and gunzipped with zlib's inflate
 *  (not gzread), so that the raw blocks can also be hashed on the way (RawDigest): the indexer
 *  records the hash of the very bytes it parsed, reading each file once.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace xapian_arabic {

/// The hash of a file's bytes as stored (before gunzip): content_hash chained over its 1 MiB
/// blocks, in hex, as the index's file records hold it (their values must not change). Fed by the
/// reads of this header while a RawDigestTap is alive on the thread; a block already hashed (a
/// reader that starts the file again) is skipped.
class RawDigest {
 public:
  static constexpr std::size_t kBlock = 1u << 20;

  /// The block of the file at @p offset (a multiple of kBlock); shorter than kBlock only at the end.
  void add(std::uint64_t offset, std::string_view block);
  /// Every byte of the file was hashed, up to its end.
  bool complete() const { return complete_; }
  /// The file was opened and read (it may be empty).
  bool any_read() const { return read_; }
  /// The hash (meaningful once complete()).
  std::string hex() const;

 private:
  std::uint64_t hash_ = 0, hashed_ = 0;
  bool complete_ = false, read_ = false;
};

/// While alive, every file this thread opens through this header feeds @p digest: NewsReader's
/// public read_file() keeps its signature, and the indexer gets the hash of the bytes it parsed.
class RawDigestTap {
 public:
  explicit RawDigestTap(RawDigest& digest);
  ~RawDigestTap();
  RawDigestTap(const RawDigestTap&) = delete;
  RawDigestTap& operator=(const RawDigestTap&) = delete;

 private:
  RawDigest* previous_;
};

/// RawDigest's hash of the whole of @p path (std::in_place_index<0>), or why it cannot be read
/// (index 1). Opened without blocking and refused unless it is a regular file (a FIFO would wait
/// for a writer forever).
std::variant<std::string, std::string> hash_whole_file(const std::string& path);

/// Asked before each chunk is read, with the bytes of the file consumed so far (of the
/// compressed file for gzip, so it goes up to the file's size): true ends the read
/// (ReadStatus::stopped). Readers show progress inside one big file with it.
using StopCheck = std::function<bool(std::uint64_t bytes_consumed)>;

enum class ReadStatus { ok, stopped, failed };

/// Bytes in one block grown with realloc(): a large block grows in place or by remapping its pages,
/// so growing never holds the old and the new copy at once (a vector would, briefly doubling).
class ByteBuffer {
 public:
  char* data() { return data_.get(); }
  const char* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  void clear() { size_ = 0; }
  /// Room for @p n bytes in all (exactly, when it must grow); throws std::bad_alloc.
  void reserve(std::size_t n);
  /// Size @p n; new bytes are uninitialised.
  void resize(std::size_t n) {
    reserve(n);
    size_ = n;
  }
  /// Removes the first @p n bytes.
  void erase_front(std::size_t n);

 private:
  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  std::unique_ptr<char, Free> data_;
  std::size_t size_ = 0, capacity_ = 0;
};

/// Reads @p path whole into @p out (gunzipped when it is gzip), refusing more than @p max_bytes.
/// On failure @p error says what is wrong (no such file, over the limit, corrupt gzip).
ReadStatus read_whole_file(const std::string& path, std::size_t max_bytes, const StopCheck& stop, ByteBuffer& out,
                           std::string& error);

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
  ByteBuffer buffer_;
  std::size_t begin_ = 0;    // start of the current line in buffer_
  std::size_t scanned_ = 0;  // buffer_ before this has no '\n' after begin_
  std::size_t line_no_ = 0;
  bool skipping_ = false;  // inside a line already refused as too long
  bool eof_ = false, stopped_ = false;
  std::string error_;
};

}  // namespace xapian_arabic
