/** @file
 *  @brief Source extraction evaluation: precision, recall and F1 by position on the source dev set.
 *
 *  Usage: xa-source-eval DEV_SET.tsv [--split dev|held|all] [--errors]
 *
 *  DEV_SET.tsv is eval/sources/dev_set.tsv (its header and eval/sources/README.md say how it was
 *  built). Each case runs through SourceExtractor::extract(text, title), the unit the indexer's
 *  ArticleExtractor calls. A predicted source is one distinct name (its key when the alias table
 *  knows it); it is right when its key is the gold key or its name or text, normalized, is one of
 *  the gold spellings. Right predictions are true positives, the others false positives, gold
 *  sources nothing matched false negatives; negatives add false positives only. Dateline cities
 *  without a name are not predictions.
 */
#include <xapian_arabic/normalizer.h>
#include <xapian_arabic/source_extractor.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace xapian_arabic;

namespace {

struct Gold {
  std::vector<std::string> names;  // normalized spellings
  std::string key, written;        // written: the first spelling as in the file, for --errors
};

struct Case {
  std::string id, split, position, origin, title, text;
  std::vector<Gold> gold;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(s);
  while (std::getline(in, field, sep)) out.push_back(field);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out.push_back('\n');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

/// Normalized, quotes and brackets dropped, white space collapsed: the form names are compared in.
std::string comparable(const Normalizer& normalizer, const std::string& name) {
  std::string n = normalizer.normalize(name);
  std::string out;
  for (std::size_t i = 0; i < n.size();) {
    static const char* const drop[] = {"\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9D", "\"", "(", ")", "'"};
    bool dropped = false;
    for (const char* d : drop) {
      const std::string_view dv(d);
      if (std::string_view(n).substr(i, dv.size()) == dv) {
        i += dv.size();
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    const char c = n[i++];
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<Case> read_cases(const std::string& path, const Normalizer& normalizer) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<Case> cases;
  std::string line;
  for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = split(line, '\t');
    if (f.size() != 7)
      throw std::runtime_error(path + ":" + std::to_string(line_no) + ": expected 7 tab-separated fields, got " +
                               std::to_string(f.size()));
    Case c{f[0], f[1], f[2], f[3], unescape(f[5]), unescape(f[6]), {}};
    if (f[4] != "-")
      for (const std::string& source : split(f[4], ';')) {
        Gold g;
        const auto eq = source.find('=');
        if (eq != std::string::npos) g.key = source.substr(eq + 1);
        g.written = source;
        for (const std::string& name : split(source.substr(0, eq), '|'))
          if (!name.empty()) g.names.push_back(comparable(normalizer, name));
        if (g.names.empty() && g.key.empty())
          throw std::runtime_error(path + ":" + std::to_string(line_no) + ": empty gold source");
        c.gold.push_back(std::move(g));
      }
    cases.push_back(std::move(c));
  }
  return cases;
}

struct Counts {
  std::size_t cases = 0, tp = 0, fp = 0, fn = 0;
  void add(const Counts& o) {
    cases += o.cases;
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }
};

void print_row(const std::string& name, const Counts& c) {
  if (c.tp + c.fn == 0) {  // negatives: only false positives to count
    std::printf("%-22s %6zu %5zu %5zu %5zu %7s %7s %7s\n", name.c_str(), c.cases, c.tp, c.fp, c.fn, "-", "-", "-");
    return;
  }
  const double p = c.tp + c.fp ? double(c.tp) / double(c.tp + c.fp) : 1.0;
  const double r = c.tp + c.fn ? double(c.tp) / double(c.tp + c.fn) : 1.0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  std::printf("%-22s %6zu %5zu %5zu %5zu %7.3f %7.3f %7.3f\n", name.c_str(), c.cases, c.tp, c.fp, c.fn, p, r, f);
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: xa-source-eval DEV_SET.tsv [--split dev|held|all] [--errors]\n";
    return 2;
  }
  std::string only_split = "all";
  bool errors = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--split" && i + 1 < argc) {
      only_split = argv[++i];
    } else if (arg == "--errors") {
      errors = true;
    } else {
      std::cerr << "unknown argument: " << arg << "\n";
      return 2;
    }
  }
  const Normalizer normalizer;
  const SourceExtractor extractor;
  const auto cases = read_cases(argv[1], normalizer);
  std::map<std::string, Counts> by_position;
  for (const Case& c : cases) {
    if (only_split != "all" && c.split != only_split) continue;
    Counts& counts = by_position[c.position];
    ++counts.cases;
    // Distinct predictions: one per key, or per name when the table does not know it.
    std::vector<ExtractedSource> predicted;
    std::set<std::string> seen;
    for (const ExtractedSource& s : extractor.extract(c.text, c.title)) {
      if (s.name.empty()) continue;
      if (seen.insert(s.key.empty() ? "name:" + comparable(normalizer, s.name) : "key:" + s.key).second)
        predicted.push_back(s);
    }
    std::vector<bool> matched(c.gold.size(), false);
    std::string wrong;
    for (const ExtractedSource& s : predicted) {
      const std::string name = comparable(normalizer, s.name), text = comparable(normalizer, s.text);
      bool right = false;
      for (std::size_t g = 0; g < c.gold.size() && !right; ++g) {
        if (matched[g]) continue;
        const Gold& gold = c.gold[g];
        bool hit = !gold.key.empty() && s.key == gold.key;
        for (const std::string& n : gold.names) hit = hit || n == name || n == text;
        if (hit) matched[g] = right = true;
      }
      if (right) {
        ++counts.tp;
      } else {
        ++counts.fp;
        wrong += " FP{" + s.name + (s.key.empty() ? "" : "=" + s.key) + " " + to_string(s.kind) + "}";
      }
    }
    for (std::size_t g = 0; g < c.gold.size(); ++g)
      if (!matched[g]) {
        ++counts.fn;
        wrong += " FN{" + c.gold[g].written + "}";
      }
    if (errors && !wrong.empty())
      std::printf("%s %s %s:%s\n", c.id.c_str(), c.position.c_str(), c.origin.c_str(), wrong.c_str());
  }
  if (errors) std::printf("\n");
  std::printf("Source extraction on %s, split %s\n\n", argv[1], only_split.c_str());
  std::printf("%-22s %6s %5s %5s %5s %7s %7s %7s\n", "position", "cases", "tp", "fp", "fn", "P", "R", "F1");
  Counts all;
  for (const auto& [position, counts] : by_position) {
    print_row(position, counts);
    all.add(counts);
  }
  print_row("overall", all);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "xa-source-eval: " << e.what() << "\n";
  return 1;
}
