"""Precision on professional English: ``fix`` changes nothing and nothing is major.

The sentences (``tests/data/professional_news.txt``, and ``professional_genres.txt``: sports, markets,
science, courts, weather, obituaries, reviews, release notes, abstracts, parliaments, recipes and
interviews, session 17; ``professional_institutional.txt``: press releases, university news, embassy statements,
NGO reports, legal notices, job adverts, events, FAQs, documentation, public-health and transport notices,
headlines, captions, Markdown list items, session 18; ``professional_more_genres.txt``: verbatim transcripts
and oral history, social-media and forum posts, software manuals and API docs, legal contracts and terms, medical
and pharmacy leaflets, poetry and song lyrics, children's stories, historical and religious texts, headlines and
captions, session 21; ``professional_fifth_genres.txt``: financial filings and earnings calls, wire reports
dense with names from the Caucasus, Central Asia and the Middle East, quoted dialect, property listings and
classified adverts, patent claims and standards, screenplays and stage scripts, minutes of meetings, museum labels
and auction catalogues, bibliographies and footnotes, shipping forecasts and guidebook listings, session 22;
``professional_sixth_genres.txt``: live sports commentary, troubleshooting and tech support, liturgy and hymnals,
translated literature, crossword clues and quizzes, law reports with Latin, knitting patterns, textbook exercises,
horoscopes and advice columns, rulebooks of games, session 23) were
written for these tests in the style of the outlets whose English mtfix
must leave alone; each carries something a rule could mistake for an MT artifact.  Every sentence is
checked as its own document, and each file as one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.model import Severity

DATA = Path(__file__).parent.parent / "data" / "professional_news.txt"
GENRES = Path(__file__).parent.parent / "data" / "professional_genres.txt"
INSTITUTIONAL = Path(__file__).parent.parent / "data" / "professional_institutional.txt"
MORE_GENRES = Path(__file__).parent.parent / "data" / "professional_more_genres.txt"
FIFTH_GENRES = Path(__file__).parent.parent / "data" / "professional_fifth_genres.txt"
SIXTH_GENRES = Path(__file__).parent.parent / "data" / "professional_sixth_genres.txt"
#: Sentences of ``professional_more_genres.txt`` that the detector still calls major on its probability alone
#: (session 21, not fixed: each fix tried cost machine-translation majors on realmt train, see bench/RESULTS.md).
#: The set's tests leave them out; :func:`test_known_false_majors` fails once one is fixed.
KNOWN_FALSE_MAJORS = (  # the tenancy covenant and the signature line: fixed by garble-1.0@ac2c23f09776 (session 24)
    "To the King's most excellent Majesty, the humble petition of the inhabitants of this parish.",
    'The little pig said, "No, no, not by the hair of my chinny chin chin!"',
)
#: Sentences of ``professional_fifth_genres.txt`` the detector calls major on its probability alone (session 22,
#: not fixed): a guidebook's unglossed loanwords ("plov", "kazans"), which the detector cannot tell from words MT
#: left untranslated without the source; :func:`test_known_false_majors` fails once one is fixed.
KNOWN_FALSE_MAJORS_22: tuple[str, ...] = ()  # the guidebook's plov and kazans: fixed by garble-1.0@ac2c23f09776 (session 24)
#: Sentences of ``professional_sixth_genres.txt`` the detector calls major on its probability alone (session 23,
#: not fixed): a terrace chant, one phrase three times, which is the shape of an MT loop (MLQE-PE dev MT repeats
#: a vocative the same way, with "!"), and the verbless Trinitarian formula of liturgy, a chain of "of the" with no
#: verb, which is the shape of garbled MT; :func:`test_known_false_majors` fails once one is fixed.
KNOWN_FALSE_MAJORS_23 = (  # the terrace chant: fixed by garble-1.0@ac2c23f09776 (session 24)
    "In the name of the Father, and of the Son, and of the Holy Spirit. Amen.",
)


#: Sentences of ``professional_news.txt`` the detector called major on its probability alone since
#: garble-1.0@ac2c23f09776 (session 24): 'The Azerbaijani name of the region, Dağlıq Qarabağ, means "mountainous
#: black garden," ...' (p 0.653, major 0.634).  Not the name (two proper nouns; with "Karabakh" in its place
#: p is 0.640, still major): the quotation marks of the gloss, +0.33 in logits, which the model learnt from names quoted
#: in MT.  Fixed by analysis revision 20 (session 27: a quoted gloss is read without its marks, p 0.562, minor);
#: the sentence is back in the news set's tests.
KNOWN_FALSE_MAJORS_24: tuple[str, ...] = ()

_KNOWN = KNOWN_FALSE_MAJORS + KNOWN_FALSE_MAJORS_22 + KNOWN_FALSE_MAJORS_23 + KNOWN_FALSE_MAJORS_24


def _sentences(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#") and ln not in _KNOWN]


SENTENCES = _sentences(DATA)
SETS = pytest.mark.parametrize("path", [DATA, GENRES, INSTITUTIONAL, MORE_GENRES, FIFTH_GENRES, SIXTH_GENRES],
                               ids=["news", "genres", "institutional", "more-genres", "fifth-genres", "sixth-genres"])


@SETS
def test_fix_changes_no_professional_sentence(pipeline, path):
    sentences = _sentences(path)
    changed = [s for s in sentences if pipeline.fix(s).text != s]
    assert changed == []
    whole = "\n".join(sentences) + "\n"
    assert pipeline.fix(whole).text == whole


@SETS
def test_no_professional_sentence_gets_a_major_finding(pipeline, path):
    sentences = _sentences(path)
    majors = [(s, f.code) for s in sentences for f in pipeline.check(s).findings
              if f.severity.rank >= Severity.MAJOR.rank]
    assert majors == []
    whole = "\n".join(sentences) + "\n"
    assert [f.code for f in pipeline.check(whole).findings if f.severity.rank >= Severity.MAJOR.rank] == []


@pytest.mark.parametrize(("fragment", "code"), [
    ("Mr. Aliyev and Mr. Pashinian met", "MTF402"),  # "Mr" "." read as a sentence break (tokens revision 2)
    ("since records began", "MTF404"),  # a clause, not a stranded verb
])
def test_session_7_false_alarms_stay_gone(pipeline, fragment, code):
    (sentence,) = [s for s in SENTENCES if fragment in s]
    assert code not in {f.code for f in pipeline.check(sentence).findings}


def test_the_known_false_majors_are_in_the_set() -> None:
    lines = set(MORE_GENRES.read_text(encoding="utf-8").splitlines())
    assert set(KNOWN_FALSE_MAJORS) <= lines
    assert set(KNOWN_FALSE_MAJORS_22) <= set(FIFTH_GENRES.read_text(encoding="utf-8").splitlines())
    assert set(KNOWN_FALSE_MAJORS_23) <= set(SIXTH_GENRES.read_text(encoding="utf-8").splitlines())
    assert set(KNOWN_FALSE_MAJORS_24) <= set(DATA.read_text(encoding="utf-8").splitlines())


def test_the_quoted_gloss_of_a_place_name_is_no_major(pipeline):
    """Session 24's false major (KNOWN_FALSE_MAJORS_24), fixed by analysis revision 20."""
    (sentence,) = [s for s in SENTENCES if "Dağlıq Qarabağ" in s and "means" in s]
    assert all(f.severity.rank < Severity.MAJOR.rank for f in pipeline.check(sentence).findings)
    assert pipeline.fix(sentence).text == sentence


_KNOWN_FALSE_REASONS = (
    (KNOWN_FALSE_MAJORS, "session 21: the detector's false majors on verbless lines, a defined term beside a rare "
                         "legal word and a nonce word of a nursery tale (not fixed)"),
    (KNOWN_FALSE_MAJORS_22, "session 22: unglossed loanwords of a guidebook read as words MT left untranslated "
                            "(not fixed)"),
    (KNOWN_FALSE_MAJORS_23, "session 23: the verbless Trinitarian formula (garbled MT's shape) (not fixed)"),
    (KNOWN_FALSE_MAJORS_24, "session 24: a quoted gloss after a place name (fixed by analysis revision 20)"),
)


@pytest.mark.parametrize("sentence", [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=reason))
                                      for sentences, reason in _KNOWN_FALSE_REASONS for s in sentences])
def test_known_false_majors(pipeline, sentence):
    assert all(f.severity.rank < Severity.MAJOR.rank for f in pipeline.check(sentence).findings)
    assert pipeline.fix(sentence).text == sentence
