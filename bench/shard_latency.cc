/** @file
 *  @brief Query latency of one search over several database sets (one local database, local
 *  shards, remote shards): p50/p95 of NewsSearch::search (top 10 with snippets) per set.
 *
 *  The sets are timed query by query in turn (query 1 on every set, then query 2 ...), so a
 *  load that comes and goes on a shared machine weighs on every set alike; the first set is
 *  the baseline and the others' p50/p95 are also given as ratios to it. Each set is one
 *  open_shards() (as `search --db A --db B` opens them), warmed by one pass of the queries.
 *
 *  Usage: shard_latency --queries FILE [--rounds N] --set NAME=DB[,DB...] --set ...
 *  (bench/shards.sh builds the indexes, starts the servers and runs this.)
 */
#include <xapian_arabic/news_search.h>
#include <xapian_arabic/search_shards.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace xapian_arabic;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<std::string> queries;
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) queries.push_back(line.substr(tab + 1));
  }
  if (queries.empty()) throw std::runtime_error(path + ": no 'id<TAB>query' lines");
  return queries;
}

double percentile(std::vector<double> ms, double q) {
  std::sort(ms.begin(), ms.end());
  return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
}

struct Set {
  std::string name;
  std::vector<std::string> dbs;
  std::vector<double> ms;
  std::size_t hits = 0, documents = 0, shards = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string queries_path;
  int rounds = 1;
  std::vector<Set> sets;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i], value = argv[i + 1];
    if (arg == "--queries") {
      queries_path = value;
    } else if (arg == "--rounds") {
      rounds = std::max(1, std::atoi(value.c_str()));
    } else if (arg == "--set" && value.find('=') != std::string::npos) {
      Set set;
      set.name = value.substr(0, value.find('='));
      std::stringstream list(value.substr(value.find('=') + 1));
      for (std::string db; std::getline(list, db, ',');) set.dbs.push_back(db);
      sets.push_back(std::move(set));
    } else {
      sets.clear();
      break;
    }
  }
  if (queries_path.empty() || sets.empty() || argc % 2 == 0) {
    std::cerr << "usage: shard_latency --queries FILE [--rounds N] --set NAME=DB[,DB...] [--set ...]\n";
    return 2;
  }
  try {
    const auto queries = read_queries(queries_path);
    std::vector<NewsSearch> searches;
    for (Set& set : sets) {
      std::vector<Shard> shards = open_shards(set.dbs);
      set.shards = shards.size();
      searches.emplace_back(std::move(shards));
      set.documents = searches.back().database().get_doccount();
    }
    SearchRequest request;
    for (const auto& q : queries) {  // warm: page cache, connections, the searchers
      request.query = q;
      for (const NewsSearch& s : searches) s.search(request);
    }
    for (int r = 0; r < rounds; ++r) {
      for (const auto& q : queries) {
        request.query = q;
        for (std::size_t k = 0; k < sets.size(); ++k) {
          const auto start = Clock::now();
          sets[k].hits += searches[k].search(request).hits.size();
          sets[k].ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        }
      }
    }
    std::printf("%zu queries x %d rounds, top %zu with snippets, sets timed in turn query by query\n\n", queries.size(),
                rounds, request.limit);
    std::printf(
        "| set | shards | documents | hits | p50 ms | p95 ms | p50 vs first | p95 vs first |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    const double base50 = percentile(sets[0].ms, 0.5), base95 = percentile(sets[0].ms, 0.95);
    for (const Set& set : sets) {
      const double p50 = percentile(set.ms, 0.5), p95 = percentile(set.ms, 0.95);
      std::printf("| %s | %zu | %zu | %zu | %.2f | %.2f | %.2fx | %.2fx |\n", set.name.c_str(), set.shards,
                  set.documents, set.hits, p50, p95, p50 / base50, p95 / base95);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "shard_latency: " << e.what() << '\n';
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "shard_latency: " << e.get_description() << '\n';
    return 1;
  }
}
