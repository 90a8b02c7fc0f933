/** @file
 *  @brief NewsSearch: query fields, date and source filters, BM25, recency, snippets.
 *
 *  Over 400 lines because one request's path (parse, filters, weighting, the reopen-and-retry
 *  on a database that changes under it, snippets) reads as one sequence; the query fields, the
 *  document data and the shards have files of their own.
 */
#include <xapian_arabic/arabic_stopper.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_search.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/source_extractor.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <optional>
#include <unordered_map>

#include "search/document_data.h"
#include "search/query_fields.h"
#include "search/quoted_phrases.h"
#include "search/shard_call.h"
#include "search/weighting.h"
#include "xapian/derived_form_synonyms.h"
#include "xapian/name_synonyms.h"
#include "xapian/term_synonyms.h"

namespace xapian_arabic {

namespace {

/// Xapian escapes snippet text for HTML; undo it, the caller chooses the output format.
std::string html_unescape(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, char>, 4> entities = {
      {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [entity, c] : entities) {
        if (s.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

}  // namespace

Config index_config(const Xapian::Database& db, Config base) {
  if (auto stored = Analyzer::stored_settings(db)) base.analysis = std::move(*stored);
  if (auto layout = Analyzer::stored_layout(db)) base.index.layout = *layout;
  return base;
}

namespace {

/// The first of @p shards that stores its analysis settings (index_config() takes them), or null.
const Shard* settings_shard(const std::vector<Shard>& shards) {
  for (const Shard& shard : shards)
    if (!shard_call(shards, [&] { return shard.db.get_metadata(Analyzer::kSettingsMetadataKey); }).empty())
      return &shard;
  return nullptr;
}

/// The layout of the first of @p shards that has one (Analyzer::stored_layout), else
/// @p otherwise: search always reads it from the index, whatever the config says.
IndexLayout index_layout(const std::vector<Shard>& shards, IndexLayout otherwise) {
  for (const Shard& shard : shards) {
    std::optional<IndexLayout> stored;
    try {
      stored = shard_call(shards, [&] { return Analyzer::stored_layout(shard.db); });
    } catch (const IncompatibleIndexError& e) {
      if (shards.size() == 1) throw;
      throw IncompatibleIndexError("shard " + shard.name + ": " + e.what());
    }
    if (stored) return *stored;
  }
  return otherwise;
}

}  // namespace

Config index_config(const std::vector<Shard>& shards, Config base) {
  for (const Shard& shard : shards) {
    std::optional<AnalysisSettings> stored;
    try {
      stored = shard_call(shards, [&] { return Analyzer::stored_settings(shard.db); });
    } catch (const IncompatibleIndexError& e) {
      if (shards.size() == 1) throw;
      throw IncompatibleIndexError("shard " + shard.name + ": " + e.what());
    }
    if (stored) {
      base.analysis = std::move(*stored);
      break;
    }
  }
  base.index.layout = index_layout(shards, base.index.layout);
  return base;
}

/// The query syntax of NewsSearch: Xapian's default, pure NOT, and trailing wildcards.
constexpr unsigned kQueryFlags = Analyzer::kDefaultQueryFlags | Xapian::QueryParser::FLAG_WILDCARD;

struct XAPIAN_ARABIC_LOCAL NewsSearch::Impl {
  /// The results of @p query on the database as it is now.
  SearchResults run(const Xapian::Query& query, const SearchRequest& request);
  /// The MSet whose snippet() highlights the words of @p query that @p mset matched.
  Xapian::MSet snippet_mset(const Xapian::MSet& mset, const Xapian::Query& query) const;

  /// @p settings_from: the shard the config's analysis settings were taken from, if any.
  Impl(std::vector<Shard> shard_list, Xapian::Database database, const Config& cfg, SourceResolver resolve,
       std::string settings_from = {})
      : settings_from_(std::move(settings_from)),
        shards(std::move(shard_list)),
        db(std::move(database)),
        config(cfg),
        analyzer(cfg.analysis, index_layout(shards, cfg.index.layout)),
        parser(analyzer.make_query_parser()) {
    if (!resolve) resolve = alias_table_resolver(cfg.extraction);
    check_shards();
    parser.set_database(db);
    parser.set_default_op(Xapian::Query::OP_OR);
    // بوتي* expands over the index's normalized words (the query is normalized first, so
    // الرئاسة* is الرئاسه*), bounded: the most frequent ones, so ال* stays a fast query.
    parser.set_max_expansion(cfg.search.wildcard_limit, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                             Xapian::QueryParser::FLAG_WILDCARD);
    // The query is normalized before parsing, so field names are looked up normalized.
    const auto field = [&](std::string_view english, std::string_view arabic) {
      return std::array<std::string, 2>{std::string(english), analyzer.normalize(arabic)};
    };
    for (const auto& name : field("title", "عنوان"))
      parser.add_prefix(name, analyzer.field_prefix(schema::kTitlePrefix));
    // release(): the parser owns the processors through Xapian's reference count.
    // One filter group per field, so "source:" and "مصدر:" OR together and AND with "date:".
    static const std::string source_group = "source", agency_group = "agency", city_group = "city", date_group = "date";
    Xapian::FieldProcessor* source_fp = (new SourceFieldProcessor(resolve, schema::kSourcePrefix))->release();
    Xapian::FieldProcessor* agency_fp = (new SourceFieldProcessor(resolve, schema::kAgencyPrefix))->release();
    date_processor = new DateFieldProcessor(grammar);
    Xapian::FieldProcessor* date_fp = date_processor->release();
    for (const auto& name : field("source", "مصدر")) parser.add_boolean_prefix(name, source_fp, &source_group);
    for (const auto& name : field("agency", "وكالة")) parser.add_boolean_prefix(name, agency_fp, &agency_group);
    // city: is the dateline city's filter, by any of its names (city:Dubai = مدينة:دبي).
    Xapian::FieldProcessor* city_fp =
        (new CityFieldProcessor(city_resolver(cfg.extraction, cfg.synonyms, cfg.analysis.normalization)))->release();
    for (const auto& name : field("city", "مدينة")) parser.add_boolean_prefix(name, city_fp, &city_group);
    date_fields = {"date", analyzer.normalize("تاريخ")};
    for (const auto& name : date_fields) parser.add_boolean_prefix(name, date_fp, &date_group);
    resolver = std::move(resolve);
    if (cfg.synonyms.names) names.emplace(cfg.synonyms, analyzer);
  }

  Xapian::Query parse(std::string_view query_string, CivilDate today) {
    const std::string normalized =
        quote_field_dates(analyzer.normalize_query(query_string), date_fields, *grammar, today);
    try {
      date_processor->error.clear();
      date_processor->today = today;
      Xapian::Query stemmed = parser.parse_query(normalized, kQueryFlags);
      if (!date_processor->error.empty()) throw SearchError(date_processor->error);
      // Before the names: a phrase's words, once they are clauses, get their spellings too.
      if (!config.search.strict_phrases) stemmed = rank_quoted_phrases(stemmed, config.search.phrase_boost);
      // One pass, so that a term gets its name spellings and its verbal noun both (ترمب is ترامب
      // too; تعتقل finds الاعتقال); the exact-form boost keeps the words as written.
      stemmed = expand_term_synonyms(stemmed, [this](const std::string& term) {
        std::vector<std::string> synonyms = names ? names->others(term) : std::vector<std::string>{};
        if (config.synonyms.derived_forms)
          if (std::string partner = derived_form_partner_term(term, analyzer); !partner.empty())
            synonyms.push_back(std::move(partner));
        return synonyms;
      });
      // A stems index has no terms of the words as written to boost (docs/evaluation.md).
      if (exact_form_weight <= 0 || stemmed.empty() || analyzer.layout() == IndexLayout::stems) return stemmed;
      // The words of the query as written, as an optional extra: it matches nothing
      // new (AND_MAYBE), it ranks articles that have the words as written higher. Only
      // content words, and no phrase checks (the extra is an OR of the words): function
      // words and positions would cost a posting-list walk over most of the archive and
      // add nothing to the order. Parsed with the same syntax as the query, so the words
      // of a quoted field (title:"قمة هلسنكي") stay prefixed and are left out with the
      // field, instead of the field's name and words becoming unprefixed words.
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
      const Xapian::Query as_written = parser.parse_query(normalized, kQueryFlags);
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      std::vector<Xapian::Query> words;
      for (auto t = as_written.get_unique_terms_begin(); t != as_written.get_unique_terms_end(); ++t) {
        const std::string& term = *t;
        const bool prefixed = !term.empty() && term[0] >= 'A' && term[0] <= 'Z';  // fields and filters
        if (!term.empty() && !prefixed && !function_words.is_stopword_normalized(term)) words.emplace_back(term);
      }
      if (words.empty()) return stemmed;
      const Xapian::Query exact(Xapian::Query::OP_OR, words.begin(), words.end());
      return Xapian::Query(Xapian::Query::OP_AND_MAYBE, stemmed,
                           Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, exact_form_weight));
    } catch (const Xapian::QueryParserError& e) {
      if (analyzer.layout() == IndexLayout::words) parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      throw SearchError("cannot parse query '" + std::string(query_string) + "': " + e.get_msg());
    }
  }

  /// Every shard against the analysis settings searched with (Xapian's metadata of a
  /// combined database is the first shard's only): the odd shard is named.
  void check_shards() const {
    for (const Shard& shard : shards) {
      try {
        shard_call(shards, [&] { analyzer.check_compatible(shard.db); });
      } catch (const IncompatibleIndexError& e) {
        if (shards.size() == 1) throw;
        const std::string here = settings_from_.empty()
                                     ? std::string("the config given")
                                     : "those of shard " + settings_from_ + ", the first that stores them";
        throw IncompatibleIndexError("shard " + shard.name + ": " + e.what() + " (" + std::to_string(shards.size()) +
                                     " shards searched together; \"here\" is " + here + ")");
      }
    }
  }

  std::string settings_from_;
  std::vector<Shard> shards;
  Xapian::Database db;
  Config config;
  Analyzer analyzer;
  Xapian::QueryParser parser;
  std::vector<std::string> date_fields;
  std::shared_ptr<const LazyDateGrammar> grammar =  // of date:, --from, --to
      std::make_shared<const LazyDateGrammar>(config.extraction);
  SourceResolver resolver;
  double exact_form_weight = config.search.exact_form_weight;
  const std::unique_ptr<const Xapian::Weight> weight = make_weight(config.search, config.bm25);  // cloned per query
  ArabicStopper function_words{config.analysis};  // left out of the exact-form boost
  DateFieldProcessor* date_processor = nullptr;   // owned by parser (reference counted)
  std::optional<NameSynonyms> names;              // [synonyms] names
};

constexpr int kSearchAttempts = 3;

namespace {

bool has_phrase(const Xapian::Query& query) {
  const auto op = query.get_type();
  if (op == Xapian::Query::OP_PHRASE) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
    if (has_phrase(query.get_subquery(i))) return true;
  return false;
}

}  // namespace

Xapian::MSet NewsSearch::Impl::snippet_mset(const Xapian::MSet& mset, const Xapian::Query& query) const {
  // MSet::snippet() highlights a phrase where the text's words are the phrase's terms, and its
  // words nowhere else; a stems index's phrases are of "Z" terms, never the text's words. An
  // MSet of the query's terms alone (phrases undone) highlights each of their words instead.
  if (analyzer.layout() != IndexLayout::stems || !has_phrase(query)) return mset;
  Xapian::Enquire terms(db);
  terms.set_query(Xapian::Query(Xapian::Query::OP_OR, query.get_unique_terms_begin(), query.get_unique_terms_end()));
  return terms.get_mset(0, 0);
}

SearchResults NewsSearch::Impl::run(const Xapian::Query& query, const SearchRequest& request) {
  SearchResults results;
  results.query_description = query.get_description();
  if (query.empty()) return results;
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(*weight);
  // Equal scores are common (filters alone score 0, short queries on short articles). Xapian
  // breaks such ties by docid, which depends on how the index was written (parallel writers'
  // timing, merges, shards interleaving their docids), so break them on the article's content
  // hash instead: the same articles give the same order from one database or from any shards.
  if (request.sort == SortOrder::date)
    enquire.set_sort_by_value_then_relevance(schema::kPublishedDaysSlot, true);
  else
    enquire.set_sort_by_relevance_then_value(schema::kContentHashSlot, false);
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit));
  results.estimated = mset.get_matches_estimated();
  const Xapian::Stem stemmer = analyzer.term_stemmer();
  const Xapian::MSet snippet_terms = snippet_mset(mset, query);
  const std::size_t snippet_length = config.search.snippet_length;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    SearchHit hit;
    hit.docid = *it;
    hit.score = it.get_weight();
    hit.percent = it.get_percent();
    const Xapian::Document doc = it.get_document();
    hit.data = parse_document_data(doc.get_data());
    const auto get = [&](const char* name) {
      const auto f = hit.data.find(name);
      return f == hit.data.end() ? std::string() : f->second;
    };
    hit.id = get("id");
    hit.url = get("url");
    hit.path = get("path");
    hit.title = get("title");
    if (hit.title.empty()) hit.title = get("caption");
    hit.published = get("published");
    if (hit.published.empty()) {
      const std::string ymd = doc.get_value(schema::kPublishedSlot);
      if (ymd.size() == 8) hit.published = ymd.substr(0, 4) + "-" + ymd.substr(4, 2) + "-" + ymd.substr(6, 2);
    }
    hit.source = get("source");
    std::string text = get("text");
    if (text.empty()) text = get("sample");
    // No SNIPPET_BACKGROUND_MODEL: it looks up the frequency of every word of the text in
    // the index, 3/4 of the snippet time; without it, snippets highlight a query word more
    // often (99.5% against 96.8% of news-bench top-10 hits; docs/evaluation.md).
    hit.snippet =
        html_unescape(snippet_terms.snippet(text, snippet_length, stemmer, 0, kHighlightStart, kHighlightEnd, "…"));
    results.hits.push_back(std::move(hit));
  }
  return results;
}

namespace {

Xapian::Database combined(const std::vector<Shard>& shards) {
  Xapian::Database db;
  for (const Shard& shard : shards) db.add_database(shard.db);
  return db;
}

}  // namespace

NewsSearch::NewsSearch(Xapian::Database db, const Config& config, SourceResolver resolve_source)
    : impl_(std::make_unique<Impl>(split_shards(db, "the index"), db, config, std::move(resolve_source))) {}
NewsSearch::NewsSearch(Xapian::Database db, SourceResolver resolve_source) {
  std::vector<Shard> shards = split_shards(db, "the index");
  const Shard* from = settings_shard(shards);
  const Config config = index_config(shards);
  impl_ = std::make_unique<Impl>(std::move(shards), std::move(db), config, std::move(resolve_source),
                                 from ? from->name : std::string());
}
NewsSearch::NewsSearch(std::vector<Shard> shards, const Config& config, SourceResolver resolve_source) {
  Xapian::Database db = combined(shards);
  impl_ = std::make_unique<Impl>(std::move(shards), std::move(db), config, std::move(resolve_source));
}
NewsSearch::NewsSearch(std::vector<Shard> shards, SourceResolver resolve_source) {
  Xapian::Database db = combined(shards);
  const Shard* from = settings_shard(shards);
  const Config config = index_config(shards);
  std::string from_name = from ? from->name : std::string();
  impl_ =
      std::make_unique<Impl>(std::move(shards), std::move(db), config, std::move(resolve_source), std::move(from_name));
}
NewsSearch::~NewsSearch() = default;
NewsSearch::NewsSearch(NewsSearch&&) noexcept = default;
NewsSearch& NewsSearch::operator=(NewsSearch&&) noexcept = default;

const Xapian::Database& NewsSearch::database() const {
  return impl_->db;
}

const std::vector<Shard>& NewsSearch::shards() const {
  return impl_->shards;
}

void NewsSearch::set_exact_form_weight(double weight) {
  impl_->exact_form_weight = weight;
}

Xapian::Query NewsSearch::parse(std::string_view query_string) const {
  return impl_->parse(query_string, local_today());
}

Xapian::Query NewsSearch::build_query(const SearchRequest& request) const {
  const CivilDate today = request.today ? *request.today : local_today();
  Xapian::Query query = impl_->parse(request.query, today);
  std::vector<Xapian::Query> filters;
  if (!request.from.empty() || !request.to.empty()) {
    DateRange range;
    if (!request.from.empty()) range.from = parse_date_range(request.from, impl_->grammar->get(), today).from;
    if (!request.to.empty()) {
      const DateRange to = parse_date_range(request.to, impl_->grammar->get(), today);
      range.to = to.to.empty() ? to.from : to.to;
    }
    if (!range.from.empty() && !range.to.empty() && range.from > range.to)
      throw SearchError("--from " + request.from + " is after --to " + request.to);
    filters.push_back(date_filter(range));
  }
  if (!request.sources.empty()) {
    SourceFieldProcessor source(impl_->resolver, schema::kSourcePrefix);
    std::vector<Xapian::Query> any;
    for (const auto& name : request.sources) {
      const std::string normalized = impl_->analyzer.normalize(name);
      // A name the alias table does not know still matches an outlet the indexer keyed by its
      // name; one that neither knows would silently give no results, so it is an error.
      if (impl_->resolver && impl_->resolver(normalized).empty()) {
        std::string key = collapse_spaces(normalized);
        std::replace(key.begin(), key.end(), ' ', '-');
        if (!impl_->db.term_exists(schema::kSourcePrefix + key))
          throw SearchError("--source '" + name +
                            "': unknown source (not in the alias table of [sources] aliases_file, and no "
                            "article of the index has it as its source)");
      }
      any.push_back(source(normalized));
    }
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  if (query.empty()) {
    // Filters alone list everything they match (newest first with --sort date).
    if (filters.empty()) return query;
    query = Xapian::Query::MatchAll;
  }
  for (const auto& f : filters) query = Xapian::Query(Xapian::Query::OP_FILTER, query, f);
  const RecencySettings& recency = impl_->config.recency;
  if (recency.enabled && recency.weight > 0) {
    // Linear in the publication day: the newest article gets `weight` more than one
    // 2 * half_life_days older. ValueWeightPostingSource is built in and serialisable,
    // so this works against remote databases too (see docs/search.md on why not the
    // Decreasing variant).
    Xapian::Query boost((new Xapian::ValueWeightPostingSource(schema::kPublishedDaysSlot))->release());
    boost = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, boost, recency.weight / (2 * recency.half_life_days));
    query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boost);
  }
  return query;
}

SearchResults NewsSearch::search(const SearchRequest& request) const {
  // Xapian pages with 32-bit counts: a larger offset or limit would wrap to another page.
  constexpr std::size_t max_count = std::numeric_limits<Xapian::doccount>::max();
  if (request.offset > max_count)
    throw SearchError("offset " + std::to_string(request.offset) + " is over " + std::to_string(max_count) +
                      ", the most documents an index holds");
  if (request.limit > max_count)
    throw SearchError("limit " + std::to_string(request.limit) + " is over " + std::to_string(max_count) +
                      ", the most documents an index holds");
  // An indexer's commit, or a parallel merge exchanging folders, can change the database under
  // an open reader: Xapian then throws DatabaseModifiedError, or DatabaseCorruptError when its
  // tables were opened on both sides of the exchange. Reopened, it reads one whole revision.
  for (int attempt = 1;; ++attempt) {
    try {
      return shard_call(impl_->shards, [&] { return impl_->run(build_query(request), request); });
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kSearchAttempts) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt == kSearchAttempts) throw;
    }
    impl_->db.reopen();
  }
}

}  // namespace xapian_arabic
