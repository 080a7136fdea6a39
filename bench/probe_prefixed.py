"""What :func:`mtfix.text.lexicon.prefixed_stem` accepts: English coinages ("overmix") or words of other languages.

Two measures (session 17):

- **in the detector**: every word the garble detector reads as a prefix and an English word (an unknown
  lower-case word of six letters or more that ``prefixed_stem`` splits) in realmt train and dev MT,
  clean_news train, and MLQE-PE dev post-edits and MT (five pairs); each is listed;
- **in word lists**: of the lower-case words of other Latin-script languages' wordfreq lists (Zipf ≥ 2,
  six letters or more, starting with a prefix, no English word), how many ``prefixed_stem`` accepts
  (each one a foreign word the detector would no longer count as untranslated), with examples; and of
  the rare English words of that shape (Zipf below 3), how many it accepts (coinages it keeps), of all and
  of those the detector's word counts lack (the only ones it asks about).

    python bench/probe_prefixed.py
    python bench/probe_prefixed.py --examples 20

Held-out files (MLQE-PE test/test21) are never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.eval_data import SHARED_HELP, read_jsonl, require_parts, shared_dir  # noqa: E402

#: Latin-script languages wordfreq ships a list for (no Azerbaijani, Uzbek or Kazakh: Turkish stands nearest).
LANGS = ("tr", "pt", "es", "it", "fr", "de", "nl", "pl", "ro", "id", "ms", "fi", "sv", "da", "nb", "cs", "sk",
         "sl", "sh", "hu", "lt", "lv", "ca", "fil", "is")


def detector_words(shared: Path) -> dict[str, Counter[str]]:
    """source → Counter of "word (stem)" that the detector read through ``prefixed_stem``."""
    import mtfix.garble.sign_statistics as statistics  # where the detector calls prefixed_stem
    from mtfix.garble.checker import predict

    seen: dict[str, Counter[str]] = {}
    current: list[Counter[str]] = [Counter()]
    original = statistics._prefixed_stem

    def spy(word: str) -> str | None:
        stem = original(word)
        if stem is not None:
            current[0][f"{word} ({stem})"] += 1
        return stem

    sources: list[tuple[str, Path, str]] = [
        ("realmt train MT", shared / "realmt" / "real_mt_train.jsonl", "text"),
        ("realmt dev MT", shared / "realmt" / "real_mt_dev.jsonl", "text"),
        ("clean_news train", shared / "realmt" / "clean_news_train.jsonl", "text"),
    ]
    for lp in ("et", "ne", "ro", "ru", "si"):
        path = shared / "benchmarks" / f"mlqe-pe-{lp}-en-dev.jsonl"
        sources += [(f"MLQE-PE {lp}-en dev PE", path, "pe"), (f"MLQE-PE {lp}-en dev MT", path, "mt")]
    statistics._prefixed_stem = spy
    try:
        for name, path, key in sources:
            if not path.exists():
                print(f"{name}: {path} absent, skipped")
                continue
            current[0] = seen[name] = Counter()
            for row in read_jsonl(path):
                predict(row[key])
    finally:
        statistics._prefixed_stem = original
    return seen


def list_words(examples: int) -> None:
    """Print, per language, how many prefix-shaped foreign words ``prefixed_stem`` accepts."""
    from mtfix.text import lexicon

    total = accepted = 0
    for lang in LANGS:
        words = {w for _, ws in lexicon._buckets("large" if (lexicon._data_dir() / f"large_{lang}.msgpack.gz").exists()
                                                  else "small", lang, 2.0) for w in ws}
        shaped = sorted(w for w in words if len(w) > 5 and w.isalpha() and w.islower()
                        and w.startswith(lexicon.PREFIXES) and not lexicon.is_word(w))
        taken = [f"{w} ({s})" for w in shaped if (s := lexicon.prefixed_stem(w)) is not None]
        total, accepted = total + len(shaped), accepted + len(taken)
        print(f"{lang}: {len(taken)}/{len(shaped)} accepted  {', '.join(taken[:examples])}")
    print(f"other languages: {accepted}/{total} prefix-shaped words accepted")
    english = sorted(w for _, ws in lexicon._buckets("large", "en") for w in ws
                     if len(w) > 5 and w.isalpha() and w.startswith(lexicon.PREFIXES) and lexicon.zipf(w) < 3.0)
    kept = [f"{w} ({s})" for w in english if (s := lexicon.prefixed_stem(w)) is not None]
    print(f"English, Zipf < 3: {len(kept)}/{len(english)} prefix-shaped words accepted  {', '.join(kept[:examples])}")
    from mtfix.scoring.lm import BigramModel

    lm = BigramModel.load()
    unknown = [w for w in english if lm.unigram(w) is None]  # the words the detector asks prefixed_stem about
    kept = [w for w in unknown if lexicon.prefixed_stem(w) is not None]
    print(f"English, Zipf < 3, unknown to the detector's counts: {len(kept)}/{len(unknown)} accepted")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--examples", type=int, default=12, help="examples to print per language")
    args = ap.parse_args(argv)
    shared = require_parts(shared_dir(args.shared), "realmt", "benchmarks")
    for name, words in detector_words(shared).items():
        print(f"{name}: {sum(words.values())} accepted  {', '.join(sorted(words)) or '-'}")
    list_words(args.examples)
    from mtfix.text import lexicon

    coined = ("overmix", "resealed", "outsell", "misspell", "preheat", "underbake", "overbake", "misfile", "precut")
    print("coinages:", ", ".join(f"{w} → {lexicon.prefixed_stem(w)}" for w in coined))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
