"""Records through a :class:`~mtfix.pipeline.Pipeline`, for ingest jobs: lazily, in bounded
memory, optionally in parallel, one plain JSON-ready result per record.

>>> from mtfix.config import Config
>>> from mtfix.pipeline import Pipeline
>>> p = Pipeline(Config(grammar="off"))
>>> rows = [{"id": "a1", "body": "Prices of oilgas rose."}, {"id": "a2", "body": None}]
>>> for r in process(p, rows, text_field="body", id_field="id"):
...     print(r.id, r.ok, r.text, r.error)
a1 True Prices of oil and gas rose. None
a2 False None field 'body' is not a string (got NoneType)

Results follow the schema documented in ``docs/library.md`` (version
:data:`mtfix.model.SCHEMA_VERSION`, carried by every result as ``schema``).
"""

from __future__ import annotations

import json
import math
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal
from uuid import UUID

from mtfix.config import bool_like, check_unsafe, int_like
from mtfix.errors import ConfigError, MtfixError, RecordError, WorkerError
from mtfix.model import SCHEMA_VERSION, Document, Edit, Finding

if TYPE_CHECKING:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.signature import Signature

MODES = ("fix", "check", "score")
ON_ERROR = ("report", "raise")
EXECUTORS = ("process", "thread")


# -- results: plain, typed, JSON-serialisable ---------------------------------------------
@dataclass(slots=True)
class FindingOut:
    """A finding on a record's text (offsets are ``str`` indices into that text)."""

    code: str
    category: str
    severity: str  # minor | major | critical
    start: int
    end: int
    line: int  # 1-based, within the record's text
    col: int
    text: str  # the flagged span
    message: str
    suggestions: list[str]
    fix: str  # safe | unsafe | none
    origin: str
    also: list[str] = field(default_factory=list)  # merged findings' codes; in the dict only when some

    @classmethod
    def of(cls, f: Finding, doc: Document) -> FindingOut:
        line, col = doc.line_col(f.start)
        return cls(f.code, f.category, str(f.severity), f.start, f.end, line, col, doc.text[f.start:f.end],
                   f.message_with_detail, list(f.suggestions), str(f.fix), f.origin, list(f.also))


@dataclass(slots=True)
class EditOut:
    """One applied edit; offsets point into the text the edit's pass started from."""

    start: int
    end: int
    replacement: str
    original: str
    code: str
    origin: str
    safety: str

    @classmethod
    def of(cls, e: Edit) -> EditOut:
        return cls(e.start, e.end, e.replacement, e.original, e.code, e.origin, str(e.safety))


@dataclass(slots=True)
class RecordResult:
    """What the pipeline made of one record.  ``to_dict()`` is the documented JSON form."""

    index: int  # position in the input stream, from 0
    id: Any  # the record's id field, else its index
    mode: str  # fix | check | score
    ok: bool = True
    error: str | None = None  # why the record was not processed (it is kept unchanged)
    text: str | None = None  # fix: the repaired text (the input when nothing applied)
    changed: bool = False
    findings: list[FindingOut] = field(default_factory=list)  # on the input text
    edits: list[EditOut] = field(default_factory=list)  # fix
    remaining: list[FindingOut] = field(default_factory=list)  # fix: on the repaired text
    held_back: int = 0  # fix: unsafe fixes not applied
    fluency: float | None = None  # 0-100, of the output text (the repaired one in fix mode)
    fluency_before: float | None = None  # fix: of the input text
    words: int | None = None
    segments: list[dict[str, Any]] | None = None  # score: per-segment scores
    reference: dict[str, Any] | None = None  # score with a reference: BLEU, chrF, TER
    signature: str | None = None  # the job's signature id (Signature.id; the long form: job_signature)
    schema: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["id"] = json_safe_id(self.id)
        for finding in (*d["findings"], *d["remaining"]):  # `also` only on a merged finding, as in check's JSON
            if not finding["also"]:
                del finding["also"]
        return d

    def to_json(self) -> str:
        """One line of JSON; ``\\uXXXX`` escapes when a kept text holds lone surrogates (raw, they are
        not UTF-8)."""
        return utf8_json(self.to_dict())


