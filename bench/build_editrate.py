"""Build an edit-rate lexicon: how often editors change each English word 1-/2-gram of MT.

    python bench/build_editrate.py                  # writes bench/editrate.json.gz (not versioned in git)
    python bench/build_editrate.py --out FILE

Data: MLQE-PE train (et, ne, ro, ru, si → en), MT against its post-edit, both tokenised as the
detector tokenises (``mtfix.garble.tagger.tokenize``), lower-cased and aligned with difflib.  An MT
token is *edited* when it is outside every matching block; a bigram when either of its tokens is.
The records ``bench/train_detector.py`` samples for its own rows (MLQE-PE MT and post-edits it fits
on), and any record whose MT or post-edit repeats the text of one of those or of MLQE-PE dev (the CV's
held-out figure), are left out, so no sentence the detector is fitted or cross-validated on shaped the table.
MLQE-PE dev is read only for those texts; realmt, MLQE-PE test/test21 and MQM are never read (MQM 2020/TED:
every one of their segments is in the CV's held-out figure).

For each n-gram seen at least ``--min-count`` times the table keeps

* ``rate``: the smoothed share of its occurrences inside an edited stretch,
  ``(edited + a·p₀) / (n + a)`` with ``p₀`` the overall share of that order;
* ``excess``: the smoothed mean of (edited − the sentence's share of edited tokens),
  ``Σ / (n + a)``: what editors change *more than the rest of its sentence*, which takes out
  how bad the sentence, and its language pair, is as a whole.

The file's SHA-256 is its version (printed, and recorded in each ``--cv`` row of a candidate that reads it).

Two tokenizers (``--tokenizer``): ``current`` (the default) is ``tokenize`` as it is today; ``session10`` is the
tokenizer the experiment ran with (commit 1cb7846): the same words, but URLs, e-mail addresses, @handles and
#hashtags split into their pieces, as before commit 913cdfb made each one token.  ``session10`` rebuilds the table
whose digest the candidates' rows of ``mtfix/garble/data/detector.json`` record (e8a56a9b…), byte for byte;
``current`` gives 80f44681… (the same kept grams; 2 more unigram and 4 fewer bigram types seen, and the values of
15 unigrams and 31 bigrams differ by at most a few 1e-4: the sentences with an address or a handle).
"""

from __future__ import annotations

import argparse
import difflib
import functools
import gzip
import hashlib
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_data import SHARED_HELP, read_jsonl, require_parts, shared_dir  # noqa: E402
from mtfix.garble.tagger import tokenize  # noqa: E402
from mtfix.text.tokens import EWT_TOKEN, EWT_TOKEN_ASCII  # noqa: E402

PAIRS = ("et", "ne", "ro", "ru", "si")
#: bench/train_detector.py's seed and MLQE-PE rows per pair (``--mlqe-per-pair``): the records it samples.
TRAIN_SEED = 20261201
TRAIN_PER_PAIR = 800
#: The table's SHA-256 per tokenizer (``--tokenizer``); ``session10`` is the one the candidates' rows of the
#: detector card record (``editrate_table_sha256``).
DIGESTS = {
    "session10": "e8a56a9b24c5f4ea6e70759367f557fa0c910e9b9ca86abccced98e8fba9be02",
    "current": "80f446817e4e2e23f5c89a1317d4ceb095b8e84cfac32d1ed430ccac996ba0bd",
}


def words_session10(text: str) -> list[str]:
    """``tokenize``'s words as they were before commit 913cdfb: its patterns alone, with no opaque token (a URL,
    an e-mail address, a handle or a hashtag stays split into its pieces)."""
    return (EWT_TOKEN_ASCII if text.isascii() else EWT_TOKEN).findall(text)


def words_current(text: str) -> list[str]:
    """``tokenize``'s words as the detector reads them today."""
    return [t.text for t in tokenize(text)]


TOKENIZERS = {"current": words_current, "session10": words_session10}


