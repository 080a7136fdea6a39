"""How often ``mtfix fix`` pushes a subtitle line over the characters-per-line limit (session 14, MTF601).

Fixes every subtitle file of ``tests/data/subtitles`` (dialogue written for mtfix's tests) and the TED
talks of the subtitle audit (``bench/audit_subtitles.py``: WMT21 MQM zh-en, human reference B and two
MT systems, written as SRT with 42-character lines, two a cue), grammar off, with MTF601 off, then
compares each cue's lines before and after: edits made, cues edited, lines taken over the limit (within
it before), lines already over it made longer, cues whose number of lines changed (an edit across a line
break).  Then with MTF601 on: the findings and how many cues ``--unsafe-fixes`` re-wraps.  Since session 15
also the reading speed (``--max-cps``, 20 by default): cues over it before any fix, cues a fix took past it
(within it before), and MTF601's reading-speed findings.

    python bench/subtitle_line_length.py [--limit 42] [--max-cps 20] [--retime 18] [--unsafe] [--show 5]

``--retime CPS`` gives every TED and rule-example cue the time it needs to be read at CPS characters a second
(their SRT gives each cue 0.9 s, far too fast for any limit), as a subtitler timing near the limit would.

The TED data is read from ../shared/benchmarks (not part of mtfix); without it only the fixtures are measured.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_data import shared_dir  # noqa: E402

FIXTURES = REPO / "tests" / "data" / "subtitles"
TED = shared_dir() / "benchmarks" / "mqm-zh-en-ted2021.jsonl"  # $MTFIX_SHARED, else ../shared


def ted_files(systems: list[str]) -> list[tuple[str, str, str]]:
    """(name, kind, text) of each TED talk of ``systems`` as SRT."""
    from audit_subtitles import to_srt

    talks: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for line in TED.open(encoding="utf-8"):
        r = json.loads(line)
        if r["system"] in systems or systems == ["all"]:
            talks[(r["system"], r["doc"])].append((int(r["doc_seg_id"]), " ".join(r["target"].split())))
    return [(f"{system}:{doc}", "srt", to_srt([t for _, t in sorted(segs)])[0])
            for (system, doc), segs in sorted(talks.items())]


def retimed(text: str, kind: str, cps: float) -> str:
    """``text`` with each cue's end time moved so that the cue reads at ``cps`` characters a second."""
    from mtfix.formats.subtitles import cue_line_lengths, parse_cues

    cues = parse_cues(text, kind)
    lines = text.split("\n")
    for cue, lengths in zip(cues, cue_line_lengths(text, cues), strict=True):
        start = cue.timing[0]
        h, m, rest = start.split(":")
        sec, ms = rest.split(",")
        end_ms = ((int(h) * 60 + int(m)) * 60 + int(sec)) * 1000 + int(ms) + round(1000 * sum(lengths) / cps)
        end = f"{end_ms // 3_600_000:02d}:{end_ms // 60_000 % 60:02d}:{end_ms // 1000 % 60:02d},{end_ms % 1000:03d}"
        lines[cue.line] = f"{start} --> {end}"
    return "\n".join(lines)


def example_files(limit: int) -> list[tuple[str, str, str]]:
    """Each rule-pack flag example with a fix (written for mtfix), as a one-cue SRT wrapped the way
    subtitlers wrap (``textwrap`` at ``limit``, as the TED files): how the fixes of each class of error
    meet a line filled close to the limit."""
    import textwrap

    from mtfix.catalogue import build_catalogue

    out = []
    for rule in build_catalogue(with_lt=False):
        if rule.checker != "rules":
            continue
        for e in rule.examples:
            if e.get("fixed") is None or e["fixed"] == e["text"] or "\n" in e["text"]:
                continue
            lines = textwrap.wrap(e["text"], limit)
            cues = [lines[k : k + 2] for k in range(0, len(lines), 2)]
            text = "".join(f"{i}\n00:00:0{i % 10},000 --> 00:00:0{i % 10},900\n" + "\n".join(c) + "\n\n"
                           for i, c in enumerate(cues, 1))
            out.append((f"{rule.code}: {e['text'][:40]}", "srt", text))
    return out


def durations(text: str, kind: str) -> list[float]:
    """Each cue's time on screen (seconds)."""
    from mtfix.formats.subtitles import parse_cues, seconds

    return [seconds(c.timing[1]) - seconds(c.timing[0]) for c in parse_cues(text, kind)]


