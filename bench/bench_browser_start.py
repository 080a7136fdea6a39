"""What one headless Chromium launch costs the review tests, against the fresh page each test now gets
(session 33: the tests share one browser for the session instead of one per test module).

Times ``mtfix.review.browser.chrome()`` launched and quit (what a module-scoped fixture paid per module) and
``tests.review.browser_session.SharedBrowser.page()`` on a running browser (what each test pays now: the
state put back and ``about:blank``), as medians of wall time: the launch is separate processes (Chromium,
chromedriver), so the instruction count of this process would not see it. Say the machine's load with the figures.

Usage: python bench/bench_browser_start.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="launches to time (the fresh page is timed twice as often)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from mtfix.review.browser import chrome, missing
    from tests.review.browser_session import SharedBrowser

    why = missing()
    if why:
        print(f"no browser: {why}", file=sys.stderr)
        return 2
    launch, quit_, fresh = [], [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        driver = chrome()
        t1 = time.perf_counter()
        driver.quit()
        launch.append(t1 - t0)
        quit_.append(time.perf_counter() - t1)
    shared = SharedBrowser()
    try:
        shared.page()
        for _ in range(2 * args.runs):
            t0 = time.perf_counter()
            shared.page()
            fresh.append(time.perf_counter() - t0)
    finally:
        shared.quit()
    print(f"launch {statistics.median(launch):.2f} s median (min {min(launch):.2f}, max {max(launch):.2f}), "
          f"quit {statistics.median(quit_):.2f} s, fresh page {statistics.median(fresh) * 1000:.0f} ms median "
          f"(max {max(fresh) * 1000:.0f} ms), {args.runs} launches")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
