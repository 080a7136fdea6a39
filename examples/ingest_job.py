"""An ingest job: machine-translated news records (JSON Lines) through mtfix as a library.

    python examples/ingest_job.py examples/news-feed.jsonl repaired.jsonl
    python examples/ingest_job.py feed.jsonl out.jsonl --workers 2 --glossary names.tsv

Each non-blank input line comes out as one output line (ending in ``\n``), in order: the record with its ``body``
repaired (every other field as it was, in the same order) and an ``mtfix`` object saying
what was done (schema version, changed, fluency before and after, the codes of what was
found and of what is left for a person, and the short id of the job's signature).  The job's
full signature (rule packs, glossaries, models, weights, versions) goes once to standard error.  A record whose body is missing or not a string,
or a line that is not JSON, is written back unchanged and reported on standard error with
its line number and id (where it has one); the job goes on.  The output file appears only when the job has
finished (written to a temporary file, then renamed).

The pipeline is configured once and reused for every record; records are read lazily, so
memory stays flat however long the feed (``bench/RESULTS.md``).  The schema of the results
is in ``docs/library.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from mtfix.config import Config
from mtfix.errors import MtfixError
from mtfix.pipeline import Pipeline
from mtfix.records import RecordResult, job_signature


class Line(NamedTuple):
    """One input line, kept until its result is written."""

    number: int
    raw: str
    record: Any  # the parsed JSON value; None when the line is not JSON
    problem: str | None = None  # why it could not be parsed


def read_records(path: Path, pending: dict[int, Line]) -> Iterator[Any]:
    """The records of a JSON Lines file, lazily; each one's :class:`Line` is kept in ``pending``
    under its index until its result is written.  A line that is not JSON yields ``None``,
    which the pipeline reports as a bad record."""
    with path.open(encoding="utf-8-sig") as f:  # a byte order mark is not part of the first record
        index = 0
        for lineno, line in enumerate(f, 1):
            raw = line.rstrip("\n")
            if not raw.strip():
                continue
            try:
                pending[index] = Line(lineno, raw, json.loads(raw))
            except json.JSONDecodeError as exc:
                pending[index] = Line(lineno, raw, None, f"invalid JSON: {exc.msg} (column {exc.colno})")
            except (ValueError, RecursionError) as exc:  # an integer of over 4,300 digits; nesting too deep
                pending[index] = Line(lineno, raw, None, f"JSON that Python cannot read: {exc}")
            yield pending[index].record
            index += 1


def output_line(line: Line, result: RecordResult, text_field: str) -> str:
    """The line to write: the record with its text repaired and an ``mtfix`` summary, or the
    input line unchanged when the record could not be processed."""
    if not result.ok or not isinstance(line.record, dict):
        return line.raw
    out = dict(line.record)  # same keys, same order
    out[text_field] = result.text
    out["mtfix"] = {
        "schema": result.schema,
        "changed": result.changed,
        "fluency": result.fluency,
        "fluency_before": result.fluency_before,
        "found": [f.code for f in result.findings],
        "review": [f.code for f in result.remaining],  # what no safe fix mended
        "signature": result.signature,  # the short id of the job's signature (printed once, in full)
    }
    text = json.dumps(out, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate ("\ud800", valid JSON) in another field: keep it escaped
        text = json.dumps(out)
    return text


def run(src: Path, dest: Path, *, text_field: str = "body", id_field: str = "id", workers: int = 1,
        config: Config | None = None) -> dict[str, int]:
    """Repair ``src`` into ``dest``; returns counts (records, changed, review, errors)."""
    pipeline = Pipeline(config or Config(grammar="off"))
    pending: dict[int, Line] = {}
    counts = {"records": 0, "changed": 0, "review": 0, "errors": 0}
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            results = pipeline.process(read_records(src, pending), text_field=text_field, id_field=id_field,
                                       workers=workers, executor="process")
            sig = job_signature(pipeline, mode="fix")  # each output line names it by its id
            print(f"signature {sig.id}: {sig}", file=sys.stderr)
            for result in results:
                line = pending.pop(result.index)
                counts["records"] += 1
                if not result.ok:
                    counts["errors"] += 1
                    reason = line.problem or result.error
                    # a record without its id (a line that is not JSON) gets its index as ``result.id``: not named
                    has_id = isinstance(line.record, dict) and id_field in line.record
                    named = f"record {result.id!r}: " if has_id else ""
                    print(f"{src}:{line.number}: {named}{reason} (kept unchanged)", file=sys.stderr)
                else:
                    counts["changed"] += result.changed
                    counts["review"] += bool(result.remaining)
                out.write(output_line(line, result, text_field) + "\n")
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--text-field", default="body")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--glossary", action="append", default=[], help="a glossary of names and terms (repeatable)")
    ap.add_argument("--lt-url", help="a running LanguageTool server (grammar is off without it)")
    args = ap.parse_args(argv)
    config = Config(grammar="auto" if args.lt_url else "off", lt_url=args.lt_url, glossaries=tuple(args.glossary))
    try:
        counts = run(args.src, args.dest, text_field=args.text_field, id_field=args.id_field, workers=args.workers,
                     config=config)
    except MtfixError as exc:  # a bad glossary or option: nothing was written
        ap.exit(2, f"{ap.prog}: error: {exc}\n")
    except UnicodeDecodeError as exc:
        ap.exit(2, f"{ap.prog}: error: {args.src}: not UTF-8 text (byte {exc.start} of a line)\n")
    except OSError as exc:
        ap.exit(2, f"{ap.prog}: error: {exc.filename or args.src}: {exc.strerror or exc}\n")
    print(f"{counts['records']} records: {counts['changed']} repaired, {counts['review']} left for review, "
          f"{counts['errors']} kept unchanged (errors)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
