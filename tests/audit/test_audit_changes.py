"""bench/audit_changes.py (session 34, overfitting audit round 12): a recent change undone or one of its choices
moved, and the sentences whose findings differ; the variants must patch what the checks read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_changes as ac  # noqa: E402


def _analysis(text: str):
    from mtfix.garble.checker import detector

    return detector().analyse(text)


def test_no_possessive_mentions_takes_possessives_out_of_the_re_mentions(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.garble import misreads

    text = "We compared our list with his list before the meeting started."
    assert misreads.ordinary_repeat(_analysis(text)) is True  # misreads-5
    ac.apply_variant("no-possessive-mentions", monkeypatch.setattr)
    assert misreads.ordinary_repeat(_analysis(text)) is False


def test_no_ordinary_repeat_and_no_pronoun_pasts_switch_the_changes_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.garble import misreads, structural_signs

    assert misreads.ordinary_repeat(_analysis("The storm came to the coast, and the storm stayed on the coast."))
    ac.apply_variant("no-ordinary-repeat", monkeypatch.setattr)
    ac.apply_variant("no-pronoun-pasts", monkeypatch.setattr)
    assert not misreads.ordinary_repeat(_analysis("The storm came to the coast, and the storm stayed on the coast."))
    assert not structural_signs.misread_past(["PRP$", "NN", "NNS", "DT"], ["her", "told", "reporters", "the"], 0)


def test_a_plural_threshold_variant_moves_the_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.garble import pronoun_pasts

    ac.apply_variant("plural-zipf-2.5", monkeypatch.setattr)
    assert pronoun_pasts.NOUN_PLURAL_ZIPF == 2.5
    pronoun_pasts.is_pronoun_past.cache_clear()


def test_an_unknown_variant_is_refused() -> None:
    with pytest.raises(SystemExit, match="unknown variant"):
        ac.apply_variant("no-such-change")


def test_the_corpus_holds_every_probe_of_our_own(tmp_path: Path) -> None:
    (tmp_path / "realmt").mkdir()
    ids = [sid for sid, _ in ac.corpus(tmp_path, 0)]
    probes = sorted((ac.REPO / "bench" / "data").glob("probe_s*"))
    rows = sum(len((d / f).read_text(encoding="utf-8").splitlines())
               for d in probes for f in ("real_mt_probe.jsonl", "clean_news_probe.jsonl"))
    assert {i.split(":")[1] for i in ids} == {d.name.removeprefix("probe_") for d in probes}
    assert len(probes) >= 8 and any(i.startswith("probe-pro:s30:") for i in ids)
    assert len(ids) == len(set(ids)) == rows >= 270  # every row of every probe, each once


def test_the_mention_variants_are_the_list_as_shipped() -> None:
    from mtfix.garble import misreads

    assert set(ac.MENTION_OPENERS) == set(misreads._MENTION_OPENERS)


def test_a_mention_minus_variant_drops_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.garble import misreads

    text = "The storm came to the coast, and the storm stayed on the coast."
    ac.apply_variant("mention-minus-the", monkeypatch.setattr)
    assert "the" not in misreads._MENTION_OPENERS and "this" in misreads._MENTION_OPENERS
    assert misreads.ordinary_repeat(_analysis(text)) is False


def test_no_gloss_after_preposition_reads_a_glossed_word_after_with_as_unknown_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Every guest at the feast was served with ajapsandali, a stew of aubergines and peppers."
    assert _analysis(text).dense["unknown_lower"] == 0.0  # analysis revision 23
    ac.apply_variant("no-gloss-after-preposition", monkeypatch.setattr)
    assert _analysis(text).dense["unknown_lower"] > 0.0
