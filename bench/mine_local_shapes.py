"""Session 42: how often candidate local error shapes occur in MT and in professional English.

For each candidate pattern (fixed in :data:`CANDIDATES` before any count was read): hits in MQM zh-en 2020 and TED
2021 MT targets (ambiguous 2020 targets dropped) and the share of them inside an annotated error span; hits in the
human translations of both sets; MLQE-PE train MT against its post-edits, per pair; realmt train MT against its
professional sentences; and hits in every professional source of ``bench/audit_professional.py``. Development
files only; held-out files are never read.

    python bench/mine_local_shapes.py [--show NAME] [--shared DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import shape_tables  # noqa: E402
from audit_professional import markdown_rule, sources, table_row  # noqa: E402
from eval_data import PAIRS, read_jsonl  # noqa: E402

_ART = r"(?:[Tt]he|[Aa]n?)"
_PREP = r"(?:of|in|on|at|for|from|with|by|to|into|about)"
_CMP = ("better|worse|bigger|larger|smaller|higher|lower|greater|stronger|weaker|faster|slower|easier|harder|"
        "cheaper|older|younger|longer|shorter|wider|richer|poorer|safer|closer|deeper|clearer|happier|healthier|"
        "heavier|busier|newer|warmer|colder|hotter|tougher|broader|narrower|simpler|fewer|earlier|bigger")
_QPL = r"(?:[Mm]any|[Ss]everal|[Vv]arious|[Nn]umerous|[Mm]ultiple|[Bb]oth|[Aa] few|[Aa] number of)"

#: name -> pattern (the shapes the brief lists that the tool does not already report)
CANDIDATES = {
    "article-article": rf"\b{_ART} (?:the|an?|this|that|these|those)\b(?! (?:is|was|are|were)\b)",
    "article-pronoun": rf"\b{_ART} (?:his|her|its|their|our|my|your|he|she|they|we|them|him|us|me|it)\b",
    "preposition-preposition": rf"\b{_PREP} {_PREP}\b",
    "of-of-across": r"\bof (?:the )?\p{L}+ of of\b",
    "more-comparative": rf"\b[Mm]ore ({_CMP})\b",
    "most-superlative": r"\b[Mm]ost (?:best|worst|biggest|largest|smallest|highest|lowest|greatest|strongest|"
                        r"easiest|hardest|oldest|youngest|longest|earliest|latest|newest|simplest)\b",
    "quantifier-singular-be": rf"\b{_QPL} \p{{Ll}}+(?<!s) (?:is|was|has)\b",
    "plural-quantifier-noun-is": rf"\b{_QPL} \p{{Ll}}+s (?:is|was|has)\b",
    "quantifier-bare-singular": r"\b(?:[Mm]any|[Ss]everal|[Vv]arious|[Nn]umerous|[Mm]ultiple) "
                                r"(?:country|city|people's|company|student|child|person|province|time|year|day|"
                                r"problem|area|way|project|enterprise|region|member|worker|official|expert)\b",
    "a-plural": r"\b[Aa]n? (?:people|countries|cities|companies|students|children|years|problems|areas|projects)\b",
    "people-singular-verb": r"\b[Pp]eople (?:is|was|has|does)\b",
    "he-she-plural-verb": r"(?<!\b(?:[Ww]ould|[Cc]ould|[Ss]hould|[Mm]ight|[Mm]ust|[Ww]ill|[Cc]an|[Mm]ay|[Dd]id|[Dd]oes|[Ss]hall|[Hh]ad|[Ww]hy|[Hh]ow) )"
                          r"\b(?:[Hh]e|[Ss]he) (?:have|are|were|don't|do)\b",
    "they-we-singular-verb": r"\b(?:[Tt]hey|[Ww]e) (?:has|is|was|does|doesn't)\b",
    "missing-space-after-qmark": r"\p{Ll}{2}[?!;]\p{Lu}\p{Ll}",
    "spaced-apostrophe": r"(?<=\p{L}) [’'] ?(?=(?:s|t|re|ve|ll|d|m)\b)|(?<=\p{L})[’'] (?=(?:s|t|re|ve|ll|d|m)\b)",
    "spaced-full-stop-repeat": r"(?<=\p{L}\.) \.(?![ .]*\.)",
    "space-before-closing-curly": r"(?<=\p{L}) +”(?=[\s,.;:!?)]|$)",
    "glued-spaced-opening-curly": r"(?<=\p{L})“ (?=\p{L})",
    "cjk-token": r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+",
    "cyrillic-token": r"\p{Cyrillic}+",
}


HEAD = ("candidate", "2020 MT hits (in span)", "TED MT hits (in span)", "human refs in 2020/TED",
        "MLQE-PE train MT/PE (pairs MT>PE)", "realmt train MT/clean", "professional hits")


def _in_span(m: regex.Match, errors: list[dict]) -> bool:
    return any(e.get("start") is not None and e["start"] < m.end() and m.start() < e["end"]
               and e.get("category") not in ("No-error",) for e in errors)


def main(argv: list[str] | None = None) -> int:
    ap = shape_tables.arguments(__doc__, dump=None)
    ap.add_argument("--show", action="append", default=[])
    args = ap.parse_args(argv)
    root = shape_tables.shared(args.shared, "mine_local_shapes", needs="benchmarks")
    bench = root / "benchmarks"
    pats = {k: regex.compile(v) for k, v in CANDIDATES.items()}
    mqm = {"2020": [r for r in read_jsonl(bench / "mqm-zh-en-2020.jsonl.gz") if r.get("target_status") != "ambiguous"],
           "ted": list(read_jsonl(bench / "mqm-zh-en-ted2021.jsonl"))}
    pe = {p: list(read_jsonl(bench / f"mlqe-pe-{p}-train.jsonl.gz")) for p in PAIRS}
    rm = list(read_jsonl(root / "realmt" / "real_mt_train.jsonl"))
    cl = list(read_jsonl(root / "realmt" / "clean_news_train.jsonl"))
    prof = {k: list(v) for k, v in sources(root).items()}
    print(table_row(HEAD, True))
    print(markdown_rule(HEAD))
    for name, pat in pats.items():
        cells = []
        hum = []
        for key, recs in mqm.items():
            hits = inspan = h = 0
            for r in recs:
                for m in pat.finditer(r["target"]):
                    if r.get("is_human") or r["system"].startswith("ref-") or r["system"].startswith("Human"):
                        h += 1
                        continue
                    hits += 1
                    inspan += _in_span(m, r.get("errors") or [])
                    if name in args.show:
                        print(f"  {key} {'SPAN' if _in_span(m, r.get('errors') or []) else 'none'}: "
                              f"…{r['target'][max(0, m.start() - 40):m.end() + 30]}…")
            cells.append(f"{hits} ({inspan / hits:.0%})" if hits else "0")
            hum.append(str(h))
        mt = sum(len(pat.findall(r["mt"])) for p in PAIRS for r in pe[p])
        ped = sum(len(pat.findall(r["pe"])) for p in PAIRS for r in pe[p])
        more = sum(sum(len(pat.findall(r["mt"])) for r in pe[p]) > sum(len(pat.findall(r["pe"])) for r in pe[p])
                   for p in PAIRS)
        rmh = sum(len(pat.findall(r["text"])) for r in rm)
        clh = sum(len(pat.findall(r["text"])) for r in cl)
        ph = {k: sum(len(pat.findall(t)) for t in v) for k, v in prof.items()}
        if name in args.show:
            for k, v in prof.items():
                for t in v:
                    for m in pat.finditer(t):
                        print(f"  PROF {k}: …{t[max(0, m.start() - 40):m.end() + 30]}…")
        pstr = ", ".join(f"{k} {n}" for k, n in ph.items() if n) or "0"
        print(table_row([name, cells[0], cells[1], "/".join(hum), f"{mt}/{ped} ({more}/5)", f"{rmh}/{clh}", pstr], True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
