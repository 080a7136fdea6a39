"""Overfitting audit, round 12: what a recent change does, switched off or moved, sentence by sentence.

The project's rule: a condition written to match one development sentence is tuning.  For each **variant**
(a change of the code undone, or one of its choices moved: a list widened, a threshold stepped), this script
checks every sentence of realmt dev and train (MT and professional), every probe folder
(``bench/data/probe_s*``), the first ``--limit`` sentences of UD EWT and of MQM zh-en 2020's references and
the seeds, each in a fresh process, with grammar off, and prints the sentences whose findings (code and
severity) or fix differ from the tree as it is, by group.  A variant that changes one dev sentence and nothing
else is a choice placed by that sentence.

Variants (session 33's changes to the detector's findings level and signs):

- ``no-ordinary-repeat``: ``misreads.ordinary_repeat`` always false (misreads-3's reading of repeated nouns);
- ``no-possessive-mentions``: a repeat after a possessive is no re-mention (misreads-4's reading: the choice
  session 33 made on dev, by its RESULTS section, which this round found and misreads-5 took back);
- ``no-pronoun-pasts``: ``structural_signs.misread_past`` always false (analysis-21's case-role sign);
- ``plural-zipf-1.5`` / ``plural-zipf-2.5``: ``pronoun_pasts.NOUN_PLURAL_ZIPF`` a half step either way;
- ``mention-minus-WORD``: ``misreads._MENTION_OPENERS`` without WORD (each entry of the list, one at a time).

Session 35's change (round 13): ``no-gloss-after-preposition``: a word glossed by an apposition is introduced after
an article or "of" only, not after a preposition (analysis revision 22's reading; ``sign_statistics._gloss_opener``).

    python bench/audit_changes.py --limit 200
    python bench/audit_changes.py --limit 200 --variant no-possessive-mentions --show
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_data import SHARED_HELP, read_jsonl  # noqa: E402

POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
MENTION_OPENERS = ("a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those",
                   "your")
VARIANTS = ("no-ordinary-repeat", "no-possessive-mentions", "no-pronoun-pasts", "plural-zipf-1.5", "plural-zipf-2.5",
            *(f"mention-minus-{w}" for w in MENTION_OPENERS), "no-gloss-after-preposition")


def apply_variant(name: str, patch: Callable[[object, str, object], None] = setattr) -> None:
    """Patch the loaded modules so that the checks run as variant ``name`` says ("base": nothing); ``patch`` sets
    a module's global (a test passes ``monkeypatch.setattr``)."""
    from mtfix.garble import misreads, pronoun_pasts, sign_statistics, structural_signs

    if name == "no-ordinary-repeat":
        patch(misreads, "ordinary_repeat", lambda a: False)
    elif name == "no-possessive-mentions":
        patch(misreads, "_MENTION_OPENERS", misreads._MENTION_OPENERS - POSSESSIVES)
    elif name == "no-pronoun-pasts":
        patch(structural_signs, "misread_past", lambda *args, **kwargs: False)
    elif name.startswith("plural-zipf-"):
        patch(pronoun_pasts, "NOUN_PLURAL_ZIPF", float(name.removeprefix("plural-zipf-")))
        pronoun_pasts.is_pronoun_past.cache_clear()
    elif name.startswith("mention-minus-"):
        patch(misreads, "_MENTION_OPENERS", misreads._MENTION_OPENERS - {name.removeprefix("mention-minus-")})
    elif name == "no-gloss-after-preposition":
        patch(sign_statistics, "_gloss_opener", lambda toks, tags, i: toks[i].text.lower() in {"a", "an", "the", "of"})
    elif name != "base":
        raise SystemExit(f"audit_changes: unknown variant {name!r} (one of base, {', '.join(VARIANTS)})")


def corpus(shared: Path, limit: int) -> list[tuple[str, str]]:
    """(id, text) of every sentence audited; the id's prefix up to ":" is its group."""
    realmt = shared / "realmt"
    out: list[tuple[str, str]] = []
    for split in ("dev", "train"):
        if (realmt / f"real_mt_{split}.jsonl").is_file():
            out += [(f"{split}:{r['id']}", r["text"]) for r in read_jsonl(realmt / f"real_mt_{split}.jsonl")]
            out += [(f"{split}-pro:{r['id']}", r["text"]) for r in read_jsonl(realmt / f"clean_news_{split}.jsonl")]
    for d in sorted((REPO / "bench" / "data").glob("probe_s*")):
        tag = d.name.removeprefix("probe_")
        out += [(f"probe:{tag}:{r['id']}", r["text"]) for r in read_jsonl(d / "real_mt_probe.jsonl")]
        out += [(f"probe-pro:{tag}:{r['id']}", r["text"]) for r in read_jsonl(d / "clean_news_probe.jsonl")]
    if limit and ((shared / "benchmarks").is_dir() or (shared / "corpora").is_dir()):
        from audit_professional import sources

        for name, texts in sources(shared).items():
            if name in ("ewt", "mqm-ref"):
                out += [(f"{name}:{i}", t) for i, t in zip(range(limit), texts, strict=False)]
    seeds = shared / "seeds"
    if seeds.is_dir():
        out += [(f"seed:{p.stem}", p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    return out


def outcomes(variant: str, rows: list[tuple[str, str]]) -> dict[str, list]:
    """Each sentence's findings (code, severity, start) and fixed text under ``variant``."""
    apply_variant(variant)
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    out = {}
    with Pipeline(Config(grammar="off")) as pipe:
        for sid, text in rows:
            found = sorted((f.code, f.severity.name, f.start) for f in pipe.check(text).findings)
            out[sid] = [found, pipe.fix(text).text]
    return out


def _run(variant: str, shared: Path, limit: int) -> dict[str, list]:
    """:func:`outcomes` in a fresh process, so no memo of another variant carries over."""
    cmd = [sys.executable, __file__, "--worker", variant, "--shared", str(shared), "--limit", str(limit)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=200, help="at most this many sentences of EWT and of MQM refs")
    ap.add_argument("--variant", action="append", choices=VARIANTS, help="only these variants (repeatable)")
    ap.add_argument("--show", action="store_true", help="print each changed sentence's findings, base → variant")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    from eval_data import require_shared, shared_dir

    shared = shared_dir(args.shared)
    require_shared(shared, "realmt", "audit_changes")
    rows = corpus(shared, args.limit)
    if args.worker:
        json.dump(outcomes(args.worker, rows), sys.stdout)
        return 0
    groups = Counter(sid.split(":", 1)[0] for sid, _ in rows)
    print("sentences: " + ", ".join(f"{g} {n}" for g, n in groups.items()))
    base = _run("base", shared, args.limit)
    for variant in args.variant or VARIANTS:
        new = _run(variant, shared, args.limit)
        changed = [sid for sid, _ in rows if new[sid] != base[sid]]
        by_group = Counter(sid.split(":", 1)[0] for sid in changed)
        print(f"\n{variant}: {len(changed)} sentences differ: " + (", ".join(f"{g} {n}" for g, n in by_group.items())
                                                                 or "none"))
        if args.show:
            for sid in changed:
                print(f"  {sid}: {base[sid][0]} → {new[sid][0]}" + ("  (fix differs)" if new[sid][1] != base[sid][1]
                                                                     else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
