/** @file
 *  @brief Turns a NewsArticle into a Xapian::Document laid out as index_schema.h
 *  says (Omega conventions), and reads that document's data back.
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

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

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
};

/// Xapian refuses terms over 245 bytes. Longer prefix+value pairs are cut to
/// 200 bytes (at a UTF-8 boundary) and followed by ":" and 16 hex digits of a
/// hash of the whole value, so they stay unique and stable.
XAPIAN_ARABIC_API std::string bounded_term(std::string_view prefix, std::string_view value);

/// A boolean filter term as Xapian's QueryParser spells it: a ":" between a
/// multi-character prefix and a value starting with an upper-case ASCII letter or ":".
XAPIAN_ARABIC_API std::string boolean_term(std::string_view prefix, std::string_view value);

/// The unique-id term "Q<id>" of @p article (bounded_term applied).
XAPIAN_ARABIC_API std::string unique_term(const NewsArticle& article);

/// The canonical key of a source: its alias-table key, else its name normalized
/// by @p analyzer with each run of spaces as "-" ("skynews" stays "skynews").
XAPIAN_ARABIC_API std::string source_key(const ExtractedSource& source, const Analyzer& analyzer);

/// A 64-bit hash of @p bytes (MurmurHash64A; stable across runs and little-endian machines).
XAPIAN_ARABIC_API std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed = 0);

/// 16 lower-case hex digits of @p hash.
XAPIAN_ARABIC_API std::string hex64(std::uint64_t hash);

/// "YYYYMMDD" of an ISO 8601 date with a day ("2024-11-21", "2024-11-21T10:00+03:00"); nullopt otherwise.
XAPIAN_ARABIC_API std::optional<std::string> yyyymmdd(std::string_view iso_date);

/// Days since 1970-01-01 of a "YYYYMMDD" day (proleptic Gregorian).
XAPIAN_ARABIC_API long days_since_epoch(std::string_view yyyymmdd);

/// The indexed document of @p article. @p analyzer makes the text terms.
XAPIAN_ARABIC_API Xapian::Document make_news_document(const NewsArticle& article, const Analyzer& analyzer,
                                                      const NewsDocumentOptions& options);

/// Number of bytes of body text kept in the "sample" data field.
inline constexpr std::size_t kSampleBytes = 300;

}  // namespace xapian_arabic
