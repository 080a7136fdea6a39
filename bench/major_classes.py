"""Error classes of the garbled MT that gets findings but no major (issue 11, session 31).

Reads realmt ``real_mt_train.jsonl`` (fitting data; never dev), checks each sentence as its own document
(grammar off, :func:`major_breakdown.collect`) and, for the sentences with a finding but no major, counts each
error class of the file's ``artifacts`` labels with the source languages and pages (``url``) it appears in.
Each class's share among the sentences that already get a major is printed beside it for comparison, and
the "oof" columns use the out-of-fold probabilities of ``bench/realmt_train_oof.json`` (what unseen MT of the
same kind gets), since in sample the shipped detector was fitted on these sentences.

``--span CACHE`` measures one general mechanism for the structural classes (two independent signals on one
span): a minor MTF401 where a major is allowed is raised when the tag model's most surprising trigram
(``Analysis.worst``) overlaps a pair of common words that the lexical counts never saw together, at or above a
probability floor.  Counted on a ``bench/major_evidence.py collect`` cache (train MT in sample and out of fold,
the professional corpora; dev rows are skipped) and on ``--ewt N`` held-in sentences of UD EWT train.

    python bench/major_classes.py --markdown
    python bench/major_evidence.py collect --out F
    python bench/major_classes.py --span F --ewt 2000
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import require_shared  # noqa: E402
from eval_realmt import data_dir, read_jsonl  # noqa: E402
from major_breakdown import REASONS, REPO, Row, collect, reason  # noqa: E402

MAJOR = len(REASONS) - 1


def flagged(row: Row, thresholds: dict[str, float]) -> bool:
    """Whether the check gives ``row`` any finding: a segment at or above the minor threshold, or a rule."""
    return any((s.p is not None and s.p >= thresholds["minor"]) or s.corroborating or s.carried
               or s.other_rules or s.signs or s.rule_major for s in row.segs)


def class_table(rows: Sequence[dict[str, Any]], stages: Sequence[int], flags: Sequence[bool]) -> list[tuple]:
    """Per error class: sentences flagged without a major, their languages and pages, and majors for scale.

    >>> rs = [{"lang": "az", "url": "u1", "artifacts": ["a"]}, {"lang": "tr", "url": "u2", "artifacts": ["a", "b"]},
    ...       {"lang": "tr", "url": "u3", "artifacts": ["b"]}]
    >>> class_table(rs, [3, 3, 7], [True, True, True])
    [('a', 2, 2, 2, 0), ('b', 1, 1, 1, 1)]
    """
    minor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    major: dict[str, int] = defaultdict(int)
    for r, g, f in zip(rows, stages, flags, strict=True):
        for a in r.get("artifacts") or ():
            if g == MAJOR:
                major[a] += 1
            elif f:
                minor[a].append(r)
    out = [(a, len(rs), len({r["lang"] for r in rs}), len({r.get("url") for r in rs}), major.get(a, 0))
           for a, rs in minor.items()]
    return sorted(out, key=lambda t: (-t[2], -t[1], t[0]))


def unseen_pair_spans(tokens: Sequence[Any], lm: Any) -> list[tuple[int, int]]:
    """Offsets of adjacent common words (log10 count 7 or more) whose pair the bigram counts lack: the pairs
    ``unseen_common_pairs`` counts (:func:`mtfix.garble.signs._lexical`), read plainly (unknown words break a
    pair; the exemptions for introduced or glossed words do not matter here: those words are not common)."""
    from mtfix.garble.signs import _lm_logs

    unigram, bigram = _lm_logs(lm)
    out: list[tuple[int, int]] = []
    prev: tuple[str, int] | None = None
    for t in tokens:
        lw = t.text.lower()
        log = unigram[lw] if t.text.isalpha() else None
        if log is None or log < 7.0:
            prev = None
            continue
        if prev is not None and bigram[f"{prev[0]} {lw}"] is None:
            out.append((prev[1], t.end))
        prev = (lw, t.start)
    return out


def span_agrees(text: str) -> bool:
    """Whether the detector's most surprising tag trigram in ``text`` overlaps an unseen common-word pair."""
    from mtfix.garble.checker import detector

    det = detector()
    a = det.analyse(text)
    return a.worst is not None and any(s < a.worst[1] and e > a.worst[0] for s, e in unseen_pair_spans(a.tokens, det.lm))


FLOORS = (0.45, 0.50, 0.55)


