"""How long a check waits on a LanguageTool results cache another program holds locked for writing.

A stand-in server (``tests/grammar/fake_lt.py``: every check answered with no match) fills a fresh cache
with one text; a second connection then holds ``BEGIN EXCLUSIVE`` on it while a new pipeline checks that
text (read: a hit) and three new ones (writes).  Prints the seconds of each check and the warnings.

    PYTHONPATH=. python bench/bench_locked_cache.py
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "grammar"))

from fake_lt import FakeLT  # noqa: E402

from mtfix.config import Config  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeLT("500", ok_checks=10**6) as lt:
        config = Config(grammar="required", lt_url=lt.url, ignore=("MTF4",),
                        extra={"languagetool": {"cache-dir": str(Path(tmp) / "cache")}})
        with Pipeline(config) as p:
            p.check("Prices of oilgas rose.")
            db = next(c for c in p.checkers if c.name == "grammar").settings.cache_db
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with Pipeline(config) as p:
                for text in ("Prices of oilgas rose.", "A new text.", "Another new text.", "A third new text."):
                    t = time.perf_counter()
                    p.check(text)
                    print(f"{time.perf_counter() - t:6.2f} s  {text}")
                print("\n".join(p.warnings))
        finally:
            other.execute("ROLLBACK")
            other.close()


if __name__ == "__main__":
    main()
