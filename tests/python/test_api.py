"""The Python module's API, unit by unit, run by Debian's /usr/bin/python3 (tests/CMakeLists.txt).

Fixtures: the real news-samples of ../shared/data (XA_SHARED_DATA_DIR), text in the test.
"""

import datetime
import os
import pathlib
import re
import signal
import threading
import tempfile
import unittest
import warnings

import xapian
import xapian_arabic as xa

DATA = pathlib.Path(os.environ["XA_SHARED_DATA_DIR"])
SAMPLES = DATA / "news-samples"
MOSCOW = SAMPLES / "000_2620c748157139b5.txt"


class Analysis(unittest.TestCase):
    def test_normalize_folds_diacritics_letters_and_digits(self):
        self.assertEqual(xa.normalize("أَحْمَدُ في مدرسةٍ ٢٠٢٤"), "احمد في مدرسه 2024")

    def test_stem_conflates_inflections_and_keeps_names(self):
        self.assertEqual(xa.stem("والمعلمين"), xa.stem("للمعلمين"))
        self.assertEqual(xa.stem("وبيروت"), "بيروت")

    def test_analyze_gives_terms_positions_and_both_kinds_of_span(self):
        text = "وصل الرئيسُ إلى بيروت"
        terms = xa.analyze(text)
        self.assertEqual([t.term for t in terms], ["وصل", "الرييس", "الي", "بيروت"])
        self.assertEqual([t.position for t in terms], [1, 2, 3, 4])
        raw = text.encode()
        for t in terms:
            # byte spans index the UTF-8 bytes, char spans the str: both give the word as written
            self.assertEqual(raw[t.begin:t.end].decode(), text[t.char_begin:t.char_end])
        self.assertEqual(text[terms[1].char_begin:terms[1].char_end], "الرئيسُ")
        self.assertEqual(terms[3].stem, "بيروت")
        self.assertFalse(any(t.stopword for t in terms))

    def test_a_config_switches_rules_off(self):
        config = xa.Config.parse("[normalization]\nfold_teh_marbuta = false\n")
        self.assertEqual(xa.normalize("مدرسة", config=config), "مدرسة")
        self.assertEqual(xa.Analyzer(config).normalize("مدرسة"), "مدرسة")

    def test_a_config_path_is_loaded(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "c.toml")
            path.write_text("[stemming]\nstemmer = \"none\"\n")
            self.assertEqual(xa.stem("والمعلمين", config=path), "والمعلمين")
            self.assertEqual(xa.Config.load(str(path)).origin, str(path))

    def test_stopwords_are_marked_when_enabled(self):
        config = xa.Config.parse("[stopwords]\nenabled = true\n")
        terms = xa.analyze("وصل الرئيس إلى بيروت", config=config)
        self.assertEqual([t.stopword for t in terms], [False, False, True, False])
        self.assertEqual(terms[2].stem, "")


