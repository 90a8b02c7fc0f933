"""python3-xapian and xapian-arabic in one process, and indexes shared with the command line.

- An index built from Python with python3-xapian's TermGenerator and our stemmer finds, through
  `xapian-arabic search`, what an index built by `xapian-arabic index` finds; and the reverse:
  python3-xapian's Enquire with our parse_query finds in the CLI's index what the CLI finds.
- The objects handed to python3-xapian (Stem, Stopper, Query, Document) are checked, not trusted.

Real text: the 200 articles of news-dev (XA_SHARED_DATA_DIR); the tool is XA_TOOL.
"""

import json
import os
import pathlib
import subprocess
import tempfile
import unittest

import xapian
import xapian_arabic as xa

DATA = pathlib.Path(os.environ["XA_SHARED_DATA_DIR"])
NEWS_DEV = DATA / "news-dev"
TOOL = os.environ["XA_TOOL"]
# Under the sanitizer build this interpreter has the ASan runtime preloaded; the tool links its own.
TOOL_ENV = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}

# Inflected forms, clitics, letter variants, a name, a phrase and an operator.
QUERIES = ["المعلمين", "القمة", "بوتين", "الحكومة", "وزارة الصحة", "الرئيس AND سوريا", "الرئيس NOT سوريا",
           '"الشرق الأوسط"', '"رئيس الوزراء"', "الانتخابات", "الفلسطينية", "للاقتصاد", "الأمم المتحدة"]


def cli_search(db, query):
    out = subprocess.run([TOOL, "search", "--db", db, "--json", "--limit", "1000", query], check=True,
                         capture_output=True, text=True, env=TOOL_ENV).stdout
    return {hit["id"] for hit in json.loads(out)["results"]}


def python_index(db_path, articles, stemmer):
    """What a python3-xapian user writes: TermGenerator over normalized text, our stemmer, and the
    stemming strategy of the default stems layout (docs/python.md)."""
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(stemmer)
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_ALL_Z)
    for article in articles:
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(xa.normalize(article.title))
        tg.increase_termpos()
        tg.index_text(xa.normalize(article.body))
        names = {s.name for s in article.agencies}
        if article.source:
            names |= {article.source.name, article.source.text}
        for name in sorted(n for n in names if n):
            tg.increase_termpos()
            tg.index_text(xa.normalize(name))
        doc.set_data(f"id={article.id}\ntitle={article.title}\ntext={article.body}\n")
        doc.add_boolean_term("Q" + article.id)
        db.replace_document("Q" + article.id, doc)
    xa.Analyzer().write_metadata(db)  # so `xapian-arabic search` accepts the index
    db.commit()
    db.close()


class SharedIndexes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        files = sorted(str(p) for p in NEWS_DEV.glob("*.txt"))
        cls.cli_db = f"{cls.tmp.name}/cli.db"
        subprocess.run([TOOL, "index", "--quiet", "--db", cls.cli_db, *files], check=True, env=TOOL_ENV)
        cls.articles = [a for f in files for a in xa.read_file(f, id_root=NEWS_DEV)]
        cls.py_db = f"{cls.tmp.name}/py.db"
        python_index(cls.py_db, cls.articles, xa.stemmer())

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_indexes_hold_the_same_articles(self):
        self.assertEqual(len(self.articles), 200)
        self.assertEqual(xapian.Database(self.cli_db).get_doccount(), 200)
        self.assertEqual(xapian.Database(self.py_db).get_doccount(), 200)

    def test_the_cli_finds_in_a_python_index_what_it_finds_in_its_own(self):
        for query in QUERIES:
            with self.subTest(query=query):
                expected = cli_search(self.cli_db, query)
                self.assertTrue(expected, "the query must find something to compare")
                self.assertEqual(cli_search(self.py_db, query), expected)

    def test_python3_xapian_finds_in_the_cli_index_what_the_cli_finds(self):
        db = xapian.Database(self.cli_db)
        analyzer = xa.Analyzer()
        analyzer.check_compatible(db)
        for query in QUERIES:
            with self.subTest(query=query):
                enquire = xapian.Enquire(db)
                enquire.set_query(analyzer.parse_query(query))
                found = set()
                for match in enquire.get_mset(0, 1000):
                    data = match.document.get_data().decode()
                    found.add(next(line[3:] for line in data.split("\n") if line.startswith("id=")))
                self.assertEqual(found, cli_search(self.cli_db, query))

    def test_python3_xapian_with_dph_ranks_as_the_cli_does(self):
        # [search] weighting = "dph" by default; Xapian's own DPHWeight gives the same order. The
        # search layer's synonyms (verbal nouns: الانتخابات is انتخب too; name spellings) are not
        # parse_query's, so the CLI runs without them here.
        config = pathlib.Path(self.tmp.name) / "no-search-synonyms.toml"
        config.write_text("[synonyms]\nderived_forms = false\nnames = false\n", encoding="utf-8")
        db = xapian.Database(self.cli_db)
        analyzer = xa.Analyzer()
        for query in ["الحكومة", "الانتخابات", "الرئيس AND سوريا", '"رئيس الوزراء"']:
            with self.subTest(query=query):
                enquire = xapian.Enquire(db)
                enquire.set_query(analyzer.parse_query(query))
                enquire.set_weighting_scheme(xapian.DPHWeight())
                ranked = []
                for match in enquire.get_mset(0, 10):
                    data = match.document.get_data().decode()
                    ranked.append(next(line[3:] for line in data.split("\n") if line.startswith("id=")))
                out = subprocess.run([TOOL, "search", "--db", self.cli_db, "--config", str(config), "--json",
                                      "--limit", "10", query],
                                     check=True, capture_output=True, text=True, env=TOOL_ENV).stdout
                self.assertEqual(ranked, [hit["id"] for hit in json.loads(out)["results"]])

    def test_our_query_parser_and_index_text_agree_with_the_cli_index(self):
        # The Analyzer's own path: index_text into a xapian.Document, query_parser + parse_query.
        db = xapian.Database(self.cli_db)
        article = next(a for a in self.articles if "المعلمين" in a.body)
        doc = xapian.Document()
        xa.Analyzer().index_text(doc, article.body)
        stored = db.get_document(db.postlist("Q" + article.id).__next__().docid)
        stored_terms = {t.term for t in stored.termlist()}
        self.assertTrue({t.term for t in doc.termlist()} <= stored_terms)
        parser = xa.Analyzer().query_parser()
        parser.set_database(db)
        parser.add_prefix("title", xa.Analyzer().field_prefix("S"))
        query = xa.Analyzer().parse_query("title:" + xa.normalize(article.title.split()[0]), parser=parser)
        self.assertIn("ZS", str(query))


