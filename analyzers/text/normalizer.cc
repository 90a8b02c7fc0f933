/** @file
 *  @brief Arabic orthographic normalization: per-code-point tables built once with ICU.
 */
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <xapian_arabic/normalizer.h>

#include <cstring>
#include <map>
#include <mutex>
#include <optional>

#include "base/utf8.h"
#include "text/normalizer_tables.h"

namespace xapian_arabic {

namespace {

bool is_format_control(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x00AD;
}

// The single-letter rules (everything but presentation forms and case folding).
// Returns nullopt when the code point is left as it is.
std::optional<std::u32string> letter_rule(char32_t cp, const NormalizerOptions& o) {
  using S = std::u32string;
  if (o.remove_harakat && ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670)) return S{};
  if (o.remove_quranic_marks && cp >= 0x06D6 && cp <= 0x06ED) return S{};
  if (o.remove_tatweel && cp == 0x0640) return S{};
  if (o.remove_format_controls && is_format_control(cp)) return S{};
  if (o.fold_alef) {
    switch (cp) {
      case 0x0622:
      case 0x0623:
      case 0x0625:
      case 0x0671:
      case 0x0672:
      case 0x0673:
      case 0x0675: return S{0x0627};
      default: break;
    }
  }
  if (o.fold_alef_maqsura && cp == 0x0649) return S{0x064A};
  if (o.fold_hamza_seats) {
    if (cp == 0x0624 || cp == 0x0676) return S{0x0648};
    if (cp == 0x0626 || cp == 0x0678) return S{0x064A};
  }
  if (o.fold_persian_letters) {
    switch (cp) {
      case 0x06A9:
      case 0x06AA:
      case 0x06AF: return S{0x0643};  // keheh, swash kaf, gaf
      case 0x06CC:
      case 0x06D0:
      case 0x06D2:
      case 0x06D3: return S{0x064A};  // farsi yeh, yeh barree
      case 0x06D5:
      case 0x06C0:
      case 0x06C1:
      case 0x06C2:
      case 0x06BE: return S{0x0647};  // ae, heh goal...
      case 0x06C3: return o.fold_teh_marbuta ? S{0x0647} : S{0x0629};
      case 0x06A4: return S{0x0641};  // veh (Maghrebi v)
      case 0x067E: return S{0x0628};  // peh
      case 0x0686: return S{0x062C};  // tcheh
      case 0x0698: return S{0x0632};  // jeh
      default: break;
    }
  }
  if (o.fold_teh_marbuta && cp == 0x0629) return S{0x0647};
  if (o.fold_digits) {
    if (cp >= 0x0660 && cp <= 0x0669) return S{char32_t('0' + (cp - 0x0660))};
    if (cp >= 0x06F0 && cp <= 0x06F9) return S{char32_t('0' + (cp - 0x06F0))};
    if (cp == 0x066B) return S{U'.'};
    if (cp == 0x066C) return S{U','};
  }
  return std::nullopt;
}

}  // namespace

std::string NormalizerOptions::fingerprint() const {
  std::string f;
  for (bool b :
       {remove_harakat, remove_quranic_marks, remove_tatweel, fold_presentation_forms, fold_alef, fold_alef_maqsura,
        fold_teh_marbuta, fold_hamza_seats, fold_persian_letters, fold_digits, remove_format_controls, case_fold_latin})
    f.push_back(b ? '1' : '0');
  return f;
}

Normalizer::Impl::Impl(const NormalizerOptions& o) : options(o) {
  auto fill = [this](std::vector<Mapping>& table, char32_t first, char32_t last) {
    table.resize(last - first + 1);
    for (char32_t cp = first; cp <= last; ++cp) table[cp - first] = map_code_point(cp);
  };
  fill(arabic_block, kArabicFirst, kArabicLast);
  fill(presentation_forms, kPresentationFirst, kPresentationLast);
  fill(general_punctuation, kPunctuationFirst, kPunctuationLast);
}

Normalizer::Impl::Mapping Normalizer::Impl::map_code_point(char32_t cp) {
  std::u32string replacement;
  const bool presentation = cp >= kPresentationFirst && cp <= kPresentationLast && cp != 0xFEFF;
  if (presentation && options.fold_presentation_forms) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString decomposed;
    if (U_SUCCESS(status)) decomposed = nfkc->normalize(icu::UnicodeString(UChar32(cp)), status);
    if (U_FAILURE(status) || decomposed == icu::UnicodeString(UChar32(cp))) return {};
    // Isolated forms of harakat decompose to SPACE + mark; the space is not a word break.
    if (decomposed.length() > 1 && decomposed.charAt(0) == u' ' && u_getCombiningClass(decomposed.char32At(1)) != 0)
      decomposed.remove(0, 1);
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
      const char32_t part = decomposed.char32At(i);
      if (auto rule = letter_rule(part, options))
        replacement += *rule;
      else
        replacement.push_back(part);
    }
  } else if (auto rule = letter_rule(cp, options)) {
    replacement = *rule;
  } else {
    return {};
  }
  Mapping m;
  m.identity = false;
  m.offset = static_cast<std::uint32_t>(expansions.size());
  for (char32_t part : replacement) utf8::append(expansions, part);
  m.length = static_cast<std::uint16_t>(expansions.size() - m.offset);
  return m;
}

