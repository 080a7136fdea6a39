"""Session 30's small gaps, round 3: ``mtfix review`` of nothing but refused input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.cli_runner import Run, run_mtfix

DOC = "The ministers met in Baku on Monday.\n"


def _docx() -> bytes:
    """A small Word document as Word writes its first parts."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types><Override PartName="/word/document.xml"/></Types>')
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _review(tmp_path: Path, *args: str, stdin: bytes = b"") -> Run:
    return run_mtfix("review", "--grammar", "off", *args, stdin=stdin, cwd=tmp_path,
                     env={"MTFIX_CACHE_DIR": str(tmp_path / "cache")}, timeout=120)


def test_a_review_of_only_refused_input_writes_no_page_and_says_so_once(tmp_path: Path) -> None:
    """``review - < report.docx`` said "…; nothing was written", then "wrote mtfix-review.html" (a page of
    the refused input alone), exit 2.  Now nothing is written, as the error says, and the summary agrees."""
    proc = _review(tmp_path, "-", stdin=_docx())
    err = proc.stderr
    assert proc.rc == 2, err
    assert not (tmp_path / "mtfix-review.html").exists()
    assert "wrote " not in err, err
    assert "a Word document, not a format mtfix reads" in err
    assert "nothing reviewed: 1 file(s) could not be reviewed (see above); mtfix-review.html not written" in err, err
    assert "nothing was written" not in err and "; not checked" in err, err


def test_an_old_page_is_left_as_it_was(tmp_path: Path) -> None:
    """A file that cannot be read (UTF-16 without a byte-order mark) and nothing else: the last page stays."""
    (tmp_path / "page.html").write_text("<p>yesterday's review</p>\n", encoding="utf-8")
    (tmp_path / "w.txt").write_bytes("The ministers met in Baku on Monday.".encode("utf-16-le"))
    proc = _review(tmp_path, "-o", "page.html", "w.txt")
    assert proc.rc == 2, proc.stderr
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == "<p>yesterday's review</p>\n"


def test_a_review_with_one_readable_file_still_writes_the_page_listing_the_refused_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    proc = _review(tmp_path, "a.txt", "-", stdin=_docx())
    err = proc.stderr
    assert proc.rc == 2, err
    page = (tmp_path / "mtfix-review.html").read_text(encoding="utf-8")
    assert "a Word document" in page
    assert "nothing was written" not in err, err
    assert "wrote mtfix-review.html: 1 file(s)" in err and "1 file(s) could not be reviewed" in err, err
