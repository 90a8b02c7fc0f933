/** @file
 *  @brief Snowball stemmers (Debian's libstemmer) behind a small RAII class.
 *
 *  Used as the alternative Arabic stemmer and for Latin-script words inside
 *  Arabic text. Thread safety: libstemmer keeps per-stemmer state, so one
 *  instance must not be used by two threads at once; make one per thread.
 */
#pragma once

#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>

#include <memory>
#include <string>
#include <string_view>

namespace xapian_arabic {

class XAPIAN_ARABIC_API SnowballStemmer {
 public:
  /// @p language is a libstemmer algorithm name ("arabic", "english", ...).
  /// Throws ConfigError for an unknown language.
  explicit SnowballStemmer(const std::string& language);
  ~SnowballStemmer();
  SnowballStemmer(SnowballStemmer&&) noexcept;
  SnowballStemmer& operator=(SnowballStemmer&&) noexcept;

  std::string stem(std::string_view word) const;
  const std::string& language() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;  // libstemmer's state: move-only, one per thread
};

}  // namespace xapian_arabic
