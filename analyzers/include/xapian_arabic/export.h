/** @file
 *  @brief Symbol visibility for the xapian-arabic shared library.
 *
 *  The library is built with hidden visibility; only declarations marked
 *  XAPIAN_ARABIC_API are part of its ABI.
 */
#pragma once

#define XAPIAN_ARABIC_API __attribute__((visibility("default")))
