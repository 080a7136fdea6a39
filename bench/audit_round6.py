"""Overfitting audit, round 6 (issue 11): where what sessions 21–24 added since round 5 fires, by source.

Round 5 (session 21) audited the code up to en-generic 1.22.  Since then (1.22 → 1.27, analysis 15 → 17):
MTF106's vocable loops made minor and an utterance opening after a line break (1.23), MTF116's false-start
words (1.23), MTF104's capitals labels (1.24) and reverential pronouns (1.26), MTF111's bracket glued to a
capitalised word (1.24), MTF124's quoted forms of address (1.24), MTF128 and MTF129 (1.25); in the analysis the
"-s" forms of irregular verbs (16), units and Latin-1 letters not another alphabet (16), Greek letters as symbols,
reverential capitals, addresses read as names and bidirectional marks read as invisible (17); MTF301's given names
English prints as words and its list of honorifics (session 23).  For each addition, and each entry of its list,
this prints the sentences where it decides something, per source and per language:

- development sets only: realmt train MT and dev MT (reporting: the tuning sign), MLQE-PE train and dev MT,
  MQM zh-en TED 2021 and 2020 MT; human text beside them (realmt corrections and clean news, MLQE-PE post-edits,
  MQM references, UD English EWT dev+test) and the project's own professional sets.  Never MQM 2023, he-en 2023
  or MLQE-PE test/test21 (:func:`audit_round5.load` reads none of them).
- a decision is counted where the code takes it (each guard or list is wrapped: the sentences where leaving it
  out changes the answer), or for a rule's own findings; MTF124's and MTF128's guards as raw-regex ablations.
- flags: ``dev-only`` (fires on realmt dev MT and no other MT), ``one`` (one sentence in all sources),
  ``own-only`` (only the project's own sets or nothing).

    python bench/audit_round6.py                      # the tables (grammar off; about 15 min on 2 cores)
    python bench/audit_round6.py --limit 3000 --show 2
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import OWN_SETS, SHARED_HELP, own_set_sentences, shared_root, treebank_sentences  # noqa: E402
from audit_round5 import _jsonl, _pattern  # noqa: E402
from audit_round5 import load as load_round5  # noqa: E402

CODES = ("MTF104", "MTF106", "MTF111", "MTF116", "MTF124", "MTF128", "MTF129", "MTF301", "MTF401", "MTF408")
#: the findings counted as rule rows (MTF401/MTF408 are selected so that the analysis runs)
RULE_ROWS = ("MTF128", "MTF129")


def load(root: Path) -> dict[str, list[tuple[str, str]]]:
    """Round 5's sources, with UD English EWT (dev+test) and the project's own professional sets beside them."""
    data = load_round5(root)
    # MQM 2020's targets rebuilt from disagreeing rater rows ("ambiguous"): the benchmark's README says to drop them
    # (annotation-tool duplications such as "station,station"); round 5 dropped them; kept apart here, neither MT
    # nor human, because session 22 counted MTF128's and MTF129's MT evidence among them
    path = root / "benchmarks" / "mqm-zh-en-2020.jsonl.gz"
    if path.exists():
        rows = (r for r in _jsonl(path) if not r.get("is_human") and r.get("target_status") == "ambiguous")
        data["tool:mqm2020-ambiguous"] = [
            ("zh", t) for t in dict.fromkeys(r["target"] for r in rows if r.get("target"))
        ]
    data["human:ewt"] = [("en", t) for t in dict.fromkeys(treebank_sentences(root / "corpora" / "ud-english-ewt"))]
    data["own"] = [(name, t) for name, path in OWN_SETS.items() if path.exists() for t in dict.fromkeys(own_set_sentences(path))]
    return data


# ---- what each addition decides -----------------------------------------------------------------------------


def why_reverent(words: list[str]) -> str:
    """Which of :func:`mtfix.text.reverential_capitals.reverent`'s branches makes a sentence reverent (its first one)."""
    from mtfix.text import reverential_capitals as rv

    n = len(words)
    for j, w in enumerate(words):
        if w in rv._DEITY:
            return f"deity {w!r}"
        if w == "Lord" and (j + 1 == n or not words[j + 1][:1].isupper()):
            return "deity 'Lord'"
        if w == "Holy" and j + 1 < n and words[j + 1] in ("Spirit", "Ghost"):
            return "deity 'Holy Spirit'"
        if w == "Father" and j > 0 and words[j - 1] in rv._BEFORE_FATHER:
            return "deity 'Father'"
        if w in rv._OBJECT_FORMS and j > 0 and words[j - 1] not in rv._OPENERS:
            return f"object form {w!r}"
    return "?"


