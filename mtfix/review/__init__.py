"""The review report: every finding in context, proposed edits as word-level diffs,
accept/reject decisions exported as JSON and applied by ``mtfix fix --decisions``.

>>> from mtfix.config import Config
>>> from mtfix.io.inputs import Input
>>> from mtfix.pipeline import Pipeline
>>> html = build_report(Pipeline(Config(grammar="off")), [Input("a.txt", b"Prices of oilgas rose.")])
>>> html.startswith("<!DOCTYPE html>") and "sha256:" in html
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline
from mtfix.review.proposals import FileReview, edit_id, file_digest, review_input

__all__ = ["build_report", "review_files", "edit_id", "file_digest"]


def review_files(pipeline: Pipeline, inputs: Iterable[Input], fmt: str | None = None,
                 options: dict[str, Any] | None = None) -> list[FileReview]:
    """Check, repair and score each input for the report."""
    signature = pipeline.signature()
    return [review_input(pipeline, inp, fmt, options, signature=signature) for inp in inputs]


def build_report(pipeline: Pipeline, inputs: Iterable[Input], fmt: str | None = None,
                 options: dict[str, Any] | None = None, title: str = "mtfix review") -> str:
    """The HTML of the review report of ``inputs``."""
    from mtfix.review.render import render_html
    from mtfix.review.report import build_context

    reviews = review_files(pipeline, inputs, fmt, options)
    return render_html(build_context(pipeline, reviews, title))
