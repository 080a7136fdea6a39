"""Overfitting audit: where every bundled rule and every entry of its word lists fires.

The project's rule: a rule or list entry written to match one development sentence is tuning,
and data it was not written on shows it.  This script measures, for each rule of the
bundled packs (run unconditionally, as with ``--source-lang``), each garble sign (MTF402–MTF408),
each entry of a word list that can produce or suppress a finding, and each glossary entry, the
number of sentences where it makes a difference, on

- ``dev``: realmt dev MT (79) and clean_news_dev (30), the development files;
- ``train``: realmt train MT (228) and clean_news_train (109), the fitting files;
- ``seed``: the five seed documents (004 is the Azerbaijani MT article mtfix started from);
- ``prof``: professional English of ``bench/audit_professional.py`` (MQM zh-en 2020 and TED
  references, MLQE-PE dev post-edits, UD EWT dev and test);
- ``mt`` (with ``--mt N``, session 19): the first N MLQE-PE dev MT segments of each pair, other
  development MT: a rule or entry that fires on realmt dev and never on train or here is suspect;
- ``probe`` (with ``--probe``, session 30): the project's own held-out-style set, ``bench/data/probe_s30``
  (40 MT-style sentences in the ten realmt languages, 20 fluent ones; written for the probe): an entry
  that fires there fires on text nobody tuned it to.  Kept out of the ``fluent`` and other-MT flags, so
  round 7's flags read as before; shown in columns of its own.

How an entry "fires": a phrase, verb or variant that produces findings counts the sentences with a
finding it produced; an entry of an exception list (``allowed``, homograph and particle lists,
negative look-aheads) counts the sentences whose findings change when the entry is removed
(ablation, run only on the sentences that contain the entry's word).

Flagged: an entry (or rule) that fires on dev and nowhere else (``dev-only``), above all on exactly
one dev sentence (``one-dev``); one that fires only on the seed article (``seed-only``) or on one
train sentence and nothing else (``one-train``); ``specific`` marks a pattern that is a literal of
several words or a word rarer than Zipf 3.5 rather than a general class.  ``--copies`` also lists every line of the
project (code, packs, docs, tests) that shares a 5-gram with realmt text or corrections, 5-grams
that professional English also has ("at the end of the") left out: copying is forbidden.
Two companions (session 15): ``bench/audit_exceptions.py`` audits the exceptions written as code (the
analysis's predicates, the detectors' guards, the corroboration switches), and ``bench/audit_copies.py``
scans every tracked file for 7-word shingles shared with any of the shared data.

    python bench/audit_overfit.py                     # flagged entries and the per-rule table
    python bench/audit_overfit.py --all               # every entry, not only the flagged ones
    python bench/audit_overfit.py --limit 1000 --copies --markdown
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import SHARED_HELP, markdown_rule, shared_root, sources, table_row  # noqa: E402
from eval_data import read_jsonl  # noqa: E402

GROUPS = ("dev", "train", "prof", "seed", "mt", "probe")
#: Signs lists of mtfix.garble.signs (module globals read at call time, in the module that reads them since session 34) and what kind they are.
SIGN_LISTS = ("REPORTING", "OBJECT_PRONOUNS", "SUBJECT_PRONOUNS", "TIME_PLACE_PREPS", "_PAST_FORMS",
              "_THAT_LESS_VERBS", "PARTICLES", "_HAVE", "PAST_HOMOGRAPHS", "_PRESENT_HOMOGRAPHS",
              "TIME_ADVERBS", "_NAMING", "_COORD", "_PREPOSITIONS", "_MIDDLE_ADVERBS")
#: Lists of mtfix.garble.signs that change a dense feature rather than a sign (session 15): what removing an
#: entry changes is the count of capitals read as a lost sentence break (``capital_midsentence``).
FEATURE_LISTS = ("_BEFORE_TITLE", "_LINE_MARKERS")
#: Word lists of rule detectors (module, global).
DETECTOR_LISTS = (("mtfix.rules.detectors.glued", "_NO_PREFIX"), ("mtfix.rules.detectors.coordinated_copies", "_FREE_RELATIVE"),
                  ("mtfix.rules.detectors.coordinated_copies", "_CLAUSE_VERBS"),
                  ("mtfix.rules.detectors.coordinated_copies", "_SINGULAR_VERBS"),
                  ("mtfix.rules.detectors.coordinated_copies", "_WENT_ON_BEFORE"),
                  ("mtfix.rules.detectors.coordinated_copies", "_WENT_ON_AFTER"))
_WORD = re.compile(r"[\w’'-]+")
_ALTERNATION = re.compile(r"(?<![\\\w])(?:[a-z]+(?:\\s\+[a-z]+)*\|)+[a-z]+(?:\\s\+[a-z]+)*(?![\w])")


@dataclasses.dataclass
class Corpus:
    """Sentences by group, each with an id ("dev:az-01", "prof:ewt:17")."""

    texts: dict[str, list[tuple[str, str]]]

    def all(self) -> Iterable[tuple[str, str, str]]:
        for g, rows in self.texts.items():
            for sid, text in rows:
                yield g, sid, text


#: The project's own held-out-style probe set (session 30).
PROBE_DIR = Path(__file__).resolve().parent / "data" / "probe_s30"


def load_corpus(shared: Path, limit: int | None, mt: int = 0, probe: bool = False) -> Corpus:
    realmt = shared / "realmt"
    dev = [(f"dev:{r['id']}", r["text"]) for r in read_jsonl(realmt / "real_mt_dev.jsonl")]
    dev += [(f"dev-pro:{r['id']}", r["text"]) for r in read_jsonl(realmt / "clean_news_dev.jsonl")]
    train = [(f"train:{r['id']}", r["text"]) for r in read_jsonl(realmt / "real_mt_train.jsonl")]
    train += [(f"train-pro:{r['id']}", r["text"]) for r in read_jsonl(realmt / "clean_news_train.jsonl")]
    prof: list[tuple[str, str]] = []
    if (shared / "benchmarks").is_dir():
        for name, texts in sources(shared).items():
            for i, text in enumerate(texts):
                if limit is not None and i >= limit:
                    break
                prof.append((f"prof:{name}:{i}", text))
    seeds = [(f"seed:{p.stem[:3]}", p.read_text(encoding="utf-8")) for p in sorted((shared / "seeds").glob("*.txt"))]
    other: list[tuple[str, str]] = []
    if mt and (shared / "benchmarks").is_dir():
        from eval_data import PAIRS, PESet, load_pe

        other = [(f"mt:{p}:{i}", r["mt"]) for p in PAIRS
                 for i, r in enumerate(load_pe(PESet(p, "dev"), shared / "benchmarks", mt))]
    own: list[tuple[str, str]] = []
    if probe:
        own = [(f"probe:{r['id']}", r["text"]) for r in read_jsonl(PROBE_DIR / "real_mt_probe.jsonl")]
        own += [(f"probe-pro:{r['id']}", r["text"]) for r in read_jsonl(PROBE_DIR / "clean_news_probe.jsonl")]
    return Corpus({"dev": dev, "train": train, "prof": prof, "seed": seeds, "mt": other, "probe": own})


@dataclasses.dataclass
class Row:
    """One rule or entry: where it fires (sentence ids per group)."""

    kind: str  # rule, sign, phrase, alternation, param, signs-list, detector-list, glossary
    owner: str  # rule code or list name
    entry: str
    role: str  # "produces" (findings), "suppresses" (them), "alters" (a fix or span), "-" (fires nowhere)
    hits: dict[str, set[str]] = dataclasses.field(default_factory=lambda: {g: set() for g in GROUPS})
    effects: set[str] = dataclasses.field(default_factory=set)

    def add(self, group: str, sid: str, effect: str) -> None:
        """Record that the entry makes a difference on ``sid``; ``effect``: what removing it does."""
        self.hits[group].add(sid)
        self.effects.add(effect)
        self.role = "/".join(sorted(self.effects))

    def count(self, g: str) -> int:
        return len(self.hits[g])

    def only(self, group: str) -> bool:
        """Fires in ``group`` and in no other (the probe set aside: it has columns of its own)."""
        return self.count(group) > 0 and not any(self.count(g) for g in GROUPS if g not in (group, "probe"))


# -- rules ---------------------------------------------------------------------------------------
def _checker(packs):
    from mtfix.rules.engine import RulesChecker

    return RulesChecker(packs)  # no conditional packs: every rule reports where its pattern matches


def _bundled_packs():
    from mtfix.rules.pack import bundled_pack_paths, load_bundled

    return [load_bundled(n) for n in sorted(bundled_pack_paths())]


def _key(findings) -> frozenset:
    return frozenset((f.code, f.start, f.end, str(f.fix), tuple(e.replacement for e in f.edits)) for f in findings)


def _effect(base: frozenset, new: frozenset) -> str:
    """What an entry does, judged by what its removal changed: fewer findings without it → it produces them."""
    return "produces" if len(new) < len(base) else "suppresses" if len(new) > len(base) else "alters"


class Runner:
    """Documents made once; the bundled rule checker's findings per sentence."""

    def __init__(self, corpus: Corpus):
        from mtfix.segment import to_document

        self.corpus = corpus
        self.docs = {sid: to_document(text) for _, sid, text in corpus.all()}
        self.group = {sid: g for g, sid, _ in corpus.all()}
        self.text = {sid: text for _, sid, text in corpus.all()}
        self.packs = _bundled_packs()
        self.base_checker = _checker(self.packs)
        self.base = {sid: self.base_checker.check(doc) for sid, doc in self.docs.items()}

    def containing(self, word: str) -> list[str]:
        """Ids of the sentences that contain ``word`` (case-insensitive, at word boundaries)."""
        pat = re.compile(r"(?<!\w)" + re.escape(word.lower()) + r"(?!\w)")
        return [sid for sid, t in self.text.items() if pat.search(t.lower())]

    def _changed(self, checker, candidates: list[str]) -> dict[str, str]:
        out = {}
        for sid in candidates:
            base, new = _key(self.base[sid]), _key(checker.check(self.docs[sid]))
            if new != base:
                out[sid] = _effect(base, new)
        return out

    def ablate(self, code: str, change: Callable[[Any], Any], candidates: list[str]) -> dict[str, str]:
        """Ids among ``candidates`` whose findings change when rule ``code`` is replaced by ``change(rule)``,
        each with the effect (:func:`_effect`)."""
        packs = [dataclasses.replace(p, rules=tuple(change(r) if r.code == code else r for r in p.rules))
                 for p in self.packs]
        return self._changed(_checker(packs), candidates)

    def with_global(self, module: Any, name: str, value: Any, candidates: list[str]) -> dict[str, str]:
        old = getattr(module, name)
        setattr(module, name, value)
        try:
            return self._changed(self.base_checker, candidates)
        finally:
            setattr(module, name, old)


