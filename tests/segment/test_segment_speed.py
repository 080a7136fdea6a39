"""pysbd's English with the cheaper abbreviation pass (:mod:`mtfix.segment.pysbd_english`) gives pysbd's
own sentences (session 14)."""

from __future__ import annotations

import random

import pytest

pysbd = pytest.importorskip("pysbd")

from pysbd.lang.english import English  # noqa: E402
from pysbd.processor import Processor  # noqa: E402

from mtfix import segment  # noqa: E402
from mtfix.segment.pysbd_english import ODD_CASE, english  # noqa: E402

_WORDS = ["The", "minister", "said", "it", "is", "no", "more", "than", "a", "plan", "in", "the", "Co", "on",
          "Monday", "and", "I", "will", "go", "to", "St", "Louis", "with", "Dr", "Smith", "at", "10", "p", "m",
          "(see", "fig", "2)", "e", "g", "u", "s", "Is", "NO", "Me", "me", "vs", "Jr", "isn't", "no-one", "mr"]
_ENDS = ["", ".", ". ", ".,", ".:", ". 5", ". (", "?", "!", ".\n", "∯"]


def _sentences(text: str, lang: object) -> list[str]:
    return list(Processor(text, lang).process())


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    abbrs = list(English.Abbreviation.ABBREVIATIONS)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(3, 25)):
            w = rng.choice(abbrs) if rng.random() < 0.4 else rng.choice(_WORDS)
            w = rng.choice([w, w.upper(), w.capitalize()])
            if rng.random() < 0.03:
                w = w.replace("s", "ſ").replace("k", "\u212a").replace("i", "ı")
            parts.append(w + rng.choice(_ENDS))
        out.append(" ".join(parts))
    return out


def test_the_english_of_mtfix_gives_pysbds_sentences_on_every_abbreviation() -> None:
    ours = english()
    for abbr in English.Abbreviation.ABBREVIATIONS:
        for form in (abbr, abbr.upper(), abbr.capitalize()):
            for end in ("", ".", ". ", ".:", ". 5", "."):
                for text in (f"He met {form}{end} the envoy. Then {form}{end}x", f"It was a{form}{end} the end. Or\t{form}{end}",
                             f"It was {form}{end}\nThe next line {form}.5 is here."):
                    assert _sentences(text, ours) == _sentences(text, English), text


@pytest.mark.parametrize("text", ["He lives on ſt. louis street. It rains.", "The value ıs. what it was. Then more.",
                                  "They met in \u212ay. at noon. It rained.", "İd. est the rule. Then it ended.",
                                  "A tax on ſt. the\u00a0no. 5 rule. Then\u2009dr. smith left."])
def test_a_line_with_a_letter_that_lower_does_not_map_takes_pysbds_own_path(text: str) -> None:
    assert _sentences(text, english()) == _sentences(text, English)


def test_the_english_of_mtfix_gives_pysbds_sentences_on_random_text() -> None:
    ours = english()
    for text in _texts(400, 7):
        assert _sentences(text, ours) == _sentences(text, English), text


def test_odd_case_holds_every_character_that_ignorecase_equates_with_an_ascii_letter_and_lower_does_not() -> None:
    import re
    import sys

    letters = "abcdefghijklmnopqrstuvwxyz"
    everything = "".join(map(chr, range(128, sys.maxunicode + 1)))
    equated = set(re.findall(f"[{letters}]", everything, re.IGNORECASE))
    odd = {c for c in equated if c.lower() not in letters}
    assert odd <= ODD_CASE <= equated and len(odd) == 3


def test_the_segmenter_uses_it() -> None:
    assert segment._segmenter().language_module is english()


# session 15: the list-item pass skips a scan when the text lacks what each of its matches holds
_LIST_BITS = ["a.", "b.", "c.", "a)", "b)", "(c)", "i)", "ii)", "iv.", "1.", "2.", "3.", "1)", "2)", "3)", "10.",
              "-1.", "-2.)", "⁃3.", "x", "Then", "it", "rose", "5.5", "(see", "fig.", "2)", "end.", "A.", "B)",
              "\u00a0", "\t", "\n", "\r", "1.\u2003", "٣.", "z)\u00a0", "st-1.)", "no.", "&", "♨", "☝"]


