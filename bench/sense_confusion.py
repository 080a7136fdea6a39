"""Confusion-set signs for calques and wrong word senses, measured and NOT adopted (session 48, issue 11).

Two candidates, each asking of a word whether fluent English would put another member of its confusion set in
the same slot.

**prepositions**: a preposition its neighbours reject.

Calques carry the source language's preposition or case ending into English ("explained about the plan",
"participated at the talks", "a decree about his resignation"), whatever the source language.  Preposition-error
detection (a confusion set, each member scored in the same slot) asks of each grammatical preposition ``p``
between two lower-case known words ``l`` and ``r``, under wordsegment's Google Web bigrams
(:class:`mtfix.scoring.lm.BigramModel`, stupid backoff)::

    gap(l, p, r) = max over q ≠ p of [log10 P(q | l) + log10 P(r | q)] − [log10 P(p | l) + log10 P(r | p)]

a positive gap: fluent English puts another member of the set there.  A sentence's score is its largest gap
(0 without a scored preposition), divided by the SD of that score over MLQE-PE **train** MT and post-edits (so no
realmt row sets the scale), and added at :data:`calque_bigrams.WEIGHT` (1, fixed) to the logit of the detector's
probability; :func:`calque_bigrams.report` prints realmt train out of fold, realmt dev and every probe.  The set
:data:`PREPOSITIONS` (the seven grammatical prepositions whose choice the governing word fixes) was chosen on
realmt **train** alone against two wider sets (``--set``); the sign fits nothing else.

**synonyms**: a content word its content neighbours reject for one of its WordNet synonyms ("severe" beside a
noun that keeps company with "serious").  The set of a lower-case word is every other one-word lemma of a WordNet
3.0 synset holding it, seen at least 10^:data:`COMMON_SYNONYM` times (Debian's ``wordnet-base``, read from
:data:`WORDNET`; Princeton's WordNet licence; absent, the candidate says so and stops).  A word's association with
its slot is the PMI, under the same bigrams, with each neighbour that is a content word (not in
:data:`mtfix.text.tokens.FUNCTION_WORDS`, under 10^8.5), and the gap is the best synonym's association minus the word's own, counted only when the best
synonym's pair is listed.  Scale and weight as above.

``localise`` asks the sign's own question on a disjoint development set: over MLQE-PE train's five into-English
pairs, whether a word the post-editor replaced or deleted has a larger gap than one kept (difflib's
alignment of MT to its post-edit, lower case words).  Reads no MQM, he-en or MLQE-PE dev/test/test21 data.  Run::

    MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/sense_confusion.py [report|localise] [--candidate prepositions|synonyms] [--set N]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))
sys.path.append(str(ROOT / "bench"))

from bench.calque_bigrams import mlqe_train_pairs, report  # noqa: E402
from bench.eval_data import SHARED_HELP, require_parts, shared_dir  # noqa: E402
from mtfix.text.tokens import FUNCTION_WORDS  # noqa: E402

#: The confusion sets of the prepositions candidate measured on realmt train; the first is the candidate's.
SETS: dict[str, tuple[str, ...]] = {
    "grammatical": ("in", "on", "at", "for", "of", "with", "about"),
    "wide": ("in", "on", "at", "for", "of", "with", "about", "to", "from", "by"),
    "all": ("in", "on", "at", "for", "of", "with", "from", "by", "about", "into", "to", "over", "under", "during",
            "after", "before"),
}
#: MT and post-edits of each MLQE-PE train pair read for the scale and for ``localise``.
PER_PAIR = 2000
#: Debian's ``wordnet-base`` files (WordNet 3.0).
WORDNET = Path("/usr/share/wordnet")
#: A synonym counts from this log10 count (wordsegment's unigrams), a neighbour is a content word below FUNCTION.
COMMON_SYNONYM = 6.0
FUNCTION = 8.5
_TOKEN = re.compile(r"[A-Za-z']+|[0-9]+|[^\sA-Za-z0-9]")


def words(text: str) -> list[str]:
    """Words, numbers and single punctuation marks, case kept (a capital or a mark breaks a slot)."""
    return _TOKEN.findall(text)


def _plain(word: str) -> bool:
    return word.isalpha() and word.islower()


class ConfusionGaps:
    """A sentence's largest gap between the best other member of a word's confusion set and the word written."""

    def __init__(self, model=None) -> None:
        from mtfix.scoring.lm import BigramModel

        self.model = model or BigramModel.load()
        self.sd = 1.0

    def gap(self, left: str, word: str, right: str) -> float | None:
        """The slot's gap, or None when the word is not scored there."""
        raise NotImplementedError

    def gaps(self, tokens: list[str]) -> list[tuple[int, float]]:
        """(index, gap) of each scored word between two lower-case words the model knows."""
        out = []
        for i in range(1, len(tokens) - 1):
            left, word, right = tokens[i - 1 : i + 2]
            if _plain(left) and _plain(word) and _plain(right) and all(map(self.model.known, (left, word, right))):
                g = self.gap(left, word, right)
                if g is not None:
                    out.append((i, g))
        return out

    def raw(self, text: str) -> float:
        return max((g for _, g in self.gaps(words(text))), default=0.0)

    def fit_scale(self, texts: list[str]) -> ConfusionGaps:
        """Set the SD the score is divided by, from ``texts`` (unlabelled)."""
        rows = [self.raw(t) for t in texts]
        mean = sum(rows) / len(rows)
        self.sd = (sum((x - mean) ** 2 for x in rows) / len(rows)) ** 0.5 or 1.0
        return self

    def score(self, text: str) -> float:
        return self.raw(text) / self.sd


