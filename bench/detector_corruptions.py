"""The garble detector's synthetic data (``bench/train_detector.py``): the corruption operators, each modelled on
an error class of real MT into English, and the rows a training run fits (:func:`build_dataset`: realmt train,
MLQE-PE train, MQM 2020/TED, fluent sentences and their corruptions), plus the corruptions of realmt train's own
fluent sentences for ``--cv`` candidates (:func:`realmt_synth`)."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.detector_class_ops import CLASS_OPERATORS, CLASS_SEED_OFFSET, class_rows  # noqa: E402
from bench.detector_recipe import SEED  # noqa: E402
from bench.eval_data import read_jsonl  # noqa: E402
from mtfix.garble import conllu  # noqa: E402
from mtfix.garble import signs as gsigns  # noqa: E402
from mtfix.garble import tagger as gtagger  # noqa: E402

Tok = tuple[str, str]  # (word, tag)


def _detok(words: list[str]) -> str:
    out = ""
    for w in words:
        if not out:
            out = w
        elif w in (",", ".", ";", ":", "!", "?", ")", "'s", "n't", "%") or w.startswith("'") or out.endswith(("(", "$")):
            out += w
        else:
            out += " " + w
    return out


def op_verb_final(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Source-language (SOV) order: the main verb moved to the end ("... on Monday spoke.")."""
    idx = [i for i, (_, g) in enumerate(t) if g in ("VBD", "VBZ", "VBP") and 0 < i < len(t) - 3]
    if not idx:
        return None
    i = idx[0]
    end = len(t) - 1 if t[-1][1] == "." else len(t)
    rest = t[:i] + t[i + 1 : end]
    return [*rest, t[i], *t[end:]]


