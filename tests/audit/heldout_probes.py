"""What each round's held-out probe tests (tests/audit/test_heldout_probe_s44.py, _s46.py, _s47.py) ask of a
writer's new probes: their rows, that they are new text (no 7-word sequence shared with the older probes or with realmt), that
``bench/eval_realmt.py --split probe`` leaves their professional half alone, and the pooled trend report's groups."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "bench" / "data"
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))


def rows(probe: Path) -> tuple[list[dict], list[dict]]:
    """A probe's MT rows and its professional rows."""
    read = lambda name: [json.loads(x) for x in (probe / name).read_text(encoding="utf-8").splitlines() if x.strip()]  # noqa: E731
    return read("real_mt_probe.jsonl"), read("clean_news_probe.jsonl")


def shingles(text: str, n: int = 7) -> set[str]:
    """The ``n``-word sequences of ``text`` (lower case, letters and digits)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def _row_shingles(r: dict) -> set[str]:
    return shingles(r["text"]) | shingles(r.get("correction", ""))


def assert_new_text(new: list[Path], older: list[Path], at_least: int) -> None:
    """No id and no 7-word sequence (texts and corrections) of ``new`` is in ``older`` (``at_least`` probes)."""
    old_rows = [r for d in older for half in rows(d) for r in half]
    new_rows = [r for d in new for half in rows(d) for r in half]
    assert len(older) >= at_least
    assert not {r["id"] for r in new_rows} & {r["id"] for r in old_rows}
    seen = {s for r in old_rows for s in _row_shingles(r)}
    copied = {r["id"]: s for r in new_rows if (s := _row_shingles(r) & seen)}
    assert copied == {}


def assert_nothing_from_realmt(new: list[Path]) -> None:
    """No 7-word sequence of ``new`` is in realmt, and every class they name is realmt's (skips without realmt)."""
    from audit_professional import shared_dir

    realmt = shared_dir() / "realmt"
    if not (realmt / "real_mt_train.jsonl").is_file():
        pytest.skip(f"realmt not found at {realmt} (set MTFIX_SHARED): copies and class names not checked")
    found = [json.loads(x) for f in sorted(realmt.glob("*.jsonl")) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    seen = {s for r in found for s in _row_shingles(r)}
    known = {a for r in found for a in r.get("artifacts", [])}
    for probe in new:
        mt, pro = rows(probe)
        assert not [r["id"] for r in mt + pro if _row_shingles(r) & seen]
        assert {a for r in mt for a in r["artifacts"]} <= known


def assert_fluent_half_untouched(probe: Path) -> None:
    """``eval_realmt``'s probe split gives none of the probe's professional rows a major finding or an edit."""
    from eval_realmt import evaluate, read_jsonl

    pro = read_jsonl(probe / "clean_news_probe.jsonl")
    report = evaluate(read_jsonl(probe / "real_mt_probe.jsonl")[:2], pro, split="probe", paired=False)
    assert (report.figures()["n_mt"], report.figures()["n_pro"]) == (2, len(pro)) and len(pro) >= 10
    assert [o.id for o in report.pro if o.major or o.changed] == []


def trend_groups(new: list[Path]) -> dict[str, str]:
    """Each probe's group in the pooled trend report (``bench/probes_pooled.py``), once ``new`` are all in it."""
    from probes_pooled import PROBES, _group

    assert all(p in PROBES for p in new)
    return {d.name: _group(d.name, "probe_s35", "probe_s39") for d in PROBES}
