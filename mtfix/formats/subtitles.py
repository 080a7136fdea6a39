r"""Subtitles: SubRip (``.srt``) and WebVTT (``.vtt``), read by mtfix's own parser over offsets.

The whole file is one verbatim :class:`~mtfix.formats.base.Unit` (as Markdown): its ``regions``
are the cue texts, its ``protected`` spans everything else (cue numbers and identifiers, timing
lines and cue settings, the ``WEBVTT`` header, ``NOTE``/``STYLE``/``REGION`` blocks, the blank
lines between cues) and, inside cue text, the inline markup: HTML-like tags (``<i>``,
``<font color="…">``, VTT ``<c.yellow>``, ``<v Ana>``, ``<lang en>``, ``<ruby>``), VTT timestamps
(``<00:01.500>``), ASS override codes (``{\an8}``, ``{\i1}``), character references (``&amp;``),
the dash or ``>>`` that starts a line of dialogue and a speaker's name (``ANA:``).  None of them reads
as a word (``opaque`` is empty): a detector reads the prose around them.

Segments: the lines of one cue are one paragraph (its line breaks read as spaces); each line that
starts a turn of dialogue (``- Yes.``) starts a paragraph of its own; a sentence runs on into the
next cue when its cue ends without final punctuation (or the next cue goes on with ``...`` or a
lower-case word).  The number and timing between the two cues are then a *join*
(:attr:`~mtfix.formats.base.Unit.joins`): protected, so no edit touches or crosses the boundary,
and read as blanks by the segmenter, as Markdown's quote markers are.  Cutting at every cue's end
instead made half again as many findings on real talks, nearly all garble verdicts on fragments
(``bench/audit_subtitles.py``, docs/formats.md).

Reading errors (a timing line that is not one, a cue without a timing line, a timing line inside
cue text after a missing blank line, ``-->`` in VTT cue text, a VTT file without its ``WEBVTT``
line) are an :class:`~mtfix.errors.InputError` naming the file, line and reason: nothing is
written.  Libraries (srt, pysubs2, webvtt-py) give no offsets and re-serialise the file, so none
keeps the bytes outside an edit (measured: docs/formats.md).

>>> raw = b"1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>We met on</i>\r\nMonday.\r\n"
>>> unit = SubtitleFormat("srt").load(raw, "a.srt", {}).units[0]
>>> [unit.text[r.start:r.end] for r in unit.regions], [unit.text[p.start:p.end] for p in unit.protected][1:]
(['<i>We met on</i>\r\nMonday.'], ['<i>', '</i>', '\r\n'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mtfix.errors import InputError
from mtfix.formats.base import Container, Unit
from mtfix.io.textfile import TextFile, decode
from mtfix.model import Span, line_starts
from mtfix.text.tokens import INVISIBLE_MARKS

# SubRip: hours of any width, "," (or "." as many players accept) before 1-3 digits of milliseconds;
# what follows the end time (SRT coordinates "X1:… X2:…") is kept, never read
_SRT_TIME = r"\d+:[0-5]?\d:[0-5]?\d[,.]\d{1,3}"
_SRT_TIMING = re.compile(rf"[ \t]*({_SRT_TIME})[ \t]*-->[ \t]*({_SRT_TIME})(?:[ \t]+[^\r\n]*)?[ \t]*")
# WebVTT (W3C): [hours:]mm:ss.ttt, then cue settings after white space
_VTT_TIME = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
_VTT_TIMING = re.compile(rf"({_VTT_TIME})[ \t]+-->[ \t]+({_VTT_TIME})(?:[ \t]+[^\r\n]*)?")
_LOOKS_TIMING = re.compile(r"[ \t]*\d+:\d+\S*[ \t]*-->")
_VTT_HEADER = re.compile(r"WEBVTT(?:[ \t][^\r\n]*)?")
_VTT_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t][^\r\n]*)?")
#: inline markup of cue text: tags (HTML-like and VTT classes, voices, timestamps), ASS override
#: codes in braces, character references
MARKUP = re.compile(r"</?[A-Za-z][^<>\r\n]*>|</?\d[\d:.]*>|\{\\[^{}\r\n]*\}|&(?:[A-Za-z]+\d*|#\d+|#[xX][0-9A-Fa-f]+);")
#: the mark of a turn of dialogue at the start of a line (after any markup): a hyphen or en dash
#: (before anything but a lower-case letter or a digit), or the ">>" of closed captions, and the spaces after it
_TURN = re.compile(r"(?:-(?!-)|–|>>)[ \t]*(?=\S)")
#: a speaker's name in capitals before a colon at the start of a line, as subtitles for the deaf
#: and hard of hearing write it ("ANA:", "DR. SILVA:"): it starts a turn of dialogue too
_SPEAKER = re.compile(r"[A-Z][A-Z0-9.'’ -]*[A-Z0-9]:[ \t]+(?=\S)")
#: a cue that is a sound, not a sentence ("[DOOR SLAMS]", "(laughs)")
_SOUND = re.compile(r"\[[^\]]*\]|\([^)]*\)")
#: a WebVTT voice span's start tag (``<v Bob>``, ``<v.loud Bob>``)
_VOICE = re.compile(r"<v(?:\.[^ \t>]*)?[ \t]+([^>]*)>")
#: characters a fix may not write into cue text: they would start markup
_MARKUP_CHARS = "<>&{}"


def visible_length(line: str) -> int:
    """Characters a viewer sees in cue text ``line``: markup counts for nothing, a character reference for one.

    >>> visible_length("<i>Tom &amp; Ana</i> <c.loud>wait.</c>")
    15
    """
    return len(MARKUP.sub(lambda m: "x" if m.group().startswith("&") else "", line))


def cue_line_lengths(text: str, cues: Iterable[Any]) -> tuple[tuple[int, ...], ...]:
    """The :func:`visible_length` of each text line of each of ``cues`` (each with ``lines``: spans of ``text``)."""
    return tuple(tuple(visible_length(text[a:b]) for a, b in c.lines) for c in cues)


def seconds(stamp: str) -> float:
    """A cue timestamp (SRT ``HH:MM:SS,mmm``, WebVTT ``[HH:]MM:SS.mmm``) in seconds.

    >>> seconds("00:01:02,500"), seconds("01:02.250")
    (62.5, 62.25)
    """
    whole, _, frac = stamp.strip().replace(",", ".").partition(".")
    total = 0
    for part in whole.split(":"):
        total = total * 60 + int(part)
    return total + (int(frac) / 10 ** len(frac) if frac else 0.0)


class SubtitleSyntaxError(Exception):
    """Text that is not a valid subtitle file: the reason and the 1-based line."""

    def __init__(self, reason: str, line: int):
        self.reason, self.line = reason, line


@dataclass
class Cue:
    """One cue of a subtitle file: where its timing line is and where its text lines are."""

    line: int  # 0-based line of the timing line
    timing: tuple[str, str]
    lines: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each text line, without newline

    @property
    def text_span(self) -> Span | None:
        return Span(self.lines[0][0], self.lines[-1][1]) if self.lines else None


@dataclass
class SubtitleSpans:
    """What a subtitle file's text gives the pipeline: paragraphs of cue text, the protected rest,
    and the cue boundaries a sentence runs over (``joins``, among the protected spans)."""

    cues: list[Cue]
    regions: list[Span]
    protected: list[Span]
    joins: list[Span]


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end without the line break) of each line of ``text``; a final line break starts no line
    (:func:`~mtfix.model.line_starts`' breaks; session 54: a regular expression's match per line was a third of a
    1,500-cue file's parse).

    >>> _lines("a\\r\\nb\\rc\\n"), _lines(""), _lines("\\n"), _lines("a")
    ([(0, 1), (3, 4), (5, 6)], [], [(0, 0)], [(0, 1)])
    """
    starts = line_starts(text)
    if starts[-1] == len(text):  # a final line break (or no text): no line after it
        starts.pop()
    out = []
    for i, a in enumerate(starts):
        b = starts[i + 1] if i + 1 < len(starts) else len(text)
        if b > a and text[b - 1] == "\n":
            b -= 2 if b - 1 > a and text[b - 2] == "\r" else 1
        elif b > a and text[b - 1] == "\r":
            b -= 1
        out.append((a, b))
    return out


