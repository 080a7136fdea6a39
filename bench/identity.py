"""Identity harness: the working tree must give the same results as a base tree.

Speed work must not change what mtfix reports.  This script runs the same
corpus through two mtfix trees (by default ``/tmp/base_A``, made with
``git archive HEAD | tar -x -C /tmp/base_A``, against this working tree), each
in its own process, and compares:

* segments (``split_segments``) of every text, plus the texts joined into
  paragraphs (long blocks where pysbd sees many sentences at once);
* ``check`` findings (``Finding.to_dict``) and ``fix`` output (fixed text and the
  edits of every pass) with ``grammar="off"`` and the detector's MTF4 codes
  ignored (another engineer retrains the detector model);
* the tagger: tokens of every text and the tags of every EWT dev/test sentence
  and of every tokenised text;
* the CLI: ``check --format json`` (scores and signatures left out: they name the detector
  model and the fluency weights, which others change) and ``fix --diff`` of
  ``examples/*.txt`` and seeds.

The corpus is read at run time and never written into the repository:
``examples/``, ``../shared/seeds``, realmt texts and corrections, EWT sentences
(2,000 one by one for check/fix, every split joined into paragraphs for
segments), MLQE-PE post-edits (dev and train, for segments), and ``bench_scaling.news_text``.

Run: ``python bench/identity.py [--base /tmp/base_A] [--ewt 2000] [--quick]``;
exit 0 when everything is identical, 1 with the first differences otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from eval_data import SHARED_HELP, require_parts, shared_dir  # noqa: E402

SHARED = shared_dir()  # --shared, $MTFIX_SHARED, else ../shared


def _ewt_paragraphs(path: Path) -> tuple[list[str], list[str]]:
    """(sentences, paragraphs) of a CoNLL-U file, from its ``# text =`` lines (:func:`mtfix.garble.conllu.paragraphs`)."""
    from mtfix.garble import conllu

    paras = conllu.paragraphs(path)
    return [t for p in paras for t in p], [" ".join(p) for p in paras]


