"""``--jobs`` far beyond the CPU cores: the worker cap of session 26 (``mtfix.parallel.JOBS_PER_CPU``).

Writes N small text files to a temporary folder and times ``mtfix check --grammar off`` on them with
``-j 1``, ``-j 100000`` (capped at ``JOBS_PER_CPU`` × the cores) and ``-j 100000`` with the cap lifted in the
same run (as before session 26: one worker per file), and says whether the three outputs are equal.

    PYTHONPATH=. python bench/bench_jobs_cap.py [N_FILES]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SENTENCES = ["The delegation arrived in the capital on Monday and met the minister.",
             "The talks and discussions was held behind closed doors for three hours.",
             "Officials said the agreement would be signed next month."]
UNCAPPED = "import sys, mtfix.parallel as p; p.JOBS_PER_CPU = 10 ** 9; from mtfix.cli import main; sys.exit(main())"


def run(argv: list[str], jobs: str, files: list[str]) -> tuple[float, bytes]:
    t = time.perf_counter()
    proc = subprocess.run([*argv, "check", "--grammar", "off", "-j", jobs, *files], capture_output=True,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    return time.perf_counter() - t, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n_files", nargs="?", type=int, default=600, help="small files to write (default 600)")
    n = ap.parse_args().n_files
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(n):
            p = Path(tmp, f"f{i:04d}.txt")
            p.write_text(f"{SENTENCES[i % 3]} {SENTENCES[(i + 1) % 3]}\n", encoding="utf-8")
            files.append(str(p))
        from mtfix.parallel import cpu_count, worker_limit

        print(f"{n} files, {cpu_count()} usable core(s), cap {worker_limit()} workers")
        py = [sys.executable, "-m", "mtfix"]
        base_t, base_out = run(py, "1", files)
        print(f"-j 1:                        {base_t:6.1f} s")
        cap_t, cap_out = run(py, "100000", files)
        print(f"-j 100000 (capped):          {cap_t:6.1f} s, output {'same' if cap_out == base_out else 'DIFFERENT'} ({len(cap_out)} bytes)")
        old_t, old_out = run([sys.executable, "-c", UNCAPPED], "100000", files)
        print(f"-j 100000 (uncapped, as before): {old_t:6.1f} s, output {'same' if old_out == base_out else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
