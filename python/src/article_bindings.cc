/** @file
 *  @brief News articles as Python objects: read_file, read_text, extract, and Article, Date, Source.
 */
#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <optional>

#include "bindings.h"

namespace py = pybind11;

namespace xapian_arabic::python {

namespace {

/// datetime.date of @p day, or None (also for year 0000: Python's dates start at year 1).
py::object as_date(const std::optional<CivilDate>& day) {
  if (!day || day->year < 1) return py::none();
  return py::module_::import("datetime").attr("date")(day->year, day->month, day->day);
}

/// A reference day from None, a datetime.date or "YYYY-MM-DD".
std::optional<CivilDate> reference_arg(py::handle day) {
  if (day.is_none()) return std::nullopt;
  const py::module_ datetime = py::module_::import("datetime");
  if (py::isinstance(day, datetime.attr("date")))
    return CivilDate{day.attr("year").cast<int>(), day.attr("month").cast<int>(), day.attr("day").cast<int>()};
  if (py::isinstance<py::str>(day))
    if (const auto parsed = parse_iso_day(day.cast<std::string>())) return parsed;
  throw py::value_error("reference_date must be None, a datetime.date or 'YYYY-MM-DD', got " +
                        py::repr(day).cast<std::string>());
}

/// dates and sources of one text, as `xapian-arabic extract --jsonl` gives them.
struct Extraction {
  std::vector<ExtractedDate> dates;
  std::vector<ExtractedSource> sources;
};

/// xapian_arabic.ReadError (defined in __init__.py) for @p e.
py::object read_error(const ReadError& e) {
  return py::module_::import("xapian_arabic").attr("ReadError")(e.path, e.line, e.message, e.warning);
}

}  // namespace

void register_articles(py::module_& m) {
  py::class_<ExtractedDate>(m, "Date", "A date expression found in the text, normalized to ISO 8601.")
      .def_readonly("value", &ExtractedDate::value,
                    "ISO 8601 at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM].")
      .def_property_readonly(
          "kind", [](const ExtractedDate& d) { return to_string(d.kind); }, "'published', 'updated' or 'mentioned'.")
      .def_property_readonly(
          "date", [](const ExtractedDate& d) { return as_date(day_of(d)); },
          "The day as a datetime.date, or None when the text gives no day (a month, a year).")
      .def_readonly("text", &ExtractedDate::text, "The expression as written.")
      .def_readonly("begin", &ExtractedDate::begin, "Byte offset of the expression in the UTF-8 text searched.")
      .def_readonly("end", &ExtractedDate::end, "Byte offset one past the expression.")
      .def_readonly("hijri", &ExtractedDate::hijri, "The Hijri original (e.g. '1446-05-19'), '' if not Hijri.")
      .def_readonly("range_end", &ExtractedDate::range_end,
                    "For ranges (من 10 إلى 12 نوفمبر): the end value, else None.")
      .def("__repr__", [](const ExtractedDate& d) {
        return "Date('" + d.value + "', kind='" + to_string(d.kind) + "', text='" + d.text + "')";
      });

  py::class_<ExtractedSource>(m, "Source", "Who an article is from: an outlet, an agency cited, or a dateline.")
      .def_readonly("name", &ExtractedSource::name, "Canonical name from the alias table, else the text as written.")
      .def_readonly("key", &ExtractedSource::key,
                    "Stable ASCII key of the canonical entry (e.g. 'sana'), '' if unknown.")
      .def_property_readonly(
          "kind", [](const ExtractedSource& s) { return to_string(s.kind); }, "'source', 'agency' or 'dateline'.")
      .def_readonly("city", &ExtractedSource::city, "Dateline city, normalized; '' if none.")
      .def_readonly("text", &ExtractedSource::text, "The mention as written.")
      .def_readonly("begin", &ExtractedSource::begin, "Byte offset of the mention in the UTF-8 text searched.")
      .def_readonly("end", &ExtractedSource::end, "Byte offset one past the mention.")
      .def("__repr__", [](const ExtractedSource& s) {
        return "Source('" + s.name + "', key='" + s.key + "', kind='" + to_string(s.kind) + "')";
      });

  py::class_<NewsArticle>(m, "Article",
                          "One news article as read from an archive, with its extracted fields.\n\n"
                          "Spans of .dates and .agencies are byte offsets into article_text(article).")
      .def_readonly("id", &NewsArticle::id,
                    "Stable id: the record's id or url, else the file path relative to id_root.")
      .def_readonly("path", &NewsArticle::path, "File the article came from ('' for read_text).")
      .def_readonly("line", &NewsArticle::line, "1-based line of a JSON Lines record, 0 otherwise.")
      .def_readonly("url", &NewsArticle::url, "The article's URL, '' if unknown.")
      .def_readonly("title", &NewsArticle::title, "The headline.")
      .def_readonly("body", &NewsArticle::body, "The article text only (header lines and appended material removed).")
      .def_readonly("header", &NewsArticle::header, "Publication/update/المصدر lines as written, one per line.")
      .def_readonly("related", &NewsArticle::related, "Material appended after إقرأ أيضاً (not indexed as body).")
      .def_readonly("encoding", &NewsArticle::encoding, "'UTF-8' or the detected legacy encoding, e.g. 'windows-1256'.")
      .def_readonly("published", &NewsArticle::published, "The publication Date, or None.")
      .def_readonly("updated", &NewsArticle::updated, "The last update Date, or None.")
      .def_readonly("dates", &NewsArticle::dates, "Every Date found (published, updated, mentioned).")
      .def_readonly("source", &NewsArticle::source, "The Source the article is credited to, or None.")
      .def_readonly("agencies", &NewsArticle::agencies, "Every source, agency and dateline mention (Source).")
      .def_readonly("dateline_city", &NewsArticle::dateline_city, "Normalized city of the dateline, '' if none.")
      .def("__repr__", [](const NewsArticle& a) { return "Article(id='" + a.id + "', title='" + a.title + "')"; });

  py::class_<Extraction>(m, "Extraction", "The dates and sources of one text (as `xapian-arabic extract --jsonl`).")
      .def_readonly("dates", &Extraction::dates, "Every Date expression, in text order.")
      .def_readonly("sources", &Extraction::sources, "Every Source mention, in text order.");

  m.def("article_text", &article_text, py::arg("article"),
        "title, header, body and related joined by newlines: the text the spans of .dates and .agencies index.");

  m.def(
      "read_file",
      [](py::handle path, py::handle config, py::handle id_root, bool extract, py::object on_error) {
        auto c = config_arg(config);
        std::vector<NewsArticle> articles;
        std::vector<ReadError> errors;
        c->reader().read_file(
            fspath(path), id_root.is_none() ? std::string() : fspath(id_root),
            [&](NewsArticle&& a) {
              if (extract) c->extractor().extract(a);
              articles.push_back(std::move(a));
            },
            [&](ReadError&& e) { errors.push_back(std::move(e)); });
        for (const ReadError& e : errors) {
          const py::object error = read_error(e);
          if (!on_error.is_none())
            on_error(error);
          else if (e.warning) {
            if (PyErr_WarnEx(PyExc_UserWarning, py::str(error).cast<std::string>().c_str(), 1) != 0)
              throw py::error_already_set();
          } else {
            PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
            throw py::error_already_set();
          }
        }
        return articles;
      },
      py::arg("path"), py::arg("config") = py::none(), py::arg("id_root") = py::none(), py::arg("extract") = true,
      py::arg("on_error") = py::none(),
      "The articles of a news file (.txt, .jsonl, .html, and .gz of each), with dates and sources\n"
      "extracted (``extract=False``: only what the file itself says). Ids of files without their\n"
      "own are made relative to the folder ``id_root``.\n\n"
      "Bad files and records: each is passed to ``on_error(ReadError)`` if given; else a warning\n"
      "(the article kept without what it names) is a UserWarning and an error raises ReadError.");

  m.def(
      "read_text",
      [](std::string_view text, py::handle config, bool extract) {
        auto c = config_arg(config);
        NewsArticle a = c->reader().parse_text(text);
        if (extract) c->extractor().extract(a);
        return a;
      },
      py::arg("text"), py::arg("config") = py::none(), py::arg("extract") = true,
      "One plain-text scraped article (headline, header lines, body ...) as an Article.");

  m.def(
      "extract",
      [](std::string_view text, py::handle reference_date, py::handle config) {
        auto c = config_arg(config);
        Extraction out;
        out.dates = c->extractor().dates().extract(text, reference_arg(reference_date));
        out.sources = c->extractor().sources().extract_article(text);
        return out;
      },
      py::arg("text"), py::arg("reference_date") = py::none(), py::arg("config") = py::none(),
      "The dates and sources in ``text`` (a whole article: first line the headline). Relative\n"
      "dates (أمس, الثلاثاء ...) resolve against ``reference_date`` (datetime.date or 'YYYY-MM-DD')\n"
      "and are left out without one. Spans are byte offsets into text.encode('utf-8').");
}

}  // namespace xapian_arabic::python
