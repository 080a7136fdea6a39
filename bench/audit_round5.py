"""Overfitting audit, round 5 (issue 11): where the rules added since round 4 fire, by source and language.

Round 4 (session 19) audited the code up to en-generic 1.17. Since then en-generic gained MTF124 (a title used
as a common noun), MTF125 (a decade split from its "s"), MTF126 (a spaced hyphen in a prefixed compound or an
age) and MTF127 (spaces inside straight quotes), with guards and word lists written in sessions 20–21, and two
detector reaches: MTF105 across inline formatting and the markup read as blanks before an opener (MTF101's
capital, MTF106/MTF116's words said for emphasis). For each rule this prints the sentences it fires on per
source and per language, and for each guard or list entry the sentences it changes (a raw-regex ablation):

- development sets only: realmt train MT (by source language) and dev MT (reporting, the tuning sign),
  MLQE-PE train and dev MT (by pair), MQM zh-en TED 2021 MT and zh-en 2020 MT; human text beside them
  (realmt corrections and clean news, MLQE-PE post-edits, MQM references). Never MQM 2023, he-en 2023 or
  MLQE-PE test/test21.
- a rule or entry is flagged ``dev-only`` when it fires on realmt dev MT and on no other MT.

    python bench/audit_round5.py                  # the tables (about 5 min, grammar off)
    python bench/audit_round5.py --show 3         # and up to 3 sentences per rule, entry and guard
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import SHARED_HELP, shared_root  # noqa: E402

CODES = ("MTF124", "MTF125", "MTF126", "MTF127", "MTF105", "MTF101")
PAIRS = ("et-en", "ne-en", "ro-en", "ru-en", "si-en")
#: Markup probes: (module, function, kind). ``yield`` counts the sites a generator yields; ``markup`` counts the
#: calls whose answer differs with the markup argument left out.
MARKUP_PROBES = (("mtfix.rules.detectors.doubled_words", "_across_markup", "yield"),
                 ("mtfix.rules.detectors.phrases", "opens_sentence", "markup"),
                 ("mtfix.rules.detectors.deliberate_repeats", "_opens_sentence", "markup"))


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load(root: Path) -> dict[str, list[tuple[str, str]]]:
    """Source name → [(language or pair, text)], each text once per source."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    seen: dict[str, set[str]] = defaultdict(set)

    def add(src: str, lang: str, text: str | None) -> None:
        if text and text not in seen[src]:
            seen[src].add(text)
            out[src].append((lang, text))

    rm = root / "realmt"
    for r in _jsonl(rm / "real_mt_train.jsonl"):
        add("realmt-train-mt", r["lang"], r["text"])
        add("human:realmt-corr", r["lang"], r.get("correction"))
    for r in _jsonl(rm / "real_mt_dev.jsonl"):
        add("realmt-dev-mt", r["lang"], r["text"])
    for name in ("clean_news_train", "clean_news_dev"):
        for r in _jsonl(rm / f"{name}.jsonl"):
            add("human:clean-news", "en", r["text"])
    bm = root / "benchmarks"
    for pair in PAIRS:
        for split, path in (("train", bm / f"mlqe-pe-{pair}-train.jsonl.gz"), ("dev", bm / f"mlqe-pe-{pair}-dev.jsonl")):
            if not path.exists():
                continue
            for r in _jsonl(path):
                add(f"mlqe-{split}-mt", pair, r.get("mt"))
                add("human:mlqe-pe", pair, r.get("pe"))
    for name, path, keep in (("ted2021-mt", bm / "mqm-zh-en-ted2021.jsonl", lambda r: True),
                             ("mqm2020-mt", bm / "mqm-zh-en-2020.jsonl.gz", lambda r: r["target_status"] != "ambiguous")):
        if not path.exists():
            continue
        for r in _jsonl(path):
            if r.get("is_human"):
                add("human:mqm", "zh", r.get("target"))
            elif keep(r):
                add(name, "zh", r.get("target"))
            add("human:mqm", "zh", r.get("reference"))
    return dict(out)


