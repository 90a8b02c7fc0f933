/** @file
 *  @brief The terms and values a news document is made of (internal to the indexer).
 *
 *  docs/index-format.md lists them; make_news_document (news_document.h) uses
 *  these, and the indexer looks documents up by the same terms.
 */
#pragma once

#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/news_article.h>

#include <optional>
#include <string>
#include <string_view>

#include "base/hash.h"

namespace xapian_arabic {

/// Xapian refuses terms over 245 bytes. Longer prefix+value pairs are cut to
/// 200 bytes (at a UTF-8 boundary) and followed by ":" and 16 hex digits of a
/// hash of the whole value, so they stay unique and stable.
std::string bounded_term(std::string_view prefix, std::string_view value);

/// A boolean filter term as Xapian's QueryParser spells it: a ":" between a
/// multi-character prefix and a value starting with an upper-case ASCII letter or ":".
std::string boolean_term(std::string_view prefix, std::string_view value);

/// The unique-id term "Q<id>" of @p article (bounded_term applied).
std::string unique_term(const NewsArticle& article);

/// The canonical key of a source: its alias-table key, else its name normalized
/// by @p analyzer with each run of spaces as "-" ("skynews" stays "skynews").
std::string source_key(const ExtractedSource& source, const Analyzer& analyzer);

}  // namespace xapian_arabic