def _list_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_LIST_BITS) + rng.choice([" ", " ", "", "\n"]) for _ in range(rng.randint(1, 30)))
            for _ in range(n)]


def test_each_skipped_scan_would_have_found_nothing() -> None:
    import re

    from pysbd.lists_item_replacer import ListItemReplacer as L

    from mtfix.segment import pysbd_english as pe

    guards = [(L.ALPHABETICAL_LIST_WITH_PERIODS, pe._LETTER_PERIOD), (L.ALPHABETICAL_LIST_WITH_PARENS, pe._LETTER_PAREN),
              (L.NUMBERED_LIST_REGEX_1, pe._DIGIT_PERIOD), (L.NUMBERED_LIST_PARENS_REGEX, pe._DIGIT_PAREN)]
    found = dict.fromkeys(range(len(guards)), 0)
    for text in _list_texts(3000, 3):
        text = text.replace("\n", "\r")
        for k, (scan, guard) in enumerate(guards):
            if re.findall(scan, text):
                found[k] += 1
                assert guard.search(text), (scan, text)
    assert all(found.values()), found  # every scan found something somewhere: the test reached it


def test_the_english_processor_gives_pysbds_sentences_on_lists() -> None:
    ours = english()
    assert ours.Processor is not Processor
    for text in [*_list_texts(600, 4), *_texts(150, 8), "a. One b. Two c. Three", "1. First 2. Second 3. Third",
                 "(a) x (b) y (c) z", "i) one ii) two iii) three", "1) a 2) b 3) c", ""]:
        assert list(ours.Processor(text, ours).process()) == _sentences(text, English), text


_RULE_BITS = ["1", "22", ".", ". ", "...", "....", " . . . ", ". . . .", "∯", "a∯m", "A∯M", " P∯M", "p∯m", "Co", " KG",
              "°", "N°", "jpg", "pdf", "docx", "js", "\r", "\r1", "A", "b", "x", " ", "\t", ",", ")", "\\n", "'s", "The",
              "5", "\u00a0", "é", "Ω", "5.5", "Z.", "A∯M∯ The", " P∯M∯ X", "a∯m∯ B", "p∯m∯ C", "Co. KG", " .pdf "]


def test_every_rewritten_rule_substitutes_as_pysbds() -> None:
    import re

    from pysbd.utils import Rule

    from mtfix.segment.pysbd_english import _RULE_CLASSES, _RULES

    ours = english()
    pairs = [(getattr(English, n), getattr(ours, n)) for n in _RULES]
    for c in _RULE_CLASSES:
        assert len(getattr(English, c).All) == len(getattr(ours, c).All)
        pairs += list(zip(getattr(English, c).All, getattr(ours, c).All, strict=True))
        pairs += [(getattr(getattr(English, c), k), getattr(getattr(ours, c), k))
                  for k in dir(getattr(English, c)) if isinstance(getattr(getattr(English, c), k), Rule)]
    changed = [(a, b) for a, b in pairs if a.pattern != b.pattern]
    assert len({a.pattern for a, _ in changed}) >= 15
    rng = random.Random(11)
    texts = ["".join(rng.choice(_RULE_BITS) for _ in range(rng.randint(1, 40))) for _ in range(2500)]
    for a, b in changed:
        assert a.replacement == b.replacement
        hits = 0
        for text in texts:
            want = re.sub(a.pattern, a.replacement, text)
            assert re.sub(b.pattern, b.replacement, text) == want, (a.pattern, text)
            hits += want != text
        assert hits, f"no text matched {a.pattern}"


def test_the_quote_patterns_find_and_substitute_as_pysbds() -> None:
    import re

    from pysbd.between_punctuation import BetweenPunctuation

    from mtfix.segment.pysbd_english import _QUOTE_PATTERNS

    ours = english().BetweenPunctuation
    bits = ["'", "‘", "’", " ", "\t", "\r", "a", "Bc", "'s", "’t", ".", "!", "?", ",", "x'y", " 'quoted.' ", "\u00a0"]
    rng = random.Random(12)
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for k in _QUOTE_PATTERNS:
        a, b = getattr(BetweenPunctuation, k), getattr(ours, k)
        assert a != b
        hits = 0
        for text in texts:
            want = re.findall(a, text)
            assert re.findall(b, text) == want and re.sub(b, "#", text) == re.sub(a, "#", text), (k, text)
            hits += bool(want)
        assert hits, k
    text = "He said 'the plan. It works.' Then ‘she left. Really.’ It ended."
    assert list(english().Processor(text, english()).process()) == _sentences(text, English)


