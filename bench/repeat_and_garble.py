"""How often the garble detector's MTF401 stands only because of a repeated word that MTF105 reports (session 32).

For every text with an MTF105 finding (realmt dev and train: ``text`` and ``correction``; UD English EWT: the
sentences with a doubled word), counts the texts that also get MTF401 (by severity), and of those the ones whose
MTF401 goes (or drops from major to minor) once MTF105's safe fix is applied: the MTF401 that is about the repeat
alone.  Then, as real texts hold few repeats, the same made: in fluent sentences (realmt clean news, an evenly
spaced sample of EWT) with no MTF401, the first "the" doubled: how many then get MTF401.  Reporting only: nothing is fitted or tuned.  Run:
``MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/repeat_and_garble.py``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALMT = ROOT.parent / "shared" / "realmt"
EWT = ROOT.parent / "shared" / "corpora" / "ud-english-ewt"
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def _texts() -> dict[str, list[str]]:
    from mtfix.garble import conllu

    out: dict[str, list[str]] = {}
    for f in sorted(REALMT.glob("*.jsonl")):
        rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        out[f"realmt/{f.stem}"] = [r[k] for r in rows for k in ("text", "correction") if r.get(k)]
    ewt = [t for f in sorted(EWT.glob("*.conllu")) for t in conllu.texts(f)]
    out["ewt (doubled word)"] = [t for t in ewt if _DOUBLED.search(t)]
    return out


def _garble(text: str) -> str | None:
    import mtfix

    sev = [f.severity.value for f in mtfix.check(text, grammar="off").findings if f.code == "MTF401"]
    return "major" if "major" in sev else sev[0] if sev else None


def main() -> int:
    import mtfix
    from mtfix.garble import conllu

    if not REALMT.is_dir():
        print(f"{REALMT} is absent: nothing to measure", file=sys.stderr)
        return 1
    for name, texts in _texts().items():
        n105 = with401 = gone = lowered = 0
        examples = []
        for text in texts:
            codes = {f.code for f in mtfix.check(text, grammar="off").findings}
            if "MTF105" not in codes:
                continue
            n105 += 1
            before = _garble(text)
            if before is None:
                continue
            with401 += 1
            fixed = mtfix.fix(text, grammar="off").text
            after = _garble(fixed)
            if after is None:
                gone += 1
                examples.append(text[:90])
            elif before == "major" and after == "minor":
                lowered += 1
        print(f"{name}: texts {len(texts)}, MTF105 {n105}, +MTF401 {with401}, MTF401 gone after the fix {gone}, "
              f"major->minor {lowered}")
        for e in examples[:5]:
            print(f"    {e}")
    ewt = [t for f in sorted(EWT.glob("*.conllu")) for t in conllu.texts(f)]
    clean = [json.loads(line)["text"] for f in sorted(REALMT.glob("clean_news_*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    for name, texts in (("realmt clean news", clean), ("ewt sample", ewt[:: max(1, len(ewt) // 3000)])):
        tried = made = major = 0
        for text in texts:
            m = re.search(r"\bthe\b", text)
            if m is None or _garble(text) is not None:
                continue
            tried += 1
            after = _garble(text[: m.end()] + " the" + text[m.end():])
            made += after is not None
            major += after == "major"
        print(f"{name}, first 'the' doubled: sentences {tried}, MTF401 made {made} (major {major})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
