"""bench/lt_evidence.py (session 54): the candidate rule stated before measuring, the class a fit moves findings
to, and MLQE-PE's held-out splits refused."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

evidence = pytest.importorskip("lt_evidence")

PAIRS = ("et-en", "ne-en", "ro-en", "ru-en", "si-en")


def _rec(*finds: tuple[str, str, str], **tag: str) -> dict[str, Any]:
    """One cached sentence with LT findings ``(code, class, category)`` in its first segment."""
    return {"segs": [[12, 0.2]], "finds": [[0, code, cls, "minor", cat, "x", "", ""] for code, cls, cat in finds],
            **tag}


def _data(pro_hit: int = 0) -> dict[str, Any]:
    """LT:ODD_ORDER on 10 % of MT and never on post-edits, corrections or (unless ``pro_hit``) professional text;
    LT:EVERYWHERE on a tenth of every source."""
    odd = ("LT:ODD_ORDER", "lt", "Fluency/Grammar")
    everywhere = ("LT:EVERYWHERE", "lt", "Fluency/Punctuation")

    def pe_set(mt: bool) -> list[dict[str, Any]]:
        return [_rec(*([odd] if mt and i % 10 == 0 else []), *([everywhere] if i % 10 == 5 else []), pair=pair)
                for pair in PAIRS for i in range(40)]

    def plain(n: int, hits: int = 0) -> list[dict[str, Any]]:
        return [_rec(*([odd] if i < hits else []), *([everywhere] if i % 10 == 5 else [])) for i in range(n)]

    return {"realmt-mt": [_rec(odd) if i % 10 == 0 else _rec() for i in range(40)], "realmt-corr": plain(40),
            "realmt-pro": plain(40, pro_hit), "mqm-ref": plain(100), "ted-ref": plain(100),
            "mlqe-mt": pe_set(True), "mlqe-pe": pe_set(False)}


def test_a_rule_far_more_frequent_on_mt_everywhere_passes_and_one_as_frequent_on_post_edits_does_not(capsys) -> None:
    assert evidence.passing(_data()) == ["LT:ODD_ORDER", "cat:Fluency/Grammar"]  # the rule and its category
    evidence.candidates(_data())
    out = capsys.readouterr().out
    assert out.startswith("rule: MLQE-PE MT rate >= 1 %") and "| LT:EVERYWHERE |" in out


def test_a_rule_above_half_a_percent_on_a_professional_source_does_not_pass() -> None:
    assert evidence.passing(_data(pro_hit=1)) == []  # 1/40 = 2.5 % of the professional news


def test_the_speller_classes_of_their_own_are_not_candidates() -> None:
    data = _data()
    for s in ("realmt-mt", "mlqe-mt"):
        data[s] = [_rec(("LT:MORFOLOGIK_RULE_EN_US", "lt-nonword", "Fluency/Spelling"), pair=r.get("pair", ""))
                   for r in data[s]]
    assert evidence.passing(data) == []


def test_a_fit_moves_only_the_named_lt_findings_to_its_class() -> None:
    data = {"s": [_rec(("LT:ODD_ORDER", "lt", "Fluency/Grammar"), ("LT:OTHER", "lt", "Fluency/Punctuation"),
                       ("MTF104", "rule", "Fluency/Grammar"))]}
    moved = evidence.with_class(data, {"cat:Fluency/Grammar"}, "lt-fit")
    assert [f[2] for f in moved["s"][0]["finds"]] == ["lt-fit", "lt", "rule"]
    assert [f[2] for f in data["s"][0]["finds"]] == ["lt", "lt", "rule"]  # the cache itself is not changed


@pytest.mark.parametrize("split", ["test", "test21"])
def test_mlqe_pe_held_out_splits_are_refused(tmp_path: Path, split: str) -> None:
    with pytest.raises(SystemExit, match=f"MLQE-PE {split} is held out"):
        evidence.pe_records(tmp_path, "et-en", split, 10)
