"""Same-run A/B of the sentence splitter and the tagger of this tree against another tree.

Loads ``mtfix/segment.py`` and ``mtfix/garble/tagger.py`` of a base tree (default
``/tmp/base_A``, from ``git archive HEAD | tar -x -C /tmp/base_A``) beside this
tree's, and times them alternately on the same text (``bench_throughput.mixed_text``):
``split_segments`` on the whole text, ``tag`` on its sentences (the second half, after
the first half warmed both taggers; both trees' sentence caches emptied first, so
only the per-word-type caches count).  Checks that both give the same output.

The garble detector is timed too, in fresh processes (one per tree and round, alternating,
each importing its own tree's ``mtfix``), as a cold ``mtfix check`` meets it: the whole
``GarbleChecker.check`` of the text's document (model, tagger and word counts loaded first,
timed apart), and ``Detector.predict`` on the text's distinct sentences of six words or more
with every cache emptied.  Checks that both trees give the same findings and probabilities.

Run: ``python bench/bench_components.py [--base /tmp/base_A] [--mb 1] [--rounds 2] [--only detector]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from bench_throughput import mixed_text  # noqa: E402

from mtfix import segment  # noqa: E402
from mtfix.garble import tagger  # noqa: E402


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


#: Run in a child process with the tree under test first on ``sys.path``: argv[1] is the text file.
_DETECTOR_CHILD = r"""
import hashlib, json, sys, time
from mtfix.garble import checker as gc
from mtfix.garble.model import Detector
from mtfix.segment import to_document

text = open(sys.argv[1], encoding="utf-8").read()
doc = to_document(text)
cpu = time.process_time
t0 = cpu()
det = gc.detector()
det.tagger, det.lm
t1 = cpu()
findings = gc.GarbleChecker().check(doc)
t2 = cpu()
sents = list(dict.fromkeys(text[s.start:s.end] for s in doc.segments))
sents = [s for s in sents if gc._words(s) >= gc.MIN_WORDS]
fresh = Detector.from_bytes(open(sys.argv[2], "rb").read())  # new tagger, new caches
fresh._tagger = type(det.tagger)(det.tagger.tags, det.tagger.features, det.tagger.weights, det.tagger.tagdict)
fresh._lm, fresh._lm_loaded = det.lm, True
from mtfix.garble import signs
for name in ("_hash_cache", "word_info", "_trigram_hashes", "WORDLIKE_TAG"):
    getattr(signs, name, {}).clear()
det.lm.unigrams._memo.clear()
det.lm.bigrams._memo.clear()
signs._lm_logs.clear()
t3 = cpu()
probs = [fresh.predict(s).probability for s in sents]
t4 = cpu()
digest = hashlib.sha256(json.dumps([[f.to_dict() for f in findings], [p.hex() for p in probs]]).encode()).hexdigest()
print(json.dumps({"load": t1 - t0, "check": t2 - t1, "predict": t4 - t3, "sentences": len(sents),
                  "findings": len(findings), "digest": digest[:16]}))
"""


def _detector_child(tree: Path, text_file: str) -> dict:
    model = tree / "mtfix" / "garble" / "data" / "detector.npz"
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, "-c", _DETECTOR_CHILD, text_file, str(model)], env=env, cwd=tree,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def detector_ab(base: Path, text: str, rounds: int) -> None:
    """Time the garble detector of ``base`` and of this tree alternately, each in a fresh process."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as fh:
        fh.write(text)
    try:
        for r in range(rounds):
            a = _detector_child(base, fh.name)
            b = _detector_child(REPO, fh.name)
            same = a["digest"] == b["digest"]
            print(f"round {r + 1}: detector load base {a['load']:.2f} s, this {b['load']:.2f} s; "
                  f"check ({b['findings']} findings) base {a['check']:.2f} s, this {b['check']:.2f} s "
                  f"(this/base {b['check'] / a['check']:.2f}); predict {b['sentences']} sentences, cold caches, "
                  f"base {a['predict']:.2f} s, this {b['predict']:.2f} s (this/base {b['predict'] / a['predict']:.2f}); "
                  f"same findings and probabilities: {same}")
    finally:
        os.unlink(fh.name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=Path, default=Path("/tmp/base_A"))
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--only", choices=("segment", "tagger", "detector"), action="append",
                    help="time only these components (repeatable; default all; segment and tagger go together)")
    args = ap.parse_args(argv)
    only = set(args.only or ("segment", "tagger", "detector"))
    text = mixed_text(int(args.mb * 1_000_000))
    print(f"load average {os.getloadavg()[0]:.2f}; {len(text.encode()) / 1e6:.2f} MB")
    if "detector" in only:
        detector_ab(args.base, text, args.rounds)
    if not only & {"segment", "tagger"}:
        return 0
    if not (args.base / "mtfix" / "segment.py").is_file():  # a package since session 34: its modules import each other
        print("the base tree's segmenter is the package mtfix/segment/, which cannot be loaded beside this tree's: "
              "time it with --only detector, or bench/bench_cold_ab.py", file=sys.stderr)
        return 2
    old_segment = _load(args.base / "mtfix" / "segment.py", "base_segment")
    old_tagger = _load(args.base / "mtfix" / "garble" / "tagger.py", "base_tagger")
    for mod in (old_segment, segment):
        mod.split_segments("Warm up. It rained.")
    segs = segment.split_segments(text)
    sents = [[t.text for t in tagger.tokenize(text[s.start:s.end])] for s in segs]
    half = len(sents) // 2
    a_tagger, b_tagger = old_tagger.load(), tagger.load()
    for words in sents[:half]:
        a_tagger.tag(words)
        b_tagger.tag(words)
    for r in range(args.rounds):
        t0 = time.perf_counter()
        a = old_segment.split_segments(text)
        t1 = time.perf_counter()
        b = segment.split_segments(text)
        t2 = time.perf_counter()
        same = [(s.start, s.end) for s in a] == [(s.start, s.end) for s in b]
        print(f"round {r + 1}: split_segments base {t1 - t0:.2f} s, this {t2 - t1:.2f} s "
              f"(this/base {(t2 - t1) / (t1 - t0):.2f}; same segments: {same})")
        for t in (a_tagger, b_tagger):  # both trees' sentence caches: only the per-word-type caches stay warm
            getattr(t, "_sentences", {}).clear()
        t0 = time.perf_counter()
        a = [a_tagger.tag(w) for w in sents[half:]]
        t1 = time.perf_counter()
        b = [b_tagger.tag(w) for w in sents[half:]]
        t2 = time.perf_counter()
        print(f"round {r + 1}: tag {len(sents) - half} sentences base {t1 - t0:.2f} s, this {t2 - t1:.2f} s "
              f"(this/base {(t2 - t1) / (t1 - t0):.2f}; same tags: {a == b})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
