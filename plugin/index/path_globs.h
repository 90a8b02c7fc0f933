/** @file
 *  @brief Which files found in a folder an index run reads: the --include / --exclude globs (internal).
 */
#pragma once

#include <fnmatch.h>

#include <string>
#include <vector>

namespace xapian_arabic {

/// Whether the file at @p relative (its path below the folder named on the command line, with
/// '/' separators) is read: it must match one of @p include (when there are any) and none of
/// @p exclude. Globs are fnmatch(3) patterns matched against the whole relative path, without
/// FNM_PATHNAME, so '*' also matches '/': "*.jsonl" is every JSON Lines file at any depth,
/// "metadata.jsonl" only the one at the top.
inline bool path_selected(const std::string& relative, const std::vector<std::string>& include,
                          const std::vector<std::string>& exclude) {
  const auto matches = [&](const std::string& glob) { return ::fnmatch(glob.c_str(), relative.c_str(), 0) == 0; };
  bool selected = include.empty();
  for (const std::string& glob : include) selected = selected || matches(glob);
  for (const std::string& glob : exclude) selected = selected && !matches(glob);
  return selected;
}

}  // namespace xapian_arabic
