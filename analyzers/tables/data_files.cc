/** @file
 *  @brief Reading the data tables of config/.
 */
#include "tables/data_files.h"

#include <xapian_arabic/error.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace xapian_arabic {

namespace {
std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}
}  // namespace

std::string read_table(std::string_view builtin_name, const std::string& path) {
  if (path.empty()) {
    if (auto data = embedded_file(builtin_name)) return std::string(*data);
    throw TableError("no built-in data table named '" + std::string(builtin_name) + "'");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TableError(path + ": cannot open data table");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<NumberedLine> numbered_table_lines(std::string_view content) {
  std::vector<NumberedLine> lines;
  for (std::size_t number = 1; !content.empty(); ++number) {
    const auto eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content.remove_prefix(eol == std::string_view::npos ? content.size() : eol + 1);
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (!line.empty()) lines.push_back({number, line});
  }
  return lines;
}

std::vector<std::string_view> table_lines(std::string_view content) {
  std::vector<std::string_view> lines;
  for (const NumberedLine& line : numbered_table_lines(content)) lines.push_back(line.text);
  return lines;
}

std::vector<std::string_view> split_fields(std::string_view line, char sep) {
  std::vector<std::string_view> fields;
  for (;;) {
    const auto at = line.find(sep);
    fields.push_back(trim(line.substr(0, at)));
    if (at == std::string_view::npos) break;
    line.remove_prefix(at + 1);
  }
  return fields;
}

}  // namespace xapian_arabic
