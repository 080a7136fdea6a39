"""Edit shapes between real MT and its human correction, by class and by source language.

Discovery aid for issue 11, point 4 (repairs that generalise): which local, deterministic
repairs do the human corrections of ``../shared/realmt/real_mt_<split>.jsonl`` make, how
often, in how many sentences and source languages, and which of them ``mtfix fix`` already
makes (``--fixed``: safe fixes, grammar off).

Two views:

- **token alignment** (difflib on word/punctuation tokens): a text token that the correction
  writes as two tokens (``glued``), tokens that differ only in case (``case-lower`` /
  ``case-upper``, not sentence-initial), words deleted next to a copy of one of them (``deleted-next-to-copy``),
  a comma deleted after "that" (``that-comma``), an ordinal suffix joined (``ordinal``);
- **local patterns** (regex on the MT text): spacing around punctuation, quotes, brackets,
  dashes, percent and currency, doubled punctuation; a pattern counts as *confirmed* when
  the correction does not contain the MT's own snippet and does contain the repaired one.

    python bench/repair_classes.py                  # train split
    python bench/repair_classes.py --split dev --show glued
    python bench/repair_classes.py --fixed          # which classes mtfix's safe fixes already repair
    python bench/repair_classes.py --mlqe --fixed   # MLQE-PE train MT against its post-edits (five pairs)
    python bench/repair_classes.py --fixed --ignore MTF127,MTF125   # what fix repaired without those rules
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")

#: Local patterns: class name → (regex on the MT text, repair of the match).
PATTERNS: dict[str, tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = {
    "space-before-punct": (re.compile(r"\w \s*[,.;:!?](?=\s|$)"), lambda m: m.group(0)[0] + m.group(0)[-1]),
    "space-inside-bracket": (re.compile(r"[(\[] \w|\w [)\]]"), lambda m: m.group(0).replace(" ", "")),
    "no-space-after-comma": (re.compile(r"[a-z],[A-Za-z]"), lambda m: m.group(0).replace(",", ", ")),
    "no-space-after-stop": (re.compile(r"[a-z]{2}\.[A-Z][a-z]"), lambda m: m.group(0).replace(".", ". ")),
    "no-space-before-bracket": (re.compile(r"[a-z]\([A-Za-z]"), lambda m: m.group(0).replace("(", " (")),
    "no-space-after-bracket": (re.compile(r"[a-z]\)[A-Za-z]"), lambda m: m.group(0).replace(")", ") ")),
    "space-percent": (re.compile(r"\d %"), lambda m: m.group(0).replace(" ", "")),
    "space-in-number": (re.compile(r"\d [.,]\d|\d[.,] \d"), lambda m: m.group(0).replace(" ", "")),
    "doubled-punct": (re.compile(r"[,;:]{2}|,\.|\.,|\.\.(?!\.)"), lambda m: m.group(0)[-1]),
    "comma-before-stop": (re.compile(r"\w ?,\s*\.$"), lambda m: m.group(0)[0] + "."),
    "spaced-hyphen-compound": (re.compile(r"\w - \w"), lambda m: m.group(0).replace(" - ", " – ")),
    "glued-dash": (re.compile(r"[a-z]–[a-z]|[a-z]—[a-z]"), lambda m: m.group(0)),
    "space-inside-curly-quote": (re.compile(r"“ \w|\w ”"), lambda m: m.group(0).replace(" ", "")),
    "nospace-after-stop-opener": (re.compile(r"[a-z]{2}\.(?:The|This|These|They|There|He|She|It|We|But|Because)\b"),
                                  lambda m: m.group(0).replace(".", ". ")),
    "glued-case": (re.compile(r"[a-zı]{2,}[A-Z][a-z]+"), lambda m: re.sub(r"([a-zı])([A-Z])", r"\1 \2", m.group(0))),
    "semicolon-capital": (re.compile(r"; [A-Z][a-z]+"), lambda m: m.group(0).lower()),
    "double-space": (re.compile(r"\S  +\S"), lambda m: re.sub(" +", " ", m.group(0))),
    "space-apostrophe": (re.compile(r"\w ['’] ?s\b|\w['’] s\b"), lambda m: re.sub(r"\s", "", m.group(0))),
    # detokeniser residue (session 20; MLQE-PE ne-en and si-en MT)
    "space-inside-quotes": (re.compile(r"""(?<![^\s(\[])(["']) ([^\s"'][^"'\n]{0,78}?[^\s"']) \1(?=[\s.,;:!?)\]]|$)"""),
                            lambda m: m.group(1) + m.group(2) + m.group(1)),
    "split-decade": (re.compile(r"(?i)(?:\bthe |\bmid-|\bearly |\blate )(?:1\d|20)\d0 s\b"),
                     lambda m: m.group(0)[:-2] + "s"),
    "spaced-prefix-hyphen": (re.compile(r"(?<![\w'’-])(?:non|re|semi|anti|neo|co|pre|multi|quasi|pseudo) - [a-z]+"
                                        r"|-(?:year|month|week|day)s? - old\b"),
                             lambda m: m.group(0).replace(" - ", "-")),
}


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def token_classes(text: str, corr: str) -> list[tuple[str, str]]:
    """(class, snippet) for each aligned edit of a recognised shape."""
    a, b = tokens(text), tokens(corr)
    out: list[tuple[str, str]] = []
    sm = difflib.SequenceMatcher(None, [t.lower() for t in a], [t.lower() for t in b], autojunk=False)
    # Case-only edits: equal blocks compared case-sensitively.
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                x, y = a[i1 + k], b[j1 + k]
                if x != y and i1 + k > 0 and a[i1 + k - 1] not in ".!?\"“«:":
                    cls = "case-lower" if x[:1].isupper() and y[:1].islower() else "case-upper" if y[:1].isupper() else "case-other"
                    out.append((cls, f"{x}→{y}"))
        elif tag == "replace" and i2 - i1 == 1 and j2 - j1 >= 2 and "".join(b[j1:j2]).lower() == a[i1].lower():
            out.append(("glued", f"{a[i1]}→{' '.join(b[j1:j2])}"))
        elif tag == "replace" and i2 - i1 == 2 and j2 - j1 == 1 and "".join(a[i1:i2]).lower() == b[j1].lower():
            out.append(("split-word", f"{' '.join(a[i1:i2])}→{b[j1]}"))
        elif tag == "delete":
            gone = a[i1:i2]
            if len(gone) == 1 and gone[0] == "," and i1 > 0 and a[i1 - 1].lower() == "that":
                out.append(("that-comma", f"that , {a[i1 + 1] if i1 + 1 < len(a) else ''}"))
            elif gone and (a[i1 - 1:i1] == gone[-1:] or a[i2:i2 + 1] == gone[:1]) and gone[0][0].isalnum():
                out.append(("deleted-next-to-copy", " ".join(gone)))
            elif len(gone) == 1 and not gone[0][0].isalnum():
                out.append(("punct-deleted", " ".join(a[max(0, i1 - 1):i2 + 1])))
        if tag == "replace" and i2 - i1 == 2 and a[i1].isdigit() and a[i1 + 1].lower() in {"th", "st", "nd", "rd"}:
            out.append(("ordinal", f"{a[i1]} {a[i1 + 1]}→{''.join(b[j1:j2])}"))
    return out


def pattern_classes(text: str, corr: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for cls, (rx, repair) in PATTERNS.items():
        for m in rx.finditer(text):
            snippet, fixed = m.group(0), repair(m)
            confirmed = snippet not in corr and fixed in corr
            out.append((cls + ("" if confirmed else "?"), snippet))
    return out


def mlqe_rows(split: str, data: str | None) -> list[dict]:
    """MLQE-PE records of ``split`` for the five pairs as realmt-like rows (``pe`` as the correction)."""
    from eval_data import PAIRS, read_jsonl, require_data

    root, rows = require_data(data), []
    for pair in PAIRS:
        path = root / f"mlqe-pe-{pair}-{split}.jsonl"
        path = path if path.exists() else path.with_name(path.name + ".gz")
        for i, r in enumerate(read_jsonl(path)):
            if r.get("pe") is not None:
                rows.append({"id": f"{pair}-{i}", "lang": pair[:2], "text": r["mt"], "correction": r["pe"]})
    return rows


def main(argv: list[str] | None = None) -> int:
    from eval_realmt import read_jsonl, require_realmt

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--data", default=None)
    ap.add_argument("--show", action="append", default=[], help="print every snippet of this class")
    ap.add_argument("--fixed", action="store_true", help="also run mtfix fix and count classes it repairs")
    ap.add_argument("--mlqe", action="store_true",
                    help="MLQE-PE MT against its post-edits (five pairs; the split's files in ../shared/benchmarks)")
    ap.add_argument("--ignore", default="", help="comma-separated rule codes to leave out of --fixed")
    args = ap.parse_args(argv)
    rows = mlqe_rows(args.split, args.data) if args.mlqe else read_jsonl(
        require_realmt(args.data, f"real_mt_{args.split}.jsonl"))
    fixer = None
    if args.fixed:
        from mtfix.config import Config
        from mtfix.pipeline import Pipeline

        ignore = tuple(c.strip() for c in args.ignore.split(",") if c.strip())
        fixer = Pipeline(Config(grammar="off", ignore=ignore))
    count: dict[str, int] = defaultdict(int)
    sents: dict[str, set[str]] = defaultdict(set)
    langs: dict[str, set[str]] = defaultdict(set)
    repaired: dict[str, int] = defaultdict(int)
    for r in rows:
        text, corr = r["text"], r["correction"]
        found = token_classes(text, corr) + pattern_classes(text, corr)
        after = set()
        if fixer is not None and found:
            fixed = fixer.fix(text).text
            after = {(c, s) for c, s in token_classes(fixed, corr) + pattern_classes(fixed, corr)}
        for cls, snip in found:
            count[cls] += 1
            sents[cls].add(r["id"])
            langs[cls].add(r["lang"])
            if fixer is not None and (cls, snip) not in after:
                repaired[cls] += 1
            if cls.rstrip("?") in args.show or cls in args.show:
                print(f"  [{r['lang']}] {cls}: {snip!r}")
    print(f"{len(rows)} sentences ({args.split}); '?' = pattern seen but the correction does not confirm the repair")
    head = "| class | edits | sentences | languages |" + (" repaired by fix |" if fixer else "")
    print(head)
    print("|---|---:|---:|---|" + ("---:|" if fixer else ""))
    for cls in sorted(count, key=lambda c: -count[c]):
        ls = ",".join(sorted(langs[cls]))
        extra = f" {repaired[cls]} |" if fixer else ""
        print(f"| {cls} | {count[cls]} | {len(sents[cls])} | {len(langs[cls])}: {ls} |{extra}")
    if fixer is not None and hasattr(fixer, "close"):
        fixer.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
