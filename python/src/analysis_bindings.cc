/** @file
 *  @brief normalize, stem, analyze, and the Analyzer on python3-xapian objects (index_text, parse_query,
 *  a Xapian::Stem and a Xapian::Stopper that TermGenerator and QueryParser take).
 *
 *  Calls keep the GIL: the Analyzer's stem cache is not thread-safe, and the GIL is what
 *  serializes Python threads sharing one. python3-xapian releases the GIL inside its calls, so
 *  the Stem and QueryParser handed to it get a stemmer of their own (a Xapian::Stem is not
 *  thread-safe), never the Analyzer's.
 */
#include <pybind11/stl.h>

#include <optional>

#include "bindings.h"
#include "swig_bridge.h"

namespace py = pybind11;

namespace xapian_arabic::python {

namespace {

/// A term with code-point offsets too (Python slices str by code points).
struct PyTerm {
  AnalyzedTerm term;
  std::size_t char_begin = 0, char_end = 0;
};

/// xapian_arabic.Analyzer: the C++ Analyzer of a config, plus a stopper and a query parser made on first use.
struct PyAnalyzer {
  explicit PyAnalyzer(std::shared_ptr<PyConfig> c) : config(std::move(c)) {}
  Analyzer& get() { return config->analyzer(); }

  const Xapian::Stopper* stopper() {
    if (!stopper_.get()) stopper_ = (new ArabicStopper(config->config.analysis))->release();  // reference-counted
    return stopper_.get();
  }
  Xapian::QueryParser& parser() {
    if (!parser_) parser_ = get().make_query_parser();
    return *parser_;
  }

  std::shared_ptr<PyConfig> config;

