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
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from mtfix.config import Config
from mtfix.errors import ConfigError, RecordError
from mtfix.records import MODES, JobOptions, RecordResult, extract, failed, run_item

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from mtfix.pipeline import Pipeline

#: Added columns (without the prefix) and their Spark SQL types, per mode.  JSON columns hold
#: the lists of the record schema in ``docs/library.md``.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "fix": [("text", "string"), ("changed", "boolean"), ("findings", "string"), ("edits", "string"),
            ("remaining", "string"), ("fluency", "double"), ("fluency_before", "double"), ("error", "string")],
    "check": [("findings", "string"), ("fluency", "double"), ("error", "string")],
    "score": [("fluency", "double"), ("words", "int"), ("segments", "string"), ("findings", "string"),
              ("error", "string")],
}
_JSON_COLUMNS = {"findings", "edits", "remaining", "segments"}

# -- the per-worker pipeline cache ------------------------------------------------------------
_PIPELINES: dict[bytes, Pipeline] = {}
_LOCK = threading.Lock()
_BUILDS = 0


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

                p = Pipeline(config)
                _ = p.checkers  # load packs and glossaries now, once
                _PIPELINES[key] = p
                _BUILDS += 1
    return p


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
    """The UDF body: (text, id, source) series in, a frame of the added columns out.

    Each row becomes the record ``{text_field: text, id_field: id, source_field: source}``
    and goes through :func:`mtfix.records.extract` and :func:`~mtfix.records.run_item`, as
    in :func:`mtfix.records.process`."""
    import pandas as pd

    pipeline = worker_pipeline(config)
    names = [n for n, _ in COLUMNS[opts.mode]]
    for texts, ids, sources in batches:
        rows = []
        for i, (text, rid, source) in enumerate(zip(texts, ids, sources, strict=True)):
            record = {opts.text_field: None if _missing(text) else text}
            if opts.id_field:
                record[opts.id_field] = None if _missing(rid) else _plain(rid)
            if opts.source_field:
                record[opts.source_field] = None if _missing(source) else source
            try:
                r = run_item(pipeline, extract(i, record, opts), opts)
            except RecordError as exc:
                if opts.on_error == "raise":
                    raise
                r = failed(i, exc, opts, record[opts.text_field] if opts.mode == "fix" else None)
            rows.append(result_row(r, opts.mode))
        yield pd.DataFrame(rows, columns=names)


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

    run.__annotations__ = {"batches": Iterator[Tuple[pd.Series, pd.Series, pd.Series]],  # noqa: UP006
                           "return": Iterator[pd.DataFrame]}
    schema = ", ".join(f"{n} {t}" for n, t in COLUMNS[opts.mode])
    return pandas_udf(run, schema)


def apply(df: DataFrame, column: str, *, mode: str = "fix", config: Config | None = None, id_col: str | None = None,
          source_col: str | None = None, prefix: str = "mtfix_", unsafe: bool | None = None,
          fluency: bool = True, on_error: str = "report") -> DataFrame:
    """``df`` with the mode's columns added (``prefix`` + the names in :data:`COLUMNS`).

    ``config`` defaults to ``Config(grammar="off")``; pass ``Config(grammar="auto")`` or
    ``Config(lt_url=...)`` for LanguageTool (``docs/spark.md``).  A row whose text is null or
    not a string gets ``error`` set and is otherwise left alone; ``on_error="raise"`` fails
    the job instead.
    """
    from pyspark.sql import functions as F

    if mode not in MODES:
        raise ConfigError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    for name in (column, id_col, source_col):
        if name is not None and name not in df.columns:
            raise ConfigError(f"no column {name!r} in the DataFrame (columns: {', '.join(df.columns)})")
    types = dict(df.dtypes)
    for name in (column, source_col):
        if name is not None and types[name] != "string":
            raise ConfigError(f"column {name!r} holds {types[name]}, not text: cast it "
                              f"(F.col(...).cast('string')) if its values are text")
    added = [prefix + n for n, _ in COLUMNS[mode]]
    clash = [c for c in added if c in df.columns]
    if clash:
        raise ConfigError(f"column(s) {', '.join(clash)} already exist; choose another prefix")
    config = config or Config(grammar="off")
    opts = JobOptions(text_field=column, id_field=id_col, source_field=source_col, mode=mode, unsafe=unsafe,
                      fluency=fluency, on_error=on_error)
    udf = _udf(config, opts)
    none = F.lit(None).cast("string")
    ids = _col(id_col).cast("string") if id_col else none
    sources = _col(source_col) if source_col else none
    tmp = f"__{prefix}result"
    out = df.withColumn(tmp, udf(_col(column), ids, sources))
    return out.select(*[_col(c) for c in df.columns],
                      *[F.col(f"{_quoted(tmp)}.{n}").alias(prefix + n) for n, _ in COLUMNS[mode]])


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


def repair(df: DataFrame, column: str = "text", config: Config | None = None, **kwargs: Any) -> DataFrame:
    """Add the repaired text, the edits, the findings before and after (JSON) and the fluency
    before and after repair: ``mtfix_text``, ``mtfix_changed``, ``mtfix_findings``,
    ``mtfix_edits``, ``mtfix_remaining``, ``mtfix_fluency``, ``mtfix_fluency_before``,
    ``mtfix_error``.  Keyword arguments as for :func:`apply`."""
    return apply(df, column, mode="fix", config=config, **kwargs)


def check(df: DataFrame, column: str = "text", config: Config | None = None, **kwargs: Any) -> DataFrame:
    """Add ``mtfix_findings`` (JSON), ``mtfix_fluency`` and ``mtfix_error``."""
    return apply(df, column, mode="check", config=config, **kwargs)


def score(df: DataFrame, column: str = "text", config: Config | None = None, **kwargs: Any) -> DataFrame:
    """Add ``mtfix_fluency``, ``mtfix_words``, ``mtfix_segments`` and ``mtfix_findings`` (JSON)
    and ``mtfix_error``."""
    return apply(df, column, mode="score", config=config, **kwargs)
