/** @file
 *  @brief Snowball stemmers through libstemmer.
 */
#include <libstemmer.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/snowball_stemmer.h>

#include <stdexcept>

namespace xapian_arabic {

void SnowballStemmer::Deleter::operator()(sb_stemmer* s) const {
  sb_stemmer_delete(s);
}

SnowballStemmer::SnowballStemmer(const std::string& language)
    : language_(language), stemmer_(sb_stemmer_new(language.c_str(), "UTF_8")) {
  if (!stemmer_) throw ConfigError("unknown Snowball stemmer language '" + language + "'");
}

SnowballStemmer::~SnowballStemmer() = default;
SnowballStemmer::SnowballStemmer(SnowballStemmer&&) noexcept = default;
SnowballStemmer& SnowballStemmer::operator=(SnowballStemmer&&) noexcept = default;

std::string SnowballStemmer::stem(std::string_view word) const {
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
}

}  // namespace xapian_arabic
