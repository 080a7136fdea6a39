"""The review page's screenshot (docs/review-example.png) shows the page as it is (session 43).

Session 42 changed the page's Kind filter and the picture in the README and docs/review.md still showed the page
before it.  ``python bench/bench_review.py --skip-batch --screenshot docs/review-example.png`` retakes it in the
project's headless Chromium and writes the digest of the page's files into docs/review.md; this test fails when those
files have changed since (the picture to retake).  No browser here: a digest of files."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from bench_review import PAGE_FILES, PICTURE_NOTE, page_digest  # noqa: E402


def test_the_picture_was_taken_with_the_page_as_it_is() -> None:
    doc = (REPO / "docs" / "review.md").read_text(encoding="utf-8")
    said = PICTURE_NOTE.search(doc)
    assert said, "docs/review.md no longer says which page the screenshot shows"
    written = re.search(r"`([0-9a-f]+)`", said.group(0)).group(1)
    assert written == page_digest(), (
        "the review page changed since docs/review-example.png was taken: retake it with "
        "`python bench/bench_review.py --skip-batch --screenshot docs/review-example.png`")
    assert (REPO / "docs" / "review-example.png").stat().st_size > 50_000


def test_the_digest_covers_what_the_page_is_drawn_from() -> None:
    """Every static file and template of the review page is in the digest (a new one would escape it)."""
    review = REPO / "mtfix" / "review"
    drawn = {p.relative_to(REPO).as_posix() for d in ("static", "templates") for p in (review / d).iterdir()
             if p.is_file()}
    assert drawn == set(PAGE_FILES), drawn ^ set(PAGE_FILES)