def rule_rows(run: Runner) -> list[Row]:
    rows: dict[str, Row] = {}
    for sid, findings in run.base.items():
        for f in findings:
            rows.setdefault(f.code, Row("rule", f.code, "", "produces")).hits[run.group[sid]].add(sid)
    for p in run.packs:
        for r in p.rules:
            rows.setdefault(r.code, Row("rule", r.code, "", "produces"))
    return sorted(rows.values(), key=lambda r: r.owner)


def _entry_word(entry: Any) -> str:
    return entry["match"] if isinstance(entry, dict) else str(entry)


def param_rows(run: Runner) -> list[Row]:
    """Every string list (or list of phrase entries) in a rule's params, by ablation."""
    rows = []
    for p in run.packs:
        for rule in p.rules:
            for key, value in rule.params.items():
                if not isinstance(value, list) or not value:
                    continue
                for i, entry in enumerate(value):
                    word = _entry_word(entry)
                    row = Row("param", f"{rule.code}.{key}", word, "-")
                    cands = run.containing(word) if key != "signals" else list(run.docs)
                    drop = value[:i] + value[i + 1:]

                    def change(r, key=key, drop=drop):
                        return dataclasses.replace(r, params={**r.params, key: drop})

                    for sid, effect in run.ablate(rule.code, change, cands).items():
                        row.add(run.group[sid], sid, effect)
                    rows.append(row)
    return rows


