/** @file
 *  @brief Reading the '|'-separated spelling tables of config/synonyms/.
 */
#include "tables/spelling_groups.h"

#include <xapian_arabic/error.h>

#include "tables/data_files.h"

namespace xapian_arabic {

std::vector<SpellingGroup> read_spelling_groups(std::string_view builtin_name, const std::string& path,
                                                std::size_t min_spellings, bool single_words) {
  const std::string content = read_table(builtin_name, path);
  const std::string name = path.empty() ? "config/" + std::string(builtin_name) : path;
  std::vector<SpellingGroup> groups;
  for (const NumberedLine& row : numbered_table_lines(content)) {
    const std::size_t line = row.number;
    const std::string_view text = row.text;
    const auto where = [&] { return name + ":" + std::to_string(line) + ": "; };
    SpellingGroup group;
    group.line = line;
    for (std::string_view spelling : split_fields(text, '|')) {
      if (spelling.empty()) throw TableError(where() + "empty spelling (format: spelling | spelling | ...)");
      if (single_words && spelling.find_first_of(" \t") != std::string_view::npos)
        throw TableError(where() + "'" + std::string(spelling) + "' is more than one word (one word per spelling)");
      group.spellings.emplace_back(spelling);
    }
    if (group.spellings.size() < min_spellings)
      throw TableError(where() + "expected at least " + std::to_string(min_spellings) +
                       " spellings separated by '|', got '" + std::string(text) + "'");
    groups.push_back(std::move(group));
  }
  return groups;
}

std::vector<SpellingGroup> read_name_groups(const std::string& path) {
  return read_spelling_groups("synonyms/names.tsv", path, 2, true);
}

std::vector<SpellingGroup> read_city_aliases(const std::string& path) {
  return read_spelling_groups("synonyms/cities.tsv", path, 2, false);
}

}  // namespace xapian_arabic
