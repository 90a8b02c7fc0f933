/** @file
 *  @brief index() and search(): the `xapian-arabic index` and `search` commands as Python calls.
 *
 *  Both run without the GIL. The indexer's handlers take it back to call Python, and its
 *  progress handler (about 10 times a second) also checks for signals, so Ctrl-C stops the
 *  run the way SIGINT stops the command: what was read is committed, then KeyboardInterrupt.
 */
#include <pybind11/functional.h>
#include <pybind11/stl.h>
#include <xapian_arabic/news_indexer.h>
#include <xapian_arabic/news_search.h>

#include <atomic>
#include <optional>
#include <tuple>

#include "bindings.h"

namespace py = pybind11;

namespace xapian_arabic::python {

namespace {

/// Errors kept in IndexSummary.errors when no on_error handler is given: enough to read, bounded.
constexpr std::size_t kKeptErrors = 1000;

struct PyIndexSummary {
  IndexSummary summary;
  std::vector<py::object> errors;  ///< ReadError objects, the first kKeptErrors
};

struct PyHit {
  std::size_t rank = 0;
  SearchHit hit;
  std::string snippet;                                          ///< without highlight marks
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  ///< code-point spans in snippet
  std::string snippet_html;                                     ///< HTML-escaped, matched words in <b>...</b>
};

struct PySearchResults {
  Xapian::doccount estimated = 0;
  std::string query_description;
  std::vector<PyHit> hits;
};

PyHit to_hit(std::size_t rank, SearchHit&& hit) {
  PyHit out{rank, std::move(hit), {}, {}, {}};
  std::size_t chars = 0, begin = 0;
  for (char c : out.hit.snippet) {
    if (c == NewsSearch::kHighlightStart[0]) {
      begin = chars;
      out.snippet_html += "<b>";
    } else if (c == NewsSearch::kHighlightEnd[0]) {
      out.highlights.emplace_back(begin, chars);
      out.snippet_html += "</b>";
    } else {
      out.snippet += c;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
      out.snippet_html += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
    }
  }
  return out;
}

/// Optional date arguments: None, "2024-11-05"-like strings, or datetime.date.
std::string date_arg(py::handle d) {
  if (d.is_none()) return {};
  if (py::isinstance(d, py::module_::import("datetime").attr("date")))
    return d.attr("isoformat")().cast<std::string>().substr(0, 10);
  return d.cast<std::string>();
}

/// One path, or an iterable of them.
std::vector<std::string> path_list(py::handle paths) {
  std::vector<std::string> out;
  if (py::isinstance<py::str>(paths) || py::hasattr(paths, "__fspath__"))
    out.push_back(fspath(paths));
  else
    for (py::handle p : paths) out.push_back(fspath(p));
  return out;
}

PyIndexSummary run_index(py::handle db_path, py::handle paths, py::handle config, unsigned threads,
                         std::size_t batch_size, bool prune, py::object on_error, py::object on_progress,
                         unsigned shards, std::optional<std::pair<unsigned, unsigned>> partition) {
  const std::vector<std::string> inputs = path_list(paths);
  NewsIndexerOptions options;
  options.config = config_arg(config)->config;
  options.threads = threads;
  options.batch_size = batch_size;
  options.prune = prune;
  options.shards = shards;
  if (partition) std::tie(options.partition, options.partitions) = *partition;
  std::atomic<bool> stop{false};
  options.stop = &stop;
  NewsIndexer indexer(fspath(db_path), options);

  PyIndexSummary out;
  std::optional<py::error_already_set> raised;  // the first Python exception of a handler
  auto call_python = [&](auto&& body) {
    py::gil_scoped_acquire gil;
    if (raised) return;
    try {
      body();
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    } catch (py::error_already_set& e) {
      raised.emplace(std::move(e));
      stop = true;
    }
  };
  indexer.set_error_handler([&](const ReadError& e) {
    call_python([&] {
      py::object error = py::module_::import("xapian_arabic").attr("ReadError")(e.path, e.line, e.message, e.warning);
      if (!on_error.is_none())
        on_error(error);
      else if (out.errors.size() < kKeptErrors)
        out.errors.push_back(std::move(error));
    });
  });
  indexer.set_progress_handler([&](const IndexProgress& p) {
    call_python([&] {
      if (on_progress.is_none()) return;
      py::dict d;
      d["files_total"] = p.files_total;
      d["files_to_read"] = p.files_to_read;
      d["files_done"] = p.files_done;
      d["bytes_to_read"] = p.bytes_to_read;
      d["bytes_read"] = p.bytes_read;
      d["articles"] = p.articles;
      d["failed"] = p.failed;
      d["seconds"] = p.seconds;
      on_progress(d);
    });
  });
  {
    py::gil_scoped_release nogil;
    out.summary = indexer.run(inputs);
  }
  if (raised) throw std::move(*raised);
  return out;
}

PySearchResults run_search(py::handle db_path, const std::string& query, py::handle from, py::handle to,
                           const std::vector<std::string>& sources, const std::string& sort, py::handle limit,
                           std::size_t offset, py::handle config, double timeout) {
  const auto c = config_arg(config);
  const bool config_given = !config.is_none();
  SearchRequest request;
  request.query = query;
  request.from = date_arg(from);
  request.to = date_arg(to);
  request.sources = sources;
  if (sort != "relevance" && sort != "date")
    throw SearchError("sort must be 'relevance' or 'date', got '" + sort + "'");
  request.sort = sort == "date" ? SortOrder::date : SortOrder::relevance;
  request.limit = limit.is_none() ? c->config.search.limit : limit.cast<std::size_t>();
  request.offset = offset;
  if (request.query.empty() && request.from.empty() && request.to.empty() && request.sources.empty())
    throw SearchError("give a query, or at least one of from_, to, sources");
  const std::vector<std::string> paths = path_list(db_path);
  if (timeout < 0 || timeout > 86400) throw SearchError("timeout must be from 0 to 86400 seconds");
  RemoteTimeouts timeouts;
  timeouts.timeout_ms = timeouts.connect_timeout_ms = static_cast<unsigned>(timeout * 1000);
  PySearchResults out;
  {
    py::gil_scoped_release nogil;
    SearchResults results;
    try {
      std::vector<Shard> shards = open_shards(paths, timeouts);
      // Without a config, the analysis settings the index stores, as the CLI does without --config.
      results =
          (config_given ? NewsSearch(std::move(shards), c->config) : NewsSearch(std::move(shards))).search(request);
    } catch (const IncompatibleIndexError& e) {
      if (paths.size() != 1) throw;
      throw IncompatibleIndexError(paths[0] + ": " + e.what());
    }
    out.estimated = results.estimated;
    out.query_description = std::move(results.query_description);
    for (SearchHit& hit : results.hits) out.hits.push_back(to_hit(offset + out.hits.size() + 1, std::move(hit)));
  }
  return out;
}

}  // namespace

void register_index_and_search(py::module_& m) {
  py::class_<PyIndexSummary>(m, "IndexSummary", "What an index() run did (`xapian-arabic index --json`).")
      .def_property_readonly(
          "files", [](const PyIndexSummary& s) { return s.summary.files; }, "Input files found.")
      .def_property_readonly(
          "files_read", [](const PyIndexSummary& s) { return s.summary.files_read; }, "Files read and parsed.")
      .def_property_readonly(
          "unchanged_files", [](const PyIndexSummary& s) { return s.summary.unchanged_files; },
          "Files skipped: same size and mtime, or same content hash.")
      .def_property_readonly(
          "articles_added", [](const PyIndexSummary& s) { return s.summary.articles_added; },
          "Documents with a new Q term.")
      .def_property_readonly(
          "replaced", [](const PyIndexSummary& s) { return s.summary.replaced; },
          "Documents that replaced one with the same Q term.")
      .def_property_readonly(
          "deleted", [](const PyIndexSummary& s) { return s.summary.deleted; },
          "Documents deleted (pruned files, articles gone from changed files).")
      .def_property_readonly(
          "failed", [](const PyIndexSummary& s) { return s.summary.failed; },
          "Errors reported (a bad file counts 1, each bad record 1).")
      .def_property_readonly(
          "documents", [](const PyIndexSummary& s) { return s.summary.documents; }, "Documents in the database.")
      .def_property_readonly(
          "commits", [](const PyIndexSummary& s) { return s.summary.commits; }, "Commits made.")
      .def_property_readonly(
          "writers", [](const PyIndexSummary& s) { return s.summary.writers; }, "1, or the shards written in parallel.")
      .def_property_readonly(
          "shards", [](const PyIndexSummary& s) { return s.summary.shards; }, "Databases of a sharded index.")
      .def_property_readonly(
          "bytes_read", [](const PyIndexSummary& s) { return s.summary.bytes_read; }, "Bytes of input read.")
      .def_property_readonly(
          "seconds", [](const PyIndexSummary& s) { return s.summary.seconds; }, "Wall-clock time of the run.")
      .def_property_readonly(
          "interrupted", [](const PyIndexSummary& s) { return s.summary.interrupted; }, "The run was stopped early.")
      .def_readonly("errors", &PyIndexSummary::errors,
                    "The ReadError of each failure (the first 1000) when no on_error handler was given.");

  py::class_<PyHit>(m, "Hit", "One search result.")
      .def_readonly("rank", &PyHit::rank, "1-based rank, counting the offset.")
      .def_property_readonly(
          "docid", [](const PyHit& h) { return h.hit.docid; }, "Xapian document id.")
      .def_property_readonly(
          "score", [](const PyHit& h) { return h.hit.score; },
          "Relevance weight ([search] weighting: DPH by default; + recency).")
      .def_property_readonly(
          "percent", [](const PyHit& h) { return h.hit.percent; }, "Xapian's percentage.")
      .def_property_readonly(
          "id", [](const PyHit& h) { return h.hit.id; }, "Article id.")
      .def_property_readonly(
          "url", [](const PyHit& h) { return h.hit.url; }, "Article URL, '' if unknown.")
      .def_property_readonly(
          "path", [](const PyHit& h) { return h.hit.path; }, "Archive file.")
      .def_property_readonly(
          "title", [](const PyHit& h) { return h.hit.title; }, "Headline.")
      .def_property_readonly(
          "published", [](const PyHit& h) { return h.hit.published; }, "Publication date as indexed, '' if none.")
      .def_property_readonly(
          "source", [](const PyHit& h) { return h.hit.source; }, "Credited source, '' if none.")
      .def_readonly("snippet", &PyHit::snippet, "Snippet of the original text (plain).")
      .def_readonly("highlights", &PyHit::highlights, "(begin, end) code-point spans of the matched words in snippet.")
      .def_readonly("snippet_html", &PyHit::snippet_html, "The snippet HTML-escaped, matched words in <b>...</b>.")
      .def_property_readonly(
          "data", [](const PyHit& h) { return h.hit.data; }, "Every field of the document data.")
      .def("__repr__", [](const PyHit& h) { return "Hit(" + std::to_string(h.rank) + ", id='" + h.hit.id + "')"; });

  py::class_<PySearchResults>(m, "SearchResults", "One page of results (`xapian-arabic search --json`).")
      .def_readonly("estimated", &PySearchResults::estimated, "Estimated number of matching documents.")
      .def_readonly("query_description", &PySearchResults::query_description, "Xapian's description of the query.")
      .def_readonly("hits", &PySearchResults::hits, "The Hit objects of this page.")
      .def("__len__", [](const PySearchResults& r) { return r.hits.size(); })
      .def(
          "__iter__", [](const PySearchResults& r) { return py::make_iterator(r.hits.begin(), r.hits.end()); },
          py::keep_alive<0, 1>());

  m.def("index", &run_index, py::arg("db_path"), py::arg("paths"), py::arg("config") = py::none(),
        py::arg("threads") = 0, py::arg("batch_size") = 0, py::arg("prune") = false, py::arg("on_error") = py::none(),
        py::arg("on_progress") = py::none(), py::kw_only(), py::arg("shards") = 0, py::arg("partition") = py::none(),
        "Indexes news archives (files and folders, recursively: .txt, .jsonl, .html and .gz of each)\n"
        "into the Xapian database at ``db_path`` (created if missing), as `xapian-arabic index`:\n"
        "incremental, crash-safe, one document per article. ``threads`` and ``batch_size`` of 0\n"
        "take the config's [index] values; ``prune`` deletes the articles of files gone.\n"
        "``shards`` N > 1 writes a sharded index (``index --shards``, 0: as the database is);\n"
        "``partition`` (I, N) indexes only that part of the archive (``index --partition I/N``).\n\n"
        "Each bad file or record goes to ``on_error(ReadError)`` (else into the summary's .errors);\n"
        "indexing goes on. ``on_progress(dict)`` is called about 10 times a second. An exception\n"
        "in a handler, or Ctrl-C, stops the run after committing what is complete, then is raised.\n"
        "Returns an IndexSummary; raises IndexError or IncompatibleIndexError if the database\n"
        "cannot be used.");

  m.def("search", &run_search, py::arg("db_path"), py::arg("query") = "", py::kw_only(), py::arg("from_") = py::none(),
        py::arg("to") = py::none(), py::arg("sources") = std::vector<std::string>{}, py::arg("sort") = "relevance",
        py::arg("limit") = py::none(), py::arg("offset") = 0, py::arg("config") = py::none(), py::arg("timeout") = 10.0,
        "Searches an index built by index() or `xapian-arabic index`, as `xapian-arabic search`;\n"
        "``db_path`` is a path (index folder, stub file or folder) or a list of them, searched as one,\n"
        "``timeout`` the seconds a remote shard may take (ShardUnavailableError naming it after that):\n"
        "words, \"phrases\", AND OR NOT, fields title: source: city: agency: date: (and عنوان: مصدر:\n"
        "مدينة: وكالة: تاريخ:). ``from_``/``to``: publication dates ('2024-11-05', '2024-11', '2024',\n"
        "'نوفمبر 2024' or datetime.date; a month or year covers all its days). ``sources``: names or\n"
        "aliases, any of them. ``sort``: 'relevance' or 'date' (newest first). ``limit`` None: the\n"
        "config's [search] limit. Returns SearchResults; raises SearchError (bad query or date, index\n"
        "cannot be opened: ShardError) or IncompatibleIndexError (index or shard built with another\n"
        "analysis config; the message names the shard).");
}

}  // namespace xapian_arabic::python
