"""The probes of our own pooled (sessions 36–39, overfitting audit rounds 14–17, issue 11): what fires on their fluent half,
which error classes their MT half is caught in, and whether one construction raises false alarms.

Twelve reports (the fourth to sixth since session 37, the seventh since session 39, the eighth since session 47, the
ninth and the last since session 51, the tenth since session 52, the eleventh since session 54), each checked with ``mtfix.check(text, grammar="off")`` (one text a sentence):

1. **classes**: every error class of the probes' MT rows (``bench/data/probe_s*/real_mt_probe.jsonl``) beside
   realmt train's (fitting data: in-sample, for comparison only): sentences, flagged, major; most sentences first,
   ties by name (session 47: the same output under any ``PYTHONHASHSEED``).
2. **fluent**: each finding on the probes' professional rows, with MTF401's inputs and signs, and their tally.
3. **parenthetical**: the subject, a parenthetical between commas, then the verb ("The bridge, which links two
   towns, was closed ...", :func:`subject_parenthetical`): per set, the share of sentences with an MTF401 finding
   with the construction and without it (fluent: EWT, realmt clean news, MQM zh-en 2020 references, MLQE-PE dev
   post-edits, the probes' professional rows; garbled: realmt real_mt, the probes' MT rows; at most ``--limit``
   sentences a set, a fixed sample), and for the probes' fluent rows with it how the detector's probability moves
   if the parenthetical's two commas were not counted in ``commas_per_word`` (a what-if, nothing changed).
4. **channels** (session 37): per error class of the probes' MT rows, how each sentence is caught: by a finding
   other than MTF401 (a rule or check of its own), by MTF401 with a named sign, by MTF401 whose inputs are the
   n-grams alone, by MTF401 through other inputs, or not at all.
5. **candidates** (session 37): two conditions measured before any was written into mtfix, on the probes and
   realmt (both halves) — a what-if that does not count an "of" of a fixed phrase ("out of", "most of", "part of",
   :data:`FIXED_OF`) in ``of_per_word`` (sentences that would fall under or rise over the minor threshold), and a
   count of verb-final relative clauses ("which every year to the village come,": :func:`verb_final_relative`).
6. **trend** (session 37): per probe, in the order written, MT flagged and major, professional flagged and the
   fluency AUC (``bench/eval_realmt.py``'s figures), with the median fluency of each half; then the probes weighted
   by class (s30–s34) against those weighted like realmt train (s35 on), pooled, with the AUC of each half of one
   group against the other half of the other (did the MT get milder, or the fluent text harder?) and a bootstrap
   interval of the AUC difference; since session 39 also the mean words a sentence of each half, and a third group,
   the new writer's probes (``probe_s39``, ``probe_s39b``: held out from session 39's fitting), against the old
   writer's nine; since session 44 a fourth group, a third writer's (``probe_s44``, ``probe_s44b``), against the
   two earlier writers' probes; since session 46 a fifth, a fourth writer's (``probe_s46``, ``probe_s46b``); since
   session 47 a sixth, a fifth writer's (``probe_s47``, ``probe_s47b``); since session 48 a seventh, a sixth
   writer's (``probe_s48``, ``probe_s48b``); since session 49 an eighth, a seventh writer's (``probe_s49``,
   ``probe_s49b``); since session 50 a ninth, an eighth writer's (``probe_s50``, ``probe_s50b``); since session 51 a
   tenth, a ninth writer's (``probe_s51``, ``probe_s51b``); since session 52 an eleventh, a tenth writer's
   (``probe_s52``, ``probe_s52b``); since session 54 a twelfth, an eleventh writer's (``probe_s54``, ``probe_s54b``;
   :data:`WRITERS`).
7. **length** (session 39): the Spearman correlation of the detector's probability with a sentence's words and with
   its number of labels over every probe's MT rows, and the AUC of the probability by length band, old writer
   against new, (session 44) the third writer, (session 46) the fourth, (session 47) the fifth, (session 48) the
   sixth, (session 49) the seventh, (session 50) the eighth, (session 51) the ninth and (session 52) the tenth
   (:func:`length`).
8. **misses** (session 47): per error class, the probes' MT sentences with no finding, pooled and by writer, beside
   realmt train's rows whose out-of-fold probability is under the minor threshold (:func:`misses`).
9. **languages** (session 51): the MT sentences with no finding by where their source language stands against
   realmt (its dev file's ten, train only, none), per writer and pooled, with Fisher's exact test (:func:`languages`).
10. **shape** (session 52): the MT sentences with no finding of the seventh to eleventh writers crossed by language
    (realmt's ten against languages in no realmt file) and length (12 words or fewer against longer), with Fisher's
    exact test of each factor and within each level of the other, and a logistic fit of a miss on both and the
    share of small words (:func:`shape`).
11. **errorclass** (session 54): the MT sentences with no finding of the probes whose rows name their error class
    (``error_class``: "sense", a word sense or calque, or "structure", order, verbs and syntax; the eleventh
    writer's), crossed by class and length, with Fisher's exact tests and a logistic fit as in **shape**
    (:func:`error_class`).
12. **gain** (session 51, with ``--candidate PATH``, not in the default run): each writer's AUC of the raw
    probability, the shipped model against a candidate model file, with a paired bootstrap of the gain
    (:func:`model_gain`).

Reporting only: nothing is fitted or tuned.  Run::

    MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/probes_pooled.py [--shared ../shared] [--limit 6000]
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: the tree measured is the one PYTHONPATH names
sys.path.append(str(ROOT / "bench"))

from bench.eval_data import SHARED_HELP, read_jsonl, shared_dir  # noqa: E402

PROBES = sorted((ROOT / "bench" / "data").glob("probe_s*"))
FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "our", "my"})


def subject_parenthetical(words: list[str], tags: list[str]) -> bool:
    """Whether the sentence opens with a short subject (a determiner or a name first, no verb), a comma, three to
    thirty tokens, a comma, then a finite verb (an adverb may come first): "The film, shot in the north, won ..."."""
    if len(words) < 6 or not (words[0].lower() in DETERMINERS or tags[0] in ("NNP", "NNPS", "NNS")):
        return False
    try:
        first = words.index(",", 1)
    except ValueError:
        return False
    if first > 5 or any(t.startswith("VB") or t == "MD" for t in tags[:first]):
        return False
    for j in range(first + 3, min(len(words) - 1, first + 30)):
        if words[j] == ",":
            nxt = j + 2 if tags[j + 1] == "RB" and j + 2 < len(tags) else j + 1
            return tags[nxt] in FINITE
    return False


def findings(text: str) -> list[Any]:
    import mtfix

    return list(mtfix.check(text, grammar="off").findings)


def classes(shared: Path) -> None:
    def tally(rows: list[dict[str, Any]]) -> Counter:
        out: Counter = Counter()
        for r in rows:
            fs = findings(r["text"])
            major = any(f.severity.value in ("major", "critical") for f in fs)
            for a in r["artifacts"]:
                out[(a, 0)] += 1
                out[(a, 1)] += bool(fs)
                out[(a, 2)] += major
        return out

    probe = tally([r for d in PROBES for r in read_jsonl(d / "real_mt_probe.jsonl")])
    train_file = shared / "realmt" / "real_mt_train.jsonl"
    train = tally(read_jsonl(train_file)) if train_file.is_file() else Counter()
    # most sentences first, ties by name (a set's order follows PYTHONHASHSEED)
    names = sorted({a for a, _ in probe} | {a for a, _ in train}, key=lambda a: (-(probe[(a, 0)] + train[(a, 0)]), a))
    print("| class | probes: sentences, flagged, major | realmt train: sentences, flagged, major |\n|---|---|---|")
    for a in names:
        cell = [f"{c[(a, 0)]}, {c[(a, 1)]}, {c[(a, 2)]}" if c[(a, 0)] else "—" for c in (probe, train)]
        print(f"| {a} | {cell[0]} | {cell[1]} |")


def fluent() -> None:
    inputs: Counter = Counter()
    for d in PROBES:
        for r in read_jsonl(d / "clean_news_probe.jsonl"):
            for f in findings(r["text"]):
                detail = re.search(r"\(detector: ([^)]*)\)", getattr(f, "message_with_detail", f.message))
                print(f"{d.name} {r['id']}: {f.code} {f.severity.value} {detail.group(1) if detail else ''}")
                if detail:
                    for part in detail.group(1).split("; ")[1:]:
                        kind, _, names = part.partition(": ")
                        inputs.update(f"{kind} {n}" for n in names.split(", "))
    print("tally:", dict(inputs.most_common()))


def _sets(shared: Path) -> list[tuple[str, str, list[str]]]:
    from bench.repeats_and_case_role import sets

    own = [("probes professional", "fluent", "clean_news_probe.jsonl"), ("probes MT", "garbled", "real_mt_probe.jsonl")]
    return [s for s in sets(shared) if not s[0].startswith("probes")] + [
        (name, kind, [r["text"] for d in PROBES for r in read_jsonl(d / file)]) for name, kind, file in own]


def parenthetical(shared: Path, limit: int) -> None:
    from mtfix.garble.checker import detector

    det = detector()
    print("| set | kind | with: sentences, MTF401 | without: sentences, MTF401 |\n|---|---|---|---|")
    for name, kind, texts in _sets(shared):
        texts = random.Random(1).sample(texts, limit) if len(texts) > limit else texts
        seen = {True: [0, 0], False: [0, 0]}
        for t in texts:
            a = det.analyse(t)
            cell = seen[subject_parenthetical([k.text for k in a.tokens], list(a.tags))]
            cell[0] += 1
            cell[1] += any(f.code == "MTF401" for f in findings(t))
        w, o = seen[True], seen[False]
        print(f"| {name} | {kind} | {w[0]}, {w[1]} ({100 * w[1] / max(w[0], 1):.0f} %) "
              f"| {o[0]}, {o[1]} ({100 * o[1] / max(o[0], 1):.0f} %) |")
    print("\nprobes' fluent rows with the construction: p, and p with the parenthetical's two commas not counted")
    for d in PROBES:
        for r in read_jsonl(d / "clean_news_probe.jsonl"):
            a = det.analyse(r["text"])
            if not subject_parenthetical([k.text for k in a.tokens], list(a.tags)):
                continue
            before = det.logit(a)[0]
            cpw = a.dense["commas_per_word"]
            commas = r["text"].count(",")
            a.dense["commas_per_word"] = max(commas - 2, 0) * cpw / commas if commas else cpw
            after = det.logit(a)[0]
            print(f"  {d.name} {r['id']}: {1 / (1 + math.exp(-before)):.3f} -> {1 / (1 + math.exp(-after)):.3f}")


#: Words before an "of" that is part of a fixed phrase, not a genitive: complex prepositions, partitives and verbs
#: or adjectives that take "of" (the candidates report's what-if).
FIXED_OF = frozenset({
    "out", "because", "instead", "ahead", "spite", "behalf", "favour", "favor", "regardless", "most", "part", "one",
    "some", "all", "many", "each", "none", "both", "several", "any", "accused", "accusing", "consists", "aware",
    "capable", "afraid", "full", "made", "think", "kind", "sort", "lot", "number"})
_RELATIVE_PREPS = frozenset({"on", "in", "at", "during", "from", "by", "to", "with", "into", "for", "under", "through",
                             "of"})


def verb_final_relative(words: list[str], tags: list[str]) -> bool:
    """Whether a relative "which/who/that" is followed by time or noun words, one or more prepositional phrases,
    then its verb, and then a comma, "and" or the end: "which every year to the village of Ayvalı come,"."""
    from mtfix.garble.structural_signs import _NP_TAGS

    lower, n = [w.lower() for w in words], len(words)
    for i in range(n - 3):
        if lower[i] in ("which", "who", "that") and tags[i] in ("WDT", "WP", "IN"):
            k, pps = i + 1, 0
            while k < n and (tags[k] == "RB" or tags[k] in _NP_TAGS):
                k += 1
            while k < n and tags[k] == "IN" and lower[k] in _RELATIVE_PREPS:
                k += 1
                while k < n and tags[k] in _NP_TAGS:
                    k += 1
                pps += 1
            if pps and k + 1 < n and tags[k] in ("VBZ", "VBP", "VBD", "VB") and words[k + 1] in (",", ".", "and", ";"):
                return True
    return False


def candidates(shared: Path) -> None:
    from mtfix.garble.checker import detector

    det = detector()
    th = det.thresholds["minor"]

    def p(a: Any) -> float:
        return 1 / (1 + math.exp(-det.logit(a)[0]))

    realmt = [(f"realmt {n}", read_jsonl(shared / "realmt" / f"{n}.jsonl")) for n in
              ("real_mt_train", "real_mt_dev", "clean_news_train", "clean_news_dev")
              if (shared / "realmt" / f"{n}.jsonl").is_file()]
    sets = [("probes MT", [r for d in PROBES for r in read_jsonl(d / "real_mt_probe.jsonl")]),
            ("probes professional", [r for d in PROBES for r in read_jsonl(d / "clean_news_probe.jsonl")])] + realmt
    print("| set | sentences | with a fixed-phrase 'of' | mean change of p | fall under minor | rise over | "
          "verb-final relative |\n|---|---|---|---|---|---|---|")
    for name, rows in sets:
        with_of = under = over = relative = 0
        moved = 0.0
        for r in rows:
            a = det.analyse(r["text"])
            words = [k.text for k in a.tokens]
            relative += verb_final_relative(words, list(a.tags))
            lower = [w.lower() for w in words]
            ofs = lower.count("of")
            fixed = sum(1 for i, w in enumerate(lower) if w == "of" and i and lower[i - 1] in FIXED_OF)
            if not fixed:
                continue
            before = p(a)
            a.dense["of_per_word"] *= (ofs - fixed) / ofs
            after = p(a)
            with_of += 1
            moved += after - before
            under += before >= th > after
            over += after >= th > before
        print(f"| {name} | {len(rows)} | {with_of} | {moved / max(with_of, 1):+.4f} | {under} | {over} | {relative} |")


CHANNELS = ("own code", "MTF401 sign", "ngrams only", "MTF401 other", "none")


def channel(fs: list[Any]) -> str:
    """How a sentence's findings catch it, the first of :data:`CHANNELS` that holds."""
    if any(f.code != "MTF401" for f in fs):
        return "own code"
    if not fs:
        return "none"
    detail = re.search(r"\(detector: ([^)]*)\)", getattr(fs[0], "message_with_detail", fs[0].message))  # session 50: the detail
    parts = dict(part.partition(": ")[::2] for part in (detail.group(1).split("; ")[1:] if detail else []))
    if parts.get("signs"):
        return "MTF401 sign"
    return "ngrams only" if parts.get("inputs", "").split(", ") == ["ngrams"] else "MTF401 other"


