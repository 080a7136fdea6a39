"""MTF401's reasons are data on the finding (session 50): the checker builds them once, with the code of the sign
that gives each; the message is rendered from them and the detector's figures are its ``detail``, not its words."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.garble.messages import garbled_message, unsigned_reasons
from mtfix.pipeline import Pipeline

# own sentence: a reporting verb twice (MTF405)
TWICE = "The warden noted that the question of the repair of the lower dam is in the focus of notice, he said."


@pytest.fixture(scope="module")
def found():
    with Pipeline(Config(grammar="off", select=("MTF4",))) as p:
        return p.check(TWICE).findings


def test_the_reasons_name_the_sign_by_code_and_the_message_is_rendered_from_them(found) -> None:
    (verdict,) = [f for f in found if f.code == "MTF401"]
    assert ("MTF405", "'said' or a verb like it twice") in verdict.reasons, verdict.reasons
    assert verdict.message.startswith(garbled_message(verdict.reasons)), verdict.message
    assert "detector:" not in verdict.message and "_" not in verdict.message
    assert verdict.detail.startswith("detector: p=0.") and "dup_reporting" in verdict.detail
    assert "'said' or a verb like it twice" not in unsigned_reasons(verdict.reasons, {"MTF405"})
    assert "'said' or a verb like it twice" in unsigned_reasons(verdict.reasons, set())  # the sign ignored
    assert "what MTF405 says" in garbled_message(verdict.reasons, frozenset({"MTF405"}))


def test_other_findings_carry_no_reasons_and_their_dicts_are_unchanged(found) -> None:
    for f in found:
        if f.code != "MTF401":
            assert f.reasons == () and f.detail == "" and f.to_dict()["message"] == f.message


def test_a_major_verdicts_json_message_is_as_before_session_50() -> None:
    """The demo's MTF401 raised to major by MTF206: its JSON ``message`` is byte-identical to the one the release
    before session 50 gave (``(detector: …)`` before ``(major: …)``; the detail now comes from ``detail``)."""
    from importlib.resources import files

    demo = files("mtfix.demo").joinpath("garbled-news.txt").read_text(encoding="utf-8")
    with Pipeline(Config(grammar="off")) as p:
        found = p.check(demo).findings
    (major,) = [f.to_dict() for f in found if f.code == "MTF401" and "MTF206 in the same" in f.message]
    assert major["message"] == (
        "this sentence reads like garbled machine translation: words no English dictionary has, word order and "
        "phrasing typical of machine translation, many commas for its length. Start reading here, compare the whole "
        "sentence with the source and rewrite it (detector: p=0.47; inputs: unknown_lower, ngrams, commas_per_word) "
        "(major: MTF206 in the same sentence agrees)")
