#!/usr/bin/env python3
"""Evaluate mtfix against human judgements: fluency vs MQM, repairs vs post-edits, spans vs MQM spans.

    python bench/eval_scores.py                 # the whole benchmark set, writes bench/RESULTS.md
    python bench/eval_scores.py --fast          # a few hundred segments (what the test suite runs); printed, written
                                                # to a RESULTS file only when --results names one
    python bench/eval_scores.py --grammar auto  # also with LanguageTool, when it is installed

1. MQM sets: segment-level Kendall τ_b and Pearson r of mtfix's reference-free fluency with the
   human score (−MQM; he-en: the released standardised MQM), MT records only, flat (all records
   pooled) and item-grouped (within each source segment, averaged over segments), system-level
   (per-system means) and document-level (one system's translation of one source document: the
   word-weighted mean of its segments, as mtfix scores a document of paragraphs), beside sentence chrF and sentence BLEU against the human reference from
   the same run, and two diagnostics: mtfix's findings alone, and segment length alone; on the
   development sets also a separate row with the source passed as bilingual input (MTF501–MTF506 run).
2. MLQE-PE: corpus TER and chrF of the MT against its post-edit, raw, after ``mtfix fix`` (safe
   fixes) and with unsafe fixes; of the changed segments, the share whose sentence TER moved
   closer to / away from the post-edit, overall and per rule code.
3. Span-level precision and recall of findings against human MQM error spans by category family
   and per rule code (bench/eval_spans.py).

Held-out sets are only reported; weights are designed on the development sets by bench/score_design.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import platform
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import MQM_SETS, PE_SETS, REPO, available, load_mqm, load_pe, require_data  # noqa: E402
from eval_spans import SpanTally, agreement  # noqa: E402

from mtfix.config import Config  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402

FAST_ITEMS = 25  # MQM segments per set in --fast (all systems of each)
FAST_PE = 40  # MLQE-PE records per file in --fast
SECTION = "## fluency evaluation"
#: the fluency with the source given (bilingual input: the MTF5xx checks run); computed on the development
#: MQM sets only, never on the held-out ones
BILINGUAL_ROW = "mtfix fluency, source given (bilingual; dev only)"
NOTES = "### Notes"  # hand-written; kept when the harness rewrites the section


# -- statistics ------------------------------------------------------------------------
def _finite(x: float) -> float | None:
    return round(float(x), 4) if x == x and math.isfinite(x) else None


def correlations(metric: list[float], gold: list[float], items: list[Any] | None, systems: list[Any] | None,
                 docs: list[Any] | None = None, words: list[float] | None = None) -> dict[str, Any]:
    """Flat, item-grouped, system-level and (``docs``: each record's system and source document)
    document-level τ_b and Pearson r (gold: higher = better).  A document's metric is the mean of its
    records' weighted by ``words`` (mtfix's document rule, each record a paragraph), its gold the mean."""
    from scipy.stats import kendalltau, pearsonr

    out: dict[str, Any] = {"n": len(metric)}
    if len(set(metric)) > 1 and len(set(gold)) > 1:
        out["tau_flat"] = _finite(kendalltau(metric, gold, variant="b").statistic)
        out["r_flat"] = _finite(pearsonr(metric, gold).statistic)
    if items is not None:
        groups: dict[Any, list[tuple[float, float]]] = defaultdict(list)
        for m, g, i in zip(metric, gold, items, strict=True):
            groups[i].append((m, g))
        taus, rs = [], []
        for pairs in groups.values():
            ms, gs = zip(*pairs, strict=True)
            if len(pairs) > 2 and len(set(gs)) > 1 and len(set(ms)) > 1:
                taus.append(kendalltau(ms, gs, variant="b").statistic)
                rs.append(pearsonr(ms, gs).statistic)
        out["tau_item"] = _finite(statistics.fmean(taus)) if taus else None
        out["r_item"] = _finite(statistics.fmean(rs)) if rs else None
        out["items"] = len(taus)
    if systems is not None and len(set(systems)) > 2:
        by_sys: dict[Any, list[tuple[float, float]]] = defaultdict(list)
        for m, g, s in zip(metric, gold, systems, strict=True):
            by_sys[s].append((m, g))
        ms = [statistics.fmean(m for m, _ in v) for v in by_sys.values()]
        gs = [statistics.fmean(g for _, g in v) for v in by_sys.values()]
        out["systems"] = len(ms)
        out["tau_sys"] = _finite(kendalltau(ms, gs, variant="b").statistic)
        out["r_sys"] = _finite(pearsonr(ms, gs).statistic)
    if docs is not None and len(set(docs)) > 2:
        by_doc: dict[Any, list[tuple[float, float, float]]] = defaultdict(list)
        for m, g, d, n in zip(metric, gold, docs, words or [1.0] * len(metric), strict=True):
            by_doc[d].append((m, g, max(float(n), 1.0)))
        dm = [sum(m * n for m, _, n in v) / sum(n for *_, n in v) for v in by_doc.values()]
        dg = [statistics.fmean(g for _, g, _ in v) for v in by_doc.values()]
        out["docs"] = len(dm)
        if len(set(dm)) > 1 and len(set(dg)) > 1:
            out["tau_doc"] = _finite(kendalltau(dm, dg, variant="b").statistic)
            out["r_doc"] = _finite(pearsonr(dm, dg).statistic)
    return out


# -- pipelines -------------------------------------------------------------------------
def build_pipelines(grammar: str) -> tuple[dict[str, Pipeline], list[str]]:
    """``{"rules": pipeline without LanguageTool, "+LT": with it (when asked and available)}``."""
    notes = []
    pipes = {"": Pipeline(Config(grammar="off"))}
    if grammar != "off":
        try:
            lt = Pipeline(Config(grammar="required" if grammar == "required" else "auto"))
            names = [c.name for c in lt.checkers]
            if any(n in ("grammar", "languagetool", "lt") for n in names):
                pipes["+LT"] = lt
            else:
                notes.append("LanguageTool not available (no grammar checker was built): reported without it")
        except Exception as exc:  # noqa: BLE001 - any set-up failure means: report without LT
            if grammar == "required":
                raise
            notes.append(f"LanguageTool not available ({exc}): reported without it")
    return pipes, notes


def findings_only_weights():
    """The score's weights with only the findings left: no word statistics, garble probability or length."""
    from mtfix.scoring.fluency import default_weights

    return dataclasses.replace(default_weights(), base_rate=0.0, detector=0.0, detector_per_word=0.0,
                               length_points=0.0)


