/** @file
 *  @brief The one base class of every error the library throws.
 *
 *  Catch xapian_arabic::Error to handle anything that comes from bad input,
 *  a bad config, a bad data table or an index that cannot be used; what()
 *  names the file (and line) where there is one. Xapian's own exceptions
 *  (Xapian::Error) and std::bad_alloc pass through unchanged.
 */
#pragma once

#include <xapian_arabic/export.h>

#include <stdexcept>

namespace xapian_arabic {

class XAPIAN_ARABIC_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A config file or setting is wrong: "FILE:LINE: [section] key what is wrong".
class XAPIAN_ARABIC_API ConfigError : public Error {
 public:
  using Error::Error;
};

/// A data table (config/ or a user's replacement) can't be read or is malformed: "FILE:LINE: what".
class XAPIAN_ARABIC_API TableError : public Error {
 public:
  using Error::Error;
};

}  // namespace xapian_arabic
