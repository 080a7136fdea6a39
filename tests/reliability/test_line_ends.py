"""``fix`` on every walked and named format with LF, CRLF, lone CR and mixed line ends: the output
is the input with exactly the edits' bytes changed ("oilgas" → "oil and gas"), BOM and all."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import run_mtfix

BOM = b"\xef\xbb\xbf"
#: Our own documents, written with "\n"; each case swaps the line ends.
DOCS = {
    "a.txt": "Prices of oilgas rose.\nQuiet line.\nThe oilgas field.\n",
    "a.md": "# Energy news\n\nPrices of oilgas rose.\n\n- the oilgas field\n",
    "a.srt": "1\n00:00:01,000 --> 00:00:02,000\nPrices of oilgas rose.\n\n2\n00:00:03,000 --> 00:00:04,000\nThe oilgas field.\n",
    "a.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nPrices of oilgas rose.\n\n00:00:03.000 --> 00:00:04.000\nThe oilgas field.\n",
    "a.csv": 'id,text\n1,Prices of oilgas rose.\n2,"The oilgas field, again."\n',
    "a.jsonl": '{"id": 1, "text": "Prices of oilgas rose."}\n{"id": 2, "text": "The oilgas field."}\n',
}


def _ends(text: str, case: str) -> bytes:
    lines = text.split("\n")
    if case == "mixed":  # CRLF, LF and CR in turn (not for JSON Lines, whose records end at LF)
        ends = ["\r\n", "\n", "\r"]
        return "".join(line + ends[i % 3] for i, line in enumerate(lines[:-1])).encode() + lines[-1].encode()
    return {"lf": "\n", "crlf": "\r\n", "cr": "\r"}[case].join(lines).encode()


@pytest.mark.parametrize("case", ["lf", "crlf", "cr", "mixed", "crlf-bom"])
@pytest.mark.parametrize("name", sorted(DOCS))
def test_fix_changes_only_the_bytes_of_its_edits(tmp_path: Path, name: str, case: str) -> None:
    if name.endswith(".jsonl") and case in ("cr", "mixed"):
        pytest.skip("JSON Lines records end at \\n: a lone CR is no record end")
    raw = _ends(DOCS[name], case.removesuffix("-bom"))
    raw = BOM + raw if case.endswith("-bom") else raw
    (tmp_path / name).write_bytes(raw)
    run = run_mtfix("fix", "--text-field", "text", "-o", "out", name, cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert (tmp_path / "out" / name).read_bytes() == raw.replace(b"oilgas", b"oil and gas")
    assert (tmp_path / name).read_bytes() == raw  # -o: the input is untouched