def other_script_before(tok: str) -> bool:
    """``tokens.other_script`` as session 21 left it (round 5): no unit, Latin-1, letterlike or Greek symbol."""
    from mtfix.text import tokens

    if tok.isascii():
        return False

    def script(ch: str) -> str:
        s = tokens._script(ch)
        if s in tokens.LATIN_EXTRA:
            return s
        plain = unicodedata.normalize("NFKC", ch)
        return tokens._script(plain) if plain != ch and len(plain) == 1 and plain.isalpha() else s

    return any(ch.isalpha() and script(ch) not in tokens.LATIN_EXTRA for ch in tok)


def script_branch(tok: str) -> str:
    """Which session 22–23 branch of ``tokens.other_script`` reads ``tok`` as Latin text."""
    from mtfix.text import tokens

    if tokens._UNIT.fullmatch(tok):
        return "unit (µ/μ prefix, Ω)"
    if tokens._GREEK_SYMBOL.fullmatch(tok):
        return "Greek letter as a symbol"
    return "Latin-1 or letterlike letter"


class _Recording(frozenset):
    """A frozenset that reports each member asked for (a closed list whose membership decides)."""

    hook: Callable[[str], None] | None = None

    def __contains__(self, item: object) -> bool:
        found = frozenset.__contains__(self, item)
        if found and _Recording.hook is not None:
            _Recording.hook(str(item))
        return found


def _rebind(name: str, new: Callable, modules: tuple[str, ...]) -> None:
    import importlib

    for module in modules:
        setattr(importlib.import_module(module), name, new)


def instrument(note: Callable[[str], None]) -> None:
    """Wrap the functions and lists that sessions 21–24 added so that each reports its decisions to ``note``."""
    from mtfix.garble import signs, structural_signs, view
    from mtfix.glossary import spans
    from mtfix.rules.detectors import capitals, coordinated_copies
    from mtfix.text import tokens
    from mtfix.text.lexicon import is_common

    label = capitals._opens_after_label

    def opens_after_label(doc, text, start):
        got = label(doc, text, start)
        if got:
            note("MTF104 capitals label (1.24)")
        return got

    capitals._opens_after_label = opens_after_label
    seg_rev = capitals._reverent_segment

    def reverent_segment(doc, start, memo):
        got = seg_rev(doc, start, memo)
        if got:
            seg = doc.segment_at(start)
            words = regex.findall(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]", doc.text[seg.start : seg.end])
            note("MTF104 reverence (1.26)")
            note(f"MTF104 reverence: {why_reverent(words)}")
        return got

    capitals._reverent_segment = reverent_segment
    is_rev = signs.is_reverent

    def is_reverent(words):
        got = is_rev(words)
        if got:
            note("analysis 17: reverent capitals")
            note(f"analysis 17: reverent capitals: {why_reverent(list(words))}")
        return got

    signs.is_reverent = is_reverent
    present = structural_signs._present_homograph_after_noun  # read where _structural calls it (session 34)
    irregular = structural_signs._IRREGULAR_PRESENTS

    def present_homograph(tags, lower):
        got = present(tags, lower)
        if got:
            structural_signs._IRREGULAR_PRESENTS = frozenset()
            try:
                without = present(tags, lower)
            finally:
                structural_signs._IRREGULAR_PRESENTS = irregular
            if not without:
                note("analysis 16: irregular -s present")
                for w in sorted(set(lower) & irregular):
                    note(f"analysis 16: irregular present {w!r}")
        return got

    structural_signs._present_homograph_after_noun = present_homograph
    other = tokens.other_script

    def other_script(tok):
        got = other(tok)
        if not got and other_script_before(tok):
            note("analysis 16-17: not another alphabet")
            note(f"analysis 16-17: {script_branch(tok)}")
        return got

    _rebind("other_script", other_script, ("mtfix.text.tokens", "mtfix.garble.signs", "mtfix.garble.sign_views",
                                             "mtfix.garble.structural_signs", "mtfix.rules.detectors.punctuation"))
    greek = tokens.greek_symbol

    def greek_symbol(tok):
        got = greek(tok)
        if got:
            note("analysis 17: Greek symbol as a known word")
        return got

    _rebind("greek_symbol", greek_symbol, ("mtfix.text.tokens", "mtfix.garble.signs", "mtfix.garble.sign_statistics"))
    names = view.address_names

    def address_names(text, start, end, fmt=()):
        got = names(text, start, end, fmt)
        if got:
            note("analysis 17: address read as a name")
        return got

    view.address_names = address_names
    surname = spans.another_persons_surname
    titles = spans.TITLES | spans.HONORIFICS

    def another_persons_surname(text, start, end, own, known=None):
        got = surname(text, start, end, own, known)
        word = spans._capital_before(text, start, known) if text[start:end].isascii() else None
        if word is not None and word.lower() not in own:
            before = not is_common(word)  # session 22: every everyday word was a title
            if before != got:
                kind = "honorific" if word in titles else "given name printed as a word"
                note(f"MTF301 {kind} (session 23)")
                note(f"MTF301 {kind} {word!r}")
        return got

    _rebind("another_persons_surname", another_persons_surname, ("mtfix.glossary.spans", "mtfix.glossary.checker"))
    _Recording.hook = lambda w: (note("MTF116 false-start word (1.23)"), note(f"MTF116 false start {w!r}"))
    coordinated_copies._FALSE_START_WORDS = _Recording(coordinated_copies._FALSE_START_WORDS)


