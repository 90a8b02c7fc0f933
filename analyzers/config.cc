/** @file
 *  @brief Loading and validating the TOML configuration with toml++.
 */
#include <toml++/toml.h>
#include <xapian_arabic/config.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <type_traits>

#include "data_files.h"

namespace xapian_arabic {

namespace {

std::string where(const std::string& source, const toml::source_region& region) {
  return source + ":" + std::to_string(region.begin.line) + ": ";
}

std::string fmt(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

// Reads one table, refusing keys nobody reads.
class Section {
 public:
  Section(const toml::table& root, const char* name, const std::string& source)
      : source_(source), name_(name), table_(root[name].as_table()) {}

  void read_bool(const char* key, bool& out) {
    if (auto node = find(key)) {
      if (!node->is_boolean()) fail(*node, std::string(key) + " must be true or false");
      out = node->as_boolean()->get();
    }
  }
  void read_string(const char* key, std::string& out) {
    if (auto node = find(key)) {
      if (!node->is_string()) fail(*node, std::string(key) + " must be a string");
      out = node->as_string()->get();
    }
  }
  void read_path(const char* key, std::string& out, const std::string& base_dir) {
    read_string(key, out);
    if (!out.empty() && std::filesystem::path(out).is_relative())
      out = (std::filesystem::path(base_dir) / out).string();
  }
  template <class Number>
  void read_number(const char* key, Number& out, double min, double max) {
    if (auto node = find(key)) {
      double value;
      if (auto i = node->as_integer())
        value = double(i->get());
      else if (auto f = node->as_floating_point(); f && !std::is_integral_v<Number>)
        value = f->get();
      else
        fail(*node, std::string(key) + (std::is_integral_v<Number> ? " must be a whole number" : " must be a number"));
      if (!(value >= min && value <= max))
        fail(*node, std::string(key) + " must be between " + fmt(min) + " and " + fmt(max));
      out = static_cast<Number>(value);
    }
  }
  void read_string_list(const char* key, std::vector<std::string>& out) {
    if (auto node = find(key)) {
      const auto* array = node->as_array();
      if (!array || array->empty()) fail(*node, std::string(key) + " must be a non-empty array of strings");
      std::vector<std::string> values;
      for (const auto& item : *array) {
        if (!item.is_string()) fail(item, std::string(key) + " must hold only strings");
        values.push_back(item.as_string()->get());
      }
      out = std::move(values);
    }
  }
  template <class Parse>
  void read_enum(const char* key, Parse parse) {
    if (auto node = find(key)) {
      if (!node->is_string()) fail(*node, std::string(key) + " must be a string");
      try {
        parse(node->as_string()->get());
      } catch (const std::exception& e) {
        fail(*node, e.what());
      }
    }
  }
  [[noreturn]] void fail(const toml::node& node, const std::string& what) const {
    throw ConfigError(where(source_, node.source()) + "[" + name_ + "] " + what);
  }
  /// Call after reading: any key not read is unknown.
  void reject_unknown() const {
    if (!table_) return;
    for (const auto& [key, node] : *table_)
      if (!seen_.count(std::string(key.str())))
        throw ConfigError(where(source_, node.source()) + "unknown key '" + std::string(key.str()) + "' in [" + name_ +
                          "]");
  }

 private:
  const toml::node* find(const char* key) {
    seen_.insert(key);
    return table_ ? table_->get(key) : nullptr;
  }
  std::string source_, name_;
  const toml::table* table_;
  std::set<std::string> seen_;
};

}  // namespace

Config Config::defaults() {
  return parse(read_table("default.toml"), "built-in default.toml");
}

Config Config::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot open config file");
  std::ostringstream text;
  text << in.rdbuf();
  const auto dir = std::filesystem::path(path).parent_path();
  return parse(text.str(), path, dir.empty() ? "." : dir.string());
}

Config Config::parse(std::string_view text, const std::string& source, const std::string& base_dir) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw ConfigError(where(source, e.source()) + std::string(e.description()));
  }
  static const std::set<std::string> known_sections = {"normalization", "stemming", "stopwords", "index",
                                                       "weights",       "bm25",     "recency",   "search",
                                                       "sources",       "dates",    "jsonl"};
  for (const auto& [key, node] : root) {
    if (!known_sections.count(std::string(key.str())))
      throw ConfigError(where(source, node.source()) + "unknown section or key '" + std::string(key.str()) + "'");
    if (!node.is_table())
      throw ConfigError(where(source, node.source()) + "'" + std::string(key.str()) + "' must be a [section]");
  }

  Config config;
  NormalizerOptions& n = config.analysis.normalization;
  Section norm(root, "normalization", source);
  norm.read_bool("remove_harakat", n.remove_harakat);
  norm.read_bool("remove_quranic_marks", n.remove_quranic_marks);
  norm.read_bool("remove_tatweel", n.remove_tatweel);
  norm.read_bool("fold_presentation_forms", n.fold_presentation_forms);
  norm.read_bool("fold_alef", n.fold_alef);
  norm.read_bool("fold_alef_maqsura", n.fold_alef_maqsura);
  norm.read_bool("fold_teh_marbuta", n.fold_teh_marbuta);
  norm.read_bool("fold_hamza_seats", n.fold_hamza_seats);
  norm.read_bool("fold_persian_letters", n.fold_persian_letters);
  norm.read_bool("fold_digits", n.fold_digits);
  norm.read_bool("remove_format_controls", n.remove_format_controls);
  norm.read_bool("case_fold_latin", n.case_fold_latin);
  norm.reject_unknown();

  AnalysisSettings& a = config.analysis;
  Section stem(root, "stemming", source);
  stem.read_enum("stemmer", [&](const std::string& v) { a.stemmer = parse_stemmer_kind(v); });
  stem.read_string("latin_stemmer", a.latin_stemmer);
  stem.read_path("tables_dir", a.stemmer_tables_dir, base_dir);
  stem.reject_unknown();

  Section stop(root, "stopwords", source);
  stop.read_bool("enabled", a.use_stopwords);
  stop.read_path("file", a.stopwords_file, base_dir);
  stop.reject_unknown();

  Section index(root, "index", source);
  index.read_number("threads", config.index.threads, 0, 256);
  index.read_number("batch_size", config.index.batch_size, 1, 10'000'000);
  index.read_string("language", config.index.language);
  index.read_enum("parallel_write", [&](const std::string& v) {
    if (v == "auto")
      config.index.parallel_write = ParallelWrite::automatic;
    else if (v == "always")
      config.index.parallel_write = ParallelWrite::always;
    else if (v == "never")
      config.index.parallel_write = ParallelWrite::never;
    else
      throw std::invalid_argument("parallel_write must be auto, always or never");
  });
  index.reject_unknown();

  Section weights(root, "weights", source);
  weights.read_number("title", config.weights.title, 0, 100);
  weights.read_number("lead", config.weights.lead, 0, 100);
  weights.read_number("body", config.weights.body, 0, 100);
  weights.read_number("source", config.weights.source, 0, 100);
  weights.reject_unknown();

  Section bm25(root, "bm25", source);
  bm25.read_number("k1", config.bm25.k1, 0, 1000);
  bm25.read_number("k2", config.bm25.k2, 0, 1000);
  bm25.read_number("k3", config.bm25.k3, 0, 1000);
  bm25.read_number("b", config.bm25.b, 0, 1);
  bm25.read_number("min_normlen", config.bm25.min_normlen, 0, 1000);
  bm25.reject_unknown();

  Section recency(root, "recency", source);
  recency.read_bool("enabled", config.recency.enabled);
  recency.read_number("weight", config.recency.weight, 0, 1000);
  recency.read_number("half_life_days", config.recency.half_life_days, 1, 1e6);
  recency.reject_unknown();

  Section search(root, "search", source);
  search.read_number("limit", config.search.limit, 1, 100000);
  search.read_number("snippet_length", config.search.snippet_length, 0, 100000);
  search.read_number("exact_form_weight", config.search.exact_form_weight, 0, 100);
  search.reject_unknown();

  Section sources(root, "sources", source);
  sources.read_path("aliases_file", config.extraction.aliases_file, base_dir);
  sources.read_path("cities_file", config.extraction.cities_file, base_dir);
  sources.reject_unknown();

  Section dates(root, "dates", source);
  dates.read_path("tables_dir", config.extraction.dates_tables_dir, base_dir);
  dates.read_enum("islamic_calendar", [&](const std::string& v) {
    static const std::set<std::string> known = {"islamic-umalqura", "islamic-civil", "islamic", "islamic-tbla",
                                                "islamic-rgsa"};
    if (!known.count(v))
      throw std::invalid_argument(
          "islamic_calendar must be one of islamic-umalqura, islamic-civil, islamic, "
          "islamic-tbla, islamic-rgsa");
    config.extraction.islamic_calendar = v;
  });
  dates.reject_unknown();

  Section jsonl(root, "jsonl", source);
  jsonl.read_string_list("id", config.jsonl.id);
  jsonl.read_string_list("title", config.jsonl.title);
  jsonl.read_string_list("body", config.jsonl.body);
  jsonl.read_string_list("date", config.jsonl.date);
  jsonl.read_string_list("updated", config.jsonl.updated);
  jsonl.read_string_list("source", config.jsonl.source);
  jsonl.read_string_list("url", config.jsonl.url);
  jsonl.reject_unknown();
  return config;
}

}  // namespace xapian_arabic
