"""Runs every ```python block of docs/python.md with /usr/bin/python3, in order, in one namespace.

The blocks run in a fresh folder where samples/ is the repository's samples/, as the page says.
"""

import os
import pathlib
import re
import tempfile
import traceback
import unittest

SOURCE = pathlib.Path(os.environ["XA_SOURCE_DIR"])
PAGE = SOURCE / "docs" / "python.md"


def python_blocks(markdown):
    """(first line number, code) of each ```python block."""
    for match in re.finditer(r"^```python\n(.*?)^```$", markdown, re.S | re.M):
        yield markdown.count("\n", 0, match.start()) + 2, match.group(1)


class DocsExamples(unittest.TestCase):
    def test_every_example_of_python_md_runs(self):
        blocks = list(python_blocks(PAGE.read_text(encoding="utf-8")))
        self.assertGreaterEqual(len(blocks), 8, "the page lost its examples")
        cwd = os.getcwd()
        with tempfile.TemporaryDirectory() as tmp:
            os.symlink(SOURCE / "samples", pathlib.Path(tmp, "samples"))
            os.chdir(tmp)
            namespace = {"__name__": "__docs__"}
            try:
                for line, code in blocks:
                    try:
                        exec(compile(code, f"{PAGE}:{line}", "exec"), namespace)
                    except Exception:
                        self.fail(f"docs/python.md block at line {line} failed:\n{traceback.format_exc()}")
            finally:
                os.chdir(cwd)


if __name__ == "__main__":
    unittest.main(verbosity=2)
