/** @file
 *  @brief Known-item retrieval on news-bench: plain Xapian, Xapian's Stem("arabic") and xapian-arabic
 *  in one run, MRR@10 and success@10 with a paired randomization test; optional BM25/weights sweep.
 *
 *  Indexes the article bodies only (never titles or urls, see news-bench/README.md)
 *  into temporary Glass databases, searches every headline of queries.tsv and
 *  queries_title6.tsv and scores the top 10 against qrels.tsv.
 *
 *  Usage: xa-retrieval-eval [--data DIR] [--config FILE] [--exact-form-weight W] [--per-query FILE] [--tune]
 *                           [--layouts] [--as-indexed] [--only-ours]
 *  --layouts adds a table of the config's [index] layout against the other (the words layout
 *  with and without the exact-form boost), paired against the config's.
 *
 *  --as-indexed: our documents are made as `xapian-arabic index` makes them (NewsReader, ArticleExtractor,
 *  make_news_document) from each record with its title and url removed, so the record's source metadata
 *  is indexed as the indexer indexes it; without it, the body alone through Analyzer::index_text.
 *  --only-ours: skip the plain Xapian and Stem("arabic") systems (their per-query columns are 0), to
 *  compare two builds quickly: eval/retrieval/compare_per_query.py tests their --per-query files.
 */
#include <xapian.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/index_schema.h>
#include <xapian_arabic/news_document.h>
#include <xapian_arabic/news_reader.h>
#include <xapian_arabic/news_search.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "search/weighting.h"

using namespace xapian_arabic;
namespace fs = std::filesystem;

namespace {

struct Article {
  std::string id, body;
};

std::vector<Article> read_articles(const std::string& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::string content;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(in, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(n));
  gzclose(in);
  if (n < 0) throw std::runtime_error(path + ": not a readable gzip file");
  std::vector<Article> articles;
  std::istringstream lines(content);
  std::string line;
  std::size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty()) continue;
    try {
      const auto j = nlohmann::json::parse(line);
      articles.push_back({j.at("id").get<std::string>(), j.at("body").get<std::string>()});
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  return articles;
}

std::vector<std::pair<std::string, std::string>> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<std::pair<std::string, std::string>> queries;
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return queries;
}

std::map<std::string, std::set<std::string>> read_qrels(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::map<std::string, std::set<std::string>> qrels;
  std::string q, d, grade;
  while (in >> q >> d >> grade) qrels[q].insert(d);
  return qrels;
}

/// A searchable system: returns the article ids of the top 10 for a query.
using Searcher = std::function<std::vector<std::string>(const std::string& query)>;

struct Scores {
  std::vector<double> rr;  ///< reciprocal rank per query (0 if not in the top 10)
  double mrr() const {
    double s = 0;
    for (double r : rr) s += r;
    return rr.empty() ? 0 : s / static_cast<double>(rr.size());
  }
  double success() const {
    return rr.empty() ? 0
                      : static_cast<double>(std::count_if(rr.begin(), rr.end(), [](double r) { return r > 0; })) /
                            static_cast<double>(rr.size());
  }
  double p50_ms = 0;
};

Scores evaluate(const Searcher& search, const std::vector<std::pair<std::string, std::string>>& queries,
                const std::map<std::string, std::set<std::string>>& qrels) {
  Scores scores;
  for (const auto& [qid, text] : queries) {
    double rr = 0;
    std::vector<std::string> top;
    try {
      top = search(text);
    } catch (const std::exception& e) {
      std::cerr << "query " << qid << ": " << e.what() << '\n';
    }
    const auto& relevant = qrels.at(qid);
    for (std::size_t i = 0; i < top.size() && i < 10; ++i) {
      if (relevant.count(top[i])) {
        rr = 1.0 / static_cast<double>(i + 1);
        break;
      }
    }
    scores.rr.push_back(rr);
  }
  return scores;
}

