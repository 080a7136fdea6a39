"""Overfitting audit, round 11: every rule-data entry counted on realmt dev, train, our probes, EWT and MQM 2020.

The project's rule: an entry written to match one development sentence is tuning.  This script counts, for
each entry of the rule packs (phrase lists such as MTF101's hallucinated phrases and MTF110's calqued
openers, every other list in a rule's params, every word of a ``a|b|c`` alternation in a pattern), each
word of the rule detectors' and the garble signs' word lists, and each bundled glossary entry, the sentences
where the entry makes a difference (by ablation, as ``bench/audit_overfit.py`` measures it) in

- ``dev``: realmt dev MT and professional (the development files);
- ``train``: realmt train MT and professional (the fitting files);
- ``probe``: the project's own held-out-style probes, every ``bench/data/probe_s*`` folder (MT-style and
  fluent halves);
- ``prof``: UD English EWT (dev and test) and MQM zh-en 2020's references (``--limit`` sentences each);
- ``seed``: the five seed documents;
- ``mt`` (with ``--mt N``): the first N MLQE-PE dev MT segments of each pair.

A **suspect** fires on dev and in no other group: no train sentence, no probe, no other corpus.  The
``one-dev`` suspects (exactly one dev sentence) are the strongest sign.  Suspects are for a person to judge
(history with ``git log -S``, the entry's examples, whether its class is seen across sources); nothing is
removed by this script.  ``--json`` writes every entry's counts so the next audit can compare.

    python bench/audit_entries.py --limit 2000              # the suspects, and the summary
    python bench/audit_entries.py --limit 2000 --all --markdown --json entries.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import audit_overfit as ao  # noqa: E402
from audit_professional import SHARED_HELP, markdown_rule, shared_root, table_row  # noqa: E402
from eval_data import read_jsonl  # noqa: E402

#: Professional sources of ``audit_professional.sources`` counted here (the brief: EWT and MQM 2020 references).
PROF_SOURCES = ("ewt", "mqm-ref")
#: Word lists of the garble signs beyond ``audit_overfit.SIGN_LISTS`` (session 33): words, not tags.
MORE_SIGN_LISTS = ("_ON_ADVERBS", "_IRREGULAR_PRESENTS", "_DEFINED_TERM_OPENERS", "REVERENT_PRONOUNS",
                   "_PRONOUNS", "_ARTICLE_WORDS")
#: Word lists of rule detectors beyond ``audit_overfit.DETECTOR_LISTS`` (session 33).
MORE_DETECTOR_LISTS = (("mtfix.rules.detectors.coordinated_copies", "_FALSE_START_WORDS"),
                       ("mtfix.rules.detectors.capitals", "PRONOUNS"))
PROBES = REPO / "bench" / "data"


def probe_dirs() -> list[Path]:
    """Every probe folder of the project (``bench/data/probe_s*``), oldest first."""
    return sorted(p for p in PROBES.glob("probe_s*") if (p / "real_mt_probe.jsonl").is_file())


def load_corpus(shared: Path, limit: int | None, mt: int = 0) -> ao.Corpus:
    """audit_overfit's groups, with every probe folder in ``probe`` and only EWT and MQM 2020 in ``prof``."""
    base = ao.load_corpus(shared, 0, mt)
    prof: list[tuple[str, str]] = []
    if (shared / "benchmarks").is_dir() or (shared / "corpora").is_dir():
        from audit_professional import sources

        for name, texts in sources(shared).items():
            if name not in PROF_SOURCES:
                continue
            for i, text in enumerate(texts):
                if limit is not None and i >= limit:
                    break
                prof.append((f"prof:{name}:{i}", text))
    own: list[tuple[str, str]] = []
    for d in probe_dirs():
        tag = d.name.removeprefix("probe_")
        own += [(f"probe:{tag}:{r['id']}", r["text"]) for r in read_jsonl(d / "real_mt_probe.jsonl")]
        own += [(f"probe-pro:{tag}:{r['id']}", r["text"]) for r in read_jsonl(d / "clean_news_probe.jsonl")]
    return ao.Corpus({**base.texts, "prof": prof, "probe": own})


def suspect(row: ao.Row) -> str:
    """``one-dev`` or ``dev-only`` when ``row`` fires on dev and in no other group (probes included), else ""."""
    if not row.count("dev") or any(row.count(g) for g in ao.GROUPS if g != "dev"):
        return ""
    return "one-dev" if row.count("dev") == 1 else "dev-only"