class PrepositionGaps(ConfusionGaps):
    """A preposition of the set against the others: log P(q | left) + log P(right | q)."""

    def __init__(self, members: tuple[str, ...] = SETS["grammatical"], model=None) -> None:
        super().__init__(model)
        self.members = members

    def gap(self, left: str, word: str, right: str) -> float | None:
        if word not in self.members:
            return None

        def slot(q: str) -> float:
            return self.model.logprob(left, q) + self.model.logprob(q, right)

        return max(slot(q) for q in self.members if q != word) - slot(word)


def wordnet_synonyms(folder: Path = WORDNET) -> dict[str, set[str]]:
    """Each one-word lemma's other one-word lemmas over the synsets of ``folder``'s ``data.*`` files."""
    import collections

    out: dict[str, set[str]] = collections.defaultdict(set)
    for pos in ("noun", "adj", "verb", "adv"):
        with (folder / f"data.{pos}").open(encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):  # the licence header
                    continue
                fields = line.split()
                lemmas = {re.sub(r"\(.*\)$", "", fields[4 + 2 * k]).lower() for k in range(int(fields[3], 16))}
                lemmas = {w for w in lemmas if w.isalpha()}
                for w in lemmas:
                    out[w] |= lemmas - {w}
    return out


class SynonymGaps(ConfusionGaps):
    """A content word against its common WordNet synonyms, by PMI with its content-word neighbours."""

    def __init__(self, synonyms: dict[str, set[str]], model=None) -> None:
        super().__init__(model)
        self.synonyms = synonyms

    def _pmi(self, a: str, b: str) -> float:
        return self.model.logprob(a, b) - (self.model.unigram(b) - self.model.log_total)

    def gap(self, left: str, word: str, right: str) -> float | None:
        if word in FUNCTION_WORDS:
            return None
        rivals = [s for s in self.synonyms.get(word, ()) if (self.model.unigram(s) or 0.0) >= COMMON_SYNONYM]
        sides = [(w, k) for k, w in enumerate((left, right))
                 if w not in FUNCTION_WORDS and (self.model.unigram(w) or 0.0) < FUNCTION]
        if not rivals or not sides:
            return None

        def association(x: str) -> float:
            return sum(self._pmi(w, x) if k == 0 else self._pmi(x, w) for w, k in sides)

        best = max(rivals, key=association)
        if not any(self.model.bigrams.get(f"{w} {best}" if k == 0 else f"{best} {w}") is not None for w, k in sides):
            return None
        return association(best) - association(word)


def localise(gaps: ConfusionGaps, pairs: list[tuple[str, str]]) -> tuple[float, int, int]:
    """AUC that a word the post-editor changed has a larger gap than one kept, and the two counts."""
    from eval_realmt import auc

    changed, kept = [], []
    for mt, pe in pairs:
        a, b = words(mt), words(pe)
        same = set()
        for block in difflib.SequenceMatcher(a=[w.lower() for w in a], b=[w.lower() for w in b],
                                             autojunk=False).get_matching_blocks():
            same.update(range(block.a, block.a + block.size))
        for i, g in gaps.gaps(a):
            (kept if i in same else changed).append(g)
    return auc([-g for g in changed], [-g for g in kept]), len(changed), len(kept)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", nargs="?", choices=("report", "localise"), default="report")
    ap.add_argument("--candidate", choices=("prepositions", "synonyms"), default="prepositions")
    ap.add_argument("--set", choices=tuple(SETS), default="grammatical", help="the prepositions' confusion set")
    ap.add_argument("--shared", help=SHARED_HELP)
    args = ap.parse_args(argv)
    shared = require_parts(shared_dir(args.shared), "benchmarks", "realmt")
    if args.candidate == "synonyms":
        if not (WORDNET / "data.noun").is_file():
            print(f"error: no WordNet at {WORDNET} (apt-get install wordnet-base)", file=sys.stderr)
            return 2
        gaps: ConfusionGaps = SynonymGaps(wordnet_synonyms())
    else:
        gaps = PrepositionGaps(SETS[args.set])
    pairs = mlqe_train_pairs(shared / "benchmarks", limit=PER_PAIR)
    name = args.candidate + (f" ({args.set})" if args.candidate == "prepositions" else "")
    if args.what == "localise":
        value, n_changed, n_kept = localise(gaps, pairs)
        print(f"MLQE-PE train ({len(pairs)} pairs), {name}: changed {n_changed}, kept {n_kept}, "
              f"AUC changed above kept {value:.4f}")
        return 0
    gaps.fit_scale([t for pair in pairs for t in pair])
    print(f"{name}; scale (SD of the max gap over {2 * len(pairs)} MLQE-PE train rows) {gaps.sd:.4f}")
    report(defaultdict(lambda: gaps), gaps, shared / "realmt")  # fitted on no realmt row: one scorer for every fold
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