def instrument(hits: dict[str, set[int]], current: list[int]) -> None:
    """Wrap the markup probes so that each records the index of the text being checked when it fires."""
    import importlib

    for module, name, kind in MARKUP_PROBES:
        mod = importlib.import_module(module)
        fn = getattr(mod, name)
        if kind == "yield":
            def wrapped(*a, _fn=fn, _name=name, **kw):
                for hit in _fn(*a, **kw):
                    hits[_name].add(current[0])
                    yield hit
        else:
            def wrapped(*a, _fn=fn, _name=name, **kw):
                got = _fn(*a, **kw)
                markup = kw.get("markup", a[4] if len(a) > 4 else a[3] if len(a) > 3 and _name == "opens_sentence" else ())
                if markup:
                    plain = _fn(*a[: 3 if _name == "opens_sentence" else 4], **{k: v for k, v in kw.items() if k != "markup"})
                    if plain != got:
                        hits[_name].add(current[0])
                return got
        setattr(mod, name, wrapped)


def _pattern(code: str) -> tuple[str, int]:
    """The rule's pattern source as the pack writes it (``params.pattern`` for a detector's, MTF127's since
    en-generic 1.37) and its compile flags."""
    import yaml

    pack = yaml.safe_load((REPO / "mtfix" / "rules" / "packs" / "en-generic.yaml").read_text(encoding="utf-8"))
    rule = next(r for r in pack["rules"] if r["code"] == code)
    flags = regex.VERSION1 | (regex.MULTILINE if "multiline" in (rule.get("flags") or ()) else 0)
    return rule.get("pattern") or rule["params"]["pattern"], flags


def _drop(raw: str, piece: str) -> str:
    assert piece in raw, piece
    return raw.replace(piece, "", 1)


def guards() -> dict[str, tuple[str, regex.Pattern, regex.Pattern]]:
    """Guard or list entry → (code, the rule's pattern, the pattern with the guard or entry left out)."""
    out: dict[str, tuple[str, str, str, int]] = {}
    p124, f124 = _pattern("MTF124")
    head, sep, tail = p124.partition("\n(?:\n  (?:Mr|Mrs|Ms)\\.?")
    assert sep, "MTF124's pattern changed: update the audit"
    bare = "(?x)(?<![\\p{L}\\p{N}_])(?=(?:Mrs|Mr|Ms)\\b)" + sep + tail  # a title as a word, no mention guard
    out["MTF124 mention guards (1.22, all)"] = ("MTF124", p124, bare, f124)
    particles = "and|or|nor|de|da|das|do|dos|du|del|della|dei|degli|der|den|di|van|von|vom|ter|ten|le|la|al|el|bin|ben|ibn|abu|bint|ul|zu|zum|zur|af|av|y|e|van't|mac|st"
    assert particles in p124
    for word in particles.split("|"):
        rest = "|".join(w for w in particles.split("|") if w != word)
        out[f"MTF124 particle {word!r}"] = ("MTF124", p124, p124.replace(particles, rest, 1), f124)
    out["MTF124 elided d'/l' + capital"] = ("MTF124", p124, _drop(p124, "|[dl]['’]\\p{Lu}"), f124)
    p125, f125 = _pattern("MTF125")
    out["MTF125 'the' not a round hundred"] = ("MTF125", p125, p125.replace("(?:1\\d|20)[1-9]", "(?:1\\d|20)\\d", 1), f125)
    out["MTF125 lower-case s only"] = ("MTF125", p125, p125.replace("(?-i:s)", "s", 1), f125)
    out["MTF125 not before & - '"] = ("MTF125", p125, p125.replace("(?![\\p{L}\\p{N}'’&-])", "(?![\\p{L}\\p{N}])", 1), f125)
    p126, f126 = _pattern("MTF126")
    out["MTF126 function-word guard"] = ("MTF126", p126, _drop(p126, "(?!(?:the|a|an|and|or|of|to|in|on|at|this|that|these|those|it|we|you|i|my|our|your)\\b)"), f126)
    p127, f127 = _pattern("MTF127")
    # since session 21 only a single mark, and not after a word that has its possessive ("minister's")
    out["MTF127 ' not after a word in s"] = ("MTF127", p127, _drop(p127, "(?!(?<=(?<!['’]|\\b(?i:wa|i|ha|doe|a|thi|thu|hi|it|u|perhap|alway|wherea|unles))s\\s)')"), f127)
    out["MTF127 not after a number"] = ("MTF127", p127, _drop(p127, "(?<!\\d\\s)"), f127)
    out["MTF127 not a contraction (either mark)"] = ("MTF127", p127, _drop(_drop(p127, "(?!(?:s|t|d|m|ll|re|ve)\\b)"),
                                                                      "(?![ \\t]+(?:s|t|d|m|ll|re|ve)\\b)"), f127)
    return {k: (c, regex.compile(a, f), regex.compile(b, f)) for k, (c, a, b, f) in out.items()}