def _every_rule(lang: object) -> list:
    """Every pysbd ``Rule`` of ``lang``: its own and those of its classes of rules (their ``All`` too)."""
    from pysbd.utils import Rule

    rules, seen = [], set()
    for name in (n for n in dir(lang) if not n.startswith("_")):
        value = getattr(lang, name)
        inner = [getattr(value, k) for k in dir(value) if not k.startswith("_")] if isinstance(value, type) else []
        inner += list(getattr(value, "All", None) or []) if isinstance(value, type) else []
        for r in [value, *inner]:
            if isinstance(r, Rule) and (r.pattern, r.replacement) not in seen:
                seen.add((r.pattern, r.replacement))
                rules.append(r)
    return rules


def test_rule_function_substitutes_as_re_sub_for_every_pysbd_rule() -> None:
    # session 29: the processor applies pysbd's rules by str.replace (literal ones) or a compiled sub
    import re

    from mtfix.segment.pysbd_english import _LITERAL, rule_function

    rules = _every_rule(English)
    literal = [r for r in rules if _LITERAL.fullmatch(r.pattern) and "\\" not in r.replacement]
    assert len(rules) >= 50 and len(literal) >= 20  # both paths are reached
    rng = random.Random(29)
    bits = [*_RULE_BITS, "∯", "♬", "♭", "&ᓰ&", "&ᓱ&", "&ᓳ&", "&ᓴ&", "&ᓷ&", "&ᓸ&", "☉", "☇", "☈", "☄", "&✂&", "&⌬&",
            "ȸ", "ȹ", "ƪƪƪ", "♟♟♟♟♟♟♟", "♝♝♝♝♝♝♝", "☏☏", "∮", "&⎋&", "\\(", "\\)", "\\[", "\\-", "(", "?", "!", "&",
            "\n", "'", '"', "“", "”", "U∯S", " Mr", ".5", "e.g.", "a.m.", "Yahoo!", "?!", "!!", "..."]
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 30))) for _ in range(1500)]
    for r in rules:
        function = rule_function(r.pattern, r.replacement)
        for text in texts:
            assert function(text) == re.sub(r.pattern, r.replacement, text), (r.pattern, text)


def test_the_processor_with_compiled_rules_gives_pysbds_sentences_on_hard_cases() -> None:
    # session 29: abbreviations, initials, decimals, ellipses, quotes after the stop, lists, URLs, e-mail, "?!"
    texts = ["The U.S. Army met Dr. Smith. J. R. Jones left at 3.5 p.m. on Monday.",
             "Prices rose... Then they fell. . . The end.... It went on.",
             'He said "Go home." Then he left. She asked: "Why?" Nobody knew!',
             "Is it true?! Yes. Really!? No!! Maybe?? 1. First item 2. Second item a) one b) two",
             "Mail info@example.com or see www.example.org/a.html. Then call Mr. Aliyev.",
             "The fund (set up in May. It was small) grew. See fig. 2 and p. 5. Vol. 3 is out.",
             "“We will go. They stay.” Then—nothing. ‘Quoted. Text.’ It ended.\nNext line. Here."]
    ours = english()
    for text in [*texts, *_texts(200, 29), *_list_texts(200, 29)]:
        assert list(ours.Processor(text, ours).process()) == _sentences(text, English), text


