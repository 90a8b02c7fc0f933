/** @file
 *  @brief Decoding news files to UTF-8: UTF-8 (with or without BOM), UTF-16 (with or without BOM),
 *  and the legacy Arabic code pages of older archives (Windows-1256, ISO-8859-6), with ICU (internal).
 */
#pragma once

#include <string>
#include <string_view>

namespace xapian_arabic {

struct DecodedText {
  std::string text;      ///< UTF-8, BOM removed
  std::string encoding;  ///< "UTF-8", "UTF-16LE", "windows-1256", "ISO-8859-6"
  std::string error;     ///< non-empty when the bytes could not be decoded: what is wrong
};

/// Decodes @p bytes. UTF-16 is recognised by its BOM, or without one by NUL bytes at only
/// the odd (UTF-16LE) or only the even (UTF-16BE) offsets. Binary data (other NUL bytes) and
/// text whose encoding can't be decided give an error rather than a guess. @p preferred (a
/// legacy code page, e.g. the one of an archive's earlier records) is tried first, and taken
/// when no other decoding reads as Arabic.
DecodedText decode_news_bytes(std::string_view bytes, std::string_view preferred = {});

/// Composes @p text to NFC if it is not already (decomposed alef + hamza from some editors).
void compose_nfc(std::string& text);

}  // namespace xapian_arabic
