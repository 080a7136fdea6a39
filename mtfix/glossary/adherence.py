"""Glossary adherence: how many glossary mentions a text has, and what share
is in canonical form, before and after repair (reported by ``mtfix score``)."""

from __future__ import annotations

from typing import Any


def _share(census: dict[str, int] | None) -> float | None:
    if not census:
        return None
    return round(census["canonical"] / census["mentions"], 4) if census["mentions"] else 1.0


def adherence_for(pipeline, check_result) -> dict[str, Any] | None:
    """Mentions and canonical share in ``check_result``'s text, and after ``fix``.

    The glossary checker leaves its census in ``document.meta["glossary"]``.
    """
    before = check_result.document.meta.get("glossary")
    if before is None:
        return None
    fixed = pipeline.fix(check_result.document.text)
    after = pipeline.check(fixed.text).document.meta.get("glossary")
    return {
        "mentions": before["mentions"],
        "canonical_before": _share(before),
        "canonical_after": _share(after),
    }
