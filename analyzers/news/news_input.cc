/** @file
 *  @brief Reading news files in chunks through zlib's gzread (which passes plain files through as they are).
 */
#include "news/news_input.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <new>

namespace xapian_arabic {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 1 << 16;

std::string limit_text(std::size_t max_bytes) {
  return "the limit of " + std::to_string(max_bytes) + " bytes (max_file_bytes)";
}

/// Grows @p v to hold @p extra more bytes, doubling but never past @p cap: plain doubling would
/// reserve up to twice the limit the size is checked against.
void reserve_bounded(ByteBuffer& v, std::size_t extra, std::size_t cap) {
  const std::size_t need = v.size() + extra;
  if (need <= v.capacity()) return;
  v.reserve(std::max(need, std::min(std::max<std::size_t>(v.capacity() * 2, kChunk), cap)));
}

}  // namespace

void ByteBuffer::reserve(std::size_t n) {
  if (n <= capacity_) return;
  char* grown = static_cast<char*>(std::realloc(data_.get(), n));
  if (!grown) throw std::bad_alloc();
  (void)data_.release();
  data_.reset(grown);
  capacity_ = n;
}

void ByteBuffer::erase_front(std::size_t n) {
  n = std::min(n, size_);
  std::memmove(data_.get(), data_.get() + n, size_ - n);
  size_ -= n;
}

/// A gzFile that closes itself; opened only on regular files (a FIFO or folder would block or fail).
struct InputFile {
  gzFile in = nullptr;
  std::string error;

  explicit InputFile(const std::string& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      error = "cannot open: no such file";
      return;
    }
    if (!fs::is_regular_file(status)) {
      error = "not a regular file";
      return;
    }
    in = gzopen(path.c_str(), "rb");
    if (!in) {
      error = "cannot open for reading";
      return;
    }
    gzbuffer(in, 1 << 17);
  }
  /// Bytes of the file (compressed, for gzip) consumed so far.
  std::uint64_t consumed() const {
    const z_off_t at = in ? gzoffset(in) : 0;
    return at > 0 ? static_cast<std::uint64_t>(at) : 0;
  }
  ~InputFile() {
    if (in) gzclose(in);
  }
  /// Reads up to @p n bytes into @p out; 0 at the end, -1 with error set on a read or gzip error.
  long read(char* out, std::size_t n) {
    const int got = gzread(in, out, static_cast<unsigned>(n));
    if (got > 0) return got;  // a cut gzip stream gives what it has first; the next call says it is cut
    int status = Z_OK;
    const char* message = gzerror(in, &status);
    if (got < 0 || (status != Z_OK && status != Z_STREAM_END)) {
      error = status == Z_ERRNO ? std::string("cannot read: ") + std::strerror(errno)
                                : std::string("corrupt or truncated gzip data: ") + message;
      return -1;
    }
    return got;
  }
};

namespace {

/// Reads a chunk from @p file onto the end of @p buffer; what InputFile::read returned.
long append_chunk(InputFile& file, ByteBuffer& buffer, std::size_t cap) {
  reserve_bounded(buffer, kChunk, cap);
  const std::size_t size = buffer.size();
  buffer.resize(size + kChunk);
  const long got = file.read(buffer.data() + size, kChunk);
  buffer.resize(size + static_cast<std::size_t>(std::max(got, 0L)));
  return got;
}

}  // namespace

ReadStatus read_whole_file(const std::string& path, std::size_t max_bytes, const StopCheck& stop, ByteBuffer& out,
                           std::string& error) {
  out.clear();
  InputFile file(path);
  if (!file.in) {
    error = file.error;
    return ReadStatus::failed;
  }
  for (bool first = true;; first = false) {
    if (stop && stop(file.consumed())) return ReadStatus::stopped;
    const long got = append_chunk(file, out, max_bytes + kChunk);
    if (got < 0) {
      error = file.error;
      return ReadStatus::failed;
    }
    if (first && gzdirect(file.in)) {  // a plain file: refuse by its size without reading it
      std::error_code ec;
      const auto bytes = fs::file_size(path, ec);
      if (!ec && bytes > max_bytes) {
        error = "file is " + std::to_string(bytes) + " bytes, over " + limit_text(max_bytes);
        return ReadStatus::failed;
      }
    }
    if (out.size() > max_bytes) {
      error = (gzdirect(file.in) ? "file is over " : "decompressed data is over ") + limit_text(max_bytes);
      out = ByteBuffer();  // give the memory back now
      return ReadStatus::failed;
    }
    if (got == 0) return ReadStatus::ok;
  }
}

LineReader::LineReader(const std::string& path, std::size_t max_line, StopCheck stop)
    : file_(std::make_unique<InputFile>(path)), max_line_(max_line), stop_(std::move(stop)) {
  if (!file_->in) {
    error_ = file_->error;
    eof_ = true;
  }
}

LineReader::~LineReader() = default;

bool LineReader::fill() {
  if (eof_) return false;
  if (stop_ && stop_(file_->consumed())) {
    stopped_ = eof_ = true;
    return false;
  }
  if (begin_ > 0) {  // each line's bytes move at most once, so reading stays linear
    buffer_.erase_front(begin_);
    scanned_ -= begin_;
    begin_ = 0;
  }
  const long got = append_chunk(*file_, buffer_, max_line_ + 2 * kChunk);
  if (got < 0) error_ = file_->error;
  if (got <= 0) eof_ = true;
  return got > 0;
}

std::string_view LineReader::head() {
  if (buffer_.empty()) fill();
  return {buffer_.data(), buffer_.size()};
}

LineReader::Next LineReader::next(std::string_view& line) {
  for (;;) {
    // Only the bytes not yet searched are searched: a long line is scanned once, not once per chunk.
    const void* nl =
        scanned_ < buffer_.size() ? std::memchr(buffer_.data() + scanned_, '\n', buffer_.size() - scanned_) : nullptr;
    if (nl) {
      const std::size_t eol = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data());
      const std::size_t begin = begin_;
      begin_ = scanned_ = eol + 1;
      if (skipping_) {  // the end of a line already refused (and counted)
        skipping_ = false;
        continue;
      }
      ++line_no_;
      if (eol - begin > max_line_) return Next::too_long;
      line = std::string_view(buffer_.data() + begin, eol - begin);
      return Next::line;
    }
    scanned_ = buffer_.size();
    if (skipping_) {
      buffer_.clear();
      begin_ = scanned_ = 0;
    } else if (buffer_.size() - begin_ > max_line_) {
      ++line_no_;
      skipping_ = true;
      buffer_ = ByteBuffer();  // keep none of a refused line, and give its memory back
      begin_ = scanned_ = 0;
      return Next::too_long;
    }
    if (!fill()) {
      if (stopped_) return Next::stopped;
      if (!error_.empty()) return Next::failed;
      if (!skipping_ && begin_ < buffer_.size()) {  // a last line without '\n'
        ++line_no_;
        if (buffer_.size() - begin_ > max_line_) return Next::too_long;
        line = std::string_view(buffer_.data() + begin_, buffer_.size() - begin_);
        begin_ = scanned_ = buffer_.size();
        return Next::line;
      }
      skipping_ = false;
      return Next::end;
    }
  }
}

}  // namespace xapian_arabic
