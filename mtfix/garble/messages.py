"""MTF401's message: the detector's inputs and signs in an editor's words (:func:`garbled_message`), for
:mod:`mtfix.garble.checker`, which makes the finding."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

#: What each of the model's inputs says to an editor when it pushes a sentence towards "garbled"
#: because the sentence has more of it than the model's training sentences on average
#: (:data:`EVIDENCE_LOW`: less of it).  Plain words, no commas (a message joins them with commas).
PATTERNS = "ngrams"
EVIDENCE: dict[str, str] = {
    PATTERNS: "word order and phrasing typical of machine translation",
    "no_finite": "no main verb", "splice": "two sentences run together", "verb_final": "the verb at the very end",
    "dup_reporting": "'said' or a verb like it twice", "stranded_adposition": "a preposition left dangling",
    "case_role": "a pronoun in the wrong form", "other_script": "a word in another alphabet",
    "unseen_common_pairs": "everyday words in pairs English rarely uses",
    "unknown_lower": "words no English dictionary has",
    "function_word_share": "many small words such as 'of' and 'the' for its length", "log_words": "a long sentence",
    "finite_per_word": "many verbs for its length", "capital_midsentence": "capital letters in mid-sentence",
    "bare_noun_share": "nouns without 'the' or 'a'", "articles_per_noun": "more 'the' and 'a' than its nouns need",
    "of_per_word": "'of' used often for its length", "commas_per_word": "many commas for its length",
    "repeated_nouns": "the same noun repeated", "mean_log_freq": "only very common words",
}
#: The same for an input of which the sentence has less than usual (None: no reason an editor can use).
EVIDENCE_LOW: dict[str, str | None] = {
    # a short sentence is more often garbled, but its length is nothing for an editor to mend
    "function_word_share": "few small words such as 'the' and 'of' between its nouns", "log_words": None,
    "finite_per_word": "few verbs for its length", "articles_per_noun": "nouns without 'the' or 'a'",
    "bare_noun_share": None, "of_per_word": None, "commas_per_word": "few commas for its length",
    "mean_log_freq": "many rare words", "unseen_common_pairs": None,
}


def _ranked(pred: Any, top: int, floor: float) -> list[str]:
    """The names of the ``top`` inputs that push ``pred`` most towards "garbled" (at least ``floor``
    logits each): the dense features, and the hashed word and tag n-grams taken together."""
    parts = {**pred.contributions, PATTERNS: pred.patterns}
    return [k for k, v in sorted(parts.items(), key=itemgetter(1), reverse=True)[:top] if v > floor]  # stable


def _said(name: str, pred: Any, det: Any) -> str | None:
    """Input ``name`` in an editor's words, by which side of the model's average the sentence is on."""
    if name == PATTERNS or det is None or name not in det.features:
        return EVIDENCE.get(name, name.replace("_", " "))
    mean = det.mean[det.features.index(name)]
    if pred.analysis.dense.get(name, 0.0) >= mean:
        return EVIDENCE.get(name, name.replace("_", " "))
    return EVIDENCE_LOW.get(name)


def evidence(pred: Any, top: int = 3, floor: float = 0.1, det: Any = None, ranked: list[str] | None = None) -> list[str]:
    """The inputs that push ``pred`` most towards "garbled" (:func:`_ranked`, or ``ranked`` when the caller has
    them), in an editor's words (an input without a plain reason on its side of the average is left out)."""
    if det is None:
        from mtfix.garble.model import Detector

        det = Detector.load()
    said = (_said(k, pred, det) for k in (_ranked(pred, top, floor) if ranked is None else ranked))
    return list(dict.fromkeys(w for w in said if w))


#: A pronoun's other case: the form the clause needs, beside the one MTF407 found (:func:`_sign_reason`).
_OTHER_CASE = {"him": "he", "her": "she", "them": "they", "me": "I", "us": "we",
               "he": "him", "she": "her", "they": "them", "we": "us", "i": "me"}


def _sign_reason(sign: Any, tokens: Any) -> str:
    """Sign ``sign`` in an editor's words; a pronoun in the wrong form is quoted as the sentence has it,
    with the form the clause needs ("('Him' for 'He')")."""
    said = EVIDENCE.get(sign.name, sign.name.replace("_", " "))
    word = next((t.text for t in tokens if t.start == sign.start), "") if sign.name == "case_role" else ""
    other = _OTHER_CASE.get(word.lower())
    if not other:
        return said
    if word[0].isupper() and word != "I":
        other = other.upper() if word.isupper() and len(word) > 1 else other.capitalize()
    return f"{said} ('{word}' for '{other}')"


