"""A lower-case word written twice ("the western western provinces"): how often clean text does it, by context.

Counts every doubled all-lower-case word (two copies on one line, a space or spaces between) by length band and by
context, on every clean source the fitting side allows (EWT all splits, MQM zh-en 2020 and TED 2021 references,
MLQE-PE train/dev post-edits, realmt professional train, the own professional sets in ``tests/data``) and on the MT
side (MLQE-PE train/dev MT, realmt train MT), where it also counts how many the human correction removed.  A context
may carry a safe fix only with 0 clean hits and enough MT hits the humans removed.  Held-out data is never read.

    python bench/doubled_words.py            # the table
    python bench/doubled_words.py --show     # each clean hit in context
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

DOUBLED = re.compile(r"(?<![\w'’-])([a-z]+)([ \t]+)\1(?![\w'’-])")
WH = {"what", "whatever", "who", "whoever", "where", "wherever", "when", "whenever", "how", "however"}
CODE = re.compile(r"[{}();=<>\[\]_|\\/#]|::|\$")
LATIN = re.compile(r"(?:us|um|ae|ii|is|ensis|ata|ica|a|i)$")
#: contexts in the order a hit is assigned to its first
CONTEXTS = ("code-like line", "in a column", "line start", "line end", "subject clause (wh-word X X)",
            "Latin-looking after a capital", "after a capitalised word", "repeated-chant line", "after a determiner",
            "other prose")
DET = {"a", "an", "the", "my", "your", "his", "her", "our", "their", "this", "that", "its"}


def band(word: str) -> str:
    """The length band of ``word``."""
    return "1-4" if len(word) <= 4 else "5-6" if len(word) <= 6 else "7+"


def context(line: str, m: re.Match[str]) -> str:
    """The first context of :data:`CONTEXTS` the doubled word ``m`` of ``line`` is in."""
    word, sep = m.group(1), m.group(2)
    before, after = line[:m.start()], line[m.end():]
    prev = re.findall(r"[\w'’-]+", before)
    if CODE.search(line):
        return "code-like line"
    if "\t" in sep or len(sep) > 1:
        return "in a column"
    if not before.strip():
        return "line start"
    if not re.sub(r"[\W_]", "", after):
        return "line end"
    if prev and prev[-1].lower() in WH:
        return "subject clause (wh-word X X)"
    if prev and prev[-1][:1].isupper() and LATIN.search(word):
        return "Latin-looking after a capital"
    if prev and prev[-1][:1].isupper():
        return "after a capitalised word"
    if re.match(rf"[ \t,]+{word}(?![\w'’-])", after) or re.search(rf"(?<![\w'’-]){word}[ \t,]+$", before) \
            or len(DOUBLED.findall(line)) > 1:
        return "repeated-chant line"  # three copies or more in a row, or more than one doubled word on the line
    if prev and prev[-1].lower() in DET:
        return "after a determiner"
    return "other prose"


def _jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def clean_sources(shared: Path) -> dict[str, list[str]]:
    """Each clean source's lines (references deduplicated)."""
    from mtfix.garble import conllu

    bm, out = shared / "benchmarks", {}
    ewt = shared / "corpora" / "ud-english-ewt"
    out["EWT (all splits)"] = [t for f in sorted(ewt.glob("*.conllu")) for t in conllu.texts(f)]
    out["MQM zh-en 2020 references"] = sorted({r["reference"] for r in _jsonl(bm / "mqm-zh-en-2020.jsonl.gz")
                                               if r.get("reference")})
    out["TED 2021 references"] = sorted({r["reference"] for r in _jsonl(bm / "mqm-zh-en-ted2021.jsonl")
                                         if r.get("reference")})
    out["MLQE-PE train/dev post-edits"] = [r["pe"] for _, r in mlqe(bm) if r.get("pe")]
    out["realmt professional train"] = [r["text"] for r in _jsonl(shared / "realmt" / "clean_news_train.jsonl")]
    out["own professional sets (tests/data)"] = [ln.rstrip("\n") for f in sorted((REPO / "tests" / "data").glob(
        "professional_*")) for ln in f.open(encoding="utf-8")]
    return out


def mlqe(bm: Path) -> Iterator[tuple[str, dict]]:
    """(split, record) of MLQE-PE train and dev, five pairs."""
    from eval_data import PAIRS

    for split in ("train", "dev"):
        for pair in PAIRS:
            path = bm / f"mlqe-pe-{pair}-{split}.jsonl"
            path = path if path.exists() else path.with_name(path.name + ".gz")
            for r in _jsonl(path):
                yield split, r


def mt_rows(shared: Path) -> list[tuple[str, str]]:
    """(MT, human correction) of MLQE-PE train/dev and realmt train."""
    rows = [(r["mt"], r["pe"]) for _, r in mlqe(shared / "benchmarks") if r.get("pe") is not None]
    rows += [(r["text"], r["correction"]) for r in _jsonl(shared / "realmt" / "real_mt_train.jsonl")
             if r.get("correction")]
    return rows


def hits(text: str) -> Iterator[tuple[str, str, str, str]]:
    """(band, context, word, line) of each doubled lower-case word in ``text``."""
    for line in text.splitlines():
        for m in DOUBLED.finditer(line):
            yield band(m.group(1)), context(line, m), m.group(1), line


def main(argv: list[str] | None = None) -> int:
    from eval_data import SHARED_HELP, require_shared, shared_dir

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=None, help=SHARED_HELP)
    ap.add_argument("--show", action="store_true", help="print each clean hit and each MT hit kept by the human")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    require_shared(shared, "benchmarks")
    clean: Counter = Counter()
    total = 0
    for name, lines in clean_sources(shared).items():
        total += len(lines)
        n = 0
        for b, c, word, line in (h for text in lines for h in hits(text)):
            clean[b, c] += 1
            n += 1
            if args.show:
                print(f"  clean [{name}] {b} {c}: {word} | {line[:140]}")
        print(f"{name}: {len(lines)} lines, {n} doubled lower-case words")
    mt, removed = Counter(), Counter()
    rows = mt_rows(shared)
    for text, corr in rows:
        for b, c, word, line in hits(text):
            mt[b, c] += 1
            gone = re.search(rf"(?<![\w'’-]){word}\s+{word}(?![\w'’-])", corr) is None
            removed[b, c] += gone
            if args.show and not gone:
                print(f"  MT kept {b} {c}: {word} | {line[:140]}")
    print(f"\nclean: {total} lines; MT: {len(rows)} rows (MLQE-PE train/dev, realmt train)\n")
    print("| length | context | clean hits | MT hits | human removed it |")
    print("|---|---|---:|---:|---:|")
    by_band: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for b in ("1-4", "5-6", "7+"):
        for c in CONTEXTS:
            k = (b, c)
            if clean[k] or mt[k]:
                print(f"| {b} | {c} | {clean[k]} | {mt[k]} | {removed[k]} |")
            for i, v in enumerate((clean[k], mt[k], removed[k])):
                by_band[b][i] += v
    for b, (c, m, r) in by_band.items():
        print(f"| {b} | **all** | {c} | {m} | {r} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