def alternation_rows(run: Runner) -> list[Row]:
    """Each word of a ``a|b|c`` alternation in a rule's pattern (verb lists, exception lists), by ablation."""
    import regex

    rows = []
    for p in run.packs:
        for rule in p.rules:
            if rule.pattern is None:
                continue
            src = rule.pattern.pattern
            for m in _ALTERNATION.finditer(src):
                words = m.group().split("|")
                if len(words) < 3:
                    continue
                for i, w in enumerate(words):
                    rest = words[:i] + words[i + 1:]
                    new_src = src[:m.start()] + "|".join(rest) + src[m.end():]
                    compiled = regex.compile(new_src, flags=rule.pattern.flags)
                    literal = w.replace("\\s+", " ")
                    row = Row("alternation", rule.code, literal, "-")
                    for sid, effect in run.ablate(rule.code, lambda r, c=compiled: dataclasses.replace(r, pattern=c),
                                                  run.containing(literal)).items():
                        row.add(run.group[sid], sid, effect)
                    rows.append(row)
    return rows


def detector_list_rows(run: Runner, lists: Iterable[tuple[str, str]] = DETECTOR_LISTS) -> list[Row]:
    """Each entry of the rule detectors' word ``lists`` ((module, global) pairs), by ablation."""
    import importlib

    rows = []
    for mod_name, name in lists:
        module = importlib.import_module(mod_name)
        values = getattr(module, name)
        for w in sorted(values):
            row = Row("detector-list", f"{mod_name.rsplit('.', 1)[1]}.{name}", w, "-")
            for sid, effect in run.with_global(module, name, frozenset(values - {w}), run.containing(w)).items():
                row.add(run.group[sid], sid, effect)
            rows.append(row)
    return rows


