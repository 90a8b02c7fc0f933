/** @file
 *  @brief Tables of spellings of one name per line (config/synonyms/): read with FILE:LINE errors.
 *
 *  Format: one group per line, its spellings separated by '|' (surrounding blanks trimmed),
 *  '#' starts a comment. config/synonyms/names.tsv (name spellings, search synonyms) and
 *  config/synonyms/cities.tsv (other names of dateline cities) are such tables.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

/// One line of a spellings table.
struct SpellingGroup {
  std::vector<std::string> spellings;  ///< as written in the table, the first one first
  std::size_t line = 0;                ///< 1-based line in the table
};

/// The groups of @p path, or of the built-in config/@p builtin_name when @p path is empty.
/// Throws TableError "FILE:LINE: ..." for a line with an empty spelling, fewer than
/// @p min_spellings spellings, or (when @p single_words) a spelling with a blank in it.
std::vector<SpellingGroup> read_spelling_groups(std::string_view builtin_name, const std::string& path,
                                                std::size_t min_spellings, bool single_words);

/// config/synonyms/names.tsv or @p path: groups of one-word spellings of a name (two or more each).
std::vector<SpellingGroup> read_name_groups(const std::string& path);

/// config/synonyms/cities.tsv or @p path: a dateline city's canonical spelling (as in
/// config/sources/cities.txt) first, then its other names (Latin ones too).
std::vector<SpellingGroup> read_city_aliases(const std::string& path);

}  // namespace xapian_arabic