def _allowed_vocables() -> frozenset[str]:
    import yaml

    pack = yaml.safe_load((REPO / "mtfix" / "rules" / "packs" / "en-generic.yaml").read_text(encoding="utf-8"))
    rule = next(r for r in pack["rules"] if r["code"] == "MTF106")
    return frozenset(rule["params"]["allowed"])


def from_findings(text: str, findings, vocables: frozenset[str]) -> set[str]:
    """The rows a sentence's findings credit: MTF106 vocable loops (minor since 1.23), MTF111's glued bracket
    (1.24), MTF128 and MTF129 (1.25)."""
    out: set[str] = set()
    for f in findings:
        if f.code in RULE_ROWS:
            out.add(f.code)
        elif f.code == "MTF106":
            words = {w.lower() for w in regex.findall(r"\p{L}+", text[f.start : f.end])}
            if len(words) == 1 and words <= vocables:
                out.add("MTF106 vocable loop (minor since 1.23)")
                out.add(f"MTF106 vocable {next(iter(words))!r}")
        elif f.code == "MTF111" and any(e.replacement == " (" for e in f.edits):
            out.add("MTF111 bracket glued to a capitalised word (1.24)")
    return out


#: sentence end, a line break, then lower case: where MTF106's 1.23 utterance opening reaches
_LINE_BREAK_OPEN = regex.compile(r"[.!?…][\"”’)\]]*[ \t]*[\r\n]+[^\p{L}\p{N}\n]*\p{Ll}")


def text_probes() -> dict[str, Callable[[str], bool]]:
    """Reach of additions read from the text alone (no decision function to wrap)."""
    from mtfix.glossary.spans import HONORIFICS
    from mtfix.text.tokens import BIDI_CONTROLS

    probes: dict[str, Callable[[str], bool]] = {
        "MTF106 opening after a line break (1.23, reach)": lambda t: _LINE_BREAK_OPEN.search(t) is not None,
        "tokens: bidirectional marks invisible (session 23, reach)": lambda t: any(c in t for c in BIDI_CONTROLS),
    }
    for word in sorted(HONORIFICS):
        pat = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}]){regex.escape(word)}(?![\p{{L}}\p{{N}}.]|\.\p{{L}})[ \t]+\p{{Lu}}\p{{Ll}}"
        )
        probes[f"MTF301 HONORIFICS {word!r} before a name (reach)"] = lambda t, p=pat: p.search(t) is not None
    return probes


def guards() -> dict[str, tuple[regex.Pattern, regex.Pattern]]:
    """Raw-regex ablations: (the pattern now, the pattern without the addition)."""
    from mtfix.rules.detectors.punctuation import _COMMA_GLUED

    p124, f124 = _pattern("MTF124")
    now = "(?<![\\p{L}\\p{N}_.`-])"
    assert now in p124, "MTF124's pattern changed: update the audit"
    p128 = _COMMA_GLUED.pattern
    behind = "(?<![\\p{L}\\p{N}_.,@/\\\\#:'’&=+*`~-])"
    ahead = "(?![\\p{L}\\p{N}_@/\\\\'’=+*`~-]|[.:,;]\\S)"
    assert behind in p128 and ahead in p128, "MTF128's pattern changed: update the audit"
    out = {
        "MTF124 quoted form of address (1.24: guard removed)": (
            regex.compile(p124, f124),
            regex.compile(p124.replace(now, "(?<![\\p{L}\\p{N}_.'’\"“‘«*`-])", 1), f124),
        ),
        "MTF128 guard: no address, path, number or code before": (
            regex.compile(p128, regex.V1),
            regex.compile(p128.replace(behind, "(?<![\\p{L}\\p{N}])", 1), regex.V1),
        ),
        "MTF128 guard: no address or code after, no list of tags": (
            regex.compile(p128, regex.V1),
            regex.compile(p128.replace(ahead, "(?![\\p{L}\\p{N}])", 1), regex.V1),
        ),
    }
    return out


