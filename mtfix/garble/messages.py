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
    # session 52's candidate signals, read only by a model trained with ``train_detector --extra-features``
    "short_function_poor": "a short sentence with hardly any small words such as 'the' or 'to'",
    "bare_count_noun_share": "nouns such as 'plan' or 'company' standing without 'the' or 'a'",
}
#: The same for an input of which the sentence has less than usual (None: no reason an editor can use).
EVIDENCE_LOW: dict[str, str | None] = {
    # a short sentence is more often garbled, but its length is nothing for an editor to mend
    "function_word_share": "few small words such as 'the' and 'of' between its nouns", "log_words": None,
    "finite_per_word": "few verbs for its length", "articles_per_noun": "nouns without 'the' or 'a'",
    "bare_noun_share": None, "of_per_word": None, "commas_per_word": "few commas for its length",
    "mean_log_freq": "many rare words", "unseen_common_pairs": None,
    "short_function_poor": None, "bare_count_noun_share": None,
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


#: MTF401's reasons: (the code of the sign that gives it, MTF402-MTF408, or None for one of the model's inputs;
#: the reason in an editor's words), built once by :func:`garbled_reasons` and carried on the finding
#: (``Finding.reasons``), which the message is rendered from and the language server reads (session 50: it parsed
#: them back out of the message).
Reason = tuple[str | None, str]
_REASONS = "this sentence reads like garbled machine translation: "
_TO_DO = ". Start reading here, compare the whole sentence with the source and rewrite it"


def garbled_reasons(pred: Any, det: Any) -> tuple[Reason, ...]:
    """What is likely wrong with ``pred``'s sentence, each reason once: its structural signs (by code), then up to
    three of the inputs that push it most towards "garbled" that no sign names (:func:`evidence`)."""
    from mtfix.garble.rules import SIGN_CODES

    a = pred.analysis
    out: dict[str, str | None] = {}
    for s in a.signs:
        out.setdefault(_sign_reason(s, a.tokens), SIGN_CODES.get(s.name))
    named = {s.name for s in a.signs}  # an input a sign has already named in the sentence's words
    for said in evidence(pred, det=det, ranked=[k for k in _ranked(pred, 3, 0.1) if k not in named]):
        out.setdefault(said, None)
    return tuple((code, said) for said, code in out.items()) or ((None, EVIDENCE[PATTERNS]),)


def detector_detail(pred: Any) -> str:
    """The technical detail behind MTF401, for whoever tunes the detector (JSON's message, SARIF's properties, the
    language server's sentence hover; not the editor's one-line message, session 50): its probability, its signs and
    the inputs that pushed it most, by name: ``detector: p=0.74; signs: dup_reporting; inputs: ngrams``."""
    detail = f"detector: p={pred.probability:.2f}"
    if pred.analysis.signs:
        detail += "; signs: " + ", ".join(s.name for s in pred.analysis.signs)
    return detail + "; inputs: " + ", ".join(_ranked(pred, 3, 0.1) or [PATTERNS])


def garbled_message(reasons: tuple[Reason, ...], named: frozenset[str] = frozenset()) -> str:
    """MTF401's message from its ``reasons`` (:func:`garbled_reasons`): what is likely wrong, in plain words, where
    to start and what to do.  A reason whose sign's code is in ``named`` (that sign's finding is said beside it) is
    named by the code instead: "what MTF405 says" (session 49: a client that shows every diagnostic under the cursor
    in one hover said it twice).

    >>> r = (("MTF405", "'said' or a verb like it twice"), (None, "'of' used often for its length"))
    >>> garbled_message(r, frozenset({"MTF405"})).split(". Start")[0]
    "this sentence reads like garbled machine translation: what MTF405 says, 'of' used often for its length"
    """
    said = (f"what {code} says" if code in named else reason for code, reason in reasons)
    return _REASONS + ", ".join(dict.fromkeys(said)) + _TO_DO


def unsigned_reasons(reasons: tuple[Reason, ...], present: frozenset[str] | set[str]) -> list[str]:
    """The ``reasons`` of MTF401 (:func:`garbled_reasons`) that no sign whose code is in ``present`` (those whose
    findings are said beside it, MTF402-MTF407, each in its own words) gives: what the language server's hover adds
    to the signs' messages, so that it says each thing once (session 49).  A sign not present (its finding ignored)
    keeps its reason.

    >>> r = (("MTF405", "'said' or a verb like it twice"), (None, "'of' used often for its length"))
    >>> unsigned_reasons(r, {"MTF405"}), unsigned_reasons(r, set())[0]
    (["'of' used often for its length"], "'said' or a verb like it twice")
    """
    return [reason for code, reason in reasons if code not in present]