/// Two-sided paired randomization test on the per-query reciprocal ranks (sign flips of the differences).
double randomization_p(const Scores& a, const Scores& b, int rounds = 20000) {
  std::vector<double> diff(a.rr.size());
  double observed = 0;
  for (std::size_t i = 0; i < diff.size(); ++i) observed += diff[i] = a.rr[i] - b.rr[i];
  observed = std::fabs(observed);
  std::mt19937_64 rng(2018);
  int extreme = 0;
  for (int r = 0; r < rounds; ++r) {
    double s = 0;
    for (double d : diff) s += (rng() & 1) ? d : -d;
    if (std::fabs(s) >= observed - 1e-12) ++extreme;
  }
  return (extreme + 1.0) / (rounds + 1.0);
}

/// Queries that one system finds better / worse than another.
std::pair<int, int> wins_losses(const Scores& a, const Scores& b) {
  int wins = 0, losses = 0;
  for (std::size_t i = 0; i < a.rr.size(); ++i) {
    if (a.rr[i] > b.rr[i]) ++wins;
    if (a.rr[i] < b.rr[i]) ++losses;
  }
  return {wins, losses};
}

std::vector<std::string> top_ids(const Xapian::Database& db, const Xapian::Query& query,
                                 const std::vector<std::string>& ids, const Xapian::Weight& weight) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(weight);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  std::vector<std::string> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(ids[*it - 1]);
  return out;
}

/// A body-only Glass index in @p dir; @p index_body adds one article's terms.
Xapian::Database build(const std::string& dir, const std::vector<Article>& articles,
                       const std::function<void(Xapian::Document&, const Article&)>& index_body,
                       const std::function<void(Xapian::WritableDatabase&)>& finish = {}) {
  const auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  for (const Article& a : articles) {
    Xapian::Document doc;
    index_body(doc, a);
    doc.add_boolean_term(schema::kIdPrefix + a.id);
    doc.set_data("id=" + a.id);
    db.add_document(doc);
  }
  if (finish) finish(db);
  db.commit();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "indexed " << articles.size() << " articles into " << dir << " in " << seconds << " s\n";
  return db;
}

/// The documents of `xapian-arabic index` for every record of @p path, without title and url
/// (news-bench's rule), in file order: the same docids as build() gives @p articles.
Xapian::Database build_as_indexed(const std::string& dir, const std::string& path, const Config& config,
                                  std::size_t expected) {
  const auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  const NewsReader reader(config.reader_options());
  const ArticleExtractor extractor(config.extraction);
  const Analyzer analyzer(config.analysis);
  NewsDocumentOptions options;
  options.weights = config.weights;
  options.language = config.index.language;
  std::size_t count = 0;
  reader.read_file(
      path, fs::path(path).parent_path().string(),
      [&](NewsArticle&& article) {
        article.title.clear();
        article.url.clear();
        extractor.extract(article);
        db.add_document(make_news_document(article, analyzer, options));
        ++count;
      },
      [](ReadError&& e) {
        if (!e.warning) throw std::runtime_error(e.path + ":" + std::to_string(e.line) + ": " + e.message);
      });
  analyzer.write_metadata(db);
  db.commit();
  if (count != expected)
    throw std::runtime_error(path + ": the reader gave " + std::to_string(count) + " articles, not " +
                             std::to_string(expected));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "indexed " << count << " articles as the indexer does into " << dir << " in " << seconds << " s\n";
  return db;
}

/// Body text as the indexer writes it: first paragraph with the lead weight, the rest with the body weight.
void index_body_ours(const Analyzer& analyzer, const FieldWeights& weights, Xapian::Document& doc,
                     const std::string& body) {
  const auto nl = body.find('\n');
  const std::string_view text(body);
  Xapian::termpos pos = analyzer.index_text(doc, text.substr(0, nl), 0, weights.lead);
  if (nl != std::string::npos) analyzer.index_text(doc, text.substr(nl + 1), pos, weights.body);
}