def channels() -> None:
    out: dict[str, Counter] = {}
    for d in PROBES:
        for r in read_jsonl(d / "real_mt_probe.jsonl"):
            how = channel(findings(r["text"]))
            for a in r["artifacts"]:
                out.setdefault(a, Counter())[how] += 1
    print("| class | sentences | " + " | ".join(CHANNELS) + " |\n|---|---|" + "---|" * len(CHANNELS))
    for a, c in sorted(out.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"| {a} | {sum(c.values())} | " + " | ".join(str(c[h]) for h in CHANNELS) + " |")


def _auc_interval(early: tuple[list[float], list[float]], late: tuple[list[float], list[float]],
                  draws: int = 2000) -> tuple[float, float]:
    """A 95 % bootstrap interval of AUC(early) - AUC(late), resampling each half of each group (seed 1)."""
    from eval_realmt import auc

    rng = random.Random(1)
    diffs = []
    for _ in range(draws):
        e = [[rng.choice(h) for _ in h] for h in early]
        la = [[rng.choice(h) for _ in h] for h in late]
        diffs.append(auc(e[0], e[1]) - auc(la[0], la[1]))
    diffs.sort()
    return diffs[int(0.025 * draws)], diffs[int(0.975 * draws) - 1]


#: Each writer after the old one, in the order they came, and the first probe they wrote.
WRITERS = (("new", "probe_s39"), ("third", "probe_s44"), ("fourth", "probe_s46"), ("fifth", "probe_s47"),
           ("sixth", "probe_s48"), ("seventh", "probe_s49"), ("eighth", "probe_s50"),
           ("ninth", "probe_s51"), ("tenth", "probe_s52"), ("eleventh", "probe_s54"))


