"""``fix --decisions`` reads a data file with the settings' format keys as ``review`` and ``fix`` do
(``text-field``, ``csv-escape``...; session 27, round 8)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.review.conftest import OFF
from tests.review.test_decisions import cli, decisions_doc, expected, review

ESCAPED = 'id,target\n1,"The \\"new\\" bridge opened.It simply came to our notice then that, they met ."\n'


def test_decisions_on_a_csv_read_with_the_settings_keys(tmp_path: Path) -> None:
    """With ``text-field`` and ``csv-escape`` only in mtfix.toml, ``fix --decisions`` applies the accepted
    edits; it read the file without them (its re-read of the written file failed, or the escaped quote split
    the field) until round 8."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('text-field = "target"\ncsv-escape = "\\\\"\n', encoding="utf-8")
    path = tmp_path / "news.csv"
    path.write_text(ESCAPED, encoding="utf-8")
    payload = review(path, tmp_path / "r.html")[0]
    text = payload["units"][0]["text"]
    assert text.startswith('The "new" bridge'), text
    accept = payload["edits"][:1]
    assert accept
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, accept)), encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", tmp_path / "d.json", path)
    assert r.exit_code == 0, r.output
    fixed = expected(text, accept)
    assert path.read_text(encoding="utf-8") == 'id,target\n1,"' + fixed.replace('"', '\\"') + '"\n'
