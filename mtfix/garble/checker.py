"""The garble checker: MTF401 (a sentence judged garbled) and MTF402–MTF408 (structural signs).

Runs after the other checkers, on every segment of six words or more (:data:`MIN_WORDS`).  The
model (:mod:`mtfix.garble.model`) and the tagger load on the first segment, not at
import, so a pipeline that never checks text pays nothing.  Findings are flag
only: a garbled sentence needs a human post-edit.

>>> from mtfix.model import Document
>>> from mtfix.segment import to_document
>>> doc = to_document("The two countries signed an agreement on energy cooperation, officials said.")
>>> GarbleChecker().check(doc)
[]
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from itertools import filterfalse
from typing import TYPE_CHECKING, Any

import regex

from mtfix.caching import regexcache
from mtfix.caching.bounded import BoundedMemo
from mtfix.findings import make_finding
from mtfix.garble.messages import detector_detail, garbled_message, garbled_reasons
from mtfix.garble.misreads import corrected, judged_probability
from mtfix.garble.rules import GARBLE_RULES, SIGN_CODES
from mtfix.garble.view import segment_view
from mtfix.model import BaseChecker, Document, Finding, Scope, Segment, Severity

if TYPE_CHECKING:
    from mtfix.catalogue import RuleInfo

MIN_WORDS = 6  # shorter segments (headlines, captions, short sentences) give too little evidence
#: A short segment gives the model too little evidence for a major finding: below this many
#: words MTF401 is at most minor (the precise rules still report what they see there).  12 since
#: session 8 (8 before): of the professional sentences of the precision audit that got a major, 80 of
#: 266 had 8-11 words, against 3 of 43 real MT majors on realmt train and none of 16 on dev
#: (bench/RESULTS.md, "Session 8: precision").
MIN_MAJOR_WORDS = 12
#: In dialogue (``Document.meta["register"]``, which the subtitle formats set) MTF401 needs this many
#: words, the structural signs keep their own minimums (session 13).  Below it the model's verdict says
#: nothing about spoken English: on the TED talks of MQM zh-en 2021 it reached the minor threshold on 73 %
#: of human translations and 71 % of error-free MT of 6-11 words, against 77 % of MT with a major fluency
#: error; on professional film and TV dialogue (``tests/data/subtitles``) on 105 of 145 such segments.
MIN_DIALOGUE_WORDS = MIN_MAJOR_WORDS
#: A dropped g in dialogue ("gettin'", "nothin'", "comin'"): a word of three letters or more that ends
#: in "in" and an apostrophe, with no letter after it.
_DROPPED_G = regexcache.compile(r"(?<![\p{L}\p{N}'’])(\p{L}*\p{Ll}in)['’](?![\p{L}\p{N}])")
#: An opening single quote (an apostrophe before a word, none after a letter): after one, "in'" may close it.
_OPENING_QUOTE = regexcache.compile(r"(?<![\p{L}\p{N}])['‘](?=\p{L})")


def read_elisions(text: str) -> str:
    """``text`` with each dropped g of spoken English written out ("gettin'" → "getting"; the same length,
    so offsets hold), as the detector reads a line of dialogue (session 14): the tagger's tokens split
    the apostrophe off as a closing quote, and the sentence read as two run together (MTF403).  Not
    after an opening single quote, which the apostrophe may close ("'the cabin'").

    >>> read_elisions("You comin' or not? Nothin' doin'.")
    'You coming or not? Nothing doing.'
    """
    if "in'" not in text and "in’" not in text:
        return text
    opening = _OPENING_QUOTE.search(text)
    limit = opening.start() if opening is not None else len(text)
    return _DROPPED_G.sub(lambda m: m.group(1) + "g" if m.start() < limit else m.group(), text)
#: MTF402 (no finite verb) needs this many words: a shorter one is a headline or a caption more often.
MIN_NO_FINITE_WORDS = 8
_CACHE_SIZE = 4096
_cache: OrderedDict[str, Any] = OrderedDict()
_cache_lock = threading.Lock()


def detector() -> Any:
    """The shipped :class:`~mtfix.garble.model.Detector` (loaded on first use)."""
    from mtfix.garble.model import Detector

    return Detector.load()


_SENTENCE_END = regexcache.compile(r"[.!?][\"”’)\]]*\s*$")


#: A caption's or credit's label: "Above: The Flame Towers in Baku, lit in the colours of the flag."
#: (session 9).  What follows such a label is a caption, which gets at most a minor, as a heading does.
_CAPTION_LABEL = regexcache.compile(
    r"^\W*(?:above|below|top|bottom|left|right|centre|center|inset|pictured|photo|photograph|picture|image|"
    r"caption|file photo|main picture|left to right|from left|from right|clockwise from (?:top )?left)\s*:",
    regex.IGNORECASE)


#: A fact box's entry: a short label, a colon, and fields separated by semicolons
#: ("Azerbaijan: GDP of about $74 billion; population 10.2 million; currency, the manat.") (session 10).
_FACT_LABEL = regexcache.compile(r"^\W*[[:upper:]][\w'’.&-]*(?:[ \t]+[\w'’.&-]+){0,2}[ \t]*:[ \t]")


def sentence_like(text: str) -> bool:
    """A segment that ends like a sentence (headings, captions and navigation do not): only these get majors.
    A segment that opens with a caption label ("Pictured:", "Above:", "Left to right:") is a caption; one
    that opens with a short label and lists two or more fields after it separated by semicolons is a fact
    box's entry ("Armenia: GDP of about $26 billion; population 3 million; currency, the dram.")."""
    return bool(_SENTENCE_END.search(text)) and not _CAPTION_LABEL.match(text) \
        and not (text.count(";") >= 2 and _FACT_LABEL.match(text))


