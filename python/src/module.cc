/** @file
 *  @brief The extension module `xapian_arabic._xapian_arabic`: errors, Config, and the registration of the rest.
 *
 *  The package `xapian_arabic` (python/xapian_arabic/__init__.py) re-exports it and adds the
 *  pure-Python parts (the python3-xapian subclasses, ReadError).
 */
#include <xapian_arabic/news_indexer.h>
#include <xapian_arabic/news_search.h>

#include "bindings.h"

namespace py = pybind11;

namespace xapian_arabic::python {

namespace {

// Python exception classes, created once and never released (the module lives until exit).
PyObject* error_class = nullptr;
PyObject* config_error_class = nullptr;
PyObject* table_error_class = nullptr;
PyObject* index_error_class = nullptr;
PyObject* search_error_class = nullptr;
PyObject* incompatible_error_class = nullptr;
PyObject* shard_error_class = nullptr;
PyObject* shard_unavailable_class = nullptr;

PyObject* new_error(py::module_& m, const char* name, PyObject* base, const char* doc) {
  const std::string qualified = std::string("xapian_arabic.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base, nullptr);
  if (!cls) throw py::error_already_set();
  m.add_object(name, py::handle(cls));  // add_object takes its own reference
  return cls;
}

/// Xapian's own errors become python3-xapian's classes (xapian.DatabaseLockError ...) when it is importable.
void raise_xapian_error(const Xapian::Error& e) {
  PyObject* cls = PyExc_RuntimeError;
  py::object xapian_cls;
  try {
    xapian_cls = py::module_::import("xapian").attr(e.get_type());
    cls = xapian_cls.ptr();
  } catch (py::error_already_set&) {
  }
  PyErr_SetString(cls, e.get_description().c_str());
}

}  // namespace

void register_errors(py::module_& m) {
  error_class = new_error(m, "Error", PyExc_Exception,
                          "Base class of every error xapian_arabic raises (C++ xapian_arabic::Error).\n\n"
                          "The message names the file (and line) where there is one.");
  config_error_class =
      new_error(m, "ConfigError", error_class, "A config file or setting is wrong: 'FILE:LINE: [section] key ...'.");
  table_error_class = new_error(m, "TableError", error_class,
                                "A data table (config/ or a replacement named in the config) is malformed.");
  index_error_class = new_error(m, "IndexError", error_class,
                                "Indexing cannot run: the database cannot be opened, is locked, ...\n\n"
                                "Not the builtin IndexError: catch xapian_arabic.IndexError.");
  search_error_class = new_error(m, "SearchError", error_class,
                                 "A query, date or option the search cannot use, or an index that cannot be opened.");
  incompatible_error_class = new_error(m, "IncompatibleIndexError", error_class,
                                       "The index was built with other analysis settings than the config given.");
  // A SearchError in Python, as "cannot open the index" was before there were shards.
  shard_error_class = new_error(m, "ShardError", search_error_class,
                                "A database of a search cannot be opened (missing, not a database, bad stub line).");
  shard_unavailable_class =
      new_error(m, "ShardUnavailableError", shard_error_class,
                "A remote shard is down, did not answer within the timeout, or went away: try again later.");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const IncompatibleIndexError& e) {
      PyErr_SetString(incompatible_error_class, e.what());
    } catch (const IndexError& e) {
      PyErr_SetString(index_error_class, e.what());
    } catch (const SearchError& e) {
      PyErr_SetString(search_error_class, e.what());
    } catch (const ShardUnavailableError& e) {
      PyErr_SetString(shard_unavailable_class, e.what());
    } catch (const ShardError& e) {
      PyErr_SetString(shard_error_class, e.what());
    } catch (const ConfigError& e) {
      PyErr_SetString(config_error_class, e.what());
    } catch (const TableError& e) {
      PyErr_SetString(table_error_class, e.what());
    } catch (const Error& e) {
      PyErr_SetString(error_class, e.what());
    } catch (const Xapian::Error& e) {
      raise_xapian_error(e);
    }
  });
}