def build_corpus(ewt_n: int, quick: bool) -> dict[str, Any]:
    """``checks``: texts for check/fix; ``segments``: texts for segmentation only; ``ewt``: tagged sentences."""
    sys.path.insert(0, str(REPO / "bench"))
    from bench_scaling import news_text
    from bench_throughput import mixed_text

    checks: dict[str, str] = {}
    segments: dict[str, str] = {}
    for p in sorted((REPO / "examples").glob("*.txt")):
        checks[f"examples/{p.name}"] = p.read_text(encoding="utf-8")
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        checks[f"seeds/{p.name}"] = p.read_text(encoding="utf-8")
    realmt: list[str] = []
    for p in sorted((SHARED / "realmt").glob("*.jsonl")):
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            rec = json.loads(line)
            for key in ("text", "correction"):
                if isinstance(rec.get(key), str):
                    checks[f"realmt/{p.stem}/{i}/{key}"] = rec[key]
                    realmt.append(rec[key])
    segments["realmt-joined"] = "\n\n".join(" ".join(realmt[i:i + 4]) for i in range(0, len(realmt), 4))
    ewt_dir = SHARED / "corpora" / "ud-english-ewt"
    train_sents, _ = _ewt_paragraphs(ewt_dir / "en_ewt-ud-train.conllu")
    step = max(1, len(train_sents) // ewt_n)
    for i in range(0, len(train_sents), step)[:ewt_n]:
        checks[f"ewt/train/{i}"] = train_sents[i]
    rng = random.Random(7)
    for k in range(1 if quick else 4):  # sentences side by side that never were: new contexts for pysbd
        pool = train_sents[:]
        rng.shuffle(pool)
        pool = pool[: 3000 if quick else len(pool)]
        paras, i = [], 0
        while i < len(pool):
            n = rng.randint(2, 8)
            paras.append(" ".join(pool[i:i + n]))
            i += n
        segments[f"ewt-shuffled-{k}"] = "\n\n".join(paras)
    for split in ("dev", "test") if quick else ("train", "dev", "test"):
        _, paras = _ewt_paragraphs(ewt_dir / f"en_ewt-ud-{split}.conllu")
        segments[f"ewt-{split}-paragraphs"] = "\n\n".join(paras)
        segments[f"ewt-{split}-one-block"] = " ".join(paras[:400])
    mlqe = sorted((SHARED / "benchmarks").glob("mlqe-pe-*-dev.jsonl"))
    if not quick:
        mlqe += sorted((SHARED / "benchmarks").glob("mlqe-pe-*-train.jsonl.gz"))
    for p in mlqe:
        raw = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
        pes = [json.loads(line)["pe"] for line in raw.decode("utf-8").splitlines() if line.strip()]
        segments[f"mlqe/{p.stem}"] = "\n\n".join(" ".join(pes[i:i + 3]) for i in range(0, len(pes), 3))
    checks["news-200k"] = news_text(200_000 if not quick else 50_000)
    checks["mixed-300k"] = mixed_text(300_000 if not quick else 60_000)
    segments.update(checks)
    ewt_tag: list[list[str]] = []
    if not quick:
        from mtfix.garble import conllu

        for split in ("dev", "test"):
            rows = conllu.word_rows(ewt_dir / f"en_ewt-ud-{split}.conllu")
            ewt_tag += [[r[conllu.FORM] for r in sentence] for sentence in rows]
    return {"checks": checks, "segments": segments, "ewt": ewt_tag}


def segmenter_corpus(root: str, ewt_n: int) -> tuple[str, Any, dict[str, str]]:
    """The segmenter revision and ``split_segments`` of the mtfix tree at ``root`` (imported afresh) and the quick
    corpus's texts, for the scripts that insert markup into the corpus and compare segments
    (``bench/comments_segments.py``, ``bench/marks_segments.py``)."""
    corpus = build_corpus(ewt_n, quick=True)["segments"]
    sys.path.insert(0, root)
    for name in [m for m in sys.modules if m == "mtfix" or m.startswith("mtfix.")]:
        del sys.modules[name]
    from mtfix.segment import REVISION, split_segments

    return REVISION, split_segments, corpus


def segmenter_parser(description: str) -> argparse.ArgumentParser:
    """The options of the scripts that insert markup into the quick corpus and compare segments: ``--root TREE``
    (the mtfix tree to segment with) and ``--ewt N`` (EWT paragraphs in the corpus)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--root", default=str(REPO), help="the mtfix tree to segment with")
    ap.add_argument("--ewt", type=int, default=200)
    return ap


def segmenter_run(description: str, argv: list[str] | None = None) -> tuple[str, Any, dict[str, str]]:
    """:func:`segmenter_corpus` of the tree and corpus :func:`segmenter_parser`'s options name, its size printed."""
    args = segmenter_parser(description).parse_args(argv)
    revision, split_segments, texts = segmenter_corpus(args.root, args.ewt)
    print(f"segmenter {revision} from {args.root}: {len(texts)} texts, {sum(map(len, texts.values())):,} characters")
    return revision, split_segments, texts


def dump(root: str, corpus_path: str, out_path: str) -> None:
    """Run the corpus through the mtfix at ``root``; pickle what it gives to ``out_path``."""
    sys.path.insert(0, root)
    import mtfix
    from mtfix.config import Config
    from mtfix.garble.tagger import load, tokenize
    from mtfix.pipeline import Pipeline
    from mtfix.segment import split_segments

    assert Path(mtfix.__file__).resolve().is_relative_to(Path(root).resolve()), mtfix.__file__
    with open(corpus_path, "rb") as fh:
        corpus = pickle.load(fh)
    out: dict[str, Any] = {}
    for name, text in corpus["segments"].items():
        out[f"seg:{name}"] = [(s.start, s.end) for s in split_segments(text)]
    if corpus.get("segments_only"):
        with open(out_path, "wb") as fh:
            pickle.dump(out, fh)
        return
    tagger = load()
    pipe = Pipeline(Config(grammar="off", ignore=("MTF4",)))
    for name, text in corpus["checks"].items():
        toks = tokenize(text)
        out[f"tok:{name}"] = [(t.text, t.start, t.end) for t in toks]
        out[f"tag:{name}"] = tagger.tag([t.text for t in toks])
        res = pipe.check(text)
        out[f"check:{name}"] = [f.to_dict(res.document) for f in res.findings]
        fixed = pipe.fix(text)
        out[f"fix:{name}"] = (fixed.text, [[e.to_dict() for e in p.edits] for p in fixed.log.passes])
    for i, words in enumerate(corpus["ewt"]):
        out[f"ewt-tag:{i}"] = tagger.tag(words)
    with open(out_path, "wb") as fh:
        pickle.dump(out, fh)


def cli_outputs(root: str, files: list[Path]) -> dict[str, str]:
    """``check --format json`` and ``fix --diff`` of ``files`` by the mtfix at ``root``."""
    env = {**os.environ, "PYTHONPATH": root}
    out = {}
    for cmd in (["check", "--format", "json"], ["fix", "--diff"]):
        proc = subprocess.run([sys.executable, "-m", "mtfix", *cmd, "--grammar", "off", "--ignore", "MTF4",
                               *map(str, files)], cwd=root, env=env, capture_output=True, text=True)
        stdout = proc.stdout
        if "json" in cmd:  # scores and signatures name the detector model and the fluency weights
            stdout = json.dumps(_without(json.loads(stdout), ("score", "signature")), indent=1, sort_keys=True)
        out[" ".join(cmd)] = f"exit {proc.returncode}\n{stdout}"
    return out


def _without(value: Any, keys: tuple[str, ...]) -> Any:
    """``value`` (JSON data) without ``keys`` at any depth."""
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def compare(a: dict[str, Any], b: dict[str, Any], limit: int = 10) -> list[str]:
    """Keys whose values differ, with a short description each."""
    diffs = []
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            va, vb = a.get(key), b.get(key)
            if isinstance(va, list) and isinstance(vb, list):
                first = next((i for i, (x, y) in enumerate(zip(va, vb, strict=False)) if x != y), min(len(va), len(vb)))
                detail = f"lengths {len(va)}/{len(vb)}, first difference at {first}: " \
                         f"{va[first] if first < len(va) else None!r} vs {vb[first] if first < len(vb) else None!r}"
            else:
                detail = f"{str(va)[:300]!r} vs {str(vb)[:300]!r}"
            diffs.append(f"{key}: {detail[:700]}")
    return diffs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", default="/tmp/base_A", help="the reference tree (default /tmp/base_A)")
    ap.add_argument("--new", default=str(REPO), help="the tree under test (default: this one)")
    ap.add_argument("--ewt", type=int, default=2000, help="EWT train sentences checked one by one")
    ap.add_argument("--quick", action="store_true", help="a smaller corpus, no EWT tagging, no CLI")
    ap.add_argument("--segments-only", action="store_true", help="compare segments only (fast)")
    ap.add_argument("--show-segments", type=int, default=0, metavar="N",
                    help="print up to N changed segments (base's, then this tree's) of every corpus that differs")
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--dump", nargs=3, metavar=("ROOT", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    global SHARED
    SHARED = shared_dir(args.shared)
    if args.dump:
        dump(*args.dump)
        return 0
    require_parts(SHARED, "corpora/ud-english-ewt")  # the other shared sets join when present
    corpus = build_corpus(args.ewt, args.quick)
    with tempfile.TemporaryDirectory(prefix="mtfix-identity-") as tmp:
        corpus_path = Path(tmp) / "corpus.pickle"
        with open(corpus_path, "wb") as fh:
            pickle.dump({**corpus, "segments_only": args.segments_only}, fh)
        results = []
        for root in (args.base, args.new):
            out = Path(tmp) / f"out-{len(results)}.pickle"
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
            subprocess.run([sys.executable, __file__, "--dump", root, str(corpus_path), str(out)],
                           check=True, env=env, cwd=tmp)
            with open(out, "rb") as fh:
                results.append(pickle.load(fh))
            if not args.quick and not args.segments_only:
                files = sorted((Path(root) / "examples").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
                results[-1].update({f"cli:{k}": v.replace(root, "ROOT") for k, v in cli_outputs(root, files).items()})
    diffs = compare(*results)
    print(f"compared {len(results[0])} results of {args.base} and {args.new}: {len(diffs)} differ")
    for d in diffs[:40]:
        print("  " + d)
    if args.show_segments:
        show_segment_changes(corpus["segments"], *results, args.show_segments)
    return 1 if diffs else 0


def show_segment_changes(texts: dict[str, str], a: dict[str, Any], b: dict[str, Any], limit: int) -> None:
    """Per corpus: how many segments each tree has that the other has not, and up to ``limit`` of them
    (the base's ``-``, then this tree's ``+``)."""
    for name, text in texts.items():
        old, new = set(a.get(f"seg:{name}", ())), set(b.get(f"seg:{name}", ()))
        if old == new:
            continue
        gone, came = sorted(old - new), sorted(new - old)
        print(f"{name}: {len(old)} → {len(new)} segments; {len(gone)} only in base, {len(came)} only here")
        for s, e in came[:limit]:
            print("  + " + repr(text[s:e])[:300])
            for gs, ge in (g for g in gone if s <= g[0] < e):
                print("    - " + repr(text[gs:ge])[:200])


if __name__ == "__main__":
    raise SystemExit(main())
