"""The language server reads a plain-text line that holds only an ``mtfix-ignore…`` directive as ``mtfix check``
does (session 31, small gaps): a directive, protected and read as a blank line, not prose.  Through a real LSP
client."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from lsprotocol import types

from tests.cli_runner import run_mtfix

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import diagnostics_of_an_edit, workspace  # noqa: E402
from test_lsp_server import run  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BARE = ("The committee said that costs grew , then eased.\n"
        "mtfix-ignore-next-line: MTF111\n"
        "Costs grew , then eased in March.\n")


Place = tuple[int, int, str]


def _cli(root: Path, name: str, env: dict[str, str]) -> list[Place]:
    """``mtfix check``'s (0-based line, 0-based column, code) of the workspace file ``name``."""
    run_ = run_mtfix("check", "--grammar", "off", "--format", "json", name, cwd=root, env=env, timeout=240)
    assert run_.rc in (0, 1), run_.stderr
    return sorted((f["line"] - 1, f["col"] - 1, f["code"]) for f in json.loads(run_.stdout)["files"][0]["findings"])


def _place(d: types.Diagnostic) -> Place:
    return d.range.start.line, d.range.start.character, str(d.code)


def _ends(d: types.Diagnostic) -> int:
    return d.range.end.line


def test_a_bare_directive_line_is_a_directive_in_the_server_as_in_check(tmp_path: Path) -> None:
    """The server built a plain document of its own and read ``mtfix-ignore-next-line: MTF111`` (a line starting
    with a small letter) as the last words of the sentence before it: an MTF401 on the directive's line.  Now the
    server's diagnostics are ``mtfix check``'s, none on the directive's line, also after an edit."""
    root = workspace(tmp_path)
    (root / "a.txt").write_text(BARE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(tmp_path / "cache"))
    cli = _cli(root, "a.txt", env)
    assert sorted(code for _, _, code in cli) == ["MTF111", "MTF401"] and all(line == 0 for line, _, _ in cli), cli
    edited = BARE + "mtfix-ignore\n"

    diags = run(diagnostics_of_an_edit(root, env, "a.txt", BARE, edited))
    first, second = ([_place(d) for d in published] for published in diags)
    ends = [_ends(d) for d in diags[0] + diags[1]]
    assert all(line == 0 for line in ends), ends  # none reaches the directive's line
    assert sorted(first) == cli, first
    assert sorted(second) == cli, second
