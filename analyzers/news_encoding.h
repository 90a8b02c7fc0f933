/** @file
 *  @brief Decoding news files to UTF-8: UTF-8 (with or without BOM), UTF-16 with a BOM,
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

/// Decodes @p bytes. Binary data (NUL bytes without a UTF-16 BOM) and text whose
/// encoding can't be decided give an error rather than a guess.
DecodedText decode_news_bytes(std::string_view bytes);

/// Composes @p text to NFC if it is not already (decomposed alef + hamza from some editors).
void compose_nfc(std::string& text);

}  // namespace xapian_arabic
