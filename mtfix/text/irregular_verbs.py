"""The present tenses of English irregular verbs, told by morphology from their pasts (session 40).

A verb is irregular when its past or participle is no "-ed" form: "arise" → "arose", "arisen".  Which bases those
pasts belong to follows a handful of English sound changes (ablaut), so the "-s" present of an irregular verb
need not be listed: :func:`irregular_base` asks whether one of the forms those changes give a base is a past or
participle of :data:`mtfix.text.lexicon.IRREGULAR_FORMS` (the hand list of English irregular pasts; three more
here), and whether
the base is an everyday verb (:func:`mtfix.text.lexicon.is_everyday_verb`: its "-ing" form is an everyday word).
Both must hold: "cats" would give "cut" (a → u), but "catting" is no everyday word; "pages" gives no past at all.
A past has one owner (session 41): when the changes give one past to several everyday verbs ("sat": "sit", "seat";
"spoke": "speak", "spike"; "sought": "sing", "seek"), it is the past of the one whose "-ing" form is the most
frequent (:func:`past_owner`); another verb that has it only by the changes and has an everyday regular past
("seated", "spiked") is regular, so "seats", "spikes", "wires" are no irregular presents, while "seeks" ("seeked" is no
everyday word) stays one.

>>> irregular_present("arises"), irregular_present("overtakes"), irregular_present("weeps")
(True, True, True)
>>> irregular_present("pages"), irregular_present("cats"), irregular_present("gardens")
(False, False, False)
>>> irregular_present("seats"), irregular_present("spikes"), irregular_present("sits"), irregular_present("seeks")
(False, False, True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from mtfix.text.plurals import ES_ENDS

#: A base's last vowel group ("rise" → "i", "blow" → "ow", "freeze" → "ee"): it changes in the past ("rose").
_VOWEL_GROUP = re.compile(r"[aeiou]+[wy]?|y$")
#: What the last vowel group of a base ending in a consonant becomes in a past or participle: "sing" → "sang",
#: "sung"; "hang" → "hung"; "fall" → "fell"; "get" → "got"; "run" → "ran"; "hold" → "held"; "feed" → "fed";
#: "speak" → "spoke"; "eat" → "ate"; "shoot" → "shot"; "blow" → "blew"; "fly" → "flew"; "find" → "found".
_SHORT_CHANGES = {"i": ("a", "u", "o"), "a": ("u", "e"), "e": ("o",), "u": ("a",), "o": ("e",), "ee": ("e",),
                  "ea": ("e", "o", "a"), "oo": ("o",), "aw": ("ew",), "ow": ("ew",), "y": ("ew",)}
#: ... of a base ending in a silent "e" (a long vowel): "rise" → "rose", "give" → "gave", "take" → "took",
#: "wake" → "woke", "come" → "came", "freeze" → "froze", "choose" → "chose".
_LONG_CHANGES = {"i": ("o", "a"), "a": ("oo", "o"), "o": ("a",), "ee": ("o",), "oo": ("o",)}
#: Endings that change whole: "bring" → "brought", "teach" → "taught", "stand" → "stood", "sell" → "sold",
#: "leave" → "left", "make" → "made", "strike" → "struck", "say" → "said", "have" → "had".
_ENDING_CHANGES = (("ing", "ought"), ("ink", "ought"), ("eek", "ought"), ("ight", "ought"), ("uy", "ought"),
                   ("each", "aught"), ("atch", "aught"), ("and", "ood"), ("ell", "old"), ("eave", "eft"),
                   ("ake", "ade"), ("ike", "uck"), ("ay", "aid"), ("ave", "ad"))
#: Irregular pasts :data:`mtfix.text.lexicon.IRREGULAR_FORMS` lacks: that list feeds the detector's analysis
#: (``prefixed_stem``, ``pronoun_pasts``), which a new entry would change; here they only tell a base.
_MORE_PASTS = frozenset({"came", "heard", "strode"})
#: Prefixes that make a verb of an irregular one and keep its forms irregular ("withdraws", "overtakes").
_VERB_PREFIXES = ("with", "under", "over", "out", "fore", "mis", "re", "up", "be")


def _past_candidates(base: str) -> set[str]:
    """The forms English morphology may give ``base`` as an irregular verb's past or participle: a participle in
    "-n"/"-en" ("arisen", "eaten", "bitten"), a past in "-t" ("dealt", "bent", "lost", "kept"), the base less its
    "e" ("slid"), a vowel changed (:data:`_SHORT_CHANGES`, :data:`_LONG_CHANGES`), an ending changed whole."""
    silent_e = len(base) > 2 and base.endswith("e") and base[-2] not in "aeiou"
    stem = base[:-1] if silent_e else base
    out = {base + "n", base + "en", stem + stem[-1] + "en"}
    if silent_e:
        out.add(stem)
    if base.endswith(("l", "n", "p")):
        out.add(base + "t")
    if base.endswith(("nd", "ld", "ll")):
        out.add(base[:-1] + "t")  # "bend" → "bent", "build" → "built", "dwell" → "dwelt"
    if base.endswith("se"):
        out.add(base[:-2] + "st")  # "lose" → "lost"
    if base.endswith(("ee", "ear")):
        out.add(base[:-1] + "d" if base.endswith("ee") else base + "d")  # "flee" → "fled", "hear" → "heard"
    groups = list(_VOWEL_GROUP.finditer(stem))
    if groups:
        g = groups[-1]
        head, group, tail = stem[: g.start()], g.group(), stem[g.end():]
        for vowel in (_LONG_CHANGES if silent_e else _SHORT_CHANGES).get(group, ()):
            changed = head + vowel + tail
            if silent_e:
                out.add(changed if vowel == "oo" else changed + "e")  # "take" → "took", "rise" → "rose"
            else:
                out.update((changed, changed + "e"))  # "sing" → "sang", "speak" → "spoke"
            if group in ("ee", "ea") and not silent_e:
                out.add(changed + "t")  # "keep" → "kept", "feel" → "felt"
        if group == "i" and tail == "nd":
            out.add(head + "ound")  # "find" → "found"
    for ending, past in _ENDING_CHANGES:
        if base.endswith(ending):
            out.add(base[: -len(ending)] + past)
    return out


def _ing_zipf(base: str) -> float:
    """The Zipf frequency of ``base``'s most frequent "-ing" form ("sit" → "sitting")."""
    from mtfix.text.lexicon import _ing_forms, zipf

    return max((zipf(f) for f in _ing_forms(base)), default=0.0)


