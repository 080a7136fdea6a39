"""The one model every stage shares: documents, segments, findings and edits.

Every span is a pair of character offsets (Python ``str`` indices, end
exclusive) into the *original* text of a :class:`Document`.  Detectors,
glossaries, LanguageTool, scoring, formats and reports all speak these types.

A document is made from text by the segmenter (:func:`mtfix.segment.to_document`), which
depends on this module and not the other way round.

>>> doc = Document("It rained. It snowed.", [Segment(0, 0, 10), Segment(1, 11, 21)])
>>> [doc.text[s.start:s.end] for s in doc.segments]
['It rained.', 'It snowed.']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from mtfix.catalogue import RuleInfo

SCHEMA_VERSION = "2"


class Severity(StrEnum):
    """MQM severity of a finding."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts: ``\n``, ``\r\n`` and a lone ``\r`` (old Mac files) each
    end a line, in every report, suppression and location of mtfix.

    >>> line_starts("ab" + chr(13) + "cd" + chr(13) + chr(10) + "ef")
    [0, 3, 7]
    """
    starts = [0]
    if "\r" not in text:  # the common case, without a regular expression
        find, i = text.find, text.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts
    from mtfix.text.lines import LINE_BREAK

    return starts + [m.end() for m in LINE_BREAK.finditer(text)]


class FixSafety(StrEnum):
    """Whether a finding's fix is applied by ``mtfix fix`` (safe), only with
    ``--unsafe-fixes`` (unsafe), or never (none: flag only)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"


#: MQM error categories (the typology used by human MT evaluators, as in the
#: WMT MQM annotations).  A category is "Family/Subtype"; the family is what
#: span-level evaluation compares.
MQM_CATEGORIES: tuple[str, ...] = (
    "Accuracy/Addition",
    "Accuracy/Omission",
    "Accuracy/Mistranslation",
    "Accuracy/Untranslated text",
    "Fluency/Grammar",
    "Fluency/Spelling",
    "Fluency/Punctuation",
    "Fluency/Register",
    "Fluency/Inconsistency",
    "Fluency/Character encoding",
    "Terminology/Inappropriate for context",
    "Terminology/Inconsistent use of terminology",
    "Style/Awkward",
    "Locale convention/Date format",
    "Locale convention/Number format",
    "Non-translation",
    "Other",
)


def category_family(category: str) -> str:
    """The MQM family of a category, lower-cased.

    >>> category_family("Fluency/Spelling")
    'fluency'
    >>> category_family("Non-translation!")
    'accuracy'
    """
    head = category.split("/", 1)[0].strip().rstrip("!").lower()
    if head in ("non-translation", "source issue", "source error"):
        return "accuracy" if head == "non-translation" else "source"
    return head


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)``."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        if self.start == self.end or other.start == other.end:
            return self.start < other.end and other.start < self.end or (
                self.start == other.start
            )
        return self.start < other.end and other.start < self.end

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def blank(text: str, spans: Iterable[Span], offset: int = 0) -> str:
    """``text`` (which starts at ``offset`` of the document) with ``spans`` turned into spaces: same length.

    >>> blank("ab> cd", [Span(2, 4)])
    'ab  cd'
    """
    chars = None
    for sp in spans:
        s, e = max(sp.start - offset, 0), min(sp.end - offset, len(text))
        if s < e:
            chars = chars if chars is not None else list(text)
            chars[s:e] = " " * (e - s)
    return text if chars is None else "".join(chars)


