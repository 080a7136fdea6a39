"""An initial glued to the surname after it: ``A.Karimova`` → ``A. Karimova`` (MTF132)."""

from __future__ import annotations

from collections.abc import Iterable

from mtfix.model import Document
from mtfix.rules.detectors.glued import writes_code
from mtfix.rules.detectors.registry import Context, Hit, detector, document_text
from mtfix.text.lexicon import is_common, is_word, zipf, zipf_at_least
from mtfix.text.tokens import LazyPattern

# One to three capital initials, each with its full stop, glued to a capitalised word of three letters or more
# that has no inner capital ("ByteString") and stands alone: not inside a URL, an e-mail address, a handle, a
# hashtag, a file or domain name ("A.Smithson.com"), a path, a call ("A.Method()") or a citation that goes on
# with a dot and a letter or digit ("F.Supp.2d"); a full stop before a glued sentence ("A.Karimova.Then he")
# ends the name.
_GLUED_INITIAL = LazyPattern(
    r"(?<![\p{L}\p{N}_.@/\\#$%&=:'’-])(?P<initials>(?:\p{Lu}\.){1,3})(?P<name>\p{Lu}\p{Ll}{2,})"
    r"(?![\p{L}\p{N}_@/\\(\[{<=-]|\.(?!\p{Lu}\p{Ll}+[ \t])[\p{L}\p{N}]|:[\p{L}\p{N}]|::)"
)
#: English derivational endings: a word built on an everyday stem with one is a word, not a surname
#: ("Drawable", "Severability", "Fairness").
_SUFFIXES = ("ability", "ibility", "able", "ible", "ment", "ness", "less")


@detector("glued_initial")  # document scope: whether the text writes code is read in the whole document
def glued_initial(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``A.Karimova`` → ``A. Karimova``: the space after an initial put back before a name.

    Each line is read as one list: when any closed-up initial on it stands before a word
    (:func:`_reads_as_word`: a qualified name in code, a bacterium, a section label, a brand), the writer
    closes initials up there and none on the line is flagged ("T.Henry, D.Beckham and Z.Zidane", "E.Coli
    and S.Aureus", "I.Preamble and B.Recitals").  Nothing is flagged where the document writes code
    (:func:`mtfix.rules.detectors.glued.writes_code`, as MTF103 reads it).
    """
    if "." not in doc.text:
        return
    matches = list(_GLUED_INITIAL.finditer(doc.text))
    if not matches or writes_code(document_text(doc, ctx), None):
        return
    closed_up_lines = {_line(doc.text, m.start()) for m in _ALL_INITIALS.finditer(doc.text)
                       if _reads_as_word(m.group("name"), rule.params)}
    for m in matches:
        if _line(doc.text, m.start()) in closed_up_lines:
            continue
        initials, name = m.group("initials"), m.group("name")
        yield Hit(m.start(), m.end(), f"{initials} {name}",
                  message=f"no space between the initial '{initials}' and the name '{name}'")


#: Every closed-up initial before a capitalised word, whatever follows it: what tells a line's house style.
_ALL_INITIALS = LazyPattern(r"(?<![\p{L}\p{N}_.@/\\#$%&=:'’-])(?:\p{Lu}\.){1,3}(?P<name>\p{Lu}[\p{L}]+)")


def _line(text: str, at: int) -> int:
    """The offset where the line holding ``at`` starts."""
    return text.rfind("\n", 0, at) + 1


def _reads_as_word(name: str, params: dict) -> bool:
    """Whether ``name`` after an initial is a word rather than a surname: an English word a dictionary would
    have (Zipf ``params.max_zipf`` or more), one of ``params.other_langs`` that is common there
    (Zipf ``params.other_max_zipf``), a name with an inner capital, or an everyday stem with an English
    derivational ending (:data:`_SUFFIXES`)."""
    if not name[1:].islower():
        return True
    if zipf(name) >= float(params.get("max_zipf", 2.0)):
        return True
    other_ceiling = float(params.get("other_max_zipf", 4.0))
    if any(zipf_at_least(name, lang, other_ceiling) for lang in params.get("other_langs", ())):
        return True
    low = name.lower()
    return any(low.endswith(s) and len(low) - len(s) >= 3
               and (is_common(low[: -len(s)]) or is_word(low[: -len(s)] + "e")) for s in _SUFFIXES)