class Errors(unittest.TestCase):
    def test_every_error_class_derives_from_one_base(self):
        for cls in (xa.ConfigError, xa.TableError, xa.IndexError, xa.SearchError, xa.IncompatibleIndexError,
                    xa.ReadError):
            self.assertTrue(issubclass(cls, xa.Error), cls)
        self.assertFalse(issubclass(xa.IndexError, IndexError))

    def test_a_bad_config_raises_config_error_naming_file_and_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "bad.toml")
            path.write_text("[stemming]\n\nstemmer = \"porter\"\n")
            with self.assertRaises(xa.ConfigError) as caught:
                xa.normalize("x", config=str(path))
            self.assertIn(f"{path}:3", str(caught.exception))

    def test_a_bad_table_raises_table_error(self):
        source = pathlib.Path(os.environ["XA_SOURCE_DIR"], "config", "stemmer")
        with tempfile.TemporaryDirectory() as tmp:
            for table in source.glob("*.txt"):
                (pathlib.Path(tmp) / table.name).write_bytes(table.read_bytes())
            with open(pathlib.Path(tmp, "prefixes.txt"), "a") as f:
                f.write("\u0648\tmany\tnoun\n")
            config = xa.Config.parse(f"[stemming]\ntables_dir = \"{tmp}\"\n")
            with self.assertRaises(xa.TableError) as caught:
                xa.analyze("x", config=config)
            self.assertIn("prefixes.txt:", str(caught.exception))

    def test_a_config_of_the_wrong_type_is_a_type_error(self):
        with self.assertRaises(TypeError):
            xa.normalize("x", config=42)

    def test_a_bad_date_raises_search_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            xa.index(f"{tmp}/db", [str(SAMPLES)])
            with self.assertRaises(xa.SearchError) as caught:
                xa.search(f"{tmp}/db", "بوتين", from_="2024-13-45")
            self.assertIn("2024-13-45", str(caught.exception))

    def test_a_missing_index_raises_search_error_naming_it(self):
        with self.assertRaises(xa.SearchError) as caught:
            xa.search("/nonexistent/db", "بوتين")
        self.assertIn("/nonexistent/db", str(caught.exception))

    def test_an_index_built_otherwise_raises_incompatible_index_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            xa.index(f"{tmp}/db", [str(SAMPLES)])
            other = xa.Config.parse("[stemming]\nstemmer = \"snowball\"\n")
            with self.assertRaises(xa.IncompatibleIndexError) as caught:
                xa.search(f"{tmp}/db", "بوتين", config=other)
            self.assertIn(f"{tmp}/db", str(caught.exception))
            with self.assertRaises(xa.IncompatibleIndexError):
                xa.index(f"{tmp}/db", [str(SAMPLES)], config=other)

    def test_xapian_errors_arrive_as_python3_xapian_classes(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = xapian.WritableDatabase(f"{tmp}/db", xapian.DB_CREATE_OR_OPEN)
            db.close()
            with self.assertRaises(xapian.DatabaseClosedError):
                xa.Analyzer().check_compatible(db)

    def test_a_locked_index_raises_index_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            writer = xapian.WritableDatabase(f"{tmp}/db", xapian.DB_CREATE_OR_OPEN)
            with self.assertRaises(xa.IndexError) as caught:
                xa.index(f"{tmp}/db", [str(SAMPLES)])
            self.assertIn(f"{tmp}/db", str(caught.exception))
            writer.close()


class Articles(unittest.TestCase):
    def test_read_file_extracts_fields_dates_and_sources(self):
        (article,) = xa.read_file(MOSCOW, id_root=SAMPLES)
        self.assertEqual(article.id, "000_2620c748157139b5.txt")
        self.assertTrue(article.title.startswith("بوتين يبحث"))
        self.assertEqual(article.published.value[:10], "2024-11-21")
        self.assertEqual(article.published.kind, "published")
        self.assertEqual(article.published.date, datetime.date(2024, 11, 21))
        self.assertEqual(article.source.key, "sana")
        self.assertEqual(article.dateline_city, "موسكو")
        self.assertIn("2023-10", [d.value for d in article.dates])
        self.assertNotIn("إقرأ أيضاً", article.body)

    def test_read_file_without_extract_keeps_only_what_the_file_says(self):
        (article,) = xa.read_file(MOSCOW, extract=False)
        self.assertIsNone(article.source)
        self.assertEqual(article.dates, [])

    def test_read_text_parses_one_article(self):
        article = xa.read_text(MOSCOW.read_text())
        self.assertEqual(article.source.key, "sana")
        self.assertEqual(article.path, "")

    def test_extract_finds_dates_relative_to_a_reference_day_and_sources(self):
        text = "عنوان\nموسكو-سانا\nقال الرئيس أمس إن الاجتماع في 5 نوفمبر ٢٠٢٤."
        found = xa.extract(text, reference_date=datetime.date(2024, 11, 21))
        values = [d.value for d in found.dates]
        self.assertIn("2024-11-20", values)
        self.assertIn("2024-11-05", values)
        self.assertIn("sana", [s.key for s in found.sources])
        self.assertNotIn("2024-11-20", [d.value for d in xa.extract(text).dates])
        self.assertEqual([d.value for d in xa.extract(text, reference_date="2024-11-21").dates], values)
        with self.assertRaises(ValueError):
            xa.extract(text, reference_date="yesterday")

    def test_a_bad_record_raises_read_error_with_its_line_or_goes_to_on_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "a.jsonl")
            path.write_text('{"id": "1", "title": "عنوان", "body": "نص الخبر"}\n{"id": \n')
            with self.assertRaises(xa.ReadError) as caught:
                xa.read_file(path)
            self.assertEqual((caught.exception.path, caught.exception.line), (str(path), 2))
            self.assertIn(f"{path}:2:", str(caught.exception))
            seen = []
            articles = xa.read_file(path, on_error=seen.append)
            self.assertEqual([a.id for a in articles], ["1"])
            self.assertEqual([e.line for e in seen], [2])

    def test_a_warning_is_a_user_warning_and_keeps_the_article(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "a.jsonl")
            path.write_text('{"id": "1", "title": "عنوان", "body": "نص", "date": "not a date"}\n')
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                articles = xa.read_file(path)
            self.assertEqual(len(articles), 1)
            self.assertTrue(any(issubclass(w.category, UserWarning) for w in caught), caught)


