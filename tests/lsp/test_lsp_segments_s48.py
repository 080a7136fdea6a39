"""Session 48: the language server checks again only what an edit changed (:mod:`mtfix.recheck`: the findings of the
sentences left alone are reused, segment-scope codes run on the changed sentences, document-scope codes on the whole
document).  Through the real LSP client: edits that move segment boundaries (a full stop typed or removed, a paragraph
split or joined, a line break inside a sentence) give the diagnostics a fresh full check of the final text gives, one
by one and in random sequences (session 46's property, tests/lsp/test_lsp_edits_s46.py, with boundary edits)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import workspace  # noqa: E402
from test_lsp_edits_s46 import BASE, _edited_and_fresh, _Server  # noqa: E402

#: a sentence end in the middle of the article, and the paragraph break after it
STOP = BASE.index(". ", len(BASE) // 2)
BREAK = BASE.index("\n\n", STOP)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    s = _Server(workspace(tmp_path_factory.mktemp("s48")))
    yield s
    s.close()


def _at(offset: int) -> float:
    return offset / len(BASE)


@pytest.mark.parametrize(("label", "edits"), [
    ("a full stop typed inside a sentence", [(_at(BASE.index(" ", STOP + 2)), 0, ". Then")]),
    ("a full stop removed", [(_at(STOP), 1, "")]),
    ("a paragraph split", [(_at(BASE.index(" ", STOP + 2)), 1, "\n\n")]),
    ("a paragraph joined", [(_at(BREAK), 2, " ")]),
    ("a line break inside a sentence, its word doubled", [(_at(STOP + 1), 0, " On the\nthe")]),
    ("a stop typed, then removed", [(_at(STOP + 5), 0, "."), (_at(STOP + 5), 1, "")]),
    ("two paragraphs joined, then split elsewhere", [(_at(BREAK), 2, " "), (_at(STOP // 2), 0, "\n\n")]),
])
def test_edits_that_move_segment_boundaries_give_a_full_checks_diagnostics(server: _Server, label: str,
                                                                          edits: list) -> None:
    got, fresh, text = server.run(_edited_and_fresh(server, edits, False))
    assert got == fresh, f"{label}: other diagnostics than a full check of:\n{text}"
    assert len(got) > 10


#: what moves a boundary: stops, lines, paragraphs, a sentence glued, a doubled word across a wrap
BOUNDARY = st.sampled_from([".", ". ", ". The", "\n", "\n\n", " ", "", "said.Next", " the\nthe", "Yes. On the\nthe"])


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), BOUNDARY), min_size=1, max_size=5), st.booleans())
def test_random_boundary_edits_give_a_full_checks_diagnostics(server: _Server, edits: list, burst: bool) -> None:
    got, fresh, text = server.run(_edited_and_fresh(server, edits, burst))
    assert got == fresh, f"edits {edits} (burst {burst}) gave other diagnostics than a full check of:\n{text}"
