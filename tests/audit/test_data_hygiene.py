"""No project file (tracked, or untracked and not ignored: session 51) copies text from the shared data
(bench/audit_copies.py; session 15).

The scan reads all of ``../shared`` (seeds, realmt, benchmarks, the EWT treebank: about 11 s of CPU);
without the folder the test is skipped with a message saying where it looked.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_copies  # noqa: E402
from audit_professional import shared_dir  # noqa: E402

SHARED = shared_dir()


def test_the_scan_finds_a_copied_sentence_and_leaves_exempt_ones(tmp_path: Path) -> None:
    # data and a project file of our own: one copied sentence, MTF101's documented phrase, a name, figures
    data = tmp_path / "shared" / "realmt"
    data.mkdir(parents=True)
    (data / "mt.jsonl").write_text(
        '{"text": "The ferry to the island was cancelled on Monday because of the strong wind."}\n'
        '{"text": "It simply came to our notice then that the port was shut by the storm."}\n'
        '{"text": "A spokesman for the United Nations High Commissioner for Refugees spoke."}\n'
        '{"text": "Scores 0.12 0.34 0.56 0.78 0.90 were recorded."}\n', encoding="utf-8")
    mine = tmp_path / "example.md"
    mine.write_text("Our example: the ferry to the island was cancelled on Monday.\n"
                    "The phrase it simply came to our notice then that is MTF101's.\n"
                    "She met the United Nations High Commissioner for Refugees yesterday.\n"
                    "Figures 0.12 0.34 0.56 0.78 0.90 again.\n", encoding="utf-8")
    hits, exempt = audit_copies.scan(tmp_path / "shared", ("realmt",), files=[mine])
    assert {(h[1], h[3]) for h in hits} == {(1, "realmt/mt.jsonl:1")}
    assert exempt >= 3


@pytest.mark.skipif(not (SHARED / "realmt").is_dir(),
                    reason=f"shared data not found at {SHARED} (set MTFIX_SHARED): copy scan skipped")
def test_no_tracked_file_shares_a_7_word_shingle_with_the_shared_data() -> None:
    hits, _ = audit_copies.scan(SHARED)
    assert hits == [], "\n".join(f"{p}:{ln} '{sh}' ({where})" for p, ln, sh, where in hits[:20])


def test_a_citation_is_exempt_and_prose_around_it_is_not() -> None:
    # the attribution a data licence asks for ("…, arXiv:…") is no copied prose; a sentence is
    assert audit_copies._exempt("smith and jones 2019 arxiv 1901 00001", [])
    assert not audit_copies._exempt("the talks on the new plan were held", [])
