"""MTF409's measurement (session 34): how many sentences the untranslated-word test in Latin letters
(bench/untranslated_latin_rule.py) finds in realmt train's ``untranslated_token`` sentences, in its other MT
sentences and in fluent English, at several n-gram log-odds floors.

Fitting data only: realmt train (MT and clean news), UD EWT (all splits), MQM zh-en 2020 references,
MLQE-PE dev post-edits, seeds 000-003.  ``--dev`` adds realmt dev (read once, for reporting).

    python bench/untranslated_latin.py                 # the tables and the verdict, ~10 s
    python bench/untranslated_latin.py --words         # and the words found per corpus
    python bench/untranslated_latin.py --identifiers   # and lingua, langid, two dictionaries (if installed)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import PE_SETS, SHARED_HELP, data_dir, load_pe, read_jsonl, require_parts, shared_dir  # noqa: E402

FLOORS = (-1000.0, 0.0, 2.0, 4.0, 6.0, 8.0)
CEILINGS = (2.0, 1.0)  # English knows a word from this Zipf on (1.0: any word of wordfreq's large list)
#: The decision rule, written before dev was read: adopt a setting only if it finds at least MIN_FOUND of realmt
#: train's untranslated_token sentences and at most one fluent sentence in FLUENT_PER (every fluent corpus
#: but the MLQE-PE post-edits, reported apart: their editors keep Nepali and Sinhala culture words as
#: they are), and none in the seeds or the clean news.
MIN_FOUND = 3
FLUENT_PER = 5000
TARGET = "train untranslated_token"
FLUENT = ("train corrections", "clean_news train", "UD EWT all", "MQM zh-en 2020 refs", "seeds 000-003")
ZERO = ("clean_news train", "seeds 000-003")


def _realmt(root: Path, name: str) -> list[dict]:
    path = root / "realmt" / name
    return read_jsonl(path) if path.exists() else []


def _ewt(root: Path) -> list[str]:
    from mtfix.garble import conllu

    out = []
    for path in sorted((root / "corpora" / "ud-english-ewt").glob("en_ewt-ud-*.conllu")):  # all three splits
        out += conllu.texts(path)
    return out


def _mqm_refs(bench: Path) -> list[str]:
    path = bench / "mqm-zh-en-2020.jsonl.gz"
    if not path.exists():
        return []
    seen: dict[str, None] = {}
    for r in read_jsonl(path):
        t = " ".join(str(r.get("reference") or "").split())
        if t:
            seen[t] = None
    return list(seen)


def _pe_dev(bench: Path) -> list[str]:
    out = []
    for ps in PE_SETS:
        if ps.split == "dev" and (bench / ps.file).exists():
            out += [r["pe"] for r in load_pe(ps, bench)]
    return out


def _seeds(root: Path) -> list[str]:
    from mtfix.segment import to_document

    out = []
    for path in sorted((root / "seeds").glob("00[0-3]_*.txt")):
        doc = to_document(path.read_text(encoding="utf-8"))
        out += [doc.text[s.start : s.end] for s in doc.segments]
    return out


def corpora(root: Path, bench: Path, dev: bool) -> dict[str, list[str]]:
    """Corpus name → sentences."""
    train = _realmt(root, "real_mt_train.jsonl")
    out = {
        "train untranslated_token": [r["text"] for r in train if "untranslated_token" in r["artifacts"]],
        "train other MT": [r["text"] for r in train if "untranslated_token" not in r["artifacts"]],
        "train corrections": [r["correction"] for r in train],
        "clean_news train": [r["text"] for r in _realmt(root, "clean_news_train.jsonl")],
        "UD EWT all": _ewt(root),
        "MQM zh-en 2020 refs": _mqm_refs(bench),
        "MLQE-PE dev post-edits": _pe_dev(bench),
        "seeds 000-003": _seeds(root),
    }
    if dev:
        d = _realmt(root, "real_mt_dev.jsonl")
        out["dev untranslated_token"] = [r["text"] for r in d if "untranslated_token" in r["artifacts"]]
        out["dev other MT"] = [r["text"] for r in d if "untranslated_token" not in r["artifacts"]]
        out["clean_news dev"] = [r["text"] for r in _realmt(root, "clean_news_dev.jsonl")]
    return out


def measure(texts: Iterable[str], max_en: float) -> list[list[tuple[str, float]]]:
    """Per sentence: its candidate words with their log-odds."""
    from untranslated_latin_rule import candidates, foreign_logodds

    return [[(w, foreign_logodds(w)) for _, _, w in candidates(t, max_en)] for t in texts]


def verdict(counts: dict[str, dict[str, int]], sizes: dict[str, int], floor: str) -> tuple[bool, str]:
    """Whether the decision rule holds at ``floor`` (a key of the counts), and the figures it read."""
    found = counts[TARGET][floor]
    fluent = sum(counts[c][floor] for c in FLUENT if c in counts)
    n = sum(sizes[c] for c in FLUENT if c in sizes)
    zero = sum(counts[c][floor] for c in ZERO if c in counts)
    ok = found >= MIN_FOUND and fluent * FLUENT_PER <= n and zero == 0
    return ok, f"found {found}/{sizes[TARGET]}, fluent {fluent}/{n} (1 in {n // fluent if fluent else 'none'}), seeds+clean {zero}"


def identifiers(texts: dict[str, list[str]]) -> None:
    """In place of the n-gram model, the word-level tests of packages (when importable; none is a dependency):
    lingua-language-detector (P(English) < 0.05 over all its languages), langid (not "en"), and two larger
    English dictionaries (pyspellchecker's and english-words' web2+gcide lists: the word is not in it).
    Sentences with a candidate word (Zipf ceiling 2) that the test calls not English."""
    from untranslated_latin_rule import candidates

    tests: dict[str, Callable[[str], bool]] = {}
    try:
        from lingua import Language, LanguageDetectorBuilder

        det = LanguageDetectorBuilder.from_all_languages().build()
        tests["lingua P(en) < 0.05"] = lambda w: det.compute_language_confidence(w, Language.ENGLISH) < 0.05
    except ImportError:
        print("lingua-language-detector is not installed: left out")
    try:
        import langid

        tests["langid not en"] = lambda w: langid.classify(w)[0] != "en"
    except ImportError:
        print("langid is not installed: left out")
    try:
        from spellchecker import SpellChecker

        sc = SpellChecker()
        tests["not in pyspellchecker"] = lambda w: w not in sc
    except ImportError:
        print("pyspellchecker is not installed: left out")
    try:
        from english_words import get_english_words_set

        web = get_english_words_set(["web2", "gcide"], lower=True, alpha=True)
        tests["not in english-words"] = lambda w: w not in web
    except ImportError:
        print("english-words is not installed: left out")
    if not tests:
        return
    print("\n| corpus | sentences | candidates | " + " | ".join(tests) + " |")
    print("|---|---|---|" + "---|" * len(tests))
    for name, sents in texts.items():
        words = [[w for _, _, w in candidates(t)] for t in sents]
        row = [sum(any(test(w) for w in ws) for ws in words) for test in tests.values()]
        print(f"| {name} | {len(sents)} | {sum(map(bool, words))} | " + " | ".join(map(str, row)) + " |")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--dev", action="store_true", help="also realmt dev (for reporting only)")
    ap.add_argument("--words", action="store_true", help="list the words found per corpus")
    ap.add_argument("--json", metavar="FILE", help="write the counts as JSON")
    ap.add_argument("--identifiers", action="store_true",
                    help="also language identifiers and larger dictionaries in place of the n-gram model (if installed)")
    args = ap.parse_args(argv)
    root = require_parts(shared_dir(args.shared), "realmt/real_mt_train.jsonl")
    bench = data_dir(str(root / "benchmarks")) if args.shared else data_dir()
    texts = corpora(root, bench, args.dev)
    if not texts[TARGET]:
        print(f"no realmt train data under {root}: nothing to measure")
        return 0
    sizes = {name: len(t) for name, t in texts.items()}
    out: dict[str, dict] = {}
    adopted = False
    for ceiling in CEILINGS:
        print(f"\nEnglish knows a word from Zipf {ceiling:g}; sentences with a word found:\n")
        print("| corpus | sentences | " + " | ".join("all candidates" if f < -999 else f"log-odds ≥ {f:g}" for f in FLOORS) + " |")
        print("|---|---|" + "---|" * len(FLOORS))
        counts: dict[str, dict[str, int]] = {}
        for name, sents in texts.items():
            found = measure(sents, ceiling)
            counts[name] = {str(f): sum(any(lo >= f for _, lo in ws) for ws in found) for f in FLOORS}
            print(f"| {name} | {len(sents)} | " + " | ".join(map(str, counts[name].values())) + " |")
            if args.words:
                words = sorted({(round(lo, 1), w) for ws in found for w, lo in ws}, reverse=True)
                print("    " + ", ".join(f"{w} {lo}" for lo, w in words))
        print()
        for f in FLOORS:
            ok, why = verdict(counts, sizes, str(f))
            adopted |= ok
            print(f"ceiling {ceiling:g}, log-odds floor {f:g}: {'PASSES' if ok else 'fails'} the rule ({why})")
        out[str(ceiling)] = counts
    print(f"\ndecision rule (>= {MIN_FOUND} of {TARGET}, <= 1 fluent in {FLUENT_PER}, none in seeds/clean news):",
          "some setting passes" if adopted else "NO setting passes: NOT adopted")
    if args.identifiers:
        identifiers(texts)
    if args.json:
        Path(args.json).write_text(json.dumps({"sizes": sizes, "counts": out}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
