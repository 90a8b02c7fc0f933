/** @file
 *  @brief The news input layer: gunzipping with inflate (members, cuts, trailing bytes) and the
 *  hash of a file's raw bytes taken while it is read (RawDigest), equal to the index's records.
 */
#include "news/news_input.h"

#include <stdlib.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/hash.h"
#include "scratch_files.h"

using namespace xapian_arabic;
using xapian_arabic::testing::gzip;
using xapian_arabic::testing::ScratchDir;
namespace fs = std::filesystem;

namespace {

/// The index's file hash as the indexer has always written it: content_hash chained over 1 MiB blocks.
std::string record_hash(const std::string& bytes) {
  std::uint64_t h = 0;
  for (std::size_t at = 0; at < bytes.size(); at += 1u << 20)
    h = content_hash(std::string_view(bytes).substr(at, 1u << 20), h);
  return hex64(h);
}

/// Pseudo-random bytes that gzip cannot shrink, so a .gz spans several raw blocks.
std::string noise(std::size_t n) {
  std::string s(n, '\0');
  std::uint64_t x = 88172645463325252ULL;
  for (char& c : s) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    c = static_cast<char>('a' + x % 26);
  }
  return s;
}

/// Every line of @p path through LineReader, with the digest tapped; the lines joined by '\n'.
std::string read_lines(const std::string& path, RawDigest& digest, std::string* error = nullptr) {
  const RawDigestTap tap(digest);
  LineReader lines(path, 64u << 20, {});
  std::string out;
  std::string_view line;
  for (LineReader::Next n; (n = lines.next(line)) != LineReader::Next::end;) {
    if (n == LineReader::Next::failed) {
      if (error) *error = lines.error();
      break;
    }
    if (n == LineReader::Next::line) out.append(line).push_back('\n');
  }
  return out;
}

}  // namespace

TEST_CASE("the raw digest taken while reading equals the index's file hash, plain or gzip", "[news_input]") {
  ScratchDir scratch("xa-input");
  const std::string text = noise(2500000) + "\nlast line\n";
  struct Row {
    const char* name;
    std::string bytes;
  };
  const Row rows[] = {
      {"empty.jsonl", ""},
      {"small.jsonl", "one\ntwo\n"},
      {"exact-mib.jsonl", std::string((1u << 20) - 1, 'x') + "\n"},
      {"plain.jsonl", text},
      {"one-member.jsonl.gz", gzip(text)},
      {"two-members.jsonl.gz", gzip(text.substr(0, 1000000)) + gzip(text.substr(1000000))},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    const std::string path = scratch.write(row.name, row.bytes);
    RawDigest digest;
    const std::string lines = read_lines(path, digest);
    CHECK(digest.complete());
    CHECK(digest.hex() == record_hash(row.bytes));
    const auto whole = hash_whole_file(path);
    REQUIRE(whole.index() == 0);
    CHECK(std::get<0>(whole) == record_hash(row.bytes));
    if (std::string(row.name) != "empty.jsonl" && std::string(row.name) != "small.jsonl" &&
        std::string(row.name) != "exact-mib.jsonl")
      CHECK(lines == text);
  }
}

TEST_CASE("a second pass over a file's start (a reader that starts again) does not change its digest", "[news_input]") {
  ScratchDir scratch("xa-input");
  const std::string bytes = noise(3000000);
  const std::string path = scratch.write("twice.txt", bytes);
  RawDigest digest;
  {
    const RawDigestTap tap(digest);
    LineReader first(path, 64u << 20, {});
    (void)first.head();  // one block, then the whole file again
    ByteBuffer whole;
    std::string error;
    REQUIRE(read_whole_file(path, 64u << 20, {}, whole, error) == ReadStatus::ok);
    CHECK(std::string(whole.data(), whole.size()) == bytes);
  }
  CHECK(digest.complete());
  CHECK(digest.hex() == record_hash(bytes));
}

TEST_CASE("gzip through inflate: a cut stream is an error after what it had, trailing bytes are ignored",
          "[news_input]") {
  ScratchDir scratch("xa-input");
  const std::string text = "first\n" + noise(200000) + "\nlast\n";
  const std::string gz = gzip(text);

  std::string error;
  RawDigest cut_digest;
  const std::string cut = read_lines(scratch.write("cut.jsonl.gz", gz.substr(0, gz.size() / 2)), cut_digest, &error);
  CHECK(error.find("corrupt or truncated gzip data") != std::string::npos);
  CHECK(cut.starts_with("first\n"));

  error.clear();
  std::string corrupt = gz;
  corrupt[gz.size() / 2] = static_cast<char>(corrupt[gz.size() / 2] ^ 0x55);
  RawDigest corrupt_digest;
  (void)read_lines(scratch.write("corrupt.jsonl.gz", corrupt), corrupt_digest, &error);
  CHECK(error.find("corrupt or truncated gzip data") != std::string::npos);

  RawDigest trailing_digest;
  error.clear();
  CHECK(read_lines(scratch.write("trailing.jsonl.gz", gz + std::string(100, '\0')), trailing_digest, &error) == text);
  CHECK(error.empty());
  // Read in the member's block, the bytes after it are in the digest too.
  CHECK(trailing_digest.complete());
  CHECK(trailing_digest.hex() == record_hash(gz + std::string(100, '\0')));
}

TEST_CASE("a file that is not a regular file is refused, not opened for reading", "[news_input]") {
  ScratchDir scratch("xa-input");
  ByteBuffer out;
  std::string error;
  CHECK(read_whole_file(scratch.dir.string(), 1 << 20, {}, out, error) == ReadStatus::failed);
  CHECK(error == "not a regular file");
  CHECK(read_whole_file((scratch.dir / "missing").string(), 1 << 20, {}, out, error) == ReadStatus::failed);
  CHECK(error == "cannot open: no such file");
  const auto hashed = hash_whole_file(scratch.dir.string());
  REQUIRE(hashed.index() == 1);
  CHECK(std::get<1>(hashed) == "not a regular file");
}
