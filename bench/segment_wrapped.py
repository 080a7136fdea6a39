"""How the segmenter reads hard-wrapped plain text: ``tests/data/wrapped_plain.txt``.

Each line of that corpus is marked ``+`` (the line break before it is a space inside a sentence)
or ``|`` (a segment boundary comes before it).  The script segments every document with
:func:`mtfix.segment.split_segments` (as plain text: no regions) and counts

* joins: ``+`` line breaks that fall inside a segment (right) or between two (wrong);
* separations: ``|`` line breaks that fall between segments (right) or inside one (wrong);
* segments: the gold segments (the blocks between ``|`` breaks, with ``+`` breaks read as spaces,
  split by the same segmenter) that the segmentation gives exactly.

With ``--ewt`` it also reads UD English EWT and MLQE-PE post-edits from ``../shared`` (never copied
into the project): EWT dev and test paragraphs hard-wrapped at 60-80 columns, one width a text and then one
a paragraph (how many of the unwrapped text's segments the wrapped text gives, and how many of EWT's gold
sentences, its ``# text`` lines, each text gives exactly, unwrapped and wrapped), and texts of one sentence a line (how many line breaks
before a line that does not start in lower case fall inside a segment: each is wrong; how many lines are given
as a segment exactly).

Run it against another tree to compare: ``PYTHONPATH=/path/to/base python bench/segment_wrapped.py``.
``--show`` prints every wrong line break.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
from collections import Counter
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "wrapped_plain.txt"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_data import SHARED_HELP, shared_dir  # noqa: E402

SHARED = shared_dir()  # --shared, $MTFIX_SHARED, else ../shared


def documents(path: Path = CORPUS) -> list[tuple[str, str, list[tuple[int, bool]]]]:
    """(title, text, [(position of a line break, whether it is a space)]) of each document."""
    docs: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and not line.startswith("###"):
            continue
        if line.startswith("### "):
            docs.append((line[4:], []))
        else:
            docs[-1][1].append(line)
    out = []
    for title, lines in docs:
        text, breaks = "", []
        for i, line in enumerate(lines):
            if i:
                if line.strip() and lines[i - 1].strip():
                    breaks.append((len(text), line[:2] == "+ "))
                text += "\n"
            text += line[2:]
        out.append((title, text + "\n", breaks))
    return out


def gold_segments(text: str, breaks: list[tuple[int, bool]]) -> set[tuple[int, int]]:
    """The segments the corpus marks: blocks cut at ``|`` breaks and blank lines, ``+`` breaks as spaces."""
    from mtfix.segment import split_segments

    chars = list(text)
    for pos, joined in breaks:
        if joined:
            chars[pos] = " "
    flat = "".join(chars)
    out: set[tuple[int, int]] = set()
    start = 0
    cuts = sorted({p for p, j in breaks if not j} | {p for p in range(len(flat)) if flat[p] == "\n"} | {len(flat)})
    for cut in cuts:
        block = flat[start:cut]
        if block.strip():
            out |= {(start + s.start, start + s.end) for s in split_segments(block)}
        start = cut + 1
    return out


def _ewt_texts(split: str, by: str) -> list[list[str]]:
    """The sentences of an EWT split grouped by ``# newpar``/``# newdoc`` (``by="par"``) or ``# newdoc``."""
    from mtfix.garble import conllu

    return conllu.paragraphs(SHARED / "corpora" / "ud-english-ewt" / f"en_ewt-ud-{split}.conllu", documents=by != "par")


