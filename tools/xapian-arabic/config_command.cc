/** @file
 *  @brief config check / config show: validate a TOML config, print the effective settings.
 *
 *  show prints TOML that config check accepts and that loads back to the same settings.
 */
#include <charconv>
#include <iostream>
#include <memory>

#include "commands.h"

namespace xapian_arabic::cli {

namespace {

/// Writes TOML in the order and layout of config/default.toml.
class TomlWriter {
 public:
  explicit TomlWriter(std::ostream& out) : out_(out) {}
  TomlWriter& section(const char* name) {
    out_ << (first_ ? "" : "\n") << '[' << name << "]\n";
    first_ = false;
    return *this;
  }
  TomlWriter& operator()(const char* key, bool v) { return line(key, v ? "true" : "false"); }
  TomlWriter& operator()(const char* key, std::size_t v) { return line(key, std::to_string(v)); }
  TomlWriter& operator()(const char* key, unsigned v) { return line(key, std::to_string(v)); }
  TomlWriter& operator()(const char* key, double v) {
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;  // shortest form that reads back exactly
    std::string text(buf, end);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return line(key, text);
  }
  TomlWriter& operator()(const char* key, const std::string& v) { return line(key, quote(v)); }
  TomlWriter& operator()(const char* key, const std::vector<std::string>& v) {
    std::string text = "[";
    for (std::size_t i = 0; i < v.size(); ++i) text += (i ? ", " : "") + quote(v[i]);
    return line(key, text + "]");
  }

 private:
  static std::string quote(const std::string& v) {
    std::string q = "\"";
    for (char c : v) {
      if (c == '"' || c == '\\') q += '\\';
      q += c;
    }
    return q + '"';
  }
  TomlWriter& line(const char* key, const std::string& value) {
    out_ << key << " = " << value << '\n';
    return *this;
  }
  std::ostream& out_;
  bool first_ = true;
};

void print_toml(const Config& c, std::ostream& out) {
  const NormalizerOptions& n = c.analysis.normalization;
  const AnalysisSettings& a = c.analysis;
  TomlWriter w(out);
  w.section("normalization")("remove_harakat", n.remove_harakat)("remove_quranic_marks", n.remove_quranic_marks)(
      "remove_tatweel", n.remove_tatweel)("fold_presentation_forms", n.fold_presentation_forms)(
      "fold_alef", n.fold_alef)("fold_alef_maqsura", n.fold_alef_maqsura)("fold_teh_marbuta", n.fold_teh_marbuta)(
      "fold_hamza_seats", n.fold_hamza_seats)("fold_persian_letters", n.fold_persian_letters)(
      "fold_digits", n.fold_digits)("remove_format_controls", n.remove_format_controls)("case_fold_latin",
                                                                                        n.case_fold_latin);
  w.section("stemming")("stemmer", std::string(to_string(a.stemmer)))("latin_stemmer", a.latin_stemmer)(
      "tables_dir", a.stemmer_tables_dir);
  w.section("stopwords")("enabled", a.use_stopwords)("file", a.stopwords_file);
  w.section("index")("threads", c.index.threads)("batch_size", c.index.batch_size)("language", c.index.language)(
      "parallel_write", std::string(c.index.parallel_write == ParallelWrite::automatic ? "auto"
                                    : c.index.parallel_write == ParallelWrite::always  ? "always"
                                                                                       : "never"));
  w.section("weights")("title", c.weights.title)("lead", c.weights.lead)("body", c.weights.body)("source",
                                                                                                 c.weights.source);
  w.section("bm25")("k1", c.bm25.k1)("k2", c.bm25.k2)("k3", c.bm25.k3)("b", c.bm25.b)("min_normlen",
                                                                                      c.bm25.min_normlen);
  w.section("recency")("enabled", c.recency.enabled)("weight", c.recency.weight)("half_life_days",
                                                                                 c.recency.half_life_days);
  w.section("search")("limit", c.search.limit)("snippet_length", c.search.snippet_length);
  w.section("sources")("aliases_file", c.extraction.aliases_file)("cities_file", c.extraction.cities_file);
  w.section("dates")("tables_dir", c.extraction.dates_tables_dir)("islamic_calendar", c.extraction.islamic_calendar);
  w.section("jsonl")("id", c.jsonl.id)("title", c.jsonl.title)("body", c.jsonl.body)("date", c.jsonl.date)(
      "updated", c.jsonl.updated)("source", c.jsonl.source)("url", c.jsonl.url);
}

}  // namespace

void register_config_commands(CLI::App& app) {
  auto* config = app.add_subcommand("config", "Check a config file or show the effective settings");
  config->require_subcommand(1);

  auto check_path = std::make_shared<std::string>();
  auto* check =
      config->add_subcommand("check", "Validate FILE: prints 'FILE: OK', or FILE:LINE: what is wrong (exit 1)");
  check->add_option("file", *check_path, "TOML config file")->required();
  check->callback([check_path] {
    try {
      Config::load(*check_path);
      std::cout << *check_path << ": OK\n";
    } catch (const ConfigError& e) {
      std::cerr << e.what() << '\n';
      set_exit_status(1);
    }
  });

  auto show_path = std::make_shared<std::string>();
  auto* show =
      config->add_subcommand("show", "Print every setting in effect (the built-in defaults, or FILE over them)");
  show->add_option("file", *show_path, "TOML config file (default: built-in config/default.toml)");
  show->callback([show_path] {
    try {
      print_toml(load_config(*show_path), std::cout);
    } catch (const ConfigError& e) {
      std::cerr << e.what() << '\n';
      set_exit_status(1);
    }
  });
}

}  // namespace xapian_arabic::cli
