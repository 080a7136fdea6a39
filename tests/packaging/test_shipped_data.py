"""Every data file shipped under ``mtfix/`` names the script that builds it and its digest, or who writes it
(``bench/shipped_data.py``); the cheap generated ones, and the bench-only edit-rate table the detector card's
candidate rows record, are rebuilt byte for byte (slow tests, with the shared data)."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import build_editrate  # noqa: E402
import shipped_data  # noqa: E402

SHARED = Path(os.environ.get("MTFIX_SHARED", ROOT.parent / "shared"))
needs_shared = pytest.mark.skipif(not (SHARED / "benchmarks").is_dir(), reason=f"no shared benchmarks in {SHARED}")


def test_every_shipped_file_is_listed_with_its_script_or_as_hand_written() -> None:
    assert shipped_data.problems() == []
    listed = shipped_data.shipped_files()
    for model in ("garble/data/detector.npz", "garble/data/tagger.npz", "checks/length_ratio.json",
                  "checks/lexical_coverage.json.gz", "rules/packs/en-generic.yaml", "glossaries/south-caucasus.yaml"):
        assert model in listed


def _fake_tree(tmp_path: Path) -> Path:
    """A copy of what ``mtfix/`` ships (no Python), to break."""
    root = tmp_path / "mtfix"
    for rel in shipped_data.shipped_files():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes((ROOT / "mtfix" / rel).read_bytes())
    return root


def test_a_new_data_file_or_a_regenerated_model_is_reported(tmp_path: Path) -> None:
    root = _fake_tree(tmp_path)
    assert shipped_data.problems(root) == []
    (root / "checks" / "stopwords.txt").write_text("the\n", encoding="utf-8")
    (root / "checks" / "length_ratio.json").write_text("{}\n", encoding="utf-8")
    (root / "scoring" / "weights.yaml").write_text("version: '9'\n", encoding="utf-8")  # by hand: pinned
    found = shipped_data.problems(root)
    assert len(found) == 3, found
    assert "mtfix/checks/stopwords.txt: in no entry" in found[0]
    assert found[1].startswith("mtfix/scoring/weights.yaml: sha256 ") and shipped_data.RECORD in found[1]
    assert found[2].startswith("mtfix/checks/length_ratio.json: sha256 ") and "fit_length_ratio.py fit" in found[2]
    (root / "schemas" / "record-result-1.json").unlink()
    (root / "schemas" / "record-result-2.json").unlink()
    assert "mtfix/schemas/: in SHIPPED but not shipped" in shipped_data.problems(root)


def test_every_hand_written_file_has_its_digest_pinned() -> None:
    """A rule pack, glossary, template or mapping edited without ``--record`` fails here, naming the command."""
    hand = [rel for rel in shipped_data.shipped_files() if isinstance(shipped_data.entry_for(rel), shipped_data.ByHand)]
    assert {"rules/packs/en-generic.yaml", "scoring/weights.yaml", "review/static/report.js"} <= set(hand)
    assert set(shipped_data.PINNED) == set(hand)
    off = shipped_data.pin_problems()
    assert off == [], "\n".join(off)


def test_an_edit_by_hand_names_the_command_that_pins_it_and_record_pins_it(tmp_path: Path) -> None:
    root = _fake_tree(tmp_path)
    pack = root / "rules" / "packs" / "az-en.yaml"
    pack.write_bytes(pack.read_bytes() + b"# one more line\n")
    (root / "grammar" / "lt-pom.xml").unlink()
    found = shipped_data.pin_problems(root)
    assert len(found) == 2, found
    assert found[0].startswith(f"mtfix/rules/packs/az-en.yaml: sha256 {shipped_data.sha256(pack)}, PINNED records ")
    assert "`python bench/shipped_data.py --record`" in found[0] and "version:" in found[0]
    assert found[1].startswith("mtfix/grammar/lt-pom.xml: pinned in PINNED but not a hand-written file shipped")
    # --record rewrites the block in (a copy of) the source: the new digest in, the gone file out, the rest kept
    source = tmp_path / "shipped_data.py"
    source.write_text((ROOT / "bench" / "shipped_data.py").read_text(encoding="utf-8"), encoding="utf-8")
    assert shipped_data.record(source, root) is True
    text = source.read_text(encoding="utf-8")
    assert f'"rules/packs/az-en.yaml": "{shipped_data.sha256(pack)}",' in text and '"grammar/lt-pom.xml": "' not in text
    assert f'"scoring/weights.yaml": "{shipped_data.PINNED["scoring/weights.yaml"]}",' in text
    assert shipped_data.record(source, root) is False


def test_each_generated_file_names_a_script_that_exists() -> None:
    built = {k: e for k, e in shipped_data.SHIPPED.items() if isinstance(e, shipped_data.Built)}
    assert set(built) >= {"garble/data/detector.json", "garble/data/detector.npz", "garble/data/tagger.npz"}
    for entry in built.values():
        assert (ROOT / entry.script).is_file() and len(entry.sha256) == 64


def test_the_detector_card_records_the_digests_listed() -> None:
    card = json.loads((ROOT / "mtfix" / "garble" / "data" / "detector.json").read_text(encoding="utf-8"))
    assert card["model_sha256"] == shipped_data.SHIPPED["garble/data/detector.npz"].sha256
    assert card["tagger_sha256"] == shipped_data.SHIPPED["garble/data/tagger.npz"].sha256


def test_the_demo_text_is_the_example() -> None:
    assert (ROOT / "mtfix" / "demo" / "garbled-news.txt").read_bytes() == (ROOT / "examples" / "garbled-news.txt").read_bytes()


def test_the_session10_tokenizer_splits_an_address_the_current_one_keeps() -> None:
    text = "Write to desk@example.org or see https://example.org/a for the list."
    assert "desk@example.org" in build_editrate.words_current(text)
    assert "https://example.org/a" in build_editrate.words_current(text)
    old = build_editrate.words_session10(text)
    assert "desk@example.org" not in old and "@" in old and "desk" in old
    plain = "The minister met the envoy in Baku on Tuesday."
    assert build_editrate.words_session10(plain) == build_editrate.words_current(plain)


@pytest.mark.slow
@needs_shared
@pytest.mark.parametrize("key", [k for k, e in shipped_data.SHIPPED.items()
                                 if isinstance(e, shipped_data.Built) and e.cheap])
def test_a_cheap_generated_file_is_rebuilt_byte_for_byte(key: str) -> None:
    assert hashlib.sha256(shipped_data.rebuild(key, SHARED)).hexdigest() == shipped_data.SHIPPED[key].sha256


@pytest.mark.slow
@needs_shared
@pytest.mark.parametrize("tokenizer", ["session10", "current"])
def test_the_edit_rate_table_is_rebuilt_with_the_recorded_digest(tokenizer: str) -> None:
    """``session10`` gives the table the detector card's candidate rows record (``editrate_table_sha256``)."""
    data = build_editrate.table_bytes(SHARED, tokenizer=tokenizer)
    assert hashlib.sha256(data).hexdigest() == build_editrate.DIGESTS[tokenizer]
    if tokenizer == "session10":
        card = json.loads((ROOT / "mtfix" / "garble" / "data" / "detector.json").read_text(encoding="utf-8"))
        recorded = {r["editrate_table_sha256"] for r in card["candidates"]["table"] if "editrate_table_sha256" in r}
        assert recorded == {build_editrate.DIGESTS["session10"]}
