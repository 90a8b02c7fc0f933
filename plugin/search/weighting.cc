/** @file
 *  @brief [search] weighting: the name of each scheme and its Xapian::Weight.
 */
#include "search/weighting.h"

#include "search/tabulated_dph.h"

namespace xapian_arabic {

const char* to_string(WeightingScheme scheme) {
  switch (scheme) {
    case WeightingScheme::dph: return "dph";
    case WeightingScheme::bm25: return "bm25";
    case WeightingScheme::dlh: return "dlh";
  }
  return "dph";
}

std::optional<WeightingScheme> parse_weighting_scheme(std::string_view name) {
  for (WeightingScheme scheme : {WeightingScheme::dph, WeightingScheme::bm25, WeightingScheme::dlh})
    if (name == to_string(scheme)) return scheme;
  return std::nullopt;
}

std::unique_ptr<Xapian::Weight> make_weight(const SearchSettings& search, const Bm25Settings& bm25) {
  switch (search.weighting) {
    case WeightingScheme::bm25:
      return std::make_unique<Xapian::BM25Weight>(bm25.k1, bm25.k2, bm25.k3, bm25.b, bm25.min_normlen);
    case WeightingScheme::dlh: return std::make_unique<Xapian::DLHWeight>();
    case WeightingScheme::dph: break;
  }
  return std::make_unique<TabulatedDphWeight>();
}

}  // namespace xapian_arabic
