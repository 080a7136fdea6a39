"""How ``mtfix check`` and ``mtfix fix`` read ``<!-- mtfix-ignore-sentence: CODES -->`` (session 48, after review):
only after a sentence on its own line (one on a line of its own silenced the previous paragraph's last sentence, its
safe fixes too); only as a comment (a bare one is prose); inside a sentence without its full stop, up to the comment
only (it silenced the text after it too); and before a page's end tag, the sentence it follows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VERB_LAST = "The keeper at the library on Monday the readers greeted and about the new wing the plans explained."


def _fix(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "mtfix", "fix", "--grammar", "off", str(path)], capture_output=True,
                         text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    return path.read_text(encoding="utf-8")


def _found(tmp_path: Path, name: str, text: str) -> list[tuple[str, int]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--format", "json", str(path)],
                         capture_output=True, text=True, check=False)
    return [(f["code"], f["start"]) for f in json.loads(out.stdout)["files"][0]["findings"]]


def test_a_comment_on_a_line_of_its_own_follows_no_sentence(tmp_path: Path) -> None:
    md = "They sold the the nets.\n\n<!-- mtfix-ignore-sentence: MTF105 -->\n\nWe mended the the sails.\n"
    assert _fix(tmp_path, "a.md", md) == md.replace("the the", "the")
    txt = "They sold the the nets.\n<!-- mtfix-ignore-sentence: MTF105 -->\n"
    assert _fix(tmp_path, "a.txt", txt) == txt.replace("the the", "the")


def test_after_a_sentence_on_its_line_it_still_silences_that_sentence(tmp_path: Path) -> None:
    txt = "They sold the the nets. \t<!-- mtfix-ignore-sentence: MTF105 --> We mended the the sails.\n"
    assert _fix(tmp_path, "b.txt", txt) == txt.replace("mended the the", "mended the")


def test_a_bare_sentence_directive_is_prose_and_silences_nothing(tmp_path: Path) -> None:
    txt = f"{VERB_LAST[:-1]}\nmtfix-ignore-sentence: MTF401\n"
    assert "MTF401" in {c for c, _ in _found(tmp_path, "c.txt", txt)}
    txt = "They sold the the nets. mtfix-ignore-sentence: MTF105\n"
    assert _fix(tmp_path, "c2.txt", txt) == txt.replace("the the", "the")


def test_a_comment_inside_a_sentence_ends_its_scope_there(tmp_path: Path) -> None:
    txt = "They sold the the nets <!-- mtfix-ignore-sentence: MTF105 --> and we mended the the sails.\n"
    assert _fix(tmp_path, "d.txt", txt) == txt.replace("mended the the", "mended the")


def test_before_a_pages_end_tag_the_comment_is_the_sentences(tmp_path: Path) -> None:
    page = (f"<html><body><p>The bus came at nine. {VERB_LAST} <!-- mtfix-ignore-sentence: MTF401 --></p>\n"
            f"<p>{VERB_LAST}</p></body></html>\n")
    found = _found(tmp_path, "e.html", page)
    first, second = page.index(VERB_LAST), page.rindex(VERB_LAST)
    assert not [c for c, s in found if first <= s < first + len(VERB_LAST)], found
    assert "MTF401" in [c for c, s in found if second <= s < second + len(VERB_LAST)], found
