"""Session 34: numbers written in the source language's format (issue 11, realmt's ``number_format``), counted
on fitting data.

Each sub-class is a regular expression over the English text. It is counted on

* MT of the fitting sets, by source language: realmt **train** MT, MLQE-PE train and dev MT (et, ne, ro, ru, si),
  MQM zh-en 2020 MT and MQM zh-en TED 2021 MT;
* the human counterpart of each MT hit (the MLQE-PE post-edit, the MQM reference, the realmt correction): the
  hit is *kept* when its matched string is still in the human text, else *changed*; *dot form* counts the
  changed hits whose human text has the English form of the number (``2,5`` → ``2.5``, ``1.500`` → ``1,500``);
* fluent English: UD EWT (all splits), MQM zh-en 2020 references, MLQE-PE dev post-edits, realmt
  ``clean_news_train`` and seeds 000–003.

No realmt dev file, no MQM 2023, he-en 2023 or MLQE-PE test/test21 file is read.

    python bench/number_format_s34.py               # the table (markdown)
    python bench/number_format_s34.py --show N2     # and each MT hit of a sub-class, with its human text
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from eval_data import MQM_SETS, PAIRS, SHARED_HELP, PESet, load_mqm, load_pe, read_jsonl, require_shared, shared_dir  # noqa: E402

_UNIT = r"(?:%|[ \t]?(?:per[ \t]?cent|percent|million|billion|trillion)\b)"
_NUM_START = r"(?<![A-Za-z0-9.,])"

#: code → (description, pattern); the pattern's whole match is what the human counterpart is searched for.
SUBCLASSES: dict[str, tuple[str, re.Pattern[str]]] = {
    "N1": ("decimal comma before a unit (2,5 million / 3,7 per cent / 4,2%)",
           re.compile(_NUM_START + r"\d{1,3},\d{1,2}(?![\d,])" + _UNIT)),
    "N2": ("decimal comma, other (1-2 digits after the comma, no unit)",
           re.compile(_NUM_START + r"\d+,\d{1,2}(?![\d,])(?!" + _UNIT + ")")),
    "N3": ("full stop thousands, two groups or more (1.500.000)",
           re.compile(_NUM_START + r"\d{1,3}(?:\.\d{3}){2,}(?![\d])(?!\.\d)")),
    "N4": ("full stop thousands, one group (1.500 people)",
           re.compile(_NUM_START + r"\d{1,3}\.\d{3}(?![\d])(?!\.\d)")),
    "N5": ("space thousands (12 000 tonnes)",
           re.compile(_NUM_START + r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d|\d)")),
    "N6": ("per cent sign before the number (%15)",
           re.compile(r"(?<![A-Za-z0-9])%[ \t]?\d")),
    "N7": ("currency sign after the amount (100 $ / 100€)",
           re.compile(_NUM_START + r"\d[\d.,]*[ \t]?[€$£¥₽](?![ \t]?\d)")),
    "N8": ("date with full stops (12.05.2019 / 3.4.21)",
           re.compile(_NUM_START + r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d])")),
    # N9 and N10 were added after reading realmt train's seven `number_format` sentences (the rule was fixed before)
    "N9": ("an amount split at its separator into two sentences (412 billion. 300 million)",
           re.compile(_NUM_START + r"\d[\d.,]*[ \t](?:trillion|billion|million|thousand)\.[ \t]\d{1,3}[ \t](?:billion|million|thousand)\b")),
    "N10": ("a range whose end lost its tens (16 to 7 years for 16 or 17), not after \"from\"",
            re.compile(r"(?<!from )(?<![\d.,])\d+(?P<a>\d)[ \t]to[ \t](?P<b>[1-9])(?![\d.,])")),
}


def _hit(code: str, m: re.Match[str]) -> bool:
    """Whether a match counts (N10: the range's end digit is above the last digit of its start)."""
    return code != "N10" or int(m.group("b")) > int(m.group("a"))


def matches(code: str, text: str) -> list[str]:
    """The hits of sub-class ``code`` in ``text``."""
    return [m.group(0) for m in SUBCLASSES[code][1].finditer(text) if _hit(code, m)]


def _english_form(code: str, hit: str) -> str | None:
    """The English writing of a hit of N1–N5 (None for the others)."""
    if code in ("N1", "N2"):
        return re.sub(r"(\d),(\d)", r"\1.\2", hit)
    if code in ("N3", "N4"):
        return hit.replace(".", ",")
    if code == "N5":
        return re.sub(r"[ \u00a0\u202f]", ",", hit)
    return None


def _ewt(root: Path) -> Iterator[str]:
    from mtfix.garble import conllu

    for path in sorted((root / "corpora" / "ud-english-ewt").glob("*.conllu")):
        yield from conllu.texts(path)


def fluent(root: Path) -> dict[str, list[str]]:
    """Fluent English by source name."""
    bm = root / "benchmarks"
    out: dict[str, list[str]] = {"UD EWT": list(_ewt(root))}
    refs: dict[str, None] = {}
    for rec in read_jsonl(bm / "mqm-zh-en-2020.jsonl.gz"):
        if rec.get("reference"):
            refs[" ".join(rec["reference"].split())] = None
    out["MQM 2020 refs"] = list(refs)
    out["MLQE-PE dev PE"] = [r["pe"] for p in PAIRS for r in load_pe(PESet(p, "dev"), bm)]
    out["clean_news train"] = [r["text"] for r in read_jsonl(root / "realmt" / "clean_news_train.jsonl")]
    seeds = []
    for path in sorted((root / "seeds").glob("00[0-3]_*.txt")):
        seeds.extend(ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip())
    out["seeds 000-003 (lines)"] = seeds
    return out


def mt_pairs(root: Path) -> Iterator[tuple[str, str, str, str]]:
    """(set, source language, MT, human counterpart) of every fitting MT segment."""
    bm = root / "benchmarks"
    for r in read_jsonl(root / "realmt" / "real_mt_train.jsonl"):
        yield "realmt train", r["lang"], r["text"], r.get("correction") or ""
    for p in PAIRS:
        for split in ("train", "dev"):
            path = bm / (f"mlqe-pe-{p}-{split}.jsonl" + (".gz" if split == "train" else ""))
            for r in read_jsonl(path):
                if r.get("pe") is not None:
                    yield f"MLQE-PE {split}", p[:2], r["mt"], r["pe"]
    for mset in MQM_SETS[:2]:  # zh-en 2020 and TED 2021 (development sets)
        seen: set[str] = set()
        for r in load_mqm(mset, bm):
            t = r["target"]
            if t in seen:
                continue
            seen.add(t)
            yield mset.name, "zh", t, r.get("reference") or ""


_NATIVE = ("UD EWT", "MQM 2020 refs", "clean_news train", "seeds 000-003 (lines)")
#: the fluent sets in which a single hit fails the verdict's part (c)
_STRICT = ("clean_news train", "seeds 000-003 (lines)")


def verdict(langs: int, kept: int, changed: int, fluent_hits: int, n_fluent: int, strict_hits: int) -> str:
    """The session's rule, fixed before counting the hits: (a) MT from >= 3 source languages, (b) the human changed
    it in more than half of its MT segments, (c) <= 1 per 10,000 fluent sentences and none in seeds 000-003 or
    clean_news train. Returns the failed parts ("a, c") or "adopt"."""
    failed = []
    if langs < 3:
        failed.append("a")
    if changed <= kept:
        failed.append("b")
    if fluent_hits * 10000 > n_fluent or strict_hits:
        failed.append("c")
    return ", ".join(failed) if failed else "adopt"


#: a class's hits in a text: (code, text) -> matched strings
Match = Callable[[str, str], list[str]]


@dataclass
class Counts:
    """Each class's hits: on MT by source language, kept or changed by the human text; on fluent English by source."""

    segments: Counter[str] = field(default_factory=Counter)  # MT segments by set
    hits: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    kept: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    fluent_hits: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def count(root: Path, flu: dict[str, list[str]], codes: Iterable[str], match: Match, show: Collection[str],
          on_changed: Callable[[str, list[str], str], None] | None = None,
          on_fluent: Callable[[str, str, str, str], None] | None = None) -> Counts:
    """Count each class of ``codes`` on :func:`mt_pairs` (printing the MT hits of a class in ``show``), then on the
    fluent sentences ``flu``. ``on_changed(code, hits, human)`` sees each MT segment the human changed,
    ``on_fluent(code, source, sentence, first hit)`` each fluent sentence hit."""
    codes = list(codes)
    counts = Counts()
    for name, lang, mt, human in mt_pairs(root):
        counts.segments[name] += 1
        for code in codes:
            ms = match(code, mt)
            if not ms:
                continue
            counts.hits[code][lang] += 1
            if all(m in human for m in ms):
                counts.kept[code] += 1
            else:
                counts.changed[code] += 1
                if on_changed is not None:
                    on_changed(code, ms, human)
            if code in show:
                print(f"{code} [{name} {lang}] MT: {mt}\n     human: {human}\n")
    for src, sents in flu.items():
        for s in sents:
            for code in codes:
                ms = match(code, s)
                if ms:
                    counts.fluent_hits[code][src] += 1
                    if on_fluent is not None:
                        on_fluent(code, src, s, ms[0])
    return counts


def print_table(counts: Counts, flu: dict[str, list[str]], classes: dict[str, tuple[str, re.Pattern[str]]],
                head: str, native: Iterable[str], strict: Iterable[str], total_note: str = "",
                kept_note: Callable[[str], str] = lambda code: "") -> None:
    """The sizes of the sets, then one Markdown row per class under ``head`` (the header row): MT hits by source
    language, kept / changed (and ``kept_note(code)``), fluent hits, ``native`` hits and :func:`verdict`."""
    n_flu = sum(len(v) for v in flu.values())
    print("MT segments: " + ", ".join(f"{k} {v:,}" for k, v in counts.segments.items()))
    print("fluent sentences: " + ", ".join(f"{k} {len(v):,}" for k, v in flu.items())
          + f" (total {n_flu:,}{total_note})\n")
    print(head)
    print("|---|---|---|---|---|---|---|")
    hits, flu_hits = counts.hits, counts.fluent_hits
    for code, (desc, _) in classes.items():
        by_lang = ", ".join(f"{lg} {n}" for lg, n in sorted(hits[code].items(), key=lambda x: -x[1]))
        total = sum(hits[code].values())
        fl = sum(flu_hits[code].values())
        where = ", ".join(f"{k} {v}" for k, v in flu_hits[code].items())
        kept, changed = counts.kept[code], counts.changed[code]
        print(f"| {code} {desc} | {total} ({by_lang or '-'}) | {len(hits[code])} | {kept} / {changed}"
              f"{kept_note(code)} | {fl} ({10000 * fl / n_flu:.1f}){'; ' + where if where else ''} "
              f"| {sum(flu_hits[code][k] for k in native)} "
              f"| {verdict(len(hits[code]), kept, changed, fl, n_flu, sum(flu_hits[code][k] for k in strict))} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", action="append", default=[], help="print each MT hit of this sub-class")
    args = ap.parse_args(argv)
    root = shared_dir(args.shared)
    require_shared(root, "realmt/real_mt_train.jsonl", "number_format_s34")

    english: Counter[str] = Counter()
    flu_show: dict[str, list[str]] = defaultdict(list)

    def english_form_kept(code: str, ms: list[str], human: str) -> None:
        eng = [_english_form(code, m) for m in ms]
        if any(e and e in human for e in eng):
            english[code] += 1

    def keep_fluent_hit(code: str, src: str, s: str, hit: str) -> None:
        at = s.index(hit)
        flu_show[code].append(f"{src}: …{s[max(0, at - 30):at + len(hit) + 30]}…")

    flu = fluent(root)
    counts = count(root, flu, SUBCLASSES, matches, args.show, english_form_kept, keep_fluent_hit)
    n_native = sum(len(flu[k]) for k in _NATIVE)
    print_table(counts, flu, SUBCLASSES,
                "| sub-class | MT segments (by source language) | languages | human kept / changed (English form) "
                "| fluent hits (per 10,000) | native hits | rule fails |", _NATIVE, _STRICT,
                f"; native English without the post-edits {n_native:,}", lambda code: f" ({english[code]})")
    for code in args.show:
        print(f"\nfluent hits of {code}:")
        for line in flu_show[code]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
