"""Session 51: number forms and quantity phrases carried over from the source language (issue 11), counted on
fitting data before any rule is written.

Each candidate form ("Q" classes: a digit with a spelled scale word, South-Asian scales, "N times less", scale
abbreviations, a number word before "percent", a currency word before its amount, ...) is a regular expression over
the English text. Counted, as ``bench/number_format_s34.py`` counts its locale forms (whose data readers, counting,
table and verdict this script reuses), on

* MT of the fitting sets, by source language: realmt **train** MT, MLQE-PE train and dev MT (et, ne, ro, ru, si),
  MQM zh-en 2020 MT and MQM zh-en TED 2021 MT, each with its human counterpart (realmt correction, post-edit,
  reference): a hit is *kept* when the matched string is still in the human text, else *changed*;
* fluent English: UD EWT (all splits), MQM zh-en 2020 and TED 2021 references, MLQE-PE dev post-edits, realmt
  ``clean_news_train``, seeds 000-003 and the own professional sets of ``bench/audit_professional.py``.

No realmt dev file, no MQM 2023, he-en 2023, MLQE-PE test/test21 or ``bench/data/probe_*`` file is read.

    python bench/number_calques_s51.py              # the table (markdown)
    python bench/number_calques_s51.py --show Q4    # and each MT and fluent hit of a class
    python bench/number_calques_s51.py --rule       # and the adopted rule, MTF133, as mtfix runs it

With ``--rule`` the last row is MTF133 itself (grammar off, each sentence its own document, the sentences that
hold "thousand" or "hundred" only): sentences flagged, the spans kept by the human text.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from eval_data import MQM_SETS, SHARED_HELP, load_mqm, require_shared, shared_dir  # noqa: E402
from number_format_s34 import count, fluent, print_table  # noqa: E402

_NUM = r"(?<![\w.,/:-])\d+(?:[.,]\d+)?"
_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
          r"|sixty|seventy|eighty|ninety|hundred)")
_MULT = r"(?:\d+(?:[.,]\d+)?|one and a half|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)"
_CURRENCY = (r"(?:manats?|soms?|tenge|rubles?|roubles?|hryvnias?|hryvnas?|lari|drams?|soums?|sums|liras?|rials?"
             r"|tomans?|dinars?|dirhams?|yuan|rupees?|dollars?|euros?|AZN|UAH|RUB|KZT|UZS|GEL|AMD|TRY|IRR|KGS)")

#: code -> (description, pattern)
CLASSES: dict[str, tuple[str, re.Pattern[str]]] = {
    "Q1": ("digits + thousand (40 thousand people, 2.5 thousand tonnes)",
           re.compile(_NUM + r"[ \t]thousands?\b(?![ \t]of\b)", re.I)),
    "Q2": ("digits + hundred (3 hundred metres)", re.compile(_NUM + r"[ \t]hundreds?\b(?![ \t]of\b)", re.I)),
    "Q3": ("lakh / crore", re.compile(r"\b(?:lakhs?|lacs?|crores?)\b", re.I)),
    "Q4": ("N times less / fewer / lower (в два раза меньше)",
           re.compile(r"\b" + _MULT + r"[ \t]times[ \t](?:less|fewer|lower|smaller|cheaper|shorter|weaker|slower)\b",
                      re.I)),
    "Q5": ("N times more / higher / greater", re.compile(
        r"\b" + _MULT + r"[ \t]times[ \t](?:more|higher|greater|larger|bigger|increased)\b", re.I)),
    "Q6": ("in / by N times (increased by 2 times)",
           re.compile(r"\b(?:in|by)[ \t]" + _MULT + r"[ \t]times\b(?![ \t](?:a|per|an|as|the|each|every)\b)", re.I)),
    "Q7": ("scale abbreviation mln / bln / mlrd / thsd / trln",
           re.compile(r"\b(?:mln|bln|mlrd|mlrds|thsd|thous|trln)\b\.?", re.I)),
    "Q8": ("number word + percent (twenty percent)",
           re.compile(r"\b" + _WORDS + r"[ \t-](?:per[ \t]?cent|percent)\b", re.I)),
    "Q9": ("currency word before its amount (manat 5 million)",
           re.compile(r"\b" + _CURRENCY + r"[ \t]\d", re.I)),
    "Q10": ("space before a per cent sign (5 %)", re.compile(_NUM + r"[ \t\u00a0]%")),
    "Q11": ("numero sign (№ 5)", re.compile(r"№")),
    "Q12": ("hyphenated ordinal (5-th, 21-st)", re.compile(r"(?<![\w.])\d+-(?:th|st|nd|rd)\b", re.I)),
    "Q13": ("mixed scales (5 million 300 thousand)",
            re.compile(r"\d[ \t](?:billion|million)[ \t]\d+(?:[.,]\d+)?[ \t](?:million|thousand)\b", re.I)),
    "Q14": ("one and a half thousand / million (полтора миллиона)",
            re.compile(r"\bone and a half (?:thousand|million|billion)\b", re.I)),
    "Q15": ("digits + dozens / tens (3 dozen, 5 tens of)", re.compile(_NUM + r"[ \t](?:tens|dozens)[ \t]of\b", re.I)),
}


def matches(code: str, text: str, pipe=None) -> list[str]:
    """The hits of class ``code`` in ``text`` (of the rule itself through ``pipe``)."""
    if code == RULE:
        return rule_spans(pipe, text) if pipe is not None else []
    return [m.group(0) for m in CLASSES[code][1].finditer(text)]


def fluent_all(root: Path) -> dict[str, list[str]]:
    """Session 34's fluent sets, plus the TED 2021 references and the own professional sets."""
    from audit_professional import OWN_SETS, own_set_sentences

    out = fluent(root)
    refs: dict[str, None] = {}
    for rec in load_mqm(MQM_SETS[1], root / "benchmarks"):
        if rec.get("reference"):
            refs[" ".join(rec["reference"].split())] = None
    out["TED 2021 refs"] = list(refs)
    out["own professional sets"] = [t for path in OWN_SETS.values() for t in own_set_sentences(path)]
    return out


