"""Python subclasses of python3-xapian's StemImplementation and Stopper, calling the C++ analysis.

They are the way python3-xapian documents for custom stemmers and stoppers, and work with
any python3-xapian; but Xapian then calls back into Python for every word. Analyzer.stemmer()
and Analyzer.stopper() give objects of the same xapian classes that run in C++ instead
(docs/python.md measures both).
"""

import xapian

from ._xapian_arabic import Analyzer


class StemImplementation(xapian.StemImplementation):
    """Our stemmer as a xapian.StemImplementation: ``xapian.Stem(StemImplementation(config))``.

    Each word goes from Xapian to Python to C++ and back; Analyzer.stemmer() is the fast path.
    """

    def __init__(self, config=None):
        xapian.StemImplementation.__init__(self)
        self._analyzer = Analyzer(config)

    def __call__(self, word):
        """Stem of ``word`` (normalized first)."""
        return self._analyzer.stem(word)

    def __str__(self):
        return "xapian_arabic.StemImplementation"


class Stopper(xapian.Stopper):
    """The [stopwords] list as a xapian.Stopper subclass, for ``set_stopper``.

    Each word goes from Xapian to Python to C++; Analyzer.stopper() is the fast path.
    """

    def __init__(self, config=None):
        xapian.Stopper.__init__(self)
        self._stopper = Analyzer(config).stopper()

    def __call__(self, word):
        """True if ``word`` (normalized first) is a stopword."""
        return self._stopper(word)

    def __str__(self):
        return "xapian_arabic.Stopper"
