/** @file
 *  @brief Quoted phrases among other words rank rather than filter (internal; docs/search.md).
 */
#pragma once

#include <xapian.h>

namespace xapian_arabic {

/// @p query with each quoted phrase that is one optional clause of a free-text OR (a headline
/// pasted with its scare quotes: تحذير روسي من "ضربة لدمشق") turned into its words, each an
/// optional clause like the others, and the phrases added back as an optional extra scaled by
/// @p boost (0: none), so articles with the phrase still rank higher. A phrase that is the whole
/// query, or under AND, NOT or a +, stays a phrase: there the user asked for it.
Xapian::Query rank_quoted_phrases(const Xapian::Query& query, double boost);

}  // namespace xapian_arabic
