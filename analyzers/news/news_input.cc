/** @file
 *  @brief Reading news files in blocks, gunzipped with zlib's inflate when they are gzip, and hashed on the way.
 */
#include "news/news_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <new>
#include <utility>

#include "base/hash.h"

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

void RawDigest::add(std::uint64_t offset, std::string_view block) {
  read_ = true;
  if (complete_ || offset != hashed_) return;  // hashed already (a second pass over the start)
  if (!block.empty()) hash_ = content_hash(block, hash_);
  hashed_ += block.size();
  complete_ = block.size() < kBlock;
}

std::string RawDigest::hex() const {
  return hex64(hash_);
}

namespace {

thread_local RawDigest* tapped_digest = nullptr;

/// A descriptor that closes itself, opened without blocking and kept only on a regular file.
struct RegularFile {
  int fd = -1;
  std::string error;

  explicit RegularFile(const std::string& path) {
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
      error = errno == ENOENT ? "cannot open: no such file"
                              : "cannot open for reading: " + std::string(std::strerror(errno));
      return;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      error = "not a regular file";
      ::close(std::exchange(fd, -1));
    }
  }
  ~RegularFile() {
    if (fd >= 0) ::close(fd);
  }
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;

  /// Reads up to @p n bytes, fewer only at the end; -1 with error set.
  long read_full(char* out, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
      const ssize_t r = ::read(fd, out + got, n - got);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) {
        error = "cannot read: " + std::string(std::strerror(errno));
        return -1;
      }
      if (r == 0) break;
      got += static_cast<std::size_t>(r);
    }
    return static_cast<long>(got);
  }
};

}  // namespace

RawDigestTap::RawDigestTap(RawDigest& digest) : previous_(std::exchange(tapped_digest, &digest)) {}
RawDigestTap::~RawDigestTap() {
  tapped_digest = previous_;
}

std::variant<std::string, std::string> hash_whole_file(const std::string& path) {
  using Result = std::variant<std::string, std::string>;
  RegularFile file(path);
  if (file.fd < 0) return Result(std::in_place_index<1>, file.error);
  RawDigest digest;
  std::string block(RawDigest::kBlock, '\0');
  for (std::uint64_t offset = 0; !digest.complete(); offset += RawDigest::kBlock) {
    const long got = file.read_full(block.data(), block.size());
    if (got < 0) return Result(std::in_place_index<1>, file.error);
    digest.add(offset, std::string_view(block.data(), static_cast<std::size_t>(got)));
  }
  return Result(std::in_place_index<0>, digest.hex());
}

/// A news file read in RawDigest blocks, gunzipped with inflate when it starts as gzip (several
/// members follow one another, as gzread reads them; bytes after the last member are ignored).
struct InputFile {
  RegularFile file;
  std::string error;
  RawDigest* digest = tapped_digest;
  ByteBuffer raw;            // the block being consumed
  std::size_t raw_pos = 0;   // consumed bytes of raw
  std::uint64_t raw_at = 0;  // file offset of raw's first byte
  bool raw_end = false;      // raw is the file's last block
  bool started = false, gzip = false;
  bool member_ended = false;  // between two gzip members (or after the last)
  bool zlib_open = false;
  z_stream z{};

  explicit InputFile(const std::string& path) : file(path), error(file.error) {}
  ~InputFile() {
    if (zlib_open) inflateEnd(&z);
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  bool ok() const { return file.fd >= 0; }
  /// A plain file, passed through as it is (known after the first read).
  bool direct() const { return started && !gzip; }
  /// Bytes of the file (compressed, for gzip) consumed so far.
  std::uint64_t consumed() const { return raw_at + raw_pos; }

  /// The next block into raw; false at the end of the file or on error (error set).
  bool next_block() {
    if (raw_end) return false;
    raw_at += raw.size();
    raw_pos = 0;
    raw.resize(RawDigest::kBlock);
    const long got = file.read_full(raw.data(), raw.size());
    raw.resize(static_cast<std::size_t>(std::max(got, 0L)));
    if (got < 0) {
      error = file.error;
      return false;
    }
    if (digest) digest->add(raw_at, {raw.data(), raw.size()});
    raw_end = raw.size() < RawDigest::kBlock;
    return !raw.empty();
  }

  /// Reads up to @p n bytes into @p out; 0 at the end, -1 with error set on a read or gzip error.
  long read(char* out, std::size_t n) {
    if (!started) {
      started = true;
      if (!next_block() && !error.empty()) return -1;
      gzip = raw.size() >= 2 && static_cast<unsigned char>(raw.data()[0]) == 0x1f &&
             static_cast<unsigned char>(raw.data()[1]) == 0x8b;
      if (gzip) {
        if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
        zlib_open = true;
      }
    }
    return gzip ? inflate_into(out, n) : copy_into(out, n);
  }

 private:
  long copy_into(char* out, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
      if (raw_pos == raw.size() && !next_block()) break;
      const std::size_t take = std::min(n - got, raw.size() - raw_pos);
      std::memcpy(out + got, raw.data() + raw_pos, take);
      raw_pos += take;
      got += take;
    }
    if (got == 0 && !error.empty()) return -1;
    return static_cast<long>(got);
  }

  long inflate_into(char* out, std::size_t n) {
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = static_cast<uInt>(n);
    // A cut or corrupt stream gives what it has first; the next call says what is wrong.
    const auto fail = [&](const std::string& why) {
      error = "corrupt or truncated gzip data: " + why;
      return n - z.avail_out > 0 ? static_cast<long>(n - z.avail_out) : -1L;
    };
    while (z.avail_out > 0) {
      if (raw_pos == raw.size() && !next_block()) {
        if (!error.empty()) return n - z.avail_out > 0 ? static_cast<long>(n - z.avail_out) : -1L;
        if (member_ended) break;  // the end of the file after a whole member
        return fail("unexpected end of file");
      }
      if (member_ended) {
        if (static_cast<unsigned char>(raw.data()[raw_pos]) != 0x1f) break;  // trailing bytes: ignored
        inflateReset(&z);
        member_ended = false;
      }
      z.next_in = reinterpret_cast<Bytef*>(raw.data() + raw_pos);
      z.avail_in = static_cast<uInt>(raw.size() - raw_pos);
      const int status = inflate(&z, Z_NO_FLUSH);
      raw_pos = raw.size() - z.avail_in;
      if (status == Z_STREAM_END) {
        member_ended = true;
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        if (status == Z_MEM_ERROR) throw std::bad_alloc();
        return fail(z.msg ? z.msg : "inflate error " + std::to_string(status));
      }
    }
    return static_cast<long>(n - z.avail_out);
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
  if (!file.ok()) {
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
    if (first && file.direct()) {  // a plain file: refuse by its size without reading it
      std::error_code ec;
      const auto bytes = fs::file_size(path, ec);
      if (!ec && bytes > max_bytes) {
        error = "file is " + std::to_string(bytes) + " bytes, over " + limit_text(max_bytes);
        return ReadStatus::failed;
      }
    }
    if (out.size() > max_bytes) {
      error = (file.direct() ? "file is over " : "decompressed data is over ") + limit_text(max_bytes);
      out = ByteBuffer();  // give the memory back now
      return ReadStatus::failed;
    }
    if (got == 0) return ReadStatus::ok;
  }
}

LineReader::LineReader(const std::string& path, std::size_t max_line, StopCheck stop)
    : file_(std::make_unique<InputFile>(path)), max_line_(max_line), stop_(std::move(stop)) {
  if (!file_->ok()) {
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