def _words(text: str) -> int:
    """Whitespace-separated words with at least one letter (``str.isalpha``)."""
    words = text.split()
    n = sum(map(str.isalpha, words))  # all letters: the common case, counted in C
    if n < len(words):
        n += sum(1 for w in filterfalse(str.isalpha, words) if any(map(str.isalpha, w)))
    return n


def may_be_major(text: str) -> bool:
    """A segment MTF401 may call major: it ends like a sentence and has ``MIN_MAJOR_WORDS`` words or more."""
    return sentence_like(text) and _words(text) >= MIN_MAJOR_WORDS


def segment_may_be_major(doc: Document, seg: Segment) -> bool:
    """:func:`may_be_major` for a segment of ``doc`` (its prose as the detector reads it,
    :func:`segment_text`), which is no heading (as the format's parser reads it:
    :meth:`~mtfix.model.Document.in_heading`), whatever its last character."""
    text = segment_text(doc, seg)
    return text is not None and may_be_major(text) and not doc.in_heading(seg.start, seg.end)


def spoken_fragment(specs: Sequence[tuple]) -> bool:
    """Whether the detector's findings of a line of dialogue (``specs``, its plan) say it has no finite verb
    (MTF402): a spoken fragment, whose MTF401 is at most a minor (session 14)."""
    return any(spec[0] == "MTF402" for spec in specs)


def segment_text(doc: Document, seg: Segment) -> str | None:
    """What the detector reads of a segment: its text, or for one that touches a protected span its
    prose without markup (:mod:`mtfix.garble.view`); None where the format does not say what its
    protected spans are.  In dialogue a dropped g reads as the word (:func:`read_elisions`), as in
    :meth:`GarbleChecker.check`."""
    if not doc.is_protected(seg.start, seg.end):
        text = doc.text[seg.start : seg.end]
    else:
        view = segment_view(doc, seg)
        if view is None:
            return None
        text = view.text
    return read_elisions(text) if doc.meta.get("register") == "dialogue" else text


#: Segment text → :func:`_words` of it: a sentence repeated in a document is counted once.
_word_counts = BoundedMemo(_words, 4 * _CACHE_SIZE)


def _eligible(text: str) -> bool:
    return _word_counts[text] >= MIN_WORDS  # counted once: the check counted the sentences the score asks about


def predict(text: str) -> Any:
    """The detector's :class:`~mtfix.garble.model.Prediction` for one sentence (offsets from 0), cached."""
    with _cache_lock:
        hit = _cache.get(text)
        if hit is not None:
            _cache.move_to_end(text)
            return hit
    pred = detector().predict(text)
    with _cache_lock:
        _cache[text] = pred
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return pred


