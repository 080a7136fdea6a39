"""Precision audit: what mtfix reports and edits on professional English it may be shown.

Every sentence is checked (grammar off unless ``--grammar``) and fixed as its own document, as
``bench/eval_realmt.py`` does, over professional English from the development files only:

- ``mqm-ref``: the distinct human reference translations of MQM zh-en 2020 (news);
- ``ted-ref``: those of MQM zh-en TED 2021;
- ``mlqe-pe``: the human post-edits of MLQE-PE dev (five pairs; post-edited MT of Wikipedia);
- ``ewt``: the sentences of UD English EWT dev and test (web text, typos and all);
- ``own-genres``: sentences written for mtfix in genres the news audits had not covered (sports, markets,
  science, courts, weather, obituaries, reviews, release notes, abstracts, parliaments, recipes,
  interviews; ``tests/data/professional_genres.txt``, in the repository: every major and edit is false);
- ``own-institutional``: the same, in institutional genres (press releases, university news, embassy
  statements, NGO reports, legal notices, job adverts, events, FAQs, documentation, public-health and
  transport notices, headlines, captions, Markdown lists; ``tests/data/professional_institutional.txt``);
- ``own-more-genres``: the same, session 21: verbatim transcripts and oral history, social-media and forum
  posts, software manuals and API docs, legal contracts and terms, medical and pharmacy leaflets, poetry and
  song lyrics, children's stories, historical and religious texts, headlines and captions
  (``tests/data/professional_more_genres.txt``);
- ``own-fifth-genres``: the same, session 22: financial filings and earnings calls, wire reports dense with names
  transliterated from the Caucasus, Central Asia and the Middle East, quoted dialect, property listings and
  classified adverts, patent claims and standards, screenplays and stage scripts, minutes of meetings, museum
  labels and auction catalogues, bibliographies and footnotes, shipping forecasts and guidebook listings
  (``tests/data/professional_fifth_genres.txt``);
- ``own-sixth-genres``: the same, session 23: live sports commentary and play-by-play, troubleshooting and tech
  support, liturgy and hymnals, translated literature, crossword clues and quiz questions, law reports and judgments
  with Latin, knitting patterns and craft instructions, textbook exercises in mathematics and science, horoscopes and
  advice columns, rulebooks of games (``tests/data/professional_sixth_genres.txt``);
- ``own-seventh-genres``: the same, session 38: sports results, market reports with tickers, court reports,
  science with units, recipes, obituaries, listings, Q:/A: interviews, live blogs stamped with clock times,
  government notices, UI strings with placeholders, help pages and weather (``tests/data/professional_seventh_genres.txt``);
- ``own-eighth-genres``: the same, session 39: corrections and editor's notes, product reviews, speeches and hearings,
  notes to financial statements, headlines in title case, photo captions with credits, tables flattened to text,
  scientific methods, letters and emails, CV bullet points, tasting notes and public announcements
  (``tests/data/professional_eighth_genres.txt``);
- ``own-ninth-genres``: the same, session 40: safety data sheets, travel itineraries, dictionary entries, insurance
  and warranty wording, birdwatchers' field notes, assembly instructions, school reports, concert programme notes,
  training plans and police appeals (``tests/data/professional_ninth_genres.txt``);
- ``own-tenth-genres``: the same, session 41: clinical case reports, climbing route guides, sailing directions,
  genealogy records, chess annotations, election results, peer-review reports, book jacket copy, animal adoption
  profiles and gardening notes (``tests/data/professional_tenth_genres.txt``);
- ``own-eleventh-genres``: the same, session 42: aviation and marine incident summaries, explanatory notes to
  legislation, archive finding aids, software licence summaries, dialect glossaries, listed-building descriptions,
  examiners' mark schemes, style guide entries, astronomers' observing notes and television episode synopses
  (``tests/data/professional_eleventh_genres.txt``);
- ``own-twelfth-genres``: the same, session 43: product recall notices, parliamentary written answers, restaurant
  menus, accessibility statements, film festival catalogue entries, job advertisements, travel advice, podcast show
  notes, back-of-book index entries and honours list citations (``tests/data/professional_twelfth_genres.txt``);
- ``own-thirteenth-genres``: the same, session 44: university course descriptions, calls for papers, museum audio
  guide scripts, angling regulations, car road tests, clothing product descriptions and care labels, notices of
  shareholder meetings, parcel tracking updates, hospital discharge advice and charity fundraising appeals
  (``tests/data/professional_thirteenth_genres.txt``);
- ``own-fourteenth-genres``: the same, session 45: public transport service notices, planning application notices,
  horse racing race cards, opera and ballet synopses, hotel guest directories, public procurement notices, food
  packaging labels, volunteer role descriptions, walking route cards and instructions to examination candidates
  (``tests/data/professional_fourteenth_genres.txt``);
- ``own-fifteenth-genres``: the same, session 46: allotment society minutes, orchestra audition notices, veterinary
  advice, patent abstracts, bridge club reports, funeral notices, ski resort reports, library opening hours, art
  restoration reports and beekeeping newsletters (``tests/data/professional_fifteenth_genres.txt``);
- ``own-sixteenth-genres``: the same, session 47: letters from letting agents to tenants, vehicle service reports,
  horticultural show schedules, archaeological excavation reports, household waste collection notices, wedding and
  birth announcements, prize draw terms, building survey reports, cycling stage race reports and recipe headnotes
  (``tests/data/professional_sixteenth_genres.txt``);
- ``own-seventeenth-genres``: the same, session 49: arboricultural tree survey reports, mountain rescue call-out
  reports, swimming pool timetables and rules, lost and found notices, bell-ringing peal reports, thesis
  acknowledgements, builders' quotations, pollen and air quality bulletins, stamp catalogue entries and community
  choir rehearsal notes (``tests/data/professional_seventeenth_genres.txt``);
- ``own-eighteenth-genres``: the same, session 50: laboratory notebook entries, fire risk assessments, yoga class
  cues, orienteering event details, home brewing logs, model railway club newsletters, software incident
  postmortems, parent-teacher association newsletters, conference speaker biographies and pottery kiln logs
  (``tests/data/professional_eighteenth_genres.txt``);
- ``own-nineteenth-genres``: the same, session 52: version control commit messages, geotechnical borehole logs,
  radio road traffic bulletins, food hygiene inspection reports, piano tuning notes, driving lesson feedback, theatre
  cue sheets, farm diary entries, film subtitles and privacy notices
  (``tests/data/professional_nineteenth_genres.txt``);
- ``own-twentieth-genres``: the same, session 53: building regulations, ferry timetable notes, knitting patterns,
  patient information leaflets, ship's logbook entries, software release notes, tax guidance, museum object labels,
  estate agents' property particulars and election manifesto pledges
  (``tests/data/professional_twentieth_genres.txt``);
- ``own-twentyfirst-genres``: the same, session 54: first aid instructions, dressmaking pattern steps, aquarium fish
  care sheets, school trip letters, mountain hut house rules, churchyard monumental inscriptions, bicycle workshop
  job cards, cabin crew safety announcements, plant nursery catalogue entries and tide table notes
  (``tests/data/professional_twentyfirst_genres.txt``).

For each source: sentences with a major finding (and how many of those majors are MTF401
raised by a rule in the same sentence, with the rule), sentences edited by ``fix``, and the
rule findings (MTF1xx, MTF2xx, and LanguageTool's major ones) by code, with ``--show CODE`` printing each one in context;
then the sentences with a major by its class (``MTF401`` on its probability, ``MTF401+MTF116`` raised by
a rule, or a rule's own major) and the edited ones by the codes whose safe fixes applied; ``--dump FILE``
writes each such sentence as a JSON line (text, classes, messages, the fixed text) to read them one by one.
Held-out files (MQM 2023, he-en 2023, MLQE-PE test/test21) are never read.

    python bench/audit_professional.py                 # every source
    python bench/audit_professional.py --only own-genres --dump /tmp/own.jsonl
    python bench/audit_professional.py --limit 500 --show MTF116
    python bench/audit_professional.py --grammar required --limit 1000   # with the real LanguageTool
    python bench/audit_professional.py --dump /tmp/majors.jsonl          # every major and edit, to read
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_data import PAIRS, SHARED_HELP, PESet, load_pe, read_jsonl, require_shared, shared_dir  # noqa: E402


def shared_root(explicit: str | None, needs: str, prog: str) -> Path:
    """:func:`shared_dir` when its folder ``needs`` (``""``: itself) exists, else exit 2 after one line on stderr,
    ``prog: FOLDER not found (...)`` (:func:`eval_data.require_shared`)."""
    root = shared_dir(explicit)
    require_shared(root, needs, prog)
    return root


def table_row(cells: Sequence[str], markdown: bool) -> str:
    """One row of an audit's table: Markdown (``| a | b |``), else the cells two spaces apart."""
    return ("| " + " | ".join(cells) + " |") if markdown else "  ".join(cells)


