/** @file
 *  @brief One date written for search (date:, --from, --to) read by the extractor's grammar (internal).
 */
#pragma once

#include <xapian_arabic/date_extractor.h>
#include <xapian_arabic/token_stream.h>

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "dates/date_calendar.h"

namespace xapian_arabic::dates {

/// DateExtractor::read: the machine forms (YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD) from the atoms,
/// anything else through @p extract (the grammar over the whole stream); @p hijri turns a Hijri
/// year into its Gregorian days. Throws DateError.
DateSpan read_date(std::string_view text, const HijriCalendar& hijri,
                   const std::function<std::vector<ExtractedDate>(const TokenStream&)>& extract);

}  // namespace xapian_arabic::dates
