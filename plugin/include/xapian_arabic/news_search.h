/** @file
 *  @brief Searching a news index: query syntax, filters, ranking and snippets.
 *
 *  The query string goes through the Analyzer (same normalization, stemming and
 *  stopwords as the documents) and Xapian's QueryParser, with these fields,
 *  each in English and Arabic:
 *
 *    title:  / عنوان:   words of the title (prefix S)
 *    source: / مصدر:    boolean filter on the credited source (XSOURCE), matching
 *                       every alias of an agency: source:سانا = source:SANA
 *    agency: / وكالة:   boolean filter on any agency cited (XAGENCY)
 *    city:   / مدينة:   words of the dateline city (prefix XC)
 *    date:   / تاريخ:   publication date filter on value slot 0: 2024-11-05,
 *                       2024-11, 2024, نوفمبر 2024, and ranges A..B, A.., ..B
 *                       (any digits: ٢٠٢٤-١١-٠١ works)
 *
 *  plus phrases, AND/OR/NOT and brackets. Ranking is the Xapian weighting scheme of
 *  [search] weighting (DPHWeight by default, or BM25Weight with the [bm25] parameters),
 *  optionally plus a recency boost on value slot 2.
 *
 *  Many databases: give the shards open_shards() opened (folders, stub files and
 *  folders, remote shards); results are merged by Xapian as from one database.
 *  Every shard's analysis settings are checked and the odd one is named; a shard
 *  that is down or stops answering (RemoteTimeouts) is a ShardError naming it.
 *
 *  Thread safety: a NewsSearch holds a Xapian::Database and an Analyzer; use
 *  one per thread.
 */
#pragma once

#include <xapian.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/civil_date.h>
#include <xapian_arabic/config.h>
#include <xapian_arabic/error.h>
#include <xapian_arabic/export.h>
#include <xapian_arabic/search_shards.h>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xapian_arabic {

/// A query or option the search cannot use (bad date, unknown syntax).
class XAPIAN_ARABIC_API SearchError : public Error {
 public:
  using Error::Error;
};

/// Maps a source name or alias to the canonical source keys it stands for
/// (e.g. "سانا" → {"sana"}); empty when the name is unknown.
using SourceResolver = std::function<std::vector<std::string>(std::string_view name)>;

enum class SortOrder { relevance, date };

/// An inclusive range of publication days as "YYYYMMDD" strings; empty = open end.
struct DateRange {
  std::string from, to;
};

/// Parses a date or date range as the date: field and --from/--to take it, with the date
/// extractor's grammar (DateExtractor::read, docs/dates.md): "2024-11-05", "20241105", "2024-11",
/// "2024", "نوفمبر 2024", "16/07/2018", "16 يوليو 2018", "رمضان 1439", "1439هـ", "أمس",
/// "الأسبوع الماضي", and "A..B", "A..", "..B". A month or year covers all its days, a relative
/// date is taken from today (the machine's local day). A bare 1300–1500 is refused (Hijri or
/// Gregorian? write 1439هـ or 1439م). Throws SearchError naming the part not understood.
XAPIAN_ARABIC_API DateRange parse_date_range(std::string_view text);
/// parse_date_range() with the tables of @p dates_tables_dir (config [dates] tables_dir; empty:
/// built-in), as NewsSearch reads date: with its config.
/// Throws SearchError, or TableError for a malformed table.
XAPIAN_ARABIC_API DateRange parse_date_range(std::string_view text, const std::string& dates_tables_dir);
/// The same with relative dates (أمس, الأسبوع الماضي, 16 يوليو) taken from @p today.
XAPIAN_ARABIC_API DateRange parse_date_range(std::string_view text, const std::string& dates_tables_dir,
                                             CivilDate today);

struct SearchRequest {
  std::string query;
  std::size_t offset = 0;  ///< results to skip; over 2^32-1 (Xapian's doccount) is a SearchError
  std::size_t limit = 10;  ///< results to return; over 2^32-1 is a SearchError
  std::string from, to;    ///< publication dates (any form parse_date_range takes); empty = open
  /// The day relative dates in from, to and date: are taken from (أمس, الأسبوع الماضي); empty:
  /// the machine's local day.
  std::optional<CivilDate> today;
  std::vector<std::string> sources;  ///< source names or aliases; a document matches if it has any
  SortOrder sort = SortOrder::relevance;
};

