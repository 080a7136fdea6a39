"""mtfix on Apache Spark: check, repair and score a DataFrame column of machine-translated
text across a cluster.

    from mtfix.integrations.spark import repair
    out = repair(df, "text", id_col="doc_id")   # + mtfix_text, mtfix_findings, mtfix_fluency, ...

Built on an iterator pandas UDF (only the text, id and source columns travel to Python; the
other columns stay in the JVM untouched).  Each Python worker process builds one
:class:`~mtfix.pipeline.Pipeline` per configuration, on its first batch, and keeps it for every
later batch and task (Spark reuses Python workers unless ``spark.python.worker.reuse`` is
false): rule packs and glossaries load once per worker, never per row.  Each row goes through
:func:`mtfix.records.run_item`, so the columns hold exactly what the library returns.
LanguageTool in a cluster: ``docs/spark.md``.
"""

from __future__ import annotations

import json
import os
import pickle
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mtfix.config import Config, require_config
from mtfix.errors import ConfigError, GrammarError, MtfixError, RecordError
from mtfix.records import (
    MODES,
    JobOptions,
    RecordResult,
    extract,
    failed,
    job_signature,
    record_fields,
    run_item,
    signature_id,
)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from mtfix.pipeline import Pipeline
    from mtfix.signature import Signature

#: Added columns (without the prefix) and their Spark SQL types, per mode.  JSON columns hold
#: the lists of the record schema in ``docs/library.md``.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "fix": [("text", "string"), ("changed", "boolean"), ("findings", "string"), ("edits", "string"),
            ("remaining", "string"), ("fluency", "double"), ("fluency_before", "double"), ("error", "string"),
            ("signature", "string")],
    "check": [("findings", "string"), ("fluency", "double"), ("error", "string"), ("signature", "string")],
    "score": [("fluency", "double"), ("words", "int"), ("segments", "string"), ("findings", "string"),
              ("error", "string"), ("signature", "string")],
}
_JSON_COLUMNS = {"findings", "edits", "remaining", "segments"}

#: The results of an Arrow batch (10,000 rows by default) go back to Spark in frames of at most
#: this many rows or characters of text, so a worker never holds a whole batch's results (findings,
#: edits, JSON): 387 MB per worker with the default batches, 249 MB with batches of 1,000
#: (``bench/bench_spark.py``, session 28).
OUTPUT_ROWS = 1000
OUTPUT_CHARS = 2_000_000

#: A log4j2 configuration that keeps Spark's console to its errors, one line each, with no Java
#: stack traces (:func:`quiet_builder`).
QUIET_LOG4J = Path(__file__).with_name("log4j2-quiet.properties")


def quiet_builder(builder: Any) -> Any:
    """``builder`` (a ``SparkSession.Builder``) with Spark's console kept quiet: the driver's JVM reads
    :data:`QUIET_LOG4J` (errors only, no stack traces) and shows no progress bars.  It takes effect
    where this builder starts the JVM (a local job run with ``python``); under ``spark-submit`` the
    JVM runs already: call :func:`quiet` on the session.  It replaces ``spark.driver.extraJavaOptions``."""
    return (builder.config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={QUIET_LOG4J.as_uri()}")
            .config("spark.ui.showConsoleProgress", "false"))


def quiet(spark: Any) -> None:
    """Spark's log level set to errors for the rest of the session (``SparkContext.setLogLevel``)."""
    spark.sparkContext.setLogLevel("ERROR")


# -- the per-worker pipeline cache ------------------------------------------------------------
_PIPELINES: dict[bytes, Pipeline] = {}
_LOCK = threading.Lock()
_BUILDS = 0
#: Warnings printed by this worker, and how many at most (:func:`_show_warnings`).
_SHOWN: set[str] = set()
MAX_WARNINGS = 20


def worker_pipeline(config: Config) -> Pipeline:
    """This process's pipeline for ``config``, built on first use and kept."""
    global _BUILDS
    key = pickle.dumps(config)
    p = _PIPELINES.get(key)
    if p is None:
        with _LOCK:
            p = _PIPELINES.get(key)
            if p is None:
                from mtfix.pipeline import Pipeline

                run, skipped = _with_executor_languagetool(config)
                p = Pipeline(run)
                if skipped:
                    p.warnings.append(skipped)
                _ = p.checkers  # load packs and glossaries now, once
                p.load_data()  # and the detector's model: one that cannot be read fails the task, not every row
                _PIPELINES[key] = p
                _BUILDS += 1
    return p