#: Segments judged together, a slice at a time: their sentences are tagged at once (:func:`prime`) when enough are
#: new, judged, and their tokens and tags dropped (:func:`forget`) before the next slice, so that the detector's
#: peak memory grows with the slice, not the document (session 31).  8,000 from session 22 (the batch tagger walks
#: the positions of a batch's longest sentence once, so fewer batches walk fewer positions); 2,000 since session 31
#: (about 65,000 tokens of news: 3 MB of news peaked 48 MB less on the traced heap).  At most the tagger's sentence
#: cache (``tagger._SENTENCE_CACHE``), which a slice must not overflow.
_BATCH = 2000
#: Below this many new sentences in a batch they are tagged one by one: numpy's import (about 0.1 s,
#: which a cold check of a short text does not pay) and the batch tagger's tables cost more than
#: they save (session 14, distinct news, one process: slower at 157 and 301 sentences, equal within noise
#: at 525, faster at 800: 0.45 s against 0.51 s, and at 5,241: 1.6 s against 2.1 s).
BATCH_MIN_SENTENCES = 500


def prime(texts: list[str], det: Any) -> list[tuple[str, ...]]:
    """Tokenise and tag the sentences of ``texts`` that :func:`predict` has not judged at once, with numpy
    (:func:`mtfix.garble.signs.prime_tokens`, :func:`mtfix.garble.batch.prime`), when there are
    :data:`BATCH_MIN_SENTENCES` of them or more; :func:`predict` then finds their tokens and tags made.
    Returns the word tuples it put in the tagger's sentence cache (:func:`forget` them once judged).
    Changes no result."""
    with _cache_lock:
        todo = [t for t in dict.fromkeys(texts) if t not in _cache]
    if len(todo) < BATCH_MIN_SENTENCES:
        return []
    from mtfix.garble import batch
    from mtfix.garble.signs import prime_tokens

    return batch.prime(det.tagger, prime_tokens(todo))


def forget(primed: list[tuple[str, ...]], det: Any) -> None:
    """Drop a judged slice's sentences (what :func:`prime` returned) from the tagger's sentence cache, and the
    tokens :func:`prime` made that no analysis took: a long document's words are then held one slice at a time,
    not all at once (session 31).  Changes no result (the tagger tags a sentence alike from its cache or not)."""
    from mtfix.garble.signs import unprime

    unprime()
    det.tagger.forget(primed)


#: Sentence → (P(garbled), plan) of each sentence the last :meth:`GarbleChecker.check` judged, and the detector
#: that judged them (:func:`_prior`).  :func:`predict`'s cache holds the last :data:`_CACHE_SIZE` sentences only,
#: and a document is read in order, so past that size (1 MB of news: 5,400 sentences) a second pass over the
#: same document missed it on every sentence and judged them all again: the fluency score and the corroboration
#: after a check (:func:`probability`), and each check of ``fix`` after an edit (session 21).  A sentence's
#: probability and plan depend on its text and the detector only (as :func:`spread` relies on), so these serve.
#: Holds one document's sentences, replaced by each check.
_judged: dict[str, tuple[float, list[_Spec]]] = {}
_judged_detector: list[Any] = [None]


def _prior() -> Mapping[str, tuple[float, list[_Spec]]]:
    """:data:`_judged`, when the current detector judged it; else nothing."""
    return _judged if _judged and _judged_detector[0] is detector() else {}


def probability(text: str) -> float | None:
    """P(garbled) of one sentence, or None for a segment too short to judge."""
    if not _eligible(text):
        return None
    known = _judged.get(text)
    if known is not None and _judged_detector[0] is detector():
        return known[0]
    return predict(text).probability


def segment_probability(doc: Document, seg: Segment) -> float | None:
    """:func:`probability` of a segment of ``doc`` as the detector reads it (:func:`segment_text`)."""
    text = segment_text(doc, seg)
    return None if text is None else probability(text)


def findings_unwanted(config: Any) -> bool:
    """Whether ``config``'s ``--select``/``--ignore``, resolved by the rule catalogue (the one place
    that resolves them), drops every MTF4 code: then the checker need not look.  A selection the
    catalogue rejects says no here (the pipeline reports it).  The fluency score's probabilities do
    not depend on this (:func:`probability` runs on its own)."""
    from mtfix.catalogue import selection_for
    from mtfix.errors import ConfigError

    try:
        selection = selection_for(config)
    except ConfigError:
        return False
    return not any(selection.wants(code) for code in GARBLE_RULES)


