"""The two classes sessions 41 and 42 left to a parse, counted with one (session 42, issue 11; measured only).

Session 41 (a finite verb but no main clause) and session 42 (voice and case-role inversions) found that no
shape the tagger can read separates garbled MT from professional English, and both concluded that a parse which
finds the main clause and its subject is what the class needs. This reads each sentence with the detector's
tokens and tags and session 19's parser (:mod:`depparse`, arc-standard, averaged perceptron, trained on UD EWT
train by ``python bench/parser_evidence.py train``; the model file is git-ignored) and counts, per text, once per
shape, in realmt train MT, its corrections and its professional news; MLQE-PE train MT and post-edits (fitting
data); every professional source of ``bench/audit_professional.py`` and the other ``tests/data/professional_*``
files. Sentences as session 41's: ``split_segments``, six words or more, ending in a full stop.

(a) no main clause, in a sentence with a finite verb (VBD/VBZ/VBP/MD):

- ``no_main_clause``: the root is neither a finite clause with a subject (a finite root, or a root with a finite
  ``aux``/``cop``, and an ``nsubj``/``csubj``/``expl``) nor an imperative (a bare VB root with no subject and no
  ``aux`` but "do"/"don't"), or it has a ``mark`` (a subordinate clause alone);
- ``subordinate_root``: of those, a root with a ``mark`` ("Because prices rose in the spring.");
- ``subjectless_root``: of those, a finite verb root with no subject (a subject dropped);
- ``fragment_root``: of those, a root that is no verb and has no finite ``cop``/``aux`` (the finite verb sits
  in a dependent clause).

(b) a person made the subject of a passive (a form of "be" as ``aux`` of a VBN; the subject a personal pronoun
I/he/she/we/they/you). Verb classes from UD EWT **train** only (dev and test are an audit source):

- ``person_passive``: the verb's every EWT lemma is transitive there (≥ ``MIN_OBJECTS`` objects, ≥ ``MIN_USES``
  uses) yet has a person ("me", "him", "her", "us", "them", "you"; I/he/she/we/they/you as passive subject) as object, indirect
  object or passive subject at most ``MAX_PERSON_USES`` times ("explain", "describe");
- ``person_passive_about``: any such person passive with an "about" dependent ("she was explained about");
- ``person_passive_about_rare``: the same, the verb never passive with "about" in EWT train.

    python bench/parse_shapes.py                      # the table (needs bench/.parser-ewt.npz)
    python bench/parse_shapes.py --dump /tmp/p.jsonl  # every hit, to read
    python bench/parse_shapes.py --roots              # EWT dev: root found, (a) on gold against parsed trees
    valgrind --tool=cachegrind --cache-sim=no python bench/parse_shapes.py --cost 100   # instructions (and 0, -1)
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import depparse  # noqa: E402
import shape_tables  # noqa: E402
from audit_professional import OWN_SETS  # noqa: E402
from shape_tables import ewt_train  # noqa: E402
from voice_shapes import BE  # noqa: E402

from mtfix.garble import tagger as tagger_mod  # noqa: E402
from mtfix.garble.structural_signs import FINITE  # noqa: E402
from mtfix.segment import split_segments  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
MODEL = REPO / "bench" / ".parser-ewt.npz"
MAIN_SHAPES = ("no_main_clause", "subjectless_root", "fragment_root", "subordinate_root")
SHAPES = (*MAIN_SHAPES, "person_passive", "person_passive_about", "person_passive_about_rare")
MIN_USES = shape_tables.MIN_USES
MIN_OBJECTS = 3
MAX_PERSON_USES = 1  # EWT train is web English, learners' too: one "explain me" is not the verb's frame
PERSON_SUBJECTS = frozenset({"i", "he", "she", "we", "they", "you"})
PERSON_OBJECTS = frozenset({"me", "him", "her", "us", "them", "you"})
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
IMPERATIVE_AUX = frozenset({"do", "don't", "dont"})
_VERBS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"})


@dataclass
class PersonClasses:
    """Verb lemmas by how EWT train uses them with persons, and the VBN/VBD word forms of each lemma."""

    no_person: set[str] = field(default_factory=set)
    never_passive_about: set[str] = field(default_factory=set)
    forms: dict[str, set[str]] = field(default_factory=dict)

    def all_in(self, word: str, members: set[str]) -> bool:
        lemmas = self.forms.get(word.lower(), set())
        return bool(lemmas) and lemmas <= members


def person_classes(treebank: Iterator[list[list[str]]] | Sequence[list[list[str]]]) -> PersonClasses:
    """:class:`PersonClasses` from treebank sentences (rows of CoNLL-U columns)."""
    uses: Counter[str] = Counter()
    objects: Counter[str] = Counter()
    persons: Counter[str] = Counter()
    passive_about: Counter[str] = Counter()
    forms: defaultdict[str, set[str]] = defaultdict(set)
    for lemma, mine, kids in shape_tables.treebank_verbs(treebank, uses, forms):
        objects[lemma] += any(k[7] in ("obj", "iobj") for k in mine)
        persons[lemma] += any((k[7] in ("obj", "iobj") and k[1].lower() in PERSON_OBJECTS)
                              or (k[7] == "nsubj:pass" and k[1].lower() in PERSON_SUBJECTS) for k in mine)
        if any(k[7] == "aux:pass" for k in mine):
            passive_about[lemma] += any(g[1].lower() == "about" and g[7] == "case" for k in mine
                                        for g in kids[k[0]])
    frequent = shape_tables.frequent_verbs(uses)
    return PersonClasses(
        no_person={v for v in frequent if objects[v] >= MIN_OBJECTS and persons[v] <= MAX_PERSON_USES},
        never_passive_about={v for v in frequent if not passive_about[v]},
        forms=dict(forms))


def load_classes(shared: Path) -> PersonClasses:
    """:func:`person_classes` of UD EWT train."""
    return person_classes(ewt_train(shared))


def _finite(i: int, tags: Sequence[str], kids: Sequence[list[int]], labels: Sequence[str]) -> bool:
    """Word ``i`` (0-based) is finite itself or through a finite ``aux``/``cop`` dependent."""
    return tags[i] in FINITE or any(labels[k] in ("aux", "cop") and tags[k] in FINITE for k in kids[i])


def shapes(words: Sequence[str], tags: Sequence[str], heads: Sequence[int], labels: Sequence[str],
           classes: PersonClasses) -> set[str]:
    """The shapes of one tagged, parsed sentence (heads 1-based, 0 the root); (a) only for six words or more
    ending in a full stop."""
    n = len(words)
    kids: list[list[int]] = [[] for _ in range(n)]
    roots = []
    for i, h in enumerate(heads):
        if h == 0:
            roots.append(i)
        else:
            kids[h - 1].append(i)
    low = [w.lower() for w in words]
    out: set[str] = set()
    wordlike = sum(any(c.isalnum() for c in w) for w in words)
    if roots and wordlike >= 6 and words[-1] == "." and any(t in FINITE for t in tags):
        r = roots[0]
        subj = any(labels[k] in SUBJECTS for k in kids[r])
        finite = _finite(r, tags, kids, labels)
        imperative = (tags[r] == "VB" and not subj
                      and all(low[k] in IMPERATIVE_AUX for k in kids[r] if labels[k] == "aux"))
        mark = any(labels[k] == "mark" for k in kids[r])
        if mark or not ((finite and subj) or imperative):
            out.add("no_main_clause")
            if mark:
                out.add("subordinate_root")
            elif tags[r] in FINITE and not subj:
                out.add("subjectless_root")
            elif tags[r] not in _VERBS and not finite:
                out.add("fragment_root")
    for v in range(n):
        if tags[v] != "VBN" or not any(labels[k] == "aux" and low[k] in BE for k in kids[v]):
            continue
        if not any(labels[k] == "nsubj" and low[k] in PERSON_SUBJECTS for k in kids[v]):
            continue
        if classes.all_in(low[v], classes.no_person):
            out.add("person_passive")
        if any(low[g] == "about" and labels[g] == "case" for k in kids[v] for g in kids[k]):
            out.add("person_passive_about")
            if classes.all_in(low[v], classes.never_passive_about):
                out.add("person_passive_about_rare")
    return out


class Reader:
    """Split, tokenise and tag as the detector does, parse, and give each sentence's shapes."""

    def __init__(self, parser: depparse.Parser, classes: PersonClasses, tagger=None):
        self.parser = parser
        self.classes = classes
        self.tagger = tagger or tagger_mod.load()

    def sentences(self, text: str, main: bool = True) -> Iterator[tuple[str, set[str]]]:
        """Each sentence and its shapes; with ``main`` false, only (b)'s (and only sentences with a personal
        pronoun, a form of "be" and a VBN are parsed)."""
        for seg in split_segments(text):
            sentence = text[seg.start:seg.end].strip()
            words = [t.text for t in tagger_mod.tokenize(sentence)]
            if not words:
                continue
            tags = self.tagger.tag(tagger_mod.tagger_words(words))
            if not main and not _may_be_person_passive(words, tags):
                continue
            p = self.parser.parse(words, tags)
            found = shapes(words, tags, p.heads, p.labels, self.classes)
            yield sentence, found if main else found - set(MAIN_SHAPES)