void Normalizer::Impl::append_mapped(char32_t cp, std::string& out) const {
  scratch_append(cp, [&out](const char* bytes, std::size_t count) { out.append(bytes, count); });
}

template <class Sink>
void Normalizer::Impl::scratch_append(char32_t cp, Sink&& sink) const {
  if (const Mapping* m = lookup(cp); m && !m->identity) {
    sink(expansions.data() + m->offset, m->length);
    return;
  }
  if (cp == 0x00AD && options.remove_format_controls) return;
  if (options.case_fold_latin) cp = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
  char bytes[4];
  sink(bytes, utf8::encode(cp, bytes));
}

void Normalizer::Impl::normalize_into(std::string_view text, std::string& out) const {
  // Writes through a cursor into pre-sized space: identity bytes never need a
  // capacity check because the space left always covers the input left.
  const std::size_t start = out.size();
  const std::size_t n = text.size();
  out.resize(start + n);
  char* w = out.data() + start;
  char* limit = out.data() + out.size();
  const char* in = text.data();
  auto make_room = [&](std::size_t bytes, std::size_t consumed_after) {
    const std::size_t needed = bytes + (n - consumed_after);
    if (std::size_t(limit - w) >= needed) return;
    const std::size_t used = std::size_t(w - out.data());
    out.resize(used + needed + n / 4 + 16);
    w = out.data() + used;
    limit = out.data() + out.size();
  };
  const bool fold_case = options.case_fold_latin;
  for (std::size_t pos = 0; pos < n;) {
    const auto byte = static_cast<unsigned char>(in[pos]);
    if (byte < 0x80) {  // ASCII
      *w++ = fold_case && byte >= 'A' && byte <= 'Z' ? char(byte + 32) : char(byte);
      ++pos;
      continue;
    }
    // The Arabic block U+0600–U+06FF is the two-byte range D8 80 .. DB BF: index the table directly.
    if (byte >= 0xD8 && byte <= 0xDB && pos + 1 < n && (static_cast<unsigned char>(in[pos + 1]) & 0xC0) == 0x80) {
      const char32_t cp = (char32_t(byte & 0x1F) << 6) | (static_cast<unsigned char>(in[pos + 1]) & 0x3F);
      const Mapping& m = arabic_block[cp - kArabicFirst];
      if (m.identity) {
        if (cp >= 0x0653 && cp <= 0x0655) {
          // Decomposed text (alef + combining hamza/madda) with harakat kept: compose it
          // first so it normalizes exactly like precomposed text.
          out.resize(start);
          normalize_composed(text, out);
          return;
        }
        w[0] = in[pos];
        w[1] = in[pos + 1];
        w += 2;
      } else {
        if (cp >= 0x0653 && cp <= 0x0655 && !(options.fold_alef && options.fold_hamza_seats)) {
          out.resize(start);
          normalize_composed(text, out);
          return;
        }
        make_room(m.length, pos + 2);
        std::memcpy(w, expansions.data() + m.offset, m.length);
        w += m.length;
      }
      pos += 2;
      continue;
    }
    std::size_t len = 0;
    const char32_t cp = utf8::decode(text, pos, len);
    pos += len;
    scratch_append(cp, [&](const char* bytes, std::size_t count) {
      make_room(count, pos);
      std::memcpy(w, bytes, count);
      w += count;
    });
  }
  out.resize(std::size_t(w - out.data()));
}

void Normalizer::Impl::normalize_composed(std::string_view text, std::string& out) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string composed;
  if (U_SUCCESS(status)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
    nfc->normalize(u, status).toUTF8String(composed);
  }
  if (U_FAILURE(status)) composed.assign(text);
  // Composition leaves no combining hamza before a base it can join; any that
  // remain are removed with the harakat (or kept, if that rule is off).
  for (std::size_t pos = 0, len = 0; pos < composed.size(); pos += len)
    append_mapped(utf8::decode(composed, pos, len), out);
}

Normalizer::Normalizer(const NormalizerOptions& options) {
  // The tables take ~1,400 ICU look-ups to fill, and a search process makes a dozen normalizers
  // (analyzer, stemmer, tables, synonyms) with the same options: one set of tables per options.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Impl>> made;
  const std::lock_guard<std::mutex> lock(mutex);
  auto& impl = made[options.fingerprint()];
  if (!impl) impl = std::make_shared<const Impl>(options);
  impl_ = impl;
}

const NormalizerOptions& Normalizer::options() const {
  return impl_->options;
}

void Normalizer::normalize_into(std::string_view text, std::string& out) const {
  impl_->normalize_into(text, out);
}

std::string Normalizer::normalize(std::string_view text) const {
  std::string out;
  impl_->normalize_into(text, out);
  return out;
}

}  // namespace xapian_arabic
