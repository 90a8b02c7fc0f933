/** @file
 *  @brief A derived verb and its verbal noun as synonyms: the partner's term.
 */
#include "xapian/derived_form_synonyms.h"

namespace xapian_arabic {

std::string derived_form_partner_term(const std::string& term, const Analyzer& analyzer) {
  if (term.empty() || term[0] != 'Z') return {};
  std::size_t stem_start = 1;  // after "Z" and the field's capital letters
  while (stem_start < term.size() && term[stem_start] >= 'A' && term[stem_start] <= 'Z') ++stem_start;
  const std::string partner = analyzer.derived_form_partner(std::string_view(term).substr(stem_start));
  return partner.empty() ? std::string() : term.substr(0, stem_start) + partner;
}

}  // namespace xapian_arabic
