/** @file
 *  @brief Reading back the document data the indexer writes (internal to search).
 */
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace xapian_arabic {

/// Parses Omega-style document data: "field=value" lines, field names in lower-case
/// ASCII letters and "_". Any other line continues the previous field's value.
std::map<std::string, std::string> parse_document_data(std::string_view data);

}  // namespace xapian_arabic
