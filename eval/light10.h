/** @file
 *  @brief Light10 (Larkey et al. 2007; Lucene's ArabicStemmer): the reference light stemmer.
 *
 *  Implemented here only as a baseline for evaluation, exactly as Lucene's
 *  ArabicNormalizer + ArabicStemmer do it.
 */
#pragma once

#include <string>
#include <string_view>

namespace xapian_arabic::eval {
std::string light10(std::string_view word);
}
