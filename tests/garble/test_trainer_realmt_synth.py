"""Corruptions of realmt train's own fluent sentences (``bench/train_detector.py``, session 27): each is in the
leave-languages-out fold of the sentence it was made from, so a fold's model is never fitted on corruptions of
the sentences it is measured on, and a corruption takes nothing (a spliced clause, a replacement word) from
another fold's sentences.  And the two operators added for it, each on its own error class."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import train_detector as td  # noqa: E402

from bench import detector_corruptions as dco  # noqa: E402
from bench import detector_cv as dcv  # noqa: E402
from mtfix.garble import tagger as gtagger  # noqa: E402

SUBJECTS = ["council", "ministry", "agency", "committee", "governor", "mayor"]
OBJECTS = ["bridge", "budget", "school", "hospital", "harbour", "railway"]


def _word(j: int, slot: int) -> str:
    """A made-up word that belongs to sentence ``j`` alone."""
    return "zq" + "".join(chr(97 + int(d)) for d in f"{j:03d}") + "abcdefgh"[slot]


def _sentence(j: int) -> str:
    s, o = SUBJECTS[j % len(SUBJECTS)], OBJECTS[j % len(OBJECTS)]
    return (f"The {s} of {_word(j, 0).capitalize()} said on Monday that the new {o} in the {_word(j, 1)} district "
            f"would open with {_word(j, 2)} support from residents.")


def _rows() -> tuple[list, dict[str, str]]:
    """Four source languages of two MT rows each (and their corrections), and eight professional sentences."""
    rows, lang, j = [], {}, 0
    for la in ("aa", "bb", "cc", "dd"):
        for _ in range(2):
            mt, corr = f"Garbled text number {j} of {la} here now.", _sentence(j)
            rows += [(mt, 1, "realmt"), (corr, 0, "realmt_corr")]
            lang[mt] = lang[corr] = la
            j += 1
    rows += [(_sentence(j + i), 0, "realmt") for i in range(8)]
    rows += [("An unrelated fluent sentence of the web for the fit.", 0, "fluent")]
    return rows, lang


@pytest.fixture(scope="module")
def synth():
    rows, lang = _rows()
    fold0 = dcv.folds_of(rows, lang, k=3)
    new, src, used = dco.realmt_synth(rows, fold0, gtagger.load(), "realmt_synth", copies=3)
    origin = {len(rows) + j: i for j, i in enumerate(src)}
    all_rows = rows + new
    return rows, all_rows, fold0, dcv.folds_of(all_rows, lang, k=3, origin=origin), origin, used


def test_corruptions_are_made_of_realmt_fluent_rows_only(synth):
    rows, all_rows, _, _, origin, used = synth
    assert len(origin) >= 16 and sum(used.values()) >= len(origin)
    assert {rows[i][2] for i in origin.values()} == {"realmt", "realmt_corr"}
    assert all(rows[i][1] == 0 for i in origin.values())
    assert all(all_rows[i][1:] == (1, "realmt_synth") and all_rows[i][0] != rows[j][0] for i, j in origin.items())


def test_each_corruption_is_in_its_origins_fold_and_the_rows_before_keep_theirs(synth):
    rows, _, fold0, fold, origin, _ = synth
    assert np.array_equal(fold[: len(rows)], fold0)
    assert all(fold[i] == fold0[j] >= 0 for i, j in origin.items())


def test_no_fold_is_fitted_on_corruptions_of_its_own_sentences(synth):
    rows, all_rows, _, fold, origin, _ = synth
    fitted = np.ones(len(all_rows), dtype=bool)  # every source with a share, the corruptions too
    for k in range(3):
        held = {i for i in range(len(rows)) if fold[i] == k}
        fit = set(dcv.fold_fit_index(fold, fitted, k).tolist())
        assert held and not held & fit
        assert not {i for i, j in origin.items() if j in held} & fit  # a held-out sentence's corruptions
        assert {i for i, j in origin.items() if j not in held} <= fit  # the other folds' are fitted on
        assert len(rows) - 1 in fit  # a row of no fold (EWT, ...) is fitted in every fold


def test_a_corruption_borrows_no_word_from_another_folds_sentences(synth):
    rows, all_rows, fold0, _, origin, _ = synth
    own = {}
    for i, (t, _, _) in enumerate(rows):
        if fold0[i] >= 0:
            own.setdefault(int(fold0[i]), set()).update(re.findall(r"zq\w+", t.lower()))
    for i, j in origin.items():
        words = set(re.findall(r"zq\w+", all_rows[i][0].lower()))
        assert words <= own[int(fold0[j])], all_rows[i][0]


def test_a_corruption_without_its_origin_is_refused():
    rows, lang = _rows()
    with pytest.raises(ValueError, match="origin"):
        dcv.folds_of([*rows, ("The council said of Monday that.", 1, "realmt_synth")], lang, k=3)


def test_the_shipped_operators_and_their_stream_are_unchanged():
    assert not set(dco.NEW_OPERATORS) & set(dco.OPERATORS)
    assert td.SHARES["realmt_synth"] == td.SHARES["realmt_synth_new"] == 0.0
    assert not set(td.REALMT_SYNTH) & set(td.CANDIDATES[td.CHOSEN].get("shares") or {})


def test_spacing_follows_the_fluent_twin():
    assert dco.detok_like(["He", "said", "“", "Baku", "”", "won", "."], "“Baku” won, he said.") == 'He said “Baku” won.'


def _tag(text: str) -> list[dco.Tok]:
    return dco._tag_text(text, gtagger.load())


def _text(toks: list[dco.Tok]) -> str:
    return dco._detok([w for w, _ in toks])


def test_calque_puts_a_nominal_frame_before_an_object_or_instead_of_a_preposition():
    seen = set()
    for seed in range(30):
        out = dco.op_calque_np(_tag("The minister discussed the budget on the reform of schools."), random.Random(seed), {})
        assert out is not None
        seen.add(_text(out))
    assert "The minister discussed the issues of the budget on the reform of schools." in seen
    assert "The minister discussed the budget within the framework of the reform of schools." in seen
    assert all(re.search(r"\b(issues?|process|sphere|framework|direction) of\b", t) for t in seen)
    assert dco.op_calque_np(_tag("Yes, very much so, thanks."), random.Random(0), {}) is None


def test_capital_common_capitalises_common_nouns_in_mid_sentence():
    src = "The agency held a long meeting on water supply in the northern district."
    outs = {_text(dco.op_capital_common(_tag(src), random.Random(seed), {})) for seed in range(20)}
    assert any("Meeting" in t or "Supply" in t or "District" in t for t in outs)
    assert any("Long Meeting" in t for t in outs)  # the adjective of a capitalised noun too
    for t in outs:
        assert t.lower() == src.lower() and t != src and t.startswith("The agency")
    assert dco.op_capital_common(_tag("Baku and Tbilisi signed it."), random.Random(0), {}) is None


def test_a_group_draws_only_its_own_operators():
    rows, lang = _rows()
    fold = dcv.folds_of(rows, lang, k=3)
    _, _, used = dco.realmt_synth(rows, fold, gtagger.load(), "realmt_synth_local", dco.LOCAL_OPERATORS, copies=3)
    assert set(used) == set(dco.LOCAL_OPERATORS) and sum(used.values()) > 0
    assert td.REALMT_SYNTH["realmt_synth"] == tuple(dco.OPERATORS)


def test_the_corrections_group_corrupts_corrections_only():
    rows, lang = _rows()
    fold = dcv.folds_of(rows, lang, k=3)
    _, src, _ = dco.realmt_synth(rows, fold, gtagger.load(), "realmt_synth_corr", copies=2)
    assert src and {rows[i][2] for i in src} == {"realmt_corr"}
