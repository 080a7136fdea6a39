"""Reverential capitals: the pronouns that stand for God, capitalised in liturgy and scripture.

Reverential capitals: liturgy, hymns, prayers and scripture capitalise the pronouns that stand for God
("Give thanks to the Lord, for He is good", "in His great mercy", "Trust in Him"), session 23.

Machine translation capitalises a pronoun in mid-sentence when it splices a clause ("minister He visited");
the capital rule (MTF104) and the detector's ``capital_midsentence`` sign read it so.  A sentence that names God
(a closed list of the words English uses for God, "Lord" only where no name or post follows it: "the Lord
Mayor" is a title; "the Father" only where no "of" or name follows it: "the Father of the Nation"), or that capitalises a pronoun no clause opens with in mid-sentence ("in Him", "Thy word"),
capitalises its "He", "His" and "Him" out of reverence.

>>> reverent(["Give", "thanks", "to", "the", "Lord", ",", "for", "He", "is", "good", "."])
True
>>> reverent(["Trust", "in", "Him", ",", "and", "He", "will", "guide", "you", "."])
True
>>> reverent(["The", "Lord", "Mayor", "said", "He", "would", "resign", "."])
False
>>> reverent(["The", "minister", "thanked", "them", ",", "for", "He", "is", "the", "leader", "."])
False
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

#: Pronouns a reverent text capitalises for God (the capital rule and the detector read only some of them).
PRONOUNS = frozenset({"He", "His", "Him", "Himself", "Thou", "Thee", "Thy", "Thine", "Thyself"})

#: Words English uses for God (and the Holy Spirit, with "Holy" before it); "Lord" apart (see :func:`reverent`).
_DEITY = frozenset(
    {"God", "Christ", "Jesus", "Almighty", "Allah", "Saviour", "Savior", "Redeemer", "Messiah", "Yahweh", "Jehovah"}
)

#: What stands before "Father" when it names God ("the Father", "Our Father", "O Father", "heavenly Father").
_BEFORE_FATHER = frozenset({"the", "The", "Our", "our", "O", "heavenly", "Heavenly", "almighty", "Almighty"})

#: Capitalised pronouns no clause opens with: in mid-sentence only reverence capitalises them.
_OBJECT_FORMS = frozenset({"Him", "Himself", "Thee", "Thy", "Thine", "Thyself"})

#: What may stand before a word that opens a sentence or a quotation.
_OPENERS = frozenset({".", "!", "?", '"', "“", "‘", "'", "(", "[", "``"})

_WORD = regex.compile(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")


def reverent(words: Sequence[str]) -> bool:
    """Whether a sentence, given as its tokens, speaks of God: it names God, or capitalises "Him", "Thee",
    "Thy" and the like after a word in mid-sentence."""
    n = len(words)
    for j, w in enumerate(words):
        if w in _DEITY:
            return True
        if w == "Lord" and (j + 1 == n or not words[j + 1][:1].isupper()):  # not "the Lord Mayor"
            return True
        if w == "Holy" and j + 1 < n and words[j + 1] in ("Spirit", "Ghost"):
            return True
        if (
            w == "Father"
            and j > 0
            and words[j - 1] in _BEFORE_FATHER
            and (j + 1 == n or words[j + 1] != "of" and not words[j + 1][:1].isupper())
        ):
            return True  # "pray to the Father", "Our Father"; not "the Father of the Nation", "Father Brown"
        if w in _OBJECT_FORMS and j > 0 and words[j - 1] not in _OPENERS:
            return True
    return False


def reverent_text(text: str) -> bool:
    """:func:`reverent` of a sentence given as text."""
    return reverent(_WORD.findall(text))
