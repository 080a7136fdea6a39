"""What an editor's post-edit of a page's sentence must keep (session 29).

The report's text box holds an HTML sentence as it is written (``It was <b>snow</b> &amp; <a href="/x">trains</a>``),
so the editor retypes markup along with the words. A correction of a page keeps the sentence's markup
(:func:`markup`: its tags with their attributes, its template spans such as ``{{ user.name }}`` or ``<?php ?>``, its
comments, and protected elements such as ``<code>…</code>`` whole) exactly, in order: :func:`markup_change` says what
a text dropped, changed, moved or added. Its text is page text: a ``<`` or an ``&`` that starts no tag and no
character reference (:func:`bare`) is not valid there (``&copy2024`` reads "©2024"); the report writes them as
``&lt;`` and ``&amp;`` (:func:`escape_bare`) and ``fix --decisions`` refuses a decisions file that holds one.
A Markdown post-edit keeps its links' destinations, code spans and inline HTML (:func:`markdown_markup`).

>>> markup_change('It was <b>snow</b> <a href="/x">trains</a>.', 'It was snow <a href="/x">trains</a>.')
'drops the tags <b>, </b>'
>>> markup_change('See <a href="/x">it</a>.', 'See <a href="/y">it</a>.')
'changes the tag <a href="/x"> to <a href="/y">'
>>> escape_bare("R&D & <5% &amp; <b>x</b>")
'R&amp;D &amp; &lt;5% &amp; <b>x</b>'
"""

from __future__ import annotations

import re
from collections import Counter
from html.entities import html5

from mtfix.formats.html import template_spans

__all__ = ["bare", "escape_bare", "markdown_markup", "markup", "markup_change", "page_correction_problem"]

_ATTRS = r"""(?:[^<>"']|"[^"]*"|'[^']*')*"""
#: the page's markup, after template spans are masked: comments (and ``<!…>``), elements protected whole (as
#: :mod:`mtfix.formats.html` protects them), tags
_MARKUP = re.compile(
    r"<!--.*?-->|<![^<>]*>"
    r"|<(script|style|template|pre|code|kbd|samp|textarea|svg|math|noscript|iframe|object)\b" + _ATTRS + r">.*?</\1\s*>"
    r"|</?[A-Za-z][^\s/<>]*" + _ATTRS + ">",
    re.DOTALL | re.IGNORECASE)
#: a complete character reference: numeric, or named with its semicolon
_REF = re.compile(r"&(?:#[0-9]+;|#[xX][0-9A-Fa-f]+;|([A-Za-z][A-Za-z0-9]*;))")


#: what a Markdown post-edit keeps: a link's or image's destination (``](https://…)``), an autolink, a code span, an
#: inline HTML tag (emphasis is the editor's to change: the report warns, nothing refuses it)
_MD_MARKUP = re.compile(r"""\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)|\]\[[^\[\]]*\]"""
                        r"|<(?:https?|mailto|ftp):[^<>\s]+>|``[^`]+``|`[^`]+`|</?[A-Za-z][^<>]*>")


def markdown_markup(text: str) -> list[tuple[int, int]]:
    """The spans of a Markdown sentence's markup a post-edit keeps (:data:`_MD_MARKUP`).

    >>> t = "See [the plan](https://x.org/a_(b)) and `run()` <br> or [ref][1] **now**."
    >>> [t[s:e] for s, e in markdown_markup(t)]
    ['](https://x.org/a_(b))', '`run()`', '<br>', '][1]']
    """
    return [m.span() for m in _MD_MARKUP.finditer(text)]


