/** @file
 *  @brief Stemming evaluation: pairwise conflation precision/recall/F1 against gold lemmas.
 *
 *  Usage: xa-stem-eval GOLD.tsv [--examples N] [--only NAME] [--normalization-sweep]
 *
 *  --normalization-sweep adds a table with our stemmer's scores when each
 *  normalization switch that changes stems (hamza seats, teh marbuta, alef
 *  maqsura) is toggled from its default, to decide those defaults on evidence.
 *
 *  GOLD.tsv rows are surface, lemma, upos, count (../shared/data/stem-dev). Each
 *  surface type gets its most frequent (lemma, noun/verb class). Two types are a
 *  gold pair if they share that class and a predicted pair if they share a stem;
 *  pairs are counted by grouping (sum of n(n-1)/2 over groups), never pairwise.
 */
#include <xapian_arabic/light_stemmer.h>
#include <xapian_arabic/snowball_stemmer.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "light10.h"
#include "text/lexicon.h"

#ifdef XA_HAVE_HUNSPELL
#include <hunspell/hunspell.hxx>
#endif

using namespace xapian_arabic;

namespace {

struct Word {
  std::string surface;
  std::string gold;  // lemma + '/' + N or V
};

std::vector<Word> read_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::map<std::string, std::map<std::string, long>> votes;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string surface, lemma, upos, count;
    if (!std::getline(fields, surface, '\t') || !std::getline(fields, lemma, '\t') ||
        !std::getline(fields, upos, '\t') || !std::getline(fields, count, '\t'))
      continue;
    const char cls = (upos == "VERB" || upos == "AUX") ? 'V' : 'N';
    votes[surface][lemma + "/" + cls] += std::stol(count);
  }
  std::vector<Word> words;
  for (const auto& [surface, by_gold] : votes) {
    const auto best = std::max_element(by_gold.begin(), by_gold.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    words.push_back({surface, best->first});
  }
  return words;
}

double pairs(std::size_t n) {
  return double(n) * double(n - 1) / 2.0;
}

struct Score {
  double precision, recall, f1;
  std::size_t stems;
};

Score score(const std::vector<Word>& words, const std::vector<std::string>& stems, std::size_t examples,
            const std::string& name, bool verbose) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_stem, by_gold;
  std::map<std::pair<std::string, std::string>, std::size_t> cells;
  for (std::size_t i = 0; i < words.size(); ++i) {
    by_stem[stems[i]].push_back(i);
    by_gold[words[i].gold].push_back(i);
    ++cells[{stems[i], words[i].gold}];
  }
  double predicted = 0, gold = 0, correct = 0;
  for (const auto& [_, v] : by_stem) predicted += pairs(v.size());
  for (const auto& [_, v] : by_gold) gold += pairs(v.size());
  for (const auto& [_, n] : cells) correct += pairs(n);
  Score s;
  s.precision = predicted ? correct / predicted : 1.0;
  s.recall = gold ? correct / gold : 1.0;
  s.f1 = s.precision + s.recall ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.stems = by_stem.size();
  if (verbose) {
    // Over-stemming: stems whose group holds the most wrong pairs.
    std::vector<std::pair<double, std::string>> over, under;
    for (const auto& [stem, v] : by_stem) {
      std::map<std::string, std::size_t> per_gold;
      for (auto i : v) ++per_gold[words[i].gold];
      double good = 0;
      for (const auto& [_, n] : per_gold) good += pairs(n);
      if (pairs(v.size()) - good > 0) over.push_back({pairs(v.size()) - good, stem});
    }
    for (const auto& [g, v] : by_gold) {
      std::map<std::string, std::size_t> per_stem;
      for (auto i : v) ++per_stem[stems[i]];
      double good = 0;
      for (const auto& [_, n] : per_stem) good += pairs(n);
      if (pairs(v.size()) - good > 0) under.push_back({pairs(v.size()) - good, g});
    }
    std::sort(over.rbegin(), over.rend());
    std::sort(under.rbegin(), under.rend());
    std::cout << "\n### " << name << ": worst over-stemming (stem: word=lemma ...)\n\n";
    for (std::size_t k = 0; k < std::min(examples, over.size()); ++k) {
      std::cout << "- `" << over[k].second << "` (" << over[k].first << " wrong pairs):";
      std::size_t shown = 0;
      for (auto i : by_stem[over[k].second])
        if (shown++ < 8) std::cout << " " << words[i].surface << "=" << words[i].gold;
      std::cout << "\n";
    }
    std::cout << "\n### " << name << ": worst under-stemming (lemma: word→stem ...)\n\n";
    for (std::size_t k = 0; k < std::min(examples, under.size()); ++k) {
      std::cout << "- `" << under[k].second << "` (" << under[k].first << " missed pairs):";
      std::size_t shown = 0;
      for (auto i : by_gold[under[k].second])
        if (shown++ < 8) std::cout << " " << words[i].surface << "→" << stems[i];
      std::cout << "\n";
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: xa-stem-eval GOLD.tsv [--examples N] [--only NAME] [--normalization-sweep]\n";
    return 2;
  }
  std::size_t examples = 10;
  std::string only;
  bool sweep = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--normalization-sweep") {
      sweep = true;
    } else if ((arg == "--examples" || arg == "--only") && i + 1 < argc) {
      if (arg == "--examples")
        examples = std::stoul(argv[++i]);
      else
        only = argv[++i];
    } else {
      std::cerr << "xa-stem-eval: unknown or incomplete option '" << arg << "'\n";
      return 2;
    }
  }
  const auto words = read_gold(argv[1]);
  Normalizer normalizer;
  LightStemmer light;
  SnowballStemmer snowball("arabic");
  std::vector<std::pair<std::string, std::function<std::string(const std::string&)>>> systems = {
      {"none (surface)", [](const std::string& w) { return w; }},
      {"normalize only", [&](const std::string& w) { return normalizer.normalize(w); }},
      {"Snowball Arabic (libstemmer)", [&](const std::string& w) { return snowball.stem(w); }},
      {"light10 (Lucene)", [](const std::string& w) { return eval::light10(w); }},
      {"xapian-arabic light", [&](const std::string& w) { return light.stem(w); }},
  };
