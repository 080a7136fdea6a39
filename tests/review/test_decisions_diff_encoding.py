"""`fix --decisions --diff` and `fix --diff` print a legacy-encoded file's diff alike, in its own encoding
(session 28: one `print_diff` for both; the review of session 27 had not checked the decisions' one)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app
from tests.review.conftest import OFF
from tests.review.test_decisions import decisions_doc, review

TEXT = "The café on the oilgas route reopened.It simply came to our notice then that, prices rose.\n"


def test_a_decisions_diff_is_in_the_files_own_encoding_as_fixs(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(TEXT.encode("latin-1"))
    payload = review(article, tmp_path / "r.html", "--encoding", "latin-1")[0]
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(decisions_doc(payload, payload["edits"])), encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["fix", *OFF, "--diff", "--encoding", "latin-1", str(article)])
    decided = runner.invoke(app, ["fix", *OFF, "--diff", "--encoding", "latin-1", "--decisions", str(dec), str(article)])
    assert plain.exit_code == decided.exit_code == 0, (plain.output, decided.output)
    for out in (plain.stdout_bytes, decided.stdout_bytes):
        assert b"caf\xe9" in out and "café".encode() not in out and b"+The caf\xe9 on the oil and gas route" in out
    assert article.read_bytes() == TEXT.encode("latin-1")  # --diff writes nothing
