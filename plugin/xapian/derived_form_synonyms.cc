/** @file
 *  @brief A derived verb and its verbal noun as synonyms in search.
 */
#include "xapian/derived_form_synonyms.h"

#include "xapian/term_synonyms.h"

namespace xapian_arabic {

Xapian::Query expand_derived_forms(const Xapian::Query& query, const Analyzer& analyzer) {
  return expand_term_synonyms(query, [&analyzer](const std::string& term) -> std::vector<std::string> {
    if (term.empty() || term[0] != 'Z') return {};
    std::size_t stem_start = 1;  // after "Z" and the field's capital letters
    while (stem_start < term.size() && term[stem_start] >= 'A' && term[stem_start] <= 'Z') ++stem_start;
    const std::string partner = analyzer.derived_form_partner(std::string_view(term).substr(stem_start));
    if (partner.empty()) return {};
    return {term.substr(0, stem_start) + partner};
  });
}

}  // namespace xapian_arabic
