"""Fixtures of the language server tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def picking():
    """:func:`lsp_harness.picking_harness`: ``picking(root, "resolve" | "command")`` gives a harness and what its
    editor applies when the user picks an action (one set-up for the tests of both rungs, session 30)."""
    from lsp_harness import picking_harness

    return picking_harness
