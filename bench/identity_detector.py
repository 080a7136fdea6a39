"""Identity of the garble detector (MTF4xx) between this tree and a base tree (session 14).

``bench/identity.py`` leaves the detector's codes out; this script compares them.  Each tree runs in
its own process (``PYTHONPATH`` set to it) and writes, as JSON:

* for every document: the findings of ``GarbleChecker.check`` (``Finding.to_dict``, after
  ``post_filter``), which since session 14 tags a document's sentences at once with numpy
  (``mtfix/garble/batch.py``) when there are enough of them;
* for every distinct sentence of six words or more, judged one by one with every cache emptied first:
  the probability (``repr``), the signs, the dense features, the hashed n-grams, the tags, the
  contributions and the n-grams' part.

Documents: about ``--mb`` MB of distinct news sentences (``bench_throughput.distinct_text``, MQM zh-en
2020 from ``../shared``), realmt texts and corrections (a paragraph each), EWT dev and test paragraphs, and
``examples/*.txt``; read at run time, never written into the repository.

Run: ``python bench/identity_detector.py --base /tmp/base_tree [--mb 1]``; exit 0 when identical.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from eval_data import SHARED_HELP, shared_dir  # noqa: E402

SHARED = shared_dir()  # --shared, $MTFIX_SHARED, else ../shared


def corpus(mb: float) -> dict[str, str]:
    """Name → text of each document."""
    from mtfix.garble import conllu

    sys.path.insert(0, str(REPO / "bench"))
    from bench_throughput import distinct_text

    docs: dict[str, str] = {}
    if (SHARED / "benchmarks" / "mqm-zh-en-2020.jsonl.gz").exists():
        docs["distinct"] = distinct_text(int(mb * 1_000_000), SHARED)
    realmt = SHARED / "realmt"
    for p in sorted(realmt.glob("*.jsonl")) if realmt.is_dir() else []:
        recs = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
        for key in ("text", "correction"):
            texts = [str(r[key]) for r in recs if r.get(key)]
            if texts:
                docs[f"realmt/{p.stem}/{key}"] = "\n\n".join(texts)
    ewt = SHARED / "corpora" / "ud-english-ewt"
    for split in ("dev", "test"):
        f = ewt / f"en_ewt-ud-{split}.conllu"
        if f.is_file():
            lines = list(conllu.texts(f))
            docs[f"ewt-{split}"] = "\n\n".join(" ".join(lines[i:i + 5]) for i in range(0, len(lines), 5))
    for p in sorted((REPO / "examples").glob("*.txt")):
        docs[f"examples/{p.name}"] = p.read_text(encoding="utf-8")
    return docs


def dump(corpus_file: str, out_file: str) -> None:
    """Run in the tree under test: write its findings and predictions for the corpus."""
    from mtfix.garble import checker
    from mtfix.garble.checker import GarbleChecker, _words, segment_text
    from mtfix.segment import to_document

    docs = json.loads(Path(corpus_file).read_text(encoding="utf-8"))
    result: dict[str, object] = {"findings": {}, "sentences": {}}
    sentences: dict[str, None] = {}
    for name, text in docs.items():
        doc = to_document(text)
        c = GarbleChecker()
        result["findings"][name] = [f.to_dict() for f in c.post_filter(doc, c.check(doc))]
        for seg in doc.segments:
            t = segment_text(doc, seg)
            if t and _words(t) >= 6:
                sentences[t] = None
    det = checker.detector()
    det.tagger._sentences.clear()
    checker._cache.clear()
    for t in sentences:
        p = det.predict(t)
        a = p.analysis
        result["sentences"][t] = [repr(p.probability), [(s.name, s.start, s.end, s.message) for s in a.signs],
                                  {k: repr(v) for k, v in a.dense.items()}, a.hashed, a.tags,
                                  {k: repr(v) for k, v in p.contributions.items()}, repr(p.patterns),
                                  [tuple(x) for x in a.tokens], a.worst]
    Path(out_file).write_text(json.dumps(result, sort_keys=True), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=Path, default=Path("/tmp/base_A"), help="the reference tree")
    ap.add_argument("--mb", type=float, default=1.0, help="MB of distinct news text (default 1)")
    ap.add_argument("--shared", help=SHARED_HELP)
    args = ap.parse_args(argv)
    global SHARED
    SHARED = shared_dir(args.shared)
    with tempfile.TemporaryDirectory(prefix="mtfix-identity-detector-") as tmp:
        cfile = Path(tmp) / "corpus.json"
        docs = corpus(args.mb)
        cfile.write_text(json.dumps(docs), encoding="utf-8")
        outs = {}
        for name, root in (("new", REPO), ("base", args.base.resolve())):
            out = Path(tmp) / f"{name}.json"
            env = {**os.environ, "PYTHONPATH": str(root)}
            subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dump", str(cfile), str(out)],
                           cwd=root, env=env, check=True)
            outs[name] = json.loads(out.read_text(encoding="utf-8"))
        new, base = outs["new"], outs["base"]
        nf = sum(len(v) for v in base["findings"].values())
        bad_docs = [k for k in base["findings"] if base["findings"][k] != new["findings"].get(k)]
        bad_sents = [k for k in base["sentences"] if base["sentences"][k] != new["sentences"].get(k)]
        print(f"{len(docs)} documents ({sum(len(t) for t in docs.values()):,} characters), {nf} MTF4 findings: "
              f"{len(bad_docs)} documents differ")
        print(f"{len(base['sentences'])} sentences judged one by one: {len(bad_sents)} differ")
        for k in bad_docs[:3] + bad_sents[:3]:
            print("  differs:", k[:120])
        marked = _mark_free_differences(docs, base, new, bad_docs, bad_sents)
        print(f"of them without an invisible mark (analysis revision 19): {marked[0]} findings, {marked[1]} sentences")
        return 1 if bad_docs or bad_sents or new.keys() != base.keys() else 0


def _mark_free_differences(docs: dict[str, str], base: dict, new: dict, bad_docs: list[str],
                           bad_sents: list[str]) -> tuple[int, int]:
    """The differing findings whose sentence holds no invisible mark, and the differing sentences without one
    (:func:`mtfix.garble.signs.unmarked`): analysis revision 19 (session 25) reads a sentence without its marks, so
    against a tree before it only sentences with marks may differ."""
    from mtfix.garble.signs import unmarked
    from mtfix.segment import to_document

    findings = 0
    for k in bad_docs:
        olds = {json.dumps(f, sort_keys=True) for f in base["findings"][k]}
        news = {json.dumps(f, sort_keys=True) for f in new["findings"].get(k, [])}
        doc = to_document(docs[k])
        for f in map(json.loads, olds ^ news):
            segs = [s for s in doc.segments if s.start <= f["start"] < max(s.end, s.start + 1)]
            if not segs or unmarked(doc.text[segs[0].start:segs[0].end]) is None:
                findings += 1
    return findings, sum(1 for k in bad_sents if unmarked(k) is None)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--dump":
        dump(sys.argv[2], sys.argv[3])
        raise SystemExit(0)
    raise SystemExit(main())
