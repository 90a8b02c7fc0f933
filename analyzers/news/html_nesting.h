/** @file
 *  @brief A bound on HTML element nesting, applied before gumbo parses a page (internal).
 *
 *  gumbo 0.10 has no depth limit: its time grows with the square of the nesting (100,000 nested
 *  <div> take 52 s) and it frees its tree recursively. No news page nests a thousand elements, so
 *  start tags that would open more than that are removed, with their end tags: the page's text
 *  stays, only the structure below that depth is lost.
 */
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace xapian_arabic {

/// Open elements allowed before deeper start tags are removed (docs/extraction.md).
constexpr std::size_t kMaxHtmlDepth = 1000;

/// @p html without the start and end tags that nest deeper than @p max_depth open elements, and
/// without the content of a <script>, <style> or other raw-text element that deep; nullopt when
/// nothing is that deep. Elements whose end tag may be left out (p, li, td...) and void elements
/// (br, img...) do not count, as they cannot nest in themselves.
std::optional<std::string> flatten_deep_nesting(std::string_view html, std::size_t max_depth = kMaxHtmlDepth);

}  // namespace xapian_arabic
