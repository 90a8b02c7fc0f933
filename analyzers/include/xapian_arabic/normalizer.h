/** @file
 *  @brief Arabic orthographic normalization.
 *
 *  Folds the spelling variation of Arabic news text (diacritics, tatweel,
 *  alef/hamza/yeh/teh-marbuta variants, presentation forms, Persian letters and
 *  digits, bidi controls) so that variants of one written word compare equal.
 *  Every rule can be switched off. normalize() is idempotent.
 *
 *  Input is UTF-8; malformed sequences are replaced by U+FFFD (never an error,
 *  never a crash), so a damaged file still indexes its readable words.
 *
 *  Thread safety: a constructed Normalizer is immutable; share it freely.
 */
#pragma once

#include <xapian_arabic/export.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

/// The normalization rules. Defaults are those of config/default.toml (see docs/normalization.md).
struct NormalizerOptions {
  bool remove_harakat = true;           ///< U+064B–U+065F and superscript alef U+0670
  bool remove_quranic_marks = true;     ///< Quranic annotation marks U+06D6–U+06ED
  bool remove_tatweel = true;           ///< kashida U+0640
  bool fold_presentation_forms = true;  ///< U+FB50–U+FDFF, U+FE70–U+FEFF (lam-alef ligatures too), by NFKC
  bool fold_alef = true;                ///< أ إ آ ٱ ٲ ٳ ٵ → ا
  bool fold_alef_maqsura = true;        ///< ى → ي
  bool fold_teh_marbuta = true;         ///< ة → ه
  bool fold_hamza_seats = true;         ///< ؤ → و, ئ → ي
  bool fold_persian_letters = true;  ///< ک → ك, ی ے → ي, ە ۀ ہ ھ → ه, ڤ → ف, پ → ب, چ → ج, ژ → ز, گ → ك
  bool fold_digits = true;             ///< Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9, ٫ → '.', ٬ → ','
  bool remove_format_controls = true;  ///< ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, embeddings, isolates, BOM, SHY
  bool case_fold_latin = true;         ///< Unicode simple case folding of non-Arabic letters

  /// A stable text form of the switches, for index fingerprints.
  XAPIAN_ARABIC_API std::string fingerprint() const;
  bool operator==(const NormalizerOptions&) const = default;
};

class XAPIAN_ARABIC_API Normalizer {
 public:
  explicit Normalizer(const NormalizerOptions& options = {});

  /// Normalized copy of @p text.
  std::string normalize(std::string_view text) const;

  /// Appends the normalized form of @p text to @p out.
  void normalize_into(std::string_view text, std::string& out) const;

  const NormalizerOptions& options() const { return options_; }

 private:
  // Replacement of one code point: UTF-8 bytes in expansions_, or the code point itself.
  struct Mapping {
    std::uint32_t offset = 0;
    std::uint16_t length = 0;
    bool identity = true;
  };
  const Mapping* lookup(char32_t cp) const;
  void append_mapped(char32_t cp, std::string& out) const;
  template <class Sink>
  void scratch_append(char32_t cp, Sink&& sink) const;
  void normalize_composed(std::string_view text, std::string& out) const;
  Mapping map_code_point(char32_t cp);

  NormalizerOptions options_;
  std::vector<Mapping> arabic_block_;         // U+0600–U+06FF
  std::vector<Mapping> presentation_forms_;   // U+FB50–U+FEFF
  std::vector<Mapping> general_punctuation_;  // U+2000–U+206F
  std::string expansions_;                    // UTF-8
};

}  // namespace xapian_arabic