std::string fixed(double v, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

/// The exact-form weight a NewsSearch of @p config runs with after --exact-form-weight @p given.
double ours_weight(const Config& config, double given) {
  return given >= 0 ? given : config.search.exact_form_weight;
}

std::string p_value(double p) {
  return p < 0.0001 ? "<0.0001" : fixed(p, 4);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = std::string(XA_SOURCE_DIR) + "/../shared/data/news-bench";
  std::string config_path, per_query_path;
  double exact_form_weight = -1;  // < 0: [search] exact_form_weight of the config
  bool tune = false, layouts = false, as_indexed = false, only_ours = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--data" && i + 1 < argc)
      data_dir = argv[++i];
    else if (arg == "--config" && i + 1 < argc)
      config_path = argv[++i];
    else if (arg == "--per-query" && i + 1 < argc)
      per_query_path = argv[++i];
    else if (arg == "--exact-form-weight" && i + 1 < argc)
      exact_form_weight = std::atof(argv[++i]);
    else if (arg == "--tune")
      tune = true;
    else if (arg == "--layouts")
      layouts = true;
    else if (arg == "--as-indexed")
      as_indexed = true;
    else if (arg == "--only-ours")
      only_ours = true;
    else {
      std::cerr << "usage: xa-retrieval-eval [--data DIR] [--config FILE] [--exact-form-weight W] [--per-query FILE] "
                   "[--tune] [--layouts] [--as-indexed] [--only-ours]\n";
      return 2;
    }
  }
  try {
    const Config config = config_path.empty() ? Config::defaults() : Config::load(config_path);
    const auto articles = read_articles(data_dir + "/articles.jsonl.gz");
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> query_sets = {
        {"queries.tsv", read_queries(data_dir + "/queries.tsv")},
        {"queries_title6.tsv", read_queries(data_dir + "/queries_title6.tsv")}};
    const auto qrels = read_qrels(data_dir + "/qrels.tsv");
    std::vector<std::string> ids;
    for (const auto& a : articles) ids.push_back(a.id);

    std::string tmpl = (fs::temp_directory_path() / "xa-retrieval-XXXXXX").string();  // $TMPDIR
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot make a temporary folder in " + tmpl);
    const fs::path work(tmpl);
    struct Cleanup {
      fs::path dir;
      ~Cleanup() { fs::remove_all(dir); }
    } cleanup{work};

    // 1. Plain Xapian: TermGenerator and QueryParser, no normalization, no stemming.
    const Xapian::Database plain_db =
        only_ours ? Xapian::Database()
                  : build((work / "plain").string(), articles, [](Xapian::Document& doc, const Article& a) {
                      Xapian::TermGenerator tg;
                      tg.set_document(doc);
                      tg.index_text(a.body);
                    });
    // 2. What a Xapian user gets today: Stem("arabic"), STEM_SOME on both sides.
    const Xapian::Stem arabic("arabic");
    const Xapian::Database stem_db =
        only_ours ? Xapian::Database()
                  : build((work / "stem").string(), articles, [&](Xapian::Document& doc, const Article& a) {
                      Xapian::TermGenerator tg;
                      tg.set_stemmer(arabic);
                      tg.set_document(doc);
                      tg.index_text(a.body);
                    });
    // 3. Ours: the Analyzer at index time, NewsSearch (the search command's query path) at query time.
    const Analyzer analyzer(config.analysis, config.index.layout);
    const auto build_ours = [&](const std::string& name, const Analyzer& an, const FieldWeights& weights) {
      return build((work / name).string(), articles,
                   [&](Xapian::Document& doc, const Article& a) { index_body_ours(an, weights, doc, a.body); },
                   [&](Xapian::WritableDatabase& db) { an.write_metadata(db); });
    };
    const Xapian::Database ours_db =
        as_indexed
            ? build_as_indexed((work / "ours").string(), data_dir + "/articles.jsonl.gz", config, articles.size())
            : build_ours("ours", analyzer, config.weights);

    const auto xapian_searcher = [&](const Xapian::Database& db, const Xapian::Stem& stem) -> Searcher {
      return [&db, stem, &ids](const std::string& q) {
        Xapian::QueryParser qp;
        qp.set_stemmer(stem);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        return top_ids(db, qp.parse_query(q), ids, Xapian::BM25Weight());
      };
    };
    const auto ours_searcher = [&ids](const NewsSearch& search) -> Searcher {
      return [&search, &ids](const std::string& q) {
        SearchRequest request;
        request.query = q;
        request.limit = 10;
        std::vector<std::string> out;
        for (const auto& hit : search.search(request).hits) out.push_back(ids[hit.docid - 1]);
        return out;
      };
    };
    NewsSearch ours(ours_db, config);
    if (exact_form_weight >= 0) ours.set_exact_form_weight(exact_form_weight);
    std::ofstream per_query;
    if (!per_query_path.empty()) {
      per_query.open(per_query_path);
      per_query << "set\tquery\tplain\tstem\tours\n";
    }

    for (const auto& [set_name, queries] : query_sets) {
      const Scores skipped{std::vector<double>(queries.size(), 0.0)};
      const Scores plain = only_ours ? skipped : evaluate(xapian_searcher(plain_db, Xapian::Stem()), queries, qrels);
      const Scores stem = only_ours ? skipped : evaluate(xapian_searcher(stem_db, arabic), queries, qrels);
      const Scores mine = evaluate(ours_searcher(ours), queries, qrels);
      for (std::size_t i = 0; per_query.is_open() && i < queries.size(); ++i)
        per_query << set_name << '\t' << queries[i].first << '\t' << plain.rr[i] << '\t' << stem.rr[i] << '\t'
                  << mine.rr[i] << '\n';
      std::cout << "\n### " << set_name << " (" << queries.size() << " queries, " << articles.size()
                << " article bodies)\n\n"
                << "| system | MRR@10 | success@10 | vs ours: queries better / worse | paired randomization p (RR) |\n"
                << "| --- | --- | --- | --- | --- |\n";
      const auto row = [&](const std::string& name, const Scores& s, bool compare) {
        std::cout << "| " << name << " | " << fixed(s.mrr()) << " | " << fixed(s.success()) << " | ";
        if (compare) {
          const auto [w, l] = wins_losses(mine, s);
          std::cout << w << " / " << l << " | " << p_value(randomization_p(mine, s)) << " |\n";
        } else {
          std::cout << "– | – |\n";
        }
      };
      if (!only_ours) {
        row("plain Xapian (no normalization, no stemming)", plain, true);
        row("Xapian Stem(\"arabic\")", stem, true);
      }
      row(std::string("xapian-arabic") + (config_path.empty() ? " (default config)" : " (" + config_path + ")") +
              (as_indexed ? ", documents as the indexer makes them" : ""),
          mine, false);
    }

    if (layouts) {
      // The other layout, indexed the same way; NewsSearch reads each index's layout from it.
      const IndexLayout other = config.index.layout == IndexLayout::stems ? IndexLayout::words : IndexLayout::stems;
      const Analyzer other_analyzer(config.analysis, other);
      const Xapian::Database other_db =
          build_ours(std::string("layout-") + to_string(other), other_analyzer, config.weights);
      for (const auto& [set_name, queries] : query_sets) {
        const Scores mine = evaluate(ours_searcher(ours), queries, qrels);
        std::cout << "\n### Layouts, " << set_name << " (against [index] layout = \"" << to_string(config.index.layout)
                  << "\", exact-form weight " << fixed(ours_weight(config, exact_form_weight), 2) << ")\n\n"
                  << "| layout | exact-form weight | MRR@10 | success@10 | queries better / worse | p |\n"
                  << "| --- | --- | --- | --- | --- | --- |\n"
                  << "| " << to_string(config.index.layout) << " | " << fixed(ours_weight(config, exact_form_weight), 2)
                  << " | " << fixed(mine.mrr()) << " | " << fixed(mine.success()) << " | – | – |\n";
        for (const double weight : {config.search.exact_form_weight, 0.0}) {
          NewsSearch search(other_db, config);
          search.set_exact_form_weight(weight);
          const Scores s = evaluate(ours_searcher(search), queries, qrels);
          const auto [w, l] = wins_losses(s, mine);
          std::cout << "| " << to_string(other) << " | "
                    << (other == IndexLayout::stems ? std::string("— (no words as written)") : fixed(weight, 2))
                    << " | " << fixed(s.mrr()) << " | " << fixed(s.success()) << " | " << w << " / " << l << " | "
                    << p_value(randomization_p(s, mine)) << " |\n";
          if (other == IndexLayout::stems) break;  // the weight changes nothing there
        }
      }
    }

    if (!tune) return 0;

    // Search-time tuning on the same index: BM25 parameters and query-side stopwords.
    const auto& headlines = query_sets[0].second;
    const Scores base = evaluate(ours_searcher(ours), headlines, qrels);
    std::cout
        << "\n### Tuning on queries.tsv (search time; baseline: MRR@10 " << fixed(base.mrr()) << ")\n\n"
        << "| variant | MRR@10 | success@10 | better / worse than baseline | p |\n| --- | --- | --- | --- | --- |\n";
    const auto tuning_row = [&](const std::string& name, const Scores& s) {
      const auto [w, l] = wins_losses(s, base);
      std::cout << "| " << name << " | " << fixed(s.mrr()) << " | " << fixed(s.success()) << " | " << w << " / " << l
                << " | " << p_value(randomization_p(s, base)) << " |\n";
    };
    for (WeightingScheme scheme : {WeightingScheme::dph, WeightingScheme::bm25, WeightingScheme::dlh}) {
      Config c = config;
      c.search.weighting = scheme;
      NewsSearch s(ours_db, c);
      if (exact_form_weight >= 0) s.set_exact_form_weight(exact_form_weight);
      tuning_row(std::string("[search] weighting = ") + to_string(scheme),
                 evaluate(ours_searcher(s), headlines, qrels));
    }
    for (double k1 : {0.9, 1.2, 1.5}) {
      for (double b : {0.5, 0.75, 0.9}) {
        Config c = config;
        c.search.weighting = WeightingScheme::bm25;
        c.bm25.k1 = k1;
        c.bm25.b = b;
        NewsSearch s(ours_db, c);
        if (exact_form_weight >= 0) s.set_exact_form_weight(exact_form_weight);
        tuning_row("bm25 k1=" + fixed(k1, 1) + " b=" + fixed(b, 2), evaluate(ours_searcher(s), headlines, qrels));
      }
    }
    for (double w : {0.25, 0.5, 1.0}) {
      NewsSearch s(ours_db, config);
      s.set_exact_form_weight(w);
      tuning_row("exact-form boost " + fixed(w, 2), evaluate(ours_searcher(s), headlines, qrels));
    }
    {
      // Keep stopwords in the query: they then match only their unstemmed terms.
      Xapian::QueryParser qp = analyzer.make_query_parser();
      qp.set_stopper(nullptr);
      const auto weight = make_weight(config.search, config.bm25);
      tuning_row(
          "stopwords kept in queries",
          evaluate([&](const std::string& q) { return top_ids(ours_db, analyzer.parse_query(qp, q), ids, *weight); },
                   headlines, qrels));
    }
    // Index-time variants: lead weight and stopwords.
    for (unsigned lead : {1u, 3u}) {
      FieldWeights w = config.weights;
      w.lead = lead;
      const Xapian::Database db = build_ours("lead" + std::to_string(lead), analyzer, w);
      NewsSearch s(db, config);
      s.set_exact_form_weight(exact_form_weight);
      tuning_row("[weights] lead=" + std::to_string(lead), evaluate(ours_searcher(s), headlines, qrels));
    }
    {
      AnalysisSettings settings = config.analysis;
      settings.use_stopwords = false;
      const Analyzer no_stop(settings);
      const Xapian::Database db = build_ours("nostop", no_stop, config.weights);
      Config c = config;
      c.analysis = settings;
      NewsSearch s(db, c);
      s.set_exact_form_weight(exact_form_weight);
      tuning_row("[stopwords] enabled=false (reindexed)", evaluate(ours_searcher(s), headlines, qrels));
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "xa-retrieval-eval: " << e.what() << '\n';
    return 1;
  } catch (const Xapian::Error& e) {  // not a std::exception
    std::cerr << "xa-retrieval-eval: " << e.get_description() << '\n';
    return 1;
  }
}
