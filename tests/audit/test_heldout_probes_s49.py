"""The held-out probes of the third writer on (bench/data/probe_s44 … probe_s54b; sessions 44–54, overfitting
audit rounds 18–26), one table (:data:`tests.audit.heldout_probes.WRITERS`) read by one set of tests.

Sessions 44–48 had one test file a writer with the same tests; session 49 folded them here with the same bounds and
the same skip message.  For each writer: its probes' shape (ten languages two rows each, or from session 51 twenty
one row each; professional rows of their own, 1–3 labels, short rows where the round asked for them), the digests
committed before any measurement, that they share no 7-word sequence with the older probes or with realmt (texts and
corrections), that ``bench/eval_realmt.py --split probe`` leaves their professional half alone and flags at least
a loose floor of their MT (under the figure measured: bench/RESULTS.md), and that the pooled trend report keeps the
writer in a group of its own.  Then two tests of the bench scripts written beside them: the calque candidate of
session 46 and the classes report's order of session 47.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.audit import heldout_probes as probes
from tests.audit.heldout_probes import WRITERS, Writer

BY_NAME = {w.name: w for w in WRITERS}
PROBES = [(w, d) for w in WRITERS for d in w.dirs]


def _ids(value: object) -> str:
    return value.name if isinstance(value, Writer | Path) else str(value)


def _older(writer: Writer) -> list[Path]:
    return [d for d in sorted(probes.DATA.glob("probe_s*")) if d not in writer.dirs]


@pytest.mark.parametrize(("writer", "probe"), PROBES, ids=[d.name for _, d in PROBES])
def test_each_probe_has_two_sentences_from_each_of_ten_languages_and_its_own_fluent_ones(
        writer: Writer, probe: Path) -> None:
    mt, pro = probes.rows(probe)
    langs = Counter(r["lang"] for r in mt)
    if writer.langs:
        assert langs == {lang: 2 for lang in writer.langs}
    else:  # ten languages two rows each; from session 51 twenty languages one row each
        assert len(langs) == 20 // writer.per_language and set(langs.values()) == {writer.per_language}
    assert len(pro) == writer.pro and {r["source"] for r in pro} == {"own"}
    assert all(r["text"] and r["correction"] and r["text"] != r["correction"] for r in mt)
    assert all(1 <= len(r["artifacts"]) <= 3 for r in mt)
    assert len({r["id"] for r in mt + pro}) == 20 + writer.pro
    # short sentences on both sides where the round asked for them: MT of 12 words or fewer, professional of 10
    assert sum(len(r["text"].split()) <= 12 for r in mt) >= writer.short_mt
    assert sum(len(r["text"].split()) <= 10 for r in pro) >= writer.short_pro


@pytest.mark.parametrize("writer", [w for w in WRITERS if w.digests], ids=_ids)
def test_each_writers_probes_are_the_files_committed_before_measurement(writer: Writer) -> None:
    got = {name: hashlib.sha256((probes.DATA / name).read_bytes()).hexdigest() for name in writer.digests}
    assert got == writer.digests
    n_langs = len({r["lang"] for d in writer.dirs for r in probes.rows(d)[0]})
    low, high = writer.langs_in_all
    assert n_langs >= low and (high is None or n_langs <= high)


@pytest.mark.parametrize("writer", WRITERS, ids=_ids)
def test_each_writers_probes_are_new_text(writer: Writer) -> None:
    probes.assert_new_text(writer.dirs, _older(writer), writer.older)


@pytest.mark.parametrize("writer", WRITERS, ids=_ids)
def test_each_writers_probes_copy_nothing_from_realmt_and_use_its_classes(writer: Writer) -> None:
    probes.assert_nothing_from_realmt(writer.dirs)


@pytest.mark.parametrize(("writer", "probe"), PROBES, ids=[d.name for _, d in PROBES])
def test_no_fluent_sentence_of_a_probe_gets_a_major_or_an_edit(writer: Writer, probe: Path) -> None:
    probes.assert_fluent_half_untouched(probe)


@pytest.mark.parametrize("writer", [w for w in WRITERS if w.flagged_floor], ids=_ids)
def test_each_writers_mt_is_flagged_above_a_loose_floor_and_fix_edits_no_fluent_row(writer: Writer) -> None:
    # the floor leaves room for other changes to the detector, the fluent half none
    from eval_realmt import evaluate, read_jsonl

    for probe in writer.dirs:
        report = evaluate(read_jsonl(probe / "real_mt_probe.jsonl"), read_jsonl(probe / "clean_news_probe.jsonl"),
                          split="probe", paired=False)
        fig = report.figures()
        assert fig["mt_flagged"] >= writer.floor_of(probe.name), (probe.name, fig["mt_flagged"])
        assert (fig["pro_major"], fig["pro_edited"]) == (0, 0), probe.name


@pytest.mark.parametrize("writer", WRITERS, ids=_ids)
def test_the_trend_report_puts_each_writer_in_a_group_of_its_own(writer: Writer) -> None:
    groups = probes.trend_groups(writer.dirs)
    assert [n for n, g in groups.items() if g == writer.name] == list(writer.probes)
    before = BY_NAME[writer.previous].probes if writer.previous in BY_NAME else ("probe_s39", "probe_s39b")
    assert [n for n, g in groups.items() if g == writer.previous] == list(before)


def test_the_writers_of_the_pooled_report_are_the_table_s() -> None:
    from probes_pooled import WRITERS as POOLED
    from probes_pooled import writer_of

    assert POOLED[1:] == tuple((w.name, w.probes[0]) for w in WRITERS)
    assert POOLED[0] == ("new", "probe_s39") and writer_of("probe_s38") == "old"
    assert writer_of("probe_s47b") == "fifth" and writer_of("probe_s48b") == "sixth"
    assert writer_of("probe_s49b") == "seventh"


def test_the_calque_candidate_fits_on_mlqe_train_into_english_only(tmp_path: Path) -> None:
    import gzip

    from calque_bigrams import MLQE_PAIRS, Bigrams, mlqe_train_pairs

    for lang in MLQE_PAIRS:
        rows = [{"mt": f"he told about it in {lang}", "pe": f"he spoke about it in {lang}"}, {"mt": "x", "pe": ""}]
        with gzip.open(tmp_path / f"mlqe-pe-{lang}-en-train.jsonl.gz", "wt", encoding="utf-8") as f:
            f.write("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "mlqe-pe-ru-en-test.jsonl").write_text(json.dumps({"mt": "read me not", "pe": "no"}) + "\n")
    pairs = mlqe_train_pairs(tmp_path)
    assert len(pairs) == len(MLQE_PAIRS) and all(pe for _, pe in pairs)
    model = Bigrams(pairs)
    assert model.score("he told about it") > model.score("he spoke about it")


_CLASSES = """
import sys
from pathlib import Path
sys.path.insert(0, {bench!r})
import probes_pooled
probes_pooled.findings = lambda text: []  # the order is what is compared, not mtfix's findings
probes_pooled.classes(Path({shared!r}))
"""


def test_the_classes_report_prints_the_same_order_under_any_hash_seed(tmp_path: Path) -> None:
    # ties in sentences are ordered by name, not by a set's iteration order (which PYTHONHASHSEED sets)
    code = _CLASSES.format(bench=str(probes.REPO / "bench"), shared=str(tmp_path))
    out = []
    for seed in ("0", "1", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out.append(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                  check=True).stdout)
    assert out[0] == out[1] == out[2]
    lines = [x for x in out[0].splitlines() if x.startswith("| ") and not x.startswith("| class")]
    counts = [(-int(x.split("| ")[2].split(",")[0]), x.split(" | ")[0][2:]) for x in lines]
    assert len(counts) > 20 and counts == sorted(counts)
