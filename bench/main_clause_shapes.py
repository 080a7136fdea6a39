"""How often a sentence with a finite verb but no main clause occurs in garbled MT and in professional English.

Session 41 (issue 11): the largest class of realmt train's out-of-fold misses no structural sign covers is a
sentence that has a finite verb and no main clause. Before any rule, this counts its shapes per sentence
(``split_segments``; six words or more, ending in a full stop) in realmt train MT, its corrections and its
professional news; MLQE-PE train MT and post-edits (fitting data); and every professional source of
``bench/audit_professional.py``. A row counts once per shape. The shapes, read with the detector's tagger:

- ``verb_opens``: the first word is a capitalised VBD/VBZ (a subject dropped, or a participle opening);
- ``reporting_opens``: a reporting verb opens the sentence right before "that" or ":" ("Said: ...");
- ``conj_one_clause``: a subordinating conjunction ("because", "although", "if", "when", ...) opens a clause
  whose finite verb comes before any comma, and no second finite verb group or imperative follows;
- ``conj_no_comma``: the same with no comma, semicolon or colon in the sentence ("Because prices rose.");
- ``relative_only``: every finite verb is inside a relative clause after a comma (", who ...", ", which ...");
- ``subject_relative_only``: the same, the relative right after a noun of the sentence's first four words
  ("The minister, who claims the plan is ready.").

    python bench/main_clause_shapes.py
    python bench/main_clause_shapes.py --dump /tmp/shapes.jsonl   # every hit, to read
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import shape_tables  # noqa: E402

from mtfix.garble import tagger as tagger_mod  # noqa: E402
from mtfix.garble.structural_signs import FINITE, REPORTING  # noqa: E402
from mtfix.garble.tagger import tokenize  # noqa: E402
from mtfix.segment import split_segments  # noqa: E402

SHAPES = ("verb_opens", "reporting_opens", "conj_one_clause", "conj_no_comma", "relative_only",
          "subject_relative_only")
CONJUNCTIONS = frozenset({"because", "although", "though", "whereas", "unless", "if", "while", "when", "whenever",
                          "once"})
RELATIVES = frozenset({"who", "which", "whose", "whom"})
_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_CLAUSE_STOPS = frozenset({",", ";", ":"})


def _verb_groups(tags: Sequence[str]) -> list[int]:
    """The first finite verb of each group (a finite verb after another, adverbs between, joins its group)."""
    groups = []
    for i, t in enumerate(tags):
        if t in FINITE:
            k = i - 1
            while k >= 0 and tags[k] == "RB":
                k -= 1
            if not (k >= 0 and tags[k] in FINITE):
                groups.append(i)
    return groups


def _bare_verb(tags: Sequence[str]) -> bool:
    """A VB with no finite verb, modal or "to" in the three tokens before it (an imperative main clause)."""
    return any(t == "VB" and not any(tags[k] in FINITE or tags[k] == "TO" for k in range(max(0, i - 3), i))
               for i, t in enumerate(tags) if i)


def shapes(words: Sequence[str], tags: Sequence[str]) -> set[str]:
    """The shapes of one tagged sentence (empty unless six words or more ending in a full stop)."""
    wordlike = [i for i, w in enumerate(words) if any(c.isalnum() for c in w)]
    if len(wordlike) < 6 or words[-1] != ".":
        return set()
    low = [w.lower() for w in words]
    first = wordlike[0]
    finite = [i for i, t in enumerate(tags) if t in FINITE]
    out = set()
    if words[first][:1].isupper() and tags[first] in ("VBD", "VBZ"):
        out.add("verb_opens")
    if low[first] in REPORTING and first + 1 < len(low) and low[first + 1] in ("that", ":"):
        out.add("reporting_opens")
    stop = next((i for i, w in enumerate(words) if w in _CLAUSE_STOPS), len(words))
    if low[first] in CONJUNCTIONS and finite and finite[0] < stop and len(_verb_groups(tags)) == 1 \
            and not _bare_verb(tags):
        out.add("conj_one_clause")
        if stop == len(words):
            out.add("conj_no_comma")
    opens = [i for i in range(1, len(words)) if low[i] in RELATIVES and words[i - 1] == ","]
    if finite and opens:
        inside = set()
        for i in opens:
            j = i
            while j < len(words) and words[j] not in _CLAUSE_STOPS:
                inside.add(j)
                j += 1
        if inside.issuperset(finite):
            out.add("relative_only")
            c = opens[0] - 1
            if c == stop and sum(k < c for k in wordlike) <= 4 and tags[c - 1] in _NOUNS:
                out.add("subject_relative_only")
    return out


def main(argv: list[str] | None = None) -> int:
    args = shape_tables.arguments(__doc__, dump="sentence").parse_args(argv)
    shared = shape_tables.shared(args.shared, "main_clause_shapes")
    tagger = tagger_mod.load()
    shape_tables.header(SHAPES)
    with shape_tables.dump_file(args.dump) as dump:
        for name, texts in shape_tables.sets(shared):
            counts: Counter[str] = Counter()
            for text in texts:
                hit: set[str] = set()
                for seg in split_segments(text):
                    sentence = text[seg.start:seg.end].strip()
                    words = [t.text for t in tokenize(sentence)]
                    found = shapes(words, tagger.tag(words)) if words else set()
                    if dump:
                        for shape in sorted(found - hit):
                            dump(name, shape, sentence)
                    hit |= found
                counts.update(hit)
            shape_tables.row(name, len(texts), [counts[s] for s in SHAPES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
