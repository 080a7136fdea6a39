"""The data of a review report: a summary per file (rendered by the template) and
each file's segments, findings and proposed edits as JSON (rendered lazily in the
browser, one file at a time).

Offsets in the JSON are ``str`` indices into the unit's text, as everywhere in mtfix.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import re
import secrets
from collections import Counter
from collections.abc import Sequence
from typing import Any

from mtfix.findings import suggestion_said
from mtfix.model import SENTENCE_WIDE_CODES, SUSPICION_NOTE, FindingKind, FixSafety, Severity, finding_kind
from mtfix.pipeline import Pipeline
from mtfix.report.text import unit_label
from mtfix.review.decisions_file import CORRECTIONS_VERSION, FORMAT, VERSION
from mtfix.review.proposals import FileReview, UnitReview, edit_id
from mtfix.review.worddiff import word_diff
from mtfix.segment import is_page

SEVERITIES = tuple(str(s) for s in sorted(Severity, key=lambda s: s.rank, reverse=True))  # most severe first


def _combined(scores: list[Any]) -> float | None:
    """Word-weighted fluency of a file's units, as ``mtfix score`` gives it
    (:func:`mtfix.scoring.fluency.records_fluency`); None when none was scored."""
    from mtfix.scoring.fluency import records_fluency

    scores = [s for s in scores if s is not None]
    return records_fluency(scores) if scores else None


def _adherence(units: list[UnitReview]) -> dict[str, Any] | None:
    """Glossary adherence summed over units: mentions and canonical share before and after."""
    parts = [u.adherence for u in units if u.adherence]
    if not parts:
        return None
    mentions = sum(p.get("mentions") or 0 for p in parts)
    after_mentions = sum(p.get("mentions_after") or 0 for p in parts)

    def share(key: str, count_key: str) -> float | None:
        num = sum((p.get(key) or 0) * (p.get(count_key) or 0) for p in parts if p.get(key) is not None)
        den = sum(p.get(count_key) or 0 for p in parts if p.get(key) is not None)
        return round(num / den, 4) if den else None

    return {
        "mentions": mentions,
        "canonical_before": share("canonical_before", "mentions"),
        "mentions_after": after_mentions,
        "canonical_after": share("canonical_after", "mentions_after"),
    }


#: The Markdown marker of a line (a list's "-" or "1.", a heading's "#"s, a quote's ">"), nested.
_MARKER = re.compile(r"(?:#{1,6}|>|[-*+]|\d{1,9}[.)])(?:[ \t]+(?:#{1,6}|>|[-*+]|\d{1,9}[.)]))*")


def _marker(gap: str) -> str | None:
    r"""The marker that ``gap`` (the text between two sentences) ends with, on the next sentence's
    line, when the gap holds nothing else but white space.

    >>> _marker("\n\n- "), _marker("\n1. "), _marker("\n"), _marker("\n---\n"), _marker(" (see below) ")
    ('-', '1.', None, None, None)
    """
    line = gap.rsplit("\n", 1)[-1]
    mark = line.strip()
    if not mark or gap[: len(gap) - len(line)].strip() or not _MARKER.fullmatch(mark):
        return None
    return mark


#: A table row's pipes around or between cells: the only markup a sentence's own line may go on with.
_PIPES = re.compile(r"\|(?:[ \t]*\|)*")
#: The markup that starts a sentence's line: a marker, a table row's "|", or both (a table in a quote: "> |").
_LEAD = re.compile(rf"(?:{_MARKER.pattern})?(?:[ \t]*\|)?")
from mtfix.text.lines import LINE_BREAK as _BREAK  # noqa: E402


def _gap(gap: str, first: bool = False, last: bool = False,
         dropped: str | None = None) -> tuple[str | None, str | None, str | None] | None:
    r"""The text between two sentences, when it is markup only: ``(tail, lines, lead)``: the pipes that end the
    sentence's line (a table cell's " |"), the whole lines between (a table's alignment row, fenced code, an
    HTML block, front matter; blank lines at either end dropped), the marker that starts the next sentence's
    line ("-", "#", ">", a table row's "|"); None when it holds anything else (it is then shown as text).
    ``first``: the text before the unit's first sentence (no sentence line before it); ``last``: after its
    last sentence (no sentence line after it).

    >>> _gap(" |\n|---|:---:|\n| "), _gap(" | "), _gap("\n\n- "), _gap(" (see below) "), _gap("---\n\n# ", first=True)
    (('|', '|---|:---:|', '|'), ('|', None, None), (None, None, '-'), None, (None, '---', '#'))
    """
    parts = _BREAK.split(gap)
    if len(parts) == 1:  # on the sentence's line: the pipes after it, or the marker before the first one
        head, lead = ("", gap) if first else (gap, "")
        lines: list[str] = []
    else:
        head = "" if first else parts[0]
        lead = "" if last else parts[-1]
        lines = parts[0 if first else 1 : len(parts) if last else -1]
    head, lead = head.strip(), lead.strip()
    # ``dropped``: the gap with what the format's reader skips as markup blanked (a Markdown row's cells beyond its
    # header's, which GFM drops: "|  | Talks went on. |" reads as pipes; the tags of an HTML block, "<tr><td>"):
    # what the reader skips is markup around the sentence, never its text (session 44)
    if not (_markup(head, _PIPES) and _markup(lead, _LEAD)):
        if dropped is None:
            return None
        seen = _BREAK.split(dropped)
        seen_head = "" if first else seen[0] if len(seen) > 1 else dropped
        seen_lead = "" if last else seen[-1] if len(seen) > 1 else dropped if first else ""
        if not (_markup(head, _PIPES, seen_head) and _markup(lead, _LEAD, seen_lead)):
            return None
    lines = [ln.rstrip() for ln in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return head or None, "\n".join(lines) or None, lead or None


def _markup(piece: str, shape: re.Pattern[str], seen: str | None = None) -> bool:
    """Whether ``piece`` (stripped) is markup of ``shape`` (a table row's pipes, a line's marker), or ``seen`` (the
    piece with what the format's reader skips blanked) leaves nothing but such markup."""
    return not piece or bool(shape.fullmatch(piece)) or (seen is not None and (not seen.strip() or bool(shape.fullmatch(seen.strip()))))


def blocks(ur: UnitReview) -> list[list[Any]]:
    """The unit cut at segment starts: ``[start, end, fluency, paragraph, sentence_end, marker, after, tail,
    lines]`` (and ``lines_after`` on the last block when markup lines follow its sentence); ``end`` drops trailing white space no finding touches; ``paragraph``
    is true when a line break (or the unit's start) comes before: the page's layout, a new line set apart
    (the score's paragraphs, between blank lines, are :func:`mtfix.scoring.fluency.paragraph_indices`); ``sentence_end`` is where the text
    the editor may post-edit ends: the segment's end (or the furthest finding or edit starting in
    it), never the markup before the next sentence (a Markdown list's ``-``, a heading's ``#``).
    That markup, when nothing touches it, ends no block: the next block shows it as ``marker``
    (text only, no offsets), so that a list item reads "- Roads were closed." and not
    "Heavy rains fell. -".  ``after`` is the sentence's fluency after the safe fixes `mtfix fix` applies (the
    fixed unit's segment of the same index, when it has as many segments), None when it is the same
    rounded, not scored, or the fixes joined or split sentences.  ``tail`` and ``lines`` (text only, like
    ``marker``; see :func:`_gap`): the pipes that end the sentence's line (a Markdown table cell's "|"), and
    the whole lines of markup shown before the sentence (a table's alignment row, fenced code, an HTML block,
    front matter), never as the text of the sentence before."""
    text = ur.check.document.text
    segs = ur.check.document.segments
    seg_scores = {s.index: s.fluency for s in (ur.score_before.segments if ur.score_before else [])}
    starts = sorted({0, *(s.start for s in segs)})
    fluency_at = {s.start: seg_scores.get(s.index) for s in segs}
    after_at = _after_scores(ur, segs)
    seg_end = {s.start: s.end for s in segs}
    spans = [(f.start, f.end) for f in ur.check.findings] + [(p.edit.start, p.edit.end) for p in ur.proposals]
    reach = sorted(b for _a, b in spans)
    spans.sort()
    span_starts = [a for a, _b in spans]
    html = is_page(ur.check.document)  # an HTML page: its markup between sentences is hidden
    out: list[list[Any]] = []
    marker: str | None = None  # the markup the block before left to this one
    between: str | None = None  # the markup lines the block before left to this one
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        shown = len(text[start:end].rstrip()) + start
        i = bisect.bisect_right(reach, end) - 1  # the furthest finding or edit end inside the block
        touched = i >= 0 and reach[i] >= start
        last = touched and reach[i] or start
        lead, marker, lines, between = marker, None, between, None
        tail = after_lines = None
        if html and start not in fluency_at and not touched and _markup_only(ur, start, end):
            continue  # the page's head and the tags before its first sentence
        if start not in fluency_at and not touched and (gap := _gap(text[start:end], first=True, dropped=_dropped(ur, start, end))):
            _, between, marker = gap  # front matter, a heading's "#" before the first sentence
            continue
        if start in seg_end:
            own = start + len(text[start : seg_end[start]].rstrip())
            final = k + 1 == len(starts)
            if html and last <= own and _markup_only(ur, own, end):
                shown = own  # the tags between this sentence and the next are not shown (session 29)
            elif last <= own and (gap := _gap(text[own:end], last=final, dropped=_dropped(ur, own, end))):
                shown = own  # the markup after the sentence: its line's pipes, lines between, the next one's marker
                tail, between, marker = gap
                if final:
                    after_lines, between = between, None
        if touched:
            shown = max(shown, reach[i])
        if shown == start and start not in fluency_at and not touched:
            continue  # only white space before the first segment
        # from the sentence before, not from what its block shows: text shown after it (a Markdown table row's
        # cells beyond its header's, which GFM drops) may hold the line break, and this sentence starts a line
        gap_before = text[out[-1][4] : start] if out else ""
        para = not out or "\n" in gap_before or "\r" in gap_before  # (``\r`` alone: classic Mac OS)
        if html and out:  # a page's block starts a paragraph, its source's line breaks do not
            para = _region_of(ur, out[-1][0]) != _region_of(ur, start)
        sentence = shown
        if start in seg_end:  # the segment, and what its findings and edits cover
            inside = spans[bisect.bisect_left(span_starts, start) : bisect.bisect_left(span_starts, seg_end[start])]
            sentence = min(shown, max([seg_end[start], *(b for _a, b in inside)]))
        block = [start, shown, fluency_at.get(start), para, sentence, lead, after_at.get(start), tail, lines]
        out.append(block + [after_lines] if after_lines else block)
    return out


def _markup_only(ur: UnitReview, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is the format's protected text and white space alone (an HTML page's tags between
    two sentences, its head before the first)."""
    doc = ur.check.document
    text = doc.text
    return all(text[i].isspace() or doc.is_protected(i, i + 1) for i in range(a, b))


def _region_of(ur: UnitReview, pos: int) -> int:
    """The index of the format's region that holds ``pos`` (-1 outside every region)."""
    regions = ur.check.document.meta.get("regions") or []
    i = bisect.bisect_right([r.start for r in regions], pos) - 1
    return i if i >= 0 and pos <= regions[i].end else -1


def _dropped(ur: UnitReview, a: int, b: int) -> str | None:
    """``text[a:b]`` with what the format's reader skips as markup blanked (``meta["format_protected"]``: the
    cells of a Markdown table row beyond its header's, which GFM drops), pipes and line breaks kept; None when
    the reader skips nothing there (plain text: a URL or an address is text, not markup)."""
    doc = ur.check.document
    skipped = doc.meta.get("format_protected") or ()
    spans = [(max(p.start, a), min(p.end, b)) for p in skipped if p.start < b and p.end > a]
    if not spans:
        return None
    chars = list(doc.text[a:b])
    for lo, hi in spans:
        for i in range(lo - a, hi - a):
            if chars[i] not in "|\r\n":
                chars[i] = " "
    return "".join(chars)


def _after_scores(ur: UnitReview, segs: list[Any]) -> dict[int, float]:
    """Each segment's fluency after the safe fixes, by its start, where it differs once rounded from the
    score before (see :func:`blocks`)."""
    before, after = ur.score_before, ur.score_after
    if before is None or after is None or after is before or len(after.segments) != len(before.segments):
        return {}
    was = {s.index: s.fluency for s in before.segments}
    now = {s.index: s.fluency for s in after.segments}
    return {
        s.start: now[s.index]
        for s in segs
        if s.index in now and s.index in was and round(now[s.index]) != round(was[s.index])
    }


def _entry_shown(entry_id: str, entries: dict[str, Any]) -> dict[str, Any] | None:
    """What the page shows of the glossary entry whose id (``Finding.glossary_entry``) is ``entry_id`` (None: no
    entry is behind the finding): ``{f: file, l: line, t: term, v: [variant], n: note}``."""
    from mtfix.glossary.model import entry_place

    place = entry_place(entry_id)
    if place is None:
        return None
    e = entries.get(entry_id)
    shown: dict[str, Any] = {"f": place[0], "l": place[1]}
    if e is not None:
        shown.update(t=e.term, v=list(e.variants[:6]), n=e.note)
    return shown


def file_payload(fr: FileReview, entries: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the browser needs to render one file's body (compact keys, documented in report.js)."""
    units = []
    edits = []
    for ur in fr.units:
        text = ur.check.document.text
        index_of = {p.id: n + len(edits) for n, p in enumerate(ur.proposals)}
        findings = []
        later: dict[int, list[int]] = {}  # a later pass's edits, by the finding whose edit they go with
        for p in ur.proposals:
            if p.after is not None:
                later.setdefault(p.finding, []).append(index_of[p.id])
        for i, f in enumerate(ur.check.findings):
            fix = str(f.fix) if f.edits else "none"
            ids: list[int] = []
            if fix != "none":  # two findings proposing the very same edit share its proposal
                ids = [index_of[pid] for e in f.edits if (pid := edit_id(fr.digest, ur.index, e)) in index_of]
                ids += later.get(i, [])
            line, col = ur.file_location(f.start)
            findings.append(
                {
                    "c": f.code,
                    "s": str(f.severity),
                    "g": f.category,
                    "a": f.start,
                    "b": f.end,
                    "l": line,
                    "k": col,
                    "m": f.message_with_detail,  # the page sets the detector's figures apart, in muted type
                    "x": fix,
                    "e": ids,
                    "sg": list(f.suggestions[:5]),
                    # each as its button says it (an edge space or a deletion in words; session 51: the page trimmed
                    # " the" to "the"), where any differs from the suggestion itself
                    **({"sw": said} if (said := [suggestion_said(s, ur.check.document.text[f.start:f.end])
                                                 for s in f.suggestions[:5]]) != list(f.suggestions[:5]) else {}),
                    "kd": finding_kind(f).value,  # the Kind filter's
                    **({"al": list(f.also)} if f.also else {}),  # duplicates merged into it
                    **({"gl": gl} if f.glossary_entry and (gl := _entry_shown(f.glossary_entry, entries or {}))
                       else {}),  # its glossary entry
                }
            )
        for p in ur.proposals:
            e = p.edit
            edits.append(
                {
                    "id": p.id,
                    "u": ur.index,
                    "a": e.start,
                    "b": e.end,
                    "r": e.replacement,
                    "o": e.original,
                    "c": e.code,
                    "x": str(e.safety),
                    "d": word_diff(text, e),
                    **({"w": p.after} if p.after is not None else {}),
                }
            )
        units.append(
            {
                "id": None if ur.id is None else str(ur.id),
                **({"label": label} if ur.id is not None and (label := unit_label(ur.id)) != str(ur.id) else {}),
                "line": ur.line_offset,
                "text": text,
                "src": ur.source,
                "blocks": blocks(ur),
                "f": findings,
            }
        )
    return {"path": fr.path, "digest": fr.digest, "format": fr.format, "units": units, "edits": edits}


def file_summary(fr: FileReview, n: int) -> dict[str, Any]:
    """The per-file summary the template renders at the top."""
    findings = fr.findings
    sev = Counter(str(f.severity) for f in findings)
    cats = Counter(f.category for f in findings)
    fixes = Counter(str(f.fix) if f.edits else "none" for f in findings)
    before = _combined([u.score_before for u in fr.units])
    after = _combined([u.score_after for u in fr.units])
    words = sum(u.score_before.words for u in fr.units if u.score_before)
    segs = [s for u in fr.units if u.score_after for s in u.score_after.segments]  # after safe fixes
    signature = next((u.score_before.signature for u in fr.units if u.score_before), "")
    return {
        "n": n,
        "path": fr.path,
        "digest": fr.digest,
        "format": fr.format,
        "units": len(fr.units),
        "words": words,
        "findings": len(findings),
        "severity": [(s, sev.get(s, 0)) for s in SEVERITIES],
        "categories": sorted(cats.items(), key=lambda kv: (-kv[1], kv[0])),
        "safe": fixes.get(str(FixSafety.SAFE), 0),
        "unsafe": fixes.get(str(FixSafety.UNSAFE), 0),
        "human": fixes.get("none", 0),
        "edits": len(fr.proposals),
        "fluency_before": before,
        "fluency_after": after,
        "fluent": (sum(s.fluency >= 90 for s in segs), len(segs)),  # sentences at 90 or above, of all
        "unit_words": _unit_words(),  # the document score's unit: runs of sentences of at least this many words
        "adherence": _adherence(fr.units),
        "signature": signature,
        "errors": fr.errors,
        "notes": fr.notes,
    }


def _unit_words() -> int:
    from mtfix.scoring.fluency import UNIT_WORDS

    return UNIT_WORDS


def rule_docs(pipeline: Pipeline, codes: set[str], others: Sequence[Pipeline] = ()) -> dict[str, dict[str, str]]:
    """Title, documentation (what ``mtfix explain CODE`` prints) and checker (``glossary``, ``rules``, ``grammar``
    …) of every code in the report, from the rule catalogue (:mod:`mtfix.catalogue`), the one source of rule
    metadata; ``others``:
    the pipelines of the run's other settings files, whose rule packs may hold other codes."""
    from mtfix.catalogue import build_catalogue

    cats = [build_catalogue(p.config, p.checkers, with_lt=False) for p in (pipeline, *others)]
    docs: dict[str, dict[str, str]] = {}
    for code in sorted(codes):
        info = next((i for i in (c.get(code) for c in cats) if i is not None), None)
        if info is not None:
            docs[code] = {"title": info.title, "text": info.explain(), "checker": info.checker}
        elif code.startswith("LT:"):
            rid = code[3:]
            docs[code] = {
                "title": f"LanguageTool rule {rid}",
                "text": f"{code}: a finding of LanguageTool's rule {rid} (grammar checker). "
                "Its category and severity come from mtfix/grammar/categories.tsv; see "
                "docs/languagetool.md.",
                "checker": "grammar",
            }
        else:
            docs[code] = {"title": code, "text": f"{code}: no documentation bundled; try `mtfix explain {code}`.",
                          "checker": ""}
    return docs


def report_key(created: str, signature: str, reviews: list[FileReview], nonce: str | None = None) -> str:
    """What the page keeps its decisions under in the browser's local storage (one store for
    every report opened from disk): the time, the configuration, each file's path and digest and a random
    ``nonce`` of this report, so two reports never share (and overwrite) each other's decisions.  Until session 33
    there was no nonce, and two reports of the same files made in the same second (a second report with another
    title or output path) shared one store: the second opened with the first's decisions."""
    parts = [created, signature, nonce if nonce is not None else secrets.token_hex(8),
             *(f"{fr.path}\x1e{fr.digest}" for fr in reviews)]
    # (a file name that is not UTF-8 holds lone surrogates: "surrogatepass" hashes them too)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def left_out(reviews: Sequence[FileReview]) -> list[dict[str, str]]:
    """The files of the batch the page does not show, each with why: those that could not be read
    (``failures``: the command exits 2), then those skipped (binary, special, removed meanwhile), each in the
    order the batch met them.  Until
    session 27 the page left them out without a word, and whoever opened it took it for the whole batch."""
    return ([{"path": f.path, "why": "could not be read", "message": f.message} for f in getattr(reviews, "failures", ())]
            + [{"path": f.path, "why": "skipped", "message": f.message} for f in getattr(reviews, "skipped", ())])


def build_context(
    pipeline: Pipeline, reviews: list[FileReview], title: str = "mtfix review", others: Sequence[Pipeline] = ()
) -> dict[str, Any]:
    """The template's context: summaries, per-file payloads, rule docs, totals.  ``others``: the
    pipelines of the files under other settings files (each file's summary has its own signature;
    the report's is every distinct one, joined by `` | ``)."""
    from mtfix.files import bad_records

    summaries = [file_summary(fr, n) for n, fr in enumerate(reviews)]
    try:
        from mtfix.glossary.checker import entries_by_origin
    except ModuleNotFoundError:  # pragma: no cover - glossary capability not built
        entries = {}
    else:  # the entry behind each glossary finding, shown on its card
        entries = entries_by_origin(c for p in (pipeline, *others) for c in p.checkers)
    codes = {f.code for fr in reviews for f in fr.findings}
    sev = Counter(str(f.severity) for fr in reviews for f in fr.findings)
    totals = {
        "files": len(reviews),
        "findings": sum(s["findings"] for s in summaries),
        "edits": sum(s["edits"] for s in summaries),
        "human": sum(s["human"] for s in summaries),
        "severity": [(s, sev.get(s, 0)) for s in SEVERITIES],
        "words": sum(s["words"] for s in summaries),
        # records that could not be read, skipped under --skip-bad-records (each in its file's summary)
        "records_skipped": sum(len(bad_records(fr.errors)) for fr in reviews),
        # the severity filters ticked when the report opens (min-severity); the rest are one click away
        "shown": [
            s for s in SEVERITIES if Severity(s).rank >= min(p.config.min_severity.rank for p in (pipeline, *others))
        ],
    }
    rules = sorted(codes)
    kinds = {finding_kind(f) for fr in reviews for f in fr.findings}
    docs = rule_docs(pipeline, codes, others)
    categories = sorted({f.category for fr in reviews for f in fr.findings})
    created = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    signature = " | ".join(dict.fromkeys(p.signature() for p in (pipeline, *others)))
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "corrections_version": CORRECTIONS_VERSION,
        "signature": signature,
        "created": created,
        "report": report_key(created, signature, reviews),
        "suspicion": SUSPICION_NOTE,  # a minor verdict's card says what it is worth in the language server's words
        # a garbled sentence's findings, judged whole (mtfix.model.SENTENCE_WIDE_CODES, the language server's too)
        "sentence_wide": sorted(SENTENCE_WIDE_CODES),
    }
    return {
        "title": title,
        "left_out": left_out(reviews),
        "summaries": summaries,
        "payloads": [file_payload(fr, entries) for fr in reviews],
        "docs": docs,
        "totals": totals,
        "rules": rules,
        # the Kind filter: the kinds of finding the report holds, in the order an editor comes to them
        "kinds": [(k.value, k.title) for k in FindingKind if k in kinds],
        "categories": categories,
        "meta": meta,
        "signature": signature,
    }