def mtf128_common_guard(text: str) -> bool:
    """Whether MTF128's everyday-word test leaves a raw match of its pattern alone in ``text``."""
    from mtfix.rules.detectors.punctuation import _COMMA_GLUED
    from mtfix.text.lexicon import is_common

    return any(
        not (is_common(m.group("left").lower()) and is_common(m.group("right"))) for m in _COMMA_GLUED.finditer(text)
    )


def entries() -> list[str]:
    """Every list entry of the additions, so that an entry no sentence uses is named too."""
    from mtfix.garble import structural_signs
    from mtfix.rules.detectors import coordinated_copies
    from mtfix.text import reverential_capitals as reverence

    return [
        *(f"MTF116 false start {w!r}" for w in sorted(coordinated_copies._FALSE_START_WORDS)),
        *(f"analysis 16: irregular present {w!r}" for w in sorted(structural_signs._IRREGULAR_PRESENTS)),
        *(f"MTF106 vocable {w!r}" for w in sorted(_allowed_vocables())),
        *(f"MTF104 reverence: deity {w!r}" for w in sorted({*reverence._DEITY, "Lord", "Holy Spirit", "Father"})),
        *(f"MTF104 reverence: object form {w!r}" for w in sorted(reverence._OBJECT_FORMS)),
    ]


def flag(row: dict[str, Counter], mt_sources: list[str]) -> str:
    total = sum(sum(c.values()) for c in row.values())
    if not total:
        return "none"
    other = [s for s in mt_sources if row.get(s)]
    if row.get("realmt-dev-mt") and not other:
        return "dev-only"
    if total == 1:
        return "one"
    if total == sum(row.get("own", Counter()).values()):
        return "own-only"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, help="at most N texts of each source (default: all)")
    ap.add_argument("--show", type=int, default=0, help="print up to N sentences per row")
    args = ap.parse_args(argv)
    root = shared_root(args.shared, "realmt", "audit_round6")
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    data = {s: rows[: args.limit] if args.limit else rows for s, rows in load(root).items()}
    texts = [(src, lang, t) for src, rows in data.items() for lang, t in rows]
    fired: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    examples: dict[str, list[str]] = defaultdict(list)
    current: list[int] = [0]
    done: set[tuple[str, int]] = set()

    def note(key: str) -> None:
        i = current[0]
        if (key, i) in done:
            return
        done.add((key, i))
        src, lang, text = texts[i]
        fired[key][src][lang] += 1
        if len(examples[key]) < args.show:
            examples[key].append(f"{src}/{lang}: {text[:160]}")

    instrument(note)
    from mtfix.garble import checker

    pipe = Pipeline(Config(grammar="off", select=CODES))
    vocables = _allowed_vocables()
    probes = text_probes()
    ablations = guards()
    for i, (_src, _lang, text) in enumerate(texts):
        current[0] = i
        checker._cache.clear()  # a text seen in another source is analysed again, so its decisions are counted
        for key in from_findings(text, pipe.check(text).findings, vocables):
            note(key)
        for key, probe in probes.items():
            if probe(text):
                note(key)
        for key, (full, ablated) in ablations.items():
            if [m.span() for m in full.finditer(text)] != [m.span() for m in ablated.finditer(text)]:
                note(key)
        if mtf128_common_guard(text):
            note("MTF128 guard: both words everyday English")
    sources = list(data)
    mt_sources = [s for s in sources if not s.startswith(("human", "tool")) and s not in ("own", "realmt-dev-mt")]
    print("sizes: " + ", ".join(f"{s} {len(data[s])}" for s in sources) + "\n")
    print("| addition or entry | " + " | ".join(sources) + " | MT sources (not dev) | languages (MT) | flag |")
    print("|---|" + "---|" * (len(sources) + 3))
    for key in sorted(fired):
        row = fired[key]
        cells = [str(sum(row.get(s, Counter()).values())) for s in sources]
        langs = sorted({lang for s in [*mt_sources, "realmt-dev-mt"] for lang in row.get(s, ())})
        other = sum(1 for s in mt_sources if row.get(s))
        print(f"| {key} | " + " | ".join(cells) + f" | {other} | {' '.join(langs) or '-'} | {flag(row, mt_sources)} |")
    print(f"\nflags: MT sources = {', '.join(mt_sources)}; 'tool:' rows are neither MT nor human")
    listed = {*fired}
    silent = [
        k for k in [*probes, *ablations, "MTF128 guard: both words everyday English", *entries()] if k not in listed
    ]
    if silent:
        print("\nno sentence in any source: " + "; ".join(silent))
    if args.show:
        for key in sorted(examples):
            for ex in examples[key]:
                print(f"  [{key}] {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
