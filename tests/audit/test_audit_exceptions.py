"""bench/audit_exceptions.py's probes name what the code has (session 15): a rename breaks the audit loudly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_exceptions  # noqa: E402


@pytest.mark.parametrize("name", sorted(audit_exceptions.PROBES))
def test_each_probe_names_an_attribute_of_the_code(name: str) -> None:
    module, attr, kind, _ = audit_exceptions.PROBES[name]
    owner, a = audit_exceptions._target(module, attr)
    value = getattr(owner, a)
    assert isinstance(value, str) if kind.startswith("const") else callable(value)


def test_an_ablated_predicate_changes_what_the_rule_reports() -> None:
    # MTF116's went-on exception switched off: an iterative verb of our own is reported again
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.rules.detectors import coordinated_copies

    text = "She knocked and knocked, but nobody came to the door of the old house."
    with Pipeline(Config(grammar="off")) as pipe:
        assert "MTF116" not in {f.code for f in pipe.check(text).findings}
    saved = coordinated_copies._action_went_on
    try:
        audit_exceptions.ablate("_action_went_on")
        with Pipeline(Config(grammar="off")) as pipe:
            assert "MTF116" in {f.code for f in pipe.check(text).findings}
    finally:
        coordinated_copies._action_went_on = saved


def test_the_code_table_flags_a_code_found_on_dev_mt_only(capsys) -> None:
    base = {"dev:a": [["MTF999", "minor", 0, 1, "none"]], "train:b": [["MTF401", "major", 0, 1, "none"]],
            "dev:c": [["MTF401", "minor", 0, 1, "none"]]}
    source_of = {"dev:a": "dev-mt", "dev:c": "dev-mt", "train:b": "train-mt"}
    audit_exceptions.print_codes(base, source_of, ["train-mt", "dev-mt", "mlqe-mt"], markdown=False)
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert lines["MTF999"].rstrip().endswith("dev-only MT")
    assert not lines["MTF401"].rstrip().endswith("dev-only MT")
    assert "MTF401:major" in lines


def test_the_space_for_comma_probes_switch_the_1_32_branch_off_and_its_guard_open() -> None:
    # session 30 (round 8): MTF111's "Ganja ,where" branch ablated gives the pre-1.32 findings; its
    # everyday-word guard ablated lets a non-word after the comma through.  Sentences of our own.
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.rules.detectors import punctuation

    glued = "The delegation landed in Shaki ,where the talks resumed on Friday."
    odd = "The delegation landed in Shaki ,qzvtr the talks resumed on Friday."

    def mtf111(text: str) -> int:
        with Pipeline(Config(grammar="off")) as pipe:
            return sum(f.code == "MTF111" for f in pipe.check(text).findings)

    assert (mtf111(glued), mtf111(odd)) == (1, 0)
    saved = punctuation._space_for_comma, punctuation._everyday_after_comma
    try:
        audit_exceptions.ablate("_everyday_after_comma")
        assert (mtf111(glued), mtf111(odd)) == (1, 1)
        audit_exceptions.ablate("_space_for_comma")
        assert (mtf111(glued), mtf111(odd)) == (0, 0)
    finally:
        punctuation._space_for_comma, punctuation._everyday_after_comma = saved