def entry_of(code: str, text: str, start: int, end: int) -> str:
    """The list entry or branch a finding comes from."""
    if code == "MTF124":
        after = text[end:end + 20]
        return "before a lower-case word" if regex.match(r"\.?[ \t]+\p{Ll}", after) else "closing a clause"
    if code == "MTF125":
        m = regex.search(r"(the|mid-|early|late)[ \t]*\d+$", text[max(0, start - 20):start], regex.I)
        return f"after {m.group(1).lower()!r}" if m else "?"
    if code == "MTF126":
        m = regex.search(r"(\p{L}+)$", text[max(0, start - 12):start])
        return m.group(1).lower() if m else "?"
    if code == "MTF127":
        return f"quote {text[start:start + 1]!r}"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", type=int, default=0, help="print up to N sentences per rule, entry and guard")
    args = ap.parse_args(argv)
    root = shared_root(args.shared, "realmt", "audit_round5")
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    data = load(root)
    current = [0]
    probe_hits: dict[str, set[int]] = defaultdict(set)
    instrument(probe_hits, current)
    pipe = Pipeline(Config(grammar="off", select=CODES))
    texts: list[tuple[str, str, str]] = [(src, lang, t) for src, rows in data.items() for lang, t in rows]
    fired: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))  # key → source → lang → n
    examples: dict[str, list[str]] = defaultdict(list)

    def note(key: str, i: int) -> None:
        src, lang, text = texts[i]
        fired[key][src][lang] += 1
        if len(examples[key]) < args.show and not src.startswith("human"):
            examples[key].append(f"{src}/{lang}: {text[:200]}")

    g = guards()
    for i, (_src, _lang, text) in enumerate(texts):
        current[0] = i
        codes: set[str] = set()
        entries: set[str] = set()
        for f in pipe.check(text).findings:
            codes.add(f.code)
            e = entry_of(f.code, text, f.start, f.end)
            if e:
                entries.add(f"{f.code} {e}")
        for key in codes | entries:
            note(key, i)
        for name, (_code, full, ablated) in g.items():
            a = [m.span() for m in full.finditer(text)]
            b = [m.span() for m in ablated.finditer(text)]
            if a != b:
                note(f"guard: {name}", i)
    for name, idx in probe_hits.items():
        for i in idx:
            note(f"markup: {name}", i)
    sources = list(data)
    mt_sources = [s for s in sources if not s.startswith("human") and s != "realmt-dev-mt"]
    print("sizes: " + ", ".join(f"{s} {len(data[s])}" for s in sources) + "\n")
    print("| rule, entry or guard | " + " | ".join(sources) + " | MT sources (not dev) | languages (MT) | flag |")
    print("|---|" + "---|" * (len(sources) + 3))
    keys = [*CODES, *sorted(k for k in fired if k not in CODES and not k.startswith(("guard", "markup"))),
            *(f"markup: {name}" for _, name, _ in MARKUP_PROBES), *sorted(k for k in fired if k.startswith("guard")),
            *(f"guard: {n}" for n in g if f"guard: {n}" not in fired)]
    for key in keys:
        row = fired.get(key, {})
        cells = [str(sum(row.get(s, Counter()).values())) for s in sources]
        other = [s for s in mt_sources if row.get(s)]
        langs = sorted({lang for s in [*mt_sources, "realmt-dev-mt"] for lang in row.get(s, ())})
        flag = "dev-only" if row.get("realmt-dev-mt") and not other else ("none" if not any(row.values()) else "")
        print(f"| {key} | " + " | ".join(cells) + f" | {len(other)} | {' '.join(langs) or '-'} | {flag} |")
    print("\nper language (MT sources):")
    for key in keys:
        row = fired.get(key, {})
        parts = [f"{s} " + " ".join(f"{lang}:{n}" for lang, n in sorted(row[s].items())) for s in sources if row.get(s)]
        if parts:
            print(f"  {key}: " + "; ".join(parts))
    if args.show:
        for key in keys:
            for ex in examples.get(key, []):
                print(f"  [{key}] {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
