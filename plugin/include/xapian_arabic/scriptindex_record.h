/** @file
 *  @brief An analysed article as a record of Omega's scriptindex input, so a
 *  site that indexes with scriptindex gets our normalized terms, stems, dates
 *  and sources without linking this library.
 *
 *  The fields are those examples/omega/news.script indexes (docs/omega.md):
 *  `text` and `title` are the normalized words in order and `stems`/`titlestems`
 *  their stems, so scriptindex run with `-s none` makes the terms of
 *  index-format.md (words with positions, Z + stem without). Ids and urls are
 *  written as they are, never normalized.
 *
 *  Thread safety: pure; the Analyzer must not be shared between threads.
 */
#pragma once

#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/news_article.h>
#include <xapian_arabic/surface_synonyms.h>

#include <string>
#include <string_view>

namespace xapian_arabic {

/// Appends "name=value\n" to @p out, each newline inside @p value escaped as scriptindex wants ("\n=").
XAPIAN_ARABIC_API void append_scriptindex_field(std::string& out, std::string_view name, std::string_view value);

/// The record of @p article (already extracted), ending with its blank line. If
/// @p synonyms is set, the surface synonyms of its words are added to it, for the database's synonym table.
XAPIAN_ARABIC_API std::string scriptindex_record(const NewsArticle& article, const Analyzer& analyzer,
                                                 SurfaceSynonyms* synonyms = nullptr);

}  // namespace xapian_arabic