def markdown_rule(head: Sequence[str]) -> str:
    """The line under a Markdown table's ``head``."""
    return "|" + "---|" * len(head)


def reference_sentences(path: Path) -> Iterator[str]:
    """The distinct human references of an MQM file, in order."""
    yield from dict.fromkeys(r["reference"] for r in read_jsonl(path) if r.get("reference"))


def post_edit_sentences(root: Path) -> Iterator[str]:
    """The MLQE-PE dev post-edits of every pair in :data:`eval_data.PAIRS`, in order (``root``: the benchmarks)."""
    for pair in PAIRS:
        yield from (r["pe"] for r in load_pe(PESet(pair, "dev"), root))


def treebank_sentences(root: Path) -> Iterator[str]:
    """The sentences of a UD treebank folder's dev and test files, in order."""
    from mtfix.garble import conllu

    for path in sorted(root.glob("*-dev.conllu")) + sorted(root.glob("*-test.conllu")):
        yield from conllu.texts(path)


#: professional sets written for mtfix and kept in the repository (one sentence a line, "#" comments)
OWN_SETS = {"own-genres": REPO / "tests" / "data" / "professional_genres.txt",
            "own-institutional": REPO / "tests" / "data" / "professional_institutional.txt",
            "own-more-genres": REPO / "tests" / "data" / "professional_more_genres.txt",
            "own-fifth-genres": REPO / "tests" / "data" / "professional_fifth_genres.txt",
            "own-sixth-genres": REPO / "tests" / "data" / "professional_sixth_genres.txt",
            "own-seventh-genres": REPO / "tests" / "data" / "professional_seventh_genres.txt",
            "own-eighth-genres": REPO / "tests" / "data" / "professional_eighth_genres.txt",
            "own-ninth-genres": REPO / "tests" / "data" / "professional_ninth_genres.txt",
            "own-tenth-genres": REPO / "tests" / "data" / "professional_tenth_genres.txt",
            "own-eleventh-genres": REPO / "tests" / "data" / "professional_eleventh_genres.txt",
            "own-twelfth-genres": REPO / "tests" / "data" / "professional_twelfth_genres.txt",
            "own-thirteenth-genres": REPO / "tests" / "data" / "professional_thirteenth_genres.txt",
            "own-fourteenth-genres": REPO / "tests" / "data" / "professional_fourteenth_genres.txt",
            "own-fifteenth-genres": REPO / "tests" / "data" / "professional_fifteenth_genres.txt",
            "own-sixteenth-genres": REPO / "tests" / "data" / "professional_sixteenth_genres.txt",
            "own-seventeenth-genres": REPO / "tests" / "data" / "professional_seventeenth_genres.txt",
            "own-eighteenth-genres": REPO / "tests" / "data" / "professional_eighteenth_genres.txt",
            "own-nineteenth-genres": REPO / "tests" / "data" / "professional_nineteenth_genres.txt",
            "own-twentieth-genres": REPO / "tests" / "data" / "professional_twentieth_genres.txt",
            "own-twentyfirst-genres": REPO / "tests" / "data" / "professional_twentyfirst_genres.txt"}


