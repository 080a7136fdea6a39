"""Entry point of the pre-commit hooks in ``.pre-commit-hooks.yaml``.

``python -m mtfix.integrations.precommit check|fix [OPTIONS] FILE...`` runs that
``mtfix`` command with three defaults that suit a commit:

1. each file's ``include`` / ``exclude`` globs (those of the ``mtfix.toml`` or ``[tool.mtfix]``
   nearest it, or of ``--config``) filter the files pre-commit passes (``mtfix`` itself applies
   them only when it walks a directory); ``mtfix`` then checks each file under its own settings
   file, as it always does, in one run with one summary;
2. LanguageTool is off (``--grammar off``) unless the hook's ``args`` or the file's
   settings file set ``grammar`` or ``lt-url``: a commit must not wait for a JVM (files whose
   settings file does set it run in a second ``mtfix`` run, and the worst exit code wins).

Exit codes are ``mtfix``'s (:func:`mtfix.cli.run`): 0 clean, 1 findings at ``--fail-on`` or
files changed in place (``fix --exit-non-zero-on-fix``; with ``-o DIR`` the staged files are left as they are and a
fix is no failure), 2 a usage or input error, and anything
unexpected one ``mtfix: internal error:`` line, also 2.  A run given no file at all (the hook
configured with ``pass_filenames: false``) is a usage error: one line saying so, exit 2, rather
than a pass that checked nothing.  Files given but all left out by ``include``/``exclude`` pass (0).
Standard input named by ``--stdin-filename X -`` is left out exactly when the path X is (``check`` reports
nothing, ``fix`` writes the text back unchanged); unnamed standard input (``-``) is always checked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

COMMANDS = ("check", "fix")
#: ``--format``s whose report is one document: the hook's two runs (LanguageTool off, and as a settings file
#: says) write one report of both (:func:`merged_report`), not two back to back.
ONE_DOCUMENT = ("json", "sarif")
#: Why a hook run without a file stops (exit 2): pre-commit passes none when the hook is configured
#: with ``pass_filenames: false``, and a hook that checked nothing must not pass as if all were clean.
NO_FILES = ("the pre-commit hook was given no file to check (is `pass_filenames: false` set in "
            ".pre-commit-config.yaml?): let pre-commit pass the staged files, or name the folders "
            "to check in the hook's `args` (args: [news/])")


#: Why ``args: [--fix]`` on mtfix-check stops (exit 2): ruff's hook mends with it, mtfix's has a hook of its own.
CHECK_HAS_NO_FIX = ("the mtfix-check hook has no --fix: add the hook `id: mtfix-fix` before `id: mtfix-check` "
                    "in .pre-commit-config.yaml (it applies the safe fixes; docs/pre-commit.md), and take --fix "
                    "out of mtfix-check's args")


#: Why ``args: [-o, report.json]`` on mtfix-check stops (exit 2): ``check`` writes its report to standard output,
#: and pre-commit runs a hook once per batch of files, in several processes at once: a report file named in
#: ``args`` would be written by each, the last one's replacing the others' (session 22).
CHECK_HAS_NO_OUTPUT = ("the mtfix-check hook writes no report file ({option}): pre-commit runs the hook once per "
                       "batch of files, several at once, and each run would replace the file the others wrote; take "
                       "it out of mtfix-check's args, and for a JSON or SARIF file of the whole repository run "
                       "`mtfix check --format sarif . > mtfix.sarif` outside pre-commit (docs/pre-commit.md)")


def output_option(options: list[str]) -> str | None:
    """The report-file option given to ``check`` (``-o``, ``-oFILE``, ``--output``, ``--output-file=…``), or None.

    >>> output_option(["--format", "json", "-o", "r.json"]), output_option(["--output-file=r.sarif"])
    ('-o', '--output-file')
    >>> output_option(["--fail-on", "minor", "--stdin-filename", "o.md"]) is None
    True
    """
    for tok in options:
        name = tok.partition("=")[0]
        if name.startswith("--output") or (tok.startswith("-o") and not tok.startswith("--")):
            return name if name.startswith("--") else "-o"
    return None


def option_value(options: list[str], *names: str) -> str | None:
    """The value given to any of ``names`` (``--name value`` or ``--name=value``), else None."""
    found = None
    for i, tok in enumerate(options):
        name, eq, value = tok.partition("=")
        if name in names:
            found = value if eq else (options[i + 1] if i + 1 < len(options) else "")
    return found


def output_folder(options: list[str]) -> str | None:
    """The folder given to ``fix``'s ``-o``/``--output-dir`` (``-o DIR``, ``-oDIR``, ``--output-dir[=]DIR``), or None.

    >>> output_folder(["-o", "fixed"]), output_folder(["-ofixed"]), output_folder(["--output-dir=out/"])
    ('fixed', 'fixed', 'out/')
    """
    found = None
    for i, tok in enumerate(options):
        name, eq, value = tok.partition("=")
        if tok == "-o" or (name == "--output-dir" and not eq):
            found = options[i + 1] if i + 1 < len(options) else None
        elif name == "--output-dir":
            found = value
        elif tok.startswith("-o") and not tok.startswith("--"):
            found = tok[2:]
    return found


def outside_output_folder(folder: str | None, paths: list[str]) -> list[str]:
    """``paths`` less the staged files inside ``folder``, the hook's own ``-o`` folder: its fixed copies, committed
    too (``git add -A``), made every later commit fail ("its output under -o ... is the input ... itself"; session
    28).  A folder walk of ``fix -o`` leaves them out the same way.  An ``-o`` folder holding the current one (``-o
    .``) holds every staged file: they are all kept, for ``mtfix`` to refuse that ``-o``."""
    root = os.path.realpath(folder) if folder else None
    if root is None or os.path.commonpath([root, os.getcwd()]) == root:  # `-o .`: every file; mtfix refuses it
        return paths
    return [p for p in paths if p == "-" or os.path.commonpath([root, os.path.realpath(p)]) != root]


def has_option(options: list[str], *names: str) -> bool:
    return any(tok.partition("=")[0] in names for tok in options)


def selected(path: str, include: tuple[str, ...], exclude: tuple[str, ...], base: Path | None) -> bool:
    """Whether ``path`` passes the globs, read as ``mtfix`` reads them on a folder walk
    (:class:`mtfix.io.inputs.GlobFilter`: gitignore syntax, relative to ``base``, the
    configuration file's directory).

    >>> selected("drafts/a.md", (), ("drafts/",), None), selected("news/sub/a.md", ("news/*.md",), (), None)
    (False, False)
    """
    from mtfix.io.inputs import GlobFilter

    return GlobFilter(include, exclude, base).selected(path)


def hook_argv(command: str, options: list[str], paths: list[str]) -> list[list[str]]:
    """The ``mtfix`` argument lists for this hook run: the paths each file's settings file selects
    (its ``include``/``exclude``), in one run, ``mtfix`` itself taking each file's settings file;
    ``--grammar off`` for the files whose settings file sets neither ``grammar`` nor ``lt-url``
    (a second run, when some do).  None when no path is left.  Raises
    :class:`mtfix.errors.ConfigError` for a bad configuration file."""
    from mtfix.config import NearestSettings

    given = option_value(options, "--config")
    stdin_name = option_value(options, "--stdin-filename")
    settings = NearestSettings(Path(given) if given else None, stdin=stdin_name)
    own_grammar = has_option(options, "--grammar", "--lt-url")
    runs: dict[bool, list[str]] = {}  # LanguageTool as the settings say → the paths
    for p in paths:
        if p != "-" and not settings.selected(p):
            continue
        loaded = settings.loaded(settings.settings_for(p))
        runs.setdefault(own_grammar or any(loaded.source(k) != "default" for k in ("grammar", "lt_url")),
                        []).append(p)
    # Standard input is always passed on: named (``--stdin-filename X -``), ``mtfix`` selects it by X's globs
    # under ``--force-exclude`` (last, so that it wins), checking nothing or, for ``fix``, handing the text
    # back unchanged when X is left out, as the hook leaves out the path X; unnamed, it has no path to match.
    forced = ["--force-exclude"] if stdin_name is not None and "-" in paths else []
    return [[command, *options, *forced, *([] if as_set else ["--grammar", "off"]), "--", *kept]
            for as_set, kept in sorted(runs.items())]


def _plan(argv: list[str]) -> list[list[str]]:
    """The ``mtfix`` argument lists for a hook run of ``argv`` (usually one; none when no file is left)."""
    import typer.main

    from mtfix.cli import app
    from mtfix.cli.dashnames import option_arity, split_args
    from mtfix.errors import ConfigError

    command = typer.main.get_command(app).commands[argv[0]]  # type: ignore[attr-defined]
    options, paths = split_args(option_arity(command), argv[1:])
    if argv[0] == "check" and has_option(options, "--fix"):  # ruff's hook takes it; click hinted at --config
        raise ConfigError(CHECK_HAS_NO_FIX)
    if argv[0] == "check" and (given := output_option(options)):  # click said "No such option: -o" in 3 lines
        raise ConfigError(CHECK_HAS_NO_OUTPUT.format(option=given))
    if not paths:
        raise ConfigError(NO_FILES)
    if argv[0] == "fix" and output_option(options):
        # the fixed copies go to the output folder and the staged files stay as they are: nothing for the editor to
        # `git add` and commit again, so no exit 1 for them (session 24: each such commit was refused, at every try)
        options = [o for o in options if o != "--exit-non-zero-on-fix"]
        paths = outside_output_folder(output_folder(options), paths)
    return hook_argv(argv[0], options, paths)


def main(argv: list[str] | None = None) -> int:
    """Run the hook; the exit code follows the ``mtfix`` command's contract
    (:func:`mtfix.cli.run`: an error, expected or not, is one line and exit 2)."""
    from mtfix.io.stdio import hold_closed_descriptors

    hold_closed_descriptors()  # as the ``mtfix`` command: no file opened later may take a closed 0, 1 or 2
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m mtfix.integrations.precommit {{{'|'.join(COMMANDS)}}} [OPTIONS] FILE...",
              file=sys.stderr)
        return 2
    from mtfix.cli import guarded, run

    planned: list[list[list[str]]] = []
    code = guarded(lambda: planned.append(_plan(argv)), verbose=any(a in ("--verbose", "-v") for a in argv))
    if code or not planned:
        return code
    fmt = option_value(planned[0][0], "--format") if planned[0] else None
    if fmt in ONE_DOCUMENT and len(planned[0]) > 1:  # two reports back to back would be no JSON at all
        return _run_as_one_report(planned[0], fmt)
    worst = 0
    for args in planned[0]:  # usually one run
        rc = run(args)
        if rc not in (0, 1, 2):  # Ctrl-C (130): stop here
            return rc
        worst = max(worst, rc)
    return worst


def _run_as_one_report(runs: list[list[str]], fmt: str) -> int:
    """Run each of ``runs`` with its report captured, then write one report of them all (:func:`merged_report`);
    the worst exit code, as for separate runs (Ctrl-C stops at once)."""
    import io
    import json
    from contextlib import redirect_stdout

    from mtfix.cli import run
    from mtfix.report.json_report import dumps

    reports, worst = [], 0
    for args in runs:
        captured = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
        with redirect_stdout(captured):
            rc = run(args)
        captured.flush()
        if rc not in (0, 1, 2):
            return rc
        worst = max(worst, rc)
        text = captured.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
        if text.strip():  # an error (exit 2) may stop a run before its report
            reports.append(json.loads(text))
    if reports:
        sys.stdout.write(dumps(merged_report(fmt, reports)) + "\n")
        sys.stdout.flush()
    return worst


def merged_report(fmt: str, reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One ``check`` report of several runs' (the hook's runs with LanguageTool off and as the settings
    say): SARIF keeps each run as a run of its own (SARIF allows several); JSON lists every run's files,
    ``failures`` and ``skipped``, and sums the statistics as one run over all the files would
    (``signature``: each distinct one joined by `` | ``, as ``mtfix`` joins those of several settings files;
    ``warnings`` of every run).

    >>> a = {"schema": "1", "files": [{"path": "a.md"}], "stats": {"files": 1, "signature": "s-off", "g": {"n": 1}}}
    >>> b = {"schema": "1", "files": [{"path": "b.md"}], "stats": {"files": 1, "signature": "s-lt", "g": {"n": 2},
    ...      "warnings": ["LanguageTool: …"]}}
    >>> merged_report("json", [a, b])
    {'schema': '1', 'files': [{'path': 'a.md'}, {'path': 'b.md'}], 'stats': {'files': 2, 'signature': 's-off | s-lt', 'warnings': ['LanguageTool: …'], 'g': {'n': 3}}}
    """
    if fmt == "sarif":
        return {**reports[0], "runs": [r for rep in reports for r in rep.get("runs", [])]}
    from mtfix.cli.commands import _merge_stats, _shares

    out = {**reports[0], "files": [f for rep in reports for f in rep.get("files", [])]}
    for key in ("failures", "skipped"):
        items = [x for rep in reports for x in rep.get(key, [])]
        if items:
            out[key] = items
    signatures = [sig for rep in reports for sig in str(rep.get("stats", {}).get("signature", "")).split(" | ") if sig]
    warnings = list(dict.fromkeys(w for rep in reports for w in rep.get("stats", {}).get("warnings", [])))
    rest: dict[str, Any] = {}
    for rep in reports:
        _merge_stats(rest, {k: v for k, v in rep.get("stats", {}).items() if k not in ("signature", "warnings")})
    for value in rest.values():
        if isinstance(value, dict):
            _shares(value)
    stats: dict[str, Any] = {"files": rest.pop("files", len(out["files"])), "signature": " | ".join(dict.fromkeys(signatures))}
    if "hidden" in rest:
        stats["hidden"] = rest.pop("hidden")
    if warnings:
        stats["warnings"] = warnings
    out["stats"] = {**stats, **rest}
    return out


if __name__ == "__main__":
    from mtfix.cli import exit_on_sigterm

    exit_on_sigterm()
    sys.exit(main())
