"""The present tenses of English irregular verbs, told by morphology from their pasts (session 40).

A verb is irregular when its past or participle is no "-ed" form: "arise" → "arose", "arisen".  Which bases those
pasts belong to follows a handful of English sound changes (ablaut), so the "-s" present of an irregular verb
need not be listed: :func:`irregular_base` asks whether one of the forms those changes give a base is a past or
participle of :data:`mtfix.text.lexicon.IRREGULAR_FORMS` (the hand list of English irregular pasts; three more
here), and whether
the base is an everyday verb (:func:`mtfix.text.lexicon.is_everyday_verb`: its "-ing" form is an everyday word).
Both must hold: "cats" would give "cut" (a → u), but "catting" is no everyday word; "pages" gives no past at all.
A past has one owner (session 41): when the changes give one past to several everyday verbs ("sat": "sit", "seat";
"spoke": "speak", "spike"; "sought": "sing", "seek"), it is the past of the one English gives it most surely, then
of one with no everyday regular past, then of the one whose "-ing" form is the most frequent (:func:`past_owner`,
session 42: "sought" is "seek"'s, "set" is "set"'s, "rang" is "ring"'s); another verb that has it only by the
changes and has an everyday regular past ("seated", "spiked") is regular, so "seats", "spikes", "wires" are no
irregular presents, while "seeks" ("seeked" is no everyday word) stays one.

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
#: Prefixes that make a verb of an irregular one and keep its forms irregular ("withdraws", "overtakes",
#: "withstood", "understood"): one list for the presents here and the analysis's irregular pasts
#: (:func:`listed_past`, which ``mtfix.garble.finite_misreads`` asks; session 42, written twice before).
VERB_PREFIXES = ("with", "under", "over", "out", "fore", "mis", "re", "up")
#: ... and "be" ("become", "behold", "beset"), which only the presents take (as since session 40): the analysis's
#: past reading never had it ("bespoke", "beset" read as pasts: not measured).
_PRESENT_PREFIXES = (*VERB_PREFIXES, "be")


def unprefixed(word: str, prefixes: tuple[str, ...] = VERB_PREFIXES) -> list[str]:
    """``word``, then what is left of it without each of ``prefixes`` it starts with, three letters or more
    ("withstood" → "withstood", "stood"; "overtake" → "overtake", "take")."""
    return [word] + [word[len(p):] for p in prefixes if word.startswith(p) and len(word) - len(p) >= 3]


@lru_cache(maxsize=1)
def _listed_pasts() -> frozenset[str]:
    """The irregular pasts and participles the morphology asks about: :data:`mtfix.text.lexicon.IRREGULAR_FORMS`
    and :data:`_MORE_PASTS`."""
    from mtfix.text.lexicon import IRREGULAR_FORMS

    return IRREGULAR_FORMS | _MORE_PASTS


def listed_past(word: str) -> bool:
    """Whether lower-case ``word`` is a past or participle of :data:`mtfix.text.lexicon.IRREGULAR_FORMS`, with one
    of :data:`VERB_PREFIXES` or without ("understood", "withstood", "overcame")."""
    from mtfix.text.lexicon import IRREGULAR_FORMS

    return any(w in IRREGULAR_FORMS for w in unprefixed(word))


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


#: Pasts whose own verb the changes of :func:`_past_candidates` do not reach, while another verb reaches them
#: (session 42): suppletion ("go" → "went", "do" → "done"; "want" → "went", "dine" → "done" by the changes), a
#: participle in "-own" of a verb in "-y" ("fly" → "flown"; "flow" → "flown"), "ea" → "o" before a silent "e"
#: ("weave" → "wove"; "wave" → "wove") and a participle that is its base ("run"; "ran" → "run").
_OWNERS_UNGIVEN = {"went": "go", "done": "do", "flown": "fly", "wove": "weave", "run": "run"}


def _ing_bases(word: str) -> tuple[str, ...]:
    """The bases whose own "-ing" form ``word`` is, as English spells it (:func:`mtfix.text.lexicon.inflection_bases`
    and :func:`mtfix.text.lexicon._ing_forms`): "running" → "run", "taking" → "take".  Not any stem less a letter:
    "ranging" is no form of "ran", "biting" none of "bit" (session 41's table gave "run" to "ran")."""
    from mtfix.text.lexicon import _ing_forms, inflection_bases

    return tuple(b for b in inflection_bases(word) if word in _ing_forms(b))


def _how_given(base: str, past: str, pasts: frozenset[str]) -> int:
    """How surely English gives ``past`` to ``base`` (0: not at all): 3 an unchanged past ("set", "bet", "shut",
    "rid": a base in "-t"/"-d" that is a listed past and has no everyday regular past — "found" has "founded"); for
    such a verb no other change but an "-n"/"-en" participle ("beat" → "beaten"; "read" → "rode" is "ride"'s);
    1 a past that only drops the silent "e" ("slide" → "slid"; "range" → "rang" is "ring"'s, "ride" → "rid" is
    "rid"'s); 2 any other change of :func:`_past_candidates`."""
    unchanged = base in pasts and base.endswith(("t", "d")) and not _regular_past(base)
    if past == base:
        return 3 if unchanged else 0
    if past not in _past_candidates(base):
        return 0
    if unchanged:
        return 2 if past in (base + "n", base + "en") else 0
    return 1 if base.endswith("e") and past == base[:-1] else 2


def derive_past_owners() -> dict[str, str]:
    """Each irregular past or participle → the everyday verb it belongs to: of the everyday verbs that reach it
    (found from the "-ing" words of wordfreq's small English list, :func:`_ing_bases`), the one English gives it
    most surely (:func:`_how_given`), then one with no everyday regular past ("sing" → "singed": "sought" is
    "seek"'s), then the one whose "-ing" form is the most frequent ("sat" → "sit": "sitting" 4.86 against
    "seating" 3.77); :data:`_OWNERS_UNGIVEN` as listed.  Derived once and kept as :data:`PAST_OWNERS` (deriving
    reads the large word list: 0.2 s of CPU, which every cold check paid in the first merge of session 41);
    tests/text/test_irregular_verbs_s41.py derives it again and compares; ``bench/past_owners_ewt.py`` compares it
    with UD English EWT's lemmas (session 42: 9 of 103 pasts owned otherwise → 0)."""
    from mtfix.text.lexicon import VERB_ING, _wordlist, is_everyday_verb

    pasts = _listed_pasts()
    best: dict[str, tuple[int, bool, float, str]] = {}

    def own(base: str, past: str) -> None:
        how = _how_given(base, past, pasts)
        if how:
            rank = (how, not _regular_past(base), _ing_zipf(base), base)
            if past not in best or rank > best[past]:
                best[past] = rank

    for word, freq in _wordlist("small").items():
        if not word.endswith("ing") or freq < VERB_ING or not word.isalpha():
            continue
        for base in _ing_bases(word):
            # the candidates first: few bases reach a listed past, and asking whether a base is an everyday verb
            # reads the large word list (0.2 s of a cold check when asked of every base)
            owned = (_past_candidates(base) | {base}) & pasts if len(base) >= 2 else set()
            if owned and is_everyday_verb(base):
                for past in owned:
                    own(base, past)
    for past in pasts:  # an unchanged past whose "-ing" form the small list lacks: "rid" ("ridding" 2.66)
        if _ing_zipf(past) >= VERB_ING:
            own(past, past)
    return {past: rank[-1] for past, rank in best.items()} | _OWNERS_UNGIVEN


#: :func:`derive_past_owners` as derived with wordfreq 3.1.1 (the signature's ``lexicon:``), kept here so that no check
#: pays for deriving it; a test derives it again and compares (session 42: derived again after the owners' fix).
PAST_OWNERS: dict[str, str] = {
    "arisen": "arise", "beaten": "beat", "became": "become", "began": "begin", "begun": "begin", "bent": "bend",
    "bet": "bet", "bit": "bite", "bitten": "bite", "bled": "bleed", "blew": "blow", "blown": "blow", "bore": "bear",
    "bought": "buy", "bound": "bind", "bred": "breed", "broke": "break", "brought": "bring", "built": "build",
    "burnt": "burn", "burst": "burst", "came": "come", "caught": "catch", "chose": "choose", "clung": "cling",
    "crept": "creep", "cut": "cut", "dealt": "deal", "done": "do", "drawn": "draw", "drew": "draw",
    "driven": "drive", "drove": "drive", "drunk": "drink", "dug": "dig", "dwelt": "dwell", "eaten": "eat",
    "fallen": "fall", "fed": "feed", "fell": "fall", "felt": "feel", "fled": "flee", "flew": "fly", "flown": "fly",
    "forbade": "forbid", "forbidden": "forbid", "forgave": "forgive", "forgiven": "forgive", "forgot": "forget",
    "fought": "fight", "found": "find", "froze": "freeze", "gave": "give", "given": "give", "got": "get",
    "grew": "grow", "ground": "grind", "grown": "grow", "heard": "hear", "held": "hold", "hid": "hide",
    "hidden": "hide", "hit": "hit", "hung": "hang", "hurt": "hurt", "kept": "keep", "knelt": "kneel", "knew": "know",
    "known": "know", "laid": "lay", "leapt": "leap", "learnt": "learn", "led": "lead", "left": "leave",
    "lent": "lend", "let": "let", "lost": "lose", "made": "make", "meant": "mean", "met": "meet", "paid": "pay",
    "ran": "run", "rang": "ring", "read": "read", "rid": "rid", "ridden": "ride", "risen": "rise", "rode": "ride",
    "rose": "rise", "run": "run", "rung": "ring", "said": "say", "sang": "sing", "sank": "sink", "sat": "sit",
    "seen": "see", "sent": "send", "set": "set", "sewn": "sew", "shaken": "shake", "shed": "shed", "shone": "shine",
    "shook": "shake", "shot": "shoot", "shown": "show", "shrank": "shrink", "shrunk": "shrink", "shut": "shut",
    "slept": "sleep", "slid": "slide", "smelt": "smell", "sold": "sell", "sought": "seek", "spat": "spit",
    "spelt": "spell", "spent": "spend", "spilt": "spill", "split": "split", "spoke": "speak", "spread": "spread",
    "spun": "spin", "stank": "stink", "stole": "steal", "stood": "stand", "struck": "strike", "stuck": "stick",
    "stung": "sting", "stunk": "stink", "sung": "sing", "sunk": "sink", "swept": "sweep", "swore": "swear",
    "swum": "swim", "swung": "swing", "taken": "take", "taught": "teach", "thought": "think", "threw": "throw",
    "thrown": "throw", "told": "tell", "took": "take", "tore": "tear", "understood": "understand", "went": "go",
    "wept": "weep", "woke": "wake", "won": "win", "wore": "wear", "wound": "wind", "wove": "weave",
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
    from mtfix.text.lexicon import is_everyday_verb

    if len(base) < 2 or not base.isalpha():
        return False
    if not is_everyday_verb(base):  # "outbreak" is no verb though "break" is
        return False
    bases = unprefixed(base, _PRESENT_PREFIXES)
    pasts = _listed_pasts()
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