def own_set_sentences(path: Path) -> Iterator[str]:
    """The lines of one of :data:`OWN_SETS`, comments and blank lines aside."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n")


def sources(shared: Path) -> dict[str, Iterator[str]]:
    bench = shared / "benchmarks"
    return {
        "mqm-ref": reference_sentences(bench / "mqm-zh-en-2020.jsonl.gz"),
        "ted-ref": reference_sentences(bench / "mqm-zh-en-ted2021.jsonl"),
        "mlqe-pe": post_edit_sentences(bench),
        "ewt": treebank_sentences(shared / "corpora" / "ud-english-ewt"),
        **{name: own_set_sentences(path) for name, path in OWN_SETS.items()},
    }


def _major_key(f) -> str:
    """A major finding's class: its code, and for MTF401 what made it major (a rule, or the probability)."""
    if f.code != "MTF401":
        return f.code
    if "in the same sentence agrees" in f.message:
        return "MTF401+" + f.message.rsplit("(major: ", 1)[1].split()[0]
    return "MTF401"


def audit(texts: Iterator[str], pipe, limit: int | None, show: set[str], dump=None, name: str = "") -> dict:
    """Counts for one source (see the module docstring); ``dump``, a file, gets a JSON line per sentence
    with a major finding or an edit."""
    from mtfix.model import Severity

    n = major = edited = 0
    raised: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    by_major: Counter[str] = Counter()
    by_edit: Counter[str] = Counter()
    for text in texts:
        if limit is not None and n >= limit:
            break
        n += 1
        findings = pipe.check(text).findings
        majors = [f for f in findings if f.severity.rank >= Severity.MAJOR.rank]
        major += bool(majors)
        for f in majors:
            if f.code == "MTF401" and "in the same sentence agrees" in f.message:
                raised[f.message.rsplit("(major: ", 1)[1].split()[0]] += 1
        for f in findings:
            if f.code.startswith(("MTF1", "MTF2", "LT:")) and (not f.code.startswith("LT:") or f in majors):
                rules[f.code] += 1
                if f.code in show:
                    print(f"  {f.code} {f.severity} {f.fix}: …{text[max(0, f.start - 50):f.end + 50]}…")
        fixed = pipe.fix(text).text
        edited += fixed != text
        majors_by = sorted({_major_key(f) for f in majors})
        by_major.update(majors_by)
        edit_codes = sorted({f.code for f in findings if f.edits and str(f.fix) == "safe"}) if fixed != text else []
        by_edit.update(edit_codes)
        if dump is not None and (majors or fixed != text):
            dump.write(json.dumps({"source": name, "text": text, "majors": majors_by,
                                   "messages": [f.message for f in majors],
                                   "fixed": fixed if fixed != text else None, "edit_codes": edit_codes},
                                  ensure_ascii=False) + "\n")
    return {"sentences": n, "major": major, "raised_by": dict(raised), "edited": edited,
            "rule_findings": dict(rules.most_common()), "major_by": dict(by_major.most_common()),
            "edited_by": dict(by_edit.most_common())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, help="at most this many sentences per source")
    ap.add_argument("--only", action="append", help="a source to run (repeatable)")
    ap.add_argument("--show", action="append", default=[], help="print each finding of this code")
    ap.add_argument("--grammar", choices=("off", "auto", "required"), default="off",
                    help="LanguageTool: its major findings are listed with the rules'")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--dump", help="write each sentence with a major finding or an edit here (JSON lines)")
    args = ap.parse_args(argv)
    root = shared_root(args.shared, "benchmarks", "audit_professional")

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    out = {}
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    with Pipeline(Config(grammar=args.grammar)) as pipe:
        print(f"signature: {pipe.signature()}")
        for name, texts in sources(root).items():
            if args.only and name not in args.only:
                continue
            fig = audit(texts, pipe, args.limit, set(args.show), dump, name)
            out[name] = fig
            n = fig["sentences"]
            print(f"{name}: {n} sentences | major {fig['major']} ({100 * fig['major'] / max(n, 1):.1f} %), "
                  f"of them MTF401 raised by a rule: {fig['raised_by'] or 0} | edited {fig['edited']} | "
                  f"rule findings {fig['rule_findings']}")
            print(f"  majors by class {fig['major_by']} | edits by code {fig['edited_by']}")
    if dump is not None:
        dump.close()
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