#: One finding of a segment, offsets from the segment's start: code, category, severity, start, end,
#: message, suggestions, origin.
#: (code, category, severity, start, end, message, suggestions, origin, MTF401's reasons, its detail)
_Spec = tuple[str, str, Severity, int, int, str, tuple[str, ...], str, tuple[tuple[str | None, str], ...], str]
#: Segment text → (prediction, detector, its findings as _Spec): a text repeated in a document (or a
#: later one) gets the same findings, shifted; valid while :func:`predict` returns the same prediction.
_plans: dict[str, tuple[Any, Any, list[_Spec]]] = {}


def _plan(text: str, nwords: int, pred: Any, det: Any) -> list[_Spec]:
    """The findings of a segment of ``nwords`` words (``_words(text)``) with prediction ``pred``."""
    out: list[_Spec] = []
    pred = corrected(pred)  # a literal after an imperative (mtfix.garble.misreads)
    a = pred.analysis
    unsure_tags = a.dense.get("unknown_lower", 0.0) > 0 if a.dense else False
    for s in a.signs:
        if s.name == "no_finite" and (unsure_tags or nwords < MIN_NO_FINITE_WORDS):
            # beside an unknown word, and in a short sentence with little context, the
            # tagger often reads a verb as a noun ("oil and gas rose"): no finding then
            continue
        code = SIGN_CODES[s.name]
        r = GARBLE_RULES[code]
        out.append((code, r.category, Severity.MINOR, s.start, s.end, s.message,
                    (s.suggestion,) if s.suggestion else (), f"garble:{code}", (), ""))
    p = judged_probability(pred)  # a word in another alphabet: MTF408 says it (mtfix.garble.misreads)
    th = det.thresholds
    if p < th["minor"]:
        return out
    major = p >= th["major"] and may_be_major(text)
    sev = Severity.MAJOR if major else Severity.MINOR
    if a.signs:
        focus = (a.signs[0].start, a.signs[0].end)
    elif a.worst is not None:
        focus = a.worst
    else:
        focus = (0, len(text))
    reasons = garbled_reasons(pred, det)
    r = GARBLE_RULES["MTF401"]
    out.append(("MTF401", r.category, sev, focus[0], focus[1], garbled_message(reasons), (), "garble:MTF401",
                reasons, detector_detail(pred)))
    return out


def _clear_of_protected(doc: Document, start: int, end: int, seg: Segment, whole: bool) -> tuple[int, int] | None:
    """``[start, end)`` if it touches no protected span; else its longest stretch clear of them
    (white space trimmed); for ``whole`` (MTF401, which is about the sentence) failing that the
    segment's longest such stretch; else None."""
    if not doc.is_protected(start, end):
        return start, end
    lo, hi = min(start, seg.start), max(end, seg.end)
    # an HTML page's tags inside a word are no bound (session 29), nor a character reference (session 31)
    from mtfix.rules.markup import read_through

    glued = read_through(doc, lo, hi)

    def blocked(i: int) -> bool:
        return i not in glued and doc.is_protected(i, i + 1)

    if glued and not any(blocked(i) for i in range(start, end)):
        return start, end
    for a, b in ((start, end), (seg.start, seg.end)) if whole else ((start, end),):
        best, pos = None, a
        while pos < b:
            while pos < b and (doc.text[pos].isspace() or blocked(pos)):
                pos += 1
            s = pos
            while pos < b and not blocked(pos):
                pos += 1
            e = pos
            while e > s and doc.text[e - 1].isspace():
                e -= 1
            if e > s and (best is None or e - s > best[1] - best[0]):
                best = (s, e)
        if best is not None:
            return best
    return None


#: A document with at least this many sentences the detector has not judged spreads them over worker
#: processes when the pipeline's ``jobs`` allows (:func:`spread`): below it, forking and sending the
#: predictions back cost about what they save.
SPREAD_MIN_SENTENCES = 1000


