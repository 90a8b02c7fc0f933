/** @file
 *  @brief Reading back Omega's field=value document data.
 */
#include "search/document_data.h"

#include <algorithm>

namespace xapian_arabic {

namespace {

/// A data line "name=value" starts a field when name is a lower-case ASCII word (Omega's field names).
bool is_field_name(std::string_view name) {
  return !name.empty() &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

}  // namespace

std::map<std::string, std::string> parse_document_data(std::string_view data) {
  std::map<std::string, std::string> fields;
  std::string* current = nullptr;
  while (!data.empty()) {
    const auto nl = data.find('\n');
    const std::string_view line = data.substr(0, nl);
    data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
    const auto eq = line.find('=');
    const std::string_view name = eq == std::string_view::npos ? std::string_view() : line.substr(0, eq);
    if (is_field_name(name)) {
      current = &fields[std::string(name)];
      current->assign(line.substr(eq + 1));
    } else if (current) {
      current->append("\n").append(line);
    }
  }
  return fields;
}

}  // namespace xapian_arabic
