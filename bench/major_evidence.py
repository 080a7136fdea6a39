"""Which evidence could make more garbled MT sentences major without a major on professional English?

Session 16 (issue 11).  Two steps:

``collect`` checks every sentence as its own document (grammar off) and writes one JSON line per
sentence: its corpus, source language, words, whether MTF401 may be major there
(:func:`mtfix.garble.checker.may_be_major`), the detector's probability, signs and dense inputs, and
the findings (code, category, severity).  Corpora: realmt **train** (MT, its human corrections, the
professional news) and the four professional sources of ``bench/audit_professional.py`` (MQM zh-en 2020
and TED 2021 references, MLQE-PE dev post-edits, UD EWT dev+test).  realmt dev only with ``--dev``, for
reporting after the choice.  Held-out sets are never read.

``table`` counts, for each candidate evidence combination (:data:`CANDIDATES`), the sentences it would
make major that are not major now: on train MT (with source languages) and on every professional corpus.

    python bench/major_evidence.py collect --out /tmp/evidence.jsonl [--limit N] [--dev]
    python bench/major_evidence.py table --cache /tmp/evidence.jsonl [--markdown] [--dev]
    python bench/major_evidence.py scan --cache /tmp/evidence.jsonl      # one input above every professional
    python bench/major_evidence.py pairs --cache /tmp/evidence.jsonl     # two inputs, each in its tail
    python bench/major_evidence.py combine --cache /tmp/evidence.jsonl   # a second model over all inputs
    python bench/major_evidence.py languagetool --cache /tmp/evidence.jsonl  # the non-word candidate with real LT
    python bench/major_evidence.py grammar --cache /tmp/evidence.jsonl --out /tmp/lt.jsonl  # raisable, with real LT
    python bench/major_evidence.py grammar-table --out /tmp/lt.jsonl  # LanguageTool's grammar-type matches + p

Session 22 added the three own professional sets of ``bench/audit_professional.py`` to the professional columns,
the ``grammar`` pair of commands (LanguageTool's matches by MQM category as evidence) and candidates of sentence
shape (unbalanced quotes, a lower-case or "And"/"But" start, any structural sign above a higher floor).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import shared_dir, sources  # noqa: E402
from eval_data import SHARED_ENV_HINT, require_parts  # noqa: E402
from eval_realmt import read_jsonl  # noqa: E402

#: Professional corpora in the order the table prints them.
PROFESSIONAL = (
    "clean-train",
    "corrections-train",
    "mqm-ref",
    "ted-ref",
    "mlqe-pe",
    "ewt",
    "own-genres",
    "own-institutional",
    "own-more-genres",
)


def _realmt(root: Path, split: str) -> dict[str, Iterator[tuple[str, str]]]:
    mt = read_jsonl(root / "realmt" / f"real_mt_{split}.jsonl")
    clean = read_jsonl(root / "realmt" / f"clean_news_{split}.jsonl")
    return {
        f"mt-{split}": iter([(r["text"], r.get("lang", "?")) for r in mt]),
        f"clean-{split}": iter([(r["text"], "en") for r in clean]),
        f"corrections-{split}": iter([(r["correction"], r.get("lang", "?")) for r in mt if r.get("correction")]),
    }


def record(pipe: Any, text: str) -> dict[str, Any]:
    """What one sentence, checked as its own document, gives the candidates."""
    from mtfix.garble import checker

    findings = pipe.check(text).findings
    row: dict[str, Any] = {
        "words": checker._words(text),
        "may_major": checker.may_be_major(text),
        "findings": [[f.code, f.category, str(f.severity)] for f in findings],
    }
    if checker._eligible(text):
        pred = checker.predict(text)
        row["p"] = pred.probability
        row["signs"] = [s.name for s in pred.analysis.signs]
        row["dense"] = {k: round(v, 4) for k, v in pred.analysis.dense.items()}
    return row


def collect(out: Path, limit: int | None, dev: bool, only: list[str] | None) -> None:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    root = shared_dir()
    corpora: dict[str, Iterator[Any]] = {**_realmt(root, "train")}
    if dev:
        corpora.update(_realmt(root, "dev"))
    corpora.update({k: ((t, "en") for t in v) for k, v in sources(root).items()})
    with Pipeline(Config(grammar="off")) as pipe, out.open("w", encoding="utf-8") as fh:
        for name, items in corpora.items():
            if only and name not in only:
                continue
            for i, (text, lang) in enumerate(items):
                if limit is not None and i >= limit:
                    break
                row = {"corpus": name, "lang": lang, "text": text, **record(pipe, text)}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------------------- candidates


def is_major(r: dict[str, Any]) -> bool:
    return any(sev == "major" or sev == "critical" for _, _, sev in r["findings"])


def minor_401(r: dict[str, Any]) -> bool:
    """An MTF401 minor in a segment where a major is allowed (the candidates only raise those)."""
    return r["may_major"] and any(c == "MTF401" and s == "minor" for c, _, s in r["findings"])


def _codes(r: dict[str, Any]) -> set[str]:
    return {c for c, _, _ in r["findings"]}


def _p(r: dict[str, Any]) -> float:
    return float(r.get("p", 0.0))


def feature(r: dict[str, Any], k: str) -> float:
    """Feature ``k`` of a cached row; a row the detector did not judge (no ``"dense"``, no ``"p"``) reads 0.0, a judged
    row that lacks ``k`` (a cache collected before the feature) fails (:func:`mtfix.garble.model.feature_values`)."""
    from mtfix.garble.model import feature_values

    return feature_values(r["dense"], [k])[0] if "dense" in r else 0.0


STRUCTURAL = ("MTF402", "MTF403", "MTF404", "MTF405", "MTF406", "MTF407", "MTF408")


def _rule_minors(r: dict[str, Any]) -> set[str]:
    return {c for c, _, s in r["findings"] if c.startswith(("MTF1", "MTF2")) and s == "minor"}


_WORD = None


def nonwords(text: str) -> int:
    """Lower-case words no part of which is English (:func:`mtfix.grammar.scoring.is_nonword`, the class of
    LanguageTool's speller that session 15 found on MT and not on professional text), found without
    LanguageTool: what its speller would flag of them is a subset."""
    import regex

    from mtfix.grammar.scoring import is_nonword

    global _WORD
    if _WORD is None:
        _WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{Ll}+(?:-\p{L}+)*(?![\p{L}\p{N}'’-])")
    return sum(is_nonword(m.group(), text[max(0, m.start() - 60) : m.start()]) for m in _WORD.finditer(text))


def candidates() -> dict[str, Callable[[dict[str, Any]], bool]]:
    """Name → predicate on a sentence whose MTF401 is minor where a major is allowed (thresholds of the
    dense inputs near the professional 99th percentile of such sentences: ``scan`` prints them)."""
    c: dict[str, Callable[[dict[str, Any]], bool]] = {}
    for t in (0.50, 0.55, 0.60):
        c[f"p ≥ {t:.2f} (major threshold lowered from 0.641)"] = lambda r, t=t: _p(r) >= t
    for t in (0.35, 0.50):
        c[f"two distinct structural signs (MTF402-408), p ≥ {t:.2f}"] = lambda r, t=t: (
            len({x for x in _codes(r) if x in STRUCTURAL}) >= 2 and _p(r) >= t
        )
    for sign in STRUCTURAL:
        c[f"{sign} + p ≥ 0.50"] = lambda r, s=sign: s in _codes(r) and _p(r) >= 0.50
    for k, t in (
        ("unseen_common_pairs", 0.45),
        ("unknown_lower", 0.08),
        ("capital_midsentence", 1),
        ("tag_surprisal_max", 12.4),
        ("tag_surprisal_top3", 9.8),
        ("tag_surprisal_mean", 4.15),
    ):
        for pt in (0.35, 0.50):
            c[f"{k} ≥ {t} + p ≥ {pt:.2f}"] = lambda r, k=k, t=t, pt=pt: feature(r, k) >= t and _p(r) >= pt
    for pt in (0.35, 0.50):
        c[f"a lexicon non-word (session 15's LT non-word class) + p ≥ {pt:.2f}"] = lambda r, pt=pt: (
            _p(r) >= pt and nonwords(r["text"]) >= 1
        )
    c["two lexicon non-words + p ≥ 0.35"] = lambda r: _p(r) >= 0.35 and nonwords(r["text"]) >= 2
    c["any rule minor (MTF1/2, typing slips included) + p ≥ 0.35"] = lambda r: bool(_rule_minors(r)) and _p(r) >= 0.35
    c["a structural sign + any rule minor + p ≥ 0.35"] = lambda r: (
        bool(_rule_minors(r)) and any(x in STRUCTURAL for x in _codes(r)) and _p(r) >= 0.35
    )
    c["glossary (MTF3xx) + p ≥ 0.45"] = lambda r: any(x.startswith("MTF3") for x in _codes(r)) and _p(r) >= 0.45
    # session 22
    for t in (0.55, 0.60):
        c[f"any structural sign (MTF402-408) + p ≥ {t:.2f}"] = lambda r, t=t: (
            any(x in STRUCTURAL for x in _codes(r)) and _p(r) >= t
        )
    for t in (0.40, 0.50):
        c[f"unbalanced double quotes + p ≥ {t:.2f}"] = lambda r, t=t: unbalanced_quotes(r["text"]) and _p(r) >= t
        c[f"starts with a lower-case letter + p ≥ {t:.2f}"] = lambda r, t=t: lower_start(r["text"]) and _p(r) >= t
        c[f"starts with And or But + p ≥ {t:.2f}"] = lambda r, t=t: (
            r["text"].startswith(("And ", "But ")) and _p(r) >= t
        )
    return c


def unbalanced_quotes(text: str) -> bool:
    """Whether the curly double quotes of ``text`` do not pair up, or its straight ones are odd in number."""
    return text.count("\u201c") != text.count("\u201d") or text.count('"') % 2 == 1


def lower_start(text: str) -> bool:
    """Whether ``text``'s first letter, after opening quotes and brackets, is lower-case."""
    t = text.lstrip("\"\u201c\u2018'(")
    return bool(t) and t[0].islower()


def _langs(rows: list[dict[str, Any]]) -> str:
    n = Counter(r["lang"] for r in rows)
    return ", ".join(f"{k} {v}" if v > 1 else k for k, v in n.most_common())


def table(cache: Path, markdown: bool, show_dev: bool = False, extra: dict[str, Callable] | None = None) -> None:
    rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by.setdefault(r["corpus"], []).append(r)
    cols = [c for c in PROFESSIONAL if c in by]
    dev = [c for c in ("mt-dev", "clean-dev", "corrections-dev") if c in by] if show_dev else []
    print(
        "corpus sizes / majors now:",
        {k: f"{sum(map(is_major, v))}/{len(v)}" for k, v in by.items() if show_dev or "-dev" not in k},
    )
    head = ["candidate", "train MT (langs)", *cols, *dev]
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
    for name, pred in {**candidates(), **(extra or {})}.items():

        def hits(corpus: str, pred: Callable = pred) -> list[dict[str, Any]]:
            return [r for r in by.get(corpus, []) if not is_major(r) and minor_401(r) and pred(r)]

        mt = hits("mt-train")
        cells = [
            f"{len(mt)} ({len({r['lang'] for r in mt})}: {_langs(mt)})",
            *(str(len(hits(c))) for c in cols),
            *(str(len(hits(c))) for c in dev),
        ]
        if markdown:
            print("| " + " | ".join([name, *cells]) + " |")
        else:
            print(f"{name:60s} " + " | ".join(cells))


def scan(cache: Path) -> None:
    """For each dense input (and the probability), the lowest threshold above every professional sentence
    that the candidate would raise (MTF401 minor, no major now, p at or above the floor), and the train MT
    sentences at or above it; then, per rule code (MTF1/MTF2/MTF3/MTF40x), its minor-401 sentences on train
    MT against the professional corpora."""
    rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    cand = [r for r in rows if not is_major(r) and minor_401(r)]
    prof = [r for r in cand if r["corpus"] in PROFESSIONAL]
    mt = [r for r in cand if r["corpus"] == "mt-train"]
    print(f"raisable: train MT {len(mt)}, professional {len(prof)}")
    keys = ["p", *sorted({k for r in cand for k in r.get("dense", {})})]
    for floor in (0.30, 0.40, 0.50):
        print(f"-- p floor {floor:.2f}")
        for k in keys:
            val = (lambda r: _p(r)) if k == "p" else (lambda r, k=k: feature(r, k))
            for sign in (1, -1):
                pro = [sign * val(r) for r in prof if _p(r) >= floor]
                top = max(pro, default=float("-inf"))
                hit = [r for r in mt if _p(r) >= floor and sign * val(r) > top]
                if hit:
                    print(
                        f"  {k:22s} {'>' if sign > 0 else '<'} {sign * top:8.4f}: {len(hit):3d} "
                        f"({len({r['lang'] for r in hit})}: {_langs(hit)})"
                    )
    print("-- per code: train MT raisable with it | professional raisable with it (by corpus)")
    codes = Counter(c for r in cand for c in {c for c, _, _ in r["findings"]} if c != "MTF401")
    for code, _ in codes.most_common():
        m = [r for r in mt if code in _codes(r)]
        p = Counter(r["corpus"] for r in prof if code in _codes(r))
        if m:
            print(f"  {code}: {len(m)} ({len({r['lang'] for r in m})}: {_langs(m)}) | {dict(p)}")


def _matrix(cache: Path) -> tuple[list[str], Any, Any, list[dict[str, Any]]]:
    """The raisable sentences' inputs (the probability and the dense inputs) as a matrix, 1 for train MT and
    0 for professional, and the rows."""
    import numpy as np

    rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    cand = [
        r
        for r in rows
        if not is_major(r) and minor_401(r) and (r["corpus"] == "mt-train" or r["corpus"] in PROFESSIONAL)
    ]
    keys = ["p", *sorted({k for r in cand for k in r.get("dense", {})})]
    x = np.array([[_p(r) if k == "p" else feature(r, k) for k in keys] for r in cand])
    y = np.array([r["corpus"] == "mt-train" for r in cand], dtype=float)
    return keys, x, y, cand


def pairs(cache: Path, top: int = 15) -> None:
    """Every pair of inputs, each above a professional quantile (80, 90, 95, 98 %) in either direction: the
    pairs with the fewest professional sentences for three train MT sentences or more."""
    import itertools

    import numpy as np

    keys, x, y, cand = _matrix(cache)
    langs = np.array([r["lang"] for r in cand])
    pro, mt = x[y == 0], x[y == 1]
    out = []
    for a, b in itertools.combinations(range(len(keys)), 2):
        for sa, sb, qa, qb in itertools.product((1, -1), (1, -1), (0.8, 0.9, 0.95, 0.98), (0.8, 0.9, 0.95, 0.98)):
            ta, tb = np.quantile(sa * pro[:, a], qa), np.quantile(sb * pro[:, b], qb)
            hit = (sa * mt[:, a] > ta) & (sb * mt[:, b] > tb)
            if hit.sum() >= 3:
                n_pro = int(((sa * pro[:, a] > ta) & (sb * pro[:, b] > tb)).sum())
                out.append(
                    (
                        n_pro,
                        -int(hit.sum()),
                        f"{'' if sa > 0 else '-'}{keys[a]} > q{qa} & {'' if sb > 0 else '-'}{keys[b]} > q{qb}",
                        len(set(langs[y == 1][hit])),
                    )
                )
    print(f"raisable: train MT {int(y.sum())}, professional {int((y == 0).sum())}")
    for n_pro, n_mt, name, nl in sorted(out)[:top]:
        print(f"  {name:70s} train MT {-n_mt} ({nl} langs) | professional {n_pro}")


def _fit(z: Any, y: Any, l2: float = 1.0, steps: int = 3000, rate: float = 0.1) -> tuple[Any, float]:
    """A class-balanced logistic regression by gradient descent (numpy only)."""
    import numpy as np

    w, b = np.zeros(z.shape[1]), 0.0
    weight = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        g = (1 / (1 + np.exp(-(z @ w + b))) - y) * weight
        w -= rate * (z.T @ g / len(y) + l2 * w / len(y))
        b -= rate * float(g.mean())
    return w, b


def combine(cache: Path) -> None:
    """A second model over every input of the raisable sentences (train MT against professional): how many
    train MT sentences score above every professional one, and above its 99.9th and 99th percentiles, in
    sample and in 5-fold cross-validation."""
    import numpy as np

    keys, x, y, _ = _matrix(cache)
    z = (x - x.mean(0)) / (x.std(0) + 1e-9)

    def report(name: str, s: Any) -> None:
        pro = s[y == 0]
        print(
            f"{name}: train MT above every professional {int((s[y == 1] > pro.max()).sum())}, above the "
            f"99.9th percentile {int((s[y == 1] > np.quantile(pro, 0.999)).sum())}, above the 99th "
            f"{int((s[y == 1] > np.quantile(pro, 0.99)).sum())} (of {int(y.sum())}; professional {len(pro)})"
        )

    w, b = _fit(z, y)
    report("in sample", z @ w + b)
    print("  heaviest inputs:", ", ".join(f"{keys[i]} {w[i]:+.2f}" for i in np.argsort(-abs(w))[:6]))
    fold = np.random.default_rng(0).integers(0, 5, len(y))
    s = np.zeros(len(y))
    for k in range(5):
        w, b = _fit(z[fold != k], y[fold != k])
        s[fold == k] = z[fold == k] @ w + b
    report("5-fold", s)


def languagetool(cache: Path) -> None:
    """The LanguageTool form of the non-word candidate: the sentences where the lexicon finds a non-word (a
    superset of those where LanguageTool's speller matches one) checked again with the real LanguageTool
    server; counted where its speller matches a non-word (:func:`mtfix.grammar.scoring.kinds`)."""
    from mtfix.config import Config
    from mtfix.grammar.scoring import kinds
    from mtfix.pipeline import Pipeline

    rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    todo = [
        r
        for r in rows
        if not is_major(r)
        and minor_401(r)
        and _p(r) >= 0.35
        and nonwords(r["text"])
        and (r["corpus"] == "mt-train" or r["corpus"] in PROFESSIONAL)
    ]
    print(f"sentences with a lexicon non-word, raisable, p >= 0.35: {len(todo)}")
    hits: dict[float, Counter[str]] = {0.35: Counter(), 0.50: Counter()}
    langs: dict[float, list[dict[str, Any]]] = {0.35: [], 0.50: []}
    with Pipeline(Config(grammar="required")) as pipe:
        for r in todo:
            res = pipe.check(r["text"])
            if any(f.code.startswith("LT:") and "speller:nonword" in kinds(f, res.document.text) for f in res.findings):
                for floor in hits:
                    if _p(r) >= floor:
                        hits[floor][r["corpus"]] += 1
                        if r["corpus"] == "mt-train":
                            langs[floor].append(r)
    for floor, n in hits.items():
        print(
            f"LanguageTool non-word + p >= {floor:.2f}: train MT {n['mt-train']} ({_langs(langs[floor])}) | "
            + " | ".join(f"{c} {n[c]}" for c in PROFESSIONAL)
        )


def grammar(cache: Path, out: Path, floor: float = 0.30, limit: int | None = None) -> None:
    """The raisable sentences at or above ``floor`` (train MT and every professional corpus) checked again
    with the real LanguageTool server; one JSON line each: the corpus, language, probability, text and
    LanguageTool's findings ``[code, MQM category, severity]`` as the pipeline keeps them (after its own
    filters: glossary terms, names, shadowed matches).  ``limit``: at most this many per corpus."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
    todo = [
        r
        for r in rows
        if not is_major(r)
        and minor_401(r)
        and _p(r) >= floor
        and (r["corpus"] == "mt-train" or r["corpus"] in PROFESSIONAL)
    ]
    seen: Counter[str] = Counter()
    with Pipeline(Config(grammar="required")) as pipe, out.open("w", encoding="utf-8") as fh:
        for r in todo:
            if limit is not None and seen[r["corpus"]] >= limit:
                continue
            seen[r["corpus"]] += 1
            lt = [
                [f.code, f.category, str(f.severity)]
                for f in pipe.check(r["text"]).findings
                if f.code.startswith("LT:")
            ]
            fh.write(
                json.dumps(
                    {"corpus": r["corpus"], "lang": r["lang"], "p": _p(r), "text": r["text"], "lt": lt},
                    ensure_ascii=False,
                )
                + "\n"
            )
            fh.flush()
    print("checked:", dict(seen))


#: LanguageTool's findings by the MQM category ``mtfix/grammar/categories.tsv`` gives them: grammar-type (its
#: GRAMMAR, CONFUSED_WORDS and COLLOCATIONS categories), and every class that is neither spelling, punctuation
#: and typography, style, nor a doubled word (Accuracy/Addition: ``ENGLISH_WORD_REPEAT_RULE``, a typing slip).
LT_CLASSES: dict[str, Callable[[list[str]], bool]] = {
    "LanguageTool Fluency/Grammar": lambda f: f[1] == "Fluency/Grammar",
    "LanguageTool Fluency/Grammar but a/an": lambda f: f[1] == "Fluency/Grammar" and f[0] != "LT:EN_A_VS_AN",
    "LanguageTool neither spelling, punctuation, style nor a doubled word": lambda f: (
        f[1] not in ("Fluency/Spelling", "Fluency/Punctuation", "Style/Awkward", "Accuracy/Addition")
    ),
}


def grammar_table(out: Path, floors: tuple[float, ...] = (0.30, 0.35, 0.45, 0.50)) -> None:
    """From :func:`grammar`'s file: per LanguageTool class and probability floor, the raisable sentences it
    would make major on train MT (with languages) and on every professional corpus; then each rule of the
    grammar-type class with its sentences per corpus."""
    rows = [json.loads(line) for line in out.open(encoding="utf-8")]
    cols = [c for c in PROFESSIONAL if any(r["corpus"] == c for r in rows)]
    checked = Counter(r["corpus"] for r in rows)
    print("checked:", ", ".join(f"{c} {checked[c]}" for c in ["mt-train", *cols]))
    print("| candidate | train MT (langs) | " + " | ".join(cols) + " |")
    print("|" + "---|" * (len(cols) + 2))
    for name, cls in LT_CLASSES.items():
        for floor in floors:

            def hits(corpus: str, cls: Callable = cls, floor: float = floor) -> list[dict[str, Any]]:
                return [r for r in rows if r["corpus"] == corpus and r["p"] >= floor and any(map(cls, r["lt"]))]

            mt = hits("mt-train")
            print(
                f"| {name} + p ≥ {floor:.2f} | {len(mt)} ({len({r['lang'] for r in mt})}: {_langs(mt)}) | "
                + " | ".join(str(len(hits(c))) for c in cols)
                + " |"
            )
    rules: dict[str, Counter[str]] = {}
    for r in rows:
        for code in {f[0] for f in r["lt"] if LT_CLASSES["LanguageTool Fluency/Grammar"](f)}:
            rules.setdefault(code, Counter())[r["corpus"]] += 1
    for code, n in sorted(rules.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {code}: " + ", ".join(f"{c} {k}" for c, k in n.most_common()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--out", required=True)
    c.add_argument("--limit", type=int)
    c.add_argument("--dev", action="store_true", help="also realmt dev (report after the choice only)")
    c.add_argument("--only", action="append", help="a corpus to collect (repeatable)")
    t = sub.add_parser("table")
    t.add_argument("--cache", required=True)
    t.add_argument("--markdown", action="store_true")
    t.add_argument("--dev", action="store_true", help="also realmt dev's columns (after the choice only)")
    g = sub.add_parser("grammar")
    g.add_argument("--cache", required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--limit", type=int, help="at most this many sentences per corpus")
    sub.add_parser("grammar-table").add_argument("--out", required=True, help="the file `grammar` wrote")
    for cmd in ("scan", "pairs", "combine", "languagetool"):
        sub.add_parser(cmd).add_argument("--cache", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "collect":
        require_parts(shared_dir(), "realmt", hint=SHARED_ENV_HINT)
        collect(Path(args.out), args.limit, args.dev, args.only)
    elif args.cmd == "grammar":
        grammar(Path(args.cache), Path(args.out), limit=args.limit)
    elif args.cmd == "grammar-table":
        grammar_table(Path(args.out))
    elif args.cmd in ("scan", "pairs", "combine", "languagetool"):
        {"scan": scan, "pairs": pairs, "combine": combine, "languagetool": languagetool}[args.cmd](Path(args.cache))
    else:
        table(Path(args.cache), args.markdown, args.dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
