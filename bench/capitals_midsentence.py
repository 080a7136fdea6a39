"""How often MT and fluent English capitalise a word in mid-sentence, by word class (session 34, issue 11).

A capital counts when the word is in title case ("Without", "Prices"), stands after a lower-case word of the
same sentence (or, for the closed class, after a comma or semicolon) and before a lower-case word, outside a
quotation, in a sentence that is not a headline in title case.  So sentence starts, words after a colon, a dash,
a bracket or a quotation mark, list items, acronyms ("OSCE"), brand names with inner capitals and runs of
capitals (names, titles of works) are outside the count by construction; "the Ministry of Economy" counts
"Ministry" (after "the") and nothing else.

Classes, from the word's lower case and the lists and models the project ships (not from the data):

- ``mtf104``: a word MTF104 already flags (its ``after_any`` and ``after_lower`` lists);
- ``closed``: any other word of the closed classes :data:`mtfix.garble.signs.FUNCTION_WORDS` and
  ``_PREPOSITIONS`` (prepositions, conjunctions, determiners, pronouns, auxiliaries, closed adverbs);
  ``closed-comma``: the same after a comma or semicolon ("the meeting, Since");
- ``prep``, ``prep-comma``: of those, a word of four letters or more the shipped tagger reads, lower-cased in
  its sentence, as a preposition or subordinator (IN: "Without", "Since", "Because");
  ``prep-in-capitals``: such a word next to a capital (the one place the two counts above leave out, where
  titles and names are: "Gone With the Wind", "Centres Without …");
- ``content``: an everyday word (Zipf ≥ 3, :func:`mtfix.text.lexicon.is_common`) that the tagger reads as a noun,
  verb or adjective once lower-cased; ``content-noname``: of those, one the tagger, reading the capital in
  context, does not take for a name (NNP) either; ``verb``: of the content words, one read as a verb;
- ``other``: the rest (names, rare words).

Groups (fitting data only): realmt train MT (``mt``, by source language) and professional (``pro``), UD EWT (all
splits), MQM zh-en 2020 references and MT, MLQE-PE dev post-edits and MT, seeds 000–003.  ``--dev``: realmt dev
only (read after the decision rule was written).  Columns are sentences with at least one capital of the class.

    python bench/capitals_midsentence.py            # the table by group and class, and the decision rule
    python bench/capitals_midsentence.py --words    # and the words of each class, by group and MT language
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import SHARED_HELP, read_jsonl, require_shared, shared_dir  # noqa: E402

from mtfix.garble import conllu  # noqa: E402
from mtfix.garble import tagger as tagger_mod  # noqa: E402
from mtfix.garble.signs import _PREPOSITIONS, FUNCTION_WORDS  # noqa: E402
from mtfix.text.lexicon import is_common  # noqa: E402

Tag = Callable[[Sequence[str]], list[str]]
CLASSES = ("mtf104", "closed", "closed-comma", "prep", "prep-comma", "prep-in-capitals", "content",
           "content-noname", "verb", "other")
#: Fluent groups (the decision rule's denominator) and MT groups.
FLUENT = ("pro", "ewt", "mqm-ref", "mlqe-pe", "seeds")
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "«", "»", "„", "`", "'", "``", "''"})
_CONTENT_TAGS = ("NN", "VB", "JJ")
_PACK = Path(__file__).resolve().parents[1] / "mtfix" / "rules" / "packs" / "en-generic.yaml"


@lru_cache(maxsize=1)
def mtf104_words() -> frozenset[str]:
    """The lower case of the words MTF104 flags (its ``after_any`` and ``after_lower`` params)."""
    from mtfix.rules.pack import load_pack_file

    p = next(r for r in load_pack_file(_PACK).rules if r.code == "MTF104").params
    return frozenset(w.lower() for w in [*p["after_any"], *p["after_lower"]])


def _closed(low: str) -> bool:
    return low in FUNCTION_WORDS or low in _PREPOSITIONS


def _sentences_of(text: str) -> list[str]:
    from mtfix.segment import to_document

    return [text[s.start:s.end] for s in to_document(text).segments]


def _ewt(root: Path) -> Iterator[str]:
    for path in sorted(root.glob("*.conllu")):
        yield from conllu.texts(path)


def groups(shared: Path, dev: bool = False) -> dict[str, list[tuple[str, str]]]:
    """(id, sentence) by group; MT ids open with their source language ("az-a01", "et-mt:3")."""
    from eval_data import MQM_SETS, PAIRS, PESet, load_mqm, load_pe

    realmt = shared / "realmt"
    split = "dev" if dev else "train"
    out = {"mt": [(r["id"], r["text"]) for r in read_jsonl(realmt / f"real_mt_{split}.jsonl")],
           "pro": [(r["id"], r["text"]) for r in read_jsonl(realmt / f"clean_news_{split}.jsonl")]}
    if dev:
        return out
    bench = shared / "benchmarks"
    mqm = load_mqm(MQM_SETS[0], bench)  # zh-en 2020: fitting data
    pe = {p: load_pe(PESet(p, "dev"), bench) for p in PAIRS}
    out["ewt"] = [(f"ewt:{i}", t) for i, t in enumerate(_ewt(shared / "corpora" / "ud-english-ewt"))]
    out["mqm-ref"] = [(f"mqm:{i}", t) for i, t in enumerate(dict.fromkeys(r["reference"] for r in mqm
                                                                          if r.get("reference")))]
    out["mlqe-pe"] = [(f"pe:{p}:{i}", r["pe"]) for p, rows in pe.items() for i, r in enumerate(rows)]
    out["mlqe-mt"] = [(f"{p[:2]}-mt:{i}", r["mt"]) for p, rows in pe.items() for i, r in enumerate(rows)]
    out["mqm-mt"] = [(f"zh-mqm:{i}", t) for i, t in enumerate(dict.fromkeys(r["target"] for r in mqm))]
    seeds: list[tuple[str, str]] = []
    for p in sorted((shared / "seeds").glob("00[0-3]_*.txt")):
        seeds += [(f"seed:{p.stem[:3]}:{i}", s) for i, s in enumerate(_sentences_of(p.read_text(encoding="utf-8")))]
    out["seeds"] = seeds
    return out


def _title_case(words: Sequence[str]) -> bool:
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= 4 and 5 * sum(w[:1].islower() for w in alpha) <= len(alpha)


def _preposition(words: Sequence[str], i: int, tag: Tag) -> bool:
    """Whether the tagger reads the word at ``i``, lower-cased in its sentence, as a preposition or
    subordinator (IN), four letters or more ("Without", "Since"; "If", "As" are too short to tell)."""
    return len(words[i]) >= 4 and tag([*words[:i], words[i].lower(), *words[i + 1:]])[i] == "IN"


def _titled(w: str) -> bool:
    return len(w) >= 2 and w.isalpha() and w[0].isupper() and w[1:].islower()


def capitals(text: str, tag: Tag) -> list[tuple[str, str]]:
    """(word, class) of each counted capital of one sentence (a word may be in two classes: ``prep`` is
    part of ``closed``)."""
    words = [t.text for t in tagger_mod.tokenize(text)]
    if len(words) < 3 or _title_case(words):
        return []
    mtf104 = mtf104_words()
    out: list[tuple[str, str]] = []
    quotes = 0
    lowered: list[str] | None = None
    tags: list[str] | None = None
    for i, w in enumerate(words):
        quotes += w in _QUOTES
        if i == 0 or i + 1 >= len(words) or quotes % 2 or not _titled(w):
            continue
        prev, nxt, low = words[i - 1], words[i + 1], w.lower()
        after_lower = prev.isalpha() and prev.islower()
        in_prose = (after_lower or prev in (",", ";")) and nxt[:1].islower()
        if not in_prose:
            if (prev[:1].isalpha() or prev == ",") and _closed(low) and low not in mtf104 \
                    and _preposition(words, i, tag):
                out.append((w, "prep-in-capitals"))
            continue
        if not after_lower:  # after a comma or semicolon: the closed class only
            if low not in mtf104 and _closed(low):
                out.append((w, "closed-comma"))
                if _preposition(words, i, tag):
                    out.append((w, "prep-comma"))
        elif low in mtf104:
            out.append((w, "mtf104"))
        elif _closed(low):
            out.append((w, "closed"))
            if _preposition(words, i, tag):
                out.append((w, "prep"))
        elif is_common(low):
            if lowered is None:
                lowered = tag([x.lower() if j else x for j, x in enumerate(words)])
            if not lowered[i].startswith(_CONTENT_TAGS):
                out.append((w, "other"))
                continue
            if tags is None:
                tags = tag(words)
            out.append((w, "content" if tags[i] in ("NNP", "NNPS") else "content-noname"))
            if lowered[i].startswith("VB"):
                out.append((w, "verb"))
        else:
            out.append((w, "other"))
    return out


def passes(mt_langs: set[str], mt_sentences: int, fluent_hits: int, fluent_n: int) -> bool:
    """The decision rule, written before dev was read: at least 3 realmt train MT sentences from at least 3
    source languages, and at most 1 fluent sentence in 5,000."""
    return mt_sentences >= 3 and len(mt_langs) >= 3 and fluent_hits * 5000 <= fluent_n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--words", action="store_true", help="list the words of each class, by group")
    ap.add_argument("--dev", action="store_true", help="realmt dev instead of the fitting data")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    require_shared(shared, "realmt", "capitals_midsentence")
    tag = tagger_mod.load().tag
    by_group = groups(shared, args.dev)
    hits: dict[str, Counter[str]] = {}
    words: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    langs: dict[str, set[str]] = defaultdict(set)  # class → realmt MT languages
    print("| group | sentences | " + " | ".join(CLASSES) + " |")
    print("|---|---:|" + "---:|" * len(CLASSES))
    for g, rows in by_group.items():
        hit: Counter[str] = Counter()
        for sid, text in rows:
            found = capitals(text, tag)
            hit.update({c for _, c in found})
            for w, c in found:
                words[c][w][g] += 1
                if g == "mt":
                    langs[c].add(re.split(r"[-_]", sid)[0])
        hits[g] = hit
        print(f"| {g} | {len(rows)} | " + " | ".join(str(hit[c]) for c in CLASSES) + " |")
    if not args.dev:
        fluent_n = sum(len(by_group[g]) for g in FLUENT)
        print(f"\ndecision rule (≥ 3 realmt train MT sentences in ≥ 3 languages; ≤ 1 in 5,000 of {fluent_n:,} fluent):")
        for c in CLASSES[1:-1]:
            fl = sum(hits[g][c] for g in FLUENT)
            ok = passes(langs[c], hits["mt"][c], fl, fluent_n)
            print(f"  {c}: MT {hits['mt'][c]} in {len(langs[c])} languages, fluent {fl} "
                  f"(1 in {fluent_n // fl if fl else '∞'}): {'passes' if ok else 'fails'}")
    if args.words:
        for c in CLASSES[1:-1]:
            print(f"\n{c}:")
            for w, cnt in sorted(words[c].items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:40]:
                print(f"  {w}: " + ", ".join(f"{g}={n}" for g, n in cnt.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
