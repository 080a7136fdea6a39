"""Options as other tools spell them: ``fix --check`` (black, ``ruff format``), ``check --fix`` (``ruff check``),
``check -o report.json``.  Click's "No such option" line offers its nearest spellings (``fix --check``:
``--help, --pack``; ``check --fix``: ``--config``), none of which does what was meant; :func:`explain` says
what does.  Until session 30 the nearest spellings were all a user got.
"""

from __future__ import annotations

_CHECK = ("mtfix fix --diff --exit-non-zero-on-fix PATHS shows what would change, writes nothing and exits 1 when a "
          "file would change (as black --check)")
_DRY = "mtfix fix --diff PATHS shows what would change as a diff and writes nothing"
_IN_PLACE = "mtfix fix writes the files in place already (-o DIR writes the fixed files under DIR instead)"
_FIX = "mtfix check only reports: mtfix fix PATHS applies the safe fixes (add --diff to see them first)"


def _report(command: str) -> str:
    return (f"mtfix {command} writes its report to standard output: "
            f"mtfix {command} --format json PATHS > report.json")


#: (command, option as typed) → what to do instead
HINTS: dict[tuple[str, str], str] = {
    ("fix", "--check"): _CHECK,
    ("fix", "--dry-run"): _DRY,
    ("fix", "-n"): _DRY,
    ("fix", "--in-place"): _IN_PLACE,
    ("fix", "-i"): _IN_PLACE,
    ("fix", "--write"): _IN_PLACE,
    ("fix", "--fix"): _IN_PLACE,
    ("check", "--fix"): _FIX,
    ("check", "--diff"): "mtfix fix --diff PATHS shows the fixes as a diff and writes nothing",
    **{(command, option): _report(command) for command in ("check", "score")
       for option in ("-o", "--output", "--output-file", "--out")},
    # click offered --input-format, the format of the files read (session 31)
    ("fix", "--format"): ("mtfix fix writes the fixed files and reports in text only: mtfix check --format json "
                          "(or sarif) PATHS reports what it would fix, mtfix fix --diff PATHS shows the fixes"),
    ("review", "--format"): ("mtfix review writes an HTML page (-o FILE): mtfix check --format json (or sarif) "
                             "PATHS gives the findings as data"),
}


def explain(command: str | None, option: str) -> str | None:
    """What ``mtfix COMMAND`` does instead of another tool's ``option``, or None.

    >>> explain("fix", "--check").startswith("mtfix fix --diff --exit-non-zero-on-fix")
    True
    >>> explain("check", "--selct") is None
    True
    """
    return HINTS.get((command or "", option))


def reword(exc: object) -> None:
    """Give a click ``NoSuchOption`` error (duck-typed: typer vendors its own click) the hint of :func:`explain`
    in place of click's nearest spellings; any other error is left as it is."""
    if type(exc).__name__ != "NoSuchOption":
        return
    option = getattr(exc, "option_name", "")
    ctx = getattr(exc, "ctx", None)
    hint = explain(getattr(getattr(ctx, "command", None), "name", None) or getattr(ctx, "info_name", None), option)
    if hint is None:
        return
    exc.message = f"No such option: {option}: {hint}"  # type: ignore[attr-defined]
    exc.possibilities = None  # type: ignore[attr-defined]
