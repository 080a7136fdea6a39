"""The rules pass's cheaper scans (session 15) find exactly what the scans they replace found.

Each faster form is compared with the plain one it replaces, on random texts built of the characters its
look-arounds read (and each comparison checks that the plain form found something, so the texts reach it).
"""

from __future__ import annotations

import random

import pytest
import regex

from mtfix.rules import marks
from mtfix.rules.detectors import coordinated_copies, glued, punctuation, repeat_scan
from mtfix.rules.detectors.registry import DETECTORS, Context
from mtfix.rules.engine import RulesChecker, lower_same_length
from mtfix.segment import to_document
from mtfix.text.tokens import INVISIBLE_MARKS

_PIECES = [
    "the", "of", "countryof", "inthe", "tothe", "ofthe", "words", "wordsx", "abcde", "abcdef", "Straße", "straße",
    "ĳssel", "ſtory", "Word", "WORD", "é", "É", "ß", "ab", "5", "12", " ", " ", " ", "  ", "\t", "\n", ",", ".",
    "!", "?", ";", ":", ")", "(", "”", "“", "’", "'", "-", "_", "@", "/", "\\", "#", "<i>", "</i>", "{\\an8}",
    "&amp;", "*", "and", "And", "Said", "said", "ll", "re", "ve",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 60))) for _ in range(n)]


def test_glued_at_finds_what_the_lower_token_scan_finds():
    rng = random.Random(3)
    reached = 0
    for text in _texts(3000, 1):
        found = list(glued._LOWER_TOKEN.finditer(text))
        tokens = sorted({m.group() for m in found})
        if not tokens:
            continue
        # words the scan found, and runs of lower-case letters it did not (inside a longer word, before a digit)
        chosen = set(rng.sample(tokens, rng.randint(1, len(tokens)))) | set(glued._LOWER_RUN.findall(text))
        want = [(*m.span(), m.group()) for m in found if m.group() in chosen]
        assert glued._glued_at(text, chosen) == want, (text, chosen)
        reached += bool(want)
    assert reached > 500


def test_lower_runs_hold_every_lower_token():
    """The first walk decides the runs of ``_LOWER_RUN``: each ``_LOWER_TOKEN`` match must be one of them."""
    more = 0
    for text in _texts(3000, 8):
        tokens, runs = set(glued._LOWER_TOKEN.findall(text)), set(glued._LOWER_RUN.findall(text))
        assert tokens <= runs, text
        more += bool(runs - tokens)
    assert more > 300


@pytest.mark.parametrize("alternation", [200, 0])
def test_glued_function_word_unchanged_on_random_texts(monkeypatch, alternation):
    monkeypatch.setattr(glued, "_MAX_ALTERNATION", alternation)  # 0: the walk of every lower-case token
    rule = next(r for r in RulesChecker.bundled(["en-generic"]).packs[0].rules if r.code == "MTF117")
    function = {w.lower() for w in rule.params["function_words"]}
    hits = 0
    for text in _texts(1500, 2):
        doc = to_document(text)
        got = list(DETECTORS["glued_function_word"](doc, rule, Context(lower=lower_same_length(text))))
        split = {t: s for t in set(glued._LOWER_TOKEN.findall(text))
                 if (s := glued._glued_split(t, function)) is not None}
        want = [(m.start(), m.end(), " ".join(split[m.group()])) for m in glued._LOWER_TOKEN.finditer(text)
                if m.group() in split and doc.segment_at(m.start()) is not None]
        assert [(h.start, h.end, h.replacement) for h in got] == want, text
        hits += len(want)
    assert hits > 100


def _bare_plain(lower: str) -> list[str]:
    """Each token stripped as before session 15 (``_bare`` of every token not alphanumeric at both ends)."""
    def bare(token: str) -> str:
        return repeat_scan._EDGES.sub("", token) or token

    return [t if t[0].isalnum() and t[-1].isalnum() else bare(t) for t in lower.split()]


def test_bare_tokens_as_each_token_stripped():
    changed = 0
    for text in _texts(3000, 4):
        low = lower_same_length(text)
        want = _bare_plain(low)
        assert repeat_scan._bare_tokens(low) == want, text
        changed += want != low.split()
    assert changed > 300


def _bare_marked_plain(lower: str) -> list[str]:
    """:func:`_bare_plain` with the invisible marks as before session 28: every distinct token tried for the
    marks around its word (not only those holding a mark), overriding the markup-only strip."""
    plain = dict(zip(lower.split(), _bare_plain(lower), strict=True))
    if any(c in lower for c in INVISIBLE_MARKS):
        plain.update((t, repeat_scan._bare(t.strip(INVISIBLE_MARKS) or t).strip(INVISIBLE_MARKS) or t)
                     for t in set(lower.split()))
    return [plain[t] for t in lower.split()]