def _with_executor_languagetool(config: Config) -> tuple[Config, str | None]:
    """(the config a worker runs, the warning of a grammar left out): in a Spark task whose ``config`` asks for
    LanguageTool without an ``lt_url``, the executor's shared server is found or started first
    (:mod:`mtfix.integrations.spark_languagetool`); one that cannot be started fails the task with
    ``grammar="required"`` and leaves grammar out, with a warning, with ``"auto"``."""
    if config.grammar == "off" or config.lt_url or _partition() is None:
        return config, None
    from mtfix.integrations.spark_languagetool import executor_server, grammar_skipped

    try:
        executor_server(config)
    except GrammarError as exc:
        if config.grammar == "required":
            raise GrammarError(f"{exc} (Config(grammar='required') needs LanguageTool on every executor, or a "
                               "server given with lt_url)") from None
        return config.with_overrides(grammar="off"), grammar_skipped(exc)
    return config, None


def cache_info() -> dict[str, int]:
    """Pipelines built and kept by this process (for tests and monitoring)."""
    return {"pid": os.getpid(), "builds": _BUILDS, "pipelines": len(_PIPELINES)}


def result_row(r: RecordResult, mode: str) -> dict[str, Any]:
    """One result as the values of the mode's added columns (JSON lists as strings)."""
    d = r.to_dict()
    row: dict[str, Any] = {}
    for name, _type in COLUMNS[mode]:
        value = d[name]
        row[name] = json.dumps(value, ensure_ascii=False) if name in _JSON_COLUMNS and value is not None else value
    return row


def map_batches(config: Config, opts: JobOptions, batches: Iterator[Any]) -> Iterator[Any]:
    """The UDF body: (text, id, source[, not-UTF-8 field]) series in, frames of the added columns out (at most
    :data:`OUTPUT_ROWS` rows or :data:`OUTPUT_CHARS` characters of text each).

    Each row becomes the record ``{text_field: text, id_field: id, source_field: source}``
    and goes through :func:`mtfix.records.extract` and :func:`~mtfix.records.run_item`, as
    in :func:`mtfix.records.process`."""
    import pandas as pd

    partition = _partition()
    try:
        pipeline = worker_pipeline(config)
    except MtfixError as exc:  # a glossary or rule file missing on this node, LanguageTool unreachable
        raise ConfigError(f"mtfix could not start ({_where(partition)}): {exc} (every executor opens the "
                          "files named in Config and reaches its LanguageTool itself: docs/spark.md)") from None
    names = [n for n, _ in COLUMNS[opts.mode]]
    sig = signature_id(pipeline, opts)  # this worker's, as it ran
    position = 0  # of the row in its partition, over all batches
    for texts, ids, sources, *rest in batches:
        rows, chars = [], 0
        bad_fields = rest[0] if rest else [None] * len(texts)
        for text, rid, source, bad in zip(texts, ids, sources, bad_fields, strict=True):
            record = {opts.text_field: None if _missing(text) else text}
            if opts.id_field:
                record[opts.id_field] = None if _missing(rid) else _plain(rid)
            if opts.source_field:
                record[opts.source_field] = None if _missing(source) else source
            try:
                if not _missing(bad):  # held back in the JVM: its bytes would fail the whole Arrow batch
                    raise RecordError(position if not opts.id_field or record[opts.id_field] is None
                                      else record[opts.id_field], not_utf8(bad))
                r = run_item(pipeline, extract(position, record, opts), opts)
            except RecordError as exc:
                # LanguageTool failing under grammar="required" is the cluster's fault, not the row's: fail
                # the task (Spark retries it) as the CLI stops, rather than mark every later row
                if opts.on_error == "raise" or isinstance(exc.__cause__, GrammarError):
                    raise RecordError(exc.record_id, f"{exc.reason} (row {position}, {_where(partition)})") \
                        from None
                r = failed(position, exc, opts, record[opts.text_field] if opts.mode == "fix" else None)
            r.signature = sig
            rows.append(result_row(r, opts.mode))
            position += 1
            chars += len(text) if isinstance(text, str) else 0
            if len(rows) >= OUTPUT_ROWS or chars >= OUTPUT_CHARS:  # Spark takes fewer rows a frame than it gave
                _show_warnings(pipeline.warnings)
                yield pd.DataFrame(rows, columns=names)
                rows, chars = [], 0
        _show_warnings(pipeline.warnings)
        if rows:
            yield pd.DataFrame(rows, columns=names)