def detector_sampled(recs_by_pair: dict[str, list[dict]]) -> set[tuple[str, int]]:
    """(pair, index) of the MLQE-PE train records train_detector.build_dataset samples (its first use of
    its random generator: one shuffle per pair, then MT with HTER ≥ 0.3, ≤ 0.05 and the first post-edits)."""
    rng = random.Random(TRAIN_SEED)
    out = set()
    for pair in PAIRS:
        recs = list(recs_by_pair[pair])
        rng.shuffle(recs)
        pos = [r for r in recs if r["hter"] is not None and r["hter"] >= 0.3][:TRAIN_PER_PAIR]
        neg = [r for r in recs if r["hter"] is not None and r["hter"] <= 0.05][: TRAIN_PER_PAIR // 2]
        out |= {(pair, r["index"]) for r in (*pos, *neg, *recs[:TRAIN_PER_PAIR])}
    return out


def left_out(by_pair: dict[str, list[dict]], shared: Path) -> set[tuple[str, int]]:
    """(pair, index) of the train records the table leaves out: those the detector samples, and any whose MT
    or post-edit repeats the text of one of those or of MLQE-PE dev (MLQE-PE repeats some sentences)."""
    sampled = detector_sampled(by_pair)
    apart = {t for p in PAIRS for r in by_pair[p] if (p, r["index"]) in sampled for t in (r["mt"], r["pe"])}
    for p in PAIRS:
        apart |= {t for r in read_jsonl(shared / "benchmarks" / f"mlqe-pe-{p}-en-dev.jsonl") for t in (r["mt"], r["pe"])}
    return {(p, r["index"]) for p in PAIRS for r in by_pair[p] if r["mt"] in apart or r["pe"] in apart}


def edited_flags(mt: list[str], pe: list[str]) -> list[bool]:
    """For each MT token: is it outside every block difflib matches with the post-edit?"""
    kept = [False] * len(mt)
    for a, _, size in difflib.SequenceMatcher(None, mt, pe, autojunk=False).get_matching_blocks():
        kept[a : a + size] = [True] * size
    return [not k for k in kept]


def build(shared: Path, min_count: int, alpha: float, tokenizer: str = "current") -> dict:
    """The table: meta, and per order ("order1", "order2") gram -> [rate, excess] for grams seen ``min_count`` times."""
    by_pair = {p: read_jsonl(shared / "benchmarks" / f"mlqe-pe-{p}-en-train.jsonl.gz") for p in PAIRS}
    skip = left_out(by_pair, shared)
    words = TOKENIZERS[tokenizer]
    stats: list[dict[str, list[float]]] = [{}, {}]  # per order: gram -> [n, edited, residual sum]
    used = 0
    for pair in PAIRS:
        for r in by_pair[pair]:
            if (pair, r["index"]) in skip or not r.get("pe"):
                continue
            mt = [w.lower() for w in words(r["mt"])]
            pe = [w.lower() for w in words(r["pe"])]
            if not mt:
                continue
            used += 1
            ed = edited_flags(mt, pe)
            share = sum(ed) / len(ed)
            for order in (1, 2):
                for i in range(len(mt) - order + 1):
                    gram = " ".join(mt[i : i + order])
                    e = float(any(ed[i : i + order]))
                    s = stats[order - 1].setdefault(gram, [0, 0.0, 0.0])
                    s[0] += 1
                    s[1] += e
                    s[2] += e - share
    table: dict = {
        "meta": {
            "source": "MLQE-PE train (et, ne, ro, ru, si -> en), MT vs post-edit",
            "sentences": used,
            "left_out_records": len(skip),
            "min_count": min_count,
            "alpha": alpha,
        }
    }
    for order, st in zip((1, 2), stats, strict=True):
        p0 = sum(v[1] for v in st.values()) / max(sum(v[0] for v in st.values()), 1)
        kept = {
            g: [round((v[1] + alpha * p0) / (v[0] + alpha), 4), round(v[2] / (v[0] + alpha), 4)]
            for g, v in sorted(st.items())
            if v[0] >= min_count
        }
        rates = sorted(x[0] for x in kept.values())
        table["meta"][f"order{order}"] = {
            "prior": round(p0, 4),
            "grams_seen": len(st),
            "kept": len(kept),
            "rate_p90": rates[int(0.9 * (len(rates) - 1))] if rates else p0,
        }
        table[f"order{order}"] = kept
    return table


#: Where the table is written; it is not shipped (the experiment was not adopted, docs/detector.md), and
#: :func:`load` rebuilds it in memory, byte for byte, when the file is absent.
DEFAULT_TABLE = REPO / "bench" / "editrate.json.gz"
#: Sentence features of a variant ("rate" or "excess"): mean over known 1-grams and 2-grams, maximum over known
#: 2-grams, and the share of known 2-grams at or above the table's 90th percentile.
FEATURES = {v: [f"{v}_mean_1", f"{v}_mean_2", f"{v}_max_2", f"{v}_high_2"] for v in ("rate", "excess")}


def table_bytes(shared: Path, min_count: int = 20, alpha: float = 10.0, tokenizer: str = "current") -> bytes:
    """The table as the canonical gzipped JSON (no timestamp: the same data give the same bytes and digest)."""
    table = build(shared, min_count, alpha, tokenizer)
    raw = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return gzip.compress(raw, mtime=0)


@functools.lru_cache(maxsize=2)
def load(path: str = str(DEFAULT_TABLE), shared: str | None = None) -> dict:
    """The table (lazily, once): per order, gram -> (rate, excess), its priors and 90th percentiles;
    ``sha256``: the digest of its bytes (built from ``shared``, default :func:`~eval_data.shared_dir`, with the
    current tokenizer, when ``path`` does not exist)."""
    data = Path(path).read_bytes() if Path(path).is_file() else table_bytes(shared_dir(shared))
    table = json.loads(gzip.decompress(data))
    out: dict = {"meta": table["meta"], "sha256": hashlib.sha256(data).hexdigest()}
    for order in (1, 2):
        grams = table[f"order{order}"]
        out[order] = grams
        for j, v in enumerate(("rate", "excess")):
            vals = sorted(x[j] for x in grams.values())
            out[(order, v, "p90")] = vals[int(0.9 * (len(vals) - 1))]
        out[(order, "rate", "default")] = table["meta"][f"order{order}"]["prior"]
        out[(order, "excess", "default")] = 0.0
    return out


def sentence_features(words: list[str], variant: str, table: dict) -> list[float]:
    """The variant's four features (:data:`FEATURES`) of one sentence's tokens."""
    j = 0 if variant == "rate" else 1
    low = [w.lower() for w in words]
    out = []
    vals2: list[float] = []
    for order in (1, 2):
        grams = table[order]
        vals = [x[j] for x in (grams.get(" ".join(low[i : i + order])) for i in range(len(low) - order + 1)) if x]
        out.append(sum(vals) / len(vals) if vals else table[(order, variant, "default")])
        if order == 2:
            vals2 = vals
    p90 = table[(2, variant, "p90")]
    out.append(max(vals2) if vals2 else table[(2, variant, "default")])
    out.append(sum(v >= p90 for v in vals2) / len(vals2) if vals2 else 0.0)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=shared_dir(), help=SHARED_HELP)
    ap.add_argument("--out", default=str(DEFAULT_TABLE))
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--alpha", type=float, default=10.0, help="smoothing: pseudo-occurrences at the prior")
    ap.add_argument("--tokenizer", choices=sorted(TOKENIZERS), default="current",
                    help="session10: the tokenizer of the recorded experiment (the detector card's digest)")
    args = ap.parse_args(argv)
    t0 = time.time()
    data = table_bytes(require_parts(Path(args.shared), "benchmarks"), args.min_count, args.alpha, args.tokenizer)
    Path(args.out).write_bytes(data)
    meta = json.loads(gzip.decompress(data))["meta"]
    print(json.dumps(meta), f"{len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}, {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
