/** @file
 *  @brief Encoding detection and conversion of news files with ICU.
 */
#include "news/news_encoding.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "base/utf8.h"

namespace xapian_arabic {

namespace {

/// Legacy Arabic code pages we accept, in the order tried when ICU's detector has no opinion.
const char* const kArabicCharsets[] = {"windows-1256", "ISO-8859-6"};

/// Converts @p bytes from @p charset to UTF-8; false on failure or when substitutions show the charset is wrong.
bool convert(std::string_view bytes, const char* charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), &ucnv_close);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  if (U_FAILURE(status)) return false;
  out.clear();
  u.toUTF8String(out);
  return true;
}

/// True when @p text reads as Arabic: most letters are Arabic, and it is not UTF-8 read as a
/// code page (that shows as a flood of ط/ظ, the lead bytes 0xD8/0xD9 of UTF-8 Arabic).
bool mostly_arabic(std::string_view text) {
  std::size_t letters = 0, arabic = 0, tah_zah = 0;
  for (std::size_t pos = 0, len = 0; pos < text.size(); pos += len) {
    const char32_t cp = utf8::decode(text, pos, len);
    if (cp < 0x80) {
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ++letters;
      continue;
    }
    if ((cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x0671 && cp <= 0x06D3)) {
      ++letters;
      ++arabic;
      if (cp == 0x0637 || cp == 0x0638) ++tah_zah;
    } else if (u_isalpha(static_cast<UChar32>(cp))) {
      ++letters;
    }
  }
  return arabic > 0 && arabic * 2 >= letters && (arabic < 20 || tah_zah * 4 < arabic);
}

/// "UTF-16LE" or "UTF-16BE" when @p bytes look like UTF-16 without a BOM, else nullptr. Text in
/// UTF-16 has NUL high bytes for ASCII (spaces, digits, punctuation, Latin) on one side of each
/// pair only; binary data has them anywhere. Arabic letters (U+06xx) have no NUL byte, so a few
/// percent of NULs, all on one side, are enough.
const char* utf16_without_bom(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 1 << 16) & ~std::size_t{1};
  if (n < 4) return nullptr;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (odd * 20 >= pairs && even * 100 <= odd) return "UTF-16LE";
  if (even * 20 >= pairs && odd * 100 <= even) return "UTF-16BE";
  return nullptr;
}

}  // namespace

void compose_nfc(std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  // Arabic NFD differs from NFC only by the combining hamza/madda U+0653..U+0655; look for
  // any combining mark cheaply before asking ICU.
  if (nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status) ||
      U_FAILURE(status))
    return;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  if (U_SUCCESS(status)) text.swap(out);
}

DecodedText decode_news_bytes(std::string_view bytes, std::string_view preferred) {
  DecodedText result;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const bool utf16le = bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE";
  const bool utf16be = bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF";
  if (utf16le || utf16be) {
    result.encoding = utf16le ? "UTF-16LE" : "UTF-16BE";
    if (!convert(bytes.substr(2), result.encoding.c_str(), result.text))
      result.error = "invalid " + result.encoding + " text after its byte-order mark";
    return result;
  }
  if (const char* utf16 = utf16_without_bom(bytes)) {
    std::string text;
    // Taken when it converts cleanly to text without NULs; otherwise it is binary after all.
    if (convert(bytes, utf16, text) && text.find('\0') == std::string::npos) {
      result.encoding = utf16;
      result.text = std::move(text);
      return result;
    }
  }
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    result.error = "binary data (NUL byte at offset " + std::to_string(nul) + "), not a text file";
    return result;
  }
  // Well-formed UTF-8 is taken as UTF-8: legacy code pages almost never form valid multi-byte sequences.
  std::size_t invalid = 0, non_ascii = 0, first_invalid = 0;
  for (std::size_t pos = 0, len = 0; pos < bytes.size(); pos += len) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      len = 1;
      continue;
    }
    ++non_ascii;
    if (utf8::decode(bytes, pos, len) == utf8::kReplacement && bytes.substr(pos, 3) != "\xEF\xBF\xBD") {
      if (invalid++ == 0) first_invalid = pos;
    }
  }
  if (invalid == 0) {
    result.encoding = "UTF-8";
    result.text.assign(bytes);
    return result;
  }
  // Not UTF-8. The code page of the archive's earlier records first: most records are in it, and
  // it spares running ICU's detector on every one.
  if (std::string text;
      !preferred.empty() && convert(bytes, std::string(preferred).c_str(), text) && mostly_arabic(text)) {
    result.encoding = preferred;
    result.text = std::move(text);
    return result;
  }
  // Ask ICU's detector, then try the Arabic code pages; accept a decoding that reads as Arabic.
  std::vector<std::string> candidates;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)),
                   &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
      const char* name = ucsdet_getName(matches[i], &status);
      for (const char* arabic : kArabicCharsets)
        if (name && std::strcmp(name, arabic) == 0) candidates.emplace_back(arabic);
    }
  }
  for (const char* arabic : kArabicCharsets)
    if (std::find(candidates.begin(), candidates.end(), arabic) == candidates.end()) candidates.emplace_back(arabic);
  for (const std::string& charset : candidates) {
    std::string text;
    if (convert(bytes, charset.c_str(), text) && mostly_arabic(text)) {
      result.encoding = charset;
      result.text = std::move(text);
      return result;
    }
  }
  // UTF-8 with a few damaged bytes (a truncated scrape): keep the text, damaged bytes become U+FFFD.
  if (invalid * 200 <= non_ascii) {
    result.encoding = "UTF-8";
    result.text.reserve(bytes.size());
    for (std::size_t pos = 0, len = 0; pos < bytes.size(); pos += len)
      utf8::append(result.text, utf8::decode(bytes, pos, len));
    return result;
  }
  // A record of an archive already known to be in a code page, with too few Arabic letters to tell.
  if (std::string text; !preferred.empty() && convert(bytes, std::string(preferred).c_str(), text)) {
    result.encoding = preferred;
    result.text = std::move(text);
    return result;
  }
  result.error = "cannot decide the encoding: not valid UTF-8 (" + std::to_string(invalid) +
                 " invalid sequences, first at byte " + std::to_string(first_invalid) +
                 ") and not Arabic text in windows-1256 or ISO-8859-6";
  return result;
}

}  // namespace xapian_arabic
