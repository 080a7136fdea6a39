"""The rules' second pass over Markdown reads only the paragraphs that hold inline markup (session 29,
``mtfix.rules.windows``), and finds exactly what the pass over the whole document found."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

import mtfix.rules.windows as windows
from mtfix.files import unit_document
from mtfix.formats import load
from mtfix.rules.engine import RulesChecker
from mtfix.rules.markup import markup_offsets

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "realmt"


def _doc(md: str):
    return unit_document(load(md.encode("utf-8"), "x.md", "markdown").units[0], "x.md")


def _findings(checker: RulesChecker, doc, most: float, monkeypatch) -> list[tuple]:
    monkeypatch.setattr(windows, "MOST", most)
    return [(f.code, f.start, f.end, str(f.severity), str(f.fix), f.message,
             tuple((e.start, e.end, e.replacement) for e in f.edits)) for f in checker.check(doc)]


@pytest.fixture(scope="module")
def checker() -> RulesChecker:
    return RulesChecker.bundled()


#: a code span far from the glue: the text writes code, so ``aboutEnergy`` may name it (no finding)
MD = ("# Notes\n\nCall `render()` before you go on.\n\n" + "The talks went on all day in the capital.\n\n" * 8
      + "We spoke **there** aboutEnergy security on Monday.\n\n"
      + "- The talks ran late into the **snow**The minister left.\n\n"
      + "The envoys stayed in [Ganja](https://example.org/ganja) ,where the the talks resumed.\n\n"
      + "A sn\u00adow fell and and it it went on.\n")


def test_windows_hold_the_paragraphs_with_markup_only() -> None:
    doc = _doc(MD)
    win = windows.markup_windows(doc, markup_offsets(doc))
    assert win is not None and len(win.doc.text) < len(MD) / 2
    assert "**snow**The" in win.doc.text and "[Ganja]" in win.doc.text and "all day" not in win.doc.text
    assert "".join(win.doc.text[p] for p in win.markup) == "".join(MD[p] for p in markup_offsets(doc))
    at = win.doc.text.index("**snow**The")
    assert win.to_original(at) == MD.index("**snow**The")


def test_windowed_pass_finds_what_the_whole_pass_finds(checker: RulesChecker, monkeypatch) -> None:
    doc = _doc(MD)
    whole = _findings(checker, doc, -1.0, monkeypatch)  # never windows
    assert _findings(checker, doc, 10.0, monkeypatch) == whole  # always windows
    codes = {(c, MD[s:e]) for c, s, e, *_ in whole}
    assert ("MTF202", "snow**The") in codes and ("MTF111", " ,") in codes
    assert not any(MD[s:e] == "aboutEnergy" for _, s, e, *_ in whole)


def test_what_holds_of_the_whole_document_is_read_in_all_of_it(checker: RulesChecker, monkeypatch) -> None:
    """Whether the text writes code is read in the whole document, not in the windows alone (the code span
    stands in a paragraph without markup): ``aboutEnergy`` stays unflagged either way."""
    doc = _doc(MD)
    monkeypatch.setattr(windows, "MOST", 10.0)
    win = windows.markup_windows(doc, markup_offsets(doc))
    assert win is not None and "render()" not in win.doc.text
    assert not any(MD[f.start:f.end] == "aboutEnergy" for f in checker.check(doc))


def test_random_markup_over_real_sentences(checker: RulesChecker, monkeypatch) -> None:
    """Real MT sentences (read from ../shared, never copied) wrapped in random emphasis, links and code, some cut
    inside a word: the windowed pass and the whole pass agree on every finding."""
    paths = sorted(SHARED.glob("real_mt_*.jsonl")) if SHARED.is_dir() else []
    if not paths:
        pytest.skip("../shared/realmt is not here")
    sents = [json.loads(line)["text"] for p in paths for line in p.open(encoding="utf-8")]
    rng = random.Random(29)
    wraps = ["**{}**", "*{}*", "_{}_", "[{}](https://example.org/x)", "`{}`"]
    for _ in range(3):
        paras = []
        for _ in range(30):
            body = " ".join(rng.choice(sents) for _ in range(rng.randint(1, 3)))
            if rng.random() < 0.3:
                toks = re.split(r"(\s+)", body)
                for i in rng.sample(range(0, len(toks), 2), 2):
                    w, cut = toks[i], rng.randint(0, max(0, len(toks[i]) - 1))
                    toks[i] = w[:cut] + rng.choice(wraps).format(w[cut:]) if cut else rng.choice(wraps).format(w)
                body = "".join(toks)
            paras.append(("- " if rng.random() < 0.2 else "") + body)
        doc = _doc("\n\n".join(paras) + "\n")
        assert _findings(checker, doc, 10.0, monkeypatch) == _findings(checker, doc, -1.0, monkeypatch)
