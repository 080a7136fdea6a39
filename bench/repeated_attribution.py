"""A reporting verb said twice with its subject repeated as a noun phrase ("The ministry said that ..., the
ministry said."; "According to the agency, ..., the agency reported.") and the same reporting verb doubled
("reported reported", "said, said"): how often MT and human text of the fitting data have each shape (session 49,
issue 11's "duplicated reporting verb"; MTF405 reads only a repeated pronoun subject).

Shapes, on the project's tokens and tags (``mtfix.garble.tagger``) and its reporting verbs
(``mtfix.garble.structural_signs.REPORTING``), each verb tagged as a verb:

- ``repeated_noun``: two reporting verbs three tokens apart or more in one sentence, each right after the same noun
  ("ministry");
- ``according_noun``: "according to" + a phrase, then in the same sentence a reporting verb right after a noun of
  that phrase;
- ``doubled``: one reporting verb twice in a row, a comma between them or not (read without tags: the tagger may
  call the second one a noun).

The sources are :func:`bench.glued_function_pairs.sources` (realmt train, MLQE-PE train and dev, MQM zh-en 2020,
UD EWT, seeds 000-003) and realmt train's corrections; the probes and held-out sets are not read.  The rule a
sign would have to pass: at least ``MIN_MT`` MT segments and ``RATIO`` times the human rate.

    python bench/repeated_attribution.py            # the table and the decision
    python bench/repeated_attribution.py --json     # the same as JSON
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_data import SHARED_HELP, read_jsonl, require_shared, shared_dir  # noqa: E402
from bench.glued_function_pairs import sources as fitting_sources  # noqa: E402

SHAPES = ("repeated_noun", "according_noun", "doubled")
#: what a shape must reach to be worth a sign: MT segments, and MT rate over human rate
MIN_MT, RATIO = 5, 2.0
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PHRASE_END = frozenset({",", ".", ";", ":"})
#: a sentence's end: two verbs with one between them are in two sentences (a segment may hold several)
_SENTENCE_END = frozenset({".", "!", "?", ";"})


def _doubled_pattern() -> re.Pattern[str]:
    from mtfix.garble.structural_signs import REPORTING

    verbs = "|".join(sorted(REPORTING, key=len, reverse=True))
    return re.compile(rf"\b({verbs})(?:\s*,)?\s+\1\b", re.IGNORECASE)


_DOUBLED = _doubled_pattern()


def shapes_of(words: Sequence[str], tags: Sequence[str], text: str) -> set[str]:
    """The shapes of one segment (its tokens, their tags and its text)."""
    from mtfix.garble.structural_signs import REPORTING

    low = [w.lower() for w in words]
    found = {"doubled"} if _DOUBLED.search(text) else set()
    rep = [i for i, w in enumerate(low) if w in REPORTING and tags[i] in _VERB_TAGS]
    after_noun = [i for i in rep if i > 0 and tags[i - 1] in _NOUN_TAGS]
    def one_sentence(a: int, b: int) -> bool:
        return _SENTENCE_END.isdisjoint(words[a:b])

    if any(b - a >= 3 and low[a - 1] == low[b - 1] and one_sentence(a, b) for a in after_noun for b in after_noun
           if b > a):
        found.add("repeated_noun")
    for k in range(len(low) - 1):
        if low[k] == "according" and low[k + 1] == "to":
            end = next((m for m in range(k + 2, len(low)) if words[m] in _PHRASE_END), len(low))
            heads = {low[m] for m in range(k + 2, end) if tags[m] in _NOUN_TAGS}
            if any(i > end and low[i - 1] in heads and one_sentence(k, i) for i in after_noun):
                found.add("according_noun")
            break
    return found


def segments(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(source, side, text) over the fitting data, with realmt train's corrections as human text."""
    yield from fitting_sources(shared)
    for r in read_jsonl(shared / "realmt" / "real_mt_train.jsonl"):
        yield "realmt-corrections", "human", r["correction"]


def count(texts: Iterator[tuple[str, str, str]]) -> dict[str, dict[str, Counter[str]]]:
    """Per side, per source: segments (``"segments"``) and segments with each shape."""
    from mtfix.garble.tagger import load, tokenize

    tagger = load()
    out: dict[str, dict[str, Counter[str]]] = {"mt": {}, "human": {}}
    for src, side, text in texts:
        c = out[side].setdefault(src, Counter())
        c["segments"] += 1
        words = [t.text for t in tokenize(text)]
        if words:
            c.update(shapes_of(words, tagger.tag(words), text))
    return out


def decide(table: dict[str, dict[str, Counter[str]]]) -> dict[str, dict[str, object]]:
    """Per shape: MT and human segments with it, their rates per 1,000, and whether it passes the rule."""
    total = {side: sum((c for c in srcs.values()), Counter()) for side, srcs in table.items()}
    out: dict[str, dict[str, object]] = {}
    for shape in SHAPES:
        mt, human = total["mt"][shape], total["human"][shape]
        mt_rate = 1000 * mt / max(1, total["mt"]["segments"])
        human_rate = 1000 * human / max(1, total["human"]["segments"])
        out[shape] = {"mt": mt, "human": human, "mt_per_1000": round(mt_rate, 3),
                      "human_per_1000": round(human_rate, 3),
                      "adopt": mt >= MIN_MT and mt_rate >= RATIO * human_rate}
    out["segments"] = {"mt": total["mt"]["segments"], "human": total["human"]["segments"]}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    require_shared(shared, "realmt/real_mt_train.jsonl", "repeated_attribution")
    table = count(segments(shared))
    decision = decide(table)
    if args.json:
        print(json.dumps({"table": table, "decision": decision}, indent=1))
        return 0
    print(f"{'side':6} {'source':20} {'segments':>8} " + " ".join(f"{s:>15}" for s in SHAPES))
    for side, srcs in table.items():
        for src, c in sorted(srcs.items()):
            print(f"{side:6} {src:20} {c['segments']:8} " + " ".join(f"{c[s]:15}" for s in SHAPES))
    for shape, d in decision.items():
        print(f"{shape}: {json.dumps(d)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