/// One result. Fields come from the document data written by the indexer.
struct SearchHit {
  Xapian::docid docid = 0;
  double score = 0;
  int percent = 0;
  std::string id, url, path, title, published, source;
  /// The snippet of the original text; matched words are between the markers
  /// NewsSearch::kHighlightStart and kHighlightEnd.
  std::string snippet;
  std::map<std::string, std::string> data;  ///< every field of the document data
};

struct SearchResults {
  Xapian::doccount estimated = 0;  ///< estimated number of matching documents
  std::vector<SearchHit> hits;
  std::string query_description;  ///< Xapian's description of the query run
};

/// The config to search @p db with when none is given: @p base with the analysis settings
/// stored in the index (Analyzer::stored_settings), or @p base as it is for an index that has
/// only their fingerprint (built by 0.1.0; NewsSearch then checks it as before).
/// Throws IncompatibleIndexError if a table the stored settings name is gone or changed.
XAPIAN_ARABIC_API Config index_config(const Xapian::Database& db, Config base = Config::defaults());
/// The same for several shards: the settings of the first shard that stores them (an empty
/// shard stores none). NewsSearch then checks every shard against them.
XAPIAN_ARABIC_API Config index_config(const std::vector<Shard>& shards, Config base = Config::defaults());

class XAPIAN_ARABIC_API NewsSearch {
 public:
  /// Marks around matched words in SearchHit::snippet (control characters never found in text).
  static constexpr const char* kHighlightStart = "\x01";
  static constexpr const char* kHighlightEnd = "\x02";

  /// Searches @p db with @p config. Throws IncompatibleIndexError if the index
  /// was built with other analysis settings. @p resolve_source maps source:
  /// values and SearchRequest::sources to keys; by default the alias table of
  /// the config's [sources] (loaded on the first source filter), so "سانا"
  /// finds what "SANA" finds. A name no alias matches is its own key (normalized). date:
  /// month names are those of the config's [dates] tables_dir (TableError if malformed).
  NewsSearch(Xapian::Database db, const Config& config, SourceResolver resolve_source = {});
  /// Searches @p db with the analysis settings stored in it and the defaults for the rest
  /// (index_config()), so no config is needed to match how the index was built.
  explicit NewsSearch(Xapian::Database db, SourceResolver resolve_source = {});
  /// Searches the shards open_shards() opened, as one database. Throws IncompatibleIndexError
  /// naming the first shard whose analysis settings differ from @p config's.
  NewsSearch(std::vector<Shard> shards, const Config& config, SourceResolver resolve_source = {});
  /// The shards with the analysis settings stored in them (index_config() of the shards): a
  /// shard built otherwise than the first that stores settings is an IncompatibleIndexError
  /// naming both.
  explicit NewsSearch(std::vector<Shard> shards, SourceResolver resolve_source = {});
  ~NewsSearch();
  NewsSearch(NewsSearch&&) noexcept;
  NewsSearch& operator=(NewsSearch&&) noexcept;

  /// The Xapian query for @p query_string (no --from/--to/--source filters).
  /// Throws SearchError on a malformed query or date.
  Xapian::Query parse(std::string_view query_string) const;

  /// The full query of @p request: parsed text, filters and recency boost.
  Xapian::Query build_query(const SearchRequest& request) const;

  /// Throws SearchError on a bad query, ShardError naming a shard that is down, did not
  /// answer within its RemoteTimeouts, or went away during the search.
  SearchResults search(const SearchRequest& request) const;

  const Xapian::Database& database() const;
  /// The shards searched, in order (one, named "the index", for the Xapian::Database constructors).
  const std::vector<Shard>& shards() const;

  /// Weight of the exact-form boost: the query parsed again without stemming is added
  /// with OP_AND_MAYBE, scaled by @p weight (0 = off). It never changes which
  /// documents match, only their order; docs/evaluation.md measures it.
  /// Overrides [search] exact_form_weight of the config.
  void set_exact_form_weight(double weight);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xapian_arabic
