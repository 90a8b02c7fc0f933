/** @file
 *  @brief Finds date expressions in Arabic news text and normalizes them to ISO 8601.
 *
 *  Month names of every regional family (يناير / كانون الثاني / نونبر / جانفي),
 *  English dates inside Arabic pages, numeric dates in any digits, Hijri dates
 *  (converted with ICU's Islamic calendars), times and zones, ordinal days in
 *  words, and relative expressions resolved against the publication date.
 *  Tables live in config/dates/.
 *
 *  Thread safety: a constructed DateExtractor is immutable; share it freely.
 */
#pragma once

#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

class TokenStream;

enum class DateKind { published, updated, mentioned };

XAPIAN_ARABIC_API const char* to_string(DateKind kind);

struct ExtractedDate {
  std::string value;  ///< ISO 8601 at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[+HH:MM]
  DateKind kind = DateKind::mentioned;
  std::size_t begin = 0;  ///< byte span of the expression in the text given to extract()
  std::size_t end = 0;
  std::string text;                      ///< the matched span as written
  std::string hijri;                     ///< the Hijri original (e.g. "1446-05-19") when the text gave a Hijri date
  std::optional<std::string> range_end;  ///< for ranges (من 10 إلى 12 نوفمبر): the end value
  /// The day `value` names when it has day precision (the start of a range), for the layers after
  /// extraction to use instead of parsing `value` again. Set by DateExtractor and NewsReader.
  std::optional<CivilDate> day = std::nullopt;
};

/// The day @p date names: its `day`, or for a date made by hand with only a `value`, the day of
/// that value; nothing at month or year precision.
inline std::optional<CivilDate> day_of(const ExtractedDate& date) {
  if (date.day) return date.day;
  const auto iso = iso_date_of(date.value);
  return iso ? day_of(*iso) : std::nullopt;
}

/// A date written for search that the grammar cannot read as one date: what() names the part
/// that was not understood.
class XAPIAN_ARABIC_API DateError : public Error {
 public:
  using Error::Error;
};

/// The days, both included, that a date written for search covers (DateExtractor::read).
struct DateSpan {
  CivilDate first, last;
};

/// How a numeric date whose first two numbers could each be the month (05/06/2023) is read.
enum class NumericOrder {
  automatic,   ///< as the text's other numeric dates show (a day over 12 in one place), else day first
  day_first,   ///< 05/06/2023 is 5 June
  month_first  ///< 05/06/2023 is 6 May (US forum and CMS stamps)
};

/// What the numeric dates DAY/MONTH/YEAR of a text show about their order: those that can only be
/// day first (25/06/2023), only month first (06/25/2023), and those that could be either (05/06/2023).
struct NumericOrderCount {
  std::size_t day_first = 0, month_first = 0, either = 0;
  /// Month first when more dates can only be month first than only day first.
  NumericOrder order() const { return month_first > day_first ? NumericOrder::month_first : NumericOrder::day_first; }
};

struct DateExtractorOptions {
  std::string tables_dir;  ///< folder with the config/dates/ tables; empty: built-in
  /// The markers table (publication and update markers); empty: built-in config/layout/markers.tsv
  std::string markers_file;
  std::string islamic_calendar =
      "islamic-umalqura";  ///< ICU calendar: islamic-umalqura, islamic-civil, islamic, islamic-tbla
};

class XAPIAN_ARABIC_API DateExtractor {
 public:
  explicit DateExtractor(const DateExtractorOptions& options = {});
  ~DateExtractor();
  DateExtractor(DateExtractor&&) noexcept;
  DateExtractor& operator=(DateExtractor&&) noexcept;

  /// Every date expression in @p text, in text order. Relative expressions
  /// (أمس, الثلاثاء, منذ يومين ...) resolve against @p reference (the publication
  /// day) and are left out when it is empty. A date right after a marker of the markers table
  /// (تاريخ النشر / آخر تحديث and similar) is published / updated; everything else is mentioned.
  std::vector<ExtractedDate> extract(std::string_view text, std::optional<CivilDate> reference = std::nullopt) const;

  /// The same over bytes [begin, end) of a text already tokenized in @p stream; spans are
  /// offsets in the stream's text. The stream's atoms are used as they are when it normalized
  /// with the default options (the tables' spelling); otherwise the range is tokenized again.
  std::vector<ExtractedDate> extract(const TokenStream& stream, std::size_t begin, std::size_t end,
                                     std::optional<CivilDate> reference = std::nullopt) const;

  /// The same, reading numeric dates in @p order (automatic: decided from [begin, end) alone), and
  /// adding what the range's numeric dates show about their order to @p count if given: a caller
  /// that reads one page in parts (ArticleExtractor) decides the order for the whole page.
  std::vector<ExtractedDate> extract(const TokenStream& stream, std::size_t begin, std::size_t end,
                                     std::optional<CivilDate> reference, NumericOrder order,
                                     NumericOrderCount* count = nullptr) const;

  /// @p text read as one date for search (date: values, --from, --to) by the same grammar:
  /// anything extract() finds (16/07/2018, 16 يوليو 2018, تموز 2018, رمضان 1439, 1439هـ, and
  /// أمس, الأسبوع الماضي, 16 يوليو against @p reference), plus the machine forms YYYY, YYYY-MM,
  /// YYYY-MM-DD and YYYYMMDD (any digits). A month or a year covers all its days, a Hijri year
  /// its Gregorian days. A bare year from 1300 to 1500 could be Hijri or Gregorian and is refused
  /// (write 1439هـ or 1439م). Throws DateError naming the part not understood, or saying that
  /// the text holds more than one date.
  DateSpan read(std::string_view text, std::optional<CivilDate> reference = std::nullopt) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xapian_arabic