def writer_of(name: str, new_writer: str = "probe_s39") -> str:
    """Which writer wrote a probe: "old" (before ``new_writer``), else the last of :data:`WRITERS` whose first
    probe sorts at or before ``name`` ("new" from ``new_writer`` on, "third" from session 44 on, … "ninth" from
    session 51 on, "tenth" from session 52 on, "eleventh" from session 54 on)."""
    firsts = (("new", new_writer),) + WRITERS[1:]
    return next((writer for writer, first in reversed(firsts) if name >= first), "old")


def _group(name: str, first_weighted: str, new_writer: str) -> str:
    """Which group a probe belongs to: the old writer's split into weighted by class (before ``first_weighted``)
    and weighted like realmt train (up to ``new_writer``), else :func:`writer_of`'s writer."""
    writer = writer_of(name, new_writer)
    if writer != "old":
        return writer
    return "weighted" if name >= first_weighted else "early"


def trend(first_weighted: str = "probe_s35", new_writer: str = "probe_s39") -> None:
    from eval_realmt import auc, evaluate

    print("| probe | MT flagged | MT major | pro flagged | AUC | median fluency MT / pro | mean words MT / pro |\n"
          "|---|---|---|---|---|---|---|")
    groups: dict[str, tuple[list[float], list[float]]] = {
        g: ([], []) for g in ("early", "weighted") + tuple(w for w, _ in WRITERS)}
    for d in PROBES:
        mt_rows, pro_rows = read_jsonl(d / "real_mt_probe.jsonl"), read_jsonl(d / "clean_news_probe.jsonl")
        report = evaluate(mt_rows, pro_rows, split="probe", paired=False)
        fig = report.figures()
        mt, pro = [o.fluency for o in report.mt], [o.fluency for o in report.pro]
        group = groups[_group(d.name, first_weighted, new_writer)]
        group[0].extend(mt)
        group[1].extend(pro)
        words = [sum(len(r["text"].split()) for r in rows) / len(rows) for rows in (mt_rows, pro_rows)]
        print(f"| {d.name} | {fig['mt_flagged']}/{fig['n_mt']} | {fig['mt_major']}/{fig['n_mt']} | "
              f"{fig['pro_flagged']}/{fig['n_pro']} | {fig['fluency_auc']:.3f} | "
              f"{sorted(mt)[len(mt) // 2]:.1f} / {sorted(pro)[len(pro) // 2]:.1f} | {words[0]:.1f} / {words[1]:.1f} |")
    (em, ep), (lm, lp), (nm, np_) = groups["early"], groups["weighted"], groups["new"]
    lo, hi = _auc_interval((em, ep), (lm, lp))
    print(f"\nweighted by class (before {first_weighted}): {len(em)} MT, {len(ep)} pro, AUC {auc(em, ep):.3f}")
    print(f"weighted like realmt train ({first_weighted} to before {new_writer}): {len(lm)} MT, {len(lp)} pro, "
          f"AUC {auc(lm, lp):.3f}")
    print(f"difference 95 % bootstrap interval: {lo:+.3f} to {hi:+.3f}")
    print(f"early MT against late pro: {auc(em, lp):.3f}; late MT against early pro: {auc(lm, ep):.3f}")
    if nm and np_:
        old_m, old_p = em + lm, ep + lp
        lo, hi = _auc_interval((old_m, old_p), (nm, np_))
        print(f"\n{new_writer[6:]} on, new writer: {len(nm)} MT, {len(np_)} pro, AUC {auc(nm, np_):.3f}; "
              f"the old writer's nine probes: {len(old_m)} MT, {len(old_p)} pro, AUC {auc(old_m, old_p):.3f}")
        print(f"difference (old writer - new writer) 95 % bootstrap interval: {lo:+.3f} to {hi:+.3f}")
        print(f"old writer's MT against new writer's pro: {auc(old_m, np_):.3f}; "
              f"new writer's MT against old writer's pro: {auc(nm, old_p):.3f}")
    old_m, old_p = em + lm + nm, ep + lp + np_
    counts = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    for (writer, first), earlier in zip(WRITERS[1:], counts, strict=False):
        since = int(first.removeprefix("probe_s"))
        wm, wp = groups[writer]
        if wm and wp:
            lo, hi = _auc_interval((old_m, old_p), (wm, wp))
            print(f"\n{writer} writer (session {since} on): {len(wm)} MT, {len(wp)} pro, AUC {auc(wm, wp):.3f}; "
                  f"the {earlier} earlier writers' probes: {len(old_m)} MT, {len(old_p)} pro, "
                  f"AUC {auc(old_m, old_p):.3f}")
            print(f"difference (earlier writers - {writer} writer) 95 % bootstrap interval: {lo:+.3f} to {hi:+.3f}")
            print(f"earlier writers' MT against the {writer} writer's pro: {auc(old_m, wp):.3f}; "
                  f"the {writer} writer's MT against earlier writers' pro: {auc(wm, old_p):.3f}")
        old_m, old_p = old_m + wm, old_p + wp


