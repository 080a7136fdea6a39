"""LanguageTool matches → mtfix findings.

- code ``LT:<RULE_ID>``; MQM category and severity from ``categories.tsv`` (rule row, else category
  row, else ``*``); LT's replacements become suggestions;
- matches overlapping a glossary term (the glossary's ``terms`` annotation) or a protected span are dropped, and so are
  spelling matches that only say a word is British (or American) English: variant spelling is not an
  MT error;
- spelling matches on a word written with combining marks whose composed form (NFC) LT suggests are
  dropped ("Cafe\u0301" is "Café"): the speller knows only composed letters;
- spelling matches on names the glossary or the document already knows are dropped, whatever their
  case: a word the glossary has capitalised, or that the document uses as a name (capitalised twice
  or more, or inside a run of capitalised words such as "Dr Vasif Huseynov"), unless it is also an
  everyday English word ("european"); so LT's speller never offers "alien" for "aliyev";
- the fix is ``safe`` only for rules in ``safe-fixes.yaml`` (with at most ``max_suggestions``
  replacements) and a trusted (local) server, ``none`` for spelling suggestions on capitalised words
  (names LT does not know), for a speller's word for a word that may be foreign, untranslated or a name
  ("lari" → "lair": :func:`maybe_foreign`) and for a morphological change of a word followed by a capitalised word
  mid-sentence ("weather It" → "weathers It": a spliced clause, not an agreement error), and
  ``unsafe`` otherwise;
- two fixes of one document that undo each other (``a`` → ``b`` here, ``b`` → ``a`` there) are both
  ``none`` (:func:`no_inverse_fixes`); an LT finding overlapping a finding of mtfix's own rules of the
  same MQM category (``Fluency/Spelling``...) is dropped (:func:`drop_shadowed`).

>>> from mtfix.model import Document
>>> from mtfix.segment import to_document
>>> doc = to_document("We met the the minister.")
>>> m = LTMatch("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "Repeated word.", ("the",), 7, 7)
>>> f = map_matches(doc, doc.segments[0].start, [m])[0]
>>> f.code, str(f.fix), f.edits[0].replacement
('LT:ENGLISH_WORD_REPEAT_RULE', 'safe', 'the')
"""

from __future__ import annotations

import bisect
import csv
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
import yaml

from mtfix.caching.lastmemo import LastMemo
from mtfix.findings import common_affix, make_finding
from mtfix.grammar.client import LTMatch
from mtfix.model import MQM_CATEGORIES, Document, Finding, FixSafety, Severity, Span
from mtfix.text.tokens import LT_WORD as _WORD

#: LT's message on a word spelled correctly in another English variant ("‘colour’ is British English.").
VARIANT_SPELLING = regex.compile(r"is (British|American|Australian|Canadian|New Zealand|South African) English")
SPELLING_TYPES = frozenset({"misspelling"})


@dataclass(frozen=True, slots=True)
class SafeFix:
    rule: str
    max_suggestions: int
    examples: tuple[tuple[str, str], ...]
    leave_alone: tuple[str, ...]
    #: the fix is safe only when the matched word is one of these (None: any word)
    words: frozenset[str] | None = None


