/** @file
 *  @brief Light10 as in Lucene's ArabicNormalizer and ArabicStemmer.
 */
#include "light10.h"

#include <array>

#include "base/utf8.h"

namespace xapian_arabic::eval {

namespace {
std::u32string normalize(std::u32string_view w) {
  std::u32string out;
  for (char32_t c : w) {
    if ((c >= 0x064B && c <= 0x0652) || c == 0x0640) continue;  // harakat, tatweel
    if (c == 0x0622 || c == 0x0623 || c == 0x0625) c = 0x0627;
    if (c == 0x0649) c = 0x064A;
    if (c == 0x0629) c = 0x0647;
    out.push_back(c);
  }
  return out;
}
}  // namespace

std::string light10(std::string_view word) {
  static const std::array<std::u32string, 7> prefixes = {U"ال", U"وال", U"بال", U"كال", U"فال", U"لل", U"و"};
  static const std::array<std::u32string, 10> suffixes = {U"ها", U"ان", U"ات", U"ون", U"ين",
                                                          U"يه", U"يه", U"ه",  U"ه",  U"ي"};  // ية/ة after folding
  std::u32string w = normalize(utf8::to_u32(word));
  for (const auto& p : prefixes) {
    const bool long_enough = p.size() == 1 ? w.size() >= 4 : w.size() >= p.size() + 2;
    if (long_enough && w.starts_with(p)) {
      w.erase(0, p.size());
      break;
    }
  }
  for (const auto& s : suffixes)
    if (w.size() >= s.size() + 2 && w.ends_with(s)) w.resize(w.size() - s.size());
  return utf8::from_u32(w);
}

}  // namespace xapian_arabic::eval
