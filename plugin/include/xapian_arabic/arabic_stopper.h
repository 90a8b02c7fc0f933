/** @file
 *  @brief Xapian::Stopper with the Arabic stopword list of config/stopwords/.
 *
 *  Entries and the words asked about are normalized with the same options, so
 *  أن/ان and إلى/الى are both stopped. Thread safety: immutable; shareable.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>

#include <cstddef>
#include <memory>
#include <string>

namespace xapian_arabic {

class XAPIAN_ARABIC_API ArabicStopper : public Xapian::Stopper {
 public:
  /// Loads settings.stopwords_file, or the built-in list when it is empty. Throws TableError
  /// naming the file when it can't be read.
  explicit ArabicStopper(const AnalysisSettings& settings = {});
  ~ArabicStopper() override;

  bool operator()(const std::string& term) const override;
  /// For a term already normalized with the same options.
  bool is_stopword_normalized(const std::string& term) const;
  std::string get_description() const override;
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;  // not copyable, as Xapian::Stopper is not
};

}  // namespace xapian_arabic
