/** @file
 *  @brief The weighting scheme of [search] weighting as a Xapian::Weight (internal).
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/search_settings.h>

#include <memory>

namespace xapian_arabic {

/// Xapian's weight for @p search.weighting; bm25 takes @p bm25's parameters. Xapian's own
/// classes, or (dph) one that serialises as Xapian's, so remote shards (xapian-tcpsrv) rank
/// the same way without a plugin.
std::unique_ptr<Xapian::Weight> make_weight(const SearchSettings& search, const Bm25Settings& bm25);

}  // namespace xapian_arabic