def test_bare_tokens_through_invisible_marks():
    rng = random.Random(9)
    changed = 0
    for text in _texts(3000, 10):
        text = "".join(rng.choice(INVISIBLE_MARKS) if c == "ſ" or (c == " " and rng.random() < 0.2) else c
                       for c in text)
        low = lower_same_length(text)
        want = _bare_marked_plain(low)
        assert repeat_scan._bare_tokens(low) == want, text
        changed += want != _bare_plain(low)
    assert changed > 300


_PLAIN_SITES = {"before": regex.compile(r"[ \t]+(?=[,!?;:.])"), "close": regex.compile(r"[ \t]+(?=\))")}


def test_blank_runs_are_the_plain_sites():
    reached = 0
    for text in _texts(3000, 5):
        for kind, plain in _PLAIN_SITES.items():
            want = [m.start() for m in plain.finditer(text)]
            assert list(punctuation._blank_runs(text, kind)) == want, (kind, text)
            reached += bool(want)
    assert reached > 500


_PLAIN_QUOTES = [
    (punctuation._QUOTE_GLUE, regex.compile(r"(?<=[.!?,]”)(?=\p{Lu}\p{Ll})")),
    (punctuation._QUOTE_GLUE_LOWER, regex.compile(r"(?<=[\p{L}.!?,]”)(?=\p{Ll}{2,}\b)(?!(?:ll|re|ve)\b)")),
]


def test_quote_patterns_find_the_plain_places():
    rng = random.Random(6)
    reached = 0
    for text in _texts(3000, 7):
        text = text.replace("“", rng.choice(["”", "“"]))  # more closing marks
        for new, plain in _PLAIN_QUOTES:
            want = [(m.start() - 1, m.start()) for m in plain.finditer(text)]
            assert [m.span() for m in new.finditer(text)] == want, text
            reached += bool(want)
    assert reached > 150


#: The comma pattern as it was before session 23 (found from each position, which the ``regex`` module tries one
#: by one: 0.13–0.18 s per MB of news); :data:`punctuation._COMMA_GLUED` finds the comma first.
_COMMA_GLUED_PLAIN = regex.compile(
    r"(?<![\p{L}\p{N}_.,@/\\#:'’&=+*`~-])(?P<left>\p{Lu}?\p{Ll}+),(?P<right>\p{Ll}+)"
    r"(?![\p{L}\p{N}_@/\\'’=+*`~-]|[.:,;]\S)"
)


def test_comma_glued_finds_what_the_plain_scan_finds():
    reached = 0
    for text in _texts(4000, 4) + [t.replace(" ", ",") for t in _texts(6000, 5)]:
        want = [(m.group("left"), m.group("right"), m.end("left")) for m in _COMMA_GLUED_PLAIN.finditer(text)]
        got = [(m.group("left"), m.group("right"), m.end("left"))
               for m in punctuation._COMMA_GLUED.finditer(text)]
        assert got == want, text
        reached += bool(want)
    assert reached > 300


def test_mark_view_as_the_regex_scan_gives():
    """The marks found with ``str.find`` and the text joined between them (session 28) are those of the
    ``regex`` scan and substitution they replace."""
    scan = regex.compile(f"[{marks.VIEW_MARKS}]")
    rng = random.Random(12)
    reached = 0
    for text in _texts(2000, 13):
        text = "".join(rng.choice(marks.VIEW_MARKS) if c in "ſ\t" or (c == " " and rng.random() < 0.3) else c
                       for c in text)
        doc = to_document(text)
        view = marks.MarkView.of(doc)
        offsets = [m.start() for m in scan.finditer(text)]
        if not offsets:
            assert view is None
            continue
        assert view.marks == offsets, text
        assert view.doc.text == scan.sub("", text), text
        reached += len(offsets) > 1
    assert reached > 500


def test_mark_view_built_once_per_document():
    """The rules and the glossary read one document through the same view; another document (even of the
    same text) gets its own."""
    doc = to_document("The oil\u200bgas price rose.")
    view = marks.MarkView.of(doc)
    assert view is not None and marks.MarkView.of(doc) is view
    other = to_document(doc.text)
    assert marks.MarkView.of(other) is not view and marks.MarkView.of(other).doc == view.doc
    assert marks.MarkView.of(to_document("No marks here.")) is None


_PAIR_WORDS = ["kilo", "KILO", "Kilo", "\u212ailo", "star", "STAR", "\u017ftar", "stars", "tar", "straße", "STRASSE",
               "éclat", "Éclat", "kilo's", "star-", "5", "ab", "x"]
_PAIR_SEPS = [" and ", " AND ", " And ", ", ", ",", "  and\t", " ", ".", ""]


