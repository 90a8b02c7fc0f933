/** @file
 *  @brief Reaching the C++ objects behind python3-xapian's SWIG proxies, safely.
 *
 *  python3-xapian (SWIG 4, non-builtin proxies) keeps each C++ object in a
 *  SwigPyObject stored as the proxy's `this` attribute: a pointer plus the
 *  swig_type_info naming its C++ type. These helpers check the proxy's class,
 *  the SwigPyObject's type name and the mangled C++ type, and that python3-xapian
 *  and this module use the same libxapian, before touching the pointer; any
 *  mismatch is a TypeError, never a crash.
 *
 *  Only value types (Document, Query, Stem) are reached through an existing
 *  proxy; a Stopper, which python3-xapian cannot copy, gets a new proxy made
 *  with SWIG's own type table (swig_runtime_data4).
 */
#pragma once

#include <pybind11/pybind11.h>
#include <xapian.h>

namespace xapian_arabic::python {

/// The module `xapian` (python3-xapian), imported on first use; ImportError says what to install.
pybind11::module_ xapian_module();

/// The Xapian::Document inside @p doc, a xapian.Document. Throws TypeError otherwise.
Xapian::Document& document_of(pybind11::handle doc);

/// A new xapian.Query proxy holding @p query.
pybind11::object to_python_query(const Xapian::Query& query);

/// The Xapian::Query inside @p query, a xapian.Query. Throws TypeError otherwise.
const Xapian::Query& query_of(pybind11::handle query);

/// The Xapian::QueryParser inside @p parser, a xapian.QueryParser. Throws TypeError otherwise.
Xapian::QueryParser& query_parser_of(pybind11::handle parser);

/// A new xapian.QueryParser proxy holding @p parser (QueryParser copies share their state).
pybind11::object to_python_query_parser(const Xapian::QueryParser& parser);

/// The Xapian::Database inside @p db, a xapian.Database or xapian.WritableDatabase.
const Xapian::Database& database_of(pybind11::handle db);

/// The Xapian::WritableDatabase inside @p db, a xapian.WritableDatabase.
Xapian::WritableDatabase& writable_database_of(pybind11::handle db);

/// A new xapian.Stem proxy holding @p stem.
pybind11::object to_python_stem(const Xapian::Stem& stem);

/// A new xapian.Stopper proxy for @p stopper, which must stay alive as long as the proxy:
/// the proxy keeps @p owner (a Python object owning the stopper) as an attribute.
pybind11::object to_python_stopper(const Xapian::Stopper* stopper, pybind11::object owner);

}  // namespace xapian_arabic::python
