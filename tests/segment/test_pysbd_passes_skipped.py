"""Session 33: pysbd passes skipped when their trigger is absent give pysbd's own sentences.

:mod:`mtfix.segment.pysbd_english` skips a list scan with fewer than two candidate items, a between-punctuation
substitution whose mark the text lacks, the exclamation-word and Roman-numeral substitutions without "!"/"ǃ" or
"(", the numbered-reference pass without a stop between a non-digit and a number, and no longer builds a set of
the text's characters for :data:`ODD_CASE`.  Each skip is checked against the pattern it skips, and the whole
processor against plain pysbd on generated edge cases and on corpus paragraphs (realmt, UD EWT in fives; read
from ``../shared``)."""

from __future__ import annotations

import json
import random
import re

import pytest

pysbd = pytest.importorskip("pysbd")

from pysbd.exclamation_words import ExclamationWords  # noqa: E402
from pysbd.lang.english import English  # noqa: E402
from pysbd.lists_item_replacer import ListItemReplacer  # noqa: E402
from pysbd.processor import Processor  # noqa: E402

from mtfix import pysbd_english as pe  # noqa: E402
from tests.conftest import SHARED  # noqa: E402

_LIST_BITS = ["a.", "b.", "c.", "a)", "b)", "(c)", "i)", "ii)", "iv.", "v.", "1.", "2.", "3.", "9.", "10.", "0.", "1)",
              "2)", "12)", "123.", "-1.", "-2.)", "⁃3.", "s-4.)", "x", "Then", "5.5", "(see", "fig.", "end.", "A.",
              "\u00a0", "\t", "\r", "1.\u2003", "٣.", "z)\u00a0", "e.g.", "U.S.", "2019.", "♨", "☝"]


def _list_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_LIST_BITS) + rng.choice([" ", " ", "", "\r"]) for _ in range(rng.randint(1, 12)))
            for _ in range(n)]


_SCANS = [(ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS, pe._LETTER_PERIOD),
          (ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS, pe._LETTER_PAREN),
          (ListItemReplacer.NUMBERED_LIST_REGEX_1, pe._DIGIT_PERIOD),
          (ListItemReplacer.NUMBERED_LIST_PARENS_REGEX, pe._DIGIT_PAREN)]


def test_a_list_scan_with_two_items_always_has_two_guard_matches() -> None:
    reached = dict.fromkeys(range(len(_SCANS)), 0)
    for text in _list_texts(6000, 33):
        for k, (scan, guard) in enumerate(_SCANS):
            found = re.findall(scan, text)
            assert len(found) <= len(guard.findall(text)), (scan, text)
            if len(found) >= 2:
                reached[k] += 1
                assert pe.two_matches(guard, text), (scan, text)
    assert min(reached.values()) > 50, reached


def test_a_list_scan_with_one_item_changes_nothing() -> None:
    # what the skip relies on: pysbd's own scans leave a text with a single candidate item as it is
    reached = 0
    for text in _list_texts(4000, 34):
        for scan, _guard in _SCANS:
            if len(re.findall(scan, text)) != 1:
                continue
            reached += 1
            for roman in (False, True):
                li = ListItemReplacer(text)
                if scan in (ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS, ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS):
                    parens = scan == ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS
                    assert li.iterate_alphabet_array(scan, parens=parens, roman_numeral=roman) == text
                elif scan == ListItemReplacer.NUMBERED_LIST_REGEX_1:
                    li.scan_lists(scan, ListItemReplacer.NUMBERED_LIST_REGEX_2, "♨", strip=True)
                else:
                    li.scan_lists(scan, ListItemReplacer.NUMBERED_LIST_PARENS_REGEX, "☝")
                assert li.text == text, (scan, text)
    assert reached > 500


def test_every_exclamation_word_and_roman_numeral_match_holds_its_trigger() -> None:
    assert all(any(m in w for m in pe.EXCLAMATION_MARKS) for w in ExclamationWords.EXCLAMATION_WORDS)
    assert ListItemReplacer.ROMAN_NUMERALS_IN_PARENTHESES.startswith(r"\(")


_MARKS = {"BETWEEN_PARENS_REGEX_2": "(", "BETWEEN_SQUARE_BRACKETS_REGEX_2": "[", "BETWEEN_SINGLE_QUOTES_REGEX": "'",
          "BETWEEN_SINGLE_QUOTE_SLANTED_REGEX": "‘", "BETWEEN_DOUBLE_QUOTES_REGEX_2": '"',
          "BETWEEN_QUOTE_ARROW_REGEX_2": "«", "BETWEEN_EM_DASHES_REGEX_2": "--", "BETWEEN_QUOTE_SLANTED_REGEX_2": "“"}


