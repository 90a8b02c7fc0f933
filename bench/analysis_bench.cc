/** @file
 *  @brief Analysis throughput: normalize, stem, and the full pipeline, next to
 *  Xapian's TermGenerator with Snowball Arabic over the same text in the same run.
 *
 *  Usage: analysis_bench [ARTICLES.jsonl.gz] [--repeat N]
 *  Default input: ../shared/data/news-bench/articles.jsonl.gz (article bodies).
 *  Prints MB/s of body text (best of N runs) and the ratio to the baseline.
 */
#include <xapian.h>
#include <xapian_arabic/analyzer.h>
#include <xapian_arabic/light_stemmer.h>
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/snowball_stemmer.h>
#include <xapian_arabic/tokenizer.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "timing.h"

using namespace xapian_arabic;
using xapian_arabic::bench::best_seconds;

namespace {

std::vector<std::string> read_bodies(const std::string& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<std::string> bodies;
  std::string line;
  char buffer[1 << 16];
  while (gzgets(in, buffer, sizeof buffer)) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;
    bodies.push_back(nlohmann::json::parse(line).value("body", ""));
    line.clear();
  }
  gzclose(in);
  return bodies;
}

}  // namespace

int main(int argc, char** argv) try {
  std::string path = XA_BENCH_DEFAULT_INPUT;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else
      path = arg;
  }
  const auto bodies = read_bodies(path);
  double bytes = 0;
  for (const auto& b : bodies) bytes += double(b.size());
  const double mb = bytes / 1e6;

  // Words for the stemmer-only runs: tokenized and normalized outside the timing.
  const Normalizer normalizer;
  std::vector<std::string> raw_words, words;
  double word_bytes = 0;
  for (const auto& body : bodies)
    for (const Token& t : tokenize(body)) {
      raw_words.emplace_back(t.text(body));
      words.push_back(normalizer.normalize(raw_words.back()));
      word_bytes += double(t.end - t.begin);
    }
  const double word_mb = word_bytes / 1e6;

  std::printf("input: %s\n%zu articles, %.1f MB of body text, %zu words; best of %d runs\n\n", path.c_str(),
              bodies.size(), mb, words.size(), repeat);
  std::printf("| step | seconds | MB/s |\n|---|---|---|\n");
  auto row = [](const char* name, double seconds, double megabytes) {
    std::printf("| %s | %.3f | %.1f |\n", name, seconds, megabytes / seconds);
    return megabytes / seconds;
  };
  std::size_t sink = 0;

  std::string out;
  row("normalize (Normalizer::normalize_into)",
      best_seconds(repeat,
                   [&] {
                     for (const auto& body : bodies) {
                       out.clear();
                       normalizer.normalize_into(body, out);
                       sink += out.size();
                     }
                   }),
      mb);

  const LightStemmer light;
  row("light stem (normalized words)",
      best_seconds(repeat,
                   [&] {
                     for (const auto& w : words) sink += light.stem_normalized(w).size();
                   }),
      word_mb);
  const SnowballStemmer snowball("arabic");
  row("Snowball Arabic stem (same words, libstemmer)",
      best_seconds(repeat,
                   [&] {
                     for (const auto& w : raw_words) sink += snowball.stem(w).size();
                   }),
      word_mb);

  const Analyzer analyzer;
  row("tokenize + normalize + stop + stem (Analyzer::analyze)",
      best_seconds(repeat,
                   [&] {
                     for (const auto& body : bodies) sink += analyzer.analyze(body).size();
                   }),
      mb);
  const double ours = row("full analysis into a Xapian::Document (Analyzer::index_text)",
                          best_seconds(repeat,
                                       [&] {
                                         for (const auto& body : bodies) {
                                           Xapian::Document doc;
                                           analyzer.index_text(doc, body);
                                           sink += doc.termlist_count();
                                         }
                                       }),
                          mb);

  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("arabic"));
  const double baseline = row("baseline: TermGenerator + Stem(\"arabic\") into a Document",
                              best_seconds(repeat,
                                           [&] {
                                             for (const auto& body : bodies) {
                                               Xapian::Document doc;
                                               generator.set_document(doc);
                                               generator.index_text(body);
                                               sink += doc.termlist_count();
                                             }
                                           }),
                              mb);
  std::printf("\nratio full analysis / baseline: %.2f (target >= 1.0)\n", ours / baseline);
  return sink == 0 ? 1 : 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "analysis_bench: %s\n", e.what());
  return 1;
}
