"""HTML pages: only the text of their blocks is checked; tags, attributes, scripts, styles, code and
``translate="no"`` content are never touched (session 28).

The page is parsed with the standard library's :class:`html.parser.HTMLParser` (a tolerant tokenizer: an
unclosed ``<p>``, upper-case tags, a stray ``<`` are all read).  As Markdown does
(:mod:`mtfix.formats.markdown`), the whole file is one verbatim :class:`~mtfix.formats.base.Unit`, whose
``regions`` are the prose of its blocks (``p``, ``h1``–``h6``, ``li``, ``td``/``th``, ``blockquote``,
``figcaption``, ``dt``/``dd``, ``title``, ``caption``, and text directly in ``body``, ``div``, ``article``,
``section`` or any other element that is not inline) and whose ``protected`` spans are the rest:

- every tag, inline ones included (``<b>``, ``<a href=…>``, ``<span>``: markup the garble detector's view drops,
  as it drops Markdown's inline HTML), so attributes (``alt``, ``title`` too) are never checked nor edited;
- every character reference (``&amp;``, ``&nbsp;``, ``&#8217;``), each its own span, which the garble view
  (:mod:`mtfix.garble.view`) and, since session 31, the rules and the glossary (:mod:`mtfix.rules.markup`) read as
  the character it stands for; an edit holds one whole or not at all, so a reference is never split;
- whole elements: ``script``, ``style``, ``template``, ``pre``, ``code``, ``kbd``, ``samp``, ``textarea``, ``svg``,
  ``math``, ``noscript``, and any element with ``translate="no"`` or the ``notranslate`` class (the page's own
  "do not translate", as XLIFF's ``translate="no"``); inside a block, each reads as one name (``opaque``), as a
  Markdown code span does;
- comments, the doctype, processing instructions, and ``<head>`` but for its ``<title>``.

``<br>`` stays inside its block (a protected tag the view reads as a space), as Markdown's hard break does, but
after a sentence's end or before a capital letter (session 29: an address's lines, a verse), where the block's
lines are read apart. An ``<img>`` in a block's prose reads as one name (its ``alt`` is an attribute: never read).

Since session 29: template syntax (``{{ }}``, ``{% %}``, ``{# #}``, ``<?php ?>``, ``<% %>``, ``${}``:
:func:`template_spans`) is protected and masked before parsing (a ``>`` in it ends no tag), and in a block's prose
reads as one name; inline tags inside a word (``<b>Ba</b>kı``) are the unit's ``meta["glued"]``
(:func:`page_spans`), which the garble view, the rules (:mod:`mtfix.rules.markup`) and the glossary read as
nothing, and an edit at them is placed by :func:`html_structure`.

>>> page = "<h1>Talks</h1><p>They <b>met</b> &amp; <code>x()</code> ran.</p>"
>>> s = html_spans(page)
>>> [page[r.start:r.end] for r in s.regions], [page[h.start:h.end] for h in s.headings]
(['Talks', 'They <b>met</b> &amp; <code>x()</code> ran.'], ['Talks'])
>>> [page[o.start:o.end] for o in s.opaque]
['<code>x()</code>']
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from typing import Any

from mtfix.formats.base import Container, Unit, utf8_under
from mtfix.formats.spans import MarkdownSpans, _gaps, _merge
from mtfix.formats.text import TextContainer
from mtfix.io.textfile import TextFile, decode, has_bom
from mtfix.model import Span

__all__ = ["GLUING", "RAW_TEXT", "HtmlFormat", "comment_unsafe_spans", "glued_runs", "html_spans", "html_structure", "html_textfile", "page_spans", "template_spans"]

#: elements that flow inside a block: their tags are markup inside the block's prose
INLINE = frozenset([
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "data", "del", "dfn", "em", "font", "i", "img", "ins",
    "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var", "wbr", "big",
])
#: the inline elements whose tags inside a word read as nothing (``<b>Ba</b>kı``): not a line break, not an image
GLUING = INLINE - {"br", "img"}
#: elements whose content is never prose (code samples, scripts, styles, form text, graphics)
PROTECTED = frozenset([
    "script", "style", "template", "pre", "code", "kbd", "samp", "textarea", "svg", "math", "noscript",
    "iframe", "object",
])
#: the protected elements that are code (an ``mtfix-ignore`` written there is an example, not a directive)
_CODE = frozenset(["script", "style", "template", "pre", "code", "kbd", "samp"])
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "title"))
VOID = frozenset([
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
])
_NOTRANSLATE = re.compile(r"(?:^|\s)notranslate(?:\s|$)")


def _untranslated(attrs: list[tuple[str, str | None]]) -> bool:
    """``translate="no"`` or the ``notranslate`` class (Google's, which most CMSs follow)."""
    for name, value in attrs:
        if name == "translate" and (value or "").strip().lower() == "no":
            return True
        if name == "class" and value and _NOTRANSLATE.search(value):
            return True
    return False


class _Events(HTMLParser):
    """Each construct of the page as (kind, file offset, tag or None, attributes)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.events: list[tuple[str, int, str | None, list]] = []

    def _add(self, kind: str, tag: str | None = None, attrs: list | None = None) -> None:
        line, col = self.getpos()
        self.events.append((kind, self.starts[line - 1] + col, tag, attrs or []))

    def handle_starttag(self, tag, attrs):
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._add("void", tag, attrs)

    def handle_endtag(self, tag):
        self._add("end", tag)

    def handle_data(self, data):
        self._add("data")

    def handle_entityref(self, name):
        self._add("ref")

    def handle_charref(self, name):
        self._add("ref")

    def handle_comment(self, data):
        self._add("markup")

    def handle_decl(self, decl):
        self._add("markup")

    def handle_pi(self, data):
        self._add("markup")

    def unknown_decl(self, data):
        self._add("markup")


#: template syntax a page may hold (session 29): ``{{ x }}`` and ``{{{ x }}}`` (Jinja, Django, Liquid, Handlebars,
#: Mustache, Vue, Angular), ``{% tag %}`` (Jinja, Django, Liquid, Nunjucks), ``{# comment #}`` (Jinja, Twig),
#: ``<?php … ?>`` and ``<?= … ?>`` (PHP; unclosed, to the end of the file, as PHP files end), ``<% … %>`` (ERB,
#: EJS, ASP, JSP) and ``${ x }`` (JavaScript template literals, JSP EL, FreeMarker)
_TEMPLATE = re.compile(r"\{\{\{.*?\}\}\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<\?(?:php\b|=).*?(?:\?>|\Z)|<%.*?%>"
                       r"|\$\{[^{}\n]*\}", re.DOTALL | re.IGNORECASE)
#: what a template span never crosses (a brace in a script is no template: ``if (a) {{ b }}`` must not hide a
#: ``</script>``)
_NOT_TEMPLATE = re.compile(r"</(?:script|style)\b", re.IGNORECASE)


def template_spans(text: str) -> list[tuple[int, int]]:
    """The template syntax in ``text`` (:data:`_TEMPLATE`), ascending and disjoint.

    >>> t = 'Hi {{ user.name }}, <a href="{% url home %}">home</a> <?php echo $a->b ?> ${x}'
    >>> [t[s:e] for s, e in template_spans(t)]
    ['{{ user.name }}', '{% url home %}', '<?php echo $a->b ?>', '${x}']
    """
    return [m.span() for m in _TEMPLATE.finditer(text) if not _NOT_TEMPLATE.search(m.group())]


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each template span's characters but newlines read as ``x`` (inert to the tokenizer: a ``>``
    in ``<?php $a->b ?>`` or ``{{ a > b }}`` ends no tag), offsets unchanged."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = ["\n" if c == "\n" else "x" for c in text[s:e]]
    return "".join(chars)


def html_spans(text: str) -> MarkdownSpans:
    """The prose regions of HTML ``text``, the spans to protect, the code among them, the headings and the
    protected spans that read as one name (see the module's docstring).  Template syntax (:func:`template_spans`)
    is protected and, inside a block's prose, reads as one name."""
    return page_spans(text)[0]


#: what a browser (HTML5's tokenizer) reads as one tag or comment where :class:`HTMLParser` gave up and passed text on
#: (session 52): a start or end tag whose quoted attribute value or ``>`` never comes runs to the closing quote and
#: the ``>`` after it, else to the end (``<div a="b c`` swallows the lines after it); an unclosed comment to the end
_UNFINISHED = re.compile(r"<!--.*?(?:-->|\Z)|</?[A-Za-z][^\s/>]*(?:\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z)|[^\"'>])*(?:>|\Z)",
                         re.DOTALL)


def page_spans(text: str) -> tuple[MarkdownSpans, list[Span], list[Span]]:
    """:func:`html_spans`, the glued inline tags and the unfinished tags: the glued ones are each run of inline tags (not ``<br>``, not ``<img>``) inside a
    block's prose with no blank on either side (``<b>Ba</b>kı``, ``Wash<span>ington</span>``), which a browser
    shows as nothing, so the two pieces read as one word (session 29); ``<b>snow</b> The`` keeps its space.
    A tag or comment the parser could not finish (an attribute's quote never closed) is markup to where a browser
    ends it (:data:`_UNFINISHED`), not prose; the third list holds those spans, which a browser shows nothing of
    (the page's reader says so: :class:`HtmlFormat`).

    >>> t = "<p><b>Ba</b>kı and Wash<span>ington</span> met <b>snow</b> The <i>end</i>.</p>"
    >>> [t[g.start:g.end] for g in page_spans(t)[1]]
    ['</b>', '<span>', '</i>']
    """
    templates = template_spans(text)
    masked = _masked(text, templates)
    parser = _Events(masked)
    parser.feed(masked)
    parser.close()
    events = parser.events
    bounds = [e[1] for e in events[1:]] + [len(text)] * bool(events)  # each construct ends where the next starts
    regions, protected, code, headings, opaque = [], [], [], [], []
    run: list[tuple[int, int]] = []  # the prose pieces (data, references) of the block being read
    run_heading = False
    held: tuple[str, int, int, bool] | None = None  # (tag, start, depth, inline) of the element protected whole
    stack: list[str] = []  # open elements that decide a block's kind (headings, head)
    names: set[tuple[int, int]] = set()  # the run's pieces that are no prose (inline tags, images, code)
    inline_tags: list[tuple[int, int]] = []  # the inline tags in blocks' prose that may glue two words

    def close_run() -> None:
        nonlocal run_heading
        first = next(((s, e) for s, e in run if text[s:e].strip()), None)
        if any(text[s:e].strip() and (s, e) not in names for s, e in run):  # prose, not names alone
            last = next((s, e) for s, e in reversed(run) if text[s:e].strip())
            start = first[0] + len(text[first[0]:first[1]]) - len(text[first[0]:first[1]].lstrip())
            end = last[0] + len(text[last[0]:last[1]].rstrip())
            regions.append((start, end))
            if run_heading:
                headings.append((start, end))
        run.clear()
        names.clear()
        run_heading = False

    unfinished_end = 0  # the end of the tag or comment the parser gave up on (its text then passed on as data)
    unfinished: list[tuple[int, int]] = []
    for (kind, start, tag, attrs), end in zip(events, bounds, strict=True):
        if start < unfinished_end:
            continue
        if kind == "data" and held is None and (broken := _UNFINISHED.match(masked, start)):
            unfinished_end = broken.end()
            protected.append((start, unfinished_end))
            unfinished.append((start, unfinished_end))
            close_run()
            continue
        if held is not None:  # inside an element protected whole: find its end tag
            htag, hstart, depth, inline = held
            if kind == "start" and tag == htag:
                held = (htag, hstart, depth + 1, inline)
            elif kind == "end" and tag == htag:
                if depth > 1:
                    held = (htag, hstart, depth - 1, inline)
                else:
                    _held_span(hstart, end, htag, inline, run, protected, code, opaque)
                    names.add((hstart, end))
                    held = None
            continue
        if kind == "start" and tag not in VOID and (tag in PROTECTED or _untranslated(attrs)):
            inline = tag in INLINE or tag in ("code", "kbd", "samp")
            if not inline:
                close_run()
            held = (tag, start, 1, inline)
            continue
        if kind in ("start", "void", "end") and tag in INLINE:
            protected.append((start, end))
            if tag == "img":
                opaque.append((start, end))
                run.append((start, end))
                names.add((start, end))
            elif tag == "br" and kind != "end" and (_ends_sentence(text, run, names) or _capital_after(text, end)):
                close_run()  # after a sentence's end, or before a capital: the block's lines are read apart
            elif run or kind != "end":  # in the block's region, as Markdown's inline HTML is in its paragraph's
                run.append((start, end))
                names.add((start, end))
                if tag in GLUING:
                    inline_tags.append((start, end))
            continue
        if kind in ("start", "void", "end", "markup"):
            protected.append((start, end))
            if kind == "markup" and run and text.startswith("<!--", start):
                continue  # a comment inside a block's prose (an mtfix-ignore directive) does not end it
            close_run()
            if kind == "start" and tag == "body":  # an unclosed head ends where the body starts
                stack[:] = [t for t in stack if t not in ("head", "title")]
            if kind == "start" and tag not in VOID:
                stack.append(tag)
            elif kind == "end" and tag in stack:
                del stack[len(stack) - 1 - stack[::-1].index(tag):]
            run_heading = any(t in HEADINGS for t in stack)
            continue
        # data or a reference
        if "head" in stack and "title" not in stack:  # a head's text but its title's (no body tag to close it)
            protected.append((start, end))
            continue
        if kind == "ref":
            protected.append((start, end))
        elif _figure_line(text, run, names, start):
            close_run()  # an image alone on the block's first line is no word of the sentence below it (session 45)
        for piece, template in _pieces(start, end, templates):
            run.append(piece)
            if template:
                protected.append(piece)
                opaque.append(piece)
                names.add(piece)
    if held is not None:  # never closed: protected to the end
        _held_span(held[1], len(text), held[0], held[3], run, protected, code, opaque)
    close_run()
    from mtfix.model import Span

    def spans(pairs: list[tuple[int, int]]) -> list[Span]:
        return [Span(s, e) for s, e in sorted(pairs)]

    protected += templates  # in prose already (pieces), in tags, the head, between blocks: merged below
    region_spans = spans(regions)
    return (MarkdownSpans(region_spans, _merge([*spans(protected), *_gaps(text, region_spans)]), spans(code),
                          spans(headings), spans(opaque)), glued_runs(text, inline_tags, regions), spans(unfinished))


def _figure_line(text: str, run: list[tuple[int, int]], names: set[tuple[int, int]], start: int) -> bool:
    """Whether the block read so far (``run``) is tags and blanks only, an image among them, and the text at
    ``start`` goes on after a line break: ``<img src=logo.png>`` alone on its line over a sentence, a figure or a
    logo a browser shows before the sentence, not a word of it ("Our" after it starts the sentence)."""
    if not run or any(p not in names and text[p[0]:p[1]].strip() for p in run):
        return False
    if not any(text[p[0]:p[0] + 4].lower() == "<img" for p in run):
        return False
    return _BREAK_FIRST.match(text, start) is not None


#: blanks then a line break (the text goes on on the next line)
_BREAK_FIRST = re.compile(r"[ \t\f]*[\r\n]")


def glued_runs(text: str, tags: list[tuple[int, int]], regions: list[tuple[int, int]]) -> list[Span]:
    """The runs of adjacent ``tags`` strictly inside a region with a non-blank character on either side: a page's
    glued tags, and a Markdown paragraph's (session 46, :func:`mtfix.formats.markdown.markdown_spans`)."""
    from bisect import bisect_right

    runs: list[list[int]] = []
    for s, e in sorted(tags):
        if runs and runs[-1][1] == s:
            runs[-1][1] = e
        else:
            runs.append([s, e])
    regions = sorted(regions)  # disjoint: the one that may hold a run is the last starting before it
    starts = [r[0] for r in regions]

    def inside(s: int, e: int) -> bool:
        k = bisect_right(starts, s - 1) - 1
        return k >= 0 and regions[k][0] < s and e < regions[k][1]

    return [Span(s, e) for s, e in runs if inside(s, e) and not text[s - 1].isspace() and not text[e].isspace()]


def _pieces(start: int, end: int, templates: list[tuple[int, int]]) -> list[tuple[tuple[int, int], bool]]:
    """The data ``[start, end)`` cut at the template spans in it: each piece, and whether it is one."""
    from bisect import bisect_left

    out: list[tuple[tuple[int, int], bool]] = []
    pos = start
    for s, e in templates[max(0, bisect_left(templates, (start, start)) - 1):]:
        if s >= end:
            break
        if e <= start:
            continue
        s, e = max(s, start), min(e, end)
        if pos < s:
            out.append(((pos, s), False))
        out.append(((s, e), True))
        pos = e
    if pos < end:
        out.append(((pos, end), False))
    return out


def html_structure(text: str) -> list[tuple]:
    """The structure of HTML ``text`` an edit must keep (session 29): its tags as written, and whether the text
    just inside each element starts or ends with a blank (a space moved into ``<b>snow </b>`` changes it, one
    after ``</b>`` does not), so that an insertion at glued tags goes after closing tags and before opening ones.

    >>> html_structure("<b>snow</b> The") == html_structure("<b>snow</b>The")
    True
    >>> html_structure("<b>snow </b>The") == html_structure("<b>snow</b>The")
    False
    """
    pieces = [(kind, text[start:end]) for (kind, start, _tag, _attrs), end in _events_to_ends(text)]
    out: list[tuple] = []
    for i, (kind, piece) in enumerate(pieces):
        if kind == "data":
            continue
        inside = ""  # the text just inside the element this tag opens or closes
        if kind == "start" and i + 1 < len(pieces) and pieces[i + 1][0] == "data":
            inside = pieces[i + 1][1][:1]
        elif kind == "end" and i > 0 and pieces[i - 1][0] == "data":
            inside = pieces[i - 1][1][-1:]
        out.append((kind, piece, inside.isspace()))
    return out


def _events_to_ends(text: str) -> list[tuple[tuple[str, int, str | None, list], int]]:
    """The parser's events on ``text`` (its templates masked), each with where it ends: where the next starts."""
    masked = _masked(text, template_spans(text))
    parser = _Events(masked)
    parser.feed(masked)
    parser.close()
    events = parser.events
    return list(zip(events, [e[1] for e in events[1:]] + [len(text)] * bool(events), strict=True))


#: what ends a sentence before a ``<br>`` (final punctuation, a closing quote or bracket after it)
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*\s*$")


#: the blanks and inline tags (not a line break) after a ``<br>``, then the first letter of the next line
_NEXT_LETTER = re.compile(r"(?:\s|<(?!br\b)/?[A-Za-z][^<>]*>)*([^\W\d_])", re.IGNORECASE)


def _capital_after(text: str, end: int) -> bool:
    """Whether the line after a ``<br>`` ending at ``end`` starts with a capital letter (an address's next line, a
    verse, lines listed by line breaks: session 29); a line wrapped by hand goes on in small letters.

    >>> _capital_after("oil<br> <b>Gas</b>", 7), _capital_after("oil<br>and gas", 7)
    (True, False)
    """
    m = _NEXT_LETTER.match(text, end)
    return bool(m) and m.group(1).isupper()


def _ends_sentence(text: str, run: list[tuple[int, int]], markup: set[tuple[int, int]]) -> bool:
    """Whether the prose read so far in the block ends a sentence (its inline tags skipped)."""
    tail = "".join(text[s:e] for s, e in [p for p in run if p not in markup][-3:])
    return bool(_SENTENCE_END.search(tail))


def _held_span(start: int, end: int, tag: str, inline: bool, run: list, protected: list, code: list,
               opaque: list) -> None:
    protected.append((start, end))
    if tag in _CODE:
        code.append((start, end))
    if inline:  # one name inside the block's prose
        opaque.append((start, end))
        run.append((start, end))


#: elements whose text a browser shows as written, a comment in it included: raw text (``script``, ``style``,
#: ``xmp``, ``iframe``, ``noembed``, ``noframes``, ``noscript``) and escapable raw text (``title``, ``textarea``)
RAW_TEXT = frozenset(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea"])


def comment_unsafe_spans(text: str) -> list[Span]:
    """The spans of HTML ``text`` strictly inside which an inserted ``<!-- … -->`` would not be a hidden comment
    (session 48, the language server's sentence comment): each tag (its attributes), comment, declaration and
    character reference, and each :data:`RAW_TEXT` element from its start tag to its end tag (to the end of the text
    when unclosed), ascending.

    >>> t = "<title>Dam news.</title><p class=x>Dam news.</p>"
    >>> [t[s.start:s.end] for s in comment_unsafe_spans(t)]
    ['<title>Dam news.</title>', '<p class=x>', '</p>']
    """
    out: list[Span] = []
    raw: tuple[str, int] | None = None  # the raw-text element open, and where its start tag starts
    for (kind, start, tag, _attrs), end in _events_to_ends(text):
        if raw is not None:
            if kind == "end" and tag == raw[0]:
                out.append(Span(raw[1], end))
                raw = None
            continue
        if kind == "start" and tag in RAW_TEXT:
            raw = (tag, start)
        elif kind != "data":
            out.append(Span(start, end))
    if raw is not None:
        out.append(Span(raw[1], len(text)))
    return out


# -- encoding ---------------------------------------------------------------------------------------

#: ``<meta charset="…">`` or ``<meta http-equiv="Content-Type" content="text/html; charset=…">``
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: labels browsers read as windows-1252 (the WHATWG Encoding Standard)
_AS_1252 = frozenset(("ascii", "latin-1", "iso8859-1", "cp1252"))


def declared_charset(raw: bytes) -> str | None:
    """The codec a ``<meta>`` in the first 1024 bytes declares (as browsers prescan them), or None.

    >>> declared_charset(b'<html><head><meta charset="ISO-8859-1">'), declared_charset(b"<p>x</p>")
    ('iso8859-1', None)
    """
    m = _META_CHARSET.search(raw[:1024])
    if m is None:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def html_textfile(raw: bytes, path: str | None) -> tuple[TextFile, str | None]:
    """The page's text and encoding, and a note when its declaration cannot be right.

    A byte-order mark decides; else the ``<meta>`` charset (a single-byte one such as ISO-8859-1, which
    browsers read as windows-1252); else UTF-8 (or ``--encoding``), as for a text file.  A page declared
    single-byte whose bytes are UTF-8 text is read as UTF-8, with a note (its declaration is most likely wrong).
    """
    codec = None if has_bom(raw) else declared_charset(raw)
    if codec is None or codec.startswith(("utf-8", "utf-16", "utf-32")):  # a meta saying UTF-16 means UTF-8
        return decode(raw, path), None
    if utf8_under(codec, raw):
        return decode(raw, path, "utf-8"), (f"line 1: the page declares {codec}, but it reads as UTF-8: it was "
                                             "read as UTF-8; is the declaration wrong?")
    for name in (("cp1252", codec) if codec in _AS_1252 else (codec,)):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if text.encode(name) == raw:
            return TextFile(text, name, b"", path), None
    return decode(raw, path), None


class HtmlFormat:
    name = "html"
    extensions = (".html", ".htm")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        tf, note = html_textfile(raw, path)
        unit = html_unit(tf.text)
        errors = [note] if note else []
        errors += [unfinished_note(tf.text, s) for s in unit.meta.get("unfinished", ())]
        return TextContainer(path=path, format=self.name, units=[unit], textfile=tf, errors=errors)


def unfinished_note(text: str, span: Span) -> str:
    r"""The warning for a tag or comment never finished (:func:`page_spans`' third list): a browser shows nothing of
    what it runs over, so neither is it checked; said, as MT that closes an attribute's quote with a curly one
    (``href="x”>``) hides the rest of the page (session 52's review).

    >>> from mtfix.model import Span
    >>> page = '<p>Hi.</p>\n<a href="x\u201d>link</a>\n<p>More.</p>\n'
    >>> note = unfinished_note(page, Span(11, len(page)))
    >>> note.startswith("line 2: a tag or comment is never closed"), note.endswith("nothing to line 3, and it is not checked")
    (True, True)
    """
    line = text.count("\n", 0, span.start) + 1
    last = text.count("\n", 0, max(span.start, span.end - 1)) + 1
    return (f"line {line}: a tag or comment is never closed (an attribute's quote?): a browser shows nothing "
            f"{'more of the line' if last == line else f'to line {last}'}, and it is not checked")


def html_unit(text: str) -> Unit:
    """The one unit of an HTML page's ``text``, as ``mtfix check`` and the language server read it (one place,
    session 45): its block text, protected markup, and ``meta["glued"]``, the inline tags inside a word (a page)."""
    spans, glued, unfinished = page_spans(text)
    meta: dict[str, Any] = {"glued": glued, "unfinished": unfinished} if unfinished else {"glued": glued}
    return Unit(None, text, regions=spans.regions, protected=spans.protected, code=spans.code,
                headings=spans.headings, opaque=spans.opaque, verbatim=True, meta=meta)
