"""Glossary adherence, as a score: how many glossary mentions a text has, and
what share of them is in canonical form, before and after repair.

A *mention* is any form of an entry the checker recognises (term, accepted
spelling, short form, variant, inflected or misspelt form, initials); it is
*canonical* when the checker has nothing to say about it.  The checker returns
its census as the ``glossary_stats`` annotation (``CheckResult.annotations``).

>>> from mtfix.glossary.model import Entry, Glossary
>>> from mtfix.glossary.checker import GlossaryChecker
>>> checker = GlossaryChecker(Glossary([Entry("Baku", ("Bakı",), type="place")]))
>>> from mtfix.segment import to_document
>>> doc = to_document("Bakı and Baku.")
>>> found = checker.check(doc)
>>> adherence(found.annotations["glossary_stats"], found, "Baku and Baku.", checker)["canonical_after"]
1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from mtfix.model import Finding


def _share(census: dict[str, Any] | None) -> float | None:
    if not census or not census.get("mentions"):
        return None
    return round(census["canonical"] / census["mentions"], 4)


def adherence(before: Mapping[str, Any] | None, findings: list[Finding], text_after: str,
              checker=None, after: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
    """Mentions and canonical share before (``before``: the census the glossary checker
    provided when it checked the text, its ``glossary_stats`` annotation) and after repair
    (``after``, the census of the repaired document; else ``text_after`` counted as plain text by
    ``checker``, by default the checker of the default configuration).  ``findings`` adds the
    count of glossary findings per code.  None when the glossary did not check the text
    (``before`` is None).
    """
    if before is None:
        return None
    if after is None:
        if checker is None:
            from mtfix.config import Config
            from mtfix.glossary.checker import build_checker

            checker = build_checker(Config(), [])
        after = checker.census(text_after) if checker is not None else None
    # a glossary finding merged into a rule's (mtfix.findings.merge_duplicates) still counts
    codes = Counter(c for f in findings for c in (f.code, *f.also) if c.startswith("MTF3"))
    return {
        "mentions": before["mentions"],
        "canonical_before": _share(before),
        "mentions_after": after["mentions"] if after else None,
        "canonical_after": _share(after),
        "findings": dict(sorted(codes.items())),
    }


def combine(parts: list[dict[str, Any] | None]) -> dict[str, Any] | None:
    """The adherence of several texts (the records of one file) from each one's :func:`adherence`:
    mentions and glossary findings summed, each share over all the mentions (a part's canonical
    count is its share times its mentions, exact while a text has fewer than 10,000 mentions).

    >>> a = {"mentions": 3, "canonical_before": 0.6667, "mentions_after": 3, "canonical_after": 1.0,
    ...      "findings": {"MTF301": 1}}
    >>> b = {"mentions": 1, "canonical_before": 1.0, "mentions_after": 1, "canonical_after": 1.0, "findings": {}}
    >>> combine([a, b])
    {'mentions': 4, 'canonical_before': 0.75, 'mentions_after': 4, 'canonical_after': 1.0, 'findings': {'MTF301': 1}}
    """
    given = [p for p in parts if p]
    if len(given) <= 1:
        return given[0] if given else None

    def total(key: str) -> int:
        return sum(p.get(key) or 0 for p in given)

    def share(key: str, count_key: str) -> float | None:
        mentions = total(count_key)
        canonical = sum(round((p.get(key) or 0) * (p.get(count_key) or 0)) for p in given)
        return round(canonical / mentions, 4) if mentions else None

    codes: Counter[str] = Counter()
    for p in given:
        codes.update(p.get("findings") or {})
    after_known = any(p.get("mentions_after") is not None for p in given)
    return {
        "mentions": total("mentions"),
        "canonical_before": share("canonical_before", "mentions"),
        "mentions_after": total("mentions_after") if after_known else None,
        "canonical_after": share("canonical_after", "mentions_after"),
        "findings": dict(sorted(codes.items())),
    }


def glossary_checker(pipeline):
    """The pipeline's glossary checker, or None."""
    return next((c for c in pipeline.checkers if getattr(c, "name", "") == "glossary"), None)


def adherence_for(pipeline, check_result) -> dict[str, Any] | None:
    """Adherence of a checked text before and after ``pipeline.fix`` (as ``mtfix score`` reports it).
    The checked document is repaired as it was read (a Markdown file's code blocks, an XLIFF
    unit's inline tags stay protected), so both counts are of the same mentions."""
    if check_result.annotations.get("glossary_stats") is None:
        return None
    return adherence_for_fix(pipeline, pipeline.fix(check_result.document))


def adherence_for_fix(pipeline, fix_result) -> dict[str, Any] | None:
    """Adherence from a :class:`~mtfix.pipeline_results.FixResult`, without fixing again."""
    if fix_result.document is None:
        return None
    return adherence(fix_result.annotations.get("glossary_stats"), fix_result.findings, fix_result.text,
                     glossary_checker(pipeline), fix_result.annotations_after.get("glossary_stats"))