# -- garble signs ----------------------------------------------------------------------------------
def _list_homes(name: str, values: object) -> list[Any]:
    """The modules of the garble signs that hold the list ``name`` (``values``): signs.py and the modules it was
    split into in session 34 (a list is read from its own module's globals, so each holding it is patched)."""
    from mtfix.garble import sign_statistics, sign_views, signs, structural_signs

    return [m for m in (signs, sign_views, structural_signs, sign_statistics) if getattr(m, name, None) is values]


class SignRunner:
    """The structural signs (mtfix.garble.signs) per sentence, with the tagging done once."""

    def __init__(self, run: Runner):
        from mtfix.garble import signs
        from mtfix.garble.tagger import load, tokenize

        self.signs = signs
        tagger = self.tagger = load()
        self.pre: dict[str, tuple] = {}
        for sid, doc in run.docs.items():
            for seg in doc.segments:
                text = doc.text[seg.start:seg.end]
                toks = tokenize(text)
                words = [t.text for t in toks]
                tags = tagger.tag(words) if toks else []
                self.pre[f"{sid}#{seg.start}"] = (toks, tags, text)
        self.group = run.group
        self.base = {k: self._signs(k) for k in self.pre}

    def _signs(self, key: str) -> frozenset:
        toks, tags, text = self.pre[key]
        s = self.signs
        infos = [s.word_info[t.text] for t in toks]
        wordlike = [i for i, g in enumerate(tags) if s.WORDLIKE_TAG[g]]
        return frozenset((x.name, x.start, x.end) for x in s._structural(toks, tags, text, infos, wordlike))

    def sid(self, key: str) -> str:
        return key.split("#", 1)[0]

    def rows(self) -> list[Row]:
        out: dict[str, Row] = {}
        for key, found in self.base.items():
            for name, _, _ in found:
                out.setdefault(name, Row("sign", name, "", "produces")).hits[self.group[self.sid(key)]].add(self.sid(key))
        return sorted(out.values(), key=lambda r: r.owner)

    def _entries(self, names: Iterable[str], kind: str) -> Iterator[tuple[Row, re.Pattern, Any]]:
        """Per entry of each signs list ``names``: its row, the pattern of its word and a context in
        which the list lacks it."""
        for name in names:
            values = getattr(self.signs, name)
            for w in sorted(values):
                yield (Row(kind, f"signs.{name}", w, "-"), re.compile(r"(?<!\w)" + re.escape(w.lower()) + r"(?!\w)"),
                       self._without(name, values, w))

    @contextlib.contextmanager
    def _without(self, name: str, values: frozenset, w: str) -> Iterator[None]:
        homes = _list_homes(name, values)
        for m in homes:
            setattr(m, name, frozenset(values - {w}))
        try:
            yield
        finally:
            for m in homes:
                setattr(m, name, values)

    def list_rows(self, names: Iterable[str] = SIGN_LISTS) -> list[Row]:
        """Each entry of the signs lists ``names``, by ablation; then the feature lists."""
        rows = []
        for row, pat, without in self._entries(names, "signs-list"):
            with without:
                for key, (_, _, text) in self.pre.items():
                    if pat.search(text.lower()) and (new := self._signs(key)) != self.base[key]:
                        row.add(self.group[self.sid(key)], self.sid(key), _effect(self.base[key], new))
            rows.append(row)
        return rows + self._feature_rows()

    def _capitals(self, text: str) -> float:
        from mtfix.garble.model import feature_values

        return feature_values(self.signs.analyse(text, self.tagger).dense, ["capital_midsentence"])[0]

    def _feature_rows(self) -> list[Row]:
        rows = []
        for row, pat, without in self._entries(FEATURE_LISTS, "signs-feature"):
            keys = [k for k, (_, _, text) in self.pre.items() if pat.search(text.lower())]
            base = {k: self._capitals(self.pre[k][2]) for k in keys}
            with without:
                for k in keys:
                    new = self._capitals(self.pre[k][2])
                    if new != base[k]:
                        row.add(self.group[self.sid(k)], self.sid(k), "produces" if new < base[k] else "suppresses")
            rows.append(row)
        return rows