#: the last text read by :func:`parse_cues`, its kind and its cues: a check reads the same file twice (its unit,
#: then :class:`~mtfix.checks.subtitle_lines.SubtitleLinesChecker`' check of the cues' lines; session 54)
_LAST_PARSE: tuple[str, str, list[Cue]] | None = None


def parse_cues(text: str, kind: str) -> list[Cue]:
    """The cues of subtitle ``text`` (``kind``: ``srt`` or ``vtt``); raises SubtitleSyntaxError on bad syntax.  The
    last text's cues are read once (the cues are never changed by their readers)."""
    global _LAST_PARSE
    last = _LAST_PARSE  # once: another thread may read another file meanwhile
    if last is not None and last[1] == kind and last[0] == text:
        return list(last[2])
    cues = _parse_cues(text, kind)
    _LAST_PARSE = (text, kind, cues)
    return list(cues)


def _parse_cues(text: str, kind: str) -> list[Cue]:
    lines = _lines(text)
    n = len(lines)

    def line(i: int) -> str:
        return text[lines[i][0] : lines[i][1]]

    i = 0
    if kind == "vtt":
        if not n or not _VTT_HEADER.fullmatch(line(0)):
            raise SubtitleSyntaxError("a WebVTT file starts with a line 'WEBVTT'", 1)
        while i < n and line(i).strip():  # the header: WEBVTT and its lines, up to a blank line
            i += 1
    cues: list[Cue] = []
    while i < n:
        if not line(i).strip():
            i += 1
            continue
        block = i
        while i < n and line(i).strip():
            i += 1
        cues.extend(_block(kind, [line(k) for k in range(block, i)], lines[block:i], block))
    return cues


