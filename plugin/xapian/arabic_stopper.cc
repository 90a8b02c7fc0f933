/** @file
 *  @brief Arabic stopword list as a Xapian::Stopper.
 */
#include <xapian_arabic/arabic_stopper.h>
#include <xapian_arabic/normalizer.h>

#include <unordered_set>

#include "tables/data_files.h"

namespace xapian_arabic {

struct XAPIAN_ARABIC_LOCAL ArabicStopper::Impl {
  explicit Impl(const AnalysisSettings& settings) : normalizer(settings.normalization) {
    // The table must outlive the string_views that table_lines() returns into it.
    const std::string table = read_table("stopwords/arabic.txt", settings.stopwords_file);
    for (auto line : table_lines(table)) words.insert(normalizer.normalize(line));
  }

  Normalizer normalizer;
  std::unordered_set<std::string> words;  // normalized
};

ArabicStopper::ArabicStopper(const AnalysisSettings& settings) : impl_(std::make_unique<const Impl>(settings)) {}

ArabicStopper::~ArabicStopper() = default;

bool ArabicStopper::operator()(const std::string& term) const {
  return impl_->words.count(term) > 0 || impl_->words.count(impl_->normalizer.normalize(term)) > 0;
}

bool ArabicStopper::is_stopword_normalized(const std::string& term) const {
  return impl_->words.count(term) > 0;
}

std::string ArabicStopper::get_description() const {
  return "xapian_arabic::ArabicStopper(" + std::to_string(impl_->words.size()) + " words)";
}

std::size_t ArabicStopper::size() const {
  return impl_->words.size();
}

}  // namespace xapian_arabic
