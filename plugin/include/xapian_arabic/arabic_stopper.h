/** @file
 *  @brief Xapian::Stopper with the Arabic stopword list of config/stopwords/.
 *
 *  Entries and the words asked about are normalized with the same options, so
 *  أن/ان and إلى/الى are both stopped. Thread safety: immutable; shareable.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/export.h>

#include <string>
#include <unordered_set>

namespace xapian_arabic {

class XAPIAN_ARABIC_API ArabicStopper : public Xapian::Stopper {
 public:
  /// Loads settings.stopwords_file, or the built-in list when it is empty.
  explicit ArabicStopper(const AnalysisSettings& settings = {});

  bool operator()(const std::string& term) const override;
  /// For a term already normalized with the same options.
  bool is_stopword_normalized(const std::string& term) const { return words_.count(term) > 0; }
  std::string get_description() const override;
  std::size_t size() const { return words_.size(); }

 private:
  Normalizer normalizer_;
  std::unordered_set<std::string> words_;
};

}  // namespace xapian_arabic