def span_table(cache: Path, ewt: int, markdown: bool) -> None:
    """The span-agreement candidate at :data:`FLOORS` (see the module's text): sentences newly made major."""
    import json

    import major_evidence as me
    from score_design import load_oof, text_key

    rows = [r for r in map(json.loads, cache.open(encoding="utf-8")) if not r["corpus"].endswith("-dev")]
    raisable = [r for r in rows if not me.is_major(r) and me.minor_401(r)]
    for r in raisable:
        r["agree"] = span_agrees(r["text"])
    oof = load_oof(REPO / "bench" / "realmt_train_oof.json")
    for r in raisable:
        if r["corpus"] == "mt-train":
            seg = oof[text_key(r["text"])]["segments"].values()
            r["p_oof"] = max((v for v in seg if v is not None), default=0.0)
    extra = _ewt_rows(ewt) if ewt else []
    corpora = ["mt-train", "mt-train oof", *dict.fromkeys(r["corpus"] for r in raisable if r["corpus"] != "mt-train")]
    if extra:
        corpora.append(f"ewt-train {len(extra)}")
    print("| candidate | " + " | ".join(corpora) + " |")
    print("|---|" + "---|" * len(corpora))
    for floor in FLOORS:
        for name, need in ((f"p ≥ {floor:.2f} alone", False), (f"worst trigram on an unseen pair, p ≥ {floor:.2f}", True)):
            def hit(r: dict[str, Any], key: str = "p", floor: float = floor, need: bool = need) -> bool:
                return float(r.get(key, 0.0)) >= floor and (r["agree"] or not need)
            cells = []
            for c in corpora:
                if c.startswith("mt-train"):
                    got = [r for r in raisable if r["corpus"] == "mt-train" and hit(r, "p_oof" if "oof" in c else "p")]
                    cells.append(f"{len(got)} ({len({r['lang'] for r in got})})")
                elif c.startswith("ewt-train"):
                    cells.append(str(sum(hit(r) for r in extra if r["raisable"])))
                else:
                    cells.append(str(sum(hit(r) for r in raisable if r["corpus"] == c)))
            print(f"| {name} | " + " | ".join(cells) + " |")
    sizes = {c: sum(r["corpus"] == c for r in rows) for c in dict.fromkeys(r["corpus"] for r in rows)}
    print("\nsentences per corpus:", sizes, "| ewt-train:", len(extra),
          f"({sum(r['raisable'] for r in extra)} raisable)" if extra else "")


def _ewt_rows(n: int) -> list[dict[str, Any]]:
    """The first ``n`` sentences of UD EWT train with six words or more, as ``major_evidence.record`` reads
    them, marked whether the span candidate agrees; only raisable ones are analysed."""
    import major_evidence as me
    from audit_professional import shared_dir

    from mtfix.config import Config
    from mtfix.garble import conllu
    from mtfix.garble.checker import _words
    from mtfix.pipeline import Pipeline

    path = require_shared(shared_dir(), "corpora/ud-english-ewt/en_ewt-ud-train.conllu", "major_classes",
                          "set MTFIX_SHARED")
    texts: list[str] = []
    for text in conllu.texts(path):
        if _words(text) >= 6:
            texts.append(text)
            if len(texts) >= n:
                break
    out = []
    with Pipeline(Config(grammar="off")) as pipe:
        for t in texts:
            r = {"text": t, **me.record(pipe, t)}
            r["raisable"] = not me.is_major(r) and me.minor_401(r)
            r["agree"] = r["raisable"] and span_agrees(t)
            out.append(r)
    print(f"ewt-train: {len(out)} sentences, {sum(map(me.is_major, out))} major now")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from mtfix.garble.checker import detector
    from mtfix.garble.corroborate import SLIP_FLOOR

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="the realmt directory (default: $MTFIX_REALMT or ../shared/realmt)")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--span", type=Path, metavar="CACHE", help="instead: the span-agreement candidate on a cache")
    ap.add_argument("--ewt", type=int, default=0, metavar="N", help="with --span: also N held-in EWT train sentences")
    args = ap.parse_args(argv)
    if args.span:
        span_table(args.span, args.ewt, args.markdown)
        return 0
    from score_design import load_oof

    rows = read_jsonl(require_shared(data_dir(args.data), "real_mt_train.jsonl", "major_classes",
                                     "set MTFIX_REALMT, MTFIX_SHARED or --data"))
    oof = load_oof(REPO / "bench" / "realmt_train_oof.json")
    th = detector().thresholds
    got = collect(rows, oof)
    flags = [flagged(r, th) for r in got]
    for name, use in (("in sample", False), ("out of fold", True)):
        stages = [reason(r, th, SLIP_FLOOR, use_oof=use) for r in got]
        n = sum(f and g != MAJOR for f, g in zip(flags, stages, strict=True))
        print(f"\nrealmt train MT, grammar off, {name}: {len(rows)} sentences, {n} with findings but no major, "
              f"{sum(g == MAJOR for g in stages)} major\n")
        print("| class | flagged, no major | languages | pages | major (for scale) |")
        print("|---|---|---|---|---|")
        for t in class_table(rows, stages, flags):
            print("| " + " | ".join(map(str, t)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