# -- 1. MQM correlations -----------------------------------------------------------------
def eval_mqm(root: Path, pipes: dict[str, Pipeline], items: int | None, bar) -> tuple[list[dict], dict]:
    from sacrebleu.metrics import BLEU, CHRF

    from mtfix.scoring import score_document
    from mtfix.scoring.fluency import default_weights, fluency
    from mtfix.segment import word_count

    chrf, bleu = CHRF(), BLEU(effective_order=True)
    w0 = findings_only_weights()
    w1 = dataclasses.replace(default_weights(), min_words=1)
    rows, spans = [], {}
    for mset in MQM_SETS:
        if not (root / mset.file).exists():
            continue
        recs = load_mqm(mset, root, items)
        sign = -1.0 if mset.gold_higher_is_worse else 1.0
        gold = [sign * float(r[mset.gold]) for r in recs]
        metrics: dict[str, list[float]] = defaultdict(list)
        tally = SpanTally()
        for r in recs:
            for label, pipe in pipes.items():
                check = pipe.check(r["target"])
                sc = score_document(check, signature=pipe.signature())
                metrics[f"mtfix fluency{label}"].append(_ranked(sc.fluency))
                if not label:
                    metrics["mtfix findings only"].append(fluency(check.document, check.findings, w0).fluency)
                    metrics["mtfix per word (min_words 1)"].append(
                        fluency(check.document, check.findings, w1).fluency)
                    metrics["length only (−words)"].append(-float(sc.words))
                    tally.add(r, check.findings)
                    if mset.split == "dev" and r.get("source"):
                        # the source passed as bilingual input (MTF5xx run): development sets only
                        bi = pipe.check(pipe.document(r["target"], source=r["source"]))
                        metrics[BILINGUAL_ROW].append(_ranked(score_document(bi, signature="").fluency))
            if r.get("reference"):
                metrics["sentence chrF"].append(chrf.sentence_score(r["target"], [r["reference"]]).score)
                metrics["sentence BLEU"].append(bleu.sentence_score(r["target"], [r["reference"]]).score)
            bar.update(1)
        item_key = [r.get("seg_id") for r in recs] if recs and recs[0].get("system") else None
        systems = [r.get("system") for r in recs] if recs and recs[0].get("system") else None
        docs = [(r.get("system"), r.get("doc")) for r in recs] if systems and recs[0].get("doc") else None
        words = [float(word_count(r["target"])) for r in recs]
        for name, values in metrics.items():
            if len(values) != len(recs):
                continue
            row = {"set": mset.name, "split": mset.split, "metric": name}
            row.update(correlations(values, gold, item_key, systems, docs, words))
            rows.append(row)
        spans[mset.name] = {"split": mset.split, "families": tally.family_rows(), "codes": tally.code_rows(),
                            "records": tally.records}
    return rows, spans