def length(new_writer: str = "probe_s39", bands: tuple[int, ...] = (0, 25, 32, 1000)) -> None:
    """Whether the detector's probability follows a sentence's length or its number of labels (Spearman over every
    probe's MT rows), and the AUC of the probability by length band, the old writer's probes against the new
    writer's (session 39) and each later writer's (:data:`WRITERS`): is a probe hard because of its writer, its
    mildness or its sentences' length?"""
    from eval_realmt import auc
    from scipy.stats import spearmanr

    from mtfix.garble.checker import probability

    rows = []  # (writer: old, new, third … ninth, MT?, words, labels, p)
    for d in PROBES:
        for file, mt in (("real_mt_probe.jsonl", True), ("clean_news_probe.jsonl", False)):
            for r in read_jsonl(d / file):
                writer = writer_of(d.name, new_writer)
                rows.append((writer, mt, len(r["text"].split()), len(r.get("artifacts", [])),
                             probability(r["text"]) or 0.0))
    mt_rows = [r for r in rows if r[1]]
    for name, i in (("words", 2), ("labels", 3)):
        rho, pval = spearmanr([r[i] for r in mt_rows], [r[4] for r in mt_rows])
        print(f"MT rows ({len(mt_rows)}): Spearman of p and {name} {rho:+.2f} (p = {pval:.3f})")
    print("\n| words | writer | MT | pro | AUC of p | mean p MT / pro |\n|---|---|---|---|---|---|")
    for lo, hi in itertools.pairwise(bands):
        for writer in ("old",) + tuple(w for w, _ in WRITERS):
            m = [-r[4] for r in rows if r[0] == writer and r[1] and lo <= r[2] < hi]
            p = [-r[4] for r in rows if r[0] == writer and not r[1] and lo <= r[2] < hi]
            score = f"{auc(m, p):.3f}" if m and p else "—"
            means = f"{-sum(m) / max(1, len(m)):.3f} / {-sum(p) / max(1, len(p)):.3f}"
            span = f"{lo}+" if hi >= 1000 else f"{lo}–{hi - 1}"
            print(f"| {span} | {writer} | {len(m)} | {len(p)} | {score} | {means} |")


