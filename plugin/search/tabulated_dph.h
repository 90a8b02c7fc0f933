/** @file
 *  @brief Xapian's DPH weight with its logarithms read from a table (internal).
 */
#pragma once

#include <xapian.h>

namespace xapian_arabic {

/// The DPH weighting scheme (Amati's DFR, hypergeometric, parameter-free), computed as
/// Xapian::DPHWeight computes it but with log2 of the posting's integers (wdf, document
/// length, their difference) read from a table: Xapian's two log2 calls per posting were a
/// fifth of a search's CPU. Scores equal Xapian's to the last bits of a double.
///
/// It keeps Xapian's name() and serialisation, so a remote shard (xapian-tcpsrv, which
/// knows only Xapian's classes) ranks with Xapian's own DPHWeight, to the same scores.
class TabulatedDphWeight : public Xapian::DPHWeight {
 public:
  TabulatedDphWeight() = default;

  double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
  double get_maxpart() const override;

 private:
  TabulatedDphWeight* clone() const override;
  void init(double factor) override;
  double log2_of(Xapian::termcount n) const;  // inlined into get_sumpart: no guard per posting

  const double* log2_ = nullptr;  // log2 of 0 .. the table's size

  double log_total_over_freq_ = 0.0;  // log2(total length / collection frequency)
  double scale_ = 0.0;                // wqf × the query's factor
  double upper_bound_ = 0.0;
};

}  // namespace xapian_arabic