class IndexAndSearch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = f"{cls.tmp.name}/db"
        cls.summary = xa.index(cls.db, SAMPLES)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_index_returns_the_run_summary(self):
        self.assertEqual((self.summary.files, self.summary.articles_added, self.summary.documents), (2, 2, 2))
        self.assertEqual(self.summary.failed, 0)
        again = xa.index(self.db, [SAMPLES])
        self.assertEqual((again.unchanged_files, again.articles_added), (2, 0))

    def test_search_returns_hits_with_fields_and_snippets(self):
        results = xa.search(self.db, "الرئاسة الروسية")
        self.assertGreaterEqual(results.estimated, 1)
        hit = results.hits[0]
        self.assertEqual((hit.rank, hit.id, hit.source), (1, "000_2620c748157139b5.txt", "الوكالة العربية السورية للأنباء"))
        self.assertEqual(hit.published[:10], "2024-11-21")
        self.assertTrue(hit.highlights)
        for begin, end in hit.highlights:
            self.assertIn(hit.snippet[begin:end], hit.snippet_html)
        self.assertIn("<b>", hit.snippet_html)
        self.assertEqual(hit.data["id"], hit.id)
        self.assertEqual(len(results), len(list(results)))

    def test_search_filters_dates_sources_and_pages_like_the_cli(self):
        ids = lambda r: [h.id for h in r.hits]  # noqa: E731
        self.assertEqual(ids(xa.search(self.db, "موسكو", from_="2024-11-21")), ["000_2620c748157139b5.txt"])
        self.assertEqual(ids(xa.search(self.db, "روسيا", to=datetime.date(2024, 11, 20))),
                         ["003_0aeccc47afcbd928.txt"])
        self.assertEqual(ids(xa.search(self.db, sources=["SANA"])), ["000_2620c748157139b5.txt"])
        by_date = xa.search(self.db, from_="2024", sort="date")
        self.assertEqual(ids(by_date), ["000_2620c748157139b5.txt", "003_0aeccc47afcbd928.txt"])
        second = xa.search(self.db, from_="2024", sort="date", limit=1, offset=1)
        self.assertEqual((ids(second), second.hits[0].rank), (["003_0aeccc47afcbd928.txt"], 2))
        with self.assertRaises(xa.SearchError):
            xa.search(self.db)
        with self.assertRaises(xa.SearchError):
            xa.search(self.db, "روسيا", sort="newest")

    def test_search_without_config_takes_the_analysis_settings_the_index_stores(self):
        with tempfile.TemporaryDirectory() as tmp:
            config = pathlib.Path(tmp, "snowball.toml")
            config.write_text('[stemming]\nstemmer = "snowball"\n')
            db = os.path.join(tmp, "db")
            xa.index(db, [SAMPLES], config=str(config))
            hits = [h.id for h in xa.search(db, "الرئاسة الروسية").hits]
            self.assertIn("000_2620c748157139b5.txt", hits)
            with self.assertRaises(xa.IncompatibleIndexError):
                xa.search(db, "الرئاسة", config=xa.Config())

    def test_index_reports_bad_records_and_goes_on(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "a.jsonl")
            path.write_text('{"id": "1", "title": "عنوان", "body": "نص الخبر"}\n{"id": \n')
            summary = xa.index(f"{tmp}/db", [path])
            self.assertEqual((summary.documents, summary.failed), (1, 1))
            self.assertEqual([(e.path, e.line) for e in summary.errors], [(str(path), 2)])
            seen = []
            xa.index(f"{tmp}/db2", [path], on_error=seen.append)
            self.assertEqual(len(seen), 1)

    def test_an_exception_in_a_handler_stops_the_run_and_is_raised(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "a.jsonl")
            path.write_text('{"id": \n')

            def fail(error):
                raise RuntimeError("handler says no")

            with self.assertRaisesRegex(RuntimeError, "handler says no"):
                xa.index(f"{tmp}/db", [path], on_error=fail)

    def test_ctrl_c_stops_indexing_commits_and_raises_keyboard_interrupt(self):
        # SIGINT comes from another thread once the run has started, as Ctrl-C comes from the
        # terminal: not from inside a handler, where Python would raise it itself. The run must
        # stop early (one file of 19,938 articles), commit, and raise KeyboardInterrupt.
        started = threading.Event()

        def interrupt():
            started.wait()
            signal.raise_signal(signal.SIGINT)

        bench = DATA / "news-bench" / "articles.jsonl.gz"
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        sender = threading.Thread(target=interrupt)
        sender.start()
        try:
            with tempfile.TemporaryDirectory() as tmp:
                with self.assertRaises(KeyboardInterrupt):
                    xa.index(f"{tmp}/db", [bench], threads=1, on_progress=lambda p: started.set())
                self.assertLess(xapian.Database(f"{tmp}/db").get_doccount(), 19938)
        finally:
            started.set()
            sender.join()
            signal.signal(signal.SIGINT, previous)


