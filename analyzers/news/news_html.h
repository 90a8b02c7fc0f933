/** @file
 *  @brief Article pages in HTML: the headline, dates, publisher and main text, parsed with gumbo (internal).
 */
#pragma once

#include <string>
#include <string_view>

namespace xapian_arabic {

struct HtmlPage {
  std::string title;       ///< og:title, else JSON-LD headline, else <title>
  std::string text;        ///< main text, one block (paragraph, heading, list item) per line
  std::string url;         ///< og:url or <link rel=canonical>
  std::string published;   ///< article:published_time or JSON-LD datePublished, as written
  std::string modified;    ///< article:modified_time or JSON-LD dateModified, as written
  std::string publisher;   ///< JSON-LD publisher name, else og:site_name
  bool flattened = false;  ///< nested deeper than kMaxHtmlDepth: the deeper tags were ignored (html_nesting.h)
};

/// Parses an HTML document (UTF-8). Never fails: a page without markup gives its text.
HtmlPage parse_html_page(std::string_view html);

}  // namespace xapian_arabic