class Bridges(unittest.TestCase):
    def test_the_cpp_stem_and_the_python_subclass_stem_alike(self):
        fast, slow = xa.stemmer(), xapian.Stem(xa.StemImplementation())
        for word in ["والمعلمين", "للمعلمين", "القمة", "بيروت", "running"]:
            self.assertEqual(fast(word).decode(), xa.stem(word))
            self.assertEqual(slow(word).decode(), xa.stem(word))

    def test_termgenerator_makes_our_stems_with_either_stem(self):
        for stem in (xa.stemmer(), xapian.Stem(xa.StemImplementation())):
            tg = xapian.TermGenerator()
            tg.set_stemmer(stem)
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(xa.normalize("والمعلمين في القمة"))
            terms = {t.term.decode() for t in doc.termlist()}
            self.assertIn("Z" + xa.stem("والمعلمين"), terms)
            self.assertIn("القمه", terms)

    def test_stoppers_stop_normalized_and_raw_spellings(self):
        for stopper in (xa.stopper(), xa.Stopper()):
            self.assertTrue(stopper("إلى"))
            self.assertTrue(stopper("الى"))
            self.assertFalse(stopper("بيروت"))
            qp = xapian.QueryParser()
            qp.set_stopper(stopper)
            qp.set_stemmer(xa.stemmer())
            qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
            self.assertNotIn("الي", str(qp.parse_query("الرئيس الى بيروت")))

    def test_the_stopper_outlives_its_analyzer(self):
        tg = xapian.TermGenerator()
        tg.set_stopper(xa.Analyzer().stopper())  # the Analyzer is gone after this line
        tg.set_stopper_strategy(xapian.TermGenerator.STOP_ALL)
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text("الرئيس الى بيروت")
        self.assertNotIn(b"\xd8\xa7\xd9\x84\xd9\x8a", {t.term for t in doc.termlist()})  # الي

    def test_parse_query_returns_a_query_enquire_runs(self):
        query = xa.parse_query("المعلمين OR القمة")
        self.assertIsInstance(query, xapian.Query)
        self.assertIn("Zمعلم", str(query))
        self.assertIn("Zقمه", str(query))

    def test_objects_of_the_wrong_type_are_refused(self):
        with self.assertRaises(TypeError):
            xa.index_text(xapian.Query("x"), "نص")
        with self.assertRaises(TypeError):
            xa.index_text("not a document", "نص")
        with self.assertRaises(TypeError):
            xa.parse_query("نص", parser=xapian.TermGenerator())
        with self.assertRaises(TypeError):
            xa.Analyzer().write_metadata(xapian.Database())

    def test_index_text_continues_positions_and_applies_prefix_and_wdf(self):
        doc = xapian.Document()
        analyzer = xa.Analyzer()
        last = analyzer.index_text(doc, "وصل الرئيس")
        analyzer.index_text(doc, "بيروت", prefix="S", wdf_inc=3, start_pos=last + 10)
        terms = {t.term.decode(): (t.wdf, list(t.positer)) for t in doc.termlist()}
        # The stems layout: one term per word, Z + prefix + stem, with its position.
        self.assertEqual(analyzer.layout, "stems")
        self.assertEqual(terms["ZSبيروت"], (3, [13]))
        self.assertNotIn("Sبيروت", terms)
        words = xa.Analyzer(xa.Config.parse('[index]\nlayout = "words"\n'))
        doc = xapian.Document()
        words.index_text(doc, "بيروت", prefix="S", wdf_inc=3, start_pos=12)
        terms = {t.term.decode(): (t.wdf, list(t.positer)) for t in doc.termlist()}
        self.assertEqual(terms["Sبيروت"], (3, [13]))
        self.assertEqual(terms["ZSبيروت"], (3, []))


if __name__ == "__main__":
    unittest.main(verbosity=2)