# -- 2. post-edits -------------------------------------------------------------------------
@dataclasses.dataclass
class _Ter:
    edits: float
    length: float


def _verdict(before: _Ter, after: _Ter) -> str:
    b, a = before.edits / max(before.length, 1), after.edits / max(after.length, 1)
    return "closer" if a < b else "away" if a > b else "same"


def eval_pe(root: Path, pipe: Pipeline, limit: int | None, bar, demote: tuple[str, ...] = (),
            cache: dict | None = None) -> tuple[list[dict], dict, list[dict]]:
    """Repairs against post-edits: raw, safe, unsafe, and (``demote``) safe without those rules.

    A changed segment moved *closer* when its sentence TER against the post-edit fell, *away* when
    it rose; when TER is unchanged (the post-editor rewrote the span anyway), sentence chrF breaks
    the tie in the ``tie`` counts; the ``chrf`` counts use sentence chrF alone.
    """
    from sacrebleu.metrics import CHRF, TER
    from scipy.stats import kendalltau

    from mtfix.scoring import score_document

    ter, chrf = TER(normalized=True, case_sensitive=True), CHRF()
    rows, corr_rows = [], []
    by_code: dict[str, Counter] = defaultdict(Counter)
    modes = [("safe", False, pipe), ("unsafe", True, pipe)]
    if demote:  # the what-if run only: safe fixes without the rules proposed for demotion
        modes = [("safe_demoted", False, Pipeline(dataclasses.replace(pipe.config, ignore=demote)))]
    cache = {} if cache is None else cache

    def sent(h: str, ref: str) -> _Ter:
        s = ter.sentence_score(h, [ref])
        return _Ter(s.num_edits, s.ref_length)

    for pset in PE_SETS:
        if not (root / pset.file).exists():
            continue
        recs = load_pe(pset, root, limit)
        mt, pe = [r["mt"] for r in recs], [r["pe"] for r in recs]
        if pset.name not in cache:
            cache[pset.name] = [sent(h, ref) for h, ref in zip(mt, pe, strict=True)]
        raw = cache[pset.name]
        fluency = [_ranked(score_document(pipe.check(text), signature="").fluency) for text in mt] if not demote else []
        row: dict[str, Any] = {"set": pset.name, "split": pset.split, "n": len(recs)}
        row["ter_raw"] = _corpus_ter(raw)
        row["chrf_raw"] = round(chrf.corpus_score(mt, [pe]).score, 2)
        for mode, unsafe, pl in modes:
            out, stats = [], list(raw)
            tally: Counter = Counter()
            for i, text in enumerate(mt):
                res = pl.fix(text, unsafe=unsafe)
                out.append(res.text)
                if not res.changed:
                    continue
                stats[i] = sent(res.text, pe[i])
                verdict = _verdict(raw[i], stats[i])
                c0, c1 = chrf.sentence_score(text, [pe[i]]).score, chrf.sentence_score(res.text, [pe[i]]).score
                by_chrf = "closer" if c1 > c0 else "away" if c1 < c0 else "same"
                tie = by_chrf if verdict == "same" else verdict
                tally[verdict] += 1
                tally[f"tie_{tie}"] += 1
                tally[f"chrf_{by_chrf}"] += 1
                if mode != "safe_demoted":
                    for code in {e.code for e in res.edits}:
                        key = f"{code}|{mode}|{pset.split}"
                        by_code[key][verdict] += 1
                        by_code[key][f"tie_{tie}"] += 1
                        by_code[key][f"chrf_{by_chrf}"] += 1
            changed = tally["closer"] + tally["away"] + tally["same"]
            row[f"ter_{mode}"] = _corpus_ter(stats)
            row[f"chrf_{mode}"] = round(chrf.corpus_score(out, [pe]).score, 2)
            row[f"changed_{mode}"] = changed
            for v in ("closer", "away"):
                row[f"{v}_{mode}"] = round(tally[v] / changed, 3) if changed else None
                row[f"{v}_tie_{mode}"] = round(tally[f"tie_{v}"] / changed, 3) if changed else None
                row[f"{v}_chrf_{mode}"] = round(tally[f"chrf_{v}"] / changed, 3) if changed else None
        bar.update(len(recs))
        rows.append(row)
        if demote:
            continue
        hter = [-float(r["hter"]) for r in recs]
        da = [float(r["da_z_mean"]) for r in recs if r.get("da_z_mean") is not None]
        corr = {"set": pset.name, "split": pset.split, "n": len(recs),
                "tau_hter": _finite(kendalltau(fluency, hter, variant="b").statistic) if len(set(fluency)) > 1 else None}
        if len(da) == len(recs) and len(set(fluency)) > 1:
            corr["tau_da"] = _finite(kendalltau(fluency, da, variant="b").statistic)
        corr_rows.append(corr)
    codes = {c: dict(v) for c, v in sorted(by_code.items())}
    return rows, codes, corr_rows


