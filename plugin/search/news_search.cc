/** @file
 *  @brief NewsSearch: query fields, date and source filters, BM25, recency, snippets.
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
#include <unordered_map>

#include "search/document_data.h"
#include "tables/data_files.h"

namespace xapian_arabic {

namespace {

/// A data line "name=value" starts a field when name is a lower-case ASCII word (Omega's field names).
bool is_field_name(std::string_view name) {
  return !name.empty() &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

/// Month names of config/dates/months.tsv, normalized, → month number.
const std::unordered_map<std::string, int>& month_names() {
  static const std::unordered_map<std::string, int> months = [] {
    std::unordered_map<std::string, int> m;
    const Normalizer normalizer;
    const std::string table = read_table("dates/months.tsv");
    for (std::string_view line : table_lines(table)) {
      const auto fields = split_fields(line);
      if (fields.size() < 2 || !is_digits(fields[1])) continue;
      m.emplace(collapse_spaces(normalizer.normalize(fields[0])), to_int(fields[1]));
    }
    return m;
  }();
  return months;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::string two_digits(int v) {
  return std::string(1, char('0' + v / 10)) + char('0' + v % 10);
}

/// One end of a date range at the precision written; first/last day as YYYYMMDD.
struct DateBounds {
  std::string first, last;
};

DateBounds parse_date(std::string_view raw, std::string_view whole) {
  const std::string text = collapse_spaces(raw);
  const auto bad = [&](const std::string& why) {
    return SearchError("bad date '" + std::string(whole) + "': " + why +
                       " (use 2024-11-05, 2024-11, 2024, نوفمبر 2024 or FROM..TO)");
  };
  int year = 0, month = 0, day = 0;
  std::vector<std::string_view> parts;
  std::string_view rest = text;
  const bool numeric = !text.empty() && text[0] >= '0' && text[0] <= '9';
  if (numeric && is_digits(text) && text.size() == 8) {
    parts = {rest.substr(0, 4), rest.substr(4, 2), rest.substr(6, 2)};
  } else if (numeric) {
    while (true) {
      const auto sep = rest.find_first_of("-/");
      parts.push_back(rest.substr(0, sep));
      if (sep == std::string_view::npos) break;
      rest.remove_prefix(sep + 1);
    }
  } else {
    // "نوفمبر 2024", "كانون الثاني 2024", "November 2024"
    const auto space = text.rfind(' ');
    if (space == std::string::npos) throw bad("a month name needs a year");
    const auto found = month_names().find(text.substr(0, space));
    if (found == month_names().end()) throw bad("unknown month '" + text.substr(0, space) + "'");
    parts = {std::string_view(text).substr(space + 1)};
    month = found->second;
  }
  if (parts.empty() || parts.size() > 3) throw bad("expected YEAR[-MONTH[-DAY]]");
  for (auto p : parts)
    if (!is_digits(p) || p.size() > 4) throw bad("'" + std::string(p) + "' is not a number");
  if (parts[0].size() != 4) throw bad("the year needs 4 digits");
  year = to_int(parts[0]);
  if (parts.size() > 1) month = to_int(parts[1]);
  if (parts.size() > 2) day = to_int(parts[2]);
  if (month < 0 || month > 12 || (parts.size() > 1 && month == 0)) throw bad("no month " + std::to_string(month));
  if (day < 0 || (day > 0 && day > days_in_month(year, month)) || (parts.size() > 2 && day == 0))
    throw bad("no day " + std::to_string(day) + " in that month");
  const std::string y = std::to_string(year);
  if (month == 0) return {y + "0101", y + "1231"};
  if (day == 0) return {y + two_digits(month) + "01", y + two_digits(month) + two_digits(days_in_month(year, month))};
  const std::string d = y + two_digits(month) + two_digits(day);
  return {d, d};
}

/// source: and agency: values → boolean terms of every matching canonical key.
class SourceFieldProcessor : public Xapian::FieldProcessor {
 public:
  SourceFieldProcessor(SourceResolver resolve, std::string prefix)
      : resolve_(std::move(resolve)), prefix_(std::move(prefix)) {}
  Xapian::Query operator()(const std::string& value) override {
    std::vector<std::string> keys;
    if (resolve_) keys = resolve_(value);
    if (keys.empty()) {
      // Unknown name: the indexer keys it by its normalized text with "-" for spaces.
      std::string key = collapse_spaces(value);
      std::replace(key.begin(), key.end(), ' ', '-');
      keys.push_back(std::move(key));
    }
    std::vector<Xapian::Query> terms;
    for (const auto& key : keys) terms.emplace_back(prefix_ + key);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }

 private:
  SourceResolver resolve_;
  std::string prefix_;
};

Xapian::Query date_filter(const DateRange& range) {
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kPublishedSlot,
                       range.from.empty() ? std::string("0") : range.from,
                       range.to.empty() ? std::string("99999999") : range.to);
}

/// date: fields. A bad date must not throw through QueryParser (Xapian 1.4 leaks its
/// parser state when a FieldProcessor throws): the error is kept and raised after parsing.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    try {
      return date_filter(parse_date_range(value));
    } catch (const SearchError& e) {
      if (error.empty()) error = e.what();
      return Xapian::Query::MatchNothing;
    }
  }
  std::string error;  ///< the first bad date of the query being parsed
};

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

/// Wraps "date: MONTH YEAR" (unquoted, as people type it) in quotes so the field gets both words.
std::string quote_month_dates(const std::string& query, const std::vector<std::string>& date_fields) {
  std::string out;
  std::size_t pos = 0;
  while (pos < query.size()) {
    std::size_t best = std::string::npos, field_len = 0;
    for (const auto& f : date_fields) {
      const std::string tag = f + ":";
      for (auto at = query.find(tag, pos); at != std::string::npos; at = query.find(tag, at + 1)) {
        if (at == 0 || query[at - 1] == ' ' || query[at - 1] == '(') {
          if (at < best) best = at, field_len = tag.size();
          break;
        }
      }
    }
    if (best == std::string::npos) break;
    const std::size_t value = best + field_len;
    out.append(query, pos, value - pos);
    pos = value;
    if (value >= query.size() || query[value] == '"' || (query[value] >= '0' && query[value] <= '9')) continue;
    // Up to three words of month name, then a 4-digit year.
    std::size_t end = value;
    for (int words = 0; words < 4 && end < query.size(); ++words) {
      const std::size_t word_end = std::min(query.find_first_of(" )", end), query.size());
      const std::string_view word(query.data() + end, word_end - end);
      if (words > 0 && word.size() == 4 && is_digits(word)) {
        if (month_names().count(collapse_spaces(std::string_view(query).substr(value, end - value)))) {
          out += '"';
          out.append(query, value, word_end - value);
          out += '"';
          pos = word_end;
        }
        break;
      }
      if (word_end >= query.size() || query[word_end] != ' ') break;
      end = word_end + 1;
    }
  }
  out.append(query, pos);
  return out;
}

}  // namespace

DateRange parse_date_range(std::string_view text) {
  static const Normalizer normalizer;
  const std::string normalized = normalizer.normalize(text);
  const std::string_view t = trim(normalized);
  if (t.empty()) throw SearchError("empty date");
  const auto dots = t.find("..");
  if (dots == std::string_view::npos) {
    const DateBounds b = parse_date(t, text);
    return {b.first, b.last};
  }
  const std::string_view a = trim(t.substr(0, dots)), z = trim(t.substr(dots + 2));
  if (a.empty() && z.empty()) throw SearchError("bad date range '" + std::string(text) + "': give FROM, TO or both");
  DateRange range;
  if (!a.empty()) range.from = parse_date(a, text).first;
  if (!z.empty()) range.to = parse_date(z, text).last;
  if (!range.from.empty() && !range.to.empty() && range.from > range.to)
    throw SearchError("bad date range '" + std::string(text) + "': it ends before it starts");
  return range;
}

std::map<std::string, std::string> parse_document_data(std::string_view data) {
  std::map<std::string, std::string> fields;
  std::string* current = nullptr;
  while (!data.empty()) {
    const auto nl = data.find('\n');
    const std::string_view line = data.substr(0, nl);
    data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
    const auto eq = line.find('=');
    const std::string_view name = eq == std::string_view::npos ? std::string_view() : line.substr(0, eq);
    if (is_field_name(name)) {
      current = &fields[std::string(name)];
      current->assign(line.substr(eq + 1));
    } else if (current) {
      current->append("\n").append(line);
    }
  }
  return fields;
}

/// The default resolver: the alias table of the config's [sources], so source:سانا
/// finds what source:SANA finds. Loaded on the first source filter only: most queries
/// have none, and loading it is a good part of a one-query process's start.
SourceResolver alias_table_resolver(const ExtractionSettings& settings) {
  auto extractor = std::make_shared<std::unique_ptr<const SourceExtractor>>();
  SourceExtractorOptions options;
  options.aliases_file = settings.aliases_file;
  options.cities_file = settings.cities_file;
  return [extractor, options](std::string_view name) -> std::vector<std::string> {
    if (!*extractor) *extractor = std::make_unique<const SourceExtractor>(options);
    if (const auto entry = (*extractor)->canonical(name)) return {entry->second};
    return {};
  };
}

Config index_config(const Xapian::Database& db, Config base) {
  if (auto stored = Analyzer::stored_settings(db)) base.analysis = std::move(*stored);
  return base;
}

struct XAPIAN_ARABIC_LOCAL NewsSearch::Impl {
  /// The results of @p query on the database as it is now.
  SearchResults run(const Xapian::Query& query, const SearchRequest& request);

  Impl(Xapian::Database database, const Config& cfg, SourceResolver resolve)
      : db(std::move(database)), config(cfg), analyzer(cfg.analysis), parser(analyzer.make_query_parser()) {
    if (!resolve) resolve = alias_table_resolver(cfg.extraction);
    analyzer.check_compatible(db);
    parser.set_database(db);
    parser.set_default_op(Xapian::Query::OP_OR);
    // The query is normalized before parsing, so field names are looked up normalized.
    const auto field = [&](std::string_view english, std::string_view arabic) {
      return std::array<std::string, 2>{std::string(english), analyzer.normalize(arabic)};
    };
    for (const auto& name : field("title", "عنوان")) parser.add_prefix(name, schema::kTitlePrefix);
    for (const auto& name : field("city", "مدينة")) parser.add_prefix(name, schema::kCityTextPrefix);
    // release(): the parser owns the processors through Xapian's reference count.
    // One filter group per field, so "source:" and "مصدر:" OR together and AND with "date:".
    static const std::string source_group = "source", agency_group = "agency", date_group = "date";
    Xapian::FieldProcessor* source_fp = (new SourceFieldProcessor(resolve, schema::kSourcePrefix))->release();
    Xapian::FieldProcessor* agency_fp = (new SourceFieldProcessor(resolve, schema::kAgencyPrefix))->release();
    date_processor = new DateFieldProcessor;
    Xapian::FieldProcessor* date_fp = date_processor->release();
    for (const auto& name : field("source", "مصدر")) parser.add_boolean_prefix(name, source_fp, &source_group);
    for (const auto& name : field("agency", "وكالة")) parser.add_boolean_prefix(name, agency_fp, &agency_group);
    date_fields = {"date", analyzer.normalize("تاريخ")};
    for (const auto& name : date_fields) parser.add_boolean_prefix(name, date_fp, &date_group);
    resolver = std::move(resolve);
  }

  Xapian::Query parse(std::string_view query_string) {
    const std::string normalized = quote_month_dates(analyzer.normalize_query(query_string), date_fields);
    try {
      date_processor->error.clear();
      const Xapian::Query stemmed = parser.parse_query(normalized, Analyzer::kDefaultQueryFlags);
      if (!date_processor->error.empty()) throw SearchError(date_processor->error);
      if (exact_form_weight <= 0 || stemmed.empty()) return stemmed;
      // The words of the query as written, as an optional extra: it matches nothing
      // new (AND_MAYBE), it ranks articles that have the words as written higher. Only
      // content words, and no phrase checks: function words and positions would cost
      // a posting-list walk over most of the archive and add nothing to the order.
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
      const Xapian::Query as_written =
          parser.parse_query(normalized, Analyzer::kDefaultQueryFlags & ~unsigned(Xapian::QueryParser::FLAG_PHRASE));
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
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      throw SearchError("cannot parse query '" + std::string(query_string) + "': " + e.get_msg());
    }
  }

  Xapian::Database db;
  Config config;
  Analyzer analyzer;
  Xapian::QueryParser parser;
  std::vector<std::string> date_fields;
  SourceResolver resolver;
  double exact_form_weight = config.search.exact_form_weight;
  ArabicStopper function_words{config.analysis};  // left out of the exact-form boost
  DateFieldProcessor* date_processor = nullptr;   // owned by parser (reference counted)
};

constexpr int kSearchAttempts = 3;

SearchResults NewsSearch::Impl::run(const Xapian::Query& query, const SearchRequest& request) {
  SearchResults results;
  results.query_description = query.get_description();
  if (query.empty()) return results;
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Bm25Settings& bm25 = config.bm25;
  enquire.set_weighting_scheme(Xapian::BM25Weight(bm25.k1, bm25.k2, bm25.k3, bm25.b, bm25.min_normlen));
  if (request.sort == SortOrder::date) enquire.set_sort_by_value_then_relevance(schema::kPublishedDaysSlot, true);
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit));
  results.estimated = mset.get_matches_estimated();
  const Xapian::Stem stemmer = analyzer.stemmer();
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
    hit.snippet = html_unescape(mset.snippet(text, snippet_length, stemmer, 0, kHighlightStart, kHighlightEnd, "…"));
    results.hits.push_back(std::move(hit));
  }
  return results;
}

NewsSearch::NewsSearch(Xapian::Database db, const Config& config, SourceResolver resolve_source)
    : impl_(std::make_unique<Impl>(std::move(db), config, std::move(resolve_source))) {}
NewsSearch::NewsSearch(Xapian::Database db, SourceResolver resolve_source)
    : NewsSearch(db, index_config(db), std::move(resolve_source)) {}
NewsSearch::~NewsSearch() = default;
NewsSearch::NewsSearch(NewsSearch&&) noexcept = default;
NewsSearch& NewsSearch::operator=(NewsSearch&&) noexcept = default;

const Xapian::Database& NewsSearch::database() const {
  return impl_->db;
}

void NewsSearch::set_exact_form_weight(double weight) {
  impl_->exact_form_weight = weight;
}

Xapian::Query NewsSearch::parse(std::string_view query_string) const {
  return impl_->parse(query_string);
}

Xapian::Query NewsSearch::build_query(const SearchRequest& request) const {
  Xapian::Query query = parse(request.query);
  std::vector<Xapian::Query> filters;
  if (!request.from.empty() || !request.to.empty()) {
    DateRange range;
    if (!request.from.empty()) range.from = parse_date_range(request.from).from;
    if (!request.to.empty()) {
      const DateRange to = parse_date_range(request.to);
      range.to = to.to.empty() ? to.from : to.to;
    }
    if (!range.from.empty() && !range.to.empty() && range.from > range.to)
      throw SearchError("--from " + request.from + " is after --to " + request.to);
    filters.push_back(date_filter(range));
  }
  if (!request.sources.empty()) {
    SourceFieldProcessor source(impl_->resolver, schema::kSourcePrefix);
    std::vector<Xapian::Query> any;
    for (const auto& name : request.sources) any.push_back(source(impl_->analyzer.normalize(name)));
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
      return impl_->run(build_query(request), request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kSearchAttempts) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempt == kSearchAttempts) throw;
    }
    impl_->db.reopen();
  }
}

}  // namespace xapian_arabic