def signature(config: Config | None = None, *, mode: str = "fix", fluency: bool = True,
              unsafe: bool | None = None) -> Signature:
    """The long form of what a job of :func:`apply` with these arguments produces (the library's
    :func:`mtfix.records.job_signature`, of ``config`` or the integration's default ``Config(grammar="off")``),
    worked out here on the driver.  Every row's ``mtfix_signature`` holds its :attr:`~mtfix.signature.Signature.id`,
    worked out by the worker that made the row: store this once per job, keyed by ``.id``.  A row whose id
    differs came from an executor that read other files or reached another LanguageTool (docs/spark.md)."""
    from mtfix.pipeline import Pipeline

    require_config(config)
    return job_signature(Pipeline(config or Config(grammar="off")), mode=mode, fluency=fluency, unsafe=unsafe)


def not_utf8(field: str) -> str:
    """The error of a row whose ``field`` holds bytes that are not UTF-8 (a Spark string made from bytes of
    another encoding: ``cast('string')`` of a binary column, ``spark.read.text`` of a Latin-1 file)."""
    return (f"field {field!r} is not valid UTF-8 (a Spark string made from bytes of another encoding: decode them "
            f"with F.decode(col, 'ISO-8859-1') or read the file with its encoding; the row is left as it is)")


def _show_warnings(warnings: list[str]) -> None:
    """Print the pipeline's new warnings (LanguageTool unreachable with ``grammar="auto"``, ...) to
    this worker's standard error, which Spark keeps in the executor's log: each once, at most
    :data:`MAX_WARNINGS` per worker; then empty the list, which would otherwise grow by a line a row."""
    for w in warnings:
        if w in _SHOWN or len(_SHOWN) >= MAX_WARNINGS:
            continue
        _SHOWN.add(w)
        more = "; further warnings of this worker are not shown" if len(_SHOWN) == MAX_WARNINGS else ""
        print(f"mtfix: warning ({_where(_partition())}): {w}{more}", file=sys.stderr, flush=True)
    warnings.clear()  # in place: the checkers append to this very list


def _partition() -> int | None:
    """The Spark partition this task works on (None outside a Spark task)."""
    from pyspark import TaskContext

    ctx = TaskContext.get()
    return None if ctx is None else ctx.partitionId()


def _where(partition: int | None) -> str:
    """Where a task runs, for error messages: ``Spark partition 3 on host node-7``."""
    return ("" if partition is None else f"Spark partition {partition} on ") + f"host {socket.gethostname()}"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value  # numpy scalar → Python


def _udf(config: Config, opts: JobOptions):
    from functools import partial
    from typing import Tuple  # noqa: UP035 - pandas_udf reads these hints at run time

    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    body = partial(map_batches, config, opts)

    def run(batches):
        return body(batches)

    run.__annotations__ = {"batches": Iterator[Tuple[pd.Series, pd.Series, pd.Series, pd.Series]],  # noqa: UP006
                           "return": Iterator[pd.DataFrame]}
    schema = ", ".join(f"{n} {t}" for n, t in COLUMNS[opts.mode])
    return pandas_udf(run, schema)