 private:
  Xapian::Internal::opt_intrusive_ptr<const Xapian::Stopper> stopper_;
  std::optional<Xapian::QueryParser> parser_;
};

std::vector<PyTerm> analyze(Analyzer& analyzer, std::string_view text, Xapian::termpos start_pos) {
  std::vector<PyTerm> out;
  std::size_t byte = 0, chars = 0;
  auto char_offset = [&](std::size_t to) {  // offsets only grow: count lead bytes once
    if (to < byte) byte = chars = 0;
    for (; byte < to && byte < text.size(); ++byte)
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++chars;
    return chars;
  };
  for (AnalyzedTerm& t : analyzer.analyze(text, start_pos)) {
    const std::size_t b = char_offset(t.begin), e = char_offset(t.end);
    out.push_back({std::move(t), b, e});
  }
  return out;
}

Xapian::termpos index_text(PyAnalyzer& a, py::handle doc, std::string_view text, const std::string& prefix,
                           Xapian::termcount wdf_inc, Xapian::termpos start_pos) {
  return a.get().index_text(document_of(doc), text, start_pos, wdf_inc, prefix);
}

py::object parse_query(PyAnalyzer& a, std::string_view query, py::handle parser, unsigned flags,
                       const std::string& default_prefix) {
  Xapian::QueryParser& qp = parser.is_none() ? a.parser() : query_parser_of(parser);
  return to_python_query(a.get().parse_query(qp, query, flags, default_prefix));
}

py::object stopper_of(py::object self) {
  return to_python_stopper(self.cast<PyAnalyzer&>().stopper(), self);
}

PyAnalyzer analyzer_arg(py::handle config) {
  return PyAnalyzer(config_arg(config));
}

constexpr const char* kAnalyzeDoc =
    "The terms the indexer makes from ``text``: a list of Term, positions from start_pos + 1 on.\n\n"
    "Term.begin/.end are byte offsets into text.encode('utf-8'); Term.char_begin/.char_end are\n"
    "code-point offsets, so text[t.char_begin:t.char_end] is the word as written.";
constexpr const char* kIndexTextDoc =
    "Adds the terms of ``text`` to ``doc`` (a python3-xapian xapian.Document) exactly as\n"
    "`xapian-arabic index` does: normalized words with positions after ``start_pos``, and\n"
    "'Z' + prefix + stem for words starting with a letter (TermGenerator's STEM_SOME layout).\n"
    "Each occurrence adds ``wdf_inc``; terms get ``prefix``. Returns the last position used;\n"
    "pass it (plus a gap) as start_pos to index more text into the same document.\n\n"
    "The whole text is analyzed in C++: no Python call per word.";
constexpr const char* kParseQueryDoc =
    "Parses ``query`` as the indexed text was analyzed: normalized (operators AND OR NOT XOR\n"
    "NEAR ADJ kept), then parsed by ``parser`` (a xapian.QueryParser, e.g. from query_parser(),\n"
    "with your prefixes and range processors) or by a parser with this analyzer's stemmer and\n"
    "stopper (STEM_SOME). Returns a xapian.Query for python3-xapian's Enquire.";

}  // namespace

void register_analysis(py::module_& m) {
  py::class_<PyTerm>(m, "Term", "One word of analyzed text and the terms it makes.")
      .def_property_readonly(
          "term", [](const PyTerm& t) { return t.term.term; }, "The normalized word (indexed with its position).")
      .def_property_readonly(
          "stem", [](const PyTerm& t) { return t.term.stem; },
          "Its stem (indexed as 'Z' + stem), '' for stopwords, numbers and words not starting with a letter.")
      .def_property_readonly(
          "position", [](const PyTerm& t) { return t.term.position; }, "Term position (1-based).")
      .def_property_readonly(
          "stopword", [](const PyTerm& t) { return t.term.stopword; },
          "True if the word is a stopword (only with [stopwords] enabled).")
      .def_property_readonly(
          "begin", [](const PyTerm& t) { return t.term.begin; }, "Byte offset of the word in the UTF-8 text.")
      .def_property_readonly(
          "end", [](const PyTerm& t) { return t.term.end; }, "Byte offset one past the word in the UTF-8 text.")
      .def_readonly("char_begin", &PyTerm::char_begin, "Code-point offset of the word in the str.")
      .def_readonly("char_end", &PyTerm::char_end, "Code-point offset one past the word in the str.")
      .def("__repr__", [](const PyTerm& t) {
        return "Term(" + std::to_string(t.term.position) + ", '" + t.term.term + "', stem='" + t.term.stem + "')";
      });

  py::class_<PyAnalyzer>(m, "Analyzer",
                         "Index-time and query-time analysis from one config: normalizer, stemmer, stopper.\n\n"
                         "Use the same Analyzer (or config) to index and to query, and they cannot disagree.\n"
                         "Not for concurrent use from several threads at once (the GIL serializes calls).")
      .def(py::init([](py::handle config) { return analyzer_arg(config); }), py::arg("config") = py::none(),
           "An analyzer with the [normalization], [stemming] and [stopwords] of ``config``.")
      .def_readonly("config", &PyAnalyzer::config, "The Config it was made from.")
      .def(
          "normalize", [](PyAnalyzer& a, std::string_view text) { return a.get().normalize(text); }, py::arg("text"),
          "Normalized copy of ``text`` (diacritics, tatweel, letter variants, digits, controls).")
      .def(
          "normalize_query", [](PyAnalyzer& a, std::string_view q) { return a.get().normalize_query(q); },
          py::arg("query"), "The query string as the QueryParser gets it (operators kept).")
      .def(
          "field_prefix", [](PyAnalyzer& a, std::string_view prefix) { return a.get().field_prefix(prefix); },
          py::arg("prefix"),
          "The prefix for QueryParser.add_prefix() of a field whose terms have ``prefix``: ``prefix``\n"
          "itself in the words layout, \"Z\" + ``prefix`` in the stems layout ([index] layout).")
      .def_property_readonly(
          "layout", [](PyAnalyzer& a) { return std::string(to_string(a.get().layout())); },
          "The [index] layout of its terms: \"stems\" or \"words\" (docs/index-format.md).")
      .def(
          "stem", [](PyAnalyzer& a, std::string_view word) { return a.get().stem(word); }, py::arg("word"),
          "Stem of a raw word (normalized first), as indexed after 'Z'.")
      .def(
          "analyze",
          [](PyAnalyzer& a, std::string_view text, Xapian::termpos start) { return analyze(a.get(), text, start); },
          py::arg("text"), py::arg("start_pos") = 0, kAnalyzeDoc)
      .def("index_text", &index_text, py::arg("doc"), py::arg("text"), py::arg("prefix") = "", py::arg("wdf_inc") = 1,
           py::arg("start_pos") = 0, kIndexTextDoc)
      .def("parse_query", &parse_query, py::arg("query"), py::arg("parser") = py::none(),
           py::arg("flags") = Analyzer::kDefaultQueryFlags, py::arg("default_prefix") = "", kParseQueryDoc)
      .def(
          "query_parser",
          [](PyAnalyzer& a) {
            return to_python_query_parser(
                Analyzer(a.config->config.analysis, a.config->config.index.layout).make_query_parser());
          },
          "A new xapian.QueryParser making the terms of the config's [index] layout (STEM_ALL over stems,\n"
          "or STEM_SOME for words) with this analyzer's stemmer and stopper. Give its\n"
          "queries to parse_query(), which normalizes them first.")
      .def(
          "stemmer", [](PyAnalyzer& a) { return to_python_stem(make_stem(a.config->config.analysis)); },
          "A new xapian.Stem running the C++ stemmer (no Python call per word), for\n"
          "TermGenerator.set_stemmer and QueryParser.set_stemmer. It normalizes each word first.\n"
          "Like Xapian's own stemmers, use each one from one thread at a time.")
      .def("stopper", &stopper_of,
           "A xapian.Stopper with the [stopwords] list (normalized), running in C++, for\n"
           "TermGenerator.set_stopper and QueryParser.set_stopper. It keeps this Analyzer alive.")
      .def_property_readonly(
          "metadata_value", [](PyAnalyzer& a) { return a.get().metadata_value(); },
          "What write_metadata() stores: 'xapian-arabic VERSION;FINGERPRINT'.")
      .def(
          "write_metadata", [](PyAnalyzer& a, py::handle db) { a.get().write_metadata(writable_database_of(db)); },
          py::arg("db"),
          "Records the analysis settings in ``db`` (a xapian.WritableDatabase), as `xapian-arabic index`\n"
          "does, so `xapian-arabic search` and Searcher accept the index.")
      .def(
          "check_compatible", [](PyAnalyzer& a, py::handle db) { a.get().check_compatible(database_of(db)); },
          py::arg("db"),
          "Raises IncompatibleIndexError if ``db`` (a xapian.Database) holds documents analyzed otherwise.");

  m.attr("DEFAULT_QUERY_FLAGS") = Analyzer::kDefaultQueryFlags;
  const auto config = py::arg("config") = py::none();
  m.def(
      "normalize", [](std::string_view text, py::handle c) { return config_arg(c)->analyzer().normalize(text); },
      py::arg("text"), config, "Normalized copy of ``text`` (as `xapian-arabic normalize`).");
  m.def(
      "stem", [](std::string_view word, py::handle c) { return config_arg(c)->analyzer().stem(word); }, py::arg("word"),
      config, "Stem of a raw word (normalized first), as `xapian-arabic stem`.");
  m.def(
      "analyze", [](std::string_view text, py::handle c) { return analyze(config_arg(c)->analyzer(), text, 0); },
      py::arg("text"), config, kAnalyzeDoc);
  m.def(
      "index_text",
      [](py::handle doc, std::string_view text, const std::string& prefix, Xapian::termcount wdf, py::handle c) {
        PyAnalyzer a = analyzer_arg(c);
        return index_text(a, doc, text, prefix, wdf, 0);
      },
      py::arg("doc"), py::arg("text"), py::arg("prefix") = "", py::arg("wdf_inc") = 1, config, kIndexTextDoc);
  m.def(
      "parse_query",
      [](std::string_view query, py::handle c, py::handle parser, unsigned flags, const std::string& prefix) {
        PyAnalyzer a = analyzer_arg(c);
        return parse_query(a, query, parser, flags, prefix);
      },
      py::arg("query"), config, py::arg("parser") = py::none(), py::arg("flags") = Analyzer::kDefaultQueryFlags,
      py::arg("default_prefix") = "", kParseQueryDoc);
  m.def(
      "stemmer", [](py::handle c) { return to_python_stem(make_stem(config_arg(c)->config.analysis)); }, config,
      "A xapian.Stem running the C++ stemmer of ``config`` (see Analyzer.stemmer).");
  m.def(
      "stopper", [](py::handle c) { return stopper_of(py::cast(analyzer_arg(c))); }, config,
      "A xapian.Stopper with the stopword list of ``config`` (see Analyzer.stopper).");
}

}  // namespace xapian_arabic::python
