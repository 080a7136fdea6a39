"""``textDocument/hover`` on a garbled sentence (session 49): its judgement said once, and what to do.

A garbled sentence's findings (MTF120, MTF401-MTF407: :func:`mtfix.model.sentence_judgement`) judge the whole
sentence, but their diagnostics underline only where to start reading, so a hover over the sentence's other words
showed nothing.  Over those words this hover names the sentence's verdicts once: each sign's message (MTF402-MTF407),
MTF120's, and the reasons of MTF401 no sign gives (:func:`mtfix.garble.messages.unsigned_reasons`, from the finding's
reasons), then what to do: compare with the source and rewrite, or leave it as is with the quick fix of that name,
offered on the underlined words, and last the detector's technical detail (``Finding.detail``: kept out of the
diagnostic's one-line message since session 50).  Only the verdicts published are said (``min-severity``, as the diagnostics).  Over the underlined
span itself there is none: the editor's own hover shows the diagnostics there, and a second text would say it all
twice (VS Code shows both).  Not in a translation file's units (their findings are placed by the unit view).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lsprotocol import types

from mtfix.findings import at_or_above
from mtfix.model import SUSPICION_NOTE, Finding, Severity, minor_verdict, sentence_judgement

#: what the hover ends with: the editor's two ways out (the quick fix's title is
#: :func:`mtfix.lsp.actions.sentence_action`'s)
TO_DO = ("What to do: compare the whole sentence with the source and rewrite it; if it reads well as it is, "
         "take the quick fix “mtfix: leave this sentence as is” on the underlined words.")


def sentence_group(findings: Sequence[Finding], sentences: dict[tuple[str, int, int], tuple[int, int]],
                   offset: int) -> tuple[tuple[int, int], list[Finding]] | None:
    """The sentence (start, end) holding ``offset`` that judgement findings judge, and those findings in text order;
    None where there is none, or where ``offset`` is under one of them (its diagnostic's own hover)."""
    where: tuple[int, int] | None = None
    group: list[Finding] = []
    for f in findings:
        if not sentence_judgement(f):
            continue
        span = sentences.get((f.code, f.start, f.end), (f.start, f.end))
        if span[0] <= offset < span[1] and (where is None or span == where):
            where = span
            group.append(f)
    if where is None or any(f.start <= offset < f.end for f in group):
        return None
    return where, group


def said_once(group: Sequence[Finding]) -> list[str]:
    """What ``group`` says, each thing once: MTF120's and each sign's message (by code, a message repeated is said
    once), then MTF401's reasons that no sign gives."""
    from mtfix.garble.messages import unsigned_reasons

    out: dict[str, None] = {}
    present = {g.code for g in group}  # a sign ignored says nothing of its own
    for f in sorted(group, key=lambda f: f.code == "MTF401"):
        if f.code == "MTF401":
            reasons = unsigned_reasons(f.reasons, present)
            if reasons:
                out[f"MTF401 ({f.severity}): {'also ' if out else ''}{', '.join(reasons)}"] = None
            elif not any(g.code != "MTF401" for g in group):
                out[f"MTF401 ({f.severity}): {f.message}"] = None
        else:
            out[f"{f.code}: {f.message}"] = None
    return list(out)


def hover_text(group: Sequence[Finding], escape: Any = str) -> list[str]:
    """The hover's lines for a sentence's judgement ``group``; ``escape``: for a Markdown hover, its escaping."""
    major = any(f.severity in (Severity.MAJOR, Severity.CRITICAL) for f in group)
    head = ("This sentence reads like garbled machine translation" if major or not any(map(minor_verdict, group))
            else f"This sentence may read like garbled machine translation ({SUSPICION_NOTE})")
    detail = [f"({escape(f.detail)})" for f in group if f.detail]  # for whoever tunes the detector, last
    return [f"{head}:", *(f"- {escape(line)}" for line in said_once(group)), TO_DO, *detail]


def sentence_hover(st: Any, offset: int, markdown: bool, escape: Any, to_range: Any) -> types.Hover | None:
    """The hover over word ``offset`` of a garbled sentence of ``st`` (a :class:`~mtfix.lsp.language_server.DocState`
    of the text checked), or None."""
    if st.view is not None:
        return None
    found = sentence_group(at_or_above(st.findings, st.profile.config.min_severity), st.sentences, offset)
    if found is None:
        return None
    (start, end), group = found
    lines = hover_text(group, escape if markdown else str)
    value = ("  \n" if markdown else "\n").join(lines)
    content = types.MarkupContent(types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText, value)
    return types.Hover(content, to_range(st.index, start, end))