def misses(shared: Path) -> None:
    """Per error class, the probes' MT sentences with no finding by writer (:func:`writer_of`), and realmt train's
    rows whose out-of-fold probability (``bench/realmt_train_oof.json``) is under the detector's minor threshold
    (rules not counted): which classes the tool misses, and whether realmt train, the fitting data, has them too."""
    import json

    from score_design import text_key

    from mtfix.garble.checker import detector

    writers = ("old",) + tuple(w for w, _ in WRITERS)
    seen: dict[str, Counter] = {}
    for d in PROBES:
        for r in read_jsonl(d / "real_mt_probe.jsonl"):
            missed = not findings(r["text"])
            for a in r["artifacts"]:
                c = seen.setdefault(a, Counter())
                c["all", 0] += 1
                c["all", 1] += missed
                c[writer_of(d.name), 0] += 1
                c[writer_of(d.name), 1] += missed
    oof = json.loads((ROOT / "bench" / "realmt_train_oof.json").read_text(encoding="utf-8"))["rows"]
    minor = detector().thresholds["minor"]
    train_file = shared / "realmt" / "real_mt_train.jsonl"
    for r in read_jsonl(train_file) if train_file.is_file() else []:
        for a in r["artifacts"]:
            c = seen.setdefault(a, Counter())
            c["train", 0] += 1
            c["train", 1] += oof[text_key(r["text"])]["p"] < minor
    print(f"minor threshold {minor:.3f}; cells: sentences, no finding (probes) or under minor (realmt train OOF)\n")
    print("| class | probes | " + " | ".join(writers) + " | realmt train OOF |\n|---|---|" + "---|" * (len(writers) + 1))
    for a, c in sorted(seen.items(), key=lambda kv: (-kv[1]["all", 1] - kv[1]["train", 1], kv[0])):
        cells = [f"{c[w, 0]}, {c[w, 1]}" if c[w, 0] else "—" for w in ("all",) + writers + ("train",)]
        print(f"| {a} | " + " | ".join(cells) + " |")