def _block(kind: str, texts: list[str], spans: list[tuple[int, int]], first: int) -> list[Cue]:
    """The cue of one block of non-blank lines (none for a VTT NOTE, STYLE or REGION block)."""
    timing = _SRT_TIMING if kind == "srt" else _VTT_TIMING
    # a BOM (``cat a.srt b.srt`` of files saved with one) or zero-width mark before the block's first
    # line: read as without it (the line is protected, the mark kept)
    texts = [texts[0].lstrip(INVISIBLE_MARKS), *texts[1:]]
    if kind == "vtt" and _VTT_BLOCKS.fullmatch(texts[0]):
        return []
    t = 0 if "-->" in texts[0] else 1  # a cue number (SRT) or identifier (VTT) may come first
    if kind == "srt" and t == 1 and not texts[0].strip().isdigit():
        raise SubtitleSyntaxError(f"expected a cue number or a timing line 'HH:MM:SS,mmm --> HH:MM:SS,mmm', found {texts[0][:40]!r}",
                   first + 1)
    if t >= len(texts) or "-->" not in texts[t]:
        found = f"found {texts[t][:40]!r}" if t < len(texts) else "found a blank line or the end of the file"
        raise SubtitleSyntaxError(f"expected the cue's timing line after {texts[0][:40]!r}, {found}", first + t + 1)
    m = timing.fullmatch(texts[t])
    if m is None:
        form = "HH:MM:SS,mmm --> HH:MM:SS,mmm" if kind == "srt" else "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm [settings]"
        raise SubtitleSyntaxError(f"not a valid timing line (expected {form}): {texts[t][:60]!r}", first + t + 1)
    cue = Cue(first + t, (m.group(1), m.group(2)), spans[t + 1 :])
    for k in range(t + 1, len(texts)):
        if _LOOKS_TIMING.match(texts[k]):
            raise SubtitleSyntaxError("a timing line inside the text of the cue above it (a blank line missing before it?)",
                       first + k + 1)
        if kind == "vtt" and "-->" in texts[k]:
            raise SubtitleSyntaxError("'-->' in cue text (WebVTT does not allow it; write '--&gt;')", first + k + 1)
    return [cue]


