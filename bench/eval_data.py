"""The benchmark files (``../shared/benchmarks``): where they are, which part is
development and which is held out, and how records are read.

The data never enters the project: it is read from the benchmark directory,
``--data DIR``, else ``$MTFIX_BENCHMARKS``, else ``<repo>/../shared/benchmarks``.

Development (fit and tune here only): ``mqm-zh-en-2020.jsonl.gz`` without
``target_status: ambiguous``, ``mqm-zh-en-ted2021.jsonl``, ``mlqe-pe-*-dev.jsonl``.
Held out (report only): ``mqm-zh-en-2023-sxs.jsonl``, ``mqm-he-en-2023-qe.jsonl``,
``mlqe-pe-*-test.jsonl``.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PAIRS = ("et-en", "ne-en", "ro-en", "ru-en", "si-en")


#: the help of the ``--shared`` option of the scripts that read the shared data through :func:`shared_dir`
SHARED_HELP = "the shared data directory (default: $MTFIX_SHARED or ../shared)"


def shared_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The shared data directory: ``explicit``, else ``$MTFIX_SHARED``, else ``<repo>/../shared``.

    The one place every bench script finds the shared data (seeds, realmt, benchmarks)."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("MTFIX_SHARED", REPO.parent / "shared"))


#: what :func:`require_shared` tells a user to set, by default (a script without ``--shared`` passes its own)
SHARED_HINT = "set MTFIX_SHARED or --shared"


def require_shared(shared: Path, relpath: str = "", prog: str | None = None, hint: str = SHARED_HINT) -> Path:
    """``shared / relpath`` (a file or a folder of the shared data) when it exists; else exit 2 after one line on
    stderr, ``PROG: PATH not found (HINT)``.

    The one check of every bench script that reads the shared data (until session 50 each wrote its own);
    ``prog`` defaults to the running script's name; ``hint`` names only what the script accepts."""
    path = shared / relpath if relpath else shared
    if path.exists():
        return path
    print(f"{prog or Path(sys.argv[0]).stem}: {path} not found ({hint})", file=sys.stderr)
    raise SystemExit(2)


#: what a script without ``--shared`` tells a user to set
SHARED_ENV_HINT = "set MTFIX_SHARED"


def require_parts(shared: Path, *relpaths: str, prog: str | None = None, hint: str = SHARED_HINT) -> Path:
    """``shared`` once :func:`require_shared` found each of ``relpaths`` (the folders or files a script reads,
    checked before any work starts, so the first one absent is named and nothing is half done)."""
    for relpath in relpaths:
        require_shared(shared, relpath, prog, hint)
    return shared


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The benchmark directory: ``explicit``, ``$MTFIX_BENCHMARKS`` or ``<repo>/../shared/benchmarks``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("MTFIX_BENCHMARKS")
    if env:
        return Path(env)
    return shared_dir() / "benchmarks"


#: what :func:`require_data` tells a user to set: a script with ``--data`` (the default), one without
DATA_HINT = "set MTFIX_BENCHMARKS, MTFIX_SHARED or --data"
DATA_ENV_HINT = "set MTFIX_BENCHMARKS or MTFIX_SHARED"
#: what a script reading realmt through ``eval_realmt.data_dir`` and ``--data`` tells a user to set
REALMT_HINT = "set MTFIX_REALMT, MTFIX_SHARED or --data"
REALMT_ENV_HINT = "set MTFIX_REALMT or MTFIX_SHARED"


def require_data(explicit: str | os.PathLike[str] | None = None, relpath: str = "", prog: str | None = None,
                 hint: str = DATA_HINT) -> Path:
    """:func:`data_dir` (or ``relpath`` in it) through :func:`require_shared`: present, else one line and exit 2."""
    return require_shared(data_dir(explicit), relpath, prog, hint)


@dataclass(frozen=True)
class MQMSet:
    """An MQM-annotated set: name, file, split, and which records to keep."""

    name: str
    file: str
    split: str  # "dev" or "test"
    keep: Callable[[dict[str, Any]], bool]
    gold: str = "mqm_score"  # field with the human score
    gold_higher_is_worse: bool = True


def _mt(r: dict[str, Any]) -> bool:
    return not r.get("is_human") and bool(r.get("target"))


MQM_SETS: tuple[MQMSet, ...] = (
    MQMSet("zh-en 2020", "mqm-zh-en-2020.jsonl.gz", "dev", lambda r: _mt(r) and r["target_status"] != "ambiguous"),
    MQMSet("zh-en TED 2021", "mqm-zh-en-ted2021.jsonl", "dev", _mt),
    MQMSet("zh-en 2023 SxS", "mqm-zh-en-2023-sxs.jsonl", "test", _mt),
    # he-en: the released sentence gold is a standardised MQM (higher = better); hallucinations have none.
    MQMSet("he-en 2023 QE", "mqm-he-en-2023-qe.jsonl", "test", lambda r: r.get("mqm_z") is not None,
           gold="mqm_z", gold_higher_is_worse=False),
)


@dataclass(frozen=True)
class PESet:
    """An MLQE-PE file: MT with its professional post-edit."""

    pair: str
    split: str  # "dev" or "test"

    @property
    def name(self) -> str:
        return f"{self.pair} {self.split}"

    @property
    def file(self) -> str:
        return f"mlqe-pe-{self.pair}-{self.split}.jsonl"


PE_SETS: tuple[PESet, ...] = tuple(PESet(p, s) for s in ("dev", "test") for p in PAIRS)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def first_items(records: Iterable[dict[str, Any]], items: int, key: str = "seg_id") -> list[dict[str, Any]]:
    """All records of the first ``items`` distinct ``key`` values (keeps item groups whole)."""
    seen: list[Any] = []
    out = []
    for r in records:
        k = r.get(key)
        if k not in seen:
            if len(seen) >= items:
                continue
            seen.append(k)
        out.append(r)
    return out


def load_mqm(mset: MQMSet, root: Path, items: int | None = None) -> list[dict[str, Any]]:
    """The kept records of an MQM set (the first ``items`` segments only, if given)."""
    recs = [r for r in read_jsonl(root / mset.file) if mset.keep(r)]
    if not items:
        return recs
    if recs and recs[0].get("system") is None:  # one record per segment (he-en): as many records as others have
        return recs[: items * 10]
    return first_items(recs, items)


def load_pe(pset: PESet, root: Path, limit: int | None = None) -> list[dict[str, Any]]:
    recs = [r for r in read_jsonl(root / pset.file) if r.get("pe") is not None]
    return recs[:limit] if limit else recs


def mqm_2020_sentences(root: Path, min_words: int = 1) -> list[str]:
    """The distinct MT outputs and references of MQM zh-en 2020 (``root`` is the benchmarks folder),
    white space collapsed, in file order, each of at least ``min_words`` words."""
    seen: dict[str, None] = {}
    for rec in read_jsonl(root / "mqm-zh-en-2020.jsonl.gz"):
        for key in ("target", "reference"):
            t = " ".join(str(rec.get(key) or "").split())
            if t and len(t.split()) >= min_words:
                seen[t] = None
    return list(seen)


def available(root: Path) -> bool:
    return root.is_dir() and any((root / m.file).exists() for m in MQM_SETS)