# -- glossaries ------------------------------------------------------------------------------------
def glossary_rows(run: Runner) -> list[Row]:
    """Each bundled glossary entry: sentences with a glossary finding that names the term or one of its forms."""
    from mtfix.config import Config
    from mtfix.glossary.checker import build_checker

    checker = build_checker(Config(grammar="off"), [])
    entries = checker.glossary.entries
    rows = {e.term: Row("glossary", "glossary", e.term, "produces") for e in entries}
    forms: dict[str, str] = {}
    for e in entries:
        for f in (e.term, *e.variants, *getattr(e, "forbidden", ()), *getattr(e, "historical", ())):
            forms.setdefault(f.lower(), e.term)
    for sid, doc in run.docs.items():
        for f in checker.check(doc):
            span = doc.text[f.start:f.end].lower()
            term = forms.get(span) or next((forms[s.lower()] for s in f.suggestions if s.lower() in forms), None)
            if term is None:
                term = next((t for t in rows if t.lower() in f.message.lower()), None)
            row = rows.setdefault(term or f"? {f.code}", Row("glossary", "glossary", term or f"? {f.code}", "produces"))
            row.hits[run.group[sid]].add(sid)
    return list(rows.values())


# -- judgement aids ----------------------------------------------------------------------------------
def specific(entry: str) -> bool:
    """A literal of several words, or a word rarer than Zipf 3.5: specific, not a class."""
    if not entry:
        return False
    if len(entry.split()) > 1:
        return True
    from wordfreq import zipf_frequency

    return zipf_frequency(entry, "en") < 3.5


def flag(row: Row) -> str:
    """``one-dev``/``dev-only`` (the tuning sign), ``seed-only`` (the article mtfix started from),
    ``one-train`` (fitted to one sentence of the fitting data), with ``, specific`` where it applies."""
    if row.only("dev"):
        what = "one-dev" if row.count("dev") == 1 else "dev-only"
    elif row.only("seed"):
        what = "seed-only"
    elif row.only("train") and row.count("train") == 1:
        what = "one-train"
    else:
        return ""
    return what + (", specific" if specific(row.entry) else "")


#: Sources of fluent English that a producing rule or entry must leave alone (session 27, round 7): realmt's
#: professional train sentences, UD English EWT, the fluent seed documents 000–003 (004 is the Azerbaijani MT
#: article) and MQM zh-en 2020's references.
FLUENT_PREFIXES = ("train-pro:", "dev-pro:", "prof:ewt:", "prof:mqm-ref:", "seed:000", "seed:001", "seed:002",
                   "seed:003")
