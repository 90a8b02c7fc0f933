/** @file
 *  @brief The layout of an xapian-arabic news index: term prefixes, value slots,
 *  document data. Follows Omega's conventions so quest, delve, Omega and the
 *  Python bindings can use the index; docs/index-format.md documents it.
 */
#pragma once

#include <xapian.h>

namespace xapian_arabic::schema {

// Term prefixes (Omega's where Omega has one).
inline constexpr const char* kIdPrefix = "Q";            ///< unique id (article id or url, else relative path)
inline constexpr const char* kTitlePrefix = "S";         ///< title words (Omega: subject/title)
inline constexpr const char* kDayPrefix = "D";           ///< publication day YYYYMMDD (boolean)
inline constexpr const char* kMonthPrefix = "M";         ///< publication month YYYYMM (boolean)
inline constexpr const char* kYearPrefix = "Y";          ///< publication year YYYY (boolean)
inline constexpr const char* kLanguagePrefix = "L";      ///< language code, "ar" (boolean)
inline constexpr const char* kUrlPrefix = "U";           ///< url (boolean; Omega hashes urls over 240 bytes)
inline constexpr const char* kSourcePrefix = "XSOURCE";  ///< canonical source key, e.g. XSOURCEsana (boolean)
inline constexpr const char* kAgencyPrefix = "XAGENCY";  ///< every agency cited, canonical key (boolean)
inline constexpr const char* kCityPrefix = "XCITY";      ///< dateline city, normalized (boolean)
inline constexpr const char* kSourceTextPrefix = "XS";   ///< source/agency names as words (free text, source:)
inline constexpr const char* kCityTextPrefix = "XC";     ///< dateline city as words (free text, city:)
inline constexpr const char* kFilePrefix = "XFILE";      ///< absolute path of the archive file (boolean; for --prune)

// Value slots.
inline constexpr Xapian::valueno kPublishedSlot = 0;  ///< "YYYYMMDD" (Omega DATEVALUE, DateRangeProcessor)
inline constexpr Xapian::valueno kUpdatedSlot = 1;    ///< "YYYYMMDD" of the last update
inline constexpr Xapian::valueno kPublishedDaysSlot =
    2;  ///< sortable_serialise(days since 1970-01-01), for sorting and recency
inline constexpr Xapian::valueno kSourceSlot = 3;       ///< canonical source key, for collapsing and facets
inline constexpr Xapian::valueno kContentHashSlot = 4;  ///< content hash of the article, for incremental reindexing

// Database metadata keys.
inline constexpr const char* kFileStateKeyPrefix = "xapian-arabic.file:";  ///< + path: "size mtime hash"

}  // namespace xapian_arabic::schema