def op_splice(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Two finite clauses spliced without a conjunction (comma splice or nothing)."""
    other = ctx["pick"]()
    if not other or t[-1][1] != ".":
        return None
    glue = [(",", ",")] if rng.random() < 0.6 else []
    o = list(other)
    o[0] = (o[0][0].lower() if o[0][1] not in ("NNP", "NNPS") else o[0][0], o[0][1])
    return [*t[:-1], *glue, *o]


def op_dup_reporting(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """A reporting verb duplicated ("He stated that ..., he said.")."""
    if t[-1][1] != ".":
        return None
    pron = rng.choice(["he", "she", "they", "it"])
    verb = rng.choice(["said", "noted", "stated", "added", "stressed"])
    if not any(w.lower() in gsigns.REPORTING for w, _ in t):
        t = [(rng.choice(["He", "She", "The minister"]), "PRP"), ("noted", "VBD"), ("that", "IN"),
             (t[0][0].lower() if t[0][1] not in ("NNP", "NNPS") else t[0][0], t[0][1]), *t[1:]]
    return [*t[:-1], (",", ","), (pron, "PRP"), (verb, "VBD"), t[-1]]


def op_wrong_sense(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Content words replaced by other words of the same tag (wrong sense, calque)."""
    idx = [i for i, (_, g) in enumerate(t) if g in ("NN", "NNS", "JJ", "VB", "VBD", "VBN")]
    if len(idx) < 2:
        return None
    out = list(t)
    for i in rng.sample(idx, max(1, len(idx) // 4)):
        out[i] = (rng.choice(ctx["by_tag"][t[i][1]]), t[i][1])
    return out


def op_drop_articles(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Articles dropped (source languages without articles)."""
    out = [x for x in t if x[0].lower() not in ("the", "a", "an") or rng.random() < 0.2]
    return out if len(out) < len(t) else None


def op_case_role(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """A pronoun in the wrong case role (object pronoun as subject and back)."""
    swap = {"he": "him", "she": "her", "they": "them", "we": "us", "him": "he", "them": "they"}
    idx = [i for i, (w, _) in enumerate(t) if w.lower() in swap]
    if not idx:
        return None
    out = list(t)
    i = rng.choice(idx)
    w = swap[t[i][0].lower()]
    out[i] = (w.capitalize() if t[i][0][0].isupper() else w, "PRP")
    return out


def op_postposition(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """A preposition moved after its noun phrase (postposition order)."""
    for i in range(len(t) - 2):
        if t[i][1] == "IN" and t[i + 1][1] in ("NNP", "NN", "NNS", "CD", "DT", "PRP"):
            j = i + 1
            while j < len(t) and t[j][1] in ("NNP", "NNPS", "NN", "NNS", "CD", "DT", "JJ", "PRP"):
                j += 1
            return [*t[:i], *t[i + 1 : j], t[i], *t[j:]]
    return None


def op_swap(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Local scrambling: two adjacent words exchanged, twice."""
    if len(t) < 6:
        return None
    out = list(t)
    for _ in range(2):
        i = rng.randrange(1, len(out) - 2)
        out[i], out[i + 1] = out[i + 1], out[i]
    return out


def op_preposition(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """A wrong preposition (the source language's case or postposition, translated literally)."""
    preps = ["in", "on", "at", "to", "for", "with", "by", "from", "of", "about", "into", "under"]
    idx = [i for i, (w, g) in enumerate(t) if g == "IN" and w.lower() in preps]
    if not idx:
        return None
    out = list(t)
    i = rng.choice(idx)
    out[i] = (rng.choice([p for p in preps if p != t[i][0].lower()]), "IN")
    return out


def op_drop_verb(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """The finite verb lost (a verbless clause)."""
    idx = [i for i, (_, g) in enumerate(t) if g in ("VBD", "VBZ", "VBP", "MD")]
    if not idx:
        return None
    i = rng.choice(idx)
    return t[:i] + t[i + 1 :]


def op_other_script(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """A source word left untranslated, in its own script."""
    words = ["хокимият", "вилоят", "шәһәр", "ქალაქი", "քաղաք", "استان", "مجلس", "рада", "әкімдік"]
    out = list(t)
    idx = [i for i, (_, g) in enumerate(t) if g in ("NN", "NNS")]
    if not idx:
        return None
    i = rng.choice(idx)
    out[i] = (rng.choice(words), "NN")
    return out


#: Noun-phrase frames a calque puts before an object ("the issues of") or instead of a preposition ("within the
#: framework of"): nominal style of the source language, kept word for word (session 27; realmt train: "issue of",
#: "framework of", "direction of", "sphere of" in 9 MT sentences of six languages, in none of their corrections).
CALQUE_OBJECT = (("the", "issues", "of"), ("the", "issue", "of"), ("the", "process", "of"), ("the", "sphere", "of"))


CALQUE_PLACE = (("within", "the", "framework", "of"), ("in", "the", "direction", "of"), ("in", "the", "sphere", "of"))


_CALQUE_TAGS = {"the": "DT", "of": "IN", "within": "IN", "in": "IN", "issues": "NNS"}


_NP_START = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$"})


def op_calque_np(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Noun-phrase calque (class calque_idiom): a nominal frame of the source language before a noun phrase, after
    a verb ("discussed the budget" -> "discussed the issues of the budget") or instead of its preposition ("on
    the reform" -> "within the framework of the reform")."""
    spots = [i for i in range(1, len(t)) if t[i][1] in _NP_START
             and (t[i - 1][1].startswith("VB") or (t[i - 1][1] == "IN" and t[i - 1][0].lower() in ("in", "on", "about", "for", "under")))]
    if not spots:
        return None
    i = rng.choice(spots)
    place = t[i - 1][1] == "IN"
    frame = rng.choice(CALQUE_PLACE if place else CALQUE_OBJECT)
    toks = [(w, _CALQUE_TAGS.get(w, "NN")) for w in frame]
    if place and t[i - 1][0][:1].isupper():
        toks[0] = (toks[0][0].capitalize(), toks[0][1])
    return [*t[: i - 1], *toks, *t[i:]] if place else [*t[:i], *toks, *t[i:]]


def op_capital_common(t: list[Tok], rng: random.Random, ctx: dict) -> list[Tok] | None:
    """Common nouns capitalised in mid-sentence (class midsentence_capital): the source's capitalised institution
    and event words carried over ("held a meeting on water supply" -> "held a Meeting on Water Supply").  Not the
    first two words ("The agency": a name may open a sentence so)."""
    idx = [i for i, (w, g) in enumerate(t) if i > 1 and g in ("NN", "NNS") and w[:1].islower() and w.isalpha()]
    if not idx:
        return None
    out = list(t)
    for i in rng.sample(idx, min(len(idx), rng.randint(1, 3))):
        out[i] = (t[i][0].capitalize(), t[i][1])
        if t[i - 1][1] == "JJ" and t[i - 1][0][:1].islower():
            out[i - 1] = (t[i - 1][0].capitalize(), "JJ")
    return out


OPERATORS: dict[str, Callable] = {
    "verb_final": op_verb_final, "splice": op_splice, "dup_reporting": op_dup_reporting,
    "wrong_sense": op_wrong_sense, "drop_articles": op_drop_articles, "case_role": op_case_role,
    "postposition": op_postposition, "swap": op_swap, "preposition": op_preposition,
    "drop_verb": op_drop_verb, "other_script": op_other_script,
}


#: Relative frequency of each operator (roughly the shares of the error classes in real MT).
OP_WEIGHTS = {"verb_final": 3, "splice": 3, "dup_reporting": 1, "wrong_sense": 3, "drop_articles": 2,
              "case_role": 1, "postposition": 1, "swap": 2, "preposition": 2, "drop_verb": 2, "other_script": 0.3}


#: Operators only the "realmt_synth_new" group draws (session 27): not in OPERATORS, so the rows of
#: :func:`build_dataset` (and the shipped model's random stream) are unchanged.
NEW_OPERATORS: dict[str, Callable] = {"calque_np": op_calque_np, "capital_common": op_capital_common}


NEW_OP_WEIGHTS = {"calque_np": 2, "capital_common": 1}


def ewt_texts(path: Path) -> list[str]:
    return list(conllu.texts(path))


def seed_sentences(shared: Path) -> list[str]:
    from mtfix.segment import split_segments

    out = []
    for p in sorted((shared / "seeds").glob("00[0-3]_*.txt")):
        text = p.read_text(encoding="utf-8")
        out += [text[s.start : s.end] for s in split_segments(text)]
    return [s for s in out if len(s.split()) >= 5]


def build_dataset(shared: Path, tagger: gtagger.Tagger, rng: random.Random, args) -> tuple[list, dict]:
    """(text, label, group) rows and a record of what went in."""
    rows: list[tuple[str, int, str]] = []
    record: dict = {}
    # real MT vs professional news (fitting only)
    for r in read_jsonl(shared / "realmt" / "real_mt_train.jsonl"):
        rows.append((r["text"], 1, "realmt"))
        rows.append((r["correction"], 0, "realmt_corr"))
    for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl"):
        rows.append((r["text"], 0, "realmt"))
    # MLQE-PE train
    bench = shared / "benchmarks"
    pe_pool: list[str] = []
    for pair in ("et", "ne", "ro", "ru", "si"):
        recs = read_jsonl(bench / f"mlqe-pe-{pair}-en-train.jsonl.gz")
        rng.shuffle(recs)
        pos = [r for r in recs if r["hter"] is not None and r["hter"] >= 0.3][: args.mlqe_per_pair]
        neg = [r for r in recs if r["hter"] is not None and r["hter"] <= 0.05][: args.mlqe_per_pair // 2]
        rows += [(r["mt"], 1, "mlqe") for r in pos]
        rows += [(r["pe"], 0, "mlqe") for r in pos[: args.mlqe_per_pair // 2]]
        rows += [(r["mt"], 0, "mlqe") for r in neg]
        pe_pool += [r["pe"] for r in recs[: args.mlqe_per_pair]]
    # MQM dev sets: MT with a major error vs references
    ref_pool: list[str] = []
    for name in ("mqm-zh-en-2020.jsonl.gz", "mqm-zh-en-ted2021.jsonl"):
        recs = [r for r in read_jsonl(bench / name) if not r.get("is_human") and r.get("target_status") != "ambiguous"]
        rng.shuffle(recs)
        pos = [r for r in recs if r["mqm_score"] >= 5][: args.mqm_per_set]
        neg = [r for r in recs if r["mqm_score"] == 0][: args.mqm_per_set // 2]
        rows += [(r["target"], 1, "mqm") for r in pos]
        rows += [(r["target"], 0, "mqm") for r in neg]
        refs = list(dict.fromkeys(r["reference"] for r in recs if r.get("reference")))
        rows += [(t, 0, "mqm") for t in refs[: args.mqm_per_set // 2]]
        ref_pool += refs[args.mqm_per_set // 2 : args.mqm_per_set]
    # fluent sentences and their corruptions
    ewt = [t for t in ewt_texts(shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu") if len(t.split()) >= 8]
    rng.shuffle(ewt)
    seeds = seed_sentences(shared)
    fluent = ewt[: args.synthetic] + pe_pool[: args.synthetic // 2] + ref_pool[: args.synthetic // 2] + seeds
    rows += [(t, 0, "fluent") for t in fluent]
    tagged = []
    for t in fluent:
        toks = gtagger.tokenize(t)
        words = [x.text for x in toks]
        tagged.append(list(zip(words, tagger.tag(words), strict=True)))
    by_tag: dict[str, list[str]] = {}
    for sent in tagged:
        for w, g in sent:
            if w.isalpha():
                by_tag.setdefault(g, []).append(w.lower() if g not in ("NNP", "NNPS") else w)
    ctx = {"by_tag": by_tag, "pick": lambda: tagged[rng.randrange(len(tagged))]}
    names = list(OPERATORS)
    weights = [OP_WEIGHTS[n] for n in names]
    used: dict[str, int] = dict.fromkeys(names, 0)
    for sent in tagged:
        if len(sent) < 6:
            continue
        k = 1 if rng.random() < 0.6 else 2
        out = sent
        applied = []
        for name in rng.choices(names, weights, k=k):
            new = OPERATORS[name](out, rng, ctx)
            if new is not None and new != out:
                out, applied = new, [*applied, name]
        if applied:
            for name in applied:
                used[name] += 1
            rows.append((_detok([w for w, _ in out]), 1, "synthetic"))
    # session 50: the article-less and verb-final-clause corruptions of the fluent EWT, post-edit and reference
    # sentences (not the seeds), by a stream of their own; built only when given a share
    if getattr(args, "class_ops_share", 0.0) > 0:
        extra, counts = class_rows(tagged[: len(fluent) - len(seeds)], SEED + CLASS_SEED_OFFSET, _detok,
                                   tuple(getattr(args, "class_ops", None) or ()), getattr(args, "class_ops_pairs", False))
        rows += extra
        record["class_operators"] = {n: {"doc": CLASS_OPERATORS[n].__doc__, "applied": counts[n]} for n in counts}
    # the EWT train sentences left out of "fluent" (web text: reviews, answers, e-mail, blogs): fluent, a share of
    # their own (0 for the shipped model: built for ``--cv`` candidates only)
    rows += [(t, 0, "ewt_extra") for t in ewt[args.synthetic:]]
    record["operators"] = {n: {"doc": OPERATORS[n].__doc__, "weight": OP_WEIGHTS[n], "applied": used[n]} for n in names}
    groups: dict[str, list[int]] = {}
    for _, y, g in rows:
        groups.setdefault(g, [0, 0])[y] += 1
    record["rows"] = {g: {"fluent": c[0], "garbled": c[1]} for g, c in sorted(groups.items())}
    return rows, record


#: Local operators: they change a word or two in place and leave no structural sign (MTF402-MTF408) behind.
LOCAL_OPERATORS = ("wrong_sense", "drop_articles", "case_role", "swap", "preposition", "calque_np", "capital_common")


#: Groups of corruptions of realmt train's own fluent sentences (session 27) and the operators each draws, built only
#: for ``--cv`` candidates that give them a share: the eleven operators; the eleven and :data:`NEW_OPERATORS`; the
#: local ones only.
REALMT_SYNTH: dict[str, tuple[str, ...]] = {
    "realmt_synth": tuple(OPERATORS), "realmt_synth_new": (*OPERATORS, *NEW_OPERATORS),
    "realmt_synth_local": LOCAL_OPERATORS, "realmt_synth_corr": tuple(OPERATORS)}


#: The fluent rows a group corrupts, where not both the corrections and the professional news.
REALMT_SYNTH_SOURCES = {"realmt_synth_corr": ("realmt_corr",)}


REALMT_SYNTH_SEED = SEED + 27


REALMT_SYNTH_COPIES = 2


def _tag_text(text: str, tagger) -> list[Tok]:
    words = [x.text for x in gtagger.tokenize(text)]
    return list(zip(words, tagger.tag(words), strict=True))


def _spacing(text: str) -> dict[tuple[str, str], bool]:
    """Each pair of adjacent tokens of ``text`` -> whether a space separates them there."""
    toks = gtagger.tokenize(text)
    return {(a.text, b.text): b.start > a.end for a, b in zip(toks, toks[1:], strict=False)}


def detok_like(words: list[str], text: str) -> str:
    """``words`` joined as in ``text`` where two of them were adjacent there (with or without a space), elsewhere
    by :func:`_detok`'s rule: a corruption differs from its fluent twin by the error, not by spacing ("“Baku”",
    not "“ Baku ”").

    >>> detok_like(["Baku", "“", "hosted", "”", "a", "forum", "."], "A forum “hosted” Baku.")
    'Baku “hosted” a forum.'
    """
    gap = _spacing(text)
    out = words[0] if words else ""
    for a, b in zip(words, words[1:], strict=False):
        spaced = gap.get((a, b))
        if spaced is None:
            spaced = _detok([a, b]) != a + b
        out += (" " if spaced else "") + b
    return out


def realmt_synth(rows: list, fold: np.ndarray, tagger, group: str = "realmt_synth", names: tuple[str, ...] = (),
                 seed: int = REALMT_SYNTH_SEED, copies: int = REALMT_SYNTH_COPIES) -> tuple[list, list[int], dict]:
    """Corruptions of realmt train's fluent rows (MT corrections, ``realmt_corr``; professional news, ``realmt``
    label 0; :data:`REALMT_SYNTH_SOURCES` may name one of them) by the operators ``names`` (default :data:`OPERATORS`): ``copies`` tries per sentence, 1-2
    operators each, by their own ``random.Random(seed)``.  Returns the rows ``(text, 1, group)``, each row's
    origin (the index in ``rows`` of the sentence it corrupts: :func:`language_folds` puts it in its origin's
    fold, so a fold's corruptions are left out of that fold's fit) and the operators' counts.  Fold-clean: a
    splice's second clause and a replaced word come from fluent rows of the origin's ``fold`` only."""
    rng = random.Random(seed)
    names = list(names or OPERATORS)
    ops = {**OPERATORS, **NEW_OPERATORS}
    weights = [{**OP_WEIGHTS, **NEW_OP_WEIGHTS}[n] for n in names]
    sources = REALMT_SYNTH_SOURCES.get(group, ("realmt", "realmt_corr"))
    origin = [i for i, (_, y, g) in enumerate(rows) if y == 0 and g in sources]
    if any(fold[i] < 0 for i in origin):
        raise ValueError("realmt_synth: a realmt sentence without a fold")
    tagged = {i: _tag_text(rows[i][0], tagger) for i in origin}
    ctx: dict[int, dict] = {}
    for k in sorted({int(fold[i]) for i in origin}):
        pool = [tagged[i] for i in origin if fold[i] == k]
        by_tag: dict[str, list[str]] = {}
        for sent in pool:
            for w, g in sent:
                if w.isalpha():
                    by_tag.setdefault(g, []).append(w.lower() if g not in ("NNP", "NNPS") else w)
        ctx[k] = {"by_tag": by_tag, "pick": lambda pool=pool: pool[rng.randrange(len(pool))]}
    out, src, used = [], [], dict.fromkeys(names, 0)
    for _ in range(copies):
        for i in origin:
            sent = tagged[i]
            if len(sent) < 6:
                continue
            cur, applied = sent, []
            for name in rng.choices(names, weights, k=1 if rng.random() < 0.6 else 2):
                new = ops[name](cur, rng, ctx[int(fold[i])])
                if new is not None and new != cur:
                    cur, applied = new, [*applied, name]
            text = detok_like([w for w, _ in cur], rows[i][0])
            if applied and text != rows[i][0]:
                for name in applied:
                    used[name] += 1
                out.append((text, 1, group))
                src.append(i)
    return out, src, used
