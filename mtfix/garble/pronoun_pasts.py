"""An irregular past the tagger read as a noun after an object pronoun in a subject's place (session 33).

MTF407's case-role sign (:func:`mtfix.garble.structural_signs._structural`) flags "Her", "Him", "Them", "Me" or "Us" opening a
clause right before a finite verb ("Him said ...", "Them went ...").  After "Her" the tagger, which knows "her" as a
possessive, often reads the verb as the possessive's noun ("Her told reporters ..." → told/NN), so the sign never
saw a verb.  English morphology says what the word is: an irregular past or participle (``mtfix.text.lexicon``'s closed
list) that is no noun, which neither the list of past homographs (``structural_signs.PAST_HOMOGRAPHS``: "left", "saw", "set")
nor an everyday "-s" form ("bids", "bets", "thoughts", "spokes": wordfreq) makes one.  Before a noun a participle is
an adjective ("Her lost keys were ...", "Her given name is ..."), so the word must take an object the way a verb
does: an article, a possessive, a pronoun, a preposition or an adverb right after it ("Her gave a speech ...",
"Her went to ..."), or one word and then an article, a possessive, a pronoun or "that" ("Her told reporters the
talks ...", "Him told us that ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from mtfix.text.lexicon import IRREGULAR_FORMS, zipf

#: The Zipf frequency from which a form's "-s" form is an everyday word, so the form may be a noun ("bids" 3.x,
#: "thoughts" 4.8, "spokes" 2.8; "tolds", "wents", "gaves" are no words).
NOUN_PLURAL_ZIPF = 2.0
#: What a verb takes right after it and an adjective before its noun does not.
_VERB_NEXT = frozenset({"DT", "PDT", "PRP$", "PRP", "IN", "TO", "RB", "RP", "CD"})
#: What opens the clause or second object after a verb's first object ("told reporters the ...", "told us that").
_OBJECT_THEN = frozenset({"DT", "PDT", "PRP$", "PRP"})


@lru_cache(maxsize=512)
def is_pronoun_past(word: str, homographs: frozenset[str] = frozenset()) -> bool:
    """Whether ``word`` (lower case) is an irregular past or participle that is no noun: "told", "went", "gave";
    not one of ``homographs`` (the signs' past homographs: "saw", "left"), nor "bid", "thought" (their "-s" forms
    are words)."""
    return word in IRREGULAR_FORMS and word not in homographs and zipf(word + "s") < NOUN_PLURAL_ZIPF


def misread_past(tags: Sequence[str], lower: Sequence[str], i: int, homographs: frozenset[str] = frozenset()) -> bool:
    """Whether the word after the pronoun at ``i`` is a past tense the tagger misread (:func:`is_pronoun_past`, not
    one of ``homographs``) that takes an object as a verb does ("Her told reporters the talks had failed.")."""
    v = i + 1
    if v + 1 >= len(tags) or tags[v] in ("VBD", "VBZ", "VBP", "MD") or not is_pronoun_past(lower[v], homographs):
        return False
    if tags[v + 1] in _VERB_NEXT or lower[v + 1] == "that":
        return True
    return v + 2 < len(tags) and lower[v + 1].isalpha() and (tags[v + 2] in _OBJECT_THEN or lower[v + 2] == "that")