#: Sentences of machine translation outside realmt: MLQE-PE dev MT and the seed MT article.
OTHER_MT_PREFIXES = ("mt:", "seed:004")


def _ids(row: Row) -> set[str]:
    return set().union(*row.hits.values())


def probe_hits(row: Row) -> tuple[set[str], set[str]]:
    """Ids of the probe's MT-style and fluent sentences where ``row`` fires (``--probe``)."""
    return ({s for s in row.hits["probe"] if s.startswith("probe:")},
            {s for s in row.hits["probe"] if s.startswith("probe-pro:")})


def realmt_mt(row: Row, split: str) -> set[str]:
    """Ids of realmt MT sentences (``split`` "dev" or "train") where ``row`` fires."""
    return {s for s in row.hits[split] if s.startswith(f"{split}:")}


def languages(ids: Iterable[str]) -> list[str]:
    """Source languages of realmt ids ("train:az-a01" → "az"), sorted."""
    return sorted({s.split(":", 1)[1].split("-", 1)[0] for s in ids})


def fluent(row: Row) -> set[str]:
    """Ids of the fluent sentences (:data:`FLUENT_PREFIXES`) where ``row`` fires."""
    return {s for s in _ids(row) if s.startswith(FLUENT_PREFIXES)}


def other_mt(row: Row) -> set[str]:
    return {s for s in _ids(row) if s.startswith(OTHER_MT_PREFIXES)}


def flag7(row: Row) -> str:
    """Round 7's flags: ``one-realmt`` (fires on exactly one realmt MT sentence, dev or train, and on no other MT:
    the tuning smell) and ``fluent`` (a rule, or an entry that produces or alters findings, firing on fluent
    text: the precision risk; an exception that suppresses findings on fluent text does its job)."""
    out = []
    if len(realmt_mt(row, "dev") | realmt_mt(row, "train")) == 1 and not other_mt(row):
        out.append("one-realmt")
    if fluent(row) and (row.kind in ("rule", "sign") or "produces" in row.role or "alters" in row.role):
        out.append("fluent")
    return ", ".join(out)


def _grams(text: str, n: int = 5) -> set[tuple[str, ...]]:
    w = [x.lower() for x in _WORD.findall(text)]
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def copies(shared: Path, corpus: Corpus) -> list[tuple[str, int, str, str]]:
    """(file, line, 5-gram, where) for project lines sharing a 5-gram with realmt text or corrections, or
    with a seed document."""
    realmt = shared / "realmt"
    src: dict[tuple[str, ...], str] = {}
    for f in ("real_mt_dev", "real_mt_train", "clean_news_dev", "clean_news_train"):
        for r in read_jsonl(realmt / f"{f}.jsonl"):
            for key in ("text", "correction"):
                for g in _grams(r.get(key) or ""):
                    src.setdefault(g, f"{f}:{r['id']}")
    for sid, text in corpus.texts["seed"]:
        for g in _grams(text):
            src.setdefault(g, sid)
    common: set[tuple[str, ...]] = set()
    for _, text in corpus.texts["prof"]:
        common |= _grams(text) & src.keys()
    out = []
    files = [p for d in ("mtfix", "tests", "docs", "examples", "glossaries", "bench") for p in (REPO / d).rglob("*")
             if p.is_file() and p.suffix in (".py", ".yaml", ".yml", ".md", ".txt", ".json", ".po", ".html")]
    files += [REPO / "README.md"]
    for p in files:
        if p.name == "RESULTS.md":
            continue
        try:
            lines = p.read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, OSError):
            continue
        for ln, line in enumerate(lines, 1):
            for g in sorted(_grams(line) & src.keys() - common):
                out.append((str(p.relative_to(REPO)), ln, " ".join(g), src[g]))
    return out


