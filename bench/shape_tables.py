"""What the shape-counting scripts share (session 43): their options, the shared folder they need, UD EWT train's
sentences their verb classes are derived from, the texts they count in (session 44: :func:`sets`), their table of
counts per source, and the file of every hit.

Used by ``bench/voice_shapes.py``, ``bench/parse_shapes.py`` and ``bench/mine_local_shapes.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_professional import shared_root, sources  # noqa: E402
from eval_data import PAIRS, SHARED_HELP, read_jsonl  # noqa: E402

from mtfix.garble import conllu  # noqa: E402

Dump = Callable[[str, str, str], None]


def arguments(doc: str, dump: str | None = "text") -> argparse.ArgumentParser:
    """The options of a shape script: its docstring's first line, ``--shared``, and (``dump`` the name of what
    each hit's line holds) ``--dump``."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    if dump:
        ap.add_argument("--dump", help=f"write each hit as a JSON line (source, shape, {dump})")
    return ap


def shared(explicit: str | None, prog: str, needs: str = "realmt") -> Path:
    """The shared folder, or exit 2 after ``prog: FOLDER not found (...)`` on stderr (:func:`shared_root`)."""
    return shared_root(explicit, needs, prog)


def ewt_train(root: Path) -> Iterator[list[list[str]]]:
    """The word rows of each sentence of UD EWT train (dev and test are the audit's professional source)."""
    return conllu.word_rows(root / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu")


#: How often EWT train uses a verb lemma before the verb classes read it as frequent (:func:`frequent_verbs`; until
#: session 46 written in both ``voice_shapes.py`` and ``parse_shapes.py``).
MIN_USES = 10

#: A treebank sentence's rows (CoNLL-U columns) by the id of their head: ``kids[r[0]]`` are row ``r``'s dependents.
Kids = defaultdict[str, list[list[str]]]


def treebank_verbs(treebank: Iterable[list[list[str]]], uses: Counter[str],
                   forms: defaultdict[str, set[str]]) -> Iterator[tuple[str, list[list[str]], Kids]]:
    """Each VERB row of the treebank's sentences (rows of CoNLL-U columns) as its lower-cased lemma, its dependents
    and its sentence's rows by head; counted into ``uses`` (lemma → uses) and ``forms`` (a VBN/VBD form, lower-cased
    → its lemmas) on the way.  The walk :func:`voice_shapes.verb_classes` and :func:`parse_shapes.person_classes`
    share (until session 46 written in each)."""
    for rows in treebank:
        kids: Kids = defaultdict(list)
        for r in rows:
            kids[r[6]].append(r)
        for r in rows:
            if r[3] != "VERB":
                continue
            lemma = r[2].lower()
            uses[lemma] += 1
            if r[4] in ("VBN", "VBD"):
                forms[r[1].lower()].add(lemma)
            yield lemma, kids[r[0]], kids


def frequent_verbs(uses: Counter[str]) -> set[str]:
    """The lemmas used :data:`MIN_USES` times or more, "be" left out (what the verb classes are read of)."""
    return {v for v, n in uses.items() if n >= MIN_USES and v != "be"}


def sets(shared: Path, labelled: Sequence[str] = ()) -> Iterator[tuple[str, list[str]]]:
    """Each source's name and texts: realmt train (its MT; then, for each of ``labelled``, its MT labelled with
    that artifact; its corrections and clean news), MLQE-PE train (MT, post-edits), then the audit's professional
    sources (:func:`audit_professional.sources`)."""
    rows = read_jsonl(shared / "realmt" / "real_mt_train.jsonl")
    yield "realmt train MT", [r["text"] for r in rows]
    for label in labelled:
        yield f"realmt train MT labelled {label}", [r["text"] for r in rows if label in r.get("artifacts", ())]
    yield "realmt train corrections", [r["correction"] for r in rows if r.get("correction")]
    yield "realmt train news", [r["text"] for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl")]
    pe = [r for p in PAIRS for r in read_jsonl(shared / "benchmarks" / f"mlqe-pe-{p}-train.jsonl.gz")
          if r.get("pe") is not None]
    yield "MLQE-PE train MT", [r["mt"] for r in pe]
    yield "MLQE-PE train post-edits", [r["pe"] for r in pe]
    for name, texts in sources(shared).items():
        yield name, list(texts)


def header(shapes: Sequence[str]) -> None:
    """Print the head of the table: a source, its rows, a column per shape."""
    print("| source | rows | " + " | ".join(shapes) + " |")
    print("|---|---:|" + "---:|" * len(shapes))


def row(name: str, rows: object, cells: Sequence[object]) -> None:
    """Print one source's row of the table."""
    print(f"| {name} | {rows} | " + " | ".join(map(str, cells)) + " |", flush=True)


@contextmanager
def dump_file(path: str | None) -> Iterator[Dump | None]:
    """A writer of one hit a JSON line (``source``, ``shape``, ``text``) to ``path``; None without a path."""
    if not path:
        yield None
        return
    with open(path, "w", encoding="utf-8") as fh:

        def write(source: str, shape: str, text: str) -> None:
            fh.write(json.dumps({"source": source, "shape": shape, "text": text}) + "\n")

        yield write
