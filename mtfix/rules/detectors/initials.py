"""An initial glued to the surname after it: ``J.Smithson`` → ``J. Smithson`` (MTF132)."""

from __future__ import annotations

from collections.abc import Iterable

from mtfix.model import Document, Scope
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.lexicon import zipf, zipf_at_least
from mtfix.text.tokens import LazyPattern

# One to three capital initials, each with its full stop, glued to a capitalised word of three letters or more
# that has no inner capital ("ByteString") and stands alone: not inside a URL, an e-mail address, a handle, a
# hashtag, a file or domain name ("A.Smithson.com"), a path or a call ("A.Method()").
_GLUED_INITIAL = LazyPattern(
    r"(?<![\p{L}\p{N}_.@/\\#$%&=:'’-])(?P<initials>(?:\p{Lu}\.){1,3})(?P<name>\p{Lu}\p{Ll}{2,})"
    r"(?![\p{L}\p{N}_@/\\(\[{<=-]|[.:]\p{L}|::)"
)


# It reads the character before the initials and the two after the name, which may stand beside the sentence's cut
# (as MTF111 and MTF112 read the dot before a sentence's start): ``NEIGHBOURS``.
@detector("glued_initial", scope=Scope.NEIGHBOURS)
def glued_initial(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``A.Karimova`` → ``A. Karimova``: the space after an initial put back before a name.

    The word after the initials must be no everyday English word (Zipf below ``params.max_zipf``): a
    qualified name in code ("T.Text", "L.Marker", "M.Map") and a brand that writes its capital after a dot
    ("J.Crew") read as words; a name MT glued to its initial ("O.Arzikulov") does not.  Nor may it be a
    common word of one of ``params.other_langs`` (Zipf ``params.other_max_zipf`` or more): a brand built
    on a German or French word ("R.Politik"-style firm names) is left.
    """
    if "." not in doc.text:
        return
    ceiling = float(rule.params.get("max_zipf", 3.0))
    other_ceiling = float(rule.params.get("other_max_zipf", 4.0))
    other_langs = tuple(rule.params.get("other_langs", ()))
    for m in _GLUED_INITIAL.finditer(doc.text):
        initials, name = m.group("initials"), m.group("name")
        if zipf(name) >= ceiling or any(zipf_at_least(name, lang, other_ceiling) for lang in other_langs):
            continue
        yield Hit(m.start(), m.end(), f"{initials} {name}",
                  message=f"no space between the initial '{initials}' and the name '{name}'")