def strip_span(text: str, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """``text[start:end]`` (``end``: the text's end) without the white space (``str.isspace``) at either end, as offsets.

    >>> strip_span("  It rained. \\n"), strip_span("ab  cd  ef", 2, 8), strip_span("   ")
    ((2, 12), (4, 6), (3, 3))
    """
    if end is None:
        end = len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence (or heading, list item, table cell) of a document."""

    index: int
    start: int
    end: int

    def text(self, doc: Document) -> str:
        """The sentence's text, with the block-quote markers of its continuation lines
        (``meta["markers"]``, Markdown) blanked: what LanguageTool and the scores read."""
        text = doc.text[self.start : self.end]
        markers = doc.meta.get("markers")
        if markers and "\n" in text:
            return blank(text, (m for m in markers if self.start <= m.start < self.end), self.start)
        return text


@dataclass(frozen=True, slots=True)
class Document:
    """A text, its segments and the spans no stage may touch.

    ``protected`` spans (code, URLs, e-mail addresses, front matter, markup)
    are never reported on and never edited.  A document is immutable: its fields cannot be
    reassigned, ``segments`` and ``protected`` are tuples and ``meta`` is a read-only mapping, so a
    checker cannot change what the next one sees.  What a checker learns for others (a glossary's
    ``terms``) is an annotation it returns (:class:`CheckOutput`); a changed document is a new one
    (``dataclasses.replace``).

    >>> doc = Document("It rained.", [Segment(0, 0, 10)], meta={"source_lang": "az"})
    >>> doc.meta["source_lang"], type(doc.segments).__name__
    ('az', 'tuple')
    >>> doc.text = "x"
    Traceback (most recent call last):
    dataclasses.FrozenInstanceError: cannot assign to field 'text'
    """

    text: str
    segments: Sequence[Segment] = ()
    protected: Sequence[Span] = ()
    path: str | None = None
    source: str | None = None  # source-language text, for bilingual checks
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: the language server's memo of what it computed for the text before a keystroke
    #: (:class:`mtfix.segment.BlockMemo`): what is read from it is what is computed without it, so it is no part of
    #: the document's value (not compared, not pickled)
    memo: Any = field(default=None, repr=False, compare=False)
    # lookup tables built on first use (see ``line_col`` and ``is_protected``)
    _line_index: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _prot_index: tuple[list[int], list[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "segments", tuple(self.segments))
        object.__setattr__(self, "protected", tuple(self.protected))
        meta = self.meta if isinstance(self.meta, MappingProxyType) else MappingProxyType(dict(self.meta))
        object.__setattr__(self, "meta", meta)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as its fields (``meta`` as a plain dict; the lookup tables are rebuilt on use),
        so results can come back from ``--jobs`` worker processes."""
        return (Document, (self.text, self.segments, self.protected, self.path, self.source, dict(self.meta)))

    def segment_at(self, pos: int) -> Segment | None:
        """The segment containing character ``pos`` (binary search)."""
        lo, hi = 0, len(self.segments)
        while lo < hi:
            mid = (lo + hi) // 2
            seg = self.segments[mid]
            if pos < seg.start:
                hi = mid
            elif pos >= seg.end:
                lo = mid + 1
            else:
                return seg
        return None

    def segment_index_of(self, finding: Finding) -> int | None:
        """The index of the segment ``finding`` belongs to: its own ``segment``, else the one
        containing its start (None when it lies outside every segment)."""
        if finding.segment is not None:
            return finding.segment
        seg = self.segment_at(finding.start)
        return None if seg is None else seg.index

    def is_protected(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` (at least one character) touches a protected span.

        O(log n): spans sorted by start with a running maximum of their ends,
        built once per document.  An empty protected span at
        ``x`` counts as ``[x, x + 1)``, as :meth:`Span.overlaps` has it.

        >>> doc = Document("see www.example.com now", protected=[Span(4, 19)])
        >>> doc.is_protected(0, 3), doc.is_protected(10, 12), doc.is_protected(19, 20)
        (False, True, False)
        """
        if not self.protected:
            return False
        starts, max_ends = self._protected_index()
        end = max(end, start + 1)
        k = bisect_left(starts, end)  # spans starting before the probe ends
        return k > 0 and max_ends[k - 1] > start

    def sentence_around_markup(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a whole segment whose protected text all lies inside it, in a format that
        says which of its spans are markup (``meta["opaque"]`` given: HTML, Markdown): a tag, a reference, a code
        span or a link inside the sentence.  A flag-only finding over such a sentence (MTF120) stands, as it does
        in the same sentence without markup; one that would edit it, or that reaches protected text outside the
        sentence, does not (session 28: a link in a scrambled sentence dropped its MTF120).

        >>> doc = Document("They <b>met</b> .", segments=[Segment(0, 0, 17)], protected=[Span(5, 8), Span(11, 15)],
        ...                meta={"opaque": []})
        >>> doc.sentence_around_markup(0, 17), doc.sentence_around_markup(0, 10)
        (True, False)
        """
        if self.meta.get("opaque") is None or not self.protected:
            return False
        seg = self.segment_at(start)
        if seg is None or (seg.start, seg.end) != (start, end):
            return False
        starts, max_ends = self._protected_index()
        first, after = bisect_left(starts, start), bisect_left(starts, end)
        return (first == 0 or max_ends[first - 1] <= start) and (after == 0 or max_ends[after - 1] <= end)

    def in_heading(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies in a heading: a region the format's parser read as one
        (``meta["headings"]``, sorted and disjoint; only Markdown gives them).  The one place that
        says what is a heading: the glossary's first mentions and the garble detector's majors ask it.

        >>> doc = Document("# Talks\\n\\nThey met.", meta={"headings": [Span(2, 7)]})
        >>> doc.in_heading(2, 7), doc.in_heading(9, 18)
        (True, False)
        """
        headings = self.meta.get("headings")
        if not headings:
            return False
        k = bisect_right(headings, start, key=lambda h: h.start) - 1
        return k >= 0 and headings[k].start <= start and end <= headings[k].end

    def _protected_index(self) -> tuple[list[int], list[int]]:
        cached = self._prot_index
        if cached is not None:
            return cached
        pairs = sorted((p.start, max(p.end, p.start + 1)) for p in self.protected)
        starts = [s for s, _ in pairs]
        max_ends: list[int] = []
        top = -1
        for _, e in pairs:
            top = max(top, e)
            max_ends.append(top)
        object.__setattr__(self, "_prot_index", (starts, max_ends))
        return starts, max_ends

    def line_col(self, pos: int) -> tuple[int, int]:
        """1-based line and column of character ``pos`` (O(log n): the table of
        :func:`line_starts`, built once per text, is bisected).

        >>> Document("ab" + chr(10) + "cd").line_col(4), Document("ab" + chr(13) + "cd").line_col(4)
        ((2, 2), (2, 2))
        """
        starts = self._line_index
        if starts is None:
            starts = line_starts(self.text)
            object.__setattr__(self, "_line_index", starts)
        line = bisect_right(starts, pos) if pos > 0 else 1
        return line, pos - starts[line - 1] + 1


#: Characters of the text on each side of an edit that it keeps as its ``context`` (:class:`Edit`).
EDIT_CONTEXT = 16


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``.

    ``origin`` says who proposed it: ``rule:MTF101``, ``glossary:FILE:LINE``,
    ``lt:EN_A_VS_AN``.  ``original`` keeps the replaced text so that every edit
    can be reverted.  ``context``: the characters just before ``start`` and just
    after ``end`` in the text the edit was made on (up to :data:`EDIT_CONTEXT`
    each; ``Pipeline.check`` and ``fix`` set it), so that an edit is not applied
    to another text, where an insertion's empty ``original`` would match anywhere
    (:meth:`fits`).  Not compared, and not part of :meth:`to_dict` (the record
    result's fields are unchanged); ``None`` for an edit built by hand.

    >>> e = Edit(4, 4, " ", "", "MTF103", "r", FixSafety.SAFE, context=("snow", "The"))
    >>> e.fits("snowThe war"), e.fits("snow The war"), Edit(4, 4, " ", "", "MTF103", "r", FixSafety.SAFE).fits("snow The")
    (True, False, True)
    """

    start: int
    end: int
    replacement: str
    original: str
    code: str
    origin: str
    safety: FixSafety
    context: tuple[str, str] | None = field(default=None, compare=False, repr=False)

    def fits(self, text: str) -> bool:
        """True when ``text`` has ``original`` at ``start..end`` and, with a ``context``, the same
        characters around it as the text the edit was made on."""
        if not (0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.original):
            return False
        if self.context is None:
            return True
        before, after = self.context
        return (self.start >= len(before) and text.startswith(before, self.start - len(before))
                and text.startswith(after, self.end))

    def in_context(self, text: str) -> Edit:
        """This edit with its ``context`` taken from ``text``, the text it was made on."""
        n = EDIT_CONTEXT
        return replace(self, context=(text[max(0, self.start - n) : self.start], text[self.end : self.end + n]))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["context"]
        d["safety"] = str(self.safety)
        return d


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a detector noticed, with an MQM category and severity.

    ``edits`` is the fix (applied together or not at all); ``suggestions`` are
    replacement strings a person may pick from.  ``fix`` is the safety of the
    edits (``none`` when there are none).  ``also``: the codes of the findings merged into this
    one because they reported the same span with the same edit (:func:`mtfix.findings.merge_duplicates`).
    ``glossary_entry``: for a glossary's finding, the id of the entry it enforces (the entry's ``origin``,
    ``FILE:LINE``: :func:`mtfix.glossary.model.entry_place`), which the review page and the language server
    look the entry up by, also on a finding a glossary's was merged into; ``""`` otherwise.  Not part of :meth:`to_dict` (the record result's fields are
    unchanged): ``origin`` says the same for a person, ``glossary:FILE:LINE (term)``.
    ``reasons``: the garble detector's verdict (MTF401) as data, each reason in an editor's words with the code of the
    sign that gives it (None: one of the model's inputs), which ``message`` is rendered from and the language server
    names signs by (:func:`mtfix.garble.messages.garbled_reasons`); ``detail``: the technical detail behind a finding
    for whoever tunes its checker ("detector: p=0.74; inputs: ngrams"), kept out of ``message``, the line an editor
    reads (session 50), and put back at its end (before a major note) by :meth:`to_dict` (JSON's and record results'
    ``message`` are as before) and by :attr:`message_with_detail`.  Neither is a field of :meth:`to_dict`.
    """

    code: str
    category: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    edits: tuple[Edit, ...] = ()
    fix: FixSafety = FixSafety.NONE
    origin: str = ""
    segment: int | None = None
    also: tuple[str, ...] = ()
    glossary_entry: str = ""
    reasons: tuple[tuple[str | None, str], ...] = ()
    detail: str = ""

    @property
    def message_with_detail(self) -> str:
        """``message``, then ``detail`` in parentheses when there is one (what a developer reads), before a
        corroborated verdict's trailing note (:func:`major_note`), where the detail stood before session 50.

        >>> Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 3, "garbled", detail="detector: p=0.70").message_with_detail
        'garbled (detector: p=0.70)'
        >>> Finding("MTF401", "Fluency/Grammar", Severity.MAJOR, 0, 3, "garbled" + major_note("MTF206"),
        ...         detail="detector: p=0.70").message_with_detail
        'garbled (detector: p=0.70) (major: MTF206 in the same sentence agrees)'
        """
        if not self.detail:
            return self.message
        note = _MAJOR_NOTE.search(self.message)
        at = note.start() if note else len(self.message)
        return f"{self.message[:at]} ({self.detail}){self.message[at:]}"

    def to_dict(self, doc: Document | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "code": self.code,
            "category": self.category,
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "message": self.message_with_detail,
            "suggestions": list(self.suggestions),
            "fix": str(self.fix),
            "origin": self.origin,
        }
        if self.also:  # only on a merged finding: other findings' dicts are as before
            d["also"] = list(self.also)
        if doc is not None:
            d["line"], d["col"] = doc.line_col(self.start)
            d["text"] = doc.text[self.start : self.end]
        return d


class FindingKind(StrEnum):
    """What an editor does with a finding (session 42), in the order an editor comes to them; one notion for the
    language server's ``diagnostic-severity`` keys and the review page's Kind filter.

    ``names``: a glossary's finding (:data:`GLOSSARY_CODES`, or a finding one was merged into): a name or term to
    check against the glossary.  ``verdicts``: the detector's sentence verdict (:data:`VERDICT_CODES`), a sentence to
    read whole, no fix.  ``safe-fixes``: any other finding with a safe fix (accept or reject).  ``to-judge``: the
    rest (an unsafe fix, suggestions, or none): a person decides.
    """

    NAMES = "names"
    VERDICTS = "verdicts"
    SAFE_FIXES = "safe-fixes"
    TO_JUDGE = "to-judge"

    @property
    def title(self) -> str:
        """How the page and the docs name the kind."""
        return KIND_TITLES[self]


KIND_TITLES = {FindingKind.NAMES: "names and terms", FindingKind.VERDICTS: "sentence verdicts",
               FindingKind.SAFE_FIXES: "rule findings with a safe fix", FindingKind.TO_JUDGE: "rule findings to judge"}
#: the glossary's rule codes (:data:`mtfix.glossary.rules.RULES`; a test pins that the two agree)
GLOSSARY_CODES = frozenset({"MTF301", "MTF302", "MTF303", "MTF304", "MTF305", "MTF306", "MTF307"})
#: the garble detector's verdict on a whole sentence (its signs, MTF402-MTF408, are rule findings)
VERDICT_CODES = frozenset({"MTF401"})
#: a garbled sentence's findings (MTF120, MTF401-MTF407): each asks the editor to judge the whole sentence, its span
#: only where to start reading; the review page (the report's ``meta.sentence_wide``) and the language server read them
#: from here (session 48: the page held its own copy)
SENTENCE_WIDE_CODES = frozenset({"MTF120", "MTF401", "MTF402", "MTF403", "MTF404", "MTF405", "MTF406", "MTF407"})


def sentence_judgement(f: Finding) -> bool:
    """Whether ``f`` is one of a sentence's judgement findings: a garbled sentence's (:data:`SENTENCE_WIDE_CODES`)
    with no edit. Those on one sentence are one judgement, left as is together (the review page's *Leave as is*, the
    language server's "leave this sentence as is"; session 47, 48).

    >>> sentence_judgement(Finding("MTF404", "Fluency/Grammar", Severity.MAJOR, 0, 4, "m"))
    True
    >>> sentence_judgement(Finding("MTF105", "Fluency/Grammar", Severity.MINOR, 0, 4, "m"))
    False
    """
    return f.code in SENTENCE_WIDE_CODES and not f.edits


def finding_kind(f: Finding) -> FindingKind:
    """The :class:`FindingKind` of ``f``.

    >>> finding_kind(Finding("MTF302", "Fluency/Spelling", Severity.MAJOR, 0, 4, "m")).value
    'names'
    >>> e = Edit(0, 8, "the", "the the", "MTF105", "rule:x", FixSafety.SAFE)
    >>> finding_kind(Finding("MTF105", "Fluency/Grammar", Severity.MINOR, 0, 7, "m", edits=(e,), fix=FixSafety.SAFE)).value
    'safe-fixes'
    >>> finding_kind(Finding("MTF105", "Fluency/Grammar", Severity.MINOR, 0, 4, "m", also=("MTF301",))).value
    'names'
    """
    if f.code in GLOSSARY_CODES or f.glossary_entry or GLOSSARY_CODES.intersection(f.also):
        return FindingKind.NAMES
    if f.code in VERDICT_CODES:
        return FindingKind.VERDICTS
    return FindingKind.SAFE_FIXES if f.fix is FixSafety.SAFE and f.edits else FindingKind.TO_JUDGE


def major_note(code: str) -> str:
    """What a garbled-sentence verdict raised to major appends to its message: finding ``code`` in the same sentence
    agrees (:mod:`mtfix.garble.corroborate`).  :attr:`Finding.message_with_detail` puts the detail before it."""
    return f" (major: {code} in the same sentence agrees)"


_MAJOR_NOTE = re.compile(r" \(major: [^()\s]+ in the same sentence agrees\)\Z")

#: what the detector's minor verdict is worth, in the words of both the language server's message
#: (:data:`mtfix.lsp.diagnostics.SUSPICION`) and the review page's card (the report's ``meta.suspicion``; session 45)
SUSPICION_NOTE = "a suspicion only, which professional text often gets too"


def minor_verdict(f: Finding) -> bool:
    """Whether ``f`` is the detector's minor verdict on a sentence (kind ``verdicts``, severity minor): a suspicion,
    a Hint in the language server and a dotted mark on the review page (session 45).

    >>> minor_verdict(Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 4, "m"))
    True
    >>> minor_verdict(Finding("MTF401", "Fluency/Grammar", Severity.MAJOR, 0, 4, "m"))
    False
    """
    return finding_kind(f) is FindingKind.VERDICTS and f.severity is Severity.MINOR


class CheckOutput(list[Finding]):
    """What a checker returns: its findings (the list itself) and the annotations it
    provides, by name (``terms``, ``glossary_stats``), for the checkers that need them.

    >>> out = CheckOutput([], {"terms": []})
    >>> out == [], out.findings, out.annotations
    (True, [], {'terms': []})
    """

    def __init__(self, findings: Iterable[Finding] = (), annotations: Mapping[str, Any] | None = None):
        super().__init__(findings)
        self.annotations: dict[str, Any] = dict(annotations or {})

    @property
    def findings(self) -> list[Finding]:
        return list(self)


class Scope(StrEnum):
    """What a checker's findings for one segment depend on: the per-segment contract of the checker
    protocol (``Checker.scope``, ``scope_of(code)``; read through :func:`mtfix.checker_registry.scope_of`).

    ``SEGMENT``: that segment's text alone (with the document's reading of it: its protected spans and
    ``meta``); checked alone it gives the same findings, shifted.  ``NEIGHBOURS``: also the segments beside
    it.  ``DOCUMENT``: the whole document (names spelt several ways, first mentions, a source-language
    pack's evidence, rules over other findings).  A checker that declares nothing is ``DOCUMENT``.

    >>> widest([Scope.SEGMENT, Scope.NEIGHBOURS])
    <Scope.NEIGHBOURS: 'neighbours'>
    >>> widest([])
    <Scope.SEGMENT: 'segment'>
    """

    SEGMENT = "segment"
    NEIGHBOURS = "neighbours"
    DOCUMENT = "document"

    @property
    def width(self) -> int:
        """0, 1, 2: how much of the document it reads."""
        return list(Scope).index(self)


def widest(scopes: Iterable[Scope]) -> Scope:
    """The widest of ``scopes`` (``SEGMENT`` for none)."""
    return max(scopes, key=lambda s: s.width, default=Scope.SEGMENT)


@runtime_checkable
class Checker(Protocol):
    """Anything that finds problems in a document: rule packs, glossaries, LanguageTool,
    source-vs-target checks, the garble detector, plug-ins.

    ``check`` receives the document (which it must not change) and a read-only mapping of
    the annotations the checkers before it provided; it returns a :class:`CheckOutput` (or a
    plain list of findings) with the annotations named in ``provides``.  ``needs`` names the
    annotations it reads: the pipeline runs the checkers that provide them first.
    ``signature`` names everything that changes its output (versions, file digests);
    ``rules`` describes its codes for the catalogue; ``stats`` counts the last document
    (empty when there is nothing to say); ``post_filter`` sees every checker's findings once
    all have run; ``close`` releases what it holds.  :class:`BaseChecker` gives defaults.
    An optional ``fork_safe = False`` says that the checker holds what forked worker
    processes must not share (a server connection): ``--jobs`` then runs one at a time.
    Optional too: ``scope`` and ``scope_of(code)``, what a segment's findings depend on
    (:class:`Scope`; ``DOCUMENT`` when not said).
    """

    name: str
    provides: tuple[str, ...]
    needs: tuple[str, ...]

    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> list[Finding]: ...

    def signature(self) -> str: ...

    def rules(self) -> list[RuleInfo]: ...

    def stats(self) -> dict[str, Any]: ...

    def post_filter(self, doc: Document, findings: list[Finding]) -> list[Finding]: ...

    def close(self) -> None: ...


class BaseChecker:
    """Defaults for the :class:`Checker` protocol: no annotations needed or provided, no
    rules of its own in the catalogue, no statistics, nothing to filter or close."""

    name: str = ""
    provides: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    #: False when forked worker processes must not share it (``--jobs`` then runs one at a time)
    fork_safe: bool = True
    #: what a segment's findings depend on (:class:`Scope`): the whole document unless a checker says less
    scope: Scope = Scope.DOCUMENT

    def scope_of(self, code: str) -> Scope:
        """The scope of ``code``'s findings: the checker's, unless its rules differ (the rule packs)."""
        return self.scope

    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> list[Finding]:
        raise NotImplementedError

    def signature(self) -> str:
        return "1"

    def rules(self) -> list[RuleInfo]:
        return []

    def stats(self) -> dict[str, Any]:
        return {}

    def post_filter(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        return findings

    def close(self) -> None:
        return None
