/** @file
 *  @brief One object that turns text into index terms and query strings into
 *  queries with the same normalizer, stemmer and stopper.
 *
 *  Xapian has no normalization hook, so text is normalized here before terms
 *  are made, and queries are normalized before QueryParser sees them; the
 *  stemmer and stopper handed to QueryParser are the same ones used at index
 *  time. Index and query therefore cannot disagree.
 *
 *  Terms follow one of two layouts (IndexLayout, [index] layout), each one of Xapian's
 *  TermGenerator's, so plain Xapian tools and bindings can search them:
 *   - stems (the default; TermGenerator's STEM_ALL_Z): one term per word with its
 *     position, "Z" + prefix + the stem, or + the normalized word for words that have
 *     none (numbers, stopwords). Phrases match on stems.
 *   - words (STEM_SOME with STOP_STEMMED): every word as a normalized term with its
 *     position (stopwords too, so phrases work), and for words starting with a letter
 *     that are not stopwords, "Z" + prefix + stem with no position.
 *  make_query_parser() parses queries into the terms of the layout.
 *
 *  write_metadata() stores the settings in the database: their fingerprint
 *  (table contents included) under kMetadataKey and the settings themselves,
 *  as the TOML of [normalization], [stemming] and [stopwords], under
 *  kSettingsMetadataKey. stored_settings() reads them back, so a search needs
 *  no config to match the index; check_compatible() refuses an index built
 *  with other settings and names the keys that differ. The layout is stored under
 *  kLayoutMetadataKey (an index without it is laid out as IndexLayout::words) and
 *  read back by stored_layout(); check_compatible() refuses an index of the other layout.
 *
 *  Thread safety: holds a Xapian::Stem, so use one Analyzer per thread.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analysis_settings.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/index_settings.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace xapian_arabic {

class SurfaceSynonyms;
class TokenStream;

/// Thrown when an index was built with different analysis settings.
class XAPIAN_ARABIC_API IncompatibleIndexError : public Error {
 public:
  using Error::Error;
};

/// One term the analyzer makes from a word of the text.
struct AnalyzedTerm {
  std::string term;  ///< normalized word (indexed with its position)
  std::string stem;  ///< stem, empty for stopwords and numbers
  Xapian::termpos position = 0;
  bool stopword = false;
  std::size_t begin = 0, end = 0;  ///< byte span of the word in the original text
};

class XAPIAN_ARABIC_API Analyzer {
 public:
  static constexpr const char* kMetadataKey = "xapian-arabic.analysis";
  static constexpr const char* kSettingsMetadataKey = "xapian-arabic.settings";
  /// The index's IndexLayout, to_string() of it ("stems", "words"); absent before 0.2 (words).
  static constexpr const char* kLayoutMetadataKey = "xapian-arabic.layout";
  static constexpr unsigned kDefaultQueryFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;

  explicit Analyzer(const AnalysisSettings& settings = {}, IndexLayout layout = IndexLayout::stems);
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  /// The terms of @p text with positions from @p start_pos + 1 on.
  std::vector<AnalyzedTerm> analyze(std::string_view text, Xapian::termpos start_pos = 0) const;

  /// Adds the terms of @p text to @p doc (positions after @p start_pos, each
  /// occurrence adding @p wdf_inc, terms prefixed with @p prefix). Returns the last position used.
  Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, Xapian::termpos start_pos = 0,
                             Xapian::termcount wdf_inc = 1, const std::string& prefix = {}) const;

  /// index_text() that also records in @p synonyms each word as written, for
  /// plain QueryParsers (surface_synonyms.h); @p synonyms may be null.
  Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, Xapian::termpos start_pos,
                             Xapian::termcount wdf_inc, const std::string& prefix, SurfaceSynonyms* synonyms) const;

  /// Records in @p synonyms the words of @p text as written, for terms with @p prefix.
  void add_surface_synonyms(std::string_view text, const std::string& prefix, SurfaceSynonyms& synonyms) const;

  /// The same three, over bytes [begin, end) of a text already in @p stream: the words are
  /// not found again, and their normalized forms are reused when the stream normalized with
  /// these settings' [normalization] (else each word is normalized here). Spans and
  /// positions are those of the text-taking forms on the stream's text.
  std::vector<AnalyzedTerm> analyze(const TokenStream& stream, std::size_t begin, std::size_t end,
                                    Xapian::termpos start_pos = 0) const;
  Xapian::termpos index_text(Xapian::Document& doc, const TokenStream& stream, std::size_t begin, std::size_t end,
                             Xapian::termpos start_pos, Xapian::termcount wdf_inc, const std::string& prefix,
                             SurfaceSynonyms* synonyms = nullptr) const;
  void add_surface_synonyms(const TokenStream& stream, std::size_t begin, std::size_t end, const std::string& prefix,
                            SurfaceSynonyms& synonyms) const;

  /// Adds @p terms (of analyze()) to @p doc as index_text() would: the layout's terms,
  /// each occurrence adding @p wdf_inc, with @p prefix.
  void index_terms(Xapian::Document& doc, const std::vector<AnalyzedTerm>& terms, Xapian::termcount wdf_inc,
                   const std::string& prefix = {}) const;

  /// A QueryParser making this layout's terms with this analyzer's stemmer and stopper: for
  /// words, STEM_SOME with stemmer(); for stems, STEM_ALL with term_stemmer() and the prefix
  /// "Z" for unprefixed terms (add_prefix("", "Z")), so phrases and wildcards are over stems.
  /// Give other fields field_prefix() of their term prefix.
  Xapian::QueryParser make_query_parser() const;

  /// The prefix a QueryParser field needs for text terms made with @p prefix: @p prefix for
  /// words, "Z" + @p prefix for stems.
  std::string field_prefix(std::string_view prefix) const;

  /// The Stem giving a raw word's term in this layout without "Z" and prefix: for stems the
  /// stem, or the normalized word where index_text() makes no stem; for words stemmer(). What
  /// MSet::snippet() needs to highlight the words of the text that matched.
  Xapian::Stem term_stemmer() const;

  IndexLayout layout() const;

  /// Normalizes @p query (keeping the operators AND OR NOT XOR NEAR ADJ) and parses it with @p parser.
  Xapian::Query parse_query(Xapian::QueryParser& parser, std::string_view query, unsigned flags = kDefaultQueryFlags,
                            const std::string& default_prefix = {}) const;

  /// The query string as QueryParser gets it.
  std::string normalize_query(std::string_view query) const;
  std::string normalize(std::string_view text) const;
  /// Stem of a raw word, as index_text() would make it (without the "Z").
  std::string stem(std::string_view word) const;
  /// The stem paired with @p stem as a derived verb and its verbal noun (اعتقل ↔ اعتقال;
  /// LightStemmer::derived_form_partner), empty for none and with other stemmers.
  std::string derived_form_partner(std::string_view stem) const;

  Xapian::Stem stemmer() const;
  const AnalysisSettings& settings() const;

  /// "xapian-arabic <version>;<fingerprint>": what write_metadata() stores under kMetadataKey.
  std::string metadata_value() const;
  /// The settings as the TOML of [normalization], [stemming], [stopwords] (paths made
  /// absolute): what write_metadata() stores under kSettingsMetadataKey.
  std::string settings_toml() const;
  /// Stores metadata_value(), settings_toml() and the layout in @p db (committed with the next commit).
  void write_metadata(Xapian::WritableDatabase& db) const;
  /// Throws IncompatibleIndexError if @p db holds documents analyzed otherwise or laid out
  /// otherwise; the message names each key whose value differs (index and these settings), or
  /// says that the tables changed when only their contents differ.
  void check_compatible(const Xapian::Database& db) const;

  /// The layout of @p db: kLayoutMetadataKey's, IndexLayout::words for an index with documents
  /// and no key (built before 0.2), nullopt for an empty one without it. Throws
  /// IncompatibleIndexError for a layout this version does not know.
  static std::optional<IndexLayout> stored_layout(const Xapian::Database& db);

  /// The settings @p db was built with, read from kSettingsMetadataKey; nullopt for an index
  /// without them (empty, or written by xapian-arabic 0.1.0 before they were stored: only
  /// the fingerprint). Throws IncompatibleIndexError if a table file or folder they name is
  /// gone or no longer has the contents the index was built with.
  static std::optional<AnalysisSettings> stored_settings(const Xapian::Database& db);

 private:
  void check_layout(const Xapian::Database& db) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The library version, "MAJOR.MINOR.PATCH".
XAPIAN_ARABIC_API const char* version();

}  // namespace xapian_arabic
