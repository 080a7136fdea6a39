"""Precision on clean English in the genre sets of sessions 38 to 50 (``tests/data/professional_*_genres.txt``, our
own lines): ``fix`` changes nothing and nothing is major, each line as its own document and each genre whole; the
lines the detector still calls major are strict xfails that fail once one is fixed.  One module parametrised over
the sets (session 41: it replaces the four copies of the same tests, one per set; session 44 folded in the copies
of sessions 42 to 44; every case keeps its set in its id; a set whose file has ``# --- genre`` lines and is not in
:data:`SETS` fails :func:`test_every_set_of_genres_is_here`).  The sets of sessions 42 to 49 keep their own tests of
the classes each mended in ``test_precision_{eleventh,...,seventeenth}_genres_s4*.py``.  The sets:

* ``seventh`` (session 38, 396 lines): sports results, market reports, court reports, science, recipes, obituaries,
  listings, interviews, live blogs, government notices, UI strings, help pages and weather (its own tests of time
  stamps and inline tags stay in ``test_precision_seventh_genres_s38.py``);
* ``eighth`` (session 39, 370 lines): corrections and editor's notes, product reviews, speeches and hearings, notes
  to financial statements, headlines in title case, photo captions with credits, tables flattened to text,
  scientific methods, letters and emails, CV bullet points, tasting notes and public announcements;
* ``ninth`` (session 40, 250 lines): safety data sheets, travel itineraries, dictionary entries, insurance and
  warranty wording, birdwatchers' field notes, assembly instructions, school reports, concert programme notes,
  training plans and police appeals;
* ``tenth`` (session 41, 250 lines): clinical case reports, climbing route guides, sailing directions, genealogy
  records, chess annotations, election results, peer-review reports, book jacket copy, animal adoption profiles and
  gardening notes;
* ``eleventh`` (session 42, 250 lines): aviation and marine incident summaries, explanatory notes to legislation,
  archive finding aids, software licence summaries, dialect glossaries, listed-building descriptions, examiners' mark
  schemes, style guide entries, astronomers' observing notes and television episode synopses;
* ``twelfth`` (session 43, 250 lines): product recall notices, parliamentary written answers, restaurant menus,
  accessibility statements, film festival catalogue entries, job advertisements, travel advice, podcast show notes,
  back-of-book index entries and honours list citations;
* ``thirteenth`` (session 44, 250 lines): university course descriptions, calls for papers, museum audio guide
  scripts, angling regulations, car road tests, clothing product descriptions, notices of shareholder meetings,
  parcel tracking updates, hospital discharge advice and charity fundraising appeals (no rule outside the garble
  detector's, MTF4xx, finds anything in it: ``detectors_only``);
* ``fourteenth`` (session 45, 250 lines): public transport service notices, planning application notices, horse
  racing race cards, opera and ballet synopses, hotel guest directories, public procurement notices, food packaging
  labels, volunteer role descriptions, walking route cards and instructions to examination candidates (its own
  tests in ``test_precision_fourteenth_genres_s45.py``; ``detectors_only`` too);
* ``fifteenth`` (session 46, 250 lines): allotment society minutes, orchestra audition notices, veterinary advice,
  patent abstracts, bridge club reports, funeral notices, ski resort reports, library opening hours, art restoration
  reports and beekeeping newsletters (no false major; its own tests in
  ``test_precision_fifteenth_genres_s46.py``; ``detectors_only`` too);
* ``sixteenth`` (session 47, 250 lines): letters from letting agents to tenants, vehicle service reports, horticultural
  show schedules, archaeological excavation reports, waste collection notices, wedding and birth announcements, prize
  draw terms, building survey reports, cycling stage race reports and recipe headnotes (one false major, the
  detector's; its own tests in ``test_precision_sixteenth_genres_s47.py``; ``detectors_only`` too);
* ``seventeenth`` (session 49, 250 lines): tree survey reports, mountain rescue call-outs, swimming pool rules, lost and
  found notices, bell-ringing peal reports, thesis acknowledgements, builders' quotations, pollen and air quality
  bulletins, stamp catalogue entries and choir rehearsal notes (one false major, the detector's; its own tests in
  ``test_precision_seventeenth_genres_s49.py``; ``detectors_only`` too);
* ``eighteenth`` (session 50, 250 lines): laboratory notebook entries, fire risk assessments, yoga class cues,
  orienteering event details, home brewing logs, model railway club newsletters, software incident postmortems,
  parent-teacher association newsletters, conference speaker biographies and pottery kiln logs (no edit, no major;
  ``detectors_only`` too);
* ``nineteenth`` (session 52, 250 lines): version control commit messages, geotechnical borehole logs, radio road
  traffic bulletins, food hygiene inspection reports, piano tuning notes, driving lesson feedback, theatre cue
  sheets, farm diary entries, film subtitles and privacy notices (no edit, no major; ``detectors_only`` too);
* ``twentieth`` (session 53, 250 lines): building regulations, ferry timetable notes, knitting patterns, patient
  information leaflets, ship's logbook entries, software release notes, tax guidance, museum object labels, property
  particulars and election manifesto pledges (no edit, no major; ``detectors_only`` too);
* ``twentyfirst`` (session 54, 250 lines): first aid instructions, dressmaking pattern steps, aquarium fish care
  sheets, school trip letters, mountain hut house rules, churchyard monumental inscriptions, bicycle workshop job
  cards, cabin crew safety announcements, plant nursery catalogue entries and tide table notes (no edit, no major;
  ``detectors_only`` too).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.precision.genre_lines import assert_untouched, codes, genres, majors

DATA = Path(__file__).parent.parent / "data"


@dataclass(frozen=True)
class GenreSet:
    """One set: its data file, the session that wrote it, its least number of genres (``exact``: exactly that
    many) and of lines per genre, and its known false majors (detector inputs untouched, reported for a refit);
    ``lines``: its exact number of lines (the false majors counted), when pinned; ``detectors_only``: no rule but
    the garble detector's (MTF4xx) finds anything in it."""

    file: str
    session: int
    min_genres: int
    min_lines: int
    false_majors: tuple[str, ...]
    exact: bool = False
    lines: int | None = None
    detectors_only: bool = False

    @property
    def path(self) -> Path:
        return DATA / self.file


