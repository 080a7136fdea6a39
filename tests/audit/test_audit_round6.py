"""bench/audit_round6.py's probes name what the code has (session 24): each wrapped decision reports on a sentence
of its kind, written for the test, and a changed pattern or list breaks the audit loudly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_round6  # noqa: E402


@pytest.fixture(scope="module")
def decisions():
    """Check sentences with the audit's wrappers on; the rows each sentence credits."""
    from mtfix.config import Config
    from mtfix.garble import checker, sign_statistics, sign_views, signs, structural_signs, view
    from mtfix.glossary import checker as gchecker
    from mtfix.glossary import spans
    from mtfix.pipeline import Pipeline
    from mtfix.rules.detectors import capitals, coordinated_copies, punctuation
    from mtfix.text import tokens

    saved = [
        (m, n, getattr(m, n))
        for m, n in [
            (capitals, "_opens_after_label"),
            (capitals, "_reverent_segment"),
            (signs, "is_reverent"),
            (structural_signs, "_present_homograph_after_noun"),
            (signs, "other_script"),
            (sign_views, "other_script"),
            (structural_signs, "other_script"),
            (signs, "greek_symbol"),
            (sign_statistics, "greek_symbol"),
            (tokens, "other_script"),
            (tokens, "greek_symbol"),
            (punctuation, "other_script"),
            (view, "address_names"),
            (spans, "another_persons_surname"),
            (gchecker, "another_persons_surname"),
            (coordinated_copies, "_FALSE_START_WORDS"),
        ]
    ]
    seen: set[str] = set()
    audit_round6.instrument(seen.add)
    pipe = Pipeline(Config(grammar="off", select=audit_round6.CODES))
    vocables = audit_round6._allowed_vocables()

    def run(text: str) -> set[str]:
        seen.clear()
        checker._cache.clear()
        found = pipe.check(text).findings
        return seen | audit_round6.from_findings(text, found, vocables)

    yield run
    for module, name, value in saved:
        setattr(module, name, value)
    audit_round6._Recording.hook = None


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("WARNING The blade stays sharp after the guard is removed from the saw.", "MTF104 capitals label (1.24)"),
        ("We sing to the Lord all night, for He is kind and His mercy lasts.", "MTF104 reverence (1.26)"),
        ("And the, the bridge was closed again by the council last winter.", "MTF116 false-start word (1.23)"),
        ("The crowd sang na na na na, na na na na until the band came back.", "MTF106 vocable loop (minor since 1.23)"),
        (
            "The new bus stop is near the Market Square( North Gate) of the old town.",
            "MTF111 bracket glued to a capitalised word (1.24)",
        ),
        ("They bought bread,milk and some apples at the shop near the school.", "MTF128"),
        ("The committee  met again in the spring and voted on the plan.", "MTF129"),
    ],
)
def test_each_addition_reports_on_a_sentence_of_its_kind(decisions, text: str, row: str) -> None:
    assert row in decisions(text)


def test_the_old_reading_of_another_alphabet_is_what_session_21_left() -> None:
    assert audit_round6.other_script_before("µm") and audit_round6.other_script_before("λ")
    assert not audit_round6.other_script_before("Bakı")
    assert audit_round6.script_branch("μg/mL").startswith("unit")
    assert audit_round6.script_branch("Δp").startswith("Greek")


def test_each_guard_left_out_changes_the_matches_on_a_sentence_of_its_kind() -> None:
    g = audit_round6.guards()
    for name, text in [
        (
            "MTF124 quoted form of address (1.24: guard removed)",
            'The children kept calling him "Mr teacher" in the yard.',
        ),
        ("MTF128 guard: no address, path, number or code before", "Open the file at /tmp/cache,then wait."),
        ("MTF128 guard: no address or code after, no list of tags", "Set the tags to red,green,blue now."),
    ]:
        full, ablated = g[name]
        assert [m.span() for m in full.finditer(text)] != [m.span() for m in ablated.finditer(text)], name


def test_the_reverence_reason_names_its_branch() -> None:
    assert audit_round6.why_reverent(["Praise", "God", ",", "for", "He", "is", "good"]) == "deity 'God'"
    assert audit_round6.why_reverent(["We", "trust", "in", "Him"]) == "object form 'Him'"


def test_an_entry_on_one_development_sentence_is_flagged() -> None:
    from collections import Counter

    mt = ["realmt-train-mt", "mlqe-train-mt"]
    assert audit_round6.flag({"realmt-dev-mt": Counter(hy=1)}, mt) == "dev-only"
    assert audit_round6.flag({"mlqe-train-mt": Counter(ne=1)}, mt) == "one"
    assert audit_round6.flag({"own": Counter(x=2)}, mt) == "own-only"
    assert audit_round6.flag({}, mt) == "none"
