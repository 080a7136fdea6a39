"""The stock phrases' probe (session 38): :func:`mtfix.rules.detectors.phrases._probe`, a search of ``re`` in the
lower-cased text, rules a phrase out only where its case-insensitive ``regex`` pattern finds nothing, so the findings
are those without it.  Checked over every code point (white space, case) and on random texts built from the
phrases' own words, their look-alikes and the white space of both modules."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import regex
import yaml

from mtfix.rules.detectors import phrases
from mtfix.rules.detectors.registry import Context
from mtfix.segment import to_document
from mtfix.text.tokens import lower_same_length

#: phrases in the style of the pack's entries (our own, and some of its shapes: a comma, an apostrophe)
_ENTRIES = [
    {"match": "it has come to our attention that", "where": "start", "action": "remove"},
    {"match": "as is well known,", "action": "flag"},
    {"match": "we'd remind that", "action": "replace", "replacement": "Note that"},
    {"match": "kiss the ring", "action": "flag"},
]
_PACK = Path(phrases.__file__).parents[1] / "packs" / "en-generic.yaml"
_RULE = SimpleNamespace(params={"phrases": _ENTRIES})
_CODE_POINTS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
_ALL = "".join(_CODE_POINTS)


def _probe_char(ch: str) -> str:
    """What the detector's probe holds at a character (``lower_same_length``, İ and ſ mapped back)."""
    return lower_same_length(ch).replace("İ", "i").replace("ſ", "s")


def test_white_space_of_regex_is_white_space_of_re():
    ws_regex = regex.compile(r"\s")
    ws_re = re.compile(r"\s")
    assert [c for c in _CODE_POINTS if ws_regex.match(c) and not ws_re.match(c)] == []
    assert all(_probe_char(c) == c for c in _CODE_POINTS if ws_regex.match(c))  # lower-casing keeps it


def test_a_character_a_phrase_letter_matches_is_that_letter_in_the_probe():
    shipped = [e for r in yaml.safe_load(_PACK.read_text(encoding="utf-8"))["rules"]
               if r.get("detector") == "stock_phrases" for e in r["params"]["phrases"]]
    assert shipped
    letters = sorted({c for e in _ENTRIES + shipped for c in e["match"].lower() if not c.isspace()}
                     | set("abcdefghijklmnopqrstuvwxyz',"))
    for c in letters:
        one = regex.compile(regex.escape(c), regex.IGNORECASE)
        matched = one.findall(_ALL)  # one character each: the pattern is one letter
        assert c in matched
        assert all(_probe_char(t) == c for t in matched), (c, [t for t in matched if _probe_char(t) != c])


_PIECES = ["it", "It", "IT", "İt", "ıt", "has", "come", "to", "our", "attention", "that", "as", "is", "well",
           "known", ",", "we'd", "we’d", "remind", "kiss", "the", "ring", "KİSS", "ſ", "Kiſs", "\u212aiss", "x",
           "a", "1", "_", ".", "“", "\u00a0", "\u2009", "\u3000", "\x1c", "\x85", " ", " ", " ", "  ", "\t", "\n"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        if rng.random() < 0.3:  # a phrase whole, its case and white space changed
            e = rng.choice(_ENTRIES)["match"]
            words = [w.upper() if rng.random() < 0.3 else w for w in e.split()]
            phrase = "".join(w + rng.choice([" ", "\u00a0", "\n", "\t ", "\x1c", "\u2009"]) for w in words)
            out.append(rng.choice(["", "Then ", "x", "\u201c"]) + phrase + rng.choice(["", "prices rose.", "1"]))
        else:
            out.append("".join(rng.choice(_PIECES) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 25))))
    return out


def _hits(text: str) -> list[tuple]:
    doc = to_document(text)
    ctx = Context(lower=lower_same_length(text))
    return [(h.start, h.end, h.replacement, h.message) for h in phrases.stock_phrases(doc, _RULE, ctx)]


def test_findings_are_those_without_the_probe(monkeypatch):
    texts = _texts(3000, 38)
    with_probe = [_hits(t) for t in texts]
    monkeypatch.setattr(phrases, "_probe", lambda match: re.compile(""))  # finds something everywhere
    without = [_hits(t) for t in texts]
    assert with_probe == without
    assert sum(1 for h in without if h) > 300  # the texts reach the phrases


def test_the_probe_rules_out_a_text_without_the_phrase():
    assert phrases._probe("as is well known,").search("as is well\u00a0 known, too") is not None
    assert phrases._probe("as is well known,").search("as is known well,") is None