SETS: dict[str, GenreSet] = {
    # a recipe step with an imperative and a gerund, read as verbless, passes since misreads-14 (session 42: "Toss"
    # read as a preposition) and is checked with its genre again, as are the four live-blog entries session 38
    # listed (since analysis revision 25, session 39).
    "seventh": GenreSet("professional_seventh_genres.txt", 38, 10, 25, ()),
    # a verbless photo caption of the shape MT's verbless sentences have (a plural, then chained prepositional
    # phrases), and a parliamentary formula with a passive prepositional verb at its end
    "eighth": GenreSet("professional_eighth_genres.txt", 39, 12, 29, (
        "Shoppers on the high street on the first weekend of the sales.",
        "In the opinion of the chair, the ayes have it, and the amendment is agreed to.",
    )),
    # a safety data sheet's verbless statement (a participle, then chained prepositional phrases), and a dictionary
    # entry whose verb sense ends in a preposition with its object left out ("to make a summary of.")
    "ninth": GenreSet("professional_ninth_genres.txt", 40, 10, 24, (
        "Not classified as a skin sensitiser on the basis of the available data.",
        "precis (n.) a summary of a text; (v.) to make a summary of.",
    ), exact=True),
    # a route guide's verbless description: a noun then a chain of prepositional phrases, MT's verbless shape
    "tenth": GenreSet("professional_tenth_genres.txt", 41, 10, 24, (
        "A classic line up the clean rib to the left of the main gully.",
    ), exact=True),
    # a style guide's entry under a lower-case headword whose imperative the tagger read as a noun before a quotation
    # mark ("use"): no label the checker reads (its first word is no capital) and no object after the verb
    "eleventh": GenreSet("professional_eleventh_genres.txt", 42, 10, 24, (
        'that, which: use "that" to define and "which" to add information, after a comma.',
    ), exact=True, lines=250),
    "twelfth": GenreSet("professional_twelfth_genres.txt", 43, 10, 24, (), exact=True, lines=250),
    "thirteenth": GenreSet("professional_thirteenth_genres.txt", 44, 10, 24, (), exact=True, lines=250,
                           detectors_only=True),
    # an examination's imperative after a fronted phrase and its comma, a phrasal verb the tagger read as a noun
    # before a preposition ("hand in"): MT's and a forecast's verbless "In the north, rain in the afternoon." have
    # the same tags (NN IN DT), so no misread rule takes it
    "fourteenth": GenreSet("professional_fourteenth_genres.txt", 45, 10, 24, (
        "At the end of the examination, hand in this booklet and any additional sheets.",
    ), exact=True, lines=250, detectors_only=True),
    "fifteenth": GenreSet("professional_fifteenth_genres.txt", 46, 10, 25, (), exact=True, lines=250,
                          detectors_only=True),
    # a letting agent's sentence whose major is the detector's weights alone (no sign, no rule: a refit's to mend)
    "sixteenth": GenreSet("professional_sixteenth_genres.txt", 47, 10, 24, (
        "The check-out appointment will compare the flat with the inventory signed at the start of the tenancy.",
    ), exact=True, lines=250, detectors_only=True),
    # a stamp catalogue's cross-reference whose major is the detector's weights alone (an imperative read as one, no
    # sign, no rule: a refit's to mend)
    "seventeenth": GenreSet("professional_seventeenth_genres.txt", 49, 10, 24, (
        "See also the Postage Due stamps at the end of the country's listing.",
    ), exact=True, lines=250, detectors_only=True),
    "eighteenth": GenreSet("professional_eighteenth_genres.txt", 50, 10, 25, (), exact=True, lines=250,
                           detectors_only=True),
    "nineteenth": GenreSet("professional_nineteenth_genres.txt", 52, 10, 25, (), exact=True, lines=250,
                           detectors_only=True),
    "twentieth": GenreSet("professional_twentieth_genres.txt", 53, 10, 25, (), exact=True, lines=250,
                          detectors_only=True),
    "twentyfirst": GenreSet("professional_twentyfirst_genres.txt", 54, 10, 25, (), exact=True, lines=250,
                            detectors_only=True),
}

