/** @file
 *  @brief DPH with tabulated logarithms: the same scores as Xapian::DPHWeight, cheaper per posting.
 */
#include "search/tabulated_dph.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace xapian_arabic {

namespace {

// Covers the wdf and the length of all but the longest articles (news-bench's longest is
// 14,000 weighted words); beyond it log2 is computed.
constexpr Xapian::termcount kTabulated = 1 << 15;

// Built on the first query, not at every process start (a `--version` paid 0.3 ms for it).
const double* log2_table() {
  static const std::vector<double> table = [] {
    std::vector<double> t(kTabulated);
    t[0] = -HUGE_VAL;
    for (Xapian::termcount i = 1; i < kTabulated; ++i) t[i] = std::log2(static_cast<double>(i));
    return t;
  }();
  return table.data();
}

const double kLog2TwoPi = std::log2(2 * std::numbers::pi);

}  // namespace

double TabulatedDphWeight::log2_of(Xapian::termcount n) const {
  return n < kTabulated ? log2_[n] : std::log2(static_cast<double>(n));
}

TabulatedDphWeight* TabulatedDphWeight::clone() const {
  return new TabulatedDphWeight();
}

void TabulatedDphWeight::init(double factor) {
  // factor 0 is the term-independent part, always 0 for DPH.
  const double wdf_upper = get_wdf_upper_bound();
  log2_ = log2_table();
  if (factor == 0.0 || wdf_upper == 0) return;
  const double len_upper = get_doclength_upper_bound();
  log_total_over_freq_ = std::log2(static_cast<double>(get_total_length()) / get_collection_freq());
  scale_ = get_wqf() * factor;

  // The bound Xapian's DPHWeight uses, so that the matcher prunes as it does with Xapian's:
  // log2(wdf / len) <= 0, each factor at its largest over wdf in [1, wdf_upper] and len at
  // its upper bound.
  const double wdf_mid = std::min(wdf_upper, len_upper / 2.0);
  const double max_product = std::min(wdf_upper * (1.0 - 1.0 / len_upper), wdf_mid * (1.0 - wdf_mid / len_upper));
  // wdf (1 - wdf/c)^2 / (wdf + 1) grows up to the positive root of 2 wdf^2 + 3 wdf - c.
  const double wdf_peak = std::clamp(0.25 * (std::sqrt(8.0 * len_upper + 9.0) - 3.0), 1.0, wdf_upper);
  const double rest = 1 - wdf_peak / len_upper;
  const double max_normalized = wdf_peak / (wdf_peak + 1) * rest * rest;
  upper_bound_ = std::max(
      0.0, scale_ * max_normalized * (log_total_over_freq_ + 0.5 * std::log2(2 * std::numbers::pi * max_product)));
}

double TabulatedDphWeight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount) const {
  if (wdf == 0 || wdf >= doclen) return 0.0;
  const double rest = 1 - static_cast<double>(wdf) / doclen;
  const double normalization = rest * rest / (wdf + 1);
  const double log_wdf = log2_of(wdf), log_len = log2_of(doclen);
  // log2(wdf / len) and log2(2 pi wdf (1 - wdf / len)) = log2(2 pi wdf (len - wdf) / len).
  const double weight = normalization * (wdf * (log_wdf - log_len + log_total_over_freq_) +
                                         0.5 * (kLog2TwoPi + log_wdf + log2_of(doclen - wdf) - log_len));
  return weight <= 0.0 ? 0.0 : scale_ * weight;
}

double TabulatedDphWeight::get_maxpart() const {
  return upper_bound_;
}

}  // namespace xapian_arabic
