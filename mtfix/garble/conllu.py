"""CoNLL-U, the format of the Universal Dependencies treebanks (UD English EWT), read in one place (session 43).

The tagger's training (:func:`mtfix.garble.tagger_training.read_conllu`) and every bench script that walks a treebank (the
parser's, the verb classes of the shape scripts, the owners of irregular pasts) read their sentences here.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.conllu"
>>> _ = p.write_text("# text = Go now.\\n1-2\\tGo\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\n"
...                  "1\\tGo\\tgo\\tVERB\\tVB\\t_\\t0\\troot\\t_\\t_\\n1.1\\tx\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\n\\n",
...                  encoding="utf-8")
>>> [(s.text, [r[1] for r in s.rows]) for s in read(p)]
[('Go now.', ['Go'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: a word row's columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC
ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL = range(8)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its ``# text =`` comment (``""`` where it has none), its word rows (ten columns each), the
    ``# newdoc id =`` of the document it is in (``""`` before any), whether a ``# newdoc``/``# newpar`` comment
    starts a paragraph with it, and whether a ``# newdoc`` comment starts a document with it."""

    text: str
    rows: list[list[str]]
    doc: str = ""
    newpar: bool = False
    newdoc: bool = False


def read(path: str | Path) -> Iterator[Sentence]:
    """Each sentence of a CoNLL-U file, in order.  A sentence ends at a blank line (or the file's end); comment
    lines, multiword tokens ("1-2") and empty nodes ("1.1") are left out, as is a line of other than ten columns."""
    text, rows, doc, newpar, newdoc = "", [], "", False, False
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                if rows:
                    yield Sentence(text, rows, doc, newpar or newdoc, newdoc)
                text, rows, newpar, newdoc = "", [], False, False
            elif line.startswith("# text = "):
                text = line[9:].strip()
            elif line.startswith("# newdoc"):
                newdoc = True
                if line.startswith("# newdoc id = "):
                    doc = line[14:].strip()
            elif line.startswith("#"):
                newpar = newpar or line.startswith("# newpar")
            else:
                cols = line.rstrip("\n").split("\t")
                if len(cols) == 10 and cols[ID].isdigit():
                    rows.append(cols)
    if rows:
        yield Sentence(text, rows, doc, newpar or newdoc, newdoc)


def texts(path: str | Path) -> Iterator[str]:
    """The ``# text =`` of each sentence of :func:`read`, in order."""
    return (s.text for s in read(path))


def paragraphs(path: str | Path, documents: bool = False) -> list[list[str]]:
    """The sentence texts of each paragraph (a ``# newdoc`` or ``# newpar`` comment starts one), or with
    ``documents`` of each document (a ``# newdoc`` comment starts one)."""
    out: list[list[str]] = []
    for s in read(path):
        if (s.newdoc if documents else s.newpar) or not out:
            out.append([])
        out[-1].append(s.text)
    return out


def word_rows(path: str | Path) -> Iterator[list[list[str]]]:
    """The word rows of each sentence of :func:`read`."""
    return (s.rows for s in read(path))


def words(rows: list[list[str]]) -> tuple[str, ...]:
    """The word forms of a sentence's rows: what tells two sentences the same."""
    return tuple(r[FORM] for r in rows)


def word_sequences(path: str | Path) -> frozenset[tuple[str, ...]]:
    """The :func:`words` of every sentence of a CoNLL-U file (the split a model or a threshold is fitted on)."""
    return frozenset(words(rows) for rows in word_rows(path))


def unseen(path: str | Path, fitted_on: str | Path | None) -> Iterator[Sentence]:
    """The sentences of ``path`` (a held-out split) whose words are no sentence of ``fitted_on`` (None: all of
    them).  UD EWT repeats short sentences ("Thanks.", a signature) across its splits (68 of dev's 2,001 and 94
    of test's 2,077 are sentences of train), so a held-out figure leaves out what the fitting side holds."""
    seen = word_sequences(fitted_on) if fitted_on is not None else frozenset()
    return (s for s in read(path) if words(s.rows) not in seen)


def xpos(row: list[str]) -> str:
    """A row's Penn tag, its UPOS where it has none (the tagger's and the parser's training tags)."""
    return row[XPOS] if row[XPOS] != "_" else row[UPOS]
