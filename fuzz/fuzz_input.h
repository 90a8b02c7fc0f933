/** @file
 *  @brief Helpers shared by the libFuzzer targets: the input as text, and as a file for the readers.
 */
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace xapian_arabic::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// A folder of this process's own under /tmp (several fuzzers may run at once), removed at exit.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path d = std::filesystem::temp_directory_path() / ("xa-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  static const struct Cleanup {
    ~Cleanup() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  } cleanup;
  return dir;
}

/// Writes @p bytes to scratch_dir()/@p name and returns its path. The readers take paths, and
/// read .gz by its content, so one name per format covers gzipped inputs as well.
inline std::string write_file(const std::string& name, std::string_view bytes) {
  const std::string path = (scratch_dir() / name).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::perror(path.c_str());
    std::abort();
  }
  return path;
}

/// Aborts (a finding for libFuzzer) when an invariant of the code under test does not hold.
inline void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

/// Reads @p data as the archive file @p name with @p reader: read_file never throws, and every
/// bad input must come back as a ReadError naming the file and saying what is wrong.
template <class Reader>
void read_as_file(const Reader& reader, const char* name, const std::uint8_t* data, std::size_t size) {
  const std::string path = write_file(name, as_text(data, size));
  reader.read_file(
      path, scratch_dir().string(), [](auto&&) {},
      [&](auto&& e) {
        require(e.path == path, "an error names the file");
        require(!e.message.empty(), "an error says what is wrong");
      });
}

}  // namespace xapian_arabic::fuzz