#ifdef XA_HAVE_HUNSPELL
  // Hunspell's first stem of the raw word (its look-ups want the unnormalized spelling), normalized
  // for comparison; the word itself when Hunspell has none.
  Hunspell hunspell(Lexicon::aff_path().c_str(), Lexicon::dic_path().c_str());
  systems.insert(systems.end() - 1, {"hunspell-ar first stem (libhunspell)", [&](const std::string& w) {
                                       const auto stems = hunspell.stem(w);
                                       return normalizer.normalize(stems.empty() ? w : stems.front());
                                     }});
#endif
  std::printf("Stemming evaluation on %s: %zu word types, %zu gold (lemma, N/V) classes\n\n", argv[1], words.size(),
              std::set<std::string>([&] {
                std::set<std::string> g;
                for (auto& w : words) g.insert(w.gold);
                return g;
              }())
                  .size());
  std::printf("| stemmer | precision | recall | F1 | distinct stems |\n|---|---|---|---|---|\n");
  std::vector<std::pair<std::string, std::vector<std::string>>> outputs;
  for (const auto& [name, fn] : systems) {
    std::vector<std::string> stems;
    stems.reserve(words.size());
    for (const auto& w : words) stems.push_back(fn(w.surface));
    const Score s = score(words, stems, 0, name, false);
    std::printf("| %s | %.3f | %.3f | %.3f | %zu |\n", name.c_str(), s.precision, s.recall, s.f1, s.stems);
    outputs.emplace_back(name, std::move(stems));
  }
  if (sweep) {
    // Each switch toggled alone from the defaults (NormalizerOptions{} = config/default.toml).
    std::printf("\nNormalization switches that change stems (xapian-arabic light, one switch toggled at a time):\n\n");
    std::printf("| setting | precision | recall | F1 | distinct stems |\n|---|---|---|---|---|\n");
    const std::vector<std::pair<std::string, bool NormalizerOptions::*>> switches = {
        {"fold_hamza_seats", &NormalizerOptions::fold_hamza_seats},
        {"fold_teh_marbuta", &NormalizerOptions::fold_teh_marbuta},
        {"fold_alef_maqsura", &NormalizerOptions::fold_alef_maqsura},
    };
    const auto run = [&](const NormalizerOptions& options, const std::string& label) {
      const LightStemmer stemmer(options);
      std::vector<std::string> stems;
      stems.reserve(words.size());
      for (const auto& w : words) stems.push_back(stemmer.stem(w.surface));
      const Score s = score(words, stems, 0, label, false);
      std::printf("| %s | %.3f | %.3f | %.3f | %zu |\n", label.c_str(), s.precision, s.recall, s.f1, s.stems);
    };
    run(NormalizerOptions{}, "defaults");
    for (const auto& [name, member] : switches) {
      NormalizerOptions options;
      options.*member = !(options.*member);
      run(options, name + (options.*member ? " = true" : " = false"));
    }
    NormalizerOptions none;
    for (const auto& [name, member] : switches) none.*member = false;
    run(none, "all three = false");
  }
  for (const auto& [name, stems] : outputs)
    if (examples && (only.empty() ? name == "xapian-arabic light" : name == only))
      score(words, stems, examples, name, true);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "xa-stem-eval: " << e.what() << "\n";
  return 1;
}