Analyzer& PyConfig::analyzer() {
  if (!analyzer_) analyzer_ = std::make_unique<Analyzer>(config.analysis, config.index.layout);
  return *analyzer_;
}

const ArticleExtractor& PyConfig::extractor() {
  if (!extractor_) extractor_ = std::make_unique<ArticleExtractor>(config.extraction);
  return *extractor_;
}

const NewsReader& PyConfig::reader() {
  if (!reader_) reader_ = std::make_unique<NewsReader>(config.reader_options());
  return *reader_;
}

std::string fspath(py::handle path) {
  const py::object s = py::module_::import("os").attr("fspath")(path);
  if (!py::isinstance<py::str>(s)) throw py::type_error("paths must be str or os.PathLike of str");
  return s.cast<std::string>();
}

std::shared_ptr<PyConfig> config_arg(py::handle config) {
  if (config.is_none()) {
    static const auto defaults = std::make_shared<PyConfig>(Config::defaults(), "defaults");
    return defaults;
  }
  if (py::isinstance<PyConfig>(config)) return config.cast<std::shared_ptr<PyConfig>>();
  if (py::isinstance<py::str>(config) || py::hasattr(config, "__fspath__")) {
    const std::string path = fspath(config);
    return std::make_shared<PyConfig>(Config::load(path), path);
  }
  throw py::type_error("config must be None, a xapian_arabic.Config or the path of a TOML file");
}

void register_config(py::module_& m) {
  py::class_<PyConfig, std::shared_ptr<PyConfig>>(
      m, "Config",
      "A TOML configuration (config/default.toml documents every key).\n\n"
      "Every function taking ``config=`` accepts None (the built-in defaults), a Config, or the\n"
      "path of a TOML file. Pass a Config when calling many times: the tables it names are\n"
      "loaded once per Config object, on first use.")
      .def(py::init([] { return std::make_shared<PyConfig>(Config::defaults(), "defaults"); }),
           "The built-in defaults.")
      .def_static(
          "load", [](py::object path) { return std::make_shared<PyConfig>(Config::load(fspath(path)), fspath(path)); },
          py::arg("path"), "Reads a TOML file. Raises ConfigError('FILE:LINE: what is wrong').")
      .def_static(
          "parse",
          [](const std::string& toml, const std::string& source, py::object base_dir) {
            return std::make_shared<PyConfig>(Config::parse(toml, source, fspath(base_dir)), source);
          },
          py::arg("toml"), py::arg("source") = "<string>", py::arg("base_dir") = ".",
          "Parses TOML text; ``source`` names it in errors, relative paths resolve against ``base_dir``.")
      .def_static(
          "check",
          [](py::object path) { return std::make_shared<PyConfig>(Config::check(fspath(path)), fspath(path)); },
          py::arg("path"),
          "Like load(), and also loads every table the file names, so a malformed table is reported now.")
      .def_static("key_names", &Config::key_names, "Every key as 'section.key', in the order of default.toml.")
      .def(
          "to_toml", [](const PyConfig& c) { return c.config.to_toml(); },
          "The settings as TOML that parse() reads back to the same settings (``config show``).")
      .def_property_readonly(
          "fingerprint", [](const PyConfig& c) { return c.config.analysis.fingerprint(); },
          "Summary of the index-time analysis settings (tables included) that an index records.")
      .def_readonly("origin", &PyConfig::origin, "The file the config came from, 'defaults' or the parse() source.")
      .def("__repr__", [](const PyConfig& c) { return "<xapian_arabic.Config " + c.origin + ">"; });
}

}  // namespace xapian_arabic::python

PYBIND11_MODULE(_xapian_arabic, m) {
  m.doc() = "Arabic normalization, light stemming, news extraction, indexing and search for Xapian (C++ core).";
  m.attr("__version__") = xapian_arabic::version();
  m.def("xapian_version", &Xapian::version_string, "The version of the libxapian this module is linked with.");
  xapian_arabic::python::register_errors(m);
  xapian_arabic::python::register_config(m);
  xapian_arabic::python::register_analysis(m);
  xapian_arabic::python::register_articles(m);
  xapian_arabic::python::register_index_and_search(m);
}
