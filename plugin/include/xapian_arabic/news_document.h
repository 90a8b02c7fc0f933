/** @file
 *  @brief Turns a NewsArticle into a Xapian::Document laid out as index_schema.h
 *  says (Omega conventions).
 *
 *  docs/index-format.md lists every term, value slot and data field made here.
 *
 *  Thread safety: the functions are pure; the Analyzer passed in must not be
 *  shared between threads (use one per thread).
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/news_article.h>
#include <xapian_arabic/surface_synonyms.h>
#include <xapian_arabic/token_stream.h>

#include <ctime>
#include <string>

namespace xapian_arabic {

/// What a document needs besides the article: field weights, language, where it came from.
struct NewsDocumentOptions {
  FieldWeights weights;
  std::string language = "ar";  ///< value of the L term
  std::string file;             ///< absolute path of the archive file: XFILE term and "path" fallback
  std::string type;             ///< MIME type of the archive file, Omega's "type" field
  std::time_t modtime = 0;      ///< the file's mtime, Omega's "modtime" field
  /// When set, receives the synonyms of the unprefixed and title (S) words as
  /// written, for the database's synonym table ([index] synonyms).
  SurfaceSynonyms* synonyms = nullptr;
  /// When set, the article's token stream over article_text(article) (article_extractor.h),
  /// already used for extraction: the title and body words are read from it, not found again.
  const TokenStream* stream = nullptr;
};

/// The indexed document of @p article. @p analyzer makes the text terms.
XAPIAN_ARABIC_API Xapian::Document make_news_document(const NewsArticle& article, const Analyzer& analyzer,
                                                      const NewsDocumentOptions& options);

/// Number of bytes of body text kept in the "sample" data field.
inline constexpr std::size_t kSampleBytes = 300;

}  // namespace xapian_arabic