@lru_cache(maxsize=1)
def category_table() -> dict[str, tuple[str, Severity]]:
    """``categories.tsv`` as {key: (MQM category, severity)}; keys are LT categories or ``rule:ID``."""
    text = (resources.files("mtfix.grammar") / "categories.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    table: dict[str, tuple[str, Severity]] = {}
    for row in rows:
        if row[0] == "key":
            continue
        key, mqm, severity = row[0], row[1], row[2]
        if mqm not in MQM_CATEGORIES:
            raise ValueError(f"categories.tsv: {key}: {mqm!r} is not an MQM category")
        table[key] = (mqm, Severity(severity))
    return table


@lru_cache(maxsize=1)
def safe_fixes() -> dict[str, SafeFix]:
    """``safe-fixes.yaml``: the LT rules whose first suggestion ``mtfix fix`` applies."""
    data: list[dict[str, Any]] = yaml.safe_load(
        (resources.files("mtfix.grammar") / "safe-fixes.yaml").read_text(encoding="utf-8")
    )
    out = {}
    for entry in data:
        examples = tuple((str(e["text"]), str(e["fixed"])) for e in entry.get("examples", ()))
        words = _rule_words(entry["words_of_rule"]) if "words_of_rule" in entry else None
        out[entry["rule"]] = SafeFix(entry["rule"], int(entry.get("max_suggestions", 1)), examples,
                                     tuple(entry.get("leave_alone", ())), words)
    return out


def _rule_words(code: str) -> frozenset[str]:
    """The ``params.safe`` words of the bundled en-generic rule ``code``: one list for mtfix's rule
    and LanguageTool's twin of it (MTF105 and ENGLISH_WORD_REPEAT_RULE)."""
    from mtfix.rules.pack import load_bundled

    rule = next(r for r in load_bundled("en-generic").rules if r.code == code)
    return frozenset(w.lower() for w in rule.params["safe"])


def classify(match: LTMatch) -> tuple[str, Severity]:
    """MQM category and severity of a match."""
    table = category_table()
    return table.get(f"rule:{match.rule_id}") or table.get(match.category) or table["*"]


def _speller_rule(rule_id: str) -> bool:
    return "SPELLING" in rule_id or rule_id.startswith("MORFOLOGIK")


def is_spelling(match: LTMatch) -> bool:
    """A speller match (unknown word), single- or multi-token."""
    return (match.issue_type in SPELLING_TYPES or match.category in ("TYPOS", "MULTITOKEN_SPELLING")
            or _speller_rule(match.rule_id))


def is_unknown_name(finding: Finding, text: str) -> bool:
    """Whether ``finding`` is LanguageTool's speller on a capitalised word of ``text``: a name it does
    not know (its fix is never applied, see :func:`fix_safety`).  Reported, but no evidence of garbled
    MT: on realmt train such a match hits 32 % of the MT sentences and 35 % of the professional ones,
    so the fluency score gives it no weight (``weights.yaml``, scoring class ``lt-name``).

    >>> f = Finding("LT:MORFOLOGIK_RULE_EN_US", "Fluency/Spelling", Severity.MINOR, 3, 12, "typo",
    ...             origin="lt:MORFOLOGIK_RULE_EN_US")
    >>> is_unknown_name(f, "Mr Qasimzade spoke."), is_unknown_name(f, "Mr qasimzade spoke.")
    (True, False)
    """
    return (finding.origin.startswith("lt:") and _speller_rule(finding.origin[3:])
            and text[finding.start:finding.start + 1].isupper())


def fix_safety(match: LTMatch, matched_text: str, *, trusted: bool = True) -> FixSafety:
    """How a match's first replacement may be applied (see the module docstring); ``trusted``: the
    answer came from a local server (a remote ``--lt-url`` never drives a safe fix)."""
    if not match.replacements:
        return FixSafety.NONE
    allowed = safe_fixes().get(match.rule_id)
    if allowed is not None and len(match.replacements) <= allowed.max_suggestions:
        doubled = matched_text.split()[-1].lower() if matched_text.split() else ""  # "the the" -> "the"
        if allowed.words is not None and doubled not in allowed.words:
            return FixSafety.UNSAFE  # "What it was was", "came in in March": English may double it
        return FixSafety.SAFE if trusted else FixSafety.UNSAFE
    if is_spelling(match) and matched_text[:1].isupper():
        return FixSafety.NONE  # a name LT does not know: suggestions only, never applied
    return FixSafety.UNSAFE


_SENTENCE_GAP = regex.compile(r"[.!?…:;\n]")
_NEXT_CAPITAL = regex.compile(r"[ \t]+(\p{Lu})\p{Ll}")


def document_names(text: str) -> dict[str, str]:
    """Words the text uses as names: {lower-case: as written}.  A capitalised word counts when it is
    capitalised at least twice, or when it stands in a run of two or more capitalised words that are
    not the first word of a sentence ("Dr Vasif Huseynov": Vasif, Huseynov).

    >>> sorted(document_names("Dr Vasif Huseynov wrote. AzeMedia said so. AzeMedia agreed. The Ministr spoke."))
    ['azemedia', 'huseynov', 'vasif']
    """
    seen: dict[str, list[str]] = {}
    run: list[str] = []
    names: dict[str, str] = {}

    def close() -> None:
        if len(run) >= 2:
            for w in run:
                names.setdefault(w.lower(), w)
        run.clear()

    last_end = 0
    for m in _WORD.finditer(text):
        w = m.group()
        gap = text[last_end : m.start()]
        sentence_start = last_end == 0 or _SENTENCE_GAP.search(gap) is not None
        last_end = m.end()
        if not w[:1].isupper():
            close()
            continue
        seen.setdefault(w.lower(), []).append(w)
        if gap.strip(" \t\u00a0") or sentence_start:
            close()
        if not sentence_start:
            run.append(w)
    close()
    for low, forms in seen.items():
        if len(forms) >= 2:
            names.setdefault(low, forms[0])
    return names


def _stem_change(original: str, replacement: str) -> bool:
    """A change of inflection of one word ("weather" → "weathers", "rise" → "rises", "met" → "meets")."""
    a, b = original.lower(), replacement.lower()
    if a == b or " " in a or " " in b or not a.isalpha():
        return False
    p = common_affix(a, b)[0]
    return p >= 2 and len(a) - p <= 3 and len(b) - p <= 3


def _capital_follows_mid_sentence(doc: Document, start: int, end: int) -> bool:
    nxt = _NEXT_CAPITAL.match(doc.text, end)
    if nxt is None:
        return False
    before = doc.text[max(0, start - 3) : start]
    return not (start == 0 or regex.search(r"[.!?…:;\n]\W*$", before))


@dataclass(frozen=True)
class Knowledge:
    """Names the glossary and the document know (lower-case → as they spell it)."""

    glossary: Any = None  # Mapping[str, str] or a callable returning one (built lazily)
    document: dict[str, str] | None = None

    def name(self, word: str) -> str | None:
        low = word.lower()
        glossary = self.glossary() if callable(self.glossary) else self.glossary
        if glossary and low in glossary:
            return str(glossary[low])
        if self.document and low in self.document:
            return self.document[low]
        return None


def _known_names(text: str, know: Knowledge) -> list[str] | None:
    """The matched words as the glossary or document spells them, or None if one is not a known name."""
    from mtfix.text.lexicon import is_common

    words = _WORD.findall(text)
    if not words:
        return None
    out = []
    for w in words:
        if is_common(w):  # "european", "georgia": a word first; LT's casing finding on it stands
            return None
        known = know.name(w)
        if known is None:
            return None
        out.append(known)
    return out


class _TermIndex:
    """Whether a span overlaps any of ``terms`` (as :meth:`Span.overlaps` says), in O(log n).

    Non-empty terms sorted by start with a running maximum of their ends; empty terms
    (which overlap a span when they sit at its start or inside it) by position.
    """

    def __init__(self, terms: Sequence[Span]):
        full = sorted((t.start, t.end) for t in terms if t.start != t.end)
        self.starts = [s for s, _ in full]
        self.max_end: list[int] = []
        top = -1
        for _, e in full:
            top = max(top, e)
            self.max_end.append(top)
        self.empty = sorted(t.start for t in terms if t.start == t.end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the non-empty span ``[start, end)`` overlaps a term."""
        k = bisect.bisect_left(self.starts, end)  # the terms that start before ``end``
        if k and self.max_end[k - 1] > start:
            return True
        i = bisect.bisect_left(self.empty, start)
        return i < len(self.empty) and self.empty[i] < end


#: the index of the terms last asked about, built once for the sequence a document's segments share
_term_index: LastMemo[Sequence[Span], _TermIndex] = LastMemo(_TermIndex, stamp=len)


#: LanguageTool's rules for a word or a phrase written twice, the twins of en-generic's MTF105 and MTF106
REPEAT_RULES = frozenset({"ENGLISH_WORD_REPEAT_RULE", "PHRASE_REPETITION"})


def _dropped(doc: Document, start: int, end: int, match: LTMatch, terms: Sequence[Span]) -> bool:
    if (terms and _term_index(terms).overlaps(start, max(end, start + 1))) or doc.is_protected(start, end):
        return True
    if match.rule_id in REPEAT_RULES and ("\t" in doc.text[start:end] or _in_code_span(doc, start, end)):
        return True  # "bread\tthe\tthe milk": a table's cells; "`echo the the`": code; as MTF105 and MTF106 read them
    if _in_code_token(doc.text, start, end) or _in_code_like_word(doc.text, start, end):
        return True
    return match.issue_type in SPELLING_TYPES and VARIANT_SPELLING.search(match.message) is not None


def _in_code_span(doc: Document, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` lies inside a span in backticks on one line of its segment ("Type `echo the
    the`"), read as MTF105 and MTF106 read it (:func:`~mtfix.rules.detectors.repeat_scan.in_code_span`; session 49
    review: LanguageTool's repeat rule still removed a copy there in plain text)."""
    if not doc.segments:
        return False
    from mtfix.rules.detectors.repeat_scan import in_code_span

    idx = max(0, bisect.bisect_right([s.start for s in doc.segments], start) - 1)
    return in_code_span(doc, idx, start, end)


def _decomposed_only(original: str, replacements: Sequence[str]) -> bool:
    """True when ``original`` is written with combining marks (not in Unicode's composed form, NFC) and
    its composed form is one of the speller's suggestions: the word is spelled right.

    >>> _decomposed_only("Cafe\u0301", ("Cafe", "Caf\u00e9")), _decomposed_only("Cafee", ("Cafe",))
    (True, False)
    """
    if original.isascii():
        return False
    composed = unicodedata.normalize("NFC", original)
    return composed != original and composed in replacements


#: Bumped when the code that turns matches into findings drops or keeps different matches (part of the
#: grammar checker's signature).  2 (session 12): matches inside placeholders and keyboard shortcuts, and a
#: spelling match on a word in combining marks whose composed form LanguageTool suggests.  3 (session 19):
#: a speller's word for a word that may be foreign, untranslated or a name is a suggestion only.  4 (session
#: 19 review): except for a doubled-letter or apostrophe slip ("occured", "dont").  5 (session 19): and for a
#: British spelling ("grey" → "gray").  6 (session 19, review of the later code): only when English prints
#: the two within :data:`SPELLING_GAP` of each other ("entre" → "enter" is no British spelling).  7 (session 48): a
#: repetition match (:data:`REPEAT_RULES`) across a tab, two cells of a table, is dropped.  8 (session 49): a match
#: inside a dotted name, a file name or a path (:func:`_in_code_like_word`; not a glued sentence, "left.on") is
#: dropped, and a repetition match inside a span in backticks on one line (:func:`_in_code_span`).  9 (session 50):
#: two lower-case words around one stop are such a name with a code sign ("self.name", "`order.total`", "row.cells[0]":
#: :func:`~mtfix.text.tokens.attribute_in_context`), never before a sentence's first word ("ended.the"), and MT's glue
#: without one stays a sentence ("fell.prices": :func:`~mtfix.text.tokens.glued_sentence`; the session's review).
MAPPING_REVISION = 9

#: How much more often (in Zipf units: 2 = 100 times) English must print the speller's word than the
#: flagged word for the flagged word to be a typo of it ("recieve" 2.75 against "receive" 4.85, "goverment"
#: 2.66 against 5.57); a word printed about as often as the suggestion is a word of its own ("lari" 2.06,
#: the Georgian currency, against "lair" 3.23; "manat" 1.42 against "manta" 2.82).
TYPO_GAP = 2.0
#: A British and an American spelling of one word are printed within this many Zipf units (1: ten times) of
#: each other (the widest of 60 pairs checked: "leukaemia" 0.70, "foetus" 0.82); a foreign word that only
#: looks like one ("entre" 2.82 → "enter" 4.81, "sobre" → "sober" 1.25, "votre" → "voter" 1.82) is not.
SPELLING_GAP = 1.0


def maybe_foreign(doc: Document, original: str, replacement: str) -> bool:
    """Whether a speller's ``replacement`` of ``original`` (a word LanguageTool does not know) may turn a
    foreign, untranslated or name-like word into another English word: ``original`` is in the source
    text (copied untranslated), has letters outside the English alphabet ("qəpik"), or English prints it
    in its own right, less than :data:`TYPO_GAP` rarer than a one-word replacement ("lari" → "lair").
    Such a replacement is a suggestion only, never an edit (session 19).

    >>> from mtfix.segment import to_document
    >>> d = to_document("It costs 15 lari.")
    >>> maybe_foreign(d, "lari", "lair"), maybe_foreign(d, "recieve", "receive"), maybe_foreign(d, "qəpik", "quip")
    (True, False, True)
    """
    word = original.strip()
    if not word or " " in word:
        return False
    if any(c.isalpha() and not c.isascii() for c in word):  # "qəpik"; not a curly apostrophe
        return True
    if doc.source and word.casefold() in {w.casefold() for w in _WORD.findall(doc.source)}:
        return True
    if " " in replacement.strip() or not replacement.strip():
        return False
    from mtfix.text.lexicon import zipf

    flagged, suggested = word.lower(), replacement.strip().lower()
    if _letter_slip(flagged, suggested):
        return False
    own = zipf(flagged)
    gap = zipf(suggested) - own
    if gap < SPELLING_GAP and _other_spelling(flagged, suggested):
        return False
    return own > 0 and gap < TYPO_GAP


def _letter_slip(word: str, replacement: str) -> bool:
    """Whether ``replacement`` differs from ``word`` only by a doubled letter or an apostrophe ("occured" →
    "occurred", "millenium" → "millennium", "dont" → "don't"): English spellers' slips, which web text
    prints often enough to be within :data:`TYPO_GAP`, and never how a foreign word differs from English.

    >>> _letter_slip("occured", "occurred"), _letter_slip("dont", "don't"), _letter_slip("lari", "lair")
    (True, True, False)
    """
    def key(w: str) -> str:
        return regex.sub(r"(.)\1+", r"\1", w.replace("'", "").replace("’", ""))

    return word != replacement and key(word) == key(replacement)


#: British and American spellings of one word, each side reduced to one form: -our/-or, -re/-er,
#: -ise/-ize (-isation, -ised, -ising), -yse/-yze, -ogue/-og, -ence/-ense, ae/oe/e, grey/gray
_CONVENTION = (
    (r"(?<=\w{3})our(?=s?$|ed$|ing$|ite|able|ful|less|er)", "or"), (r"(?<=[bt])re(?=s?$|d$)", "er"),
    (r"is(?=e[sd]?$|ing$|ation)", "iz"), (r"ys(?=e[sd]?$|ing$)", "yz"), (r"ogue(?=s?$)", "og"),
    (r"ence(?=s?$)", "ense"), (r"(?<=\w)[ao]e(?=\w)", "e"), (r"^grey", "gray"),
)


def _other_spelling(word: str, replacement: str) -> bool:
    """Whether ``word`` and ``replacement`` are one word's British and American spellings ("grey" →
    "gray", "colour" → "color", "organise" → "organize", "centre" → "center", "travelled" → "traveled"):
    a house-style change of an English word, never a foreign word turned into another.

    >>> _other_spelling("grey", "gray"), _other_spelling("organised", "organized"), _other_spelling("lari", "lair")
    (True, True, False)
    """
    def key(w: str) -> str:
        for pattern, common in _CONVENTION:
            w = regex.sub(pattern, common, w)
        return regex.sub(r"(.)\1+", r"\1", w)

    return word != replacement and key(word) == key(replacement)


def _in_code_token(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a placeholder ("%s", "{count}", "%(name)s": the placeholders
    MTF503 compares) or a keyboard shortcut ("Ctrl+S", "⌘K"): UI strings carry them, and LanguageTool
    reads them as misspelt or non-standard words (session 12).

    >>> t = "Last edited by %s. Press Ctrl+S to save."
    >>> _in_code_token(t, 15, 17), _in_code_token(t, 25, 31), _in_code_token(t, 5, 11)
    (True, True, False)
    """
    from mtfix.checks.source_target import placeholders
    from mtfix.text.tokens import KEY_COMBO

    lo, hi = max(0, start - 40), min(len(text), end + 40)
    window = text[lo:hi]
    spans = [(s, e) for _, s, e in placeholders(window)] + [m.span() for m in KEY_COMBO.finditer(window)]
    return any(lo + s <= start and end <= lo + e for s, e in spans)


def _in_code_like_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a dotted name, a file name or a path written in prose
    (:data:`~mtfix.text.tokens.CODE_LIKE_TOKEN`): LanguageTool reads its dot as a sentence's end and offers "np.
    array", "pandas. DataFrame", or its parts as misspelt words ("np", "os"); split or respelt, the name breaks, so
    none is offered there (session 49).  A sentence glued to the one before ("left.on", "sayed.the",
    "closed.OpenAI": :func:`~mtfix.text.tokens.glued_sentence`) is no such word: its matches stay (session 49 review).

    >>> t = "Call np.array on it. It ended.The end."
    >>> _in_code_like_word(t, 8, 13), _in_code_like_word(t, 5, 7), _in_code_like_word(t, 31, 34)
    (True, True, False)
    """
    from mtfix.text.tokens import code_like_words

    lo, hi = max(0, start - 80), min(len(text), end + 80)
    return any(s <= start and end <= e for s, e in code_like_words(text, lo, hi))


def map_matches(doc: Document, base: int, matches: Iterable[LTMatch], segment: int | None = None, *,
                trusted: bool = True, knowledge: Knowledge | None = None,
                terms: Sequence[Span] = ()) -> list[Finding]:
    """Findings for ``matches`` whose offsets are relative to ``doc.text[base:]``.

    ``trusted``: the matches come from a local server (else no fix is safe); ``knowledge``: the names
    the glossary and the document know (see the module docstring); ``terms``: spans of glossary
    names and terms (the glossary checker's ``terms`` annotation), where matches are dropped.
    """
    out = []
    for m in matches:
        start, end = base + m.offset, base + m.offset + m.length
        if end > len(doc.text) or _dropped(doc, start, end, m, terms):
            continue
        original = doc.text[start:end]
        category, severity = classify(m)
        safety = fix_safety(m, original, trusted=trusted)
        suggestions = m.replacements[:5]
        if knowledge is not None and is_spelling(m) and _known_names(original, knowledge) is not None:
            continue  # a name the glossary or document knows ("Huseynov"; "aliyev", never "alien")
        if is_spelling(m) and _decomposed_only(original, m.replacements):
            continue  # "Cafe\u0301": a correct word in combining marks, which LT's speller does not know
        if safety is not FixSafety.NONE and is_spelling(m) and maybe_foreign(doc, original, m.replacements[0]):
            safety = FixSafety.NONE  # "lari" → "lair": a currency, a loanword, an untranslated word
        if (safety is not FixSafety.NONE and _stem_change(original, m.replacements[0])
                and _capital_follows_mid_sentence(doc, start, end)):
            safety = FixSafety.NONE  # "weather It" → "weathers It": a spliced clause, not agreement
        # LanguageTool's replacement of the whole match is the edit (not trimmed: its own span)
        out.append(make_finding(
            doc, f"LT:{m.rule_id}", category, severity, start, end, m.message,
            replacement=m.replacements[0] if safety is not FixSafety.NONE else None, safety=safety,
            suggestions=suggestions, origin=f"lt:{m.rule_id}", minimal=False, segment=segment,
        ))
    return out


def no_inverse_fixes(findings: list[Finding]) -> list[Finding]:
    """``findings`` with fixes that undo another fix of the same document (``a`` → ``b`` and
    ``b`` → ``a``) made ``none``: applied together or in turn they would oscillate."""
    pairs = {(e.original, e.replacement) for f in findings for e in f.edits}
    inverse = {p for p in pairs if (p[1], p[0]) in pairs and p[0] != p[1]}
    if not inverse:
        return findings
    out = []
    for f in findings:
        if any((e.original, e.replacement) in inverse for e in f.edits):
            f = replace(f, edits=(), fix=FixSafety.NONE)
        out.append(f)
    return out


def mqm_family(category: str) -> str:
    """The MQM category a finding is counted under, for deciding that two findings are one error:
    the full category ("Fluency/Spelling"), so that a spelling finding inside a span another rule
    flags as ungrammatical or unidiomatic still counts on its own."""
    return category


#: Own findings longer than this (a whole clause flagged as scrambled) shadow nothing: LT's findings
#: inside them are other errors.
SHADOW_MAX = 60


def drop_shadowed(findings: list[Finding]) -> list[Finding]:
    """``findings`` without the LT findings whose span overlaps a finding of mtfix's own rules
    (``MTF...``, at most :data:`SHADOW_MAX` characters) of the same MQM category (:func:`mqm_family`):
    one glued token is one error, not three.

    >>> from mtfix.model import Severity
    >>> own = Finding("MTF103", "Fluency/Spelling", Severity.MINOR, 0, 7, "glued")
    >>> lt = Finding("LT:MORFOLOGIK_RULE_EN_US", "Fluency/Spelling", Severity.MINOR, 0, 7, "typo")
    >>> other = Finding("LT:EN_A_VS_AN", "Fluency/Grammar", Severity.MINOR, 9, 11, "a/an")
    >>> [f.code for f in drop_shadowed([own, lt, other])]
    ['MTF103', 'LT:EN_A_VS_AN']
    """
    own = sorted(((f.start, max(f.end, f.start + 1), mqm_family(f.category)) for f in findings
                  if not f.code.startswith("LT:") and f.end - f.start <= SHADOW_MAX), key=lambda t: t[0])
    if not own:
        return findings
    starts = [o[0] for o in own]
    out = []
    for f in findings:
        if f.code.startswith("LT:"):
            lo, hi, fam = f.start, max(f.end, f.start + 1), mqm_family(f.category)
            i = bisect.bisect_left(starts, hi)
            if any(s < hi and lo < e and fm == fam for s, e, fm in own[max(0, i - 256) : i]):
                continue
        out.append(f)
    return out
