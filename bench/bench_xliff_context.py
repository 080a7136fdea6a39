"""First-mention context of an XLIFF ``<file>``: CPU seconds of a grammar-off check with the bundled
glossary, this tree against a base tree, in the same run (session 12).

``mtfix.files.add_contexts`` asks the glossary which names each unit mentions, then the check finds
the same mentions again; the glossary checker now keeps each document's mentions in a bounded memo.
The XLIFF is generated here: 1,000 units (one ``<file>``) of our own sentences naming glossary entries.

Run: ``python bench/bench_xliff_context.py --base /tmp/base_A [--units 1000] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
SENTENCES = [
    "President Ilham Aliyev received the delegation in Baku on Tuesday.",
    "The ministers of Azerbaijan and Georgia signed a transit agreement.",
    "Aliyev said the new railway would carry grain to Tbilisi by spring.",
    "The talks in Yerevan ended without a joint statement.",
    "Officials from Kazakhstan joined the meeting by video link.",
    "Save your changes before you close the window.",
    "The report was published by the Organization for Security and Co-operation in Europe.",
    "Nakhchivan will host the next round of talks in May.",
]


def xliff(units: int, label: str = "Item") -> str:
    body = "".join(
        f'<trans-unit id="u{i}"><source>x</source><target>{label} {i}: {escape(SENTENCES[i % len(SENTENCES)])}</target>'
        "</trans-unit>\n" for i in range(units))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'<file original="a.txt" source-language="az" target-language="en" datatype="plaintext"><body>\n{body}'
            "</body></file></xliff>\n")


def run(path: str) -> None:
    """One check of ``path`` in this process; print its CPU seconds and a digest of the findings."""
    import hashlib
    import json
    import time

    from mtfix.config import Config
    from mtfix.files import check_input
    from mtfix.io.inputs import Input
    from mtfix.pipeline import Pipeline

    pipe = Pipeline(Config(grammar="off"))
    raw = Path(path).read_bytes()
    check_input(pipe, Input("warm.xlf", xliff(50, "Warm-up").encode()))  # imports, models, the glossary
    t0 = time.process_time()
    result = check_input(pipe, Input(path, raw))
    cpu = time.process_time() - t0
    digest = hashlib.sha256(json.dumps([f.code + str((f.start, f.end)) for f in result.findings]).encode()).hexdigest()
    print(f"{cpu:.3f} {len(result.findings)} {digest[:12]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", default="/tmp/base_A", help="the base tree (git archive of the commit compared against)")
    ap.add_argument("--units", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--run", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.run:
        run(args.run)
        return 0
    with tempfile.TemporaryDirectory(prefix="mtfix-xliff-") as tmp:
        path = Path(tmp) / "units.xlf"
        path.write_text(xliff(args.units), encoding="utf-8")
        times: dict[str, list[float]] = {"base": [], "this": []}
        outcome: dict[str, str] = {}
        for _ in range(args.rounds):  # alternate, so that the machine's load falls on both
            for name, root in (("base", args.base), ("this", str(REPO))):
                env = {**os.environ, "PYTHONPATH": root}
                out = subprocess.run([sys.executable, __file__, "--run", str(path)], env=env, cwd=root,
                                     capture_output=True, text=True, check=True).stdout.split()
                times[name].append(float(out[0]))
                outcome[name] = " ".join(out[1:])
    for name, ts in times.items():
        print(f"{name}: median {statistics.median(ts):.3f} CPU s over {len(ts)} rounds "
              f"({', '.join(f'{t:.3f}' for t in ts)}); findings {outcome[name]}")
    print(f"ratio this/base: {statistics.median(times['this']) / statistics.median(times['base']):.3f}; "
          f"findings {'identical' if outcome['base'] == outcome['this'] else 'DIFFER'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
