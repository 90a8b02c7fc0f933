/** @file
 *  @brief Minimal UTF-8 decoding and encoding for the hot paths.
 *
 *  ICU is used for Unicode knowledge; these helpers only move between bytes and
 *  code points. Malformed sequences decode as U+FFFD consuming one byte, so no
 *  input can make a caller loop or read past the end.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace xapian_arabic::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the code point at @p pos, sets @p len to the bytes it used (>= 1).
inline char32_t decode(std::string_view s, std::size_t pos, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  const std::size_t left = s.size() - pos;
  auto cont = [&](std::size_t i) { return i < left && (static_cast<unsigned char>(s[pos + i]) & 0xC0) == 0x80; };
  auto bits = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[pos + i]) & 0x3F); };
  len = 1;
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    len = 2;
    return (char32_t(b0 & 0x1F) << 6) | bits(1);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    char32_t cp = (char32_t(b0 & 0x0F) << 12) | (bits(1) << 6) | bits(2);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;  // overlong or surrogate
    len = 3;
    return cp;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t cp = (char32_t(b0 & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
    if (cp < 0x10000 || cp > 0x10FFFF) return kReplacement;
    len = 4;
    return cp;
  }
  return kReplacement;
}

/// Writes the UTF-8 form of @p cp to @p out (room for 4 bytes); returns its length.
inline std::size_t encode(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

inline void append(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, encode(cp, bytes));
}

inline std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size() / 2);
  for (std::size_t pos = 0, len = 0; pos < s.size(); pos += len) out.push_back(decode(s, pos, len));
  return out;
}

inline std::string from_u32(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t cp : s) append(out, cp);
  return out;
}

/// True if @p s is well-formed UTF-8.
inline bool is_valid(std::string_view s) {
  for (std::size_t pos = 0, len = 0; pos < s.size(); pos += len)
    if (decode(s, pos, len) == kReplacement && !(len == 3 && s.substr(pos, 3) == "\xEF\xBF\xBD")) return false;
  return true;
}

/// @p s fit for a terminal or a log line: bytes that are not well-formed UTF-8, and control
/// characters, become "\xNN" (a file's raw bytes are never copied into an error message).
inline std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0, len = 0; pos < s.size(); pos += len) {
    const char32_t cp = decode(s, pos, len);
    const bool bad = (cp == kReplacement && s.substr(pos, 3) != "\xEF\xBF\xBD") || cp < 0x20 || cp == 0x7F;
    if (!bad) {
      out.append(s.substr(pos, len));
      continue;
    }
    const auto byte = static_cast<unsigned char>(s[pos]);
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

/// @p s without the code points matching @p drop at either end.
template <class Drop>
std::string_view trim_if(std::string_view s, Drop drop) {
  while (!s.empty()) {
    std::size_t len = 0;
    if (!drop(decode(s, 0, len))) break;
    s.remove_prefix(len);
  }
  while (!s.empty()) {
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t len = 0;
    if (!drop(decode(s, start, len))) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

/// The longest prefix of @p s of at most @p n bytes that ends on a UTF-8 boundary.
inline std::string_view prefix(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace xapian_arabic::utf8
