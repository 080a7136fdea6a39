"""A newsroom's glossary as it really is (session 38): run a 186-entry glossary of our own over articles of our
own that use it rightly and wrongly, and list every glossary finding with its fix safety, for a desk editor to read.

The glossary (``bench/data/newsroom_s38/newsroom.tsv``) has people with several transliterations, places,
organisations with acronyms, house-style terms, entries whose term is a common word ("Bar", "Nice", "Split",
"Reading"), a person whose short form is a month ("Theresa May"), names inside longer names and names wrapped
across a line break.  ``clean.txt`` uses it rightly (no finding is the target); the others use it wrongly or
put its names where they must be left alone (``tricky.txt``, ``contexts.txt``).  Session 39 added articles of
its own with the same glossary (``bench/data/newsroom_s39/``: family names in the plural, names over a short line
or a line of one word).  Session 40 added a fresh glossary of its own with its articles (``bench/data/newsroom_s40/``:
``desk.tsv``, 37 entries of Central Asia and the South Caucasus, read with that folder's articles only).  Session 41
added headlines in capitals read with ``desk.tsv`` (``bench/data/newsroom_s41/``: misspelt names to find, capitals
lines of acronyms, codes and everyday words to leave).  Session 42 added more read with ``desk.tsv``
(``bench/data/newsroom_s42/``: a headline's misspelt name before another word, families' names in the plural).
Session 43 added more read with ``desk.tsv`` (``bench/data/newsroom_s43/``: a possessive's "s" in lower case on a
headline in capitals, a given name or an everyday word after a headline's surname; its ``given_names.tsv`` is
``bench/given_names.py``'s).
Session 44 added more read with ``desk.tsv`` (``bench/data/newsroom_s44/``: a headline's surname before an irregular
past, an everyday noun or an age; a fix adding a final "s" before a possessive).
Session 45 added more read with ``desk.tsv`` (``bench/data/newsroom_s45/``: a news agency's dateline, "TASHKENNT,
Dec 5 (Reuters) -", and a headline's past before a semicolon).
Session 46 added more read with ``desk.tsv`` (``bench/data/newsroom_s46/``: bylines and photo credits in capitals
on a line in mixed case, "By JANE MARHS, Staff Reporter", and a section's label, "ANALYSIS-…", "…; LIVE UPDATES").
Session 47 added more read with ``desk.tsv`` (``bench/data/newsroom_s47/``: pull quotes, tables in an article,
a Markdown table, a CSV file's cells, XLIFF notes and PO comments, captions and lists of names, a surname in
capitals in prose); a folder's ``.md``, ``.csv``, ``.xlf`` and ``.po`` files (not its README) are read in their
format, each unit checked as the CLI checks it (a CSV file's text in its ``text`` column).
Session 48 added its own glossary with its articles (``bench/data/newsroom_s48/``: ``desk48.tsv``; a speaker's
surname in capitals with swapped letters, "-ow" for "-ov", "said DANIEL WLESH", surnames alone in table cells,
code indented by a tab).
Session 49 added its own glossary with its articles (``bench/data/newsroom_s49/``: ``desk49.tsv``; surnames that are
mass nouns or colours at a first mention, a speaker's surname in capitals with a letter dropped or letters apart
swapped, indented prose lines ending ";", an "-ow" word before a place noun on a short or title-case line).
Session 50 added its own glossary with its articles (``bench/data/newsroom_s50/``: ``desk50.tsv``; surnames that are
English nouns in lists of capitalised common nouns, a speaker's surname in capitals with a letter dropped, indented
bullet items of prose, clean professional text in tables, Markdown and code).
Session 51 added its own glossary with its articles (``bench/data/newsroom_s51/``: ``desk51.tsv``; lists joined by
semicolons or slashes, a list's item in neither word list, a bullet item opened by its only function word with a
comma, names in title-case headlines and titles of works).
Session 52 added its own glossary with its articles (``bench/data/newsroom_s52/``: ``desk52.tsv``; people lists whose
other surnames the word lists know, Python imports under a Markdown bullet, a letter added at a name's end, slash
pairs of surnames).
Session 53 added its own glossary with its articles (``bench/data/newsroom_s53/``: ``desk53.tsv``; lists of things
beside a reporting verb, before a noun or ended by a clause's semicolon, a slash pair in a longer label, given names
and titles that are English nouns in lists of people).
Session 54 added its own glossary with its articles (``bench/data/newsroom_s54/``: ``desk54.tsv``; titles and given
names before noun-surnames with evidence of people, irregular pasts and verbs that are nouns after lists, a surname
after an honorific, lists of noun-surnames after a thing that "says" and company names).

Run: ``python bench/newsroom_glossary.py [--no-bundled] [--tree TREE] [FILE ...]``; ``--tree`` runs another
mtfix tree's checker (an A/B: the session's base tree), with this tree's data.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "bench" / "data" / "newsroom_s38"
#: The folders of articles read by default (each one's ``.txt`` files, in order), each with the newsroom glossary
#: its articles are checked with.
ARTICLES = ((DATA, DATA / "newsroom.tsv"), (REPO / "bench" / "data" / "newsroom_s39", DATA / "newsroom.tsv"),
            (REPO / "bench" / "data" / "newsroom_s40", REPO / "bench" / "data" / "newsroom_s40" / "desk.tsv"),
            (REPO / "bench" / "data" / "newsroom_s41", REPO / "bench" / "data" / "newsroom_s40" / "desk.tsv"),
            (REPO / "bench" / "data" / "newsroom_s42", REPO / "bench" / "data" / "newsroom_s40" / "desk.tsv"),
            (REPO / "bench" / "data" / "newsroom_s43", REPO / "bench" / "data" / "newsroom_s40" / "desk.tsv"),
            (REPO / "bench" / "data" / "newsroom_s44", REPO / "bench" / "data" / "newsroom_s40" / "desk.tsv"),
            (REPO / "bench" / "data" / "newsroom_s45", REPO / "bench" / "data" / "newsroom_s40" / "desk.tsv"),
            (REPO / "bench" / "data" / "newsroom_s46", REPO / "bench" / "data" / "newsroom_s40" / "desk.tsv"),
            (REPO / "bench" / "data" / "newsroom_s47", REPO / "bench" / "data" / "newsroom_s40" / "desk.tsv"),
            (REPO / "bench" / "data" / "newsroom_s48", REPO / "bench" / "data" / "newsroom_s48" / "desk48.tsv"),
            (REPO / "bench" / "data" / "newsroom_s49", REPO / "bench" / "data" / "newsroom_s49" / "desk49.tsv"),
            (REPO / "bench" / "data" / "newsroom_s50", REPO / "bench" / "data" / "newsroom_s50" / "desk50.tsv"),
            (REPO / "bench" / "data" / "newsroom_s51", REPO / "bench" / "data" / "newsroom_s51" / "desk51.tsv"),
            (REPO / "bench" / "data" / "newsroom_s52", REPO / "bench" / "data" / "newsroom_s52" / "desk52.tsv"),
            (REPO / "bench" / "data" / "newsroom_s53", REPO / "bench" / "data" / "newsroom_s53" / "desk53.tsv"),
            (REPO / "bench" / "data" / "newsroom_s54", REPO / "bench" / "data" / "newsroom_s54" / "desk54.tsv"))
#: the extensions of files read in their own format (a unit at a time), besides the plain ``.txt`` articles
FORMATTED = (".md", ".csv", ".xlf", ".po")


def _articles(folder: Path) -> list[Path]:
    """``folder``'s articles: its ``.txt`` files, then its files of :data:`FORMATTED` but its README."""
    formatted = [p for p in folder.iterdir() if p.suffix in FORMATTED and not p.name.startswith("README")]
    return sorted(folder.glob("*.txt")) + sorted(formatted)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, help="articles (default: the .txt files of the data folders)")
    ap.add_argument("--no-bundled", action="store_true", help="the newsroom glossary alone")
    ap.add_argument("--tree", type=Path, default=REPO, help="the mtfix tree whose checker runs (default: this one)")
    args = ap.parse_args()
    sys.path.insert(0, str(args.tree.resolve()))
    from mtfix.files import unit_document
    from mtfix.formats import load
    from mtfix.glossary.checker import GlossaryChecker
    from mtfix.segment import to_document

    checkers = {g: GlossaryChecker.from_files((str(g),), bundled=not args.no_bundled) for g in {g for _, g in ARTICLES}}
    jobs = [(p, checkers[DATA / "newsroom.tsv"]) for p in args.files] or [
        (p, checkers[g]) for folder, g in ARTICLES for p in _articles(folder)]
    totals: Counter[str] = Counter()
    for path, checker in jobs:
        if path.suffix in FORMATTED:
            texts = [(checker.check(unit_document(u, str(path))), u.text, u.line_offset)
                     for u in load(path.read_bytes(), str(path), text_field="text").units]
        else:
            text = path.read_text(encoding="utf-8")
            texts = [(checker.check(to_document(text)), text, 0)]
        count = 0
        for results, text, first_line in texts:
            for f in results:
                line = first_line + text.count("\n", 0, f.start) + 1
                got = text[f.start:f.end].replace("\n", "⏎")
                fix = (f.suggestions[0] if f.suggestions else "").replace("\n", "⏎")
                print(f"{path.name}:{line}\t{f.code}\t{f.fix}\t{got!r} -> {fix!r}")
                totals[f"{f.code} {f.fix}"] += 1
                count += 1
        print(f"{path.name}: {count} finding(s)")
    print("totals:", ", ".join(f"{k} {v}" for k, v in sorted(totals.items())) or "none")


if __name__ == "__main__":
    main()
