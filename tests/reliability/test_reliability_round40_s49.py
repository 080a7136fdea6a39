"""Reliability, round 40 (session 49): one ordinary batch of odd but valid shapes, fixed in place in one run.

Line ends mixed in one file (CRLF and lone CR), a byte-order mark before CRLF lines, a file with a few bytes that are
not UTF-8, a subtitle file numbered out of order with dot timestamps and no final newline, XLIFF 2.0 with an
``<ignorable>`` between two segments of a unit, and a copy glued to a full stop: the bad file is named with its line
and reason and left as it was (exit 2), the others are fixed, and every byte outside an edit is kept."""

from __future__ import annotations

from pathlib import Path

from tests.cli_runner import run_mtfix

FILES: dict[str, tuple[bytes, bytes]] = {
    "mixed.txt": (b"The the ferry left late.\r\nThen it rained.\rThe quay the the crowd waited.\n",
                  b"The ferry left late.\r\nThen it rained.\rThe quay the crowd waited.\n"),
    "bom.txt": (b"\xef\xbb\xbfThe the vote was held.\r\nIt ended at nine.\r\n",
                b"\xef\xbb\xbfThe vote was held.\r\nIt ended at nine.\r\n"),
    "cues.srt": (b"2\r\n00:00:03.000 --> 00:00:04,000\r\nThe the boat came in.\r\n\r\n\r\n"
                 b"1\r\n00:00:01,000 --> 00:00:02,000 X1:10 X2:90 Y1:5 Y2:20\r\nLast and and first",
                 b"2\r\n00:00:03.000 --> 00:00:04,000\r\nThe boat came in.\r\n\r\n\r\n"
                 b"1\r\n00:00:01,000 --> 00:00:02,000 X1:10 X2:90 Y1:5 Y2:20\r\nLast and first"),
    "unit.xlf": (b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
                 b'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="az" trgLang="en">\n <file id="f"><group id="g">'
                 b"<unit id=\"u\"><segment><source>A.</source><target>The the pier.</target></segment>"
                 b"<ignorable><source> </source><target> </target></ignorable>"
                 b"<segment><source>B.</source><target>The the gate.</target></segment></unit></group></file>\n"
                 b"</xliff>\n",
                 b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
                 b'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="az" trgLang="en">\n <file id="f"><group id="g">'
                 b"<unit id=\"u\"><segment><source>A.</source><target>The pier.</target></segment>"
                 b"<ignorable><source> </source><target> </target></ignorable>"
                 b"<segment><source>B.</source><target>The gate.</target></segment></unit></group></file>\n"
                 b"</xliff>\n"),
}
BAD = b"The ferry left late.\nThe quay in Bak\xfd the the crowd.\n"


def test_one_batch_of_odd_shapes_is_fixed_and_the_bad_file_is_named(tmp_path: Path) -> None:
    for name, (before, _) in FILES.items():
        (tmp_path / name).write_bytes(before)
    (tmp_path / "bad.txt").write_bytes(BAD)
    run = run_mtfix("fix", *FILES, "bad.txt", cwd=tmp_path, env={"LC_ALL": "C", "NO_COLOR": "1", "TERM": "dumb"})
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "bad.txt:2: not valid utf-8" in run.stderr
    assert (tmp_path / "bad.txt").read_bytes() == BAD
    for name, (_, after) in FILES.items():
        assert (tmp_path / name).read_bytes() == after, name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*FILES, "bad.txt"])  # no temporary file left


def test_a_copy_glued_to_a_stop_is_reported_in_a_file_of_one_line(tmp_path: Path) -> None:
    """Session 48's known defect: "left.in in" alone in a file got no finding (found only beside another repeat)."""
    (tmp_path / "a.md").write_text("The ferry left.at at dawn.\n", encoding="utf-8")
    run = run_mtfix("check", "a.md", cwd=tmp_path)
    assert "a.md:1:18: MTF105 [minor] 'at' is repeated" in run.stdout, run.stdout