def real_text() -> None:
    """EWT paragraphs wrapped at 60-80 columns; EWT and MLQE-PE one sentence a line."""
    from mtfix.segment import split_segments

    groups = [g for split in ("dev", "test") for g in _ewt_texts(split, "par") if len(" ".join(g)) > 90]
    paras = [" ".join(g) for g in groups]
    for mixed in (False, True):
        rng = random.Random(13)
        same = found = total = 0
        texts = 0
        gold_n = gold_flat = gold_wrapped = 0
        for i in range(0, len(paras), 4):
            group = paras[i:i + 4]
            width = rng.randint(60, 80)  # one width a text, as a mail client or a wire service wraps
            # or (mixed) one a paragraph, as in a reply above a quoted message (session 14)
            widths = [rng.randint(60, 80) for _ in group] if mixed else [width] * len(group)
            wrapped = "\n\n".join(textwrap.fill(p, w) for p, w in zip(group, widths, strict=True))
            flat = "\n\n".join(group)
            a = [" ".join(flat[s.start:s.end].split()) for s in split_segments(flat)]
            b = [" ".join(wrapped[s.start:s.end].split()) for s in split_segments(wrapped)]
            texts += 1
            same += a == b
            found += len(set(a) & set(b))
            total += len(a)
            gold = Counter(" ".join(s.split()) for g in groups[i:i + 4] for s in g)
            gold_n += sum(gold.values())
            gold_flat += sum((gold & Counter(a)).values())
            gold_wrapped += sum((gold & Counter(b)).values())
        how = "each paragraph at its own width of 60-80" if mixed else "wrapped at 60-80"
        print(f"EWT paragraphs {how} ({len(paras)} in {texts} texts): texts segmented as unwrapped "
              f"{same}/{texts}, unwrapped segments given {found}/{total}; EWT gold sentences given: "
              f"unwrapped {gold_flat}/{gold_n}, wrapped {gold_wrapped}/{gold_n}")
    sources = {"ewt": [g for split in ("train", "dev", "test") for g in _ewt_texts(split, "doc")], "mlqe": []}
    for p in sorted((SHARED / "benchmarks").glob("mlqe-pe-*-dev.jsonl")):
        pes = [json.loads(line)["pe"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
        sources["mlqe"] += [pes[i:i + 20] for i in range(0, len(pes), 20)]
    for name, groups in sources.items():
        breaks = joined = exact = lines = 0
        for g in groups:
            text = "\n".join(g)
            breaks += sum(1 for a, b in zip(g, g[1:], strict=False) if a.strip() and not b.lstrip()[:1].islower())
            segs = {(s.start, s.end) for s in split_segments(text)}
            inside = [p for p in range(len(text)) if text[p] == "\n" and not text[p + 1:].lstrip()[:1].islower()]
            joined += sum(1 for p in inside if any(s < p < e for s, e in segs))
            for m in re.finditer(r"[^\n]+", text):
                s, e = m.start() + len(m.group()) - len(m.group().lstrip()), m.start() + len(m.group().rstrip())
                if e > s:
                    lines += 1
                    exact += (s, e) in segs
        print(f"{name} one sentence a line: line breaks before a line not in lower case joined {joined}/{breaks}, "
              f"lines given as a segment {exact}/{lines}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every wrong line break")
    ap.add_argument("--ewt", action="store_true", help="also measure on EWT and MLQE-PE text from the shared folder")
    ap.add_argument("--shared", help=SHARED_HELP)
    args = ap.parse_args(argv)
    global SHARED
    SHARED = shared_dir(args.shared)
    from mtfix.segment import split_segments

    tot = {"join": [0, 0], "join-capital": [0, 0], "separate": [0, 0], "segments": [0, 0], "extra": [0, 0]}
    for title, text, breaks in documents():
        segs = [(s.start, s.end) for s in split_segments(text)]
        gold = gold_segments(text, breaks)
        for pos, joined in breaks:
            inside = any(s < pos < e for s, e in segs)
            nxt = text[pos + 1:].lstrip(" \t")[:1]
            keys = ["join", *(["join-capital"] if not nxt.islower() else [])] if joined else ["separate"]
            for key in keys:
                tot[key][0] += inside == joined
                tot[key][1] += 1
            if inside != joined and args.show:
                line_start = text.rfind("\n", 0, pos) + 1
                print(f"[{title}] {'missed join' if joined else 'wrong join'}: "
                      f"{text[line_start:pos]!r} + {text[pos + 1:text.find(chr(10), pos + 1)]!r}")
        tot["segments"][0] += len(gold & set(segs))
        tot["segments"][1] += len(gold)
        tot["extra"][0] += len(set(segs) - gold)
        tot["extra"][1] += len(segs)
    for key, (right, n) in tot.items():
        label = {"extra": "segments not in gold (of given)"}.get(key, f"{key} right")
        print(f"{label:34s} {right:4d} / {n}")
    if args.ewt:
        if not (SHARED / "corpora" / "ud-english-ewt").is_dir():
            print(f"--ewt: no {SHARED / 'corpora' / 'ud-english-ewt'}: skipped")
        else:
            real_text()
    return 0


if __name__ == "__main__":
    sys.exit(main())