def measure(files: list[tuple[str, str, str]], limit: int, unsafe: bool, show: int, cps: float = 20.0) -> Counter:
    from mtfix.checks.subtitle_lines import line_profile
    from mtfix.config import Config
    from mtfix.files import fix_input
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline

    extra = {"subtitles": {"max-line-length": limit, "max-cps": cps}}
    without = Pipeline(Config(grammar="off", ignore=("MTF601",), extra=extra))
    with_601 = Pipeline(Config(grammar="off", extra=extra))
    counts: Counter = Counter()
    counts[f"cues taken past {cps:g} characters a second"] = 0  # printed when none is
    shown = 0
    for name, kind, text in files:
        counts["files"] += 1
        before = line_profile(text, kind)
        counts["cues"] += len(before)
        counts["lines"] += sum(len(c) for c in before)
        counts["lines over the limit before"] += sum(n > limit for c in before for n in c)
        times = durations(text, kind)
        counts[f"cues over {cps:g} characters a second before"] += sum(
            d > 0 and sum(c) / d > cps for c, d in zip(before, times, strict=True))
        # headroom: a split of glued words adds 1 character, "oilgas" -> "oil and gas" 5
        counts["lines within 1 character of the limit"] += sum(limit - 1 <= n <= limit for c in before for n in c)
        counts["lines within 5 characters of the limit"] += sum(limit - 5 <= n <= limit for c in before for n in c)
        out = fix_input(without, Input(f"a.{kind}", text.encode()), unsafe=unsafe)
        fixed = (out.output or b"").decode()
        counts["edits"] += sum(len(u.fix.edits) for u in out.units if u.fix)
        after = line_profile(fixed, kind)
        for b, a, d in zip(before, after, times, strict=True):
            if a == b:
                continue
            counts["cues edited"] += 1
            if d > 0 and sum(b) / d <= cps < sum(a) / d:
                counts[f"cues taken past {cps:g} characters a second"] += 1
            if len(a) != len(b):
                counts["cues whose number of lines changed"] += 1
            for k, n in enumerate(a):
                was = b[k] if len(a) == len(b) else max(b, default=0)
                if n > limit and was <= limit:
                    counts["lines taken over the limit"] += 1
                    if shown < show:
                        shown += 1
                        print(f"  {name}: {was} -> {n} characters")
                elif n > limit and n > was:
                    counts["lines over the limit made longer"] += 1
        res = fix_input(with_601, Input(f"a.{kind}", text.encode()), unsafe=unsafe)
        for u in res.units:
            counts["MTF601 proposed (check)"] += sum(f.code == "MTF601" for f in u.fix.findings) if u.fix else 0
            counts["MTF601 left after fix"] += sum(f.code == "MTF601" for f in u.fix.remaining) if u.fix else 0
            counts["MTF601 reading speed left after fix"] += sum(
                f.code == "MTF601" and f.origin == "subtitles:reading-speed" for f in u.fix.remaining) if u.fix else 0
            counts["MTF601 re-wrap edits applied"] += sum(e.code == "MTF601" for e in u.fix.edits) if u.fix else 0
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=42)
    ap.add_argument("--max-cps", type=float, default=20.0, help="characters a second (0: off)")
    ap.add_argument("--retime", type=float, help="time each TED and example cue to be read at this many characters a second")
    ap.add_argument("--no-ted", action="store_true", help="leave the TED talks out")
    ap.add_argument("--unsafe", action="store_true", help="apply unsafe fixes too (and MTF601's re-wraps)")
    ap.add_argument("--systems", default="ref-B,Online-W,Facebook-AI", help="comma-separated, or all")
    ap.add_argument("--show", type=int, default=5, help="lines taken over the limit to print per corpus")
    args = ap.parse_args()
    fixtures = [(p.name, p.suffix[1:], p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.iterdir())
                if p.suffix in (".srt", ".vtt")]
    examples = example_files(args.limit)
    if args.retime:
        examples = [(name, kind, retimed(text, kind, args.retime)) for name, kind, text in examples]
    corpora = [("fixtures (tests/data/subtitles)", fixtures),
               (f"rule-pack flag examples with a fix, wrapped as subtitles{f', retimed to {args.retime:g} cps' if args.retime else ''}",
                examples)]
    if args.no_ted:
        pass
    elif TED.exists():
        ted = ted_files(args.systems.split(","))
        if args.retime:
            ted = [(name, kind, retimed(text, kind, args.retime)) for name, kind, text in ted]
        corpora.append((f"TED talks (audit_subtitles){f', retimed to {args.retime:g} cps' if args.retime else ''}", ted))
    else:
        print(f"skipped the TED talks: {TED} not found (the shared benchmark data is not part of mtfix)")
    for title, files in corpora:
        print(f"{title}, limit {args.limit}, {'unsafe' if args.unsafe else 'safe'} fixes:")
        for k, v in measure(files, args.limit, args.unsafe, args.show, args.max_cps).items():
            print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