def demotions(pe_codes: dict[str, dict], split: str = "dev") -> tuple[str, ...]:
    """Safe rules whose edits moved text away from the post-edits more often than closer, on ``split``."""
    out = []
    for key, c in pe_codes.items():
        code, mode, sp = key.split("|")
        if mode == "safe" and sp == split and c.get("away", 0) > c.get("closer", 0):
            out.append(code)
    return tuple(sorted(set(out)))


def silent_rules(spans: dict[str, dict], split: str = "dev", minimum: int = 3) -> list[tuple[str, int, float]]:
    """Rules whose findings on ``split`` MQM sets seldom meet any human error span (under 25 %)."""
    agg: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for s in spans.values():
        if s["split"] != split:
            continue
        for r in s["codes"]:
            agg[r["code"]][0] += r["findings"]
            agg[r["code"]][1] += r["findings"] * (r["precision_any"] or 0.0)
    return [(code, int(n), round(hit / n, 3)) for code, (n, hit) in sorted(agg.items())
            if n >= minimum and hit / n < 0.25]


def _ranked(fluency: float | None) -> float:
    """A segment's fluency for ranking: a segment with no words has no score since session 27 (``None``), and
    is ranked as before, at 100, so the figures stay comparable across sessions."""
    return 100.0 if fluency is None else fluency


def _corpus_ter(stats: list[_Ter]) -> float:
    length = sum(s.length for s in stats)
    return round(100.0 * sum(s.edits for s in stats) / length, 2) if length else 0.0


def metric_signatures() -> dict[str, str]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    sigs = {}
    for name, m in (("chrF", CHRF()), ("BLEU", BLEU(effective_order=True)),
                    ("TER", TER(normalized=True, case_sensitive=True))):
        m.corpus_score(["a b"], [["a b"]])
        sigs[name] = str(m.get_signature())
    return sigs


# -- report -----------------------------------------------------------------------------------
def _f(x: Any, digits: int = 3) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:+.{digits}f}" if digits == 3 else f"{x:.{digits}f}"
    return str(x)