def garbled_message(pred: Any, det: Any) -> str:
    """MTF401's message: what is likely wrong, in plain words, where to start and what to do; then,
    in parentheses, the detector's probability, its signs and inputs by name (for whoever tunes it)."""
    a = pred.analysis
    signs = [_sign_reason(s, a.tokens) for s in a.signs]
    ranked = _ranked(pred, 3, 0.1)
    named = {s.name for s in a.signs}  # an input a sign has already named in the sentence's words
    said = evidence(pred, det=det, ranked=[k for k in ranked if k not in named])
    why = list(dict.fromkeys([*signs, *said])) or [EVIDENCE[PATTERNS]]
    names = ranked or [PATTERNS]
    detail = f"detector: p={pred.probability:.2f}"
    if a.signs:
        detail += "; signs: " + ", ".join(s.name for s in a.signs)
    detail += "; inputs: " + ", ".join(names)
    return (f"this sentence reads like garbled machine translation: {', '.join(why)}. Start reading here, "
            f"compare the whole sentence with the source and rewrite it ({detail})")


_REASONS = "this sentence reads like garbled machine translation: "


def _parts(message: str) -> tuple[list[str], str, tuple[str, ...]] | None:
    """An MTF401 ``message`` (:func:`garbled_message`) as its reasons, the text after them, and its signs' names;
    None for a message of another shape."""
    head, sep, rest = message.partition(". Start reading here")
    if not head.startswith(_REASONS) or not sep:
        return None
    names = rest.partition("signs: ")[2].partition(";")[0].split(", ") if "signs: " in rest else []
    return head[len(_REASONS):].split(", "), sep + rest, tuple(n for n in names if n)


def _said_by(reason: str, names: tuple[str, ...]) -> bool:
    said = tuple(EVIDENCE.get(n, n.replace("_", " ")) for n in names)
    return bool(said) and reason.startswith(said)


def unsigned_reasons(message: str, signs: tuple[str, ...]) -> list[str]:
    """The reasons an MTF401 ``message`` (:func:`garbled_message`) gives that none of its signs in ``signs`` (the
    names of those whose findings are said beside it, MTF402-MTF407, each with its own words) says: what the language
    server's hover adds to the signs' messages, so that it says each thing once (session 49).  A sign not in
    ``signs`` (its finding ignored) keeps its reason.  A message of another shape: none.

    >>> m = ("this sentence reads like garbled machine translation: 'said' or a verb like "
    ...     "it twice, 'of' used often for its length. Start reading here, compare the whole sentence with the source "
    ...     "and rewrite it (detector: p=0.74; signs: dup_reporting; inputs: ngrams, dup_reporting, of_per_word)")
    >>> unsigned_reasons(m, ("dup_reporting",)), unsigned_reasons(m, ())[0], unsigned_reasons("something else", ())
    (["'of' used often for its length"], "'said' or a verb like it twice", [])
    """
    parts = _parts(message)
    if parts is None:
        return []
    named = tuple(n for n in parts[2] if n in signs)
    return [r for r in parts[0] if r and not _said_by(r, named)]


def signs_named(message: str, codes: dict[str, str]) -> str:
    """An MTF401 ``message`` with the reason of each sign in ``codes`` (sign name → the code of its own finding,
    published beside the verdict) named by that code instead ("what MTF405 says"): a client that shows every
    diagnostic under the cursor in one hover said it twice (session 49).  Another message: as it is.

    >>> m = ("this sentence reads like garbled machine translation: 'said' or a verb like it twice, 'of' used often "
    ...      "for its length. Start reading here, compare (detector: p=0.74; signs: dup_reporting; inputs: ngrams)")
    >>> signs_named(m, {"dup_reporting": "MTF405"}).split(". Start")[0]
    "this sentence reads like garbled machine translation: what MTF405 says, 'of' used often for its length"
    """
    parts = _parts(message)
    if parts is None or not codes:
        return message
    reasons, rest, _ = parts
    named = [next((f"what {c} says" for n, c in codes.items() if _said_by(r, (n,))), r) for r in reasons]
    return _REASONS + ", ".join(dict.fromkeys(named)) + rest