def _may_be_person_passive(words: Sequence[str], tags: Sequence[str]) -> bool:
    low = {w.lower() for w in words}
    return "VBN" in tags and bool(low & PERSON_SUBJECTS) and bool(low & BE)


def _lines(path: Path) -> list[str]:
    return [ln.rstrip("\n") for ln in path.open(encoding="utf-8")
            if ln.strip() and not ln.startswith(("#", "<!--"))]


def sets(shared: Path) -> Iterator[tuple[str, list[str]]]:
    """Each source's name and texts: those of :func:`shape_tables.sets` (realmt train, MLQE-PE train, the
    audit's professional sources), then the other ``tests/data/professional_*`` files."""
    yield from shape_tables.sets(shared)
    own = {p.resolve() for p in OWN_SETS.values()}
    for path in sorted((REPO / "tests" / "data").glob("professional_*")):
        if path.resolve() not in own:
            yield "own-" + path.stem.removeprefix("professional_"), _lines(path)


def _cost(shared: Path, model: Path, n: int) -> int:
    """Load the tagger and the parser; tag and parse EWT dev's first ``n`` sentences as the detector's tokens
    (``n`` < 0: load the tagger alone, the base of the parser's own load cost)."""
    sents = depparse.read_conllu(shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-dev.conllu")[:max(n, 0)]
    tagger = tagger_mod.load()
    if n < 0:
        print("loaded the tagger alone")
        return 0
    parser = depparse.Parser.load(model)
    words = 0
    for w, *_ in sents:
        parser.parse(w, tagger.tag(tagger_mod.tagger_words(w)))
        words += len(w)
    print(f"parsed {len(sents)} sentences, {words} words")
    return 0


def _roots(shared: Path, model: Path) -> int:
    """EWT dev: how often the parse (the project's tags) finds the gold root, and (a)'s shapes on the gold trees
    against the parsed ones (how much of a count is the parser's error)."""
    sents = depparse.read_conllu(shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-dev.conllu")
    tagger = tagger_mod.load()
    parser = depparse.Parser.load(model)
    classes = PersonClasses()
    right = 0
    gold: Counter[str] = Counter()
    parsed: Counter[str] = Counter()
    both: Counter[str] = Counter()
    for words, gtags, heads, labels in sents:
        tags = tagger.tag(tagger_mod.tagger_words(words))
        p = parser.parse(words, tags)
        right += p.heads.index(0) == heads.index(0)
        g = shapes(words, gtags, heads, labels, classes) & set(MAIN_SHAPES)
        q = shapes(words, tags, p.heads, p.labels, classes) & set(MAIN_SHAPES)
        gold.update(g)
        parsed.update(q)
        both.update(g & q)
    print(f"EWT dev: {len(sents)} sentences, the parse's root is the gold root in {right} ({right / len(sents):.1%})")
    print("| shape | gold trees (gold tags) | parsed (the project's tags) | both |")
    print("|---|---:|---:|---:|")
    for s in MAIN_SHAPES:
        print(f"| {s} | {gold[s]} | {parsed[s]} | {both[s]} |")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = shape_tables.arguments(__doc__, dump="sentence")
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--limit", type=int, help="at most this many texts per source (a quick look; not a figure)")
    ap.add_argument("--every", type=int, default=1,
                    help="(a)'s shapes on every N-th MLQE-PE train pair only, the same pairs for MT and post-edits "
                         "((b)'s on all; parsing every sentence takes ≈ 4 ms of CPU)")
    ap.add_argument("--cost", type=int, metavar="N",
                    help="only load the parser and tag and parse EWT dev's first N sentences (for perf stat: run "
                         "with N and with 0, the difference over N is the cost of a sentence)")
    ap.add_argument("--roots", action="store_true",
                    help="only EWT dev: the parse's root against the gold root, (a)'s shapes on gold and parsed trees")
    args = ap.parse_args(argv)
    shared = shape_tables.shared(args.shared, "parse_shapes",
                                 needs="corpora" if args.roots or args.cost is not None else "realmt")
    if args.roots:
        return _roots(shared, args.model)
    if args.cost is not None:
        return _cost(shared, args.model, args.cost)
    if not args.model.is_file():
        print(f"parse_shapes: {args.model} not found (python bench/parser_evidence.py train)", file=sys.stderr)
        return 2
    classes = load_classes(shared)
    print(f"EWT train: {len(classes.no_person)} transitive verbs never with a person object or passive subject "
          f"({', '.join(sorted(classes.no_person)[:40])} …); {len(classes.never_passive_about)} never passive "
          "with 'about'")
    reader = Reader(depparse.Parser.load(args.model), classes)
    shape_tables.header(SHAPES)
    with shape_tables.dump_file(args.dump) as dump:
        for name, texts in sets(shared):
            texts = texts[:args.limit] if args.limit else texts
            counts: Counter[str] = Counter()
            every = args.every if name.startswith("MLQE-PE train") else 1
            for k, text in enumerate(texts):
                hit: set[str] = set()
                for sentence, found in reader.sentences(text, main=k % every == 0):
                    if dump:
                        for shape in sorted(found - hit):
                            dump(name, shape, sentence)
                    hit |= found
                counts.update(hit)
            rows = f"{len(texts)} ({(len(texts) + every - 1) // every} for (a))" if every > 1 else str(len(texts))
            shape_tables.row(name, rows, [counts[s] for s in SHAPES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