def test_each_guard_finds_something_wherever_pysbds_pattern_matches() -> None:
    # session 29: the processor skips pysbd's continuous punctuation, numbered reference and parens-between-quotes
    # passes when their guard finds nothing; the list guards open with their period or ")" (same texts pass)
    import re

    from mtfix.segment import pysbd_english as pe

    pairs = [(English.CONTINUOUS_PUNCTUATION_REGEX, pe._THREE_MARKS), (English.NUMBERED_REFERENCE_REGEX,
             pe._STOP_BEFORE_NUMBER), (English.PARENS_BETWEEN_DOUBLE_QUOTES_REGEX, pe._QUOTE_SPACE_PAREN),
             (re.compile(English.MULTI_PERIOD_ABBREVIATION_REGEX, re.IGNORECASE), pe._MULTI_PERIOD_GUARD)]
    bits = ["!", "?", "!!", "???", "a", "Ab", " ", "\t", "\r", ".", "∯", "[1]", "[2, 3]", "12", "5 ", "A", "The", '"',
            "”", "“", " (", ") ", "(x)", "\u00a0", "٣", "x.", "1.", "b)", "2)", "e.g.", "U.S.", "ı", "\u212a", ".k"]
    rng = random.Random(30)
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 25))) for _ in range(20000)]
    for pattern, guard in pairs:
        hits = 0
        for text in texts:
            if re.search(pattern, text):
                hits += 1
                assert guard.search(text), (pattern, text)
        assert hits, pattern
    before = {pe._LETTER_PERIOD: r"(?:^|\s)[a-z]\.", pe._LETTER_PAREN: r"[a-z]\)", pe._DIGIT_PERIOD: r"(?:^|[\s\-⁃])\d{1,2}\.[\s)]",
              pe._DIGIT_PAREN: r"\d\)\s"}
    for guard, pattern in before.items():
        for text in [*texts, *_list_texts(2000, 30)]:
            assert bool(guard.search(text)) == bool(re.search(pattern, text)), (pattern, text)


def test_punctuation_between_quotes_is_hidden_as_pysbd_hides_it() -> None:
    # session 29: replace_punctuation and the BetweenPunctuation methods that call it, against pysbd's own
    import re

    from pysbd.between_punctuation import BetweenPunctuation
    from pysbd.punctuation_replacer import replace_punctuation as theirs

    from mtfix.segment.pysbd_english import replace_punctuation

    bits = ["(", ")", "[", "]", "-", "--", "\\", "\\(", "\\)", "\\-", ".", "。", "．", "！", "!", "?", "？", "'", '"', "“",
            "”", "«", "»", "‘", "’", " ", "a", "Bc", "It rained.", " 'so.' ", "\u00a0", "\\\\"]
    rng = random.Random(31)
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    ours = english().BetweenPunctuation
    for text in texts:
        m = re.fullmatch(r"(?s).*", text)
        assert replace_punctuation(m) == theirs(m) and replace_punctuation(m, "single") == theirs(m, "single"), text
        assert ours(text).replace() == BetweenPunctuation(text).replace(), text


class _CountingPattern:
    """A compiled pattern that counts its whole-text scans (``finditer``, ``sub``)."""

    def __init__(self, pattern) -> None:
        self.pattern, self.scans = pattern, 0

    def finditer(self, *args):
        self.scans += 1
        return self.pattern.finditer(*args)

    def sub(self, *args):
        self.scans += 1
        return self.pattern.sub(*args)


def test_the_unmarked_view_is_the_text_without_its_marks_from_one_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 31: :class:`segment._Unmarked` builds its view from the runs of marks it found (one scan of the
    text, not a second ``sub``): the same view, runs and offsets as removing the marks with ``sub``."""
    counting = _CountingPattern(segment._MARK_RUN)
    monkeypatch.setattr(segment, "_MARK_RUN", counting)
    rng = random.Random(31)
    marks = list(segment.SEGMENT_MARKS)
    reached = 0
    for _ in range(400):
        text = "".join(rng.choice(marks) if rng.random() < 0.12 else rng.choice("ab. \nC") for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        counting.scans = 0
        u = segment._Unmarked(text, start, end)
        assert counting.scans == 1
        assert u.view == counting.pattern.sub("", text[start:end])
        assert u.runs == [(m.start(), m.end()) for m in counting.pattern.finditer(text, start, end)]
        kept = [i for i in range(start, end) if text[i] not in segment.SEGMENT_MARKS]
        assert [u.orig(v) for v in range(len(u.view))] == kept
        reached += bool(u.runs)
    assert reached > 100