def subtitle_spans(text: str, kind: str, *, join: bool = True) -> SubtitleSpans:
    """The prose regions, protected spans and joins of subtitle ``text``; raises SubtitleSyntaxError on bad syntax.
    Without ``join``, no sentence runs over into the next cue (``bench/audit_subtitles.py`` measures that).

    >>> t = "WEBVTT\\n\\n00:01.000 --> 00:02.000 align:start\\n<v Ana>- Ready?\\n- Yes, we\\n\\n00:02.000 --> 00:03.000\\nare.\\n"
    >>> s = subtitle_spans(t, "vtt")
    >>> [t[r.start:r.end] for r in s.regions], [t[j.start:j.end] for j in s.joins]
    (['<v Ana>- Ready?', '- Yes, we\\n\\n00:02.000 --> 00:03.000\\nare.'], ['\\n\\n00:02.000 --> 00:03.000\\n'])
    """
    cues = parse_cues(text, kind)
    regions: list[tuple[int, int]] = []
    inline: list[Span] = []
    joins: list[Span] = []
    last_end: int | None = None  # where the text of the cue before ends
    speaking: str | None = None  # the VTT voice of the last paragraph
    for cue in cues:
        para: tuple[int, int] | None = None
        for k, (a, b) in enumerate(cue.lines):
            marks = [m.span() for m in MARKUP.finditer(text, a, b)]
            inline.extend(Span(x, y) for x, y in marks)
            pos, voice = a, None
            for x, y in marks:  # the markup the line starts with
                if x > pos and text[pos:x].strip():
                    break
                pos, voice = y, voice or _VOICE.match(text, x, y)
            while pos < b and text[pos] in " \t":
                pos += 1
            turn = _TURN.match(text, pos, b)
            after = text[turn.end()] if turn is not None else ""
            if turn is not None and (after.islower() or after.isdigit()) and not turn.group().startswith(">"):
                turn = None  # "- that is, …", "-5 degrees": a sentence wrapped before a dash, no new speaker
            if turn is not None:
                inline.append(Span(turn.start(), turn.end()))
            speaker = _SPEAKER.match(text, turn.end() if turn is not None else pos, b)
            if speaker is not None:
                inline.append(Span(speaker.start(), speaker.end()))
                turn = turn or speaker
            name = voice.group(1).strip() if voice is not None else None
            if voice is not None and (k or name != speaking):  # a VTT voice (<v Bob>) starts a line: another
                turn = turn or speaker or voice  # speaker, unless the same voice goes on in the next cue
            speaking = name if voice is not None else speaking if turn is None else None
            if para is not None and turn is None:
                para = (para[0], b)
                continue
            if para is not None:
                regions.append(para)
            elif join and k == 0 and turn is None and regions and regions[-1][1] == last_end \
                    and _runs_on(text, regions[-1], pos):
                joins.append(Span(regions[-1][1], a))  # the sentence runs over from the cue before
                para = (regions.pop()[0], b)
                continue
            para = (a, b)
        if para is not None:
            regions.append(para)
        last_end = cue.lines[-1][1] if cue.lines else None  # a cue without text: no sentence runs over it
    gaps, pos = [], 0
    for start, end in regions:
        if start > pos:
            gaps.append(Span(pos, start))
        pos = end
    if pos < len(text):
        gaps.append(Span(pos, len(text)))
    protected = sorted([*gaps, *joins, *inline], key=lambda s: (s.start, s.end))
    return SubtitleSpans(cues, [Span(a, b) for a, b in regions], protected, joins)


#: the end of a sentence at the end of a cue: final punctuation, then closing quotes or brackets
_FINAL = re.compile(r"[.!?…♪♫][\"'”’»)\]]*\Z")
#: a cue that goes on with the sentence before it whatever that ended with: an ellipsis or a lower-case word
_GOES_ON = re.compile(r"(?:\.\.\.|…|[a-z])")


def _runs_on(text: str, before: tuple[int, int], start: int) -> bool:
    """Whether the sentence of paragraph ``before`` (the last of the cue before) runs on into the
    cue whose prose starts at ``start``: ``before`` does not end with final punctuation, or the
    cue goes on with an ellipsis or a lower-case word; never from or into a sound ("[DOOR SLAMS]")
    or a tune ("♪ …")."""
    prose = MARKUP.sub("", text[before[0] : before[1]]).strip()
    if _SOUND.fullmatch(prose) or text.startswith(("[", "♪", "♫"), start):
        return False
    return not _FINAL.search(prose) or _GOES_ON.match(text, start) is not None


def skeleton(text: str, cues: list[Cue]) -> list[str]:
    """Everything of ``text`` but its cue texts, cut where each cue text was: what a fix must keep."""
    out, pos = [], 0
    for cue in cues:
        span = cue.text_span
        if span is not None:
            out.append(text[pos : span.start])
            pos = span.end
    out.append(text[pos:])
    return out


