/** @file
 *  @brief Arabic stopword list as a Xapian::Stopper.
 */
#include <xapian_arabic/arabic_stopper.h>

#include "tables/data_files.h"

namespace xapian_arabic {

ArabicStopper::ArabicStopper(const AnalysisSettings& settings) : normalizer_(settings.normalization) {
  // The table must outlive the string_views that table_lines() returns into it.
  const std::string table = read_table("stopwords/arabic.txt", settings.stopwords_file);
  for (auto line : table_lines(table)) words_.insert(normalizer_.normalize(line));
}

bool ArabicStopper::operator()(const std::string& term) const {
  return words_.count(term) > 0 || words_.count(normalizer_.normalize(term)) > 0;
}

std::string ArabicStopper::get_description() const {
  return "xapian_arabic::ArabicStopper(" + std::to_string(words_.size()) + " words)";
}

}  // namespace xapian_arabic
