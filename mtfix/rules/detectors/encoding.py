"""Mojibake: UTF-8 decoded as Windows-1252 or Latin-1 (``Ã©`` for ``é``), repaired with ftfy."""

from __future__ import annotations

from collections.abc import Iterable

from mtfix.caching import regexcache
from mtfix.model import Document, Scope
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.tokens import LazyPattern

# Mojibake starts with one of these lead characters followed by another
# character from the Latin-1 / Windows-1252 range; clean text rarely has that.
_SUSPECT = regexcache.compile(r"[ÂÃÄÅâ][\u0080-\u017f\u02c6\u02dc\u2013-\u2122]")
_RUN = LazyPattern(r"\S+")
_BEFORE = LazyPattern(r"\S*\Z")  # \Z: "$" also matches before a final newline


@detector("mojibake", scope=Scope.SEGMENT)
def mojibake(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """Each whitespace-free run that ftfy can decode back is one finding."""
    if not any(c in doc.text for c in "ÂÃÄÅâ") or not _SUSPECT.search(doc.text):
        return  # the lead characters first: a scan in C each, which most texts end at
    import ftfy

    done = -1
    for s in _SUSPECT.finditer(doc.text):
        if s.start() < done:
            continue
        start = s.start() - len(_BEFORE.search(doc.text, max(0, s.start() - 64), s.start()).group())
        m = _RUN.match(doc.text, start)
        done = m.end()
        token = m.group()
        fixed = ftfy.fix_encoding(token)
        if fixed != token:
            yield Hit(m.start(), m.end(), fixed, message=f"mojibake: '{token}' should read '{fixed}'")
