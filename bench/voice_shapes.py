"""How often voice and case-role inversions occur in garbled MT and in professional English.

Session 42 (issue 11): the second structural class of realmt train's out-of-fold misses no sign covers is a voice
or case-role inversion (a passive of a verb English does not passivise, "was explained about", a passive with the
roles reversed). Before any rule, this counts its shapes per text in realmt train MT, its corrections and its
professional news; MLQE-PE train MT and post-edits (fitting data); MQM zh-en 2020 MT (with how many hits lie in a
rater's error span); and every professional source of ``bench/audit_professional.py``. The verb classes are derived
from UD EWT **train** (dev and test are an audit source), by dependency relations, not listed by hand:

- never passive: a verb lemma used ≥ ``MIN_USES`` times, never with ``aux:pass``/``nsubj:pass``/``csubj:pass``
  and never with an ``obj``/``iobj``/``ccomp`` (English has no passive of it: "happen", "exist", "remain");
- never with "about": a lemma used ≥ ``MIN_USES`` times, no dependent of it in either voice marked by "about";
- passive without an object: a lemma with ≥ 3 passives, none of them with an ``obj``/``iobj``/``xcomp``/``ccomp``.

The shapes, read with the detector's tagger (a form of "be", adverbs allowed between, then a VBN/VBD whose every
EWT lemma is in the class):

- ``intransitive_passive``: a never-passive verb, not followed by a preposition (a prepositional passive);
- ``intransitive_passive_by``: the same with "by" within the next four words (an agent);
- ``passive_about``: a never-with-"about" verb right before "about";
- ``passive_object``: a passive-without-object verb right before a determiner, possessive, number or name.

    python bench/voice_shapes.py
    python bench/voice_shapes.py --dump /tmp/voice.jsonl   # every hit, to read
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import shape_tables  # noqa: E402
from shape_tables import ewt_train  # noqa: E402

from mtfix.garble import tagger as tagger_mod  # noqa: E402
from mtfix.garble.tagger import tokenize  # noqa: E402

SHAPES = ("intransitive_passive", "intransitive_passive_by", "passive_about", "passive_object")
MIN_USES = shape_tables.MIN_USES
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
PREPOSITIONS = frozenset({"about", "after", "as", "at", "down", "for", "from", "in", "into", "of", "off", "on",
                          "out", "over", "through", "to", "up", "upon", "with"})
_PASSIVE_MARKS = frozenset({"aux:pass", "nsubj:pass", "csubj:pass"})
_OBJECTS = frozenset({"obj", "iobj", "ccomp"})
_PASSIVE_OBJECTS = _OBJECTS | {"xcomp"}
_OBJECT_OPENERS = frozenset({"DT", "PRP$", "CD", "NNP", "NNPS"})


@dataclass
class VerbClasses:
    """Verb lemmas by how EWT train uses them, and the VBN/VBD word forms of each lemma."""

    never_passive: set[str] = field(default_factory=set)
    never_about: set[str] = field(default_factory=set)
    passive_no_object: set[str] = field(default_factory=set)
    forms: dict[str, set[str]] = field(default_factory=dict)

    def lemmas(self, word: str) -> set[str]:
        return self.forms.get(word.lower(), set())


def verb_classes(treebank: Sequence[list[list[str]]] | Iterator[list[list[str]]]) -> VerbClasses:
    """The classes of :class:`VerbClasses` from treebank sentences (rows of CoNLL-U columns)."""
    uses: Counter[str] = Counter()
    passives: Counter[str] = Counter()
    objects: Counter[str] = Counter()
    about: Counter[str] = Counter()
    passive_objects: Counter[str] = Counter()
    forms: defaultdict[str, set[str]] = defaultdict(set)
    for lemma, mine, kids in shape_tables.treebank_verbs(treebank, uses, forms):
        deps = {k[7] for k in mine}
        passive = bool(deps & _PASSIVE_MARKS)
        passives[lemma] += passive
        objects[lemma] += bool(deps & _OBJECTS)
        passive_objects[lemma] += passive and bool(deps & _PASSIVE_OBJECTS)
        about[lemma] += any(g[2].lower() == "about" and g[7] == "case" for k in mine for g in kids[k[0]])
    frequent = shape_tables.frequent_verbs(uses)
    return VerbClasses(
        never_passive={v for v in frequent if not passives[v] and not objects[v]},
        never_about={v for v in frequent if not about[v]},
        passive_no_object={v for v, n in passives.items() if n >= 3 and not passive_objects[v] and v != "be"},
        forms=dict(forms))


def load_classes(shared: Path) -> VerbClasses:
    """:func:`verb_classes` of UD EWT train."""
    return verb_classes(ewt_train(shared))


def _in(classes: VerbClasses, word: str, members: set[str]) -> bool:
    lemmas = classes.lemmas(word)
    return bool(lemmas) and lemmas <= members


def shapes(words: Sequence[str], tags: Sequence[str], classes: VerbClasses) -> set[str]:
    """The shapes of one tagged sentence."""
    return {shape for shape, _ in hits(words, tags, classes)}


def be_participles(low: Sequence[str], tags: Sequence[str]) -> list[int]:
    """The index of each VBN/VBD right after a form of "be" (adverbs allowed between) in lower-cased words."""
    out = []
    for i, w in enumerate(low):
        if w in BE:
            j = i + 1
            while j < len(low) and tags[j] == "RB":
                j += 1
            if j < len(low) and tags[j] in ("VBN", "VBD"):
                out.append(j)
    return out


def hits(words: Sequence[str], tags: Sequence[str], classes: VerbClasses) -> list[tuple[str, int]]:
    """Each shape of one tagged sentence with the index of its verb."""
    low = [w.lower() for w in words]
    out: list[tuple[str, int]] = []
    for j in be_participles(low, tags):
        after = low[j + 1] if j + 1 < len(low) else ""
        if _in(classes, w := low[j], classes.never_passive) and after not in PREPOSITIONS:
            out.append(("intransitive_passive", j))
            if "by" in low[j + 1:j + 5]:
                out.append(("intransitive_passive_by", j))
        if after == "about" and _in(classes, w, classes.never_about):
            out.append(("passive_about", j))
        if j + 1 < len(low) and tags[j + 1] in _OBJECT_OPENERS and _in(classes, w, classes.passive_no_object):
            out.append(("passive_object", j))
    return out


def _found(text: str, tagger, classes: VerbClasses) -> set[str]:
    words = [t.text for t in tokenize(text)]
    return shapes(words, tagger.tag(words), classes) if words else set()


def _mqm(shared: Path, tagger, classes: VerbClasses) -> tuple[int, Counter[str], Counter[str]]:
    """MQM zh-en 2020 MT rows: how many, and per shape the rows with a hit and those with a rater's error span
    (shorter than the whole segment) over the shape's verb; "any be + participle" is the base rate."""
    rows: Counter[str] = Counter()
    spans: Counter[str] = Counter()
    n = 0
    with gzip.open(shared / "benchmarks" / "mqm-zh-en-2020.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["is_human"]:
                continue
            n += 1
            text = r["target"]
            toks = list(tokenize(text))
            words = [t.text for t in toks]
            tags = tagger.tag(words) if words else []
            found = dict(hits(words, tags, classes))
            base = be_participles([w.lower() for w in words], tags)
            if base:
                found["any be + participle"] = base[0]
            errs = [e for e in r.get("errors", ()) if e.get("start") is not None and e.get("end") is not None
                    and e["end"] - e["start"] < 0.8 * len(text)]
            for shape, j in found.items():
                rows[shape] += 1
                spans[shape] += any(e["start"] < toks[j].end and e["end"] > toks[j].start for e in errs)
    return n, rows, spans


def main(argv: list[str] | None = None) -> int:
    args = shape_tables.arguments(__doc__).parse_args(argv)
    shared = shape_tables.shared(args.shared, "voice_shapes")
    classes = load_classes(shared)
    print(f"EWT train: {len(classes.never_passive)} never passive ({', '.join(sorted(classes.never_passive))}); "
          f"{len(classes.never_about)} never with 'about'; {len(classes.passive_no_object)} passives without object")
    tagger = tagger_mod.load()
    shape_tables.header(SHAPES)
    with shape_tables.dump_file(args.dump) as dump:
        for name, texts in shape_tables.sets(shared, labelled=("case_role_error",)):
            counts: Counter[str] = Counter()
            for text in texts:
                found = _found(text, tagger, classes)
                if dump:
                    for shape in sorted(found):
                        dump(name, shape, text)
                counts.update(found)
            shape_tables.row(name, len(texts), [counts[s] for s in SHAPES])
        n, rows, spans = _mqm(shared, tagger, classes)
        shape_tables.row("MQM zh-en 2020 MT (hits / in a rater's span)", n, [f"{rows[s]} / {spans[s]}" for s in SHAPES])
        base = "any be + participle"
        print(f"MQM zh-en 2020 MT, the first be + participle of a row (base rate): {rows[base]} rows, "
              f"{spans[base]} in a rater's span")
    return 0


if __name__ == "__main__":
    sys.exit(main())
