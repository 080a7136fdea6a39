"""What segmenting subtitles cue by cue costs, measured on real talks (session 13).

Each talk of ``mqm-zh-en-ted2021.jsonl`` (TED talks, WMT21: human references and MT) is written as
an SRT file the way subtitlers wrap text: lines of at most 42 characters, two lines a cue, a
sentence longer than a cue running on into the next cues.  mtfix checks it (grammar off) cue by
cue, as :mod:`mtfix.formats.subtitles` reads it (a sentence running over into the next cue, or with
``--no-join`` cut at each cue's end), and checks the same sentences whole (each a
paragraph of a plain text file): what a reader that joined a sentence across cues would see.  Per
rule, the findings only the cue-by-cue reading makes (on fragments) and those only the whole
sentences get (missed by it) are counted, per sentence.

    python bench/audit_subtitles.py [--systems ref-B,Online-W,Facebook-AI] [--show 5] [--no-join]

The data is read from ../shared/benchmarks (not part of mtfix); without it the script says so.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_data import require_shared, shared_dir  # noqa: E402

DATA = shared_dir() / "benchmarks" / "mqm-zh-en-ted2021.jsonl"  # $MTFIX_SHARED, else ../shared


def to_srt(sentences: list[str]) -> tuple[str, list[int]]:
    """SRT text of ``sentences`` (42-character lines, two a cue) and where each sentence starts in it."""
    out, starts, n = [], [], 0
    pos = 0
    for s in sentences:
        lines = textwrap.wrap(s, 42) or [s]
        first = True
        for k in range(0, len(lines), 2):
            n += 1
            head = f"{n}\n00:00:{n % 60:02d},000 --> 00:00:{n % 60:02d},900\n"
            if first:
                starts.append(pos + len(head))
                first = False
            block = head + "\n".join(lines[k : k + 2]) + "\n\n"
            out.append(block)
            pos += len(block)
    return "".join(out), starts


def findings_by_sentence(text: str, starts: list[int], fmt: str, pipeline, join: bool = True) -> Counter:
    from dataclasses import replace

    from mtfix.files import unit_document
    from mtfix.formats import get_format
    from mtfix.formats.subtitles import subtitle_spans

    unit = get_format(fmt).load(text.encode(), f"a.{fmt}", {}).units[0]
    if not join:
        spans = subtitle_spans(text, fmt, join=False)
        unit = replace(unit, regions=spans.regions, protected=spans.protected, joins=[])
    result = pipeline.check(unit_document(unit, None))
    return Counter((bisect.bisect_right(starts, f.start) - 1, f.code) for f in result.findings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default="ref-B,Online-W,Facebook-AI")
    ap.add_argument("--show", type=int, default=5, help="fragments to print per direction")
    ap.add_argument("--no-join", action="store_true", help="no sentence runs over into the next cue")
    args = ap.parse_args()
    require_shared(DATA.parent, DATA.name, "audit_subtitles", "set MTFIX_SHARED")
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    systems = args.systems.split(",")
    talks: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for line in DATA.open(encoding="utf-8"):
        r = json.loads(line)
        if r["system"] in systems:
            talks[(r["system"], r["doc"])].append((int(r["doc_seg_id"]), " ".join(r["target"].split())))
    pipeline = Pipeline(Config(grammar="off"))
    only_cue: Counter = Counter()
    only_whole: Counter = Counter()
    totals: Counter = Counter()
    shown: list[str] = []
    for (system, _doc), segs in sorted(talks.items()):
        sentences = [t for _, t in sorted(segs)]
        srt, srt_starts = to_srt(sentences)
        plain = "\n\n".join(sentences) + "\n"
        plain_starts = [0]
        for s in sentences[:-1]:
            plain_starts.append(plain_starts[-1] + len(s) + 2)
        cue = findings_by_sentence(srt, srt_starts, "srt", pipeline, join=not args.no_join)
        whole = findings_by_sentence(plain, plain_starts, "text", pipeline)
        totals["sentences"] += len(sentences)
        totals["sentences over one cue"] += sum(len(s) > 84 for s in sentences)
        totals["findings cue by cue"] += sum(cue.values())
        totals["findings whole"] += sum(whole.values())
        for key in cue.keys() | whole.keys():
            d = cue[key] - whole[key]
            if d > 0:
                only_cue[(system, key[1])] += d
            elif d < 0:
                only_whole[(system, key[1])] -= d
            if d and len(shown) < args.show * 2:
                shown.append(f"{'cue' if d > 0 else 'whole'} {system} {key[1]}: {sentences[key[0]]}")
    for k, v in totals.items():
        print(f"{k}: {v}")
    print("only cue by cue (system, rule):", dict(sorted(only_cue.items())))
    print("only whole (system, rule):", dict(sorted(only_whole.items())))
    for s in shown:
        print(" ", s[:200])


if __name__ == "__main__":
    main()