#: the fluent sets that are not post-edits of MT (the "native" column)
NATIVE = ("UD EWT", "MQM 2020 refs", "TED 2021 refs", "clean_news train", "seeds 000-003 (lines)",
          "own professional sets")
#: the fluent sets in which a single hit fails the verdict's part (c)
STRICT = ("clean_news train", "seeds 000-003 (lines)", "own professional sets")


#: the adopted rule and the words its pattern needs
RULE, RULE_WORDS = "MTF133", ("thousand", "hundred")


def rule_spans(pipe, text: str) -> list[str]:
    """The spans MTF133 flags in ``text`` (``pipe`` selects it alone)."""
    if not any(w in text for w in RULE_WORDS):
        return []
    return [text[f.start:f.end] for f in pipe.check(text).findings if f.code == RULE]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", action="append", default=[], help="print each MT and fluent hit of this class")
    ap.add_argument("--rule", action="store_true", help=f"also count {RULE} as mtfix runs it")
    args = ap.parse_args(argv)
    root = shared_dir(args.shared)
    require_shared(root, "realmt/real_mt_train.jsonl", "number_calques_s51")
    pipe = None
    if args.rule:
        from mtfix.config import Config
        from mtfix.pipeline import Pipeline

        pipe = Pipeline(Config(grammar="off", select=(RULE,)))
        CLASSES[RULE] = ("as mtfix runs it", re.compile(r"(?!)"))

    def show_fluent_hit(code: str, src: str, s: str, hit: str) -> None:
        if code in args.show:
            at = s.index(hit)
            print(f"{code} fluent {src}: …{s[max(0, at - 40):at + len(hit) + 30]}…")

    flu = fluent_all(root)
    counts = count(root, flu, CLASSES, lambda code, text: matches(code, text, pipe), args.show,
                   on_fluent=show_fluent_hit)
    print_table(counts, flu, CLASSES, "| class | MT segments (by source language) | languages | human kept / changed "
                "| fluent hits (per 10,000) | native hits | verdict |", NATIVE, STRICT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
