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

struct sb_stemmer;

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
  const std::string& language() const { return language_; }

 private:
  struct Deleter {
    void operator()(sb_stemmer* s) const;
  };
  std::string language_;
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace xapian_arabic