def derive_past_owners() -> dict[str, str]:
    """Each irregular past or participle → the everyday verb it belongs to: of the everyday verbs whose
    :func:`_past_candidates` give it (found from the "-ing" words of wordfreq's small English list), the one whose
    "-ing" form is the most frequent ("sat" → "sit": "sitting" 4.86 against "seating" 3.77).  Derived once and kept
    as :data:`PAST_OWNERS` (deriving reads the large word list: 0.2 s of CPU, which every cold check paid in the
    first merge of session 41); tests/text/test_irregular_verbs_s41.py derives it again and compares."""
    from mtfix.text.lexicon import IRREGULAR_FORMS, VERB_ING, _wordlist, is_everyday_verb

    pasts = IRREGULAR_FORMS | _MORE_PASTS
    best: dict[str, tuple[float, str]] = {}
    for word, freq in _wordlist("small").items():
        if not word.endswith("ing") or freq < VERB_ING or not word.isalpha():
            continue
        stem = word[:-3]
        bases = {stem, stem + "e", stem[:-1], stem[:-1] + "ie"} if len(stem) >= 2 else {stem, stem + "e"}
        for base in bases:
            # the candidates first: few bases reach a listed past, and asking whether a base is an everyday verb
            # reads the large word list (0.2 s of a cold check when asked of every base)
            owned = _past_candidates(base) & pasts if len(base) >= 2 else set()
            if not owned or not is_everyday_verb(base):
                continue
            rank = (_ing_zipf(base), base)
            for past in owned:
                if past not in best or rank > best[past]:
                    best[past] = rank
    return {past: base for past, (_, base) in best.items()}


