"""bench/audit_round5.py's probes name what the rules have (session 21): a changed pattern breaks the audit loudly,
and each guard's ablation is what the guard protects."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_round5  # noqa: E402

GUARDS = audit_round5.guards()


@pytest.mark.parametrize("module,name,kind", audit_round5.MARKUP_PROBES)
def test_each_markup_probe_names_a_function_of_the_code(module: str, name: str, kind: str) -> None:
    assert callable(getattr(importlib.import_module(module), name))


@pytest.mark.parametrize(("guard", "text"), [
    ("MTF124 mention guards (1.22, all)", "Use Mr, Mrs or Ms before the surname."),
    ("MTF124 particle 'de'", "The award went to Mr. de Moraes on Friday."),
    ("MTF125 'the' not a round hundred", "After the 1800 s exposure, the samples were weighed."),
    ("MTF125 lower-case s only", "The 2020 S 550 rebalancing added four members."),
    ("MTF126 function-word guard", "Costs were lower pre - the merger than after it."),
    ("MTF127 ' not after a word in s", "The students ' books and the teachers ' pay were cut."),
    ("MTF127 not after a number", "The valve fits a 12 \" pipe and a 10 \" flange."),
])
def test_a_guard_left_out_changes_the_matches_on_a_sentence_of_its_kind(guard: str, text: str) -> None:
    _, full, ablated = GUARDS[guard]
    assert [m.span() for m in full.finditer(text)] != [m.span() for m in ablated.finditer(text)]


def test_the_findings_name_their_list_entry() -> None:
    assert audit_round5.entry_of("MTF126", "She was re - elected.", 10, 13) == "re"
    assert audit_round5.entry_of("MTF125", "in the mid-1970 s.", 15, 16) == "after 'mid-'"
