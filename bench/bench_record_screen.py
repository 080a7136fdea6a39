"""Instructions of reading a good JSON Lines file as a run does: screen (:mod:`mtfix.cli.prescreen`), then the
run's read (:func:`mtfix.files.load_guarded`), in this tree and in a base tree; optionally the whole
``mtfix check --grammar off`` of a smaller file.

    python bench/bench_record_screen.py --base TREE [--records 20000] [--check-records 1000]

Counted with valgrind (``cachegrind --cache-sim=no``), which the load of a shared machine does not disturb.
The file is written here (``{"id": N, "text": "..."}`` lines of made-up sentences). Session 34's screen parsed
a good record file twice (screen, run); session 35 hands the screen's container to the run
(:mod:`mtfix.io.screened`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SCREEN_AND_READ = """
import sys
from mtfix.cli.prescreen import bad_record_problem
from mtfix.files import load_guarded
from mtfix.io.inputs import read_input
path = sys.argv[1]
options = {"text_field": "text"}
assert bad_record_problem(path, "jsonl", options, None) is None
container = load_guarded(read_input(path), "jsonl", options)
print(len(container.units))
"""


def write_records(path: Path, n: int) -> None:
    subjects = ["The ferry", "A committee", "The new bridge", "Our delegation", "The mayor's office"]
    verbs = ["left the harbour", "met at noon", "opened to traffic", "returned home", "issued a statement"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"{subjects[i % 5]} {verbs[(i // 5) % 5]} on day {i} ."
            fh.write(json.dumps({"id": i, "text": text}) + "\n")


def instructions(cmd: list[str], tree: Path, tmp: Path) -> int:
    """Instructions of one run of ``cmd`` with ``tree`` first on the path (valgrind, no cache simulation), with
    an empty cache folder of its own."""
    out = tmp / "cachegrind.out"
    cache = Path(tempfile.mkdtemp(dir=tmp))  # a fresh cache for each run: none gains from another's
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0", MTFIX_CACHE_DIR=str(cache))
    subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}", *cmd],
                   cwd=tmp, env=env, capture_output=True, check=False)
    for line in out.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise SystemExit("valgrind wrote no summary")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, required=True, help="the tree to compare with (e.g. /tmp/s35base)")
    ap.add_argument("--records", type=int, default=20000, help="records of the screen-and-read file")
    ap.add_argument("--check-records", type=int, default=0,
                    help="also count `mtfix check --grammar off` of a file of this many records (0: not)")
    args = ap.parse_args()
    for tree in (args.base, REPO):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "mtfix")], check=False)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        data = tmp / "feed.jsonl"
        write_records(data, args.records)
        script = tmp / "screen_and_read.py"
        script.write_text(SCREEN_AND_READ, encoding="utf-8")
        base = instructions([sys.executable, str(script), str(data)], args.base, tmp)
        head = instructions([sys.executable, str(script), str(data)], REPO, tmp)
        print(f"screen + read of {args.records:,} records ({data.stat().st_size:,} bytes): "
              f"base {base / 1e6:,.1f} M, this tree {head / 1e6:,.1f} M instructions ({(head - base) / base:+.1%})")
        if args.check_records:
            small = tmp / "small.jsonl"
            write_records(small, args.check_records)
            cmd = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--quiet", "--text-field", "text",
                   str(small)]
            base = instructions(cmd, args.base, tmp)
            head = instructions(cmd, REPO, tmp)
            print(f"check of {args.check_records:,} records: base {base / 1e6:,.1f} M, this tree {head / 1e6:,.1f} M "
                  f"instructions ({(head - base) / base:+.1%})")


if __name__ == "__main__":
    main()