@dataclass
class SubtitleContainer(Container):
    textfile: TextFile | None = None
    kind: str = "srt"
    cues: list[Cue] = field(default_factory=list)

    def render(self, fixed: dict[int, str]) -> bytes:
        """The file with the fixed text, after checking that only cue text changed (numbers,
        timings, headers and blocks the same, no cue gained or lost a line break that would
        end it) and that no edit wrote a character that starts markup (``<``, ``&``, ``{``: a VTT
        ``&`` must be ``&amp;``); otherwise the file is kept unchanged (``unwritten``) and
        ``errors`` says why."""
        assert self.textfile is not None
        old = self.units[0].text
        new = fixed.get(0, old)
        if new == old:
            return self.textfile.encode(old)
        try:
            cues = parse_cues(new, self.kind)
        except SubtitleSyntaxError as bad:
            cues, why = [], f"line {bad.line}: {bad.reason}"
        else:
            why = ""
        if not why and (skeleton(new, cues) != skeleton(old, self.cues) or len(cues) != len(self.cues)):
            why = "they would change a cue number, a timing or a blank line"
        markup = next((c for c in _MARKUP_CHARS if new.count(c) > old.count(c)), None)
        if not why and markup is not None:
            why = f"a {markup!r} would start markup in the cue text"
        if why:
            self.unwritten.add(0)
            self.errors.append(f"the fixes cannot be written in this subtitle file: {why}; kept unchanged")
            return self.textfile.encode(old)
        return self.textfile.encode(new)


def subtitle_unit(text: str, kind: str) -> tuple[Unit, list[Cue]]:
    """The one unit of subtitle ``text`` (``kind``: ``srt`` or ``vtt``) and its cues; raises SubtitleSyntaxError."""
    spans = subtitle_spans(text, kind)
    lines = cue_line_lengths(text, spans.cues)  # before any fix: MTF601 reports a line a fix made too long
    unit = Unit(None, text, regions=spans.regions, protected=spans.protected, opaque=[], joins=spans.joins,
                verbatim=True, meta={"cues": len(spans.cues), "register": "dialogue",
                                     "subtitle": {"kind": kind, "lines": lines}})
    return unit, spans.cues


def backwards_note(cue: Cue) -> str:
    """The warning for a cue whose end is before its start (``00:00:05,000 --> 00:00:04,000``, a typing slip or
    a shift gone wrong): a player shows it for no time or not at all, as Subtitle Edit's "negative duration" says;
    its text is read and checked, its timing never edited (session 53: it was read without a word).

    >>> backwards_note(Cue(1, ("00:00:05,000", "00:00:04,000"), []))
    'line 2: the cue ends before it starts (00:00:05,000 --> 00:00:04,000): a player shows it for no time or not at all; its timing is left as it is'
    """
    start, end = cue.timing
    return (f"line {cue.line + 1}: the cue ends before it starts ({start} --> {end}): a player shows it for no time "
            "or not at all; its timing is left as it is")


def backwards_cues(cues: list[Cue]) -> list[Cue]:
    """The cues of ``cues`` that end before they start (:func:`backwards_note` says each; one place for ``check``
    and the language server)."""
    return [c for c in cues if seconds(c.timing[1]) < seconds(c.timing[0])]


def bad_file(kind: str, bad: SubtitleSyntaxError, path: str | None) -> InputError:
    what = "SubRip (.srt)" if kind == "srt" else "WebVTT (.vtt)"
    return InputError(f"not a valid {what} file: {bad.reason}", path=path, line=bad.line)


class SubtitleFormat:
    """SubRip (``kind="srt"``) or WebVTT (``kind="vtt"``) subtitles: only cue text is checked."""

    def __init__(self, kind: str = "srt"):
        self.kind = kind
        self.name = kind
        self.extensions = (f".{kind}",)

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        tf = decode(raw, path)
        try:
            unit, cues = subtitle_unit(tf.text, self.kind)
        except SubtitleSyntaxError as bad:
            raise bad_file(self.kind, bad, path) from None
        return SubtitleContainer(path=path, format=self.name, units=[unit], textfile=tf, kind=self.kind, cues=cues,
                                 errors=[backwards_note(c) for c in backwards_cues(cues)])


class SrtFormat(SubtitleFormat):
    def __init__(self) -> None:
        super().__init__("srt")


class VttFormat(SubtitleFormat):
    def __init__(self) -> None:
        super().__init__("vtt")