#: Writers pooled in the languages report besides each writer alone: the seventh to ninth (sessions 49–51), all from
#: the fourth to the ninth (the fourth's probes were the first to leave realmt's ten languages), and (session 52)
#: the seventh to tenth, the pool of the shape report.
LANGUAGE_POOLS = (("seventh", "eighth", "ninth"), ("fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
                  ("seventh", "eighth", "ninth", "tenth"))


def language_side(lang: str, dev: set[str], every: set[str]) -> str:
    """Where a source language stands against realmt: "realmt ten" (in the dev file, the issue's decisive ten),
    "train only" (in a realmt file, not dev's) or "none" (in no realmt file)."""
    return "realmt ten" if lang in dev else "train only" if lang in every else "none"


def languages(shared: Path) -> None:
    """The probes' MT sentences with no finding by where their source language stands against realmt
    (:func:`language_side`), per writer and pooled (:data:`LANGUAGE_POOLS`), with Fisher's exact test (two-sided) of
    missed against caught, realmt's ten against languages in no realmt file (session 51; session 50 counted it once
    by hand)."""
    from scipy.stats import fisher_exact

    files = sorted((shared / "realmt").glob("real_mt_*.jsonl"))
    if not (shared / "realmt" / "real_mt_dev.jsonl").is_file():
        print(f"realmt not found under {shared}: languages report skipped (point MTFIX_SHARED or --shared at it)")
        return
    dev = {r["lang"] for r in read_jsonl(shared / "realmt" / "real_mt_dev.jsonl")}
    every = {r["lang"] for f in files for r in read_jsonl(f)}
    tally: Counter = Counter()  # (writer, side, missed?) -> sentences
    for d in PROBES:
        for r in read_jsonl(d / "real_mt_probe.jsonl"):
            tally[writer_of(d.name), language_side(r["lang"], dev, every), not findings(r["text"])] += 1
    sides = ("realmt ten", "train only", "none")
    print("| writers | " + " | ".join(f"{s}: missed of" for s in sides) + " | Fisher p (ten vs none) |\n|---|---|---|---|---|")
    for group in tuple((w,) for w in ("old",) + tuple(w for w, _ in WRITERS)) + LANGUAGE_POOLS:
        cells = {s: (sum(tally[w, s, True] for w in group), sum(tally[w, s, m] for w in group for m in (True, False)))
                 for s in sides}
        (mt, nt), (mn, nn) = cells["realmt ten"], cells["none"]
        p = f"{fisher_exact([[mt, nt - mt], [mn, nn - mn]])[1]:.3f}" if nt and nn else "—"
        print(f"| {', '.join(group)} | " + " | ".join(f"{m} of {n}" for m, n in cells.values()) + f" | {p} |")


#: A short MT sentence in the shape report: this many words or fewer (split on white space), the probes' own line.
SHORT_WORDS = 12


def small_word_share(text: str) -> float:
    """The share of a sentence's words that are small words: those of the detector's function-word list
    (:data:`mtfix.garble.sign_views.FUNCTION_WORDS`: articles, prepositions, auxiliaries, pronouns, conjunctions)."""
    from mtfix.garble.sign_views import FUNCTION_WORDS

    words = re.findall(r"[a-z']+", text.lower())
    return sum(w in FUNCTION_WORDS for w in words) / max(1, len(words))


def logistic_fit(x: list[list[float]], y: list[int]) -> list[tuple[float, float, float]]:
    """A maximum-likelihood logistic fit of ``y`` (0/1) on the columns of ``x`` with an intercept (scipy's BFGS), and
    each coefficient's Wald standard error from the exact Hessian: ``(coefficient, standard error, two-sided p)``,
    intercept first.  With separated data the fit diverges: the standard errors then come out huge and p near 1."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.special import expit, log_expit
    from scipy.stats import norm

    xm = np.column_stack([np.ones(len(y)), np.asarray(x, dtype=float)])
    ym = np.asarray(y, dtype=float)

    def loss(b: Any) -> tuple[float, Any]:
        z = xm @ b
        return -float(ym @ log_expit(z) + (1 - ym) @ log_expit(-z)), xm.T @ (expit(z) - ym)

    b = minimize(loss, np.zeros(xm.shape[1]), jac=True, method="BFGS").x
    p = expit(xm @ b)
    se = np.sqrt(np.diag(np.linalg.pinv(xm.T @ (xm * (p * (1 - p))[:, None]))))
    return [(float(c), float(s), float(2 * norm.sf(abs(c / s)))) for c, s in zip(b, se, strict=True)]


#: Writers of the shape report: the seventh to the eleventh (sessions 49–54), whose probes hold both factors.
SHAPE_WRITERS = ("seventh", "eighth", "ninth", "tenth", "eleventh")


def fisher(group: list[tuple], i: int) -> str:
    """Fisher's exact test (two-sided) of a miss (``r[4]``) between the rows of ``group`` with ``r[i]`` and those
    without, said as a p value; "—" when one side is empty (the shape and error-class reports)."""
    from scipy.stats import fisher_exact

    yes, no = [r for r in group if r[i]], [r for r in group if not r[i]]
    if not (yes and no):
        return "—"
    table = [[sum(r[4] for r in yes), sum(not r[4] for r in yes)], [sum(r[4] for r in no), sum(not r[4] for r in no)]]
    p = fisher_exact(table)[1]
    return f"{p:.3f}" if p >= 0.001 else f"{p:.0e}"


def shape(shared: Path) -> None:
    """The MT sentences with no finding (grammar off) of :data:`SHAPE_WRITERS`, crossed by where their language
    stands (realmt's ten or in no realmt file; "train only" rows are left out) and by length (:data:`SHORT_WORDS`):
    a 2×2 of misses per writer and pooled, Fisher's exact test (two-sided) of each factor alone and within each
    level of the other, and a logistic fit of a miss on both factors and :func:`small_word_share` (session 52: which
    of language and shape carries the misses)."""
    if not (shared / "realmt" / "real_mt_dev.jsonl").is_file():
        print(f"realmt not found under {shared}: shape report skipped (point MTFIX_SHARED or --shared at it)")
        return
    dev = {r["lang"] for r in read_jsonl(shared / "realmt" / "real_mt_dev.jsonl")}
    every = {r["lang"] for f in sorted((shared / "realmt").glob("real_mt_*.jsonl")) for r in read_jsonl(f)}
    rows = []  # (writer, in no realmt file?, short?, small-word share, missed?)
    for d in PROBES:
        if writer_of(d.name) not in SHAPE_WRITERS:
            continue
        for r in read_jsonl(d / "real_mt_probe.jsonl"):
            side = language_side(r["lang"], dev, every)
            if side != "train only":
                rows.append((writer_of(d.name), side == "none", len(r["text"].split()) <= SHORT_WORDS,
                             small_word_share(r["text"]), not findings(r["text"])))

    def cell(group: list[tuple], none: bool, short: bool) -> tuple[int, int]:
        hit = [r for r in group if r[1] == none and r[2] == short]
        return sum(r[4] for r in hit), len(hit)

    print(f"short: {SHORT_WORDS} words or fewer; cells: missed of sentences; language: realmt ten against none\n")
    print("| writers | ten, short | ten, long | none, short | none, long | p language | p length | "
          "p language in short / long | p length in ten / none |\n|---|---|---|---|---|---|---|---|---|")
    for group_names in tuple((w,) for w in SHAPE_WRITERS) + (SHAPE_WRITERS,):
        group = [r for r in rows if r[0] in group_names]
        cells = [cell(group, none, short) for none in (False, True) for short in (True, False)]
        within_len = [fisher([r for r in group if r[2] == short], 1) for short in (True, False)]
        within_lang = [fisher([r for r in group if r[1] == none], 2) for none in (False, True)]
        print(f"| {', '.join(group_names)} | " + " | ".join(f"{m} of {n}" for m, n in cells)
              + f" | {fisher(group, 1)} | {fisher(group, 2)} | {' / '.join(within_len)} | {' / '.join(within_lang)} |")
    shares = [[r[3] for r in rows if r[4] == missed] for missed in (True, False)]
    print(f"\nsmall-word share, pooled: missed {sum(shares[0]) / max(1, len(shares[0])):.2f} ({len(shares[0])}), "
          f"caught {sum(shares[1]) / max(1, len(shares[1])):.2f} ({len(shares[1])})")
    y = [int(r[4]) for r in rows]
    fits = (logistic_fit([[float(r[1]), float(r[2])] for r in rows], y),
            logistic_fit([[float(r[1]), float(r[2]), r[3]] for r in rows], y))
    print(f"\nlogistic fits of a miss, {', '.join(SHAPE_WRITERS)} pooled ({len(rows)} sentences): language and length, "
          "then with the small-word share\n\n| term | coefficient (SE), Wald p | with small-word share |\n|---|---|---|")
    for i, name in enumerate(("intercept", "no realmt file", "short", "small-word share")):
        said = [f"{f[i][0]:+.2f} ({f[i][1]:.2f}), p {f[i][2]:.3f}" if i < len(f) else "—" for f in fits]
        print(f"| {name} | {said[0]} | {said[1]} |")


def error_class() -> None:
    """The MT sentences with no finding (grammar off) of every probe whose rows carry ``error_class`` ("sense" or
    "structure"), crossed by class and by length (:data:`SHORT_WORDS`): a 2×2 of misses per probe and pooled, Fisher's
    exact test (two-sided) of each factor alone and within each level of the other, the small-word share of each
    cell, and a logistic fit of a miss on class, length and :func:`small_word_share` (session 54: are word-sense
    errors or broken structure what the detector misses, and does length still carry the misses when classes are
    balanced?)."""
    rows = []  # (probe, structure?, short?, small-word share, missed?)
    for d in PROBES:
        for r in read_jsonl(d / "real_mt_probe.jsonl"):
            if "error_class" in r:
                rows.append((d.name, r["error_class"] == "structure", len(r["text"].split()) <= SHORT_WORDS,
                             small_word_share(r["text"]), not findings(r["text"])))
    if not rows:
        print("no probe names its rows' error class: errorclass report skipped")
        return

    print(f"short: {SHORT_WORDS} words or fewer; cells: missed of sentences (mean small-word share)\n")
    print("| probes | sense, short | sense, long | structure, short | structure, long | p class | p length | "
          "p class in short / long | p length in sense / structure |\n|---|---|---|---|---|---|---|---|---|")
    names = sorted({r[0] for r in rows})
    for group_names in tuple((n,) for n in names) + ((tuple(names),) if len(names) > 1 else ()):
        group = [r for r in rows if r[0] in group_names]
        cells = []
        for structure in (False, True):
            for short in (True, False):
                hit = [r for r in group if r[1] == structure and r[2] == short]
                share = sum(r[3] for r in hit) / max(1, len(hit))
                cells.append(f"{sum(r[4] for r in hit)} of {len(hit)} ({share:.2f})")
        within_len = [fisher([r for r in group if r[2] == short], 1) for short in (True, False)]
        within_class = [fisher([r for r in group if r[1] == structure], 2) for structure in (False, True)]
        print(f"| {', '.join(group_names)} | " + " | ".join(cells) + f" | {fisher(group, 1)} | {fisher(group, 2)} | "
              f"{' / '.join(within_len)} | {' / '.join(within_class)} |")
    shares = [[r[3] for r in rows if r[4] == missed] for missed in (True, False)]
    print(f"\nsmall-word share: missed {sum(shares[0]) / max(1, len(shares[0])):.2f} ({len(shares[0])}), "
          f"caught {sum(shares[1]) / max(1, len(shares[1])):.2f} ({len(shares[1])})")
    y = [int(r[4]) for r in rows]
    fits = (logistic_fit([[float(r[1]), float(r[2])] for r in rows], y),
            logistic_fit([[float(r[1]), float(r[2]), r[3]] for r in rows], y))
    print(f"\nlogistic fits of a miss ({len(rows)} sentences): class and length, then with the small-word share\n\n"
          "| term | coefficient (SE), Wald p | with small-word share |\n|---|---|---|")
    for i, name in enumerate(("intercept", "structure", "short", "small-word share")):
        said = [f"{f[i][0]:+.2f} ({f[i][1]:.2f}), p {f[i][2]:.3f}" if i < len(f) else "—" for f in fits]
        print(f"| {name} | {said[0]} | {said[1]} |")


def model_gain(candidate: str, draws: int = 2000) -> None:
    """Each writer's AUC of the detector's raw probability (the model's, for every sentence: one too short for the
    checker to judge too), the shipped model against the ``candidate`` model file, and a paired bootstrap of the gain
    (both models on the same draw of each half; seed 1), per writer and for the last three pooled (session 51:
    session 50's scratch loop made a report)."""
    from eval_realmt import auc

    from mtfix.garble.model import Detector

    models = (Detector.load(), Detector.load(candidate))

    def raw(det: Any, text: str) -> float:
        return 1 / (1 + math.exp(-det.logit(det.analyse(text))[0]))

    rows: dict[str, tuple[list[tuple[float, float]], list[tuple[float, float]]]] = {}
    for d in PROBES:
        half = rows.setdefault(writer_of(d.name), ([], []))
        for file, i in (("real_mt_probe.jsonl", 0), ("clean_news_probe.jsonl", 1)):
            half[i].extend((raw(models[0], r["text"]), raw(models[1], r["text"])) for r in read_jsonl(d / file))
    print(f"candidate {candidate} (digest {models[1].digest[:12]}), shipped {models[0].digest[:12]}\n")
    print("| writers | MT | pro | AUC shipped | AUC candidate | gain (95 % paired bootstrap) | draws with a gain |\n"
          "|---|---|---|---|---|---|---|")
    pools = tuple((w,) for w in ("old",) + tuple(w for w, _ in WRITERS)) + LANGUAGE_POOLS[:1]
    for group in pools:
        mt = [x for w in group for x in rows.get(w, ([], []))[0]]
        pro = [x for w in group for x in rows.get(w, ([], []))[1]]
        if not (mt and pro):
            continue
        score = [auc([-m[k] for m in mt], [-p[k] for p in pro]) for k in (0, 1)]
        rng = random.Random(1)
        gains = []
        for _ in range(draws):
            dm, dp = [rng.choice(mt) for _ in mt], [rng.choice(pro) for _ in pro]
            gains.append(auc([-m[1] for m in dm], [-p[1] for p in dp]) - auc([-m[0] for m in dm], [-p[0] for p in dp]))
        gains.sort()
        lo, hi = gains[int(0.025 * draws)], gains[int(0.975 * draws) - 1]
        print(f"| {', '.join(group)} | {len(mt)} | {len(pro)} | {score[0]:.3f} | {score[1]:.3f} | "
              f"{score[1] - score[0]:+.3f} ({lo:+.3f} to {hi:+.3f}) | {100 * sum(g > 0 for g in gains) / draws:.0f} % |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=6000, help="at most this many sentences a set (parenthetical)")
    ap.add_argument("--report", choices=("classes", "fluent", "parenthetical", "channels", "candidates", "trend", "length",
                                         "misses", "languages", "shape", "errorclass", "gain"),
                    action="append",
                    help="only these reports (repeatable; default all)")
    ap.add_argument("--candidate", help="a detector model file (detector.npz) for the gain report")
    args = ap.parse_args(argv)
    if "gain" in (args.report or []) and not args.candidate:
        ap.error("--report gain needs --candidate PATH (a detector.npz)")
    if args.candidate and not Path(args.candidate).is_file():
        ap.error(f"--candidate {args.candidate}: no such file (a detector.npz)")
    shared = shared_dir(args.shared)
    wanted = args.report or ["classes", "fluent", "parenthetical", "channels", "candidates", "trend", "length", "misses",
                              "languages", "shape", "errorclass"]
    print(f"probes: {', '.join(d.name for d in PROBES)}")
    for name in wanted:
        print(f"\n## {name}")
        {"classes": lambda: classes(shared), "fluent": fluent,
         "parenthetical": lambda: parenthetical(shared, args.limit), "channels": channels, "candidates": lambda: candidates(shared), "trend": trend,
         "length": length, "misses": lambda: misses(shared), "languages": lambda: languages(shared),
         "shape": lambda: shape(shared), "errorclass": error_class,
         "gain": lambda: model_gain(args.candidate)}[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
