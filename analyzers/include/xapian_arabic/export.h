/** @file
 *  @brief Symbol visibility for the xapian-arabic shared library.
 *
 *  The library is built with hidden visibility; only declarations marked
 *  XAPIAN_ARABIC_API are part of its ABI.
 */
#pragma once

#define XAPIAN_ARABIC_API __attribute__((visibility("default")))
/// For the private Impl of an exported class: nested classes inherit the
/// enclosing class's visibility, and an Impl is never part of the ABI.
#define XAPIAN_ARABIC_LOCAL __attribute__((visibility("hidden")))