def entry_rows(run: ao.Runner) -> list[ao.Row]:
    """Every entry: pack params and alternations, detector and signs word lists, glossary entries."""
    signs = ao.SignRunner(run)
    return (ao.param_rows(run) + ao.alternation_rows(run)
            + ao.detector_list_rows(run, (*ao.DETECTOR_LISTS, *MORE_DETECTOR_LISTS))
            + signs.list_rows((*ao.SIGN_LISTS, *MORE_SIGN_LISTS)) + ao.glossary_rows(run) + threshold_rows(run))


def threshold_rows(run: ao.Runner) -> list[ao.Row]:
    """Each number in a rule's params moved one step each way (an integer by 1, a fraction by 0.5): the
    sentences whose findings change.  A threshold whose step changes one dev sentence and nothing else was
    placed by that sentence."""
    import dataclasses

    rows = []
    for p in run.packs:
        for rule in p.rules:
            for key, value in rule.params.items():
                if isinstance(value, bool) or not isinstance(value, int | float):
                    continue
                step = 1 if isinstance(value, int) else 0.5
                for moved in (value - step, value + step):
                    row = ao.Row("threshold", f"{rule.code}.{key}", f"{value} → {moved}", "-")

                    def change(r, key=key, moved=moved):
                        return dataclasses.replace(r, params={**r.params, key: moved})

                    for sid, effect in run.ablate(rule.code, change, list(run.docs)).items():
                        row.add(run.group[sid], sid, effect)
                    rows.append(row)
    return rows


def counts(row: ao.Row) -> dict[str, int]:
    """Sentences per column: realmt dev MT/pro, train MT/pro, probe MT/fluent, EWT, MQM refs, seed, other MT."""
    ids = set().union(*row.hits.values())

    def n(prefix: str) -> int:
        return sum(s.startswith(prefix) for s in ids)

    return {"dev MT": n("dev:"), "dev pro": n("dev-pro:"), "train MT": n("train:"), "train pro": n("train-pro:"),
            "probe MT": n("probe:"), "probe fluent": n("probe-pro:"), "EWT": n("prof:ewt:"),
            "MQM ref": n("prof:mqm-ref:"), "seed": n("seed:"), "other MT": n("mt:")}


def _print(rows: list[ao.Row], markdown: bool, title: str) -> None:
    print(f"\n## {title}\n")
    cols = list(counts(ao.Row("", "", "", "")))
    head = ("kind", "owner", "entry", "role", *cols, "suspect", "dev sentences")
    if markdown:
        print(table_row(head, True))
        print(markdown_rule(head))
    for r in rows:
        c = counts(r)
        print(table_row((r.kind, r.owner, r.entry, r.role, *(str(c[k]) for k in cols), suspect(r),
                         " ".join(sorted(r.hits["dev"]))[:80]), markdown))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=2000, help="at most this many sentences of EWT and of MQM refs")
    ap.add_argument("--mt", type=int, default=0, help="also this many MLQE-PE dev MT segments per pair")
    ap.add_argument("--all", action="store_true", help="every entry that fires somewhere, not only the suspects")
    ap.add_argument("--markdown", action="store_true", help="Markdown tables")
    ap.add_argument("--json", help="write every entry's counts and dev ids here")
    args = ap.parse_args(argv)
    root = shared_root(args.shared, "realmt", "audit_entries")
    corpus = load_corpus(root, args.limit, args.mt)
    print("sentences: " + ", ".join(f"{g} {len(v)}" for g, v in corpus.texts.items())
          + f"; probes: {', '.join(d.name for d in probe_dirs())}")
    run = ao.Runner(corpus)
    rows = entry_rows(run)
    shown = [r for r in rows if (any(r.count(g) for g in ao.GROUPS) if args.all else suspect(r))]
    _print(shown, args.markdown, "entries" + ("" if args.all else ": suspects (fire on realmt dev and nowhere else)"))
    by_kind = Counter(r.kind for r in rows)
    silent = sum(not any(r.count(g) for g in ao.GROUPS) for r in rows)
    print(f"\nentries audited: {len(rows)} ({dict(by_kind)}); firing nowhere: {silent}; "
          f"suspects: {sum(bool(suspect(r)) for r in rows)} "
          f"(one-dev {sum(suspect(r) == 'one-dev' for r in rows)})")
    if args.json:
        out = [{"kind": r.kind, "owner": r.owner, "entry": r.entry, "role": r.role, **counts(r),
                "suspect": suspect(r), "dev": sorted(r.hits["dev"])} for r in rows]
        Path(args.json).write_text(json.dumps(out, indent=0, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
