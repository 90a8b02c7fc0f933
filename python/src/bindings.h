/** @file
 *  @brief What the binding files share: the config argument every function takes, and their registration.
 */
#pragma once

#include <pybind11/pybind11.h>
#include <xapian_arabic.h>
#include <xapian_arabic/article_extractor.h>
#include <xapian_arabic/news_reader.h>

#include <memory>
#include <string>

namespace xapian_arabic::python {

/// xapian_arabic.Config: a loaded config plus the objects built from it on first use, so
/// calls that pass the same Config do not rebuild tables. Python objects, used under the GIL.
struct PyConfig {
  PyConfig(Config c, std::string from) : config(std::move(c)), origin(std::move(from)) {}
  Config config;
  std::string origin;  ///< the file it came from, or "defaults" / "<string>"

  Analyzer& analyzer();
  const ArticleExtractor& extractor();
  const NewsReader& reader();

 private:
  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<ArticleExtractor> extractor_;
  std::unique_ptr<NewsReader> reader_;
};

/// The config a `config=` argument names: None (the built-in defaults, one shared object),
/// a Config, or a path (str or os.PathLike) of a TOML file. Throws ConfigError, TypeError.
std::shared_ptr<PyConfig> config_arg(pybind11::handle config);

/// os.fspath(@p path) as UTF-8.
std::string fspath(pybind11::handle path);

void register_errors(pybind11::module_& m);
void register_config(pybind11::module_& m);
void register_analysis(pybind11::module_& m);
void register_articles(pybind11::module_& m);
void register_index_and_search(pybind11::module_& m);

}  // namespace xapian_arabic::python
