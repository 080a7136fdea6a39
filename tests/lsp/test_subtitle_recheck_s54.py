"""A subtitle file's re-check in the editor (session 54): its cues read once per check (the unit, then the line-length
checker's reading of the same text), its blocks' sentences kept between checks (the server's ``BlockMemo``, as for
Markdown and plain text), its line starts found only for a cue that runs backwards.

Differential: chains of random edits on our own SRT and VTT files (two-line cues, speaker dashes, a sentence running
into the next cue, a backwards cue, a VTT voice), each checked by a server carried along the chain and by one that
starts from nothing at every step: the same diagnostics."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import mtfix.formats.subtitles as subtitles
from mtfix.lsp.server import MtfixLanguageServer
from mtfix.segment import BlockMemo
from tests.lsp.server_checks import diagnostics_after_check as _said
from tests.random_edits import random_edit

SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nThe ferry leaves leaves at noon\nfrom the the island pier.\n\n"
    "2\n00:00:03,500 --> 00:00:05,000\n- Are you coming?\n- Yes , after the the market.\n\n"
    "3\n00:00:05,500 --> 00:00:07,000\nThe harbour master said that\n\n"
    "4\n00:00:07,200 --> 00:00:09,000\nthe tolls rose ,then fell on 4 June.\n\n"
    "5\n00:00:12,000 --> 00:00:10,000\nA cue that ends before it starts starts.\n\n"
    "6\n00:00:13,000 --> 00:00:15,000\n<i>The gulls cried over the the quay.</i>\n"
)
VTT = (
    "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ana>The the boats came in late.\n\n"
    "00:03.500 --> 00:05.000 align:start\n<v Ana>We waited at at the pier\n\n"
    "00:05.500 --> 00:07.000\nuntil the last light .\n\nNOTE a note for the editor\n\n"
    "00:07.500 --> 00:09.000\n- Who rang?\n- The the ferryman.\n"
)
PIECES = ["x", " again", "the the ", " ,", " .", "\n", "\n\n", " --> ", "00:00:02,000", "- ", "<i>", "</i>",
          "\u00e9", " 12 ", "  ", "\t", " the", "\r\n"]


def _server() -> MtfixLanguageServer:
    return MtfixLanguageServer(grammar="off")


def _mismatches(tmp_path: Path, seed: int, steps: int = 25) -> int:
    """How many checks of a chain of random edits differ, carried along the chain, from a check from nothing."""
    rng, wrong = random.Random(seed), 0
    (tmp_path / ".git").mkdir(exist_ok=True)
    for text, name, kind in ((SRT, "a.srt", "srt"), (VTT, "a.vtt", "vtt")):
        path = str(tmp_path / name)
        uri = Path(path).as_uri()
        carried, scratch = _server(), _server()
        _said(carried, uri, 1, text, kind, path)
        for step in range(steps):
            text = random_edit(rng, text, PIECES, insert=0.6, delete=0.85)
            got = _said(carried, uri, step + 2, text, kind, path)
            scratch.states.clear()
            scratch.memos.clear()
            scratch.blocks = BlockMemo()
            subtitles._LAST_PARSE = None  # nothing read before
            wrong += got != _said(scratch, uri, step + 2, text, kind, path)
    return wrong


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_chain_of_random_edits_gives_what_a_check_from_nothing_gives(tmp_path: Path, seed: int) -> None:
    assert _mismatches(tmp_path, seed) == 0


def test_a_cue_edit_reads_the_cues_once_and_cuts_only_the_edited_block(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    path = str(tmp_path / "a.srt")
    uri, ls = Path(path).as_uri(), _server()
    before = _said(ls, uri, 1, SRT, "srt", path)
    read: list[int] = []
    kept: list[bool] = []
    real, get = subtitles._lines, BlockMemo.get
    monkeypatch.setattr(subtitles, "_lines", lambda text: read.append(len(text)) or real(text))
    monkeypatch.setattr(BlockMemo, "get", lambda self, key: kept.append(get(self, key) is not None) or get(self, key))
    edited = SRT.replace("the island pier.", "the island pier again.")
    after = _said(ls, uri, 2, edited, "srt", path)
    assert read == [len(edited)]  # before: twice (the unit, then SubtitleLines' check of the cues' lines)
    assert sum(kept) >= 4 and not all(kept)  # the unedited cues' sentences kept (before: no memo for a subtitle file)
    assert len(after) == len(before)


def test_a_backwards_cue_is_still_said_on_its_timing_line(tmp_path: Path) -> None:
    """The line starts are found only when a cue runs backwards: the note stays where session 53 put it."""
    (tmp_path / ".git").mkdir()
    path = str(tmp_path / "a.srt")
    ls = _server()
    said = _said(ls, Path(path).as_uri(), 1, SRT, "srt", path)
    notes = [d for d in said if "ends before it starts" in d.message]
    assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in notes] == [(19, 0, 29)]


@pytest.mark.parametrize("text", ["a\r\nb\rc\n", "", "\n", "a", "\r\r\n\n", "x\n\ny\r"])
def test_the_lines_are_those_of_the_line_pattern(text: str) -> None:
    from mtfix.text.lines import LINE_WITH_END

    old = []
    for m in LINE_WITH_END.finditer(text):
        if m.start() == len(text) and (old or not text):
            break
        old.append((m.start(), m.start() + len(m.group().rstrip("\r\n"))))
    assert subtitles._lines(text) == old
