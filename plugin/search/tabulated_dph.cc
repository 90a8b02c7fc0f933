/** @file
 *  @brief DPH with tabulated logarithms: the same scores as Xapian::DPHWeight, cheaper per posting.
 */
#include "search/tabulated_dph.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

namespace xapian_arabic {

namespace {

// Covers the wdf and the length of nearly every article (news-bench's longest is 3,363 weighted
// words, its 99th percentile 971); beyond it log2 is computed. 64 KiB, built in about 0.1 ms.
constexpr Xapian::termcount kTabulated = 1 << 13;

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

// DPH's weight (before the wqf scale) over every p = wdf / len in [a, b], each part at its
// largest there ((1 - p) at a, log2 p at b); at a == b, the weight at p.
double dph_over(double wdf, double a, double b, double c) {
  const double rest = 1 - a;
  const double w =
      rest * rest / (wdf + 1) * (wdf * (std::log2(b) + c) + 0.5 * std::log2(2 * std::numbers::pi * wdf * rest));
  return w > 0 ? w : 0;
}

// A bracket [a, b] of [lo, hi] holding the largest value of @p f, where f is 0 or log-concave
// (one peak; where f is 0 on both sides, its positive part lies toward @p peak): golden-section
// search until b is within 0.01% of a.
template <class F>
std::pair<double, double> bracket_peak(F f, double lo, double hi, double peak) {
  constexpr double kGolden = 0.6180339887498949;
  double a = lo, b = hi;
  double c = b - kGolden * (b - a), d = a + kGolden * (b - a);
  double fc = f(c), fd = f(d);
  for (int i = 0; i < 64 && b > a * (1 + 1e-4); ++i) {
    if (fc > fd || (fc == fd && peak < d)) {
      b = d, d = c, fd = fc;
      c = b - kGolden * (b - a), fc = f(c);
    } else {
      a = c, c = d, fc = fd;
      d = a + kGolden * (b - a), fd = f(d);
    }
  }
  return {a, b};
}

/// A bound on DPH's weight over every posting the statistics allow (wdf in [1, wdf_upper], len
/// in [len_lower, len_upper], wdf < len), often a third of Xapian's, which drops log2(wdf/len)
/// (<= 0) and takes each factor at its own largest: the matcher can then skip the postings
/// of common words that cannot lift a document into the top k. For each wdf up to kExactWdf,
/// the weight's bound over the small bracket of p that holds its peak; above it, wdf/(wdf+1) < 1
/// and log2(2 pi wdf)/(wdf+1) falls with wdf.
double tight_dph_bound(double c, double wdf_upper, double len_lower, double len_upper) {
  constexpr double kExactWdf = 16;
  double bound = 0;
  for (double wdf = 1; wdf <= std::min(wdf_upper, kExactWdf); ++wdf) {
    const double lo = wdf / len_upper, hi = wdf / std::max(len_lower, wdf + 1);
    if (lo > hi) continue;
    // log2 p + log2(1 - p) / (2 wdf), the concave factor, is largest at p = wdf / (wdf + 0.5).
    const auto [a, b] = bracket_peak([&](double p) { return dph_over(wdf, p, p, c); }, lo, hi, wdf / (wdf + 0.5));
    bound = std::max(bound, dph_over(wdf, a, b, c));
  }
  if (wdf_upper > kExactWdf) {
    const double lo = 1 / len_upper, hi = 1 - 1 / len_upper;
    const auto [a, b] =
        bracket_peak([&](double p) { return std::max(0.0, (1 - p) * (1 - p) * (std::log2(p) + c)); }, lo, hi, hi);
    const double w = kExactWdf + 1;
    bound = std::max(bound, (1 - a) * (1 - a) * std::max(0.0, std::log2(b) + c) +
                                0.5 * std::log2(2 * std::numbers::pi * w) / (w + 1));
  }
  // Rounding: relative, and absolute for the near-zero weights of a one-point bracket (len_lower
  // == len_upper), where the weight's own cancellation error exceeds any relative margin.
  return bound * (1 + 1e-12) + 1e-12 * (std::abs(c) + std::log2(len_upper) + 3);
}

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

  // Xapian's bound: log2(wdf / len) <= 0, each factor at its largest over wdf in [1, wdf_upper]
  // and len at its upper bound. Both bounds hold; the smaller prunes more.
  const double wdf_mid = std::min(wdf_upper, len_upper / 2.0);
  const double max_product = std::min(wdf_upper * (1.0 - 1.0 / len_upper), wdf_mid * (1.0 - wdf_mid / len_upper));
  // wdf (1 - wdf/c)^2 / (wdf + 1) grows up to the positive root of 2 wdf^2 + 3 wdf - c.
  const double wdf_peak = std::clamp(0.25 * (std::sqrt(8.0 * len_upper + 9.0) - 3.0), 1.0, wdf_upper);
  const double rest = 1 - wdf_peak / len_upper;
  const double max_normalized = wdf_peak / (wdf_peak + 1) * rest * rest;
  const double xapians = max_normalized * (log_total_over_freq_ + 0.5 * std::log2(2 * std::numbers::pi * max_product));
  const double tight = tight_dph_bound(log_total_over_freq_, wdf_upper,
                                       std::max(1.0, static_cast<double>(get_doclength_lower_bound())), len_upper);
  upper_bound_ = std::max(0.0, scale_ * std::min(xapians, tight));
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