class Shards(unittest.TestCase):
    """index(shards=, partition=) and search() over a list of databases or a stub (issue 11)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.one = f"{cls.tmp.name}/one.db"
        cls.sharded = f"{cls.tmp.name}/sharded.db"
        xa.index(cls.one, SAMPLES)
        cls.summary = xa.index(cls.sharded, SAMPLES, shards=3)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_a_sharded_index_searches_as_one_database(self):
        self.assertEqual((self.summary.shards, self.summary.documents), (3, 2))
        ids = lambda r: [h.id for h in r.hits]  # noqa: E731
        for query in ("روسيا", "الرئاسة الروسية"):
            want = ids(xa.search(self.one, query))
            self.assertTrue(want)
            self.assertEqual(ids(xa.search(self.sharded, query)), want)
            shards = [pathlib.Path(self.sharded) / f"shard-{k}" for k in range(3)]
            self.assertEqual(ids(xa.search(shards, query, timeout=5)), want)

    def test_partitions_are_disjoint_and_cover_the_archive(self):
        ids = []
        for i in range(2):
            db = f"{self.tmp.name}/part{i}.db"
            xa.index(db, SAMPLES, partition=(i, 2))
            ids += [h.id for h in xa.search(db, from_="2024", limit=10)]
        self.assertEqual(sorted(ids), ["000_2620c748157139b5.txt", "003_0aeccc47afcbd928.txt"])

    def test_a_mixed_list_is_refused_naming_the_odd_shard(self):
        odd = f"{self.tmp.name}/nostem.db"
        xa.index(odd, SAMPLES, config=xa.Config.parse('[stemming]\nstemmer = "none"\n'))
        with self.assertRaisesRegex(xa.IncompatibleIndexError, "shard " + re.escape(odd)):
            xa.search([self.one, odd], "روسيا")
        with self.assertRaises(xa.ShardError):
            xa.search([self.one, f"{self.tmp.name}/missing"], "روسيا")
        self.assertTrue(issubclass(xa.ShardUnavailableError, xa.SearchError))


class Docstrings(unittest.TestCase):
    @staticmethod
    def described(obj):
        """The docstring without pybind11's signature lines ("name(args) -> type")."""
        lines = [line for line in (getattr(obj, "__doc__", None) or "").split("\n")
                 if not re.match(r"^\s*(\d+\. )?\w+\(.*\)( -> .*)?$", line) and line.strip() != "Overloaded function."]
        return "".join(lines).strip()

    def test_every_public_name_and_member_has_a_docstring(self):
        missing = []
        for name in xa.__all__:
            obj = getattr(xa, name)
            if isinstance(obj, (int, str)):
                continue
            if not self.described(obj):
                missing.append(name)
            if isinstance(obj, type):
                for member, value in vars(obj).items():
                    if not member.startswith("_") and not self.described(value):
                        missing.append(f"{name}.{member}")
        self.assertEqual(missing, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
