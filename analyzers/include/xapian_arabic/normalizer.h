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

#include <memory>
#include <string>
#include <string_view>

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
  /// Builds the per-code-point tables of @p options (with ICU's NFKC for presentation forms).
  /// Throws nothing of its own: no option or input is an error (std::bad_alloc passes through).
  explicit Normalizer(const NormalizerOptions& options = {});

  /// Normalized copy of @p text.
  std::string normalize(std::string_view text) const;

  /// Appends the normalized form of @p text to @p out.
  void normalize_into(std::string_view text, std::string& out) const;

  const NormalizerOptions& options() const;

  /// @internal The tables (text/normalizer_tables.h), for the library's own code-point loops;
  /// incomplete outside the library, and no part of the API.
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;  // immutable: copies share it
};

}  // namespace xapian_arabic
