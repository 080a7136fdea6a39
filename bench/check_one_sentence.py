"""Session 25: every piece :func:`mtfix.segment._one_sentence` lets skip pysbd, compared with pysbd's own split.

Splits the identity corpora (``bench/identity.py``: examples, seeds, realmt, EWT paragraphs and blocks), MQM
zh-en 2020's MT outputs and references (one by one and in paragraphs of four, as ``bench_throughput.py --text
distinct``) and the test suite's text files, and for each piece that takes the fast path asks pysbd
(``_pysbd_relative``, not memoised) for its sentences: they must be the one span the fast path gives.

Run: ``python bench/check_one_sentence.py [--shared ../shared]``; exit 1 on any difference.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(REPO / "bench"))

from eval_data import SHARED_HELP, require_parts, shared_dir  # noqa: E402

from mtfix import segment as S  # noqa: E402


def texts(shared: Path) -> dict[str, str]:
    import identity
    from eval_data import mqm_2020_sentences

    identity.SHARED = require_parts(shared, "corpora/ud-english-ewt")  # identity's corpus reads --shared's EWT
    corpus = identity.build_corpus(2000, quick=False)
    out = {**{f"check:{k}": v for k, v in corpus["checks"].items()}, **corpus["segments"]}
    path = shared / "benchmarks" / "mqm-zh-en-2020.jsonl.gz"
    if path.exists():
        sents = mqm_2020_sentences(path.parent)
        out["mqm-sentences"] = "\n\n".join(sents)
        out["mqm-paragraphs"] = "\n\n".join(" ".join(sents[i:i + 4]) for i in range(0, len(sents), 4))
    for p in sorted((REPO / "tests").rglob("*.txt")):
        out[f"tests:{p.relative_to(REPO)}"] = p.read_text(encoding="utf-8", errors="replace")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=shared_dir(), help=SHARED_HELP)
    args = ap.parse_args()
    fast = differ = 0
    shown = []
    orig = S._one_sentence

    def checked(piece: str) -> bool:
        nonlocal fast, differ
        ok = orig(piece)
        if ok:
            fast += 1
            want = S._pysbd_relative(piece)
            if want != ((0, len(piece.rstrip())),):
                differ += 1
                if len(shown) < 10:
                    shown.append((piece, want))
        return ok

    S._one_sentence = checked
    corpus = texts(args.shared)
    for text in corpus.values():
        try:
            S.split_segments(text)
        except Exception as exc:  # noqa: BLE001 - a text segmentation refuses is no piece
            print(f"skipped a text: {exc!r}"[:200])
    for piece, want in shown:
        print(f"DIFFERS: {piece!r} pysbd {want}")
    print(f"{len(corpus)} texts ({sum(map(len, corpus.values())):,} characters): {fast:,} pieces took the fast "
          f"path, {differ} differ from pysbd")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
