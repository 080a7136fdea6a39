"""Two corruption operators modelled on the error classes the held-out probes show the detector missing most
(session 50, issue 11), and the group of rows they make (``train_detector --class-ops-share``, off by default):

* **article-less MT** (source languages without articles: vi, id, bn, th, zh, and the Turkic and Slavic ones):
  the "a/an/the" of common noun phrases dropped, the bare-noun clauses such MT gives;
* **verb-final clauses** (SOV source order): the finite verb group (auxiliaries, negation, particle) moved to the
  end of its clause, behind the objects, prepositional phrases and adverbials that followed it.

Each operator refuses a sentence it cannot corrupt in the class's way (and says nothing else about it), so a row
it makes differs from its fluent twin by that error alone.  The group corrupts fluent sentences of 6-25 words (the
band the probes' misses lie in) by its own random stream, so the rows of a plain run are unchanged."""

from __future__ import annotations

import random
from collections.abc import Callable

Tok = tuple[str, str]  # (word, tag)

_ARTICLES = frozenset({"a", "an", "the"})
_PROPER = frozenset({"NNP", "NNPS"})
_MODIFIERS = frozenset({"JJ", "JJR", "JJS", "CD", "RB", "RBS", "VBN", "VBG", "POS", "HYPH", ",", "``", "''"})
#: Articles inside fixed phrases whose article is part of the meaning ("a few" is not "few", "a lot of" is not
#: "lot of"): an operator modelled on MT keeps them, since a bare-noun source renders the phrase whole.
_FIXED_AFTER = {"a": frozenset({"few", "little", "lot", "lots", "bit", "couple", "number", "while"}),
                "the": frozenset({"same", "most", "least", "more", "less", "other", "rest", "following", "latter",
                                  "former"})}


def _heads_name(t: list[Tok], i: int) -> bool:
    """The article at ``i`` opens a proper-noun phrase ("the United Nations", "the Caspian Sea")."""
    j = i + 1
    while j < len(t) and t[j][1] in _MODIFIERS - {","}:
        j += 1
    return j < len(t) and t[j][1] in _PROPER


def op_articleless(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Article-less MT: every "a/an/the" of a common noun phrase dropped ("The government will raise the price of
    rice." -> "Government will raise price of rice."); articles opening a proper-noun phrase ("the United
    Nations") and fixed phrases ("a few", "the same") kept, as bare-noun sources render names and set phrases
    whole.  Refuses a sentence with no such article, and one whose only article is its first word (dropping it
    alone reads as a headline, not as MT)."""
    drop = [i for i, (w, g) in enumerate(t) if w.lower() in _ARTICLES and g == "DT" and i + 1 < len(t)
            and t[i + 1][0].lower() not in _FIXED_AFTER.get(w.lower(), ()) and not _heads_name(t, i)]
    if not drop or drop == [0]:
        return None
    out = [x for i, x in enumerate(t) if i not in set(drop)]
    if 0 in drop and out and out[0][1] not in _PROPER:
        out[0] = (out[0][0][:1].upper() + out[0][0][1:], out[0][1])
    return out


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_VERB_GROUP = frozenset({"VB", "VBN", "VBG", "RP"})
_SUBJECT = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD", "EX"})
#: Words that end a clause: a subordinator, relative or conjunction opens the next one.
_CLAUSE_BREAK_TAGS = frozenset({",", ":", ".", "CC", "WDT", "WP", "WP$", "WRB", "-LRB-", "-RRB-", "``", "''", "TO"})
_SUBORDINATORS = frozenset({"that", "because", "although", "though", "if", "whether", "while", "unless", "so",
                            "than"})
_ADVERBIAL = frozenset({"IN", "RB", "RBR"})
_VERBS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"})


def op_verb_final_clause(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Verb-final clause (SOV source order): the first finite verb group after a subject (auxiliaries, "not",
    the main verb, its particle) moved to the end of its clause, behind the objects, prepositional phrases and
    adverbials that followed it ("The minister met farmers in the capital yesterday." -> "The minister farmers in
    the capital yesterday met."; "..., and it grew fast." is a clause of its own and stays).  Refuses questions,
    a verb with no subject before it, a clause whose rest holds no preposition or adverb (object-only: the
    reordering then reads as topicalisation), or another verb (an infinitive, a second clause)."""
    if not t or t[-1][0] == "?":
        return None
    for i, (_, g) in enumerate(t):
        if g in _CLAUSE_BREAK_TAGS and i > 0 and g not in (",", "``", "''"):
            return None  # the first clause ended before a finite verb
        if g not in _FINITE or not any(x[1] in _SUBJECT for x in t[:i]):
            continue
        j = i + 1
        while j < len(t) and (t[j][1] in _VERB_GROUP or t[j][0].lower() in ("not", "n't")):
            j += 1
        end = j
        while end < len(t) and t[end][1] not in _CLAUSE_BREAK_TAGS and t[end][0].lower() not in _SUBORDINATORS:
            end += 1
        rest = t[j:end]
        if len(rest) < 2 or any(g_ in _VERBS for _, g_ in rest) or not any(g_ in _ADVERBIAL for _, g_ in rest):
            return None
        return [*t[:i], *rest, *t[i:j], *t[end:]]
    return None


CLASS_OPERATORS: dict[str, Callable] = {"articleless": op_articleless, "verb_final_clause": op_verb_final_clause}

#: The group's name (its share: ``train_detector --class-ops-share``) and its words-per-sentence band.
CLASS_GROUP = "class_synth"
CLASS_WORDS = (6, 25)
CLASS_SEED_OFFSET = 50


def class_rows(tagged: list[list[Tok]], seed: int, detok: Callable[[list[str]], str],
               names: tuple[str, ...] = (), pairs: bool = False) -> tuple[list, dict]:
    """Rows ``(text, 1, CLASS_GROUP)``: each fluent sentence of ``tagged`` with :data:`CLASS_WORDS` words
    corrupted by one of the operators ``names`` (default all of :data:`CLASS_OPERATORS`; drawn evenly, the others
    tried when it refuses), by ``random.Random(seed)``; and each operator's count.  With ``pairs``, each
    corruption's fluent twin follows it as ``(text, 0, CLASS_GROUP)``: the group then holds the contrast alone, not
    a prior for the garbled label."""
    rng = random.Random(seed)
    names = list(names or CLASS_OPERATORS)
    rows, used = [], dict.fromkeys(names, 0)
    lo, hi = CLASS_WORDS
    for sent in tagged:
        if not lo <= sum(1 for w, _ in sent if w[:1].isalnum()) <= hi:
            continue
        first = rng.choice(names)
        for name in (first, *[n for n in names if n != first]):
            new = CLASS_OPERATORS[name](sent, rng, {})
            if new is not None and new != sent:
                rows.append((detok([w for w, _ in new]), 1, CLASS_GROUP))
                if pairs:
                    rows.append((detok([w for w, _ in sent]), 0, CLASS_GROUP))
                used[name] += 1
                break
    return rows, used
