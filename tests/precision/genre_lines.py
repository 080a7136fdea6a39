"""Our own professional lines by genre (``tests/data/professional_*_genres.txt``: a ``# --- genre`` line opens each
genre, ``#`` lines are comments), the major findings of a text, and whether a glossary form is read as used:
shared by the precision tests of each set."""

from __future__ import annotations

from pathlib import Path

from mtfix.garble.checker import detector
from mtfix.garble.misreads import corrected
from mtfix.model import Severity


def genres(path: Path, leave_out: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """The lines of ``path`` by genre, less those in ``leave_out`` (known false majors, tested on their own)."""
    out: dict[str, list[str]] = {}
    name = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# --- "):
            name = line[6:]
            out[name] = []
        elif line and not line.startswith("#") and line not in leave_out:
            out[name].append(line)
    return out


def majors(pipeline, text: str) -> list[str]:
    """The codes of ``text``'s findings of major severity or above."""
    return [f.code for f in pipeline.check(text).findings if f.severity.rank >= Severity.MAJOR.rank]


def assert_untouched(pipeline, lines: list[str]) -> None:
    """``fix`` changes none of ``lines`` and none is major: each line as its own document, then all as one."""
    assert [s for s in lines if pipeline.fix(s).text != s] == []
    assert [(s, majors(pipeline, s)) for s in lines if majors(pipeline, s)] == []
    whole = "\n".join(lines) + "\n"
    assert pipeline.fix(whole).text == whole
    assert majors(pipeline, whole) == []


def codes(pipeline, text: str) -> list[str]:
    """The codes of ``text``'s findings, in order."""
    return [f.code for f in pipeline.check(text).findings]


def assert_form_read(pipeline, text: str, *, used: bool) -> None:
    """A glossary's variant in ``text`` is reported (MTF301) when ``used`` and not when only mentioned (a form set
    aside, session 42's glossary-6; an earlier name, session 43's glossary-10)."""
    assert ("MTF301" in codes(pipeline, text)) is used


def no_finite(text: str) -> tuple[bool, bool]:
    """Whether the model's analysis of ``text`` has the ``no_finite`` sign, and whether the checker keeps it."""
    pred = detector().predict(text)
    return (any(s.name == "no_finite" for s in pred.analysis.signs),
            any(s.name == "no_finite" for s in corrected(pred).analysis.signs))
