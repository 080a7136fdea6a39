"""MTF401 with the repeated-noun input on fluent and garbled English, and MTF407 (session 33, issue 11).

Sets (sentences of six words or more, each checked as its own text with ``mtfix.check(text, grammar="off")``):
fluent: UD English EWT (train+dev+test), realmt ``clean_news`` train+dev, MQM zh-en 2020 references, MLQE-PE dev
post-edits; garbled: realmt ``real_mt`` train and dev, the probes ``bench/data/probe_s3*``.  Per set: sentences,
MTF401 major and minor, those of them whose message names ``repeated_nouns`` among its inputs, and MTF407.
``--json FILE`` writes each sentence's MTF401 severity and MTF407 (for comparing two trees: run the script with
``PYTHONPATH`` of each).  Reporting only: nothing is fitted or tuned.  Run::

    MTFIX_CACHE_DIR=... MTFIX_SHARED=../shared PYTHONPATH=$PWD python bench/repeats_and_case_role.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: the tree measured is the one PYTHONPATH names

from bench.eval_data import MQM_SETS, PE_SETS, SHARED_HELP, load_mqm, load_pe, read_jsonl, shared_dir  # noqa: E402
from bench.ewt_imperatives import sentences as ewt_sentences  # noqa: E402

MIN_WORDS = 6


def sets(shared: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(name, "fluent" or "garbled", sentences) of each set found under ``shared`` (a missing one is left out)."""
    ewt = shared / "corpora" / "ud-english-ewt"
    if ewt.is_dir():
        yield "EWT", "fluent", [t for s in ("train", "dev", "test")
                                for t, _ in ewt_sentences(ewt / f"en_ewt-ud-{s}.conllu") if t]
    realmt = shared / "realmt"
    if realmt.is_dir():
        yield "clean_news train+dev", "fluent", [r["text"] for s in ("train", "dev")
                                                 for r in read_jsonl(realmt / f"clean_news_{s}.jsonl")]
    bench = shared / "benchmarks"
    if (bench / "mqm-zh-en-2020.jsonl.gz").is_file():
        mqm = next(m for m in MQM_SETS if m.name == "zh-en 2020")
        refs = dict.fromkeys(" ".join(str(r.get("reference") or "").split()) for r in load_mqm(mqm, bench))
        yield "MQM zh-en 2020 refs", "fluent", [r for r in refs if r]
    if all((bench / p.file).is_file() for p in PE_SETS if p.split == "dev"):
        yield "MLQE-PE dev post-edits", "fluent", [r["pe"] for p in PE_SETS if p.split == "dev" for r in load_pe(p, bench)]
    if realmt.is_dir():
        for s in ("train", "dev"):
            yield f"real_mt {s}", "garbled", [r["text"] for r in read_jsonl(realmt / f"real_mt_{s}.jsonl")]
    probes = [r["text"] for f in sorted((ROOT / "bench" / "data").glob("probe_s3*/real_mt_probe.jsonl"))
              for r in read_jsonl(f)]
    yield "probes s30-s32", "garbled", probes


def judge(text: str) -> dict[str, object]:
    """MTF401's severity (or None), whether its message names ``repeated_nouns``, and MTF407, of ``text``."""
    import mtfix

    found = mtfix.check(text, grammar="off").findings
    m401 = next((f for f in found if f.code == "MTF401"), None)
    return {"mtf401": m401.severity.value if m401 else None,
            "repeat": bool(m401) and "repeated_nouns" in m401.message_with_detail.rsplit("inputs:", 1)[-1],
            "mtf407": any(f.code == "MTF407" for f in found)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--json", type=Path, help="write each sentence's results here")
    args = ap.parse_args(argv)
    from mtfix.garble.checker import _words

    shared = shared_dir(args.shared)
    print(f"{'set':24} {'kind':8} {'n':>6} {'major':>6} {'+rep':>5} {'minor':>6} {'+rep':>5} {'MTF407':>6}")
    out: dict[str, dict[str, dict[str, object]]] = {}
    for name, kind, texts in sets(shared):
        res = out.setdefault(name, {})
        for t in texts:
            if t not in res and _words(t) >= MIN_WORDS:
                res[t] = judge(t)
        rows = list(res.values())
        ma = [r for r in rows if r["mtf401"] == "major"]
        mi = [r for r in rows if r["mtf401"] == "minor"]
        print(f"{name:24} {kind:8} {len(rows):6d} {len(ma):6d} {sum(bool(r['repeat']) for r in ma):5d} "
              f"{len(mi):6d} {sum(bool(r['repeat']) for r in mi):5d} {sum(bool(r['mtf407']) for r in rows):6d}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=0, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
