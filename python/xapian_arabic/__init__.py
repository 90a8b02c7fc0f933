"""Arabic search for Xapian: normalization, light stemming, news extraction, indexing and search.

The C++ library xapian-arabic for Python (docs/python.md). It works with Debian's
python3-xapian in the same process:

    import xapian, xapian_arabic
    analyzer = xapian_arabic.Analyzer()
    doc = xapian.Document()
    analyzer.index_text(doc, "وصل الرئيس إلى بيروت")      # terms made in C++
    query = analyzer.parse_query("الرئيس")                  # a xapian.Query
    tg = xapian.TermGenerator(); tg.set_stemmer(analyzer.stemmer())

Every error raised is a xapian_arabic.Error (ConfigError, TableError, IndexError,
SearchError, ShardError, ShardUnavailableError, IncompatibleIndexError, ReadError); Xapian's own errors come as
python3-xapian's classes (xapian.DatabaseLockError ...).
"""

from ._xapian_arabic import (  # noqa: F401  (the public API)
    DEFAULT_QUERY_FLAGS,
    Analyzer,
    Article,
    Config,
    ConfigError,
    Date,
    Error,
    Extraction,
    Hit,
    IncompatibleIndexError,
    IndexError,
    IndexSummary,
    SearchError,
    SearchResults,
    ShardError,
    ShardUnavailableError,
    Source,
    TableError,
    Term,
    __version__,
    analyze,
    article_text,
    extract,
    index,
    index_text,
    normalize,
    parse_query,
    read_file,
    read_text,
    search,
    stem,
    stemmer,
    stopper,
    xapian_version,
)


class ReadError(Error):
    """A news file, or one record of it, could not be read (or only partly: ``warning``).

    Attributes: ``path``; ``line`` (1-based line of a JSON Lines record, 0 for the whole
    file); ``message`` (what is wrong, never raw bytes of the file); ``warning`` (True when
    the article was kept without what the message names).
    """

    def __init__(self, path, line, message, warning=False):
        self.path, self.line, self.message, self.warning = path, line, message, warning
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


def __getattr__(name):
    # The python3-xapian subclasses are made on first use, so that importing xapian_arabic
    # does not need python3-xapian.
    if name in ("StemImplementation", "Stopper"):
        from . import _subclasses

        return getattr(_subclasses, name)
    raise AttributeError(f"module 'xapian_arabic' has no attribute {name!r}")


__all__ = [n for n in dir() if not n.startswith("_")] + ["StemImplementation", "Stopper"]
