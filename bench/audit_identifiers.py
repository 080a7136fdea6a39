"""Precision of MTF103 (glued words) on technical prose full of camelCase identifiers.

Technical writing names code in running text ("the isValid flag", "call getUser first", "use
forEach"), and brands have inner capitals (iPhone, YouTube): none of that is MT glue.  This audit
reads the long descriptions and READMEs of the installed Python packages (``METADATA``, ``*.md``,
``*.rst`` under site-packages; written by people, never machine output) as Markdown prose, keeps the
files that hold a lower-case word glued to a capitalised one, and reports:

- ``tokens``: the glued-shape tokens (2+ lower-case letters + a capitalised word) in the prose;
- ``findings``: the MTF103 findings on them (every one is a false alarm on this text), by fix safety;
- ``edited``: files that ``mtfix fix`` (safe fixes only) would change because of MTF103.

``--identifiers`` measures the worst case instead: every distinct identifier of the installed code
(``*.py``, ``*.js``) shaped like MTF103's glue -- a function word of the rule's lists glued to one
capitalised word ("toJson", "inStock", "ofType") -- put bare into a neutral sentence ("The report
mentions X twice.", or ``--sentence``), with no backticks and no word naming it as code: how many are flagged,
and how.

    python bench/audit_identifiers.py                  # site-packages of this interpreter
    python bench/audit_identifiers.py --root DIR --show
    python bench/audit_identifiers.py --identifiers --show
"""

from __future__ import annotations

import argparse
import json
import site
import sys
from collections import Counter
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

GLUE = regex.compile(r"(?<![\p{L}\p{N}_.@/\\#:-])\p{Ll}{2,}\p{Lu}\p{Ll}+(?![\p{L}\p{N}_])")


def files(root: Path, limit: int | None) -> list[Path]:
    """The documentation files under ``root`` that hold the glued shape (sorted, at most ``limit``)."""
    found = []
    for pattern in ("METADATA", "*.md", "*.rst"):
        for p in root.rglob(pattern):
            try:
                if p.stat().st_size < 200_000 and GLUE.search(p.read_text(encoding="utf-8", errors="replace")):
                    found.append(p)
            except OSError:
                continue
    found = sorted(set(found))
    return found[:limit] if limit else found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", help="where to look (default: this interpreter's site-packages)")
    ap.add_argument("--limit", type=int, help="at most this many files")
    ap.add_argument("--show", action="store_true", help="print each MTF103 finding in context")
    ap.add_argument("--identifiers", action="store_true", help="identifiers of the installed code in a neutral sentence")
    ap.add_argument("--sentence", default="The report mentions X twice.",
                    help="--identifiers: the sentence each identifier is put into, at X (session 15: also "
                    "'The frame is written out by X.', the identifier at a clause's end)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    root = Path(args.root) if args.root else Path(site.getsitepackages()[0])
    if not root.is_dir():
        print(f"audit_identifiers: {root} is not a directory", file=sys.stderr)
        return 2

    from mtfix.config import Config
    from mtfix.lsp.workspace import build_document
    from mtfix.pipeline import Pipeline

    if args.identifiers:
        return _identifiers(root, args)
    paths = files(root, args.limit)
    tokens = edited = 0
    safety: Counter[str] = Counter()
    with Pipeline(Config(grammar="off", select=("MTF103",))) as pipe:
        print(f"signature: {pipe.signature()}")
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="replace")
            doc = build_document(text, None, "markdown")
            tokens += sum(1 for m in GLUE.finditer(text) if doc.segment_at(m.start()) is not None
                          and not any(p.start <= m.start() < p.end for p in doc.protected))
            found = [f for f in pipe.check(doc).findings if f.code == "MTF103"]
            for f in found:
                safety[str(f.fix)] += 1
                if args.show:
                    line = text[max(0, f.start - 50) : f.end + 50].replace("\n", " ")
                    print(f"  {f.fix}: {path.relative_to(root)}: …{line}…")
            if any(f.edits and str(f.fix) == "safe" for f in found):
                edited += 1
    out = {"files": len(paths), "tokens": tokens, "findings": sum(safety.values()), "by_fix": dict(safety),
           "edited_files": edited}
    print(f"{root}: {out['files']} files, {tokens} glued-shape tokens in prose | MTF103 findings "
          f"{out['findings']} {dict(safety)} | files a safe fix would edit {edited}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


def _identifiers(root: Path, args: argparse.Namespace) -> int:
    """The ``--identifiers`` audit (see the module docstring)."""
    import yaml

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pack = yaml.safe_load((REPO / "mtfix" / "rules" / "packs" / "en-generic.yaml").read_text(encoding="utf-8"))
    params = next(r for r in pack["rules"] if r["code"] == "MTF103")["params"]
    heads = {str(w).lower() for key in ("function_words", "name_heads") for w in params.get(key, [])}
    shape = regex.compile(r"(?<![\p{L}\p{N}_])(\p{Ll}{2,})(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_])")
    found: set[str] = set()
    for pattern in ("*.py", "*.js"):
        for p in root.rglob(pattern):
            try:
                if p.stat().st_size > 500_000:
                    continue
                text = p.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            found.update(m.group() for m in shape.finditer(text) if m.group(1) in heads)
            if args.limit and len(found) >= args.limit:
                break
    tokens = sorted(found)
    safety: Counter[str] = Counter()
    with Pipeline(Config(grammar="off", select=("MTF103",))) as pipe:
        print(f"signature: {pipe.signature()}")
        for tok in tokens:
            sentence = args.sentence.replace("X", tok, 1)
            for f in pipe.check(sentence).findings:
                safety[str(f.fix)] += 1
                if args.show:
                    print(f"  {f.fix}: {tok}")
    out = {"identifiers": len(tokens), "flagged": sum(safety.values()), "by_fix": dict(safety)}
    print(f"{root}: {len(tokens)} distinct glue-shaped identifiers | flagged {out['flagged']} {dict(safety)}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
