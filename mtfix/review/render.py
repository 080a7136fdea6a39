"""Rendering the review report: one self-contained HTML file.

Jinja2 with autoescape renders the page; the stylesheet and the script are
inlined; each file's data is a JSON block (HTML-safe: ``<``, ``>``, ``&`` and
``'`` escaped; gzip-compressed and base64-encoded in large batches) that the
script parses when the file is opened; a batch of more than :data:`BATCH_FILES` files carries its
file list and summaries compressed too, by chunks of files.  A Content
Security Policy allows no network request at all and only the report's own
script (by hash), so even text that slipped past escaping could not run.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

#: Reports whose file data add up to more than this many characters carry each file's
#: JSON gzip-compressed (base64): a 500-file batch stays a third of its plain size.
COMPRESS_ABOVE = 2_000_000


#: Reports of more files than this carry their file list, summaries and data compressed by chunks (:func:`_batched`):
#: 10,000 small files wrote a 38 MB page with every summary and link in its HTML (session 30).
BATCH_FILES = 300
#: Files per compressed chunk of a large batch: opening a file inflates its chunk (about 100 KB of JSON).
CHUNK_FILES = 100


def _static(name: str) -> str:
    return (resources.files("mtfix.review") / "static" / name).read_text(encoding="utf-8")


#: How the page's text is encoded: a file name that is not UTF-8 (its bytes decoded by Python as lone
#: surrogates) is written as the bytes it has on disk, instead of failing the report.
HTML_ERRORS = "surrogateescape"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mtfix.review", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":"), "sort_keys": False}
    return env


def script_hash(js: str) -> str:
    """The CSP source for an inline script: ``sha256-<base64>`` of its exact text.

    >>> script_hash("")
    'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='
    """
    return "sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")


def render_html(context: dict[str, Any]) -> str:
    """The report page for a context from :func:`mtfix.review.report.build_context`."""
    from mtfix.version import __version__

    js = _static("report.js")
    if "</script" in js.lower():  # pragma: no cover - a guard for whoever edits report.js
        raise ValueError("report.js must not contain '</script'")
    css = _static("report.css")
    env = _environment()
    payloads = context["payloads"]
    compressed = False
    batched = None
    if len(payloads) > BATCH_FILES:  # by chunks (each file's JSON was also packed alone, then dropped: session 31)
        batched = _batched(env, context)
        payloads = []
    elif len(payloads) > 1:
        dumps = [json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in payloads]
        if sum(len(d) for d in dumps) > COMPRESS_ABOVE:
            payloads = [_packed(d) for d in dumps]
            compressed = True
    template = env.get_template("report.html.j2")
    ctx = dict(context, payloads=payloads)
    return template.render(**ctx, js=Markup(js), css=Markup(css), script_hash=script_hash(js),
                           version=__version__, compressed=compressed, batched=batched)


def _batched(env: jinja2.Environment, context: dict[str, Any]) -> dict[str, Any]:
    """A large batch's page data: the file list's links (one a row) and, by chunks of :data:`CHUNK_FILES` files, each file's
    JSON with its summary's HTML, gzip-compressed (across files: their markup repeats) and base64-encoded; the page
    puts in the list when it opens and a file's summary when the file is opened (report.js: ``fetchFile``)."""
    parts = env.get_template("parts.html.j2").module
    summaries = context["summaries"]
    # the list as rows the page puts in a few at a time (a virtual list: report.js ``fileList``), with the names
    # it filters on
    links = json.dumps({"paths": [s["path"] for s in summaries],
                        "links": [str(parts.file_link(s)) for s in summaries]},  # type: ignore[attr-defined]
                       ensure_ascii=False, separators=(",", ":"))
    chunks = []
    payloads = context["payloads"]
    for k in range(0, len(payloads), CHUNK_FILES):
        rows = [[p, str(parts.summary_section(s, False))]  # type: ignore[attr-defined]
                for p, s in zip(payloads[k : k + CHUNK_FILES], summaries[k : k + CHUNK_FILES], strict=True)]
        chunks.append({"files": len(rows), "data": _packed(json.dumps(rows, ensure_ascii=False, separators=(",", ":")))})
    return {"list": _packed(links), "chunks": chunks}


def _packed(text: str) -> str:
    """gzip, then base64: the page inflates it with DecompressionStream when the file is opened."""
    return base64.b64encode(gzip.compress(text.encode("utf-8", HTML_ERRORS), compresslevel=6, mtime=0)).decode("ascii")

