"""The odd-spelling scan (MTF305) tries only dominant spellings within two letters of a token's
length (session 14): the same findings as trying every one."""

from __future__ import annotations

import random
from collections import Counter

from rapidfuzz.distance import OSA

from mtfix.glossary.consistency import cap_tokens, odd_spellings
from mtfix.glossary.misspell import derived
from mtfix.text.lexicon import is_common


def _every_dominant(text: str) -> list[tuple[int, int, str, str]]:
    """The scan as it was: every dominant spelling tried for every odd one."""
    matches = [m for m in cap_tokens(text) if len(m.group()) >= 5]
    counts = Counter(m.group() for m in matches)
    dominant = [t for t, c in counts.most_common() if c >= 3 and not is_common(t)]
    out = []
    for m in matches:
        tok = m.group()
        if counts[tok] > 2 or is_common(tok):
            continue
        for dom in dominant:
            if counts[dom] < 3 * counts[tok] or dom.lower() == tok.lower() or derived(tok, dom):
                continue
            if OSA.distance(tok, dom, score_cutoff=2) <= max(1, min(2, len(dom) // 4)):
                out.append((m.start(), m.end(), tok, dom))
                break
    return out


def _slip(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, len(name))
    kind = rng.randrange(4)
    if kind == 0:
        return name[:i] + name[i + 1:]
    if kind == 1:
        return name[:i] + rng.choice("aeioulnrst") + name[i:]
    if kind == 2:
        return name[:i] + rng.choice("aeioulnrst") + name[i + 1:]
    return name + rng.choice(["ov", "ian", "s", "ovich", "a"])


def test_only_spellings_near_in_length_are_tried_and_the_findings_are_the_same() -> None:
    rng = random.Random(3)
    names = ["Mammadyarov", "Aliyev", "Bayramov", "Khazarova", "Tbilisi", "Nakhchivan", "Zangilan", "Qubadli",
             "Guliyeva", "Hasanzade", "Shusha", "Lachinovic", "Kelbajar", "Yevlakh", "Blinken"]
    for _ in range(60):
        words = []
        for _ in range(rng.randint(30, 120)):
            name = rng.choice(names)
            words.append(_slip(rng, name) if rng.random() < 0.15 else name)
            words.append(rng.choice(["said", "met", "and", "in", "with", "of"]))
        text = " ".join(words) + "."
        assert list(odd_spellings(text)) == _every_dominant(text)
    assert any(_every_dominant(" ".join(["Mammadyarov said"] * 9 + ["Mammadyaro said"])))  # the test finds some


def test_of_two_near_dominant_spellings_the_more_frequent_is_named_as_before() -> None:
    """The distances come back from one call (session 23), sorted by distance: the candidates are still tried
    in the dominant spellings' order (the most frequent first), as one by one."""
    rng = random.Random(5)
    names = ["Karimova", "Karimovs", "Karamova", "Kerimova", "Talibova", "Talibove"]
    reached = 0
    for _ in range(80):
        words = []
        for _ in range(rng.randint(40, 140)):
            name = rng.choice(names)
            words.append(_slip(rng, name) if rng.random() < 0.2 else name)
            words.append(rng.choice(["said", "met", "and", "in"]))
        text = " ".join(words) + "."
        want = _every_dominant(text)
        assert list(odd_spellings(text)) == want
        reached += len(want)
    assert reached > 50


def _skip_first(text: str, skip) -> list[tuple[int, int, str, str]]:
    """The scan as it was until session 31: ``skip`` asked of every rare token before its verdict."""
    return [hit for hit in _every_dominant(text) if not skip(hit[0], hit[1])]


def test_skip_is_asked_only_of_odd_spellings_and_the_findings_are_the_same() -> None:
    """Session 31: a token's verdict depends on the token alone, so ``skip`` (the glossary's mentions, spans
    named as spellings: a regex search per call) is asked only of an occurrence that has a dominant spelling,
    not of every rare capitalised word; the same findings, in the same order."""
    rng = random.Random(7)
    names = ["Mammadyarov", "Aliyev", "Bayramov", "Khazarova", "Tbilisi", "Nakhchivan", "Zangilan", "Qubadli"]
    fillers = ["Harbourne", "Ellingsworth", "Pemberton", "Caldicott", "Winterbourne", "Ashdown"]
    asked_total = reached = skipped = 0
    for _ in range(60):
        words = []
        for _ in range(rng.randint(30, 120)):
            name = rng.choice(names)
            words.append(_slip(rng, name) if rng.random() < 0.15 else name)
            words.append(rng.choice(["said", "met", "and", "in", "with", "of", *fillers]))
        text = " ".join(words) + "."
        cut = {m.start() for m in cap_tokens(text) if rng.random() < 0.3}
        asked: list[int] = []

        def skip(start: int, end: int, cut=cut, asked=asked) -> bool:
            asked.append(start)
            return start in cut

        got = list(odd_spellings(text, skip))
        want = _skip_first(text, lambda s, e, cut=cut: s in cut)
        assert got == want
        odd = {start for start, _, _, _ in _every_dominant(text)}
        assert set(asked) <= odd  # never asked of a rare word that has no dominant spelling
        asked_total += len(asked)
        reached += len(got)
        skipped += len(odd) - len(got)
    assert reached > 50 and skipped > 10 and asked_total == reached + skipped
