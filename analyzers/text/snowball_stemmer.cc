/** @file
 *  @brief Snowball stemmers through libstemmer.
 */
#include <libstemmer.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/snowball_stemmer.h>

#include <new>

namespace xapian_arabic {

struct XAPIAN_ARABIC_LOCAL SnowballStemmer::Impl {
  explicit Impl(const std::string& name) : language(name), stemmer(sb_stemmer_new(name.c_str(), "UTF_8")) {
    if (!stemmer) throw ConfigError("unknown Snowball stemmer language '" + name + "'");
  }
  ~Impl() { sb_stemmer_delete(stemmer); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  std::string language;
  sb_stemmer* stemmer;
};

SnowballStemmer::SnowballStemmer(const std::string& language) : impl_(std::make_unique<Impl>(language)) {}

SnowballStemmer::~SnowballStemmer() = default;
SnowballStemmer::SnowballStemmer(SnowballStemmer&&) noexcept = default;
SnowballStemmer& SnowballStemmer::operator=(SnowballStemmer&&) noexcept = default;

const std::string& SnowballStemmer::language() const {
  return impl_->language;
}

std::string SnowballStemmer::stem(std::string_view word) const {
  sb_stemmer* stemmer = impl_->stemmer;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace xapian_arabic