def apply(df: DataFrame, column: str | None = None, *, mode: str = "fix", config: Config | None = None,
          id_col: str | Literal[False] | None = None, source_col: str | Literal[False] | None = None,
          prefix: str = "mtfix_", unsafe: bool | None = None, fluency: bool = True, on_error: str = "report") -> DataFrame:
    """``df`` with the mode's columns added (``prefix`` + the names in :data:`COLUMNS`).

    ``config`` defaults to ``Config(grammar="off")``; pass ``Config(grammar="auto")`` or
    ``Config(lt_url=...)`` for LanguageTool (``docs/spark.md``).  ``column``, ``id_col`` and ``source_col``
    not given (None) are the fields ``config``'s settings name (``text-field``, ``id-field``,
    ``source-field``), else ``text`` and none, as for :func:`mtfix.records.process`; ``id_col=False`` and
    ``source_col=False`` mean none, whatever the settings say.  A row whose text is null or
    not a string gets ``error`` set and is otherwise left alone; ``on_error="raise"`` fails
    the job instead.
    """
    from pyspark.sql import functions as F

    if mode not in MODES:
        raise ConfigError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    _check_arguments(config, prefix, column=column, id_col=id_col, source_col=source_col)
    config = config or Config(grammar="off")
    column, id_col, source_col = record_fields(config, column, id_col, source_col)
    key, columns = _name_key(df), df.columns
    by_key = {key(c): c for c in columns}
    types = dict(df.dtypes)
    column, id_col, source_col = (_resolve(n, columns, key, types) for n in (column, id_col, source_col))
    for name in (column, source_col):
        if name is not None and types[name] != "string" and not types[name].startswith("string collate "):
            raise ConfigError(f"column {name!r} holds {types[name]}, not text: cast it "
                              f"(F.col(...).cast('string')) if its values are text")
    added = [prefix + n for n, _ in COLUMNS[mode]]
    clash = [c for c in added if key(c) in by_key]
    if clash:
        raise ConfigError(f"column(s) {', '.join(by_key[key(c)] for c in clash)} already exist; choose another prefix")
    _warn_grammar_auto(config)
    opts = JobOptions(text_field=column, id_field=id_col, source_field=source_col, mode=mode, unsafe=unsafe,
                      fluency=fluency, on_error=on_error)
    udf = _udf(config, opts)
    none = F.lit(None).cast("string")
    ids = F.make_valid_utf8(_col(id_col).cast("string")) if id_col else none  # an id is only named in errors
    tmp, bad = f"__{prefix}result", f"__{prefix}not_utf8"
    while key(tmp) in by_key or key(bad) in by_key:  # never replace a column of the caller's
        tmp, bad = tmp + "_", bad + "_"
    # Spark strings are bytes that need not be UTF-8 (a cast binary column, a Latin-1 file read as text):
    # Arrow cannot hand them to Python and failed the whole task, naming no row.  Such a value stays in
    # the JVM; its row gets mtfix_error (and, in fix mode, its own text back).
    invalid = F.when(~F.is_valid_utf8(_col(column)), F.lit(column))
    if source_col:
        invalid = invalid.when(~F.is_valid_utf8(_col(source_col)), F.lit(source_col))
    held = F.col(_quoted(bad)).isNotNull()
    texts = F.when(~held, _col(column))
    sources = F.when(~held, _col(source_col)) if source_col else none
    out = df.withColumn(bad, invalid).withColumn(tmp, udf(texts, ids, sources, F.col(_quoted(bad))))
    added = {prefix + n: F.col(f"{_quoted(tmp)}.{n}") for n, _ in COLUMNS[mode]}
    if mode == "fix":
        # cast: a collated column beside the result's plain string gave `string collate null`, and no rows at all
        added[prefix + "text"] = F.when(held, _col(column).cast("string")).otherwise(added[prefix + "text"])
    # added and dropped by name, never re-selected: the caller's columns may repeat a name (after a join)
    return out.withColumns(added).drop(tmp, bad)


def _warn_grammar_auto(config: Config) -> None:
    """A warning on the driver for ``grammar="auto"``, which a ``Config`` built without ``grammar=`` has: on
    a cluster it starts a LanguageTool per executor or, where none is installed, goes without (docs/spark.md)."""
    if config.grammar != "auto":
        return
    import warnings

    if config.lt_url:
        what = (f"every Python worker goes on without grammar findings where it cannot reach {config.lt_url}, "
                "so results differ by node with no sign in the data")
    else:
        what = ("each executor without a LanguageTool server recorded by `mtfix languagetool start` starts one "
                "(a 1 GB JVM per executor, shared by its Python workers) or, where LanguageTool is not installed, "
                "goes on without grammar findings, so results differ by node with no sign in the data")
    level, frame = 2, sys._getframe(1)  # level 2: the function that called this one
    while frame is not None and frame.f_code.co_filename == __file__:  # the caller's line, past apply/repair
        level, frame = level + 1, frame.f_back
    warnings.warn(f"mtfix on Spark: config has grammar='auto' (Config's default when grammar= is not given): {what}; "
                  "pass Config(grammar='off'), or grammar='required' with a server (docs/spark.md)",
                  UserWarning, stacklevel=level)