def test_each_between_punctuation_pattern_needs_its_mark() -> None:
    ours = pe.english().BetweenPunctuation
    bits = ["(", ")", "[", "]", "-", "--", "'", '"', "“", "”", "«", "»", "‘", "’", " ", "a", "It rained.", "\\"]
    rng = random.Random(35)
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 20))) for _ in range(4000)]
    for name, mark in _MARKS.items():
        pattern = re.compile(getattr(ours, name))
        hits = 0
        for text in texts:
            if pattern.search(text):
                hits += 1
                assert mark in text, (name, text)
        assert hits, name


def test_has_odd_case_is_the_set_test() -> None:
    rng = random.Random(36)
    chars = [*pe.ODD_CASE, "a", "I", "s", "k", " "]
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 6)))
        assert pe.has_odd_case(text) == (not pe.ODD_CASE.isdisjoint(text))


# edge cases of our own: abbreviations, quotes, numbers, ellipses, initials, URLs, character references, lists
_EDGE = [
    "Gov. Ortiz met Sen. Baker on Tues. at 10 a.m. They spoke for an hour.",
    "The firm (founded in 1999. It grew fast) moved. Its chief, J. R. Hale, left in 2019. A new one came.",
    "Output rose 4.5% in 2020. Exports fell 3.2 percent. The fund holds No. 7 and art. 12 of the law.",
    'She said: "We will not go. They will." Then she left. "Why?" he asked. Nobody answered!',
    "“The plan is ready. It starts now.” The minister spoke. ‘Short. Quoted.’ It ended. «Done. Yes.» Fine.",
    "Prices went up... Then they fell. . . The end.... Or so it seemed… Later, more.",
    "See https://example.org/a.b/c.html. Write to desk@example.com. Visit www.example.net. Then stop.",
    "It cost $1.5 billion. The U.S. and the U.K. agreed. e.g. this one, i.e. that one. Ph.D. students came.",
    "Wait!! Really?! Yes!!! No?? The Yahoo! deal closed. The !Kung people live there. Yum! That was it.",
    "Items: 1. Bread 2. Milk 3. Eggs. Then a) one b) two c) three. Also (i) first (ii) second. Done.",
    "Only 1. here and no other. A single a. mark. One (x) too. 7) alone.",
    "The report [1] says so. Others [2, 3] disagree. The law -- passed in May -- applies. 12 -- no.",
    "He wrote &#8220;no.&#8221; Then left. The fee is &pound;5. A&amp;B Co. Ltd. won. x &nbsp; y.",
    "The İstanbul office. The ſt. louis branch. The \u212aelvin scale. Then more.",
    "Version 2.0. Release 3. Chapter IV. Section 2(b). Figure 3.1. Table 2. Page 10. End.",
    "The talks in Geneva ended. Delegates left.\rA new line. 1. first\r2. second\r3. third",
    "Dr. Smith, Mr. Brown and Mrs. Green met St. John at St. Mary's. Jr. and Sr. too.",
    "(a) alpha. (b) beta. The end (see fig. 2). Note: “Quote (with parens) here.” Done.",
]


def _sentences(text: str, lang: object) -> list[str]:
    return list(Processor(text, lang).process())


def test_the_processor_gives_pysbds_sentences_on_edge_cases() -> None:
    ours = pe.english()
    rng = random.Random(37)
    texts = list(_EDGE)
    for _ in range(600):  # shuffled mixes of the edge sentences' pieces
        words = " ".join(rng.sample(_EDGE, 3)).split(" ")
        start = rng.randint(0, len(words) - 1)
        texts.append(" ".join(words[start:start + rng.randint(1, 40)]))
    texts += _list_texts(400, 38)
    for text in texts:
        assert list(ours.Processor(text, ours).process()) == _sentences(text, English), text


def _corpus_paragraphs(limit: int) -> list[str]:
    out: list[str] = []
    for name in ("clean_news_dev.jsonl", "real_mt_dev.jsonl", "clean_news_train.jsonl", "real_mt_train.jsonl"):
        path = SHARED / "realmt" / name
        if path.exists():
            out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for split in ("dev", "train"):
        ewt = SHARED / "corpora" / "ud-english-ewt" / f"en_ewt-ud-{split}.conllu"
        if ewt.exists():
            sents = [line[len("# text = "):] for line in ewt.read_text(encoding="utf-8").splitlines()
                     if line.startswith("# text = ")]
            out += [" ".join(sents[i:i + 5]) for i in range(0, len(sents), 5)]
    return out[:limit]


def test_the_processor_gives_pysbds_sentences_on_corpus_paragraphs() -> None:
    texts = _corpus_paragraphs(3000)
    if not texts:
        pytest.skip(f"realmt and UD EWT not found under {SHARED} (set MTFIX_SHARED)")
    ours = pe.english()
    for text in texts:
        assert list(ours.Processor(text, ours).process()) == _sentences(text, English), text
