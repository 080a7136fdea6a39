"""Overfitting audit of exception predicates and code-level switches: where each fires, and what it changes.

``bench/audit_overfit.py`` ablates the rules, the signs and the entries of their word lists; the
exceptions written as code (a predicate of the analysis, a rule detector's guard, a corroboration
switch) are audited here (session 15).  For each probe of :data:`PROBES` the script counts, per source,

- ``fired``: the sentences (documents) on which the predicate returned true (for ``read_elisions``:
  changed its text; for ``_glued_name``: gave a hit; for ``segment_probability``: was below the slip
  floor) in a run of the whole pipeline (grammar off);
- ``changed``: those whose findings (code, severity, span, fix safety) change when the predicate is
  made to return false (a constant: set to its ablated value), run in a fresh process on the fired
  sentences only (for a constant, on those with one of its codes).

Sources: realmt train MT, its corrections and its professional news (fitting data); realmt dev MT and
professional (development: reported, not fitted); MQM zh-en 2020 and TED 2021 references, MLQE-PE dev
post-edits and UD EWT dev+test (``bench/audit_professional.py``, ``--limit`` each); the professional
subtitles of ``tests/data/subtitles`` (dialogue, one document per file; ``changed`` counts segments).
Held-out files (MQM 2023, he-en 2023, MLQE-PE test/test21) are never read.  A probe that fires on one
sentence of one source is tuning unless its class is seen elsewhere.

    python bench/audit_exceptions.py --limit 2000            # a table, Markdown with --markdown
    python bench/audit_exceptions.py --only _title_case --show  # and the sentences it changes
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import SHARED_HELP, markdown_rule, shared_root, sources, table_row  # noqa: E402
from eval_data import read_jsonl  # noqa: E402

#: name → (module, attribute, kind, what it is).  Kinds: ``pred`` (fires when true; ablated to false),
#: ``elide`` (fires when it changes its text; ablated to the identity), ``hit`` (fires when not None;
#: ablated to None), ``hits`` (a list of hits: fires when non-empty; ablated to ``[]``), ``guard`` (a
#: precision guard: fires when false, i.e. when it holds a finding back; ablated to true),
#: ``floor`` (the slip floor: fires when the probability consulted is below it),
#: ``count`` (fires when non-zero; ablated to 0), ``const:VALUE`` (no firing of its own: ablated to VALUE on the sentences with one of ``codes``).
PROBES: dict[str, tuple[str, str, str, str]] = {
    "_title_case": ("mtfix.garble.signs", "_title_case", "pred", "analysis 12: a headline in title case"),
    "_article_opens_title": ("mtfix.garble.signs", "_article_opens_title", "pred",
                             "analysis 12: an article opens a title after a word no sentence ends with"),
    "_in_title_run": ("mtfix.garble.signs", "_in_title_run", "pred", "analysis 12: inside a title's run of capitals"),
    "_after_marker": ("mtfix.garble.signs", "_after_marker", "pred", "analysis 12: after a list label or line marker"),
    "_after_subject_and_adverb": ("mtfix.garble.structural_signs", "_after_subject_and_adverb", "pred",
                                  "analysis 12: a base form after its subject and adverbs"),
    "_misread_preposition": ("mtfix.garble.structural_signs", "_misread_preposition", "pred",
                             "analysis 12: a verb the tagger read as IN"),
    "_post_in_apposition": ("mtfix.garble.sign_statistics", "_post_in_apposition", "pred",
                            "analysis 12: a post in apposition to a name"),
    "_opens_clause": ("mtfix.rules.detectors.coordinated_copies", "_opens_clause", "pred",
                      "MTF116: the second copy opens a clause"),
    "_action_went_on": ("mtfix.rules.detectors.coordinated_copies", "_action_went_on", "pred",
                        "MTF116: an -ed/-ing verb repeated with 'and'"),
    "emphatic_opening": ("mtfix.rules.detectors.phrase_loops", "emphatic_opening", "pred",
                         "MTF106: a word said three or four times to open a sentence"),
    "_glued_name": ("mtfix.rules.detectors.glued", "_glued_name", "hit", "MTF103: a function word glued to a name"),
    "identifier": ("mtfix.rules.detectors.glued", "_CodeShapes.identifier", "pred",
                   "MTF103: a camelCase identifier left alone"),
    "read_elisions": ("mtfix.garble.checker", "read_elisions", "elide", "corroboration 9: a dropped g in dialogue"),
    "spoken_fragment": ("mtfix.garble.checker", "spoken_fragment", "pred",
                        "session 14: a verbless line of dialogue gets at most a minor"),
    "carried_over": ("mtfix.garble.corroborate", "carried_over", "pred",
                     "corroboration 8: a slip MT carries over corroborates"),
    "SLIP_FLOOR": ("mtfix.garble.checker", "segment_probability", "floor",
                   "corroboration 8: no carried-over slip below p 0.35"),
    "_TRAILING": ("mtfix.rules.detectors.repeat_scan", "_TRAILING", "const:", "MTF105: a word doubled before punctuation"),
    # sessions 16-18 (audited in session 19)
    "is_misread_gerund": ("mtfix.garble.structural_signs", "is_misread_gerund", "pred",
                        "analysis 13: a VBG with no vowel before -ing is an imperative"),
    "prefixed_stem": ("mtfix.garble.sign_statistics", "_prefixed_stem", "hit",
                      "analysis 13: a prefix and an everyday verb is a known word"),
    "_official_name_articles": ("mtfix.garble.sign_statistics", "_official_name_articles", "count",
                                "analysis 14: an article opening an official name serves the name"),
    "defined_term": ("mtfix.garble.sign_statistics", "defined_term", "pred",
                      "analysis 14: a capitalised noun after a determiner is no repeat"),
    "_label": ("mtfix.rules.detectors.structure", "_label", "pred",
               "MTF121 (1.17): a colon before a lower-case word is a label"),
    "_labelled_utterance": ("mtfix.rules.detectors.deliberate_repeats", "_labelled_utterance", "pred",
                            "MTF116/106 (1.17): a word said twice after a speaker's label"),
    # sessions 28-29 (audited in session 30, round 8)
    "_space_for_comma": ("mtfix.rules.detectors.punctuation", "_space_for_comma", "hits",
                         "MTF111 (1.32): a space before a comma glued to the next word"),
    "_everyday_after_comma": ("mtfix.rules.detectors.punctuation", "_everyday_after_comma", "guard",
                              "MTF111 (1.32): only an everyday word glued after the comma"),
}
#: Codes whose sentences a ``const`` probe is ablated on.
CONST_CODES = {"_TRAILING": ("MTF105", "MTF106", "MTF116")}
_CURRENT: list[str] = [""]


def load_units(shared: Path, limit: int | None, mt: int = 0) -> dict[str, list[tuple[str, Any]]]:
    """Source → [(id, text or subtitle path)]; ``mt``: also the first ``mt`` MLQE-PE dev MT segments of each
    pair (development MT, where an exception could hide an error class; session 19)."""
    realmt = shared / "realmt"
    out: dict[str, list[tuple[str, Any]]] = {}
    train = read_jsonl(realmt / "real_mt_train.jsonl")
    out["train-mt"] = [(f"train:{r['id']}", r["text"]) for r in train]
    out["train-corr"] = [(f"train-corr:{r['id']}", r["correction"]) for r in train if r.get("correction")]
    out["train-pro"] = [(f"train-pro:{r['id']}", r["text"]) for r in read_jsonl(realmt / "clean_news_train.jsonl")]
    out["dev-mt"] = [(f"dev:{r['id']}", r["text"]) for r in read_jsonl(realmt / "real_mt_dev.jsonl")]
    out["dev-pro"] = [(f"dev-pro:{r['id']}", r["text"]) for r in read_jsonl(realmt / "clean_news_dev.jsonl")]
    if (shared / "benchmarks").is_dir():
        for name, texts in sources(shared).items():
            rows = []
            for i, text in enumerate(texts):
                if limit is not None and i >= limit:
                    break
                rows.append((f"{name}:{i}", text))
            out[name] = rows
    if mt and (shared / "benchmarks").is_dir():
        from eval_data import PAIRS, PESet, load_pe

        out["mlqe-mt"] = [(f"mlqe-mt:{p}:{i}", r["mt"]) for p in PAIRS
                          for i, r in enumerate(load_pe(PESet(p, "dev"), shared / "benchmarks", mt))]
    subs = REPO / "tests" / "data" / "subtitles"
    out["subtitles"] = [(f"subs:{p.name}", str(p)) for p in sorted(subs.glob("*.srt")) + sorted(subs.glob("*.vtt"))]
    return out


def _document(value: str, sid: str):
    if not sid.startswith("subs:"):
        return value
    from mtfix.files import unit_document
    from mtfix.formats import get_format

    path = Path(value)
    unit = get_format(path.suffix.lstrip(".")).load(path.read_bytes(), str(path), {}).units[0]
    return unit_document(unit, str(path))


def _keys(pipe, sid: str, value: str) -> dict[str, list]:
    """Findings by unit (the document, or for subtitles each segment) as sortable keys."""
    res = pipe.check(_document(value, sid))
    by: dict[str, list] = defaultdict(list)
    for f in res.findings:
        unit = f"{sid}#{f.segment}" if sid.startswith("subs:") else sid
        by[unit].append([f.code, str(f.severity), f.start, f.end, str(f.fix)])
    by.setdefault(sid, [])
    return {k: sorted(v) for k, v in by.items()}


def _target(module: str, attr: str) -> tuple[Any, str]:
    import importlib

    obj: Any = importlib.import_module(module)
    parts = attr.split(".")
    for p in parts[:-1]:
        obj = getattr(obj, p)
    return obj, parts[-1]


def instrument(fired: dict[str, set[str]]) -> None:
    """Wrap every non-constant probe so that it records the current unit where it fires."""
    from mtfix.garble import corroborate

    for name, (module, attr, kind, _) in PROBES.items():
        if kind.startswith("const"):
            continue
        owner, a = _target(module, attr)
        fn = getattr(owner, a)

        def wrapped(*args, _fn=fn, _name=name, _kind=kind, **kw):
            r = _fn(*args, **kw)
            if _kind == "pred":
                hit = bool(r)
            elif _kind == "hit":
                hit = r is not None
            elif _kind in ("count", "hits"):
                hit = bool(r)
            elif _kind == "guard":
                hit = not r
            elif _kind == "elide":
                hit = r != args[0]
            else:  # floor
                hit = r is not None and r < corroborate.SLIP_FLOOR
            if hit:
                fired[_name].add(_CURRENT[0])
            return r

        setattr(owner, a, wrapped)


def ablate(name: str) -> None:
    """Make probe ``name`` return false (its kind's neutral value)."""
    module, attr, kind, _ = PROBES[name]
    owner, a = _target(module, attr)
    if kind == "pred":
        setattr(owner, a, lambda *args, **kw: False)
    elif kind == "hit":
        setattr(owner, a, lambda *args, **kw: None)
    elif kind == "count":
        setattr(owner, a, lambda *args, **kw: 0)
    elif kind == "hits":
        setattr(owner, a, lambda *args, **kw: [])
    elif kind == "guard":
        setattr(owner, a, lambda *args, **kw: True)
    elif kind == "elide":
        setattr(owner, a, lambda text: text)
    elif kind == "floor":
        from mtfix.garble import corroborate

        corroborate.SLIP_FLOOR = 0.0
    else:
        setattr(owner, a, "")


def run(units: list[tuple[str, Any]], fired: dict[str, set[str]] | None = None) -> dict[str, list]:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    out: dict[str, list] = {}
    with Pipeline(Config(grammar="off")) as pipe:
        for sid, value in units:
            _CURRENT[0] = sid
            out.update(_keys(pipe, sid, value))
    return out


def _child(name: str, path: str) -> int:
    units = json.loads(Path(path).read_text(encoding="utf-8"))
    ablate(name)
    print(json.dumps(run([tuple(u) for u in units])))
    return 0




def print_codes(base: dict[str, list], source_of: dict[str, str], order: list[str], markdown: bool) -> None:
    """Units with each finding code (any severity; ``code:major`` for majors), per source, and a flag for a
    code found on realmt dev MT and on no train MT nor MLQE-PE dev MT (a rule that fires on dev only is suspect)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for unit, keys in base.items():
        src = source_of[unit.split("#")[0]]
        for code in {k[0] for k in keys} | {f"{k[0]}:major" for k in keys if k[1] == "major"}:
            counts[code][src] += 1
    head = ["code"] + order + ["flag"]
    print()
    print(table_row(head, markdown) + ("\n" + markdown_rule(head) if markdown else ""))
    for code in sorted(counts):
        c = counts[code]
        suspect = c.get("dev-mt", 0) and not c.get("train-mt", 0) and not c.get("mlqe-mt", 0)
        print(table_row([code] + [str(c.get(s, 0)) for s in order] + ["dev-only MT" if suspect else ""], markdown))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=2000, help="at most this many sentences per professional source (0: all)")
    ap.add_argument("--only", action="append", help="a probe to audit (repeatable)")
    ap.add_argument("--mt", type=int, default=0, help="also this many MLQE-PE dev MT segments per pair")
    ap.add_argument("--show", action="store_true", help="print each unit a probe's ablation changes")
    ap.add_argument("--markdown", action="store_true", help="a Markdown table")
    ap.add_argument("--json", help="write the counts here")
    ap.add_argument("--codes", action="store_true",
                    help="also a table of finding codes: units with each code, per source (session 19's leave-one-dev check)")
    ap.add_argument("--ablate", help=argparse.SUPPRESS)
    ap.add_argument("--units", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.ablate:
        return _child(args.ablate, args.units)
    root = shared_root(args.shared, "realmt", "audit_exceptions")
    names = args.only or list(PROBES)
    unknown = [n for n in names if n not in PROBES]
    if unknown:
        print(f"audit_exceptions: unknown probe {', '.join(unknown)} (known: {', '.join(PROBES)})", file=sys.stderr)
        return 2
    by_source = load_units(root, args.limit or None, args.mt)
    units = [u for rows in by_source.values() for u in rows]
    value = dict(units)
    source_of = {sid: name for name, rows in by_source.items() for sid, _ in rows}
    fired: dict[str, set[str]] = defaultdict(set)
    instrument(fired)
    base = run(units, fired)
    codes_of = {sid: {k[0] for k in keys} for sid, keys in base.items()}
    sources_order = list(by_source)
    table: dict[str, dict[str, Any]] = {}
    new_of: dict[str, dict[str, list]] = {}
    for name in names:
        if PROBES[name][2].startswith("const"):
            codes = CONST_CODES[name]
            cand = sorted({u.split("#")[0] for u, c in codes_of.items() if c & set(codes)})
        else:
            cand = sorted(fired.get(name, ()))
        changed: list[str] = []
        new: dict[str, list] = {}
        if cand:
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
                json.dump([[sid, value[sid]] for sid in cand], fh)
            proc = subprocess.run([sys.executable, __file__, "--ablate", name, "--units", fh.name],
                                  capture_output=True, text=True, check=False)
            Path(fh.name).unlink()
            if proc.returncode:
                print(f"audit_exceptions: {name}: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
                return 1
            new = json.loads(proc.stdout)
            units_of = {u for u in set(new) | {u for u in base if u.split("#")[0] in set(cand)}}
            changed = sorted(u for u in units_of if base.get(u, []) != new.get(u, []))
        row = {"what": PROBES[name][3], "fired": defaultdict(int), "changed": defaultdict(int), "units": changed}
        for sid in cand:
            row["fired"][source_of[sid]] += 1
        for u in changed:
            row["changed"][source_of[u.split("#")[0]]] += 1
        table[name] = row
        new_of[name] = new
        if args.show:
            for u in changed:
                sid = u.split("#")[0]
                text = value[sid] if not sid.startswith("subs:") else u
                print(f"  {name} changes {u}: {base.get(u)} -> ablated {new_of[name].get(u)}; {str(text)[:160]}")
    head = ["probe", "what"] + sources_order
    print(table_row(head, args.markdown) + ("\n" + markdown_rule(head) if args.markdown else ""))
    for name, row in table.items():
        cells = [name, row["what"]] + [
            f"{row['fired'].get(s, 0)}/{row['changed'].get(s, 0)}" for s in sources_order]
        print(table_row(cells, args.markdown))
    print("cells: fired / changed (sentences; for subtitles, files fired / segments changed); "
          "sizes: " + ", ".join(f"{s} {len(r)}" for s, r in by_source.items()))
    if args.codes:
        print_codes(base, source_of, sources_order, args.markdown)
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1, default=list), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