#: :func:`derive_past_owners` as derived with wordfreq 3.1.1 (the signature's ``lexicon:``), kept here so that no check
#: pays for deriving it; a test derives it again and compares.
PAST_OWNERS: dict[str, str] = {
    "arisen": "arise", "beaten": "beat", "became": "become", "began": "begin", "begun": "begin", "bent": "bend",
    "bet": "beat", "bit": "bite", "bitten": "bite", "bled": "bleed", "blew": "blow", "blown": "blow", "bore": "bear",
    "bought": "buy", "bound": "bind", "bred": "breed", "broke": "break", "brought": "bring", "built": "build",
    "burnt": "burn", "came": "come", "caught": "catch", "chose": "choose", "clung": "cling", "crept": "creep",
    "dealt": "deal", "done": "dine", "drawn": "draw", "drew": "draw", "driven": "drive", "drove": "drive",
    "drunk": "drink", "dug": "dig", "dwelt": "dwell", "eaten": "eat", "fallen": "fall", "fed": "feed",
    "fell": "fall", "felt": "feel", "fled": "flee", "flew": "fly", "flown": "flow", "forbade": "forbid",
    "forbidden": "forbid", "forgave": "forgive", "forgiven": "forgive", "forgot": "forget", "fought": "fight",
    "found": "find", "froze": "freeze", "gave": "give", "given": "give", "got": "get", "grew": "grow",
    "ground": "grind", "grown": "grow", "heard": "hear", "held": "hold", "hid": "hide", "hidden": "hide",
    "hung": "hang", "kept": "keep", "knelt": "kneel", "knew": "know", "known": "know", "laid": "lay",
    "leapt": "leap", "learnt": "learn", "led": "lead", "left": "leave", "lent": "lean", "lost": "lose",
    "made": "make", "meant": "mean", "met": "meet", "paid": "pay", "ran": "run", "rang": "range", "rid": "ride",
    "ridden": "ride", "risen": "rise", "rode": "read", "rose": "rise", "run": "ran", "rung": "ring", "said": "say",
    "sang": "sing", "sank": "sink", "sat": "sit", "seen": "see", "sent": "send", "set": "see", "sewn": "sew",
    "shaken": "shake", "shone": "shine", "shook": "shake", "shot": "shoot", "shown": "show", "shrank": "shrink",
    "shrunk": "shrink", "shut": "shit", "slept": "sleep", "slid": "slide", "smelt": "smell", "sold": "sell",
    "sought": "sing", "spat": "spit", "spelt": "spell", "spent": "spend", "spilt": "spill", "spoke": "speak",
    "spun": "spin", "stank": "stink", "stole": "steal", "stood": "stand", "struck": "strike", "stuck": "stick",
    "stung": "sting", "stunk": "stink", "sung": "sing", "sunk": "sink", "swept": "sweep", "swore": "swear",
    "swum": "swim", "swung": "swing", "taken": "take", "taught": "teach", "thought": "think", "threw": "throw",
    "thrown": "throw", "told": "tell", "took": "take", "tore": "tear", "understood": "understand", "went": "want",
    "wept": "weep", "woke": "wake", "won": "win", "wore": "wear", "wound": "wind", "wove": "wave",
    "written": "write", "wrote": "write",
}


def past_owner(past: str) -> str | None:
    """The everyday verb lower-case ``past`` is the irregular past or participle of (:data:`PAST_OWNERS`)."""
    return PAST_OWNERS.get(past)


@lru_cache(maxsize=4096)
def irregular_base(base: str) -> bool:
    """Whether lower-case ``base`` is an everyday irregular verb: one of :func:`_past_candidates` is an irregular
    past or participle (with a verb prefix or without: "withdraw", "overtake") that belongs to it (:func:`past_owner`:
    not "seat" by "sat", which is "sit"'s)."""
    from mtfix.text.lexicon import IRREGULAR_FORMS, is_everyday_verb

    if len(base) < 2 or not base.isalpha():
        return False
    if not is_everyday_verb(base):  # "outbreak" is no verb though "break" is
        return False
    bases = [base] + [base[len(p):] for p in _VERB_PREFIXES if base.startswith(p) and len(base) - len(p) >= 3]
    pasts = IRREGULAR_FORMS | _MORE_PASTS
    return any(past_owner(p) in (None, b) or not _regular_past(b) for b in bases for p in _past_candidates(b) & pasts)


def _regular_past(base: str) -> bool:
    """Whether ``base`` has an everyday regular past ("seat" → "seated", "brake" → "braked"; not "seek" →
    "seeked"): Zipf ≥ :data:`mtfix.text.lexicon.KNOWN`."""
    from mtfix.text.lexicon import KNOWN, zipf

    forms = {base + "ed", base + base[-1] + "ed"}
    if base.endswith("e"):
        forms.add(base + "d")
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "o", "u"):
        forms.add(base[:-1] + "ied")
    return any(zipf(f) >= KNOWN for f in forms)


def s_bases(word: str) -> tuple[str, ...]:
    """The bases an "-s" form may have: "arises" → "arise", "aris"; "teaches" → "teache", "teach"; "flies" → "fly",
    "flie"; "sites" → "site"."""
    if word.endswith("ies"):
        return (word[:-3] + "y", word[:-1])
    if word.endswith((*ES_ENDS, "oes")):
        return (word[:-1], word[:-2])
    return (word[:-1],)


def irregular_present(word: str) -> bool:
    """Whether lower-case ``word`` is the "-s" present of an everyday irregular verb (:func:`irregular_base`)."""
    return word.endswith("s") and not word.endswith("ss") and len(word) >= 4 and any(map(irregular_base, s_bases(word)))
