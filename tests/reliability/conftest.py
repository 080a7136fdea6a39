"""Fixtures for the reliability suite: the real ``mtfix`` command in a subprocess.

The runner is :func:`tests.cli_runner.run_mtfix` (the ``mtfix_cli`` fixture of ``tests/conftest.py``); its names
are imported here for the tests that import them from this module.
"""

from __future__ import annotations

from tests.cli_runner import GRAMMAR_COMMANDS, REPO, Run, run_mtfix, with_grammar_off

__all__ = ["GRAMMAR_COMMANDS", "REPO", "Run", "run_mtfix", "with_grammar_off"]
