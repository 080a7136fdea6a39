"""Overfitting audit of the segmenter's passes and word lists (seg-6 to seg-9): where each one changes a split.

``bench/audit_overfit.py`` and ``bench/audit_exceptions.py`` audit rules, signs and the analysis's exceptions;
the segmenter's own rules (session 16-18: quotations of several sentences, a sentence end before an opening
quote, one-word answers, titles and abbreviations inside a line) decide where sentences are, and a pass written
for one sentence of the data would show on the held-out set too.  For each probe (a pass made the identity, a
word list emptied, or one entry of a list or of the abbreviation pattern left out) the script counts, per
source, the texts whose segments (spans) change.  Sources: realmt train MT text, its corrections and
clean_news train (fitting data), realmt dev (MT, corrections, clean news: development, reported), the seeds,
UD EWT paragraphs (dev, test, train: gold sentence data), MLQE-PE dev MT and post-edits, MQM zh-en 2020 MT
and references, and the project's own professional sets (``tests/data/professional_*.txt``).  No held-out file
(MQM 2023, he-en 2023, MLQE-PE test/test21) is read.

    python bench/audit_segments.py                 # a table of every probe that changes something
    python bench/audit_segments.py --markdown --show 3
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import SHARED_HELP, markdown_rule, shared_root, table_row  # noqa: E402
from eval_data import MQM_SETS, PAIRS, PESet, load_mqm, load_pe, read_jsonl  # noqa: E402

from mtfix import segment  # noqa: E402
from mtfix.garble import conllu  # noqa: E402


def _ewt_paragraphs(path: Path) -> list[str]:
    """Paragraphs of a CoNLL-U file (``# newpar`` starts one), each its ``# text`` lines joined by spaces."""
    return [" ".join(p) for p in conllu.paragraphs(path)]


def load_sources(shared: Path, limit: int) -> dict[str, list[str]]:
    """Source → texts."""
    realmt = shared / "realmt"
    out: dict[str, list[str]] = {}
    for split in ("train", "dev"):
        mt = read_jsonl(realmt / f"real_mt_{split}.jsonl")
        out[f"{split}-mt"] = [r["text"] for r in mt]
        out[f"{split}-corr"] = [r["correction"] for r in mt if r.get("correction")]
        out[f"{split}-pro"] = [r["text"] for r in read_jsonl(realmt / f"clean_news_{split}.jsonl")]
    out["seeds"] = [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    ewt = shared / "corpora" / "ud-english-ewt"
    if not ewt.is_dir():
        ewt = next((p.parent for p in shared.rglob("en_ewt-ud-dev.conllu")), ewt)
    out["ewt"] = [t for s in ("dev", "test", "train") if (ewt / f"en_ewt-ud-{s}.conllu").exists()
                  for t in _ewt_paragraphs(ewt / f"en_ewt-ud-{s}.conllu")]
    bench = shared / "benchmarks"
    if bench.is_dir():
        pe = [r for p in PAIRS for r in load_pe(PESet(p, "dev"), bench, limit)]
        out["mlqe-mt"] = [r["mt"] for r in pe]
        out["mlqe-pe"] = [r["pe"] for r in pe]
        mqm = load_mqm(MQM_SETS[0], bench)
        out["mqm-mt"] = list(dict.fromkeys(r["target"] for r in mqm))[:limit * 5]
        refs = read_jsonl(bench / MQM_SETS[0].file)
        out["mqm-ref"] = list(dict.fromkeys(r["target"] for r in refs if r.get("is_human")))[:limit * 5]
    out["own"] = [line for p in sorted((REPO / "tests" / "data").glob("professional_*.txt"))
                  for line in p.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return out


def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in segment.split_segments(text))


@contextmanager
def _patched(name: str, value: object) -> Iterator[None]:
    """``name`` set to ``value`` in every module of the segmenter's package that holds it (session 34: a name is
    imported by the modules that use it, so each holds its own binding)."""
    holders = [m for m in _segment_modules() if name in vars(m)]
    old = getattr(segment, name)
    for m in holders:
        setattr(m, name, value)
    segment._pysbd_spans.clear()
    try:
        yield
    finally:
        for m in holders:
            setattr(m, name, old)
        segment._pysbd_spans.clear()


def _segment_modules() -> list[object]:
    """``mtfix.segment`` and its submodules."""
    import pkgutil

    return [segment, *(importlib.import_module(f"mtfix.segment.{m.name}") for m in pkgutil.iter_modules(segment.__path__))]


def _without_alternative(entry: str) -> object:
    """``_ABBREVIATION_END`` without ``entry`` among its alternatives."""
    pattern = segment._ABBREVIATION_END.pattern
    e = re.escape(entry)
    new = re.sub(rf"(?<=[(|>]){e}(?:\|)|\|{e}(?=[|)])|(?<=>){e}(?=\))", lambda m: "" if "|" in m.group() else "(?!)",
                 pattern, count=1)
    assert new != pattern, entry
    return segment.regexcache.compile(new)


def _alternatives() -> list[str]:
    """The title, number, quantity and reference entries of ``_ABBREVIATION_END``."""
    body = segment._ABBREVIATION_END.pattern
    out = []
    for group in ("title", "number", "quantity", "reference"):
        m = re.search(rf"\(\?P<{group}>([^)]*)\)", body)
        if m:
            out += [f"{group}:{a}" for a in m.group(1).split("|")]
    return out


def probes() -> list[tuple[str, str, Callable[[], object], str]]:
    """(name, module global, value factory, what): the passes, the lists, then each entry."""
    def same(block: str, s: int, e: int) -> list[tuple[int, int]]:
        return [(s, e)]

    out = [
        ("_split_quotes", "_split_quotes", lambda: same, "seg-6: a quotation split at its inner ends"),
        ("_split_before_quotes", "_split_before_quotes", lambda: same,
         "seg-7 (a): a sentence end before an opening quote"),
        ("_closing_marks_back", "_closing_marks_back", lambda: (lambda block, spans: spans),
         "seg-7: a closing quote back to its sentence"),
        ("_join_titles", "_join_titles", lambda: (lambda block, spans: spans),
         "seg-7/8: titles, approx./ref., a comma after a period, inside a line"),
        ("ANSWER_WORDS", "ANSWER_WORDS", frozenset, "seg-7 (b): one-word answers inside a quotation"),
        ("_after_its_quantity", "_after_its_quantity", lambda: (lambda before: False),
         "seg-8 review: a postpositive approximation may end a sentence"),
        ("_MORE_ABBREVIATIONS", "_MORE_ABBREVIATIONS", frozenset, "seg-7: vol, ch, ed, cf, approx ... before a quote"),
        ("_initial_or_capitals", "_initial_or_capitals", lambda: (lambda first: False),
         "seg-9: a title goes on to an initial, O'Brien, a name in capitals"),
        ("_ends_in_title", "_ends_in_title", lambda: (lambda line: False),
         "seg-9: a title at a line's end goes on past an indent or an initial"),
    ]
    for w in sorted(segment.ANSWER_WORDS):
        out.append((f"ANSWER_WORDS:{w}", "ANSWER_WORDS", lambda w=w: segment.ANSWER_WORDS - {w}, "entry"))
    for w in sorted(segment._MORE_ABBREVIATIONS):
        out.append((f"_MORE_ABBREVIATIONS:{w}", "_MORE_ABBREVIATIONS",
                    lambda w=w: segment._MORE_ABBREVIATIONS - {w}, "entry"))
    for alt in _alternatives():
        out.append((f"_ABBREVIATION_END:{alt}", "_ABBREVIATION_END",
                    lambda alt=alt: _without_alternative(alt.split(":", 1)[1]), "entry"))
    return out


def _words_of(name: str) -> str | None:
    """The word a list or pattern entry needs in a text for its ablation to matter (a cheap filter)."""
    if ":" not in name:
        return None
    word = name.split(":")[-1]
    return re.sub(r"\[(\w)\w\]", r"\1", word).replace("?", "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=1000, help="MLQE-PE segments per pair (MQM: five times as many)")
    ap.add_argument("--show", type=int, default=0, help="print up to N changed texts per probe (ids only for realmt)")
    ap.add_argument("--all", action="store_true", help="also the entries that change nothing")
    ap.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = ap.parse_args(argv)
    root = shared_root(args.shared, "realmt", "audit_segments")
    srcs = load_sources(root, args.limit)
    base = {(s, i): _spans(t) for s, texts in srcs.items() for i, t in enumerate(texts)}
    head = ["probe", "what"] + list(srcs)
    print(table_row(head, args.markdown) + ("\n" + markdown_rule(head) if args.markdown else ""))
    for name, glob, factory, what in probes():
        word = _words_of(name)
        pat = re.compile(r"(?<!\w)" + re.escape(word), re.IGNORECASE) if word else None
        changed: dict[str, list[int]] = {s: [] for s in srcs}
        with _patched(glob, factory()):
            for (s, i), spans in base.items():
                text = srcs[s][i]
                if pat is not None and not pat.search(text):
                    continue
                if _spans(text) != spans:
                    changed[s].append(i)
        if not args.all and not any(changed.values()):
            continue
        print(table_row([name, what] + [str(len(v)) for v in changed.values()], args.markdown))
        for s, ids in changed.items():
            for i in ids[: args.show]:
                shown = srcs[s][i][:200].replace("\n", " ") if s in ("ewt", "own", "mlqe-pe", "mqm-ref") else "(id only)"
                print(f"    {name} {s}#{i}: {shown}")
    print("sizes: " + ", ".join(f"{s} {len(t)}" for s, t in srcs.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
