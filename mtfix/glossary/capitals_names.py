"""Words of a headline in capitals, read as names for the near-miss tier (session 41).

The misspelling check (MTF302) reads capitalised words ("Zurabishvily"); a headline in capitals writes every word
so ("ZURABISHVILY WARNS"), and a misspelt surname is most visible there.  On a line with letters in capitals and
none in lower case (``str.isupper``: the test of :func:`mtfix.glossary.matcher.capitals_line`, the gate the
glossary reads every headline in capitals by), a word of five capitals or more is read by its title-case folding
("Zurabishvily") and asked as a capitalised word is; a fix keeps the capitals ("ZURABISHVILI").  Words of four capitals or fewer are left out:
on such a line they are mostly acronyms ("NATO", "OSCE", "CSTO"), and no name the tier knows is shorter than five
letters.  A word with a digit, an underscore or a dot inside (a code: "E4021", "SKU_ALIEV", "ALIEV.PDF") is no
word here; a folded word that is an English word ("MARKET", "REPORT") is left alone by the tier itself.

>>> [(m.group(), title_folding(m.group())) for m in capitals_words("ZURABISHVILY WARNS OF NATO PLAN\\nZurabishvily spoke.")]
[('ZURABISHVILY', 'Zurabishvily'), ('WARNS', 'Warns')]
>>> capitals_words("Zurabishvily WARNS")
[]
"""

from __future__ import annotations

import regex

from mtfix.caching import regexcache
from mtfix.text.tokens import lower_same_length

#: Words of five capitals or more, not inside URLs, e-mail addresses, dotted names or codes (as
#: :data:`mtfix.glossary.consistency.CAP_TOKEN` reads capitalised words).
CAPS_WORD = regexcache.compile(r"(?<![\p{L}\p{M}\p{N}_.@/])\p{Lu}{5,}(?![\p{L}\p{M}\p{N}_@/]|\.\p{L})")


def capitals_words(text: str) -> list[regex.Match]:
    """The matches of :data:`CAPS_WORD` on lines in capitals: words of five capitals or more (capitalised words are
    the matches of :data:`mtfix.glossary.consistency.CAP_TOKEN`; a word is in capitals when ``str.isupper``)."""
    out: list[regex.Match] = []
    at = 0
    for line in text.split("\n"):  # str.isupper is capitals_line's test of a line, in C: most lines fail it at once
        if line.isupper():
            out += CAPS_WORD.finditer(text, at, at + len(line))
        at += len(line) + 1
    return out


def title_folding(word: str) -> str:
    """A word in capitals as a capitalised word: "ZURABISHVILY" → "Zurabishvily" (offsets kept: "İ" stays)."""
    return word[0] + lower_same_length(word[1:])