def _check_arguments(config: Any, prefix: Any, **names: Any) -> None:
    """A :class:`ConfigError` on the driver for an argument of the wrong type (it failed in every task,
    or deep inside ``apply``, with an AttributeError or a TypeError)."""
    require_config(config)
    if not isinstance(prefix, str):
        raise ConfigError(f"prefix must be a string, not {type(prefix).__name__} {prefix!r}")
    for name, value in names.items():
        if not (isinstance(value, str) or value is None or (value is False and name != "column")):
            raise ConfigError(f"{name} must be a column name (a string), not {type(value).__name__} {value!r}")


def _name_key(df: DataFrame) -> Any:
    """How Spark compares column names in ``df``'s session: case-insensitively unless
    ``spark.sql.caseSensitive`` is true."""
    sensitive = str(df.sparkSession.conf.get("spark.sql.caseSensitive", "false")).lower() == "true"
    return (lambda n: n) if sensitive else str.lower


def _resolve(name: str | None, columns: list[str], key: Any, types: dict[str, str]) -> str | None:
    """The DataFrame's own spelling of column ``name`` (``Body`` for ``body`` when Spark ignores
    case), or a :class:`ConfigError`: no such column, or more than one (after a join)."""
    if name is None:
        return None
    found = [c for c in columns if key(c) == key(name)]
    if len(found) > 1:
        raise ConfigError(f"column {name!r} is ambiguous: the DataFrame has {len(found)} columns of that name "
                          "(after a join?): rename or drop the others")
    if found:
        return found[0]
    head = next((c for c in columns if key(c) == key(name.split(".", 1)[0])), None)
    hint = ""
    if "." in name and head is not None and types[head].startswith("struct<"):
        hint = (f" ({name!r} is a field of the struct column {head!r}: add it as a column first, "
                f"df.withColumn('{name.replace('.', '_')}', F.col('{name}')))")
    raise ConfigError(f"no column {name!r} in the DataFrame (columns: {', '.join(columns)}){hint}")


def _quoted(name: str) -> str:
    """A column name as a Spark identifier, dots and backticks included (``a.b`` is not a field).

    >>> _quoted("body.en"), _quoted("odd`name")
    ('`body.en`', '`odd``name`')
    """
    return "`" + name.replace("`", "``") + "`"


def _col(name: str) -> Any:
    """The top-level column called ``name``."""
    from pyspark.sql import functions as F

    return F.col(_quoted(name))


def repair(df: DataFrame, column: str | None = None, config: Config | None = None, **kwargs: Any) -> DataFrame:
    """Add the repaired text, the edits, the findings before and after (JSON) and the fluency
    before and after repair: ``mtfix_text``, ``mtfix_changed``, ``mtfix_findings``,
    ``mtfix_edits``, ``mtfix_remaining``, ``mtfix_fluency``, ``mtfix_fluency_before``,
    ``mtfix_error``, ``mtfix_signature``.  Keyword arguments as for :func:`apply`."""
    return apply(df, column, mode="fix", config=config, **kwargs)


def check(df: DataFrame, column: str | None = None, config: Config | None = None, **kwargs: Any) -> DataFrame:
    """Add ``mtfix_findings`` (JSON), ``mtfix_fluency``, ``mtfix_error`` and ``mtfix_signature``."""
    return apply(df, column, mode="check", config=config, **kwargs)


def score(df: DataFrame, column: str | None = None, config: Config | None = None, **kwargs: Any) -> DataFrame:
    """Add ``mtfix_fluency``, ``mtfix_words``, ``mtfix_segments`` and ``mtfix_findings`` (JSON),
    ``mtfix_error`` and ``mtfix_signature``."""
    return apply(df, column, mode="score", config=config, **kwargs)
