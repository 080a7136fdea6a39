"""The editor's loop on the review page, in real headless Chromium (session 47).

review → *Accept safe edits* → every other finding decided by keyboard (``Shift+N`` to the next finding still to do,
``r``: reject an unsafe edit, leave a finding with no edit as is) → export → ``mtfix fix --decisions`` → a report of
the written text → *Import…* of the decisions just applied. On our own news article (``bench/bench_review.py``'s,
each sentence opened by its own "In district N, ", so that none is there twice; ``--garbled``: the river town in MT's
phrasing of ``bench/editor_article.py``, where the detector's verdicts come two or three to a sentence; LanguageTool
off) it prints how many ``r`` the review took, and what the import took back: its
message and the findings of the new report still to do.

Usage: python bench/bench_review_loop.py [--sentences 300] [--garbled]
Another tree's figures: run it with PYTHONPATH at that tree (a ``git archive`` of an older commit).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_review import article  # noqa: E402
from editor_article import garbled_article  # noqa: E402


def _mtfix(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "mtfix", *args], cwd=cwd, check=True, env=dict(os.environ))


def _key(driver, k: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(k).perform()


def _progress(driver) -> str:
    return driver.find_element("id", "progress").text


def _decide_by_keyboard(driver) -> int:
    """Shift+N to each finding still to do and r on it, until none is left: the number of r pressed."""
    presses = 0
    while "· 0 left" not in _progress(driver) and presses < 5000:
        _key(driver, "N")
        _key(driver, "r")
        presses += 1
    return presses


def run(sentences: int, garbled: bool = False) -> dict[str, object]:
    from mtfix.review.browser import chrome

    tmp = Path(tempfile.mkdtemp(prefix="mtfix-loop-"))
    text = garbled_article(sentences) if garbled else article(sentences, unique=True)
    (tmp / "article.md").write_text(text, encoding="utf-8")
    _mtfix("review", "--grammar", "off", "-q", "article.md", "-o", "first.html", cwd=tmp)
    driver = chrome()
    try:
        driver.get((tmp / "first.html").as_uri())
        first = _progress(driver)
        driver.find_element("id", "accept-safe").click()
        presses = _decide_by_keyboard(driver)
        done = _progress(driver)
        decided = driver.execute_script("return window.mtfixReview.exportData();")
        (tmp / "decisions.json").write_text(json.dumps(decided), encoding="utf-8")
        entries = sum(len(f.get("decisions", [])) + len(f.get("checked", [])) for f in decided["files"])
        _mtfix("fix", "--grammar", "off", "--decisions", "decisions.json", "article.md", cwd=tmp)
        _mtfix("review", "--grammar", "off", "-q", "article.md", "-o", "again.html", cwd=tmp)
        driver.execute_script("window.localStorage.clear();")
        driver.get((tmp / "again.html").as_uri())
        reopened = _progress(driver)
        start = time.perf_counter()
        driver.execute_script("return window.mtfixReview.importData(arguments[0]);", decided)
        message = driver.execute_script("return document.getElementById('toast').textContent;")
        took = time.perf_counter() - start
        return {"sentences": sentences, "first report": first, "r pressed": presses, "after the review": done,
                "entries exported": entries, "report of the written text": reopened, "import message": message,
                "import s": round(took, 2), "after the import": _progress(driver)}
    finally:
        driver.quit()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=300)
    ap.add_argument("--garbled", action="store_true", help="editor_article.py's garbled article instead")
    args = ap.parse_args()
    for k, v in run(args.sentences, args.garbled).items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