def _judge_share(texts: list[str]) -> list[tuple[float, list[_Spec]]]:
    """P(garbled) and the plan of each of ``texts`` (one process's share of :func:`spread`): not the
    predictions, whose tokens and tags take longer to pickle and unpickle than to compute."""
    det = detector()
    out = []
    for lo in range(0, len(texts), _BATCH):  # a slice at a time, as GarbleChecker.check
        chunk = texts[lo : lo + _BATCH]
        primed = prime(chunk, det)
        for text in chunk:
            pred = predict(text)
            out.append((pred.probability, _plan(text, _word_counts[text], pred, det)))
        if primed:
            forget(primed, det)
    return out


def _load_batch_tables() -> None:
    """The batch tagger's tables (and numpy) for the detector: what :func:`prime` builds on a long document's first
    batch (about 0.12 s), loaded before workers fork so that they share it (:func:`mtfix.parallel.warm_up`)."""
    from mtfix.garble import batch

    tagger = detector().tagger
    if isinstance(tagger, batch.PackedTagger):
        batch._tables_of(tagger)


_registered = [False]


def _register() -> None:
    """Register what a long document's detector work loads on first use (:func:`mtfix.parallel.warm_up`), once
    per process, when a checker that may spread is built (:func:`build_checker`): a check that leaves out every
    MTF4 finding loads neither, as with ``jobs`` 1 (session 17 review)."""
    if _registered[0]:
        return
    _registered[0] = True
    from mtfix.parallel import on_long_document
    from mtfix.text.lexicon import load_english

    on_long_document("lexicon: the large English list", load_english)
    on_long_document("garble: the batch tagger's tables", _load_batch_tables)


#: The share of a spread's sentences this process judges when the workers start before the checkers
#: that run first (:meth:`GarbleChecker.begin`): it runs those meanwhile (the rules and the glossary take
#: about a third of the detector's time on news), so it takes less than an equal share of the sentences.
#: 0.5 in session 16; 0.55 since the large word list and the batch tables are loaded before the fork (session 17,
#: 1 MB of news with ``-j 2``: at 0.5 the worker was the busier by 0.2 s of CPU, at 0.6 this process by 0.18 s).
HERE_SHARE_AFTER_BEGIN = 0.55


class Spread:
    """Sentences being judged in worker processes (:func:`start_spread`); :meth:`finish` judges this
    process's share and collects the workers'; :meth:`close` stops the workers if it is not called."""

    def __init__(self, here: list[str], shares: list[list[str]], results: Iterator[Any]):
        self.here, self.shares, self.results = here, shares, results

    def finish(self) -> dict[str, tuple[float, list[_Spec]]]:
        known = dict(zip(self.here, _judge_share(self.here), strict=True))
        for share, judged in zip(self.shares, self.results, strict=True):
            known.update(zip(share, judged, strict=True))
        return known

    def close(self) -> None:
        close = getattr(self.results, "close", None)
        if close is not None:
            close()