def test_coordinated_matches_as_the_plain_scan():
    """MTF116's scan (separator first, then a case-aside gate on ASCII copies, session 28) finds the matches of
    ``_COORDINATED.finditer``, with the ``(?i)`` copies no lower-casing sees (``ſ``, the Kelvin sign)."""
    rng = random.Random(14)
    reached = gated = 0
    for _ in range(6000):
        text = "".join(rng.choice(_PAIR_WORDS) + rng.choice(_PAIR_SEPS) for _ in range(rng.randint(2, 8)))
        want = [(m.span(), m.group("w"), m.group("sep")) for m in coordinated_copies._COORDINATED.finditer(text)]
        got = [(m.span(), m.group("w"), m.group("sep")) for m in coordinated_copies._coordinated_matches(text)]
        assert got == want, text
        reached += bool(want)
        gated += any(not w.isascii() or not text[span[0]:span[1]].isascii() for span, w, _ in want)
    assert reached > 1000 and gated > 100, (reached, gated)


_LOOP_TOKENS = ["the", "the.", "the,", "the.”", "a", "a)", "of", "of!", "very,", "very", "ſ", "", "—", "said", "said:",
                "5", "5.", "ab", "ab…", "’", ".", "and"]


@pytest.mark.parametrize("numpy_from", [1, 10**9])
def test_equal_flags_as_the_string_comparisons(monkeypatch, numpy_from):
    """MTF105/106's token comparisons (:func:`repeat_scan._equal_flags`; in numpy on token numbers for a long text since
    session 30) give the bytes ``map(operator.eq)`` on the strings gives: each distance, and the second copy without
    its trailing punctuation (a stripped string that is no token, such as "" or "’", must equal nothing)."""
    import numpy  # noqa: F401  # the threshold below counts only when numpy is loaded

    monkeypatch.setattr(repeat_scan, "_NUMPY_TOKENS", numpy_from)
    monkeypatch.setattr(repeat_scan, "_NUMPY_TOKENS_LOADED", numpy_from)
    rng = random.Random(30)
    reached = [0] * (repeat_scan.MAX_N + 1)
    for _ in range(1500):
        low = [rng.choice(_LOOP_TOKENS[: rng.randint(2, len(_LOOP_TOKENS))]) for _ in range(rng.randint(1, 40))]
        trailing, by_distance = repeat_scan._equal_flags(low)
        want_trailing = bytes(a == b.rstrip(repeat_scan._TRAILING) for a, b in zip(low, low[1:], strict=False))
        assert trailing == want_trailing, low
        assert len(by_distance) == repeat_scan.MAX_N
        for n, got in enumerate(by_distance, 1):
            assert got == bytes(a == b for a, b in zip(low, low[n:], strict=False)), (n, low)
            reached[n] += got.count(1)
        reached[0] += trailing.count(1) - sum(a == b for a, b in zip(low, low[1:], strict=False))
    assert min(reached) > 100, reached  # each distance met, and copies equal only without their punctuation


def _glued_split_plain(tok: str, function: set[str]) -> tuple[str, str] | None:
    """:func:`glued._glued_split` as before session 30 (every function word tried, no gate on the affixes), with
    session 42's test of a three-letter part (``glued._short_part_ok``)."""
    if glued.is_everyday_word(tok, 0.5):
        return None
    splits = set()
    for f in function:
        if (tok.endswith(f) and len(tok) - len(f) >= 3 and glued._everyday_head(tok[: -len(f)], f)
                and glued._short_part_ok(tok[: -len(f)])):
            splits.add((tok[: -len(f)], f))
        rest = tok[len(f):]
        if (tok.startswith(f) and len(rest) >= 3 and glued.is_common(rest)
                and (rest in function or f in glued._NO_PREFIX) and glued._short_part_ok(rest)):
            splits.add((f, rest))
    if len(splits) != 1 or glued.is_word(tok, minimum=0.5):
        return None
    return splits.pop()


def test_glued_split_gate_keeps_every_split():
    """MTF117's gate (a token that neither starts nor ends with a function word has no split, session 30) drops no
    split the plain loop finds, with the tuple given or made inside."""
    rule = next(r for r in RulesChecker.bundled(["en-generic"]).packs[0].rules if r.code == "MTF117")
    function = {w.lower() for w in rule.params["function_words"]}
    affixes = tuple(function)
    pieces = [*sorted(function), "country", "people", "report", "zzq", "xylo", "an", "ed", "ing", "inidentity", "e"]
    rng = random.Random(30)
    split = gated = 0
    for _ in range(4000):
        tok = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 3)))
        want = _glued_split_plain(tok, function)
        assert glued._glued_split(tok, function, affixes) == want, tok
        assert glued._glued_split(tok, function) == want, tok
        split += want is not None
        gated += not (tok.endswith(affixes) or tok.startswith(affixes))
    assert split > 200 and gated > 200, (split, gated)
