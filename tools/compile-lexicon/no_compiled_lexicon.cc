/** @file
 *  @brief The compiler itself runs before there is a blob: it has none.
 */
#include "text/lexicon_table.h"

namespace xapian_arabic {
std::string_view compiled_lexicon() {
  return {};
}
}  // namespace xapian_arabic