def start_spread(items: Sequence[tuple[Any, Any, str, int]], jobs: int, here_share: float = 1.0) -> Spread | None:
    """Start judging the sentences of ``items`` (as :meth:`GarbleChecker.check` collects them) that
    :func:`predict` has not judged in worker processes, ``jobs`` processes in all (0: one per CPU core), each
    a contiguous share, this one ``here_share`` of an equal share (the first sentences); None with ``jobs``
    1, fewer than :data:`SPREAD_MIN_SENTENCES` such sentences, or no fork."""
    if jobs == 1 or len(items) < SPREAD_MIN_SENTENCES:
        return None
    from mtfix.parallel import can_fork, ordered_map, resolve_jobs, warm_up

    prior = _prior()
    with _cache_lock:
        todo = [t for t in dict.fromkeys(it[2] for it in items) if t not in _cache and t not in prior]
    n = min(resolve_jobs(jobs), len(todo) // (SPREAD_MIN_SENTENCES // 2))
    if n <= 1 or len(todo) < SPREAD_MIN_SENTENCES or not can_fork():
        return None
    detector()  # loaded before the fork: the workers share it
    warm_up()  # and what a long document loads on first use (done already when its segmentation was spread)
    cut = int(len(todo) * here_share / n)
    rest = todo[cut:]
    shares = [rest[i * len(rest) // (n - 1) : (i + 1) * len(rest) // (n - 1)] for i in range(n - 1)]
    results = ordered_map(_judge_share, [[], *shares], n, here_first=True)
    next(results)  # the workers fork and start; this process's share (empty here) is judged in finish()
    return Spread(todo[:cut], shares, results)


#: The spread :meth:`GarbleChecker.begin` started in this thread: (checker, document, items, spread).
_begun = threading.local()


def spread(items: Sequence[tuple[Any, Any, str, int]], jobs: int) -> dict[str, tuple[float, list[_Spec]]]:
    """Text → (P(garbled), plan) of the sentences of ``items`` that :func:`predict` has not judged, judged in
    ``jobs`` processes (:func:`start_spread`, :meth:`Spread.finish`); empty when they are not spread.  Each
    sentence is judged alone, so the findings are those of one process."""
    pending = start_spread(items, jobs)
    if pending is None:
        return {}
    try:
        return pending.finish()
    finally:
        pending.close()


class GarbleChecker(BaseChecker):
    """The source-language-independent garble detector as a pipeline checker."""

    name = "garble"
    #: what a segment's findings depend on (mtfix.model.Scope): each sentence judged on its own text (and the document's reading: headings, register)
    scope = Scope.SEGMENT
    #: Processes a long document's sentences are judged in (:func:`spread`; the configuration's ``jobs``,
    #: 0: one per CPU core): 1 unless a caller asks, so that a library, the language server or Spark never fork.
    jobs = 1
    #: False when the configuration's selection drops every MTF4 finding (see :func:`build_checker`):
    #: then :meth:`check` does no work.  The checker stays in the pipeline, so signatures do not change.
    active = True

    def begin(self, doc: Document) -> None:
        """Called by the pipeline before any checker runs on ``doc``: with ``jobs`` other than 1, start
        judging a long document's sentences in worker processes (:func:`start_spread`) while this process
        runs the checkers before this one; :meth:`check` then finishes it."""
        self.end(doc)
        if self.jobs == 1 or not self.active:
            return
        items = self._items(doc)
        pending = start_spread(items, self.jobs, HERE_SHARE_AFTER_BEGIN)
        if pending is not None:
            _begun.pending = (self, doc, items, pending)

    def end(self, doc: Document) -> None:
        """Called by the pipeline when the check of ``doc`` is over, or failed: stop workers still running."""
        got = getattr(_begun, "pending", None)
        if got is not None and got[0] is self:
            _begun.pending = None
            got[3].close()

    def load_data(self) -> None:
        """Read the detector's and the tagger's model files now, as the first check would (nothing when
        the checker is inactive): a file that cannot be read raises its ConfigError here, once."""
        if self.active:
            detector().tagger  # noqa: B018 - loads the tagger

    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> list[Finding]:
        out: list[Finding] = []
        if not self.active:
            return out
        det = None
        headings = doc.meta.get("headings")  # none but in Markdown: then no segment is in one
        dialogue = doc.meta.get("register") == "dialogue"
        got = getattr(_begun, "pending", None)
        if got is not None and got[0] is self and got[1] is doc:
            _begun.pending = None
            items, pending = got[2], got[3]
            try:
                known = pending.finish()
            finally:
                pending.close()
        else:
            items = self._items(doc)
            known = spread(items, self.jobs)
        if items:  # the sentences the last check judged are known (the checks of fix after an edit)
            prior = _prior()
            if prior:
                with _cache_lock:
                    known = {**prior, **known}
        judged: dict[str, tuple[float, list[_Spec]]] = {}
        for lo in range(0, len(items), _BATCH):
            chunk = items[lo : lo + _BATCH]
            det = self._judge(doc, chunk, det, headings, dialogue, out, known, judged)
        if det is not None:  # kept for the score, the corroboration and the next check (_judged)
            with _cache_lock:
                _judged.clear()
                _judged.update(judged)
                _judged_detector[0] = det
        return out

    def _items(self, doc: Document) -> list[tuple[Segment, Any, str, int]]:
        """(segment, its view or None, the text the detector reads, its words) of each segment judged."""
        dialogue = doc.meta.get("register") == "dialogue"
        items = []
        for seg in doc.segments:
            view = None
            if doc.is_protected(seg.start, seg.end):  # judged on its prose (mtfix.garble.view)
                view = segment_view(doc, seg)
                if view is None:
                    continue
                text = view.text
            else:
                text = doc.text[seg.start : seg.end]
            if dialogue:
                text = read_elisions(text)
            nwords = _word_counts[text]  # once per segment text
            if nwords >= MIN_WORDS:
                items.append((seg, view, text, nwords))
        return items

    def _judge(self, doc: Document, items: list[tuple[Segment, Any, str, int]], det: Any, headings: Any,
               dialogue: bool, out: list[Finding], known: Mapping[str, tuple[float, list[_Spec]]],
               judged: dict[str, tuple[float, list[_Spec]]]) -> Any:
        """The findings of ``items`` (see :meth:`check`) appended to ``out``, each sentence's probability and plan
        to ``judged``; the detector returned.  ``known``: sentences judged already (:func:`spread`, the last
        check), each with its probability and plan."""
        if det is None and items:
            det = detector()
        primed = prime([it[2] for it in items if it[2] not in known], det)
        for seg, view, text, nwords in items:
            hit = known.get(text)
            if hit is not None:
                plan = (hit[0], det, hit[1])
            else:
                pred = predict(text)
                plan = _plans.get(text)
                if plan is None or plan[0] is not pred or plan[1] is not det:
                    plan = (pred, det, _plan(text, nwords, pred, det))
                    if len(_plans) >= _CACHE_SIZE:
                        _plans.clear()
                    _plans[text] = plan
            judged[text] = hit if hit is not None else (plan[0].probability, plan[2])
            off = seg.start
            heading = bool(headings) and doc.in_heading(seg.start, seg.end)  # a heading gets at most a minor
            short_line = dialogue and nwords < MIN_DIALOGUE_WORDS  # a line of dialogue: signs only
            # a verbless line of dialogue is a spoken fragment ("A world of ice, wind and endless night."):
            # the model's verdict on it is at most a minor (session 14)
            fragment = dialogue and spoken_fragment(plan[2])
            for code, category, sev, start, end, msg, suggestions, origin, reasons, detail in plan[2]:
                if short_line and code == "MTF401":
                    continue
                if (heading or fragment) and sev is Severity.MAJOR:
                    sev = Severity.MINOR
                if view is None:
                    start, end = start + off, end + off
                else:
                    span = _clear_of_protected(doc, *view.span(start, end), seg, whole=code == "MTF401")
                    if span is None:
                        continue  # a sign on protected text (a code span): nothing to point at
                    start, end = span
                out.append(make_finding(doc, code, category, sev, start, end, msg,
                                        suggestions=suggestions, origin=origin, segment=seg.index,
                                        reasons=reasons, detail=detail))
        if primed:
            forget(primed, det)
        return det

    def post_filter(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Every checker's findings, with a minor MTF401 raised to major where a rule of the MTF1xx
        or MTF2xx packs agrees in the same sentence, or a slip machine translation carries over does in a
        sentence the detector suspects more than most professional English (:mod:`mtfix.garble.corroborate`)."""
        if not self.active:
            return findings
        from mtfix.garble.corroborate import corroborated

        return corroborated(doc, findings, may_be_major=segment_may_be_major, probability=segment_probability)

    def rules(self) -> list[RuleInfo]:
        """This checker's entries in the rule catalogue (:func:`mtfix.catalogue.builtin_rules`)."""
        from mtfix.catalogue import builtin_rules

        return builtin_rules(self.name)

    def signature(self) -> str:
        """The model's version and digest, the revision of the corroboration rule (which findings raise
        MTF401 to major) and of the findings level's corrections (:mod:`mtfix.garble.misreads`): all decide
        the findings."""
        from mtfix.garble import misreads
        from mtfix.garble.corroborate import REVISION

        return f"{detector().signature()}/corroborate-{REVISION}/misreads-{misreads.REVISION}"


def build_checker(config: Any, warnings: list[str]) -> GarbleChecker | None:
    """The garble checker, unless every MTF4 code is ignored."""
    ignore = tuple(getattr(config, "ignore", ()) or ())
    if any(i in ("MTF4", "MTF40", "MTF", "garble") for i in ignore):
        return None
    checker = GarbleChecker()
    checker.jobs = int(getattr(config, "jobs", 1))
    if findings_unwanted(config):
        checker.active = False
    elif checker.jobs != 1:
        _register()
    return checker
