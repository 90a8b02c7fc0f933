/** @file
 *  @brief Extraction throughput (articles/s, MB/s) next to the full analysis of the same text.
 *
 *  Usage: extract_bench [--repeat N] [--limit N] [--one-pass-only]   (the last for profiling the indexer's way)
 *  Reads ../shared/data/news-bench/articles.jsonl.gz and ../shared/data/news-dev/ (.txt files) with
 *  NewsReader, then times, single-threaded and best of N runs over the same articles:
 *  ArticleExtractor::extract (dates, sources, dateline) and Analyzer::analyze of title + body,
 *  each on its own; then both from one TokenStream per article ("one pass a/s"), as the indexer
 *  runs them: the stream the reader's layout made (NewsArticle::stream). Since the reader now
 *  tokenizes, "read+pass us/a" (reading, layout, extraction and analysis per article) is the figure
 *  to compare across versions. The ratio extraction/analysis should stay below 1: extraction must
 *  never slow indexing.
 */
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_reader.h>
#include <xapian_arabic/token_stream.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "timing.h"

using namespace xapian_arabic;
using xapian_arabic::bench::best_seconds;

namespace {

struct Corpus {
  std::string name;
  std::vector<NewsArticle> articles;
  double read_seconds = 0;
};

Corpus load(const std::string& name, const std::vector<std::string>& files, std::size_t limit) {
  Corpus c{name, {}, 0};
  NewsReaderOptions options;  // --limit: read no further than that
  options.stop_requested = [&] { return c.articles.size() >= limit; };
  const NewsReader reader(options);
  std::size_t errors = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const auto& f : files)
    reader.read_file(
        f, "",
        [&](NewsArticle&& a) {
          if (c.articles.size() < limit) c.articles.push_back(std::move(a));
        },
        [&](ReadError&&) { ++errors; });
  c.read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (errors) std::fprintf(stderr, "%s: %zu read errors\n", name.c_str(), errors);
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  std::size_t limit = static_cast<std::size_t>(-1);
  bool one_pass_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--one-pass-only")
      one_pass_only = true;
    else if (i + 1 == argc)
      break;
    else if (arg == "--repeat")
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--limit")
      limit = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
  }
  std::vector<std::string> dev_files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(XA_SHARED_DATA_DIR) + "/news-dev"))
    if (e.path().extension() == ".txt") dev_files.push_back(e.path().string());
  std::sort(dev_files.begin(), dev_files.end());

  std::vector<Corpus> corpora;
  corpora.push_back(load("news-bench", {XA_BENCH_DEFAULT_INPUT}, limit));
  corpora.push_back(load("news-dev", dev_files, limit));

  const ArticleExtractor extractor;
  const Analyzer analyzer;
  std::printf("%-11s %8s %8s %10s %12s %12s %12s %12s %8s %10s %10s %12s %14s\n", "corpus", "articles", "MB",
              "read MB/s", "extract a/s", "extract MB/s", "analyze a/s", "analyze MB/s", "ratio", "dates MB/s",
              "srcs MB/s", "one pass a/s", "read+pass us/a");
  for (Corpus& c : corpora) {
    std::vector<std::string> texts;
    double bytes = 0;
    for (const auto& a : c.articles) {
      texts.push_back(a.title + "\n" + a.body);
      bytes += double(a.title.size() + a.header.size() + a.body.size() + a.related.size());
    }
    const double mb = bytes / 1e6;
    std::size_t sink = 0;
    const int others = one_pass_only ? 0 : repeat;  // best_seconds(0, f) does not call f
    const double extract_s = best_seconds(others, [&] {
      for (const NewsArticle& original : c.articles) {
        NewsArticle a = original;
        extractor.extract(a);
        sink += a.dates.size() + a.agencies.size();
      }
    });
    // The two extractors alone, to see where extraction time goes.
    const double dates_s = best_seconds(others, [&] {
      for (const NewsArticle& a : c.articles) sink += extractor.dates().extract(a.body).size();
    });
    const double sources_s = best_seconds(others, [&] {
      for (const NewsArticle& a : c.articles) sink += extractor.sources().extract(a.body, a.title).size();
    });
    const double analyze_s = best_seconds(others, [&] {
      for (const auto& t : texts) sink += analyzer.analyze(t).size();
    });
    // The indexer's way: one stream per article, the reader's, read by the extractor and the analyzer.
    TokenStream own;
    std::string text;
    const double one_pass_s = best_seconds(repeat, [&] {
      for (const NewsArticle& original : c.articles) {
        NewsArticle a = original;
        const TokenStream* stream = stream_of(a);
        if (!stream) {
          text = article_text(a);
          own.assign(text);
          stream = &own;
        }
        extractor.extract(a, *stream);
        const ArticleParts parts = article_parts(a);
        sink += analyzer.analyze(*stream, parts.title, a.title.size()).size();
        sink += analyzer.analyze(*stream, parts.body, parts.body + a.body.size()).size();
        sink += a.dates.size() + a.agencies.size();
      }
    });
    const double n = double(c.articles.size());
    std::printf("%-11s %8zu %8.1f %10.1f %12.0f %12.1f %12.0f %12.1f %8.2f %10.1f %10.1f %12.0f %14.1f\n",
                c.name.c_str(), c.articles.size(), mb, mb / c.read_seconds, n / extract_s, mb / extract_s,
                n / analyze_s, mb / analyze_s, extract_s / analyze_s, mb / dates_s, mb / sources_s, n / one_pass_s,
                (c.read_seconds + one_pass_s) / n * 1e6);
    if (sink == 0) std::printf("(nothing extracted)\n");
  }
  return 0;
}