def render(result: dict[str, Any]) -> str:
    lines = []
    lines.append("### MQM: segment-, system- and document-level agreement with human MQM (MT only; gold = −MQM)\n")
    lines.append("`τ_b item` averages over the items (source segments) where both the metric and MQM vary: "
                 "`items` says how many; for *findings only* that is the few items where a finding fired. "
                 "*length only* ranks segments by their length alone: MQM sums a segment's errors, so longer "
                 "segments score worse, and what a metric adds beyond length is its margin over that row.\n")
    lines.append("`τ_b doc`: one system's translation of one source document (`docs` of them), the metric's mean "
                 "over its segments weighted by their words (session 15's document rule `doc-2`, each segment a "
                 "paragraph) against the mean −MQM of its segments.\n")
    lines.append("| set | split | metric | n | τ_b flat | r flat | τ_b item | r item | items | τ_b sys | r sys | "
                 "τ_b doc | r doc | docs |")
    lines.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in result["mqm"]:
        lines.append(f"| {r['set']} | {r['split']} | {r['metric']} | {r['n']} | {_f(r.get('tau_flat'))} | "
                     f"{_f(r.get('r_flat'))} | {_f(r.get('tau_item'))} | {_f(r.get('r_item'))} | "
                     f"{r.get('items', '–')} | {_f(r.get('tau_sys'))} | {_f(r.get('r_sys'))} | "
                     f"{_f(r.get('tau_doc'))} | {_f(r.get('r_doc'))} | {r.get('docs', '–')} |")
    lines.append("\n### MLQE-PE: fluency vs −HTER and DA z (Kendall τ_b)\n")
    lines.append("| set | n | τ_b vs −HTER | τ_b vs DA z |")
    lines.append("|---|---:|---:|---:|")
    for r in result["pe_corr"]:
        lines.append(f"| {r['set']} | {r['n']} | {_f(r.get('tau_hter'))} | {_f(r.get('tau_da'))} |")
    demoted = result.get("demote") or []
    lines.append("\n### MLQE-PE: repairs against the human post-edit (corpus TER ↓, chrF ↑)\n")
    lines.append("closer/away: share of the changed segments whose sentence TER against the post-edit fell/rose "
                 "(the rest kept their TER: the post-editor rewrote the span anyway); in brackets, with such "
                 "ties broken by sentence chrF; the pooled tables also give the view by sentence chrF alone."
                 + (f" *Safe − demoted*: safe fixes without {', '.join(demoted)} (proposed for demotion from the "
                    "dev files, below)." if demoted else "") + "\n")
    head = ["set", "n", "TER raw", "TER safe", "TER unsafe", "chrF raw", "chrF safe", "chrF unsafe",
            "changed safe", "closer/away safe", "changed unsafe", "closer/away unsafe"]
    if demoted:
        head += ["TER safe − demoted", "changed", "closer/away"]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|---|" + "---:|" * (len(head) - 1))
    for r in result["pe"]:
        cells = [r["set"], str(r["n"]), f"{r['ter_raw']:.2f}", f"{r['ter_safe']:.2f}", f"{r['ter_unsafe']:.2f}",
                 f"{r['chrf_raw']:.2f}", f"{r['chrf_safe']:.2f}", f"{r['chrf_unsafe']:.2f}",
                 str(r["changed_safe"]), _ca(r, "safe"), str(r["changed_unsafe"]), _ca(r, "unsafe")]
        if demoted:
            cells += [f"{r['ter_safe_demoted']:.2f}", str(r["changed_safe_demoted"]), _ca(r, "safe_demoted")]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("\n| all files | changed | closer | away | same TER | closer / away with chrF tie-break | "
                 "closer / away by sentence chrF alone |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for mode in ("safe", "unsafe", *(["safe_demoted"] if demoted else [])):
        t = pe_totals(result["pe"], mode)
        lines.append(f"| {mode.replace('_demoted', ' − demoted')} | {t['changed']} | {_pct(t['closer'])} | "
                     f"{_pct(t['away'])} | {_pct(t['same'])} | {_pct(t['closer_tie'])} / {_pct(t['away_tie'])} | "
                     f"{_pct(t['closer_chrf'])} / {_pct(t['away_chrf'])} |")
    lines.append("\nPer rule (segments it edited; a segment counts for every rule that edited it):\n")
    lines.append("| rule | mode | split | closer | away | same TER | closer / away with chrF tie-break | "
                 "closer / away by chrF alone |")
    lines.append("|---|---|---|---:|---:|---:|---:|---:|")
    for key, c in result["pe_codes"].items():
        code, mode, split = key.split("|")
        lines.append(f"| {code} | {mode} | {split} | {c.get('closer', 0)} | {c.get('away', 0)} | {c.get('same', 0)} | "
                     f"{c.get('tie_closer', 0)} / {c.get('tie_away', 0)} | "
                     f"{c.get('chrf_closer', 0)} / {c.get('chrf_away', 0)} |")
    lines.append("\n### Spans: findings against human MQM error spans\n")
    lines.append("| set | family | human spans | findings | precision (same family) | precision (any) | recall |")
    lines.append("|---|---|---:|---:|---:|---:|---:|")
    for name, s in result["spans"].items():
        for r in s["families"]:
            lines.append(f"| {name} | {r['family']} | {r['human_spans']} | {r['findings']} | "
                         f"{_pct(r['precision_same'])} | {_pct(r['precision_any'])} | {_pct(r['recall'], 2)} |")
    lines.append("\n| set | rule | family | findings | meets same-family span | meets any span | "
                 "in segments with no human error |")
    lines.append("|---|---|---|---:|---:|---:|---:|")
    for name, s in result["spans"].items():
        for r in s["codes"]:
            lines.append(f"| {name} | {r['code']} | {r['family']} | {r['findings']} | {_pct(r['precision_same'])} | "
                         f"{_pct(r['precision_any'])} | {_pct(r['silent'])} |")
    lines.append("\nPer rule, pooled over the MQM sets of each split (he-en has no categories: it counts for "
                 "*meets any* only). *agrees*: half or more of its findings meet a human span of the same family; "
                 "*right place, other category*: half or more meet some human span; *disagrees*: fewer than half "
                 "meet any human span.\n")
    lines.append("| rule | split | findings | meets same-family span | meets any span | verdict |")
    lines.append("|---|---|---:|---:|---:|---|")
    for r in agreement(result["spans"]):
        lines.append(f"| {r['code']} | {r['split']} | {r['findings']} | {_pct(r['same'])} | {_pct(r['any'])} | "
                     f"{r['verdict']} |")
    lines.append("\n### Rules to change (computed from the development files only)\n")
    if demoted:
        lines.append(f"- Demote to unsafe: {', '.join(demoted)} — as a safe fix it moved dev segments away from the "
                     "post-edit more often than closer (per-rule table).")
    else:
        lines.append("- No safe rule moved dev segments away from the post-edits more often than closer.")
    for code, n, hit in result.get("silent") or []:
        lines.append(f"- Reconsider {code}: {n} findings on the dev MQM sets, {_pct(hit)} of them meet a human error span.")
    if not result.get("silent"):
        lines.append("- Every rule with 3+ findings on the dev MQM sets meets a human error span at least 25 % of the time.")
    return "\n".join(lines)


def pe_totals(rows: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    """Pooled closer/away/same shares of the changed segments over all MLQE-PE files."""
    ch = sum(r[f"changed_{mode}"] for r in rows)

    def share(key: str) -> float | None:
        return sum(round((r[key] or 0) * r[f"changed_{mode}"]) for r in rows) / ch if ch else None

    out: dict[str, Any] = {"changed": ch}
    for v in ("closer", "away"):
        out[v], out[f"{v}_tie"] = share(f"{v}_{mode}"), share(f"{v}_tie_{mode}")
        out[f"{v}_chrf"] = share(f"{v}_chrf_{mode}")
    out["same"] = 1.0 - out["closer"] - out["away"] if ch else None
    out["ter_raised"] = [r["set"] for r in rows if r[f"ter_{mode}"] > r["ter_raw"]]
    return out


def _met(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None:
        return "cannot be checked"
    return "met" if ours >= theirs else "NOT met"


def summary(result: dict[str, Any]) -> str:
    """The issue's targets, measured in this run."""
    lines = ["### Summary\n"]
    by = {(r["set"], r["metric"]): r for r in result["mqm"]}
    for name in sorted({r["set"] for r in result["mqm"] if r["split"] == "test"}):
        m, n = by.get((name, "mtfix fluency")), by.get((name, "length only (−words)"))
        c, b = by.get((name, "sentence chrF")), by.get((name, "sentence BLEU"))
        if not m:
            continue
        text = f"- held-out {name}: mtfix fluency τ_b flat {_f(m.get('tau_flat'))}"
        if c and b:
            text += (f" vs sentence chrF {_f(c.get('tau_flat'))}, BLEU {_f(b.get('tau_flat'))} "
                     f"(target ≥ chrF: {_met(m.get('tau_flat'), c.get('tau_flat'))}); "
                     f"item-grouped {_f(m.get('tau_item'))} vs chrF {_f(c.get('tau_item'))}, BLEU {_f(b.get('tau_item'))} "
                     f"(target: {_met(m.get('tau_item'), c.get('tau_item'))}); "
                     f"system-level {_f(m.get('tau_sys'))} vs chrF {_f(c.get('tau_sys'))} "
                     f"(target: {_met(m.get('tau_sys'), c.get('tau_sys'))})")
        else:
            text += " (no human reference in this set: sentence chrF and BLEU cannot be computed, the target cannot be checked)"
        if n:
            text += f"; length alone: flat {_f(n.get('tau_flat'))}"
        lines.append(text + ".")
    lines.extend(score_targets(by))
    for mode in ("safe", *(["safe_demoted"] if result.get("demote") else [])):
        label = "safe fixes" if mode == "safe" else f"safe fixes without {', '.join(result['demote'])}"
        for split in ("all", "dev", "test"):
            rows = [r for r in result["pe"] if split == "all" or r["split"] == split]
            t = pe_totals(rows, mode)
            raised = ", ".join(t["ter_raised"]) or "none"
            closer = t["closer"] or 0.0
            tie = t["closer_tie"] or 0.0
            lines.append(
                f"- {label}, {split} MLQE-PE files: corpus TER raised on: {raised}; of {t['changed']} changed "
                f"segments {_pct(t['closer'])} closer, {_pct(t['away'])} away by sentence TER "
                f"(target ≥ 70 % closer: {'met' if closer >= 0.7 else 'NOT met'}); with chrF breaking TER ties "
                f"{_pct(t['closer_tie'])} / {_pct(t['away_tie'])} ({'met' if tie >= 0.7 else 'NOT met'}); "
                f"by sentence chrF alone {_pct(t['closer_chrf'])} / {_pct(t['away_chrf'])} "
                f"({'met' if (t['closer_chrf'] or 0.0) >= 0.7 else 'NOT met'}).")
    return "\n".join(lines)


#: Issue 11's must-holds for the fluency score on the held-out MQM sets: (set, figure, target).
SCORE_TARGETS = (("zh-en 2023 SxS", "tau_flat", 0.33), ("zh-en 2023 SxS", "tau_item", 0.10),
                 ("he-en 2023 QE", "tau_flat", 0.15))


def score_targets(by: dict[tuple[str, str], dict[str, Any]]) -> list[str]:
    """One line per target of issue 11 for mtfix fluency, met or NOT met in this run."""
    out = []
    for name, key, target in SCORE_TARGETS:
        row = by.get((name, "mtfix fluency"))
        if row is None:
            continue
        value = row.get(key)
        verdict = "cannot be checked" if value is None else "met" if value >= target else "NOT met"
        out.append(f"- issue 11, held-out {name}: mtfix fluency {key.replace('_', ' ')} {_f(value)} "
                   f"(target ≥ {target:+.2f}: {verdict}).")
    return out


def _ca(r: dict[str, Any], mode: str) -> str:
    return (f"{_pct(r[f'closer_{mode}'])}/{_pct(r[f'away_{mode}'])} "
            f"({_pct(r[f'closer_tie_{mode}'])}/{_pct(r[f'away_tie_{mode}'])})")


def _pct(x: float | None, digits: int = 0) -> str:
    return "–" if x is None else f"{100 * x:.{digits}f} %"


def write_section(path: Path, body: str) -> None:
    """Replace (or append) the ``## fluency evaluation`` section of RESULTS.md; others are kept,
    and so is a hand-written ``### Notes`` subsection at the top of this one."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    start = text.find(f"\n{SECTION}\n")
    notes = ""
    if start >= 0:
        nxt = text.find("\n## ", start + len(SECTION) + 2)
        old = text[start : nxt if nxt >= 0 else len(text)]
        i = old.find(f"\n{NOTES}\n")
        if i >= 0:
            j = old.find("\n### ", i + len(NOTES) + 2)
            notes = old[i + 1 : j if j >= 0 else len(old)].rstrip() + "\n\n"
    section = f"{SECTION}\n\n{notes}{body.rstrip()}\n"
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        tail = text[nxt:] if nxt >= 0 else ""
        text = text[: start + 1] + section + tail
    path.write_text(text, encoding="utf-8")


# -- main ---------------------------------------------------------------------------------------
def run(root: Path, *, fast: bool = False, grammar: str = "off", progress: bool = True) -> dict[str, Any]:
    from tqdm import tqdm

    from mtfix.scoring import fluency_signature

    items = FAST_ITEMS if fast else None
    limit = FAST_PE if fast else None
    pipes, notes = build_pipelines(grammar)
    t0 = time.perf_counter()
    n_mqm = sum(len(load_mqm(m, root, items)) for m in MQM_SETS if (root / m.file).exists())
    n_pe = sum(len(load_pe(p, root, limit)) for p in PE_SETS if (root / p.file).exists())
    with tqdm(total=n_mqm + n_pe, desc="eval", unit="seg", file=sys.stderr, disable=not progress,
              mininterval=0.5) as bar:
        mqm, spans = eval_mqm(root, pipes, items, bar)
        cache: dict = {}
        pe, pe_codes, pe_corr = eval_pe(root, pipes[""], limit, bar, cache=cache)
        demote = demotions(pe_codes, "dev")
        if demote:
            bar.total += n_pe
            whatif, _, _ = eval_pe(root, pipes[""], limit, bar, demote=demote, cache=cache)
            for row, extra in zip(pe, whatif, strict=True):
                row.update({k: v for k, v in extra.items() if k.endswith("_demoted")})
    return {
        "mode": "fast" if fast else "full",
        "signatures": {label or "rules": fluency_signature(p.signature()) for label, p in pipes.items()},
        "metric_signatures": metric_signatures(),
        "notes": notes,
        "seconds": round(time.perf_counter() - t0, 1),
        "segments": n_mqm + n_pe,
        "mqm": mqm,
        "spans": spans,
        "pe": pe,
        "pe_codes": pe_codes,
        "pe_corr": pe_corr,
        "demote": list(demote),
        "silent": silent_rules(spans, "dev"),
    }


def header(result: dict[str, Any], command: str) -> str:
    lines = [
        "### Run",
        "",
        f"Command: `{command}` ({result['mode']} mode, {result['seconds']} s wall clock, "
        f"{result['segments']} segments) — machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}.",
        "",
        "Signatures:",
        "",
    ]
    for label, sig in result["signatures"].items():
        lines.append(f"- mtfix fluency ({label}): `{sig}`")
    for name, sig in result["metric_signatures"].items():
        lines.append(f"- {name}: `{sig}`")
    lines.extend(f"- note: {n}" for n in result["notes"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=None, help="benchmark directory (default: $MTFIX_BENCHMARKS or ../shared/benchmarks)")
    ap.add_argument("--fast", action="store_true", help=f"first {FAST_ITEMS} segments of each MQM set, "
                    f"first {FAST_PE} records of each MLQE-PE file")
    ap.add_argument("--grammar", choices=("off", "auto", "required"), default="off",
                    help="also score with LanguageTool (auto: when installed); the rules-only score is always reported")
    ap.add_argument("--results", default=None, help="RESULTS.md to update (default bench/RESULTS.md; with --fast "
                    "only when named: a smoke run's figures never replace the published ones)")
    ap.add_argument("--no-write", action="store_true", help="do not touch RESULTS.md")
    ap.add_argument("--json", default=None, help="also write all figures to this JSON file")
    ap.add_argument("--quiet", action="store_true", help="no progress bar")
    args = ap.parse_args(argv)
    root = require_data(args.data)
    if not available(root):
        raise SystemExit(f"benchmark data not found in {root} (use --data DIR or MTFIX_BENCHMARKS)")
    result = run(root, fast=args.fast, grammar=args.grammar, progress=not args.quiet)
    command = "python bench/eval_scores.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    body = header(result, command) + "\n\n" + summary(result) + "\n\n" + render(result)
    print(body)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    results = Path(args.results) if args.results else REPO / "bench" / "RESULTS.md"
    if args.fast and args.results is None and not args.no_write:
        print(f"\n{results} not written: a --fast run's figures are a smoke test's (name --results FILE to write "
              "them there)", file=sys.stderr)
    elif not args.no_write:
        write_section(results, body)
        print(f"\nwrote the '{SECTION[3:]}' section of {results}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
