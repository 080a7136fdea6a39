r"""Subtitle line length after a fix: MTF601, a cue line that a fix makes longer than the limit.

A fix never re-wraps cue text on its own (that would change bytes outside the edit), so an edit
that lengthens a line ("oilgas" → "oil and gas") can take it past the characters-per-line limit of
subtitling (42 for Latin script in the common broadcast and streaming guidelines, two lines a
cue).  This checker sees every other checker's findings (:meth:`SubtitleLinesChecker.post_filter`)
and reports, in a subtitle document only:

* a fix *proposed* in this text whose edits would make a cue line longer than the limit (and
  longer than it was): a minor finding without a fix of its own, on the line;
* a cue line that a fix *already applied* (an earlier pass of ``mtfix fix``) made longer than the
  limit: a minor finding whose unsafe fix re-wraps that cue (only with ``--unsafe-fixes``).  The
  original line lengths travel with the document (``meta["subtitle"]``, set by the format).

The re-wrap changes only the white space between words (a space becomes a line break, a line
break a space), each change an edit that keeps the text it replaced: it takes as few lines as fit
(at least two, as many as the cue had), breaks at the most balanced point, after punctuation when
it can, and not after an article or a preposition; it never breaks inside markup or after a
dialogue dash, never starts a line with a dash or a speaker's name (that would start a turn), and
is not offered for a cue whose lines are turns of dialogue or when a word alone is over the limit.

Length is what a viewer sees: tags (``<i>``), ASS codes (``{\an8}``) and VTT timestamps count for
nothing, a character reference (``&amp;``) for one character.

Reading speed (session 15): a fix that takes a cue past the characters-per-second limit (``[subtitles]
max-cps``, 20 by default: the limit of Netflix's English style guide for adult programmes; 0 turns it
off) is reported the same way, proposed or applied, with no fix: the cue's text, lines and timing are
the subtitler's to change.  The speed is the cue's visible characters (spaces and punctuation
included, line breaks not) over its duration; a cue over the limit before the fix is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mtfix.catalogue import RuleInfo
from mtfix.model import BaseChecker, Document, Edit, Finding, FixSafety, Scope, Severity

CODE = "MTF601"
#: characters per line when the settings name none (Netflix, BBC and EBU guidelines for Latin script)
DEFAULT_MAX_LINE_LENGTH = 42
#: characters a second when the settings name none: Netflix's English style guide, adult programmes (17 for
#: children's); the BBC's and Ofcom's 160-180 words a minute are about 15-18
DEFAULT_MAX_CPS = 20.0
KEYS = ("max-line-length", "max-cps")
#: words a line should not end with: the next line would start mid-phrase
_WEAK_END = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "and", "or", "but",
    "nor", "if", "that", "as", "than", "my", "your", "his", "her", "its", "our", "their", "this", "these", "those"})
_TURN_START = re.compile(r"(?:-(?!-)|–|>>)|[A-Z][A-Z0-9.'’ -]*[A-Z0-9]:\s")
_PUNCT_END = re.compile(r"[,.;:!?…][\"'”’»)\]]*\Z")


def visible_length(line: str) -> int:
    """:func:`mtfix.formats.subtitles.visible_length` (imported on first use: a check of plain text never
    reads the subtitle format)."""
    from mtfix.formats.subtitles import visible_length as length

    return length(line)


def cue_lines(text: str, kind: str) -> list[list[tuple[int, int]]]:
    """The (start, end) of each text line of each cue of subtitle ``text`` (``[]`` when it does not parse)."""
    from mtfix.formats.subtitles import SubtitleSyntaxError, parse_cues

    try:
        return [list(c.lines) for c in parse_cues(text, kind)]
    except SubtitleSyntaxError:
        return []


def line_profile(text: str, kind: str) -> tuple[tuple[int, ...], ...]:
    """The visible length of each line of each cue: what the format records before any fix."""
    from mtfix.formats.subtitles import SubtitleSyntaxError, cue_line_lengths, parse_cues

    try:
        return cue_line_lengths(text, parse_cues(text, kind))
    except SubtitleSyntaxError:
        return ()


def _setting(config: Any, name: str) -> Any:
    """``[subtitles] name`` of the settings (``Config.extra``), or None."""
    table = (getattr(config, "extra", None) or {}).get("subtitles") or {}
    for key, value in table.items():
        if str(key).replace("_", "-") == name:
            return value
    return None


def max_line_length(config: Any) -> int:
    """``[subtitles] max-line-length`` of the settings (``Config.extra``), else 42."""
    value = _setting(config, "max-line-length")
    return DEFAULT_MAX_LINE_LENGTH if value is None else int(value)


def max_cps(config: Any) -> float:
    """``[subtitles] max-cps`` of the settings (``Config.extra``), else 20; 0 when reading speed is not checked."""
    value = _setting(config, "max-cps")
    return DEFAULT_MAX_CPS if value is None else float(value)


def check_settings_key(key: str, value: Any) -> None:
    """One key of the ``[subtitles]`` settings table: ``max-line-length`` (a whole number of 10 or more) or
    ``max-cps`` (a number of characters a second, 5 or more, or 0 for off)."""
    from mtfix.errors import ConfigError

    name = str(key).replace("_", "-")
    if name not in KEYS:
        raise ConfigError(f"[subtitles]: unknown setting {key} (known: {', '.join(KEYS)})")
    if name == "max-cps":
        if isinstance(value, bool) or not isinstance(value, int | float) or not (value == 0 or value >= 5):
            raise ConfigError(f"[subtitles]: max-cps must be a number of characters a second, 5 or more (0: off), "
                              f"not {value!r}")
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 10:
        raise ConfigError(f"[subtitles]: max-line-length must be a whole number of characters, 10 or more, not "
                          f"{value!r}")


def _cps(chars: int, duration: float) -> float:
    return chars / duration if duration > 0 else 0.0


# -- re-wrapping --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Gap:
    start: int
    end: int
    is_break: bool  # a line break now
    text: str  # its white space


def _gaps(doc: Document, lines: Sequence[tuple[int, int]]) -> list[_Gap] | None:
    """The white space between words of one cue where a line may break (None: the cue's lines are
    turns of dialogue or its line breaks are protected, so it is not re-wrapped)."""
    text = doc.text
    start, end = lines[0][0], lines[-1][1]
    out: list[_Gap] = []
    for m in re.finditer(r"[ \t]*(?:\r\n|\r|\n)[ \t]*|[ \t]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        is_break = "\n" in m.group() or "\r" in m.group()
        if doc.is_protected(a, b):
            if is_break:
                return None
            continue
        if _TURN_START.match(text, b):
            if is_break:
                return None  # the next line is a turn of dialogue
            continue  # a break here would start one
        out.append(_Gap(a, b, is_break, text[a:b]))
    return out


def _cost(lines: list[str]) -> float:
    """How bad a wrapping is: unbalanced lines, a break without punctuation before it, a line that ends in a
    function word."""
    lengths = [visible_length(s) for s in lines]
    cost = float(max(lengths) - min(lengths))
    for s in lines[:-1]:
        if not _PUNCT_END.search(s):
            cost += 6
        last = s.rsplit(None, 1)[-1].lower() if s.split() else ""
        if re.sub(r"<[^>]*>|\{[^}]*\}", "", last) in _WEAK_END:
            cost += 12
    return cost


def rewrap(doc: Document, lines: Sequence[tuple[int, int]], limit: int, newline: str) -> list[tuple[int, int, str]] | None:
    """The white-space changes that re-wrap one cue to lines within ``limit``: (start, end,
    replacement) of each gap that changes; None when no wrapping fits in ``max(2, lines)`` lines
    (or three when two cannot hold the text), or the cue is not one to re-wrap."""
    gaps = _gaps(doc, lines)
    if gaps is None:
        return None
    text = doc.text
    start, end = lines[0][0], lines[-1][1]
    # words between gaps, as they stand (markup included)
    bounds = [start, *(x for g in gaps for x in (g.start, g.end)), end]
    words = [text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
    best: tuple[float, tuple[int, ...]] | None = None
    for n in range(max(2, len(lines)), 4):
        best = _best_split(words, gaps, n, limit)
        if best is not None:
            break
    if best is None:
        return None
    cut = set(best[1])
    out = []
    for k, g in enumerate(gaps):
        want_break = k in cut
        if want_break and not g.is_break:
            out.append((g.start, g.end, newline))
        elif not want_break and g.is_break:
            out.append((g.start, g.end, " "))
    return out


def _best_split(words: list[str], gaps: list[_Gap], n: int, limit: int) -> tuple[float, tuple[int, ...]] | None:
    """The cheapest choice of ``n - 1`` gaps to break at (indices into ``gaps``), every line within ``limit``."""
    from itertools import combinations

    if len(words) < n or len(gaps) > 60:
        return None
    seps = [" " if g.is_break else g.text for g in gaps]
    best: tuple[float, tuple[int, ...]] | None = None
    for cut in combinations(range(len(gaps)), n - 1):
        edges = [0, *(k + 1 for k in cut), len(words)]
        # a gap that stays keeps its own white space; a line break that goes becomes one space
        lines = ["".join(w + (seps[j] if j < edges[i + 1] - 1 else "") for j, w in
                         enumerate(words[edges[i] : edges[i + 1]], edges[i])) for i in range(n)]
        if any(visible_length(s) > limit for s in lines):
            continue
        cost = _cost(lines)
        if best is None or cost < best[0]:
            best = (cost, cut)
    return best


# -- the checker --------------------------------------------------------------------------------
def _newline(text: str) -> str:
    from mtfix.text.lines import LINE_BREAK  # subtitles only: a plain check does not load it

    m = LINE_BREAK.search(text)
    return m.group() if m else "\n"


def _first_over(doc: Document, lines: Sequence[tuple[int, int]], limit: int,
                before: Sequence[int] | None) -> tuple[int, int, int] | None:
    """(start, end, length) of the first line of a cue over ``limit`` that is longer than it was
    (the line at its place in ``before``, or the longest when the cue has another number of lines)."""
    for k, (a, b) in enumerate(lines):
        n = visible_length(doc.text[a:b])
        if n <= limit:
            continue
        if before is None:
            return a, b, n
        was = before[k] if len(before) == len(lines) else max(before, default=0)
        if n > was:
            return a, b, n
    return None


class SubtitleLinesChecker(BaseChecker):
    """MTF601 in subtitle documents: findings made in :meth:`post_filter`, from the others' fixes."""

    name = "subtitles"
    #: what a segment's findings depend on (mtfix.model.Scope): a cue's lines and timing, from the other checkers' fixes
    scope = Scope.DOCUMENT

    def __init__(self, limit: int = DEFAULT_MAX_LINE_LENGTH, cps: float = DEFAULT_MAX_CPS):
        self.limit = limit
        self.cps = cps

    def signature(self) -> str:
        return f"lines-2@{self.limit}/cps@{self.cps:g}"

    def rules(self) -> list[RuleInfo]:
        return catalogue_rules()

    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> list[Finding]:
        return []

    def post_filter(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        meta = doc.meta.get("subtitle")
        if not meta:
            return findings
        from mtfix.formats.subtitles import SubtitleSyntaxError, parse_cues, seconds

        try:
            parsed = parse_cues(doc.text, meta["kind"])
        except SubtitleSyntaxError:
            return findings
        cues = [list(c.lines) for c in parsed]
        durations = [seconds(c.timing[1]) - seconds(c.timing[0]) for c in parsed]
        profile = meta.get("lines") or ()
        if len(cues) != len(profile) or not cues:
            return findings
        added = self._applied(doc, cues, profile, durations) + self._proposed(doc, cues, findings, durations)
        return findings + added if added else findings

    def _too_fast(self, before: int, after: int, duration: float) -> float | None:
        """The cue's speed after a fix when the fix takes it past the limit (None when not, or when off)."""
        if not self.cps or duration <= 0:
            return None
        speed = _cps(after, duration)
        return speed if _cps(before, duration) <= self.cps < speed else None

    def _applied(self, doc: Document, cues: list[list[tuple[int, int]]], profile: Sequence[Sequence[int]],
                 durations: Sequence[float]) -> list[Finding]:
        out = []
        for lines, before, duration in zip(cues, profile, durations, strict=True):
            now = tuple(visible_length(doc.text[a:b]) for a, b in lines)
            if not lines or now == tuple(before):
                continue
            speed = self._too_fast(sum(before), sum(now), duration)
            if speed is not None:
                a, b = lines[0]
                out.append(Finding(
                    CODE, "Style/Awkward", Severity.MINOR, a, b,
                    f"a fix made this subtitle read at {speed:.1f} characters a second, over the limit of "
                    f"{self.cps:g}: shorten the cue or give it more time",
                    origin="subtitles:reading-speed", segment=_segment(doc, a)))
            over = _first_over(doc, lines, self.limit, before)
            if over is None:
                continue
            a, b, n = over
            changes = rewrap(doc, lines, self.limit, _newline(doc.text))
            edits = tuple(Edit(s, e, r, doc.text[s:e], CODE, "subtitles:rewrap", FixSafety.UNSAFE)
                          for s, e, r in changes or ())
            how = "re-wrapping the cue would fit it" if edits else "no re-wrap of the cue within two lines fits it"
            out.append(Finding(
                CODE, "Style/Awkward", Severity.MINOR, a, b,
                f"a fix made this subtitle line {n} characters long, over the limit of {self.limit}; {how}",
                suggestions=("re-wrap the cue",) if edits else (), edits=edits,
                fix=FixSafety.UNSAFE if edits else FixSafety.NONE, origin="subtitles:line-length",
                segment=_segment(doc, a)))
        return out

    def _proposed(self, doc: Document, cues: list[list[tuple[int, int]]], findings: list[Finding],
                  durations: Sequence[float]) -> list[Finding]:
        import bisect

        from mtfix.text.lines import LINE_BREAK

        out: list[Finding] = []
        texted = [c for c in cues if c]  # cues without text hold no edit
        times = [d for c, d in zip(cues, durations, strict=True) if c]
        starts = [c[0][0] for c in texted]
        for f in findings:
            if not f.edits or f.code == CODE:
                continue
            k = bisect.bisect_right(starts, f.edits[0].start) - 1
            if k < 0:
                continue
            lines = texted[k]
            a, b = lines[0][0], lines[-1][1]
            if any(not (a <= e.start <= e.end <= b) for e in f.edits):
                continue
            cue = doc.text[a:b]
            new = cue
            for e in sorted(f.edits, key=lambda e: e.start, reverse=True):
                new = new[: e.start - a] + e.replacement + new[e.end - a :]
            before = [visible_length(s) for s in LINE_BREAK.split(cue)]
            after = [visible_length(s) for s in LINE_BREAK.split(new)]
            speed = self._too_fast(sum(before), sum(after), times[k])
            if speed is not None:
                pos, end = next(((x, y) for x, y in lines if x <= f.edits[0].start <= y), lines[0])
                out.append(Finding(
                    CODE, "Style/Awkward", Severity.MINOR, pos, end,
                    f"the {'unsafe ' if f.fix is FixSafety.UNSAFE else ''}fix of {f.code} would make this subtitle "
                    f"read at {speed:.1f} characters a second, over the limit of {self.cps:g}: shorten the cue or "
                    f"give it more time", origin="subtitles:reading-speed", segment=_segment(doc, pos)))
            same = len(before) == len(after)
            over = [i for i, n in enumerate(after) if n > self.limit and n > (before[i] if same else max(before))]
            if not over:
                continue
            worst = after[over[0]]
            # the line that grows (the line of the first edit when the fix joins or splits lines)
            line = over[0] if same else next((i for i, (x, y) in enumerate(lines) if x <= f.edits[0].start <= y), 0)
            pos, end = lines[line]
            out.append(Finding(
                CODE, "Style/Awkward", Severity.MINOR, pos, end,
                f"the {'unsafe ' if f.fix is FixSafety.UNSAFE else ''}fix of {f.code} would make a line of this "
                f"subtitle {worst} characters long, over the limit of {self.limit}: re-wrap the cue after it",
                origin="subtitles:line-length", segment=_segment(doc, pos)))
        return out


def _segment(doc: Document, pos: int) -> int | None:
    seg = doc.segment_at(pos)
    return None if seg is None else seg.index


def build_checker(config: Any, warnings: list[str]) -> SubtitleLinesChecker:
    """The checker of ``config``'s ``[subtitles]`` limits, each checked as a settings file's are (a
    :class:`~mtfix.errors.ConfigError`: the API and the language server pass the table unread)."""
    for key, value in ((getattr(config, "extra", None) or {}).get("subtitles") or {}).items():
        check_settings_key(key, value)
    return SubtitleLinesChecker(max_line_length(config), max_cps(config))


DOCS = """\
A fix of another rule lengthens a subtitle line past the characters-per-line limit (`[subtitles]
max-line-length` in the settings, 42 by default: the common guideline for Latin script, two lines
a cue). mtfix never re-wraps cue text by itself, since that would change bytes outside the edit:
it reports the line instead, in SRT and WebVTT files only.

In `mtfix check`, the finding sits on the line a proposed fix would lengthen and has no fix of its
own. After `mtfix fix` has applied the fix, the finding on the lengthened line offers a re-wrap of
the cue as an unsafe fix (`--unsafe-fixes`): only the white space between words changes (a space
becomes a line break, a line break a space), each change a recorded, reversible edit. The re-wrap
takes as few lines as fit (at least two, or as many as the cue had), breaks at the most balanced
point, after punctuation where it can and not after an article or a preposition; it is not offered
for a cue whose lines are turns of dialogue (`- Yes.`), nor when no wrapping fits. Length is what
a viewer sees: tags and ASS codes count for nothing, `&amp;` for one character. A line that was
already over the limit before the fix is reported only when the fix makes it longer.

Reading speed: a fix that takes a cue past the characters-per-second limit (`[subtitles] max-cps`,
`--max-cps`; 20 by default, the limit of Netflix's English style guide for adult programmes; 0 turns
it off) is reported the same way, on the cue, with no fix of any kind: mtfix never re-times a cue or
rewrites its text. Spaces and punctuation count, line breaks do not; a cue over the limit before the
fix is not reported (its timing, not the fix, is at fault)."""


def catalogue_rules() -> list[RuleInfo]:
    return [RuleInfo(
        CODE, "subtitle-line-too-long", "subtitles", "subtitles", "Style/Awkward", "minor", "unsafe",
        "A fix makes a subtitle line longer than the characters-per-line limit, or a cue faster than the reading-speed limit",
        DOCS,
        ({"text": "1\n00:00:01,000 --> 00:00:03,000\nThe prices of oilgas rose again this year\nin the capital.\n",
          "flagged": "The prices of oilgas rose again this year", "format": "srt", "with": "MTF206"},),
        ("1\n00:00:01,000 --> 00:00:03,000\nThe prices of oilgas rose\nagain this year in the capital.\n",
         "1\n00:00:01,000 --> 00:00:03,000\nThe price of oilgas in the capital\nrose again this year.\n"),
    )]