def utf8_json(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON text that is valid UTF-8: non-ASCII characters as they are, unless a string
    holds a lone surrogate (a file name that is not UTF-8, or a record's unpaired escape, as Python
    reads them): then every non-ASCII character is a ``\\uXXXX`` escape, which ``json.loads`` turns
    back into the same string.  Records, ``check``'s and ``score``'s JSON and SARIF are written by it.

    >>> utf8_json({"path": "café"}), utf8_json({"path": "caf\\udce9"})
    ('{"path": "café"}', '{"path": "caf\\\\udce9"}')
    """
    out = json.dumps(value, ensure_ascii=False, indent=indent)
    return json.dumps(value, indent=indent) if _has_surrogate(out) else out


def json_safe_id(value: Any) -> Any:
    """A record id that ``json.dumps`` writes as valid JSON, encodable as UTF-8: ``NaN``/``Infinity``
    become the strings ``"NaN"``/``"Infinity"``, lone surrogates ``\\udXXX`` escapes, and anything
    that is not a string, number, boolean or null its JSON text (or ``repr``).  The key types
    database drivers return keep the spelling a warehouse joins on: a ``UUID`` or ``Decimal``
    its ``str``, a date or time its ISO 8601 form.

    >>> json_safe_id(float("nan")), json_safe_id(float("-inf")), json_safe_id("a\\ud800"), json_safe_id(3)
    ('NaN', '-Infinity', 'a\\\\ud800', 3)
    >>> json_safe_id(UUID(int=1)), json_safe_id(Decimal("1.50")), json_safe_id(date(2026, 3, 1))
    ('00000000-0000-0000-0000-000000000001', '1.50', '2026-03-01')
    """
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else json.dumps(value)
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8") if _has_surrogate(value) else value
    if isinstance(value, (UUID, Decimal)):
        return str(value)
    if isinstance(value, (date, time)):  # datetime is a date
        return value.isoformat()
    try:
        return json.dumps(value, ensure_ascii=True, allow_nan=True)
    except (TypeError, ValueError, RecursionError):
        return repr(value)


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text) if not text.isascii() else False


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`RecordResult.to_dict` for this
    :data:`~mtfix.model.SCHEMA_VERSION`, shipped as ``mtfix/schemas/record-result-<version>.json``.

    >>> record_schema()["properties"]["schema"]
    {'const': '2'}
    """
    from importlib import resources

    name = f"record-result-{SCHEMA_VERSION}.json"
    return json.loads(resources.files("mtfix").joinpath("schemas", name).read_text(encoding="utf-8"))


# -- options shared by every record of a job ------------------------------------------------
def record_fields(config: Config, text_field: str | None, id_field: str | Literal[False] | None,
                  source_field: str | Literal[False] | None) -> tuple[str, str | None, str | None]:
    """The text, id and source fields of a job's records: the caller's, else those the settings name
    (``text-field``, ``id-field``, ``source-field``: ``config``'s, as the command line reads a file
    with them), else ``text`` and none.  ``None`` is "not given" (the settings' field); ``False`` for the
    id or source field is "none", whatever the settings say (a text field is always needed: ``False`` stays,
    for :class:`JobOptions` to refuse).  Spark's columns are resolved by it too.

    >>> from mtfix.config import Config
    >>> record_fields(Config(text_field="body", id_field="key"), None, "id", None)
    ('body', 'id', None)
    >>> record_fields(Config(), None, None, None)
    ('text', None, None)
    >>> record_fields(Config(id_field="key", source_field="src"), None, False, False)
    ('text', None, None)
    """
    def chosen(given: Any, setting: str | None) -> Any:
        return setting if given is None else None if given is False else given

    return ((config.text_field or "text") if text_field is None else text_field,
            chosen(id_field, config.id_field), chosen(source_field, config.source_field))


@dataclass(frozen=True, slots=True)
class JobOptions:
    text_field: str = "text"
    id_field: str | None = None
    source_field: str | None = None
    ref_field: str | None = None
    mode: str = "fix"
    unsafe: bool | None = None
    fluency: bool = True
    on_error: str = "report"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.on_error not in ON_ERROR:
            raise ConfigError(f"on_error must be one of {', '.join(ON_ERROR)}, not {self.on_error!r}")
        object.__setattr__(self, "unsafe", check_unsafe(self.unsafe))  # a NumPy bool becomes a Python one
        fluency = bool_like(self.fluency)
        if fluency is None:  # "no" or "false" from a job's settings is true
            raise ConfigError(f"fluency must be True or False, not {type(self.fluency).__name__} {self.fluency!r}")
        object.__setattr__(self, "fluency", fluency)
        for name in ("text_field", "id_field", "source_field", "ref_field"):
            value = getattr(self, name)
            if not (isinstance(value, str) and value) and (value is not None or name == "text_field"):
                raise ConfigError(f"{name} must be a field name (a non-empty string), not {value!r}")


@dataclass(slots=True)
class Item:
    """A record reduced to what the pipeline needs (cheap to send to a worker process)."""

    index: int
    id: Any
    text: str
    source: str | None = None
    ref: str | None = None


def extract(index: int, record: Any, opts: JobOptions) -> Item:
    """Pick text, id, source and reference out of a mapping (or an object with ``keys()`` and
    ``[key]``, such as ``sqlite3.Row``), or take a string as the text.

    Raises :class:`RecordError` naming the record's id (its index when it has none).
    """
    if isinstance(record, str):
        return Item(index, index, record)
    record = _as_mapping(record)
    if not isinstance(record, Mapping):
        hint = ""
        if isinstance(record, tuple) and len(record) == 2 and isinstance(_as_mapping(record[1]), Mapping):
            hint = " (an (index, row) pair, as DataFrame.iterrows() gives: pass df.to_dict('records') or df.itertuples())"
        raise RecordError(index, f"a record must be a mapping or a string, not {type(record).__name__}{hint}")
    rid = record.get(opts.id_field, index) if opts.id_field else index
    if opts.text_field not in record:
        from mtfix.formats.jsonl import nested_hint

        raise RecordError(rid, f"field {opts.text_field!r} is missing{nested_hint(opts.text_field, record)}")
    text = record[opts.text_field]
    if not isinstance(text, str):
        raise RecordError(rid, f"field {opts.text_field!r} is not a string (got {type(text).__name__}){_bytes_hint(text)}")
    if _has_surrogate(text):
        raise RecordError(rid, f"field {opts.text_field!r} contains a lone surrogate, which is not Unicode text")
    extra = []
    for name in (opts.source_field, opts.ref_field):
        value = record.get(name) if name else None
        if value is not None and not isinstance(value, str):
            raise RecordError(rid, f"field {name!r} is not a string (got {type(value).__name__}){_bytes_hint(value)}")
        if value is not None and _has_surrogate(value):
            raise RecordError(rid, f"field {name!r} contains a lone surrogate, which is not Unicode text")
        extra.append(value)
    return Item(index, rid, text, *extra)


def _as_mapping(record: Any) -> Any:
    """``record`` as a dict when it is a mapping in all but name (``sqlite3.Row``: ``keys()`` and
    ``[key]``, but ``in`` looks at its values); otherwise unchanged."""
    if not isinstance(record, (str, Mapping)) and callable(getattr(record, "keys", None)) \
            and hasattr(record, "__getitem__"):
        return {k: record[k] for k in record.keys()}  # noqa: SIM118 - a Row iterates its values
    if isinstance(record, tuple) and callable(getattr(record, "_asdict", None)):  # a namedtuple: df.itertuples()
        return dict(record._asdict())
    return record


def job_signature(pipeline: Pipeline, *, mode: str = "fix", fluency: bool = True,
                  unsafe: bool | None = None) -> Signature:
    """What produced the records of a job with these options, in full: the fluency score's signature
    (:func:`mtfix.scoring.fluency_signature`: rule packs, glossaries, grammar, models, weights, versions)
    when the records carry a fluency score (``mode="score"``, or ``fluency=True``), else the pipeline's
    (:meth:`~mtfix.pipeline.Pipeline.signature_info`).  Each record carries its short :attr:`~mtfix.signature.Signature.id`
    as ``signature``: store this long form once per job, keyed by that id.  A ``fix`` job that applies
    unsafe fixes (``unsafe``, or the pipeline's ``unsafe_fixes`` when it is None) adds ``fixes:unsafe``:
    its texts and scores are not those of a safe job, whose signature is unchanged.

    >>> from mtfix.config import Config
    >>> from mtfix.pipeline import Pipeline
    >>> sig = job_signature(Pipeline(Config(grammar="off")), mode="check")
    >>> sig.kind, sig.fields["grammar"], sig.id.startswith("mtfix-fluency#")
    ('mtfix-fluency', 'off', True)
    """
    if mode not in MODES:
        raise ConfigError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    flag = bool_like(fluency)
    if flag is None:
        raise ConfigError(f"fluency must be True or False, not {type(fluency).__name__} {fluency!r}")
    scored = mode == "score" or flag
    flag = check_unsafe(unsafe)
    risky = mode == "fix" and bool(pipeline.config.unsafe_fixes if flag is None else flag)
    cache = pipeline.__dict__.setdefault("_job_signatures", {})  # a pickled pipeline works its own out
    sig = cache.get((scored, risky))
    if sig is None:
        from mtfix.signature import Signature

        sig = pipeline.signature_info()
        if scored:
            from mtfix.scoring import fluency_signature

            sig = Signature.parse(fluency_signature(sig))
        if risky:
            sig = sig.with_fields(fixes="unsafe")
        cache[(scored, risky)] = sig
    return sig


def signature_id(pipeline: Pipeline, opts: JobOptions) -> str:
    """The :attr:`~mtfix.signature.Signature.id` each record of a job with ``opts`` carries."""
    return job_signature(pipeline, mode=opts.mode, fluency=opts.fluency, unsafe=opts.unsafe).id


def run_item(pipeline: Pipeline, item: Item, opts: JobOptions) -> RecordResult:
    """One record through the pipeline.  Any failure becomes a :class:`RecordError`."""
    try:
        return _run(pipeline, item, opts)
    except RecordError:
        raise
    except MtfixError as exc:
        raise RecordError(item.id, str(exc)) from exc
    except Exception as exc:  # a bug on one odd text must not stop a batch of millions
        raise RecordError(item.id, f"{type(exc).__name__}: {exc}") from exc


def _run(pipeline: Pipeline, item: Item, opts: JobOptions) -> RecordResult:
    from mtfix.pipeline_results import CheckResult
    from mtfix.scoring import score_document
    from mtfix.segment import to_document

    doc = to_document(item.text, source=item.source)
    res = RecordResult(item.index, item.id, opts.mode)
    if opts.mode == "fix":
        fx = pipeline.fix(doc, unsafe=opts.unsafe)
        original = fx.document or doc
        res.text, res.changed, res.held_back = fx.text, fx.changed, fx.held_back
        res.findings = [FindingOut.of(f, original) for f in fx.findings]
        res.edits = [EditOut.of(e) for e in fx.edits]
        after = to_document(fx.text, source=item.source) if fx.changed else original
        res.remaining = [FindingOut.of(f, after) for f in fx.remaining]
        if opts.fluency:
            res.fluency_before = score_document(CheckResult(original, fx.findings)).fluency
            final = score_document(CheckResult(after, fx.remaining))
            res.fluency, res.words = final.fluency, final.words
        return res
    check = pipeline.check(doc)
    res.findings = [FindingOut.of(f, check.document) for f in check.findings]
    if opts.mode == "score" or opts.fluency:
        sc = score_document(check, ref=item.ref if opts.mode == "score" else None)
        res.fluency, res.words = sc.fluency, sc.words
        if opts.mode == "score":
            res.segments = [s.to_dict() for s in sc.segments]
            res.reference = sc.reference
    return res


def _bytes_hint(value: Any) -> str:
    """What to do with a text given as bytes (a driver's ``bytes`` column, a file opened in binary mode).

    >>> _bytes_hint(b"caf\\xe9"), _bytes_hint(3)
    (": decode it with the encoding it was written in (value.decode('utf-8'), or 'latin-1', ...)", '')
    """
    if isinstance(value, bytes | bytearray | memoryview):
        return ": decode it with the encoding it was written in (value.decode('utf-8'), or 'latin-1', ...)"
    return ""


def failed(index: int, error: RecordError, opts: JobOptions, text: Any = None) -> RecordResult:
    """The result of a record that could not be processed: kept unchanged, with the reason."""
    return RecordResult(index, error.record_id, opts.mode, ok=False, error=error.reason,
                        text=text if isinstance(text, str) else None)


def run_chunk(pipeline: Pipeline, chunk: list[Item | RecordResult], opts: JobOptions) -> list[RecordResult]:
    out: list[RecordResult] = []
    sig = signature_id(pipeline, opts)  # worked out by the pipeline that runs the records (a worker's own)
    for it in chunk:
        if isinstance(it, RecordResult):  # failed extraction, already a result
            out.append(it)
            continue
        try:
            out.append(run_item(pipeline, it, opts))
        except RecordError as exc:
            if opts.on_error == "raise":
                raise
            out.append(failed(it.index, exc, opts, it.text if opts.mode == "fix" else None))
    for r in out:
        r.signature = sig
    return out


# -- the batch processor ---------------------------------------------------------------------
def process(
    pipeline: Pipeline,
    records: Iterable[Any],
    *,
    text_field: str | None = None,
    id_field: str | Literal[False] | None = None,
    source_field: str | Literal[False] | None = None,
    ref_field: str | None = None,
    mode: str = "fix",
    unsafe: bool | None = None,
    fluency: bool = True,
    workers: int = 1,
    executor: str = "process",
    chunk_size: int = 64,
    on_error: str = "report",
) -> Iterator[RecordResult]:
    """Results for ``records`` (mappings, or strings taken as the text), in input order, lazily.

    ``mode`` is ``fix`` (repaired text, edits, what is left), ``check`` (findings) or ``score``
    (fluency per segment; BLEU/chrF/TER against ``ref_field`` when given).  ``text_field``, ``id_field``
    and ``source_field`` not given (None) are those of the pipeline's settings (``text-field``...), as
    ``mtfix check`` reads a JSON Lines file with them (:func:`record_fields`); ``id_field=False`` and
    ``source_field=False`` mean none, whatever the settings say.  ``fluency=False``
    skips the fluency score in ``fix``/``check`` mode.  A record that cannot be read or
    processed gives a result with ``ok=False`` and ``error`` set, and the batch goes on; with
    ``on_error="raise"`` it raises :class:`mtfix.errors.RecordError` (with ``record_id``).

    ``workers > 1`` runs chunks of ``chunk_size`` records on a pool (``executor="process"``,
    the default: the work is pure Python and holds the GIL; ``"thread"`` suits pipelines that
    wait on a LanguageTool server).  At most ``2 × workers`` chunks are in flight, so memory
    stays bounded however long the input.  Argument errors raise :class:`ConfigError` at once,
    and a glossary or rule pack that cannot be loaded its :class:`GlossaryError` or
    :class:`RulePackError` (a model file that cannot be read, its :class:`ConfigError`).
    """
    fields = record_fields(pipeline.config, text_field, id_field, source_field)
    opts = JobOptions(*fields, ref_field, mode, unsafe, fluency, on_error)
    for name, value in (("workers", workers), ("chunk_size", chunk_size)):
        number = int_like(value)  # a NumPy integer too (a count out of a frame), as a Python int
        if number is None or number < 1:
            raise ConfigError(f"workers and chunk_size must be at least 1 (whole numbers); {name} is {value!r}")
    workers, chunk_size = int(workers), int(chunk_size)
    if executor not in EXECUTORS:
        raise ConfigError(f"executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
    _check_records(records)
    _ = pipeline.checkers  # a glossary or rule pack that cannot load is an error now, not one per record
    pipeline.load_data()  # so is a model file (the garble detector's) that cannot be read
    if workers == 1:
        return _sequential(pipeline, records, opts)
    return _parallel(pipeline, records, opts, workers, executor, chunk_size)


def _check_records(records: Any) -> None:
    """A batch must be an iterable of records: one text or one mapping would be taken apart
    (its characters or keys read as records), and ``None`` would fail only on first read."""
    if isinstance(records, (str, bytes, bytearray, Mapping)):
        raise ConfigError(f"records must be an iterable of records, not one {type(records).__name__}: "
                          "wrap a single record in a list")
    if hasattr(records, "iterrows") and hasattr(records, "columns"):  # a pandas DataFrame iterates its column names
        raise ConfigError("records is a DataFrame, whose iteration gives its column names: pass "
                          "df.to_dict('records') (or mtfix.integrations.spark on Spark)")
    try:
        iter(records)
    except TypeError:
        raise ConfigError(f"records must be an iterable of records (a list, a generator, a cursor), "
                          f"not {type(records).__name__}") from None


def _items(records: Iterable[Any], opts: JobOptions) -> Iterator[Item | RecordResult]:
    for index, record in enumerate(records):
        try:
            yield extract(index, record, opts)
        except RecordError as exc:
            if opts.on_error == "raise":
                raise
            record = _as_mapping(record)
            text = record.get(opts.text_field) if isinstance(record, Mapping) else None
            yield failed(index, exc, opts, text if opts.mode == "fix" else None)


def _sequential(pipeline: Pipeline, records: Iterable[Any], opts: JobOptions) -> Iterator[RecordResult]:
    for it in _items(records, opts):
        yield from run_chunk(pipeline, [it], opts)


# A worker process's own pipeline and options, set once by the pool's initializer.
_WORKER: tuple[Pipeline, JobOptions] | None = None


def _init_worker(pipeline: Pipeline, opts: JobOptions) -> None:
    from mtfix.parallel import end_with_the_parent

    global _WORKER
    _WORKER = (pipeline, opts)
    end_with_the_parent()  # a program killed outright (SIGKILL) left its workers waiting for ever


class _Raised(Exception):
    """A RecordError on its way back from a worker process (picklable: ``args`` are its fields)."""


def _worker_chunk(chunk: list[Item | RecordResult]) -> list[RecordResult]:
    assert _WORKER is not None, "worker not initialised"
    try:
        return run_chunk(_WORKER[0], chunk, _WORKER[1])
    except RecordError as exc:
        raise _Raised(exc.record_id, exc.reason) from None


def _parallel(pipeline: Pipeline, records: Iterable[Any], opts: JobOptions, workers: int, executor: str,
              chunk_size: int) -> Iterator[RecordResult]:
    pool: Executor
    start_method = None  # a process pool's (spawn and forkserver run the main module again in each worker)
    if executor == "process":
        pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(pipeline, opts))
        start_method = multiprocessing.get_start_method()

        def submit(chunk: list[Any]) -> Future:
            return pool.submit(_worker_chunk, chunk)
    else:
        pool = ThreadPoolExecutor(workers, thread_name_prefix="mtfix")

        def submit(chunk: list[Any]) -> Future:
            return pool.submit(run_chunk, pipeline, chunk, opts)

    items = _items(records, opts)
    window: deque[tuple[list[Any], Future]] = deque()
    failure: list[Exception] = []  # what reading ``records`` raised: raised once what was read is delivered

    def chunks() -> Iterator[list[Any]]:
        chunk: list[Any] = []
        try:
            for it in items:
                chunk.append(it)
                if len(chunk) == chunk_size:
                    yield chunk
                    chunk = []
        except Exception as exc:  # noqa: BLE001 - the caller's cursor (or on_error="raise"): re-raised below
            failure.append(exc)
        if chunk:
            yield chunk

    def drain() -> list[RecordResult]:
        chunk, fut = window.popleft()
        try:
            return fut.result()
        except _Raised as exc:
            raise RecordError(*exc.args) from None
        except RecordError:
            raise
        except BrokenExecutor:  # a worker died: running its records here could kill this process too
            raise WorkerError.at_record(chunk[0].index, start_method) from None
        except Exception:  # the pool could not take the chunk (e.g. unpicklable): run it here
            return run_chunk(pipeline, chunk, opts)

    try:
        for chunk in chunks():
            try:
                fut = submit(chunk)
            except BrokenExecutor:
                raise WorkerError.at_record((window[0][0] if window else chunk)[0].index, start_method) from None
            window.append((chunk, fut))
            if len(window) >= 2 * workers:
                yield from drain()
        while window:
            yield from drain()
        if failure:  # (until session 20 the results of the records read before it were dropped)
            raise failure[0]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
