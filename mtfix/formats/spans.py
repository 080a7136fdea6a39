"""What the Markdown and HTML readers find in a text (:class:`MarkdownSpans`), and the two span sums they share: the
gaps between prose regions, and overlapping spans merged.  Its own module so that each reader may call the other
(an HTML block in Markdown is read as a page, :mod:`mtfix.formats.markdown`) without an import cycle."""

from __future__ import annotations

from typing import NamedTuple

from mtfix.model import Span, strip_span


class MarkdownSpans(NamedTuple):
    """What :func:`mtfix.formats.markdown.markdown_spans` (or :func:`mtfix.formats.html.html_spans`) finds in a text."""

    regions: list[Span]
    protected: list[Span]
    #: quoted code among the protected spans
    code: list[Span]
    #: the regions that are headings, as the parser reads them (ATX or setext, in a list item or
    #: block quote too; never a line in a code block, nor a "#" or "---" line a paragraph continues)
    headings: list[Span]
    #: the protected spans inside prose that read as one name (code spans, images, autolinks, math);
    #: the other protected spans inside prose are markup (emphasis, link brackets and destinations,
    #: inline HTML, escapes, entities)
    opaque: list[Span]
    #: the runs of inline tags inside a word in the text of an HTML block (``<b>Ba</b>kı``), which a browser shows
    #: as nothing (:func:`mtfix.formats.html.page_spans`): a document's ``meta["glued"]``, not an HTML page's
    glued: tuple[Span, ...] = ()
    #: the tags or comments in an HTML block that never close (``<a href="x”>``): a browser shows nothing of what they
    #: run over, so neither is it checked (:func:`mtfix.formats.html.unfinished_note` says so, session 53)
    unfinished: tuple[Span, ...] = ()
    #: the lines nested deeper than markdown-it reads (:func:`mtfix.formats.markdown.too_deep_note`, session 53)
    unread: tuple[Span, ...] = ()


def _gaps(text: str, regions: list[Span]) -> list[Span]:
    """Everything between prose regions that is not blank."""
    out = []
    pos = 0
    for r in [*regions, Span(len(text), len(text))]:
        s, e = strip_span(text, pos, r.start)
        if s < e:
            out.append(Span(s, e))
        pos = max(pos, r.end)
    return out


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda p: (p.start, p.end)):
        if out and s.start <= out[-1].end:
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
    return out
