/** @file
 *  @brief The normalizer's per-code-point tables: Normalizer::Impl (internal).
 *
 *  Built once per NormalizerOptions by the Normalizer constructor and shared by its copies.
 *  Internals of text/ that walk text a code point at a time (the token stream) read the
 *  tables here through Normalizer::impl() rather than calling normalize_into() per word.
 *  A code point outside the three tabled blocks maps to itself (Latin case-folded when
 *  case_fold_latin is on, U+00AD removed with the format controls).
 */
#pragma once

#include <xapian_arabic/export.h>
#include <xapian_arabic/normalizer.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

struct XAPIAN_ARABIC_LOCAL Normalizer::Impl {
  /// Replacement of one code point: length UTF-8 bytes at offset in expansions, or the code point itself.
  struct Mapping {
    std::uint32_t offset = 0;
    std::uint16_t length = 0;
    bool identity = true;
  };

  static constexpr char32_t kArabicFirst = 0x0600, kArabicLast = 0x06FF;
  static constexpr char32_t kPresentationFirst = 0xFB50, kPresentationLast = 0xFEFF;
  static constexpr char32_t kPunctuationFirst = 0x2000, kPunctuationLast = 0x206F;

  explicit Impl(const NormalizerOptions& options);

  /// The mapping of @p cp, or nullptr outside the tabled blocks.
  const Mapping* lookup(char32_t cp) const {
    if (cp >= kArabicFirst && cp <= kArabicLast) return &arabic_block[cp - kArabicFirst];
    if (cp >= kPresentationFirst && cp <= kPresentationLast) return &presentation_forms[cp - kPresentationFirst];
    if (cp >= kPunctuationFirst && cp <= kPunctuationLast) return &general_punctuation[cp - kPunctuationFirst];
    return nullptr;
  }
  /// The replacement bytes of a mapping that is not the identity (empty: the code point is removed).
  std::string_view replacement(const Mapping& m) const { return {expansions.data() + m.offset, m.length}; }

  void normalize_into(std::string_view text, std::string& out) const;
  /// Appends the normalized form of the single code point @p cp.
  void append_mapped(char32_t cp, std::string& out) const;

  NormalizerOptions options;
  std::vector<Mapping> arabic_block;         ///< U+0600–U+06FF
  std::vector<Mapping> presentation_forms;   ///< U+FB50–U+FEFF
  std::vector<Mapping> general_punctuation;  ///< U+2000–U+206F
  std::string expansions;                    ///< UTF-8 replacements, indexed by Mapping

 private:
  template <class Sink>
  void scratch_append(char32_t cp, Sink&& sink) const;
  void normalize_composed(std::string_view text, std::string& out) const;
  Mapping map_code_point(char32_t cp);
};

}  // namespace xapian_arabic