def _table7(rows: list[Row], markdown: bool, title: str, probe: bool = False) -> None:
    """Round 7's table: realmt train MT (sentences, languages), dev MT, fluent, other MT, both flags; with
    ``probe`` (round 8) also the probe's MT-style and fluent sentences."""
    print(f"\n## {title}\n")
    head = ("kind", "owner", "entry", "role", "train MT", "train langs", "dev MT", "fluent", "other MT", "flag",
            "flag7", "fluent sentences") + (("probe MT", "probe langs", "probe fluent") if probe else ())
    if markdown:
        print(table_row(head, True))
        print(markdown_rule(head))
    for r in rows:
        tr, fl = realmt_mt(r, "train"), fluent(r)
        cells = (r.kind, r.owner, r.entry, r.role, str(len(tr)), " ".join(languages(tr)),
                 str(len(realmt_mt(r, "dev"))), str(len(fl)), str(len(other_mt(r))), flag(r), flag7(r),
                 " ".join(sorted(fl))[:80])
        if probe:
            pm, pf = probe_hits(r)
            cells += (str(len(pm)), " ".join(sorted({s.split(":")[1].split("-")[1] for s in pm})), str(len(pf)))
        print(table_row(cells, markdown))


def _table(rows: list[Row], markdown: bool, title: str) -> None:
    print(f"\n## {title}\n")
    head = ("kind", "owner", "entry", "role", "dev", "train", "prof", "seed", "mt", "flag", "dev sentences")
    if markdown:
        print(table_row(head, True))
        print(markdown_rule(head))
    for r in rows:
        cells = (r.kind, r.owner, r.entry, r.role, str(r.count("dev")), str(r.count("train")), str(r.count("prof")),
                 str(r.count("seed")), str(r.count("mt")), flag(r), " ".join(sorted(r.hits["dev"]))[:80])
        print(table_row(cells, markdown))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=2000, help="at most this many sentences per professional source")
    ap.add_argument("--all", action="store_true", help="print every entry that fires, not only the flagged ones")
    ap.add_argument("--copies", action="store_true", help="list project lines sharing a 5-gram with realmt text")
    ap.add_argument("--markdown", action="store_true", help="Markdown tables")
    ap.add_argument("--mt", type=int, default=0, help="also this many MLQE-PE dev MT segments per pair (group mt)")
    ap.add_argument("--round7", action="store_true",
                    help="round 7's table: realmt train MT by language, dev MT, fluent text, other MT, "
                         "flags one-realmt and fluent")
    ap.add_argument("--probe", action="store_true",
                    help="also the project's own held-out-style set (bench/data/probe_s30; session 30, round 8)")
    args = ap.parse_args(argv)
    root = shared_root(args.shared, "realmt", "audit_overfit")
    corpus = load_corpus(root, args.limit, args.mt, args.probe)
    print("sentences: " + ", ".join(f"{g} {len(v)}" for g, v in corpus.texts.items()))
    run = Runner(corpus)
    signs = SignRunner(run)
    rules = rule_rows(run) + signs.rows()
    entries = (param_rows(run) + alternation_rows(run) + detector_list_rows(run) + signs.list_rows()
               + glossary_rows(run))
    if args.round7:
        _table7(rules, args.markdown, "rules and signs: sentences with a finding (round 7)", args.probe)
        shown = [r for r in entries if (any(r.count(g) for g in GROUPS) if args.all else flag(r) or flag7(r))]
        _table7(shown, args.markdown, "list entries" + ("" if args.all else ": flagged (round 7 flags too)"),
                args.probe)
        print(f"\nround 7: one-realmt {sum('one-realmt' in flag7(r) for r in entries)}, "
              f"fluent {sum('fluent' in flag7(r) for r in entries)} of {len(entries)} entries")
    else:
        _table(rules, args.markdown, "rules and signs: sentences with a finding")
        shown = [r for r in entries if (any(r.count(g) for g in GROUPS) if args.all else flag(r))]
        _table(shown, args.markdown,
               "list entries" + ("" if args.all else ": flagged (dev-only, seed-only or one-train)"))
    silent = defaultdict(int)
    for r in entries:
        if not any(r.count(g) for g in GROUPS):
            silent[r.owner] += 1
    print(f"\nentries audited: {len(entries)}; flagged: {sum(bool(flag(r)) for r in entries)}; "
          f"firing nowhere (by list): {dict(silent)}")
    if args.copies:
        print("\n## project lines sharing a 5-gram with realmt text (not in professional English)\n")
        for path, ln, gram, where in copies(root, corpus):
            print(f"  {path}:{ln}  '{gram}'  ({where})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
