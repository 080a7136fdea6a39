"""Sentences that open with an emoji or a symbol (session 37): each realmt sentence (MT and professional, dev and
train) is checked as it is and with one of :data:`OPENERS` before it (in turn); the findings (code, severity, the
underlined text, the message) must be the same.  Prints the counts and every difference.

    python bench/opening_symbols.py            # grammar off
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_data import SHARED_HELP, read_jsonl, require_shared, shared_dir  # noqa: E402

#: Emoji (a flag, a check mark, a skin tone, a ZWJ family, a heart with its variation selector, a pointing hand),
#: bullets, arrows, a dash, a star, circled and keycap numbers.
OPENERS = ["🇦🇿 ", "✅ ", "👍🏽 ", "👨‍👩‍👧 ", "❤️ ", "• ", "▪ ", "► ", "– ", "★ ", "→ ", "① ", "❶ ", "1️⃣ ", "👉 "]


def _found(pipeline, text: str) -> list[tuple[str, str, str, str]]:
    """Each finding's code, severity, underlined text (an opener in it makes it differ) and message."""
    return sorted((f.code, f.severity.name, text[f.start:f.end], f.message) for f in pipeline.check(text).findings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", action="store_true", help="print each sentence whose findings differ")
    args = ap.parse_args(argv)
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="off"))
    root = shared_dir(args.shared) / "realmt"
    for name in ("real_mt_dev", "real_mt_train", "clean_news_dev", "clean_news_train"):
        require_shared(root, f"{name}.jsonl")
    texts = [r["text"] for name in ("real_mt_dev", "real_mt_train", "clean_news_dev", "clean_news_train")
             for r in read_jsonl(root / f"{name}.jsonl") if r.get("text")]
    differ = 0
    bare_n = marked_n = bare_major = marked_major = 0
    for i, text in enumerate(texts):
        opener = OPENERS[i % len(OPENERS)]
        bare, marked = _found(pipeline, text), _found(pipeline, opener + text)
        bare_n += len(bare)
        marked_n += len(marked)
        bare_major += sum(f[1] == "MAJOR" for f in bare)
        marked_major += sum(f[1] == "MAJOR" for f in marked)
        if bare != marked:
            differ += 1
            if args.show:
                print(f"{i}: {opener!r}\n  bare   {bare}\n  marked {marked}")
    print(f"{len(texts)} sentences, {len(OPENERS)} openers in turn: findings {bare_n} bare, {marked_n} with the opener; "
          f"{differ} sentences differ; majors {bare_major} bare, {marked_major} with the opener")
    return 0


if __name__ == "__main__":
    sys.exit(main())