def markup(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s markup, ascending: template spans (but those inside a tag, which is one span with
    them), comments, elements protected whole, tags.

    >>> t = 'Hi {{ name }}, <a href="{{ url }}">go</a> <code>a < b</code>'
    >>> [t[s:e] for s, e in markup(t)]
    ['{{ name }}', '<a href="{{ url }}">', '</a>', '<code>a < b</code>']
    """
    templates = template_spans(text)
    masked = list(text)
    for s, e in templates:
        masked[s:e] = "x" * (e - s)
    tags = [m.span() for m in _MARKUP.finditer("".join(masked))]
    outside = [t for t in templates if not any(s <= t[0] and t[1] <= e for s, e in tags)]
    return sorted(tags + outside)


def bare(text: str) -> list[int]:
    """The offsets of ``text``'s ``<`` and ``&`` that start no markup and no complete character reference.

    >>> bare("a < b &amp; AT&T &copy2024 <i>x</i> {{ a<b }}")
    [2, 14, 17]
    """
    spans = markup(text)
    out = []
    for m in re.finditer(r"[<&]", text):
        k = m.start()
        if any(s <= k < e for s, e in spans):
            continue
        if text[k] == "&" and (ref := _REF.match(text, k)) and (ref.group(1) is None or ref.group(1) in html5):
            continue
        out.append(k)
    return out


def escape_bare(text: str) -> str:
    """``text`` with its :func:`bare` ``<`` and ``&`` written as ``&lt;`` and ``&amp;`` (as the report saves them)."""
    out, pos = [], 0
    for k in bare(text):
        out += [text[pos:k], "&lt;" if text[k] == "<" else "&amp;"]
        pos = k + 1
    return "".join(out) + text[pos:]


def _kind(token: str) -> str:
    if token.startswith(("](", "][")) or token.startswith(("<http", "<mailto:", "<ftp:")):
        return "link"
    if token.startswith("`"):
        return "code span"
    if token.startswith("<!--"):
        return "comment"
    if token.startswith("<") and not token.startswith(("<?", "<%")):
        return "tag" if token.count("<") == 1 or not token[1:2].isalpha() else "element"
    return "template span"


def _name(token: str) -> str:
    """What a changed token is the same thing as: a tag's name (``/a`` for ``</a>``), else its kind."""
    m = re.match(r"<(/?[A-Za-z][^\s/<>]*)", token)
    return m.group(1).lower() if m and _kind(token) != "element" else _kind(token)


def _listed(tokens: list[str]) -> str:
    """"the tags <b>, </b>, <i>": every token (until session 30 the first three and a count of the rest, which left
    the editor guessing what else to put back)."""
    kinds = {_kind(t) for t in tokens}
    word = kinds.pop() if len(kinds) == 1 else "markup"
    more = "s" if len(tokens) > 1 and word != "markup" else ""
    return f"the {word}{more} {', '.join(tokens)}"


def _changes(lost: list[str], new: list[str]) -> str:
    """What a post-edit did to the markup it ``lost`` and the ``new`` markup it has (each in its text's order): each
    lost token with the same name (:func:`_name`) as a new one is changed to the first such, the rest are dropped and
    added ("changes the tag <a href="/x"> to <a href="/y"> and drops the tags <b>, </b>")."""
    left = list(new)
    pairs: list[tuple[str, str]] = []
    dropped: list[str] = []
    for t in lost:
        to = next((n for n in left if _name(n) == _name(t)), None)
        if to is None:
            dropped.append(t)
        else:
            left.remove(to)
            pairs.append((t, to))
    parts = []
    if pairs:
        parts.append("changes " + ", ".join(f"{_listed([a])} to {b}" for a, b in pairs))
    parts += [f"{verb} {_listed(ts)}" for verb, ts in (("drops", dropped), ("adds", left)) if ts]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def markup_change(original: str, text: str, fmt: str = "html") -> str | None:
    """None when ``text`` keeps ``original``'s :func:`markup` exactly and in order; else what it did to it ("drops
    the tag </a>", "changes the template span {{ a }} to {{ b }}", "moves the tag </b>", "adds the tag <i>"), naming
    every piece lost or added, each named (:func:`_changes`).

    >>> markup_change("<b>a</b> {{ x }}", "{{ x }} <b>a</b>"), markup_change("a {{ x }}", "a {{ y }}")
    ('moves the tag <b>', 'changes the template span {{ x }} to {{ y }}')
    """
    spans = markdown_markup if fmt == "markdown" else markup
    was = [original[s:e] for s, e in spans(original)]
    now = [text[s:e] for s, e in spans(text)]
    if was == now:
        return None
    lost = list((Counter(was) - Counter(now)).elements())
    lost.sort(key=was.index)
    new = list((Counter(now) - Counter(was)).elements())
    new.sort(key=now.index)
    if not lost and not new:
        moved = next(a for a, b in zip(was, now, strict=True) if a != b)
        return f"moves {_listed([moved])}"
    return _changes(lost, new)


#: what a refused correction of a page must do instead
KEEP = ("a post-edit keeps every tag, template span and comment of the sentence as it was, in order (the page "
        "needs them)")


def page_correction_problem(page: str, regions: list[tuple[int, int]], start: int, end: int, replacement: str) -> str | None:
    """Why the correction of ``page[start:end]`` to ``replacement`` cannot be written into the page, or None: it is
    not inside one prose block (``regions``), it cuts a tag or a template span, it does not keep the markup of the
    text it replaces (:func:`markup_change`), or it holds a bare ``<`` or ``&`` (:func:`bare`).

    >>> page_correction_problem("<p>A <b>b</b> c.</p>", [(3, 16)], 3, 16, "A b c.")
    'drops the tags <b>, </b>: a post-edit keeps every tag, template span and comment of the sentence as it was, in order (the page needs them)'
    """
    if not any(s <= start and end <= e for s, e in regions):
        return (f"offsets {start}-{end} are not in the prose of the page (a block's text, as the report shows it): "
                "a correction never rewrites tags, scripts, styles or the head")
    for s, e in markup(page):
        if s < start < e or s < end < e:
            return f"offsets {start}-{end} cut {_listed([page[s:e]])}: {KEEP}"
    change = markup_change(page[start:end], replacement)
    if change:
        return f"{change}: {KEEP}"
    loose = bare(replacement)
    if loose:
        k = loose[0]
        near = replacement[max(0, k - 20):k + 20]
        return (f"has a bare {replacement[k]!r} at offset {k} of its replacement ({near!r}): in a page it "
                f"{'may start a tag' if replacement[k] == '<' else 'may start a character reference'}; write "
                f"{'&lt;' if replacement[k] == '<' else '&amp;'} (the report's text box does it as you save)")
    return None
