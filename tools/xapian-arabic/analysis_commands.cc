/** @file
 *  @brief normalize, stem and analyze: the analysis pipeline on the command line.
 */
#include <xapian_arabic/light_stemmer.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "commands.h"

namespace xapian_arabic::cli {

namespace {
int status = 0;

std::string read_all(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

int exit_status() {
  return status;
}
void set_exit_status(int s) {
  status = s;
}

Config load_config(const std::string& path) {
  return path.empty() ? Config::defaults() : Config::load(path);
}

void add_config_option(CLI::App* cmd, std::string& path) {
  cmd->add_option("-c,--config", path, "TOML config file (default: built-in config/default.toml)")
      ->check(CLI::ExistingFile);
}

void register_analysis_commands(CLI::App& app) {
  auto config_path = std::make_shared<std::string>();

  auto* normalize = app.add_subcommand("normalize", "Normalize the text on stdin and write it to stdout");
  add_config_option(normalize, *config_path);
  normalize->callback([config_path] {
    const Normalizer normalizer(load_config(*config_path).analysis.normalization);
    std::string line, out;
    while (std::getline(std::cin, line)) {
      out.clear();
      normalizer.normalize_into(line, out);
      std::cout << out << '\n';
    }
  });

  auto* stem = app.add_subcommand(
      "stem", "Stem one word per line from stdin: exactly one stem per line on stdout (empty line for empty input)");
  add_config_option(stem, *config_path);
  stem->callback([config_path] {
    const Analyzer analyzer(load_config(*config_path).analysis);
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // One line in, one line out: a stem never contains a newline.
      std::cout << (line.empty() ? std::string() : analyzer.stem(line)) << '\n';
    }
  });

  auto* analyze = app.add_subcommand("analyze", "Show the terms the indexer makes from text (stdin or files)");
  add_config_option(analyze, *config_path);
  auto files = std::make_shared<std::vector<std::string>>();
  analyze->add_option("files", *files, "Text files (default: stdin)")->check(CLI::ExistingFile);
  analyze->callback([config_path, files] {
    const Analyzer analyzer(load_config(*config_path).analysis);
    auto show = [&](const std::string& name, const std::string& text) {
      if (!name.empty()) std::cout << "== " << name << '\n';
      for (const AnalyzedTerm& t : analyzer.analyze(text)) {
        std::cout << t.position << '\t' << text.substr(t.begin, t.end - t.begin) << '\t' << t.term << '\t'
                  << (t.stopword       ? "(stopword)"
                      : t.stem.empty() ? "-"
                                       : "Z" + t.stem)
                  << '\n';
      }
    };
    if (files->empty()) show("", read_all(std::cin));
    for (const auto& f : *files) {
      std::ifstream in(f, std::ios::binary);
      show(f, read_all(in));
    }
  });
}

}  // namespace xapian_arabic::cli