GENRES = {name: genres(s.path, s.false_majors) for name, s in SETS.items()}


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_covers_its_genres(name):
    s, found = SETS[name], GENRES[name]
    assert len(found) == s.min_genres if s.exact else len(found) >= s.min_genres
    assert all(len(lines) >= s.min_lines for lines in found.values())
    assert set(s.false_majors) <= set(s.path.read_text(encoding="utf-8").splitlines())
    if s.lines is not None:
        assert sum(map(len, found.values())) + len(s.false_majors) == s.lines


def test_every_set_of_genres_is_here():
    """A new set's file is added to :data:`SETS`, not given a copy of these tests."""
    with_genres = {p.name for p in DATA.glob("professional_*_genres.txt")
                   if any(line.startswith("# --- ") for line in p.read_text(encoding="utf-8").splitlines())}
    assert with_genres == {s.file for s in SETS.values()}


@pytest.mark.parametrize(("name", "genre"), [(n, g) for n in sorted(SETS) for g in sorted(GENRES[n])],
                         ids=[f"{n}-{g}" for n in sorted(SETS) for g in sorted(GENRES[n])])
def test_no_line_is_edited_or_major(pipeline, name, genre):
    assert_untouched(pipeline, GENRES[name][genre])


@pytest.mark.parametrize(
    "sentence",
    [pytest.param(line, id=f"{n}-{line}", marks=pytest.mark.xfail(
        strict=True, reason=f"session {s.session}: the detector's false major (not fixed; detector inputs untouched)"))
     for n, s in sorted(SETS.items()) for line in s.false_majors])
def test_known_false_majors(pipeline, sentence):
    assert majors(pipeline, sentence) == []


@pytest.mark.parametrize("name", sorted(n for n, s in SETS.items() if s.detectors_only))
def test_no_rule_but_the_detectors_finds_anything(pipeline, name):
    found = [(line, c) for lines in GENRES[name].values() for line in lines for c in codes(pipeline, line)
             if not c.startswith("MTF4")]
    assert found == []
