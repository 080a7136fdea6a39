"""Hard-wrapped plain text: a line break inside a sentence is a space (:func:`mtfix.segment.wrapped_breaks`),
whatever starts the next line; titles, list items, addresses, sign-offs and short lines stay segments of their own."""

from __future__ import annotations

import sys
import textwrap
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix.segment import split_segments, to_document, wrapped_breaks

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from segment_wrapped import documents  # noqa: E402 - the corpus reader of the bench script


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


NEWS = ("Talks between Armenian Foreign Minister Ararat Mirzoyan and his Azerbaijani counterpart Jeyhun "
        "Bayramov in Washington ended without a signed text, but US Secretary of State Antony Blinken said the "
        "two sides were closer than ever to an agreement. European Council President Charles Michel offered "
        "to host the next round in Brussels or Geneva, his spokesman told Reuters on Friday.")


def test_a_sentence_wrapped_after_a_function_word_is_one_segment() -> None:
    doc = to_document("The minister met the delegation led by\nIlham Aliyev in Baku on Tuesday.\n")
    assert [doc.text[s.start:s.end] for s in doc.segments] == [
        "The minister met the delegation led by\nIlham Aliyev in Baku on Tuesday."]


@pytest.mark.parametrize("width", [60, 64, 68, 72, 76, 80])
def test_a_paragraph_wrapped_at_any_width_has_the_segments_of_the_unwrapped_one(width: int) -> None:
    wrapped = textwrap.fill(NEWS, width)
    assert any(line[:1].isupper() for line in wrapped.splitlines()[1:])  # some line starts with a capital
    assert [" ".join(s.split()) for s in _split(wrapped)] == _split(NEWS)


def test_wrapped_paragraphs_without_blank_lines_between_them_stay_apart() -> None:
    text = textwrap.fill(NEWS, 70) + "\n" + textwrap.fill("Officials in Yerevan declined to comment.", 70)
    assert _split(text)[-1] == "Officials in Yerevan declined to comment."


@pytest.mark.parametrize("text", [
    # a title and a list, each line its own segment (the colon line introduces a list)
    "Key decisions of the summit\nBorder delimitation\nTransport corridors\nReturn of displaced persons",
    "The following countries attended the meeting in Brussels on Friday:\nArmenia\nAzerbaijan\nGeorgia",
    # list items, whatever their length
    "- Sign the framework agreement on trade and customs by the end of the\n- Open two new border crossings",
    "1. Registration of the delegations and the accreditation of the\n2. Opening remarks by the chairman",
    # an address, a sign-off, menus
    "Ministry of Foreign Affairs of the Republic of Uzbekistan\n9 Uzbekistan Avenue\nTashkent 100029",
    "Best regards,\nElena Petrova\nSenior Editor, Caspian News Service",
    # one long line is no wrapped text: it needs a second line as long
    "Registration for the conference closes at the end of next week\nContact\nAnar Mammadov\nBaku office",
    "Home\nNews\nLog in\nSign up\nFollow us on Telegram\nPowered by Caspian Media Group\nRead more",
    # poetry and subtitles: short lines
    "The river runs below the hill\nWhere shepherds came in spring\nThe evening light is clear and still",
    "00:00:06,100 --> 00:00:08,000\nNobody was waiting for us\nNot even the driver",
])
def test_lines_that_are_no_wrapped_sentence_stay_separate(text: str) -> None:
    assert _split(text) == [line.strip() for line in text.splitlines()]


def test_a_title_before_a_wrapped_paragraph_stays_separate() -> None:
    body = textwrap.fill("Foreign ministers of Armenia and Azerbaijan signed a memorandum in Almaty on "
                         "Friday that sets out the rules under which their border commissions will work.", 72)
    for title in ("Armenia and Azerbaijan Sign Memorandum on Border Commissions in Almaty Talks",
                  "ARMENIA AND AZERBAIJAN SIGN MEMORANDUM ON BORDER COMMISSIONS IN ALMATY"):
        assert _split(title + "\n" + body)[0] == title


def test_a_new_indented_paragraph_stays_separate() -> None:
    first = textwrap.fill("Residents of the mountain village of Khinalug said the new road had cut the journey "
                          "to Quba from five hours to ninety minutes during the summer, the", 66)
    assert _split(first + "\n   Officials in Quba said more roads would follow.")[-1] == (
        "Officials in Quba said more roads would follow.")


def test_an_unwrapped_text_with_long_lines_is_unchanged() -> None:
    # lines far longer than any wrap width: each line break is the author's own
    text = NEWS + "\n" + NEWS.replace("Friday", "Monday")
    assert wrapped_breaks(text) == []


def test_crlf_line_breaks_join_too() -> None:
    text = textwrap.fill(NEWS, 64).replace("\n", "\r\n")
    assert [" ".join(s.split()) for s in _split(text)] == _split(NEWS)


def test_regions_are_left_to_the_format() -> None:
    from mtfix.model import Span

    text = "The minister met the delegation led by\nIlham Aliyev in Baku on Tuesday."
    assert len(split_segments(text, regions=[Span(0, len(text))])) == 2


def test_the_corpus_reads_as_marked() -> None:
    """Every line break of ``tests/data/wrapped_plain.txt`` as its mark says, but the known exception."""
    wrong = []
    for title, text, breaks in documents():
        segs = [(s.start, s.end) for s in split_segments(text)]
        for pos, joined in breaks:
            if any(s < pos < e for s, e in segs) != joined:
                wrong.append((title, text[text.rfind("\n", 0, pos) + 1 : pos]))
    # a label before an e-mail address in lower case: joined since before session 13 (a lower-case start)
    # (a headline with an article in it, "for the second time", is read as a headline since session 15)
    assert wrong == [("URL and e-mail on their own lines", "Press contact")]


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=60), st.integers(40, 90), st.sampled_from(["\n", "\r\n"]))
def test_joins_are_line_breaks_and_the_segments_cover_the_same_text(
        words: list[str], width: int, newline: str) -> None:
    text = textwrap.fill(" ".join(words), width).replace("\n", newline)
    for sp in wrapped_breaks(text):
        assert text[sp.start:sp.end] in ("\n", "\r\n")
    segs = split_segments(text)
    assert "".join("".join(text[s.start:s.end].split()) for s in segs) == "".join(text.split())
    assert all(a.end <= b.start for a, b in pairwise(segs))


def test_a_line_that_starts_in_lower_case_is_no_lost_subject() -> None:
    # pysbd ends a sentence at a line break: "I" / "have read" read as a sentence that lost its subject
    text = ("Thank you for sending the draft translation of the annual report so quickly. I\n"
            "have read the first two chapters and marked a few places where the terminology\n"
            "of the Ministry of Economy differs from the glossary we agreed on in January.\n")
    doc = to_document(text)
    assert doc.meta["lower_starts"] == []
    assert [doc.text[s.start:s.end] for s in doc.segments] == [text[:76], text[77:].strip()]
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    assert "MTF121" not in {f.code for f in Pipeline(Config(grammar="off")).check(text).findings}


def test_a_lost_subject_after_a_full_stop_on_the_line_before_is_still_found() -> None:
    text = "Exports rose by 4 percent in the quarter.\nsaid that the rise would continue."
    assert to_document(text).meta["lower_starts"] == [text.index("said")]


# -- session 14: headlines above a paragraph, mixed wrap widths, abbreviations at a line's end ------------
BODY = ("Azerbaijani Prime Minister Ali Asadov said on Monday that the railway through Nakhchivan would "
        "reopen to freight next spring, and that passenger trains would follow once the stations were "
        "rebuilt. Armenian officials did not comment.")


@pytest.mark.parametrize("width", [64, 68, 72, 76, 80])
@pytest.mark.parametrize("headline", [
    "Azerbaijani rail link through Nakhchivan to reopen to freight next spring",
    "Rail link through Nakhchivan to reopen next spring",
    "Baku says freight trains to run from next year",
    "Azerbaijan and Armenia agree to reopen rail link through Nakhchivan",  # a name at its end: by layout
])
def test_a_headline_above_a_wrapped_paragraph_that_starts_with_a_name_stays_separate(
        headline: str, width: int) -> None:
    text = headline + "\n" + textwrap.fill(BODY, width)
    below = [len(line) for line in text.splitlines()[1:4]]
    full = len(headline) + len(" Azerbaijani") > max(below)  # the next word would not have fitted on it
    if headline.endswith("Nakhchivan") and full and len(headline) < max(below) + 3:
        # a line that ends in a name, above one that starts with a name, may hold a name that runs on
        # over the line break ("met US Secretary of State⏎Antony Blinken"): only a line longer than
        # the paragraph's lines is read as a headline
        assert _split(text)[0].startswith(headline + "\n")
        return
    assert [" ".join(s.split()) for s in _split(text)] == [headline, *_split(BODY)]


@pytest.mark.parametrize("para", [
    ("The delegation from Yerevan travelled to the border crossing near Margara together with "
     "Azerbaijani Deputy Prime Minister Shahin Mustafayev and Armenian Deputy Prime Minister "
     "Mher Grigoryan, who inspected the new customs terminal and the road to Gyumri."),
    # no article in the first line: read by the width of the lines below
    ("Foreign ministers from Armenia and Azerbaijan met the US Secretary of State and the "
     "President of the European Council in Washington on Tuesday to discuss a peace treaty "
     "that both governments say could be signed before the end of the year."),
])
@pytest.mark.parametrize("width", [60, 64, 68, 72, 76, 80])
def test_a_first_line_that_goes_on_with_a_name_still_joins(para: str, width: int) -> None:
    # a paragraph's first line with no comma, the next line a name: the layout of a headline above it
    for words in range(4, 14):  # the first line ends after 4 to 13 words, the next starts with a capital
        first = " ".join(para.split()[:words])
        rest = " ".join(para.split()[words:])
        if not rest[:1].isupper() or len(first) > width:
            continue
        text = first + "\n" + textwrap.fill(rest, width)
        if len(first) + 1 + len(rest.split()[0]) <= width:
            continue  # the first line is not full: no wrapped line
        assert len(first) in [sp.start for sp in wrapped_breaks(text)], text


def test_paragraphs_wrapped_at_different_widths_join_in_each() -> None:
    first = textwrap.fill(NEWS, 64)
    second = textwrap.fill(NEWS.replace("Friday", "Monday"), 80)
    assert any(line[:1].isupper() and not line.startswith(("The ", "In ")) for line in first.splitlines()[1:])
    text = first + "\n\n" + second
    assert [" ".join(s.split()) for s in _split(text)] == _split(NEWS + "\n\n" + NEWS.replace("Friday", "Monday"))


@pytest.mark.parametrize(("line", "nxt"), [
    ("The two sides will meet again in Yerevan on Sept.", "10, the ministry said."),
    ("The report was presented to the committee on Jan.", "15 by its chairman."),
    ("The delegation was received in Tashkent by Dr.", "Leyla Aliyeva of the health ministry."),
    ("The talks were chaired by Gen.", "Tom Hogue of the monitoring mission."),
    ("The council adopted Resolution No.", "2758 without a vote."),
])
def test_an_abbreviation_at_the_end_of_a_line_goes_on(line: str, nxt: str) -> None:
    assert _split(line + "\n" + nxt) == [line + "\n" + nxt]


@pytest.mark.parametrize("text", [
    "The talks ended in Sept.\nThe ministers will meet again in spring.",
    "The talks ended in Sept.\nOfficials said nothing more.",
    "He was treated by the Dr.\n- Call the embassy",
])
def test_an_abbreviation_before_a_new_sentence_or_item_still_ends_the_segment(text: str) -> None:
    assert _split(text) == [line.strip() for line in text.splitlines()]


# -- session 15: abbreviation classes at a line's end ------------------------------------------------
@pytest.mark.parametrize(("line", "nxt"), [
    # honorifics and ranks beyond pysbd's list of titles, before a name
    ("The statement read to the chamber on Tuesday was written by the Hon.", "John Smith of the finance committee."),
    ("The letter was delivered to the ministry on Monday by Amb.", "Jane Doe, who arrived from Vienna."),
    ("The service in the old cathedral was led on Sunday by Fr.", "Michael Walsh of the parish of Cork."),
    ("The convoy was escorted to the border crossing by Pvt.", "Daniel Kim and two other soldiers."),
    ("The climbers reached the base camp below Mt.", "Everest after a week on the road."),  # as in session 14
])
def test_an_honorific_or_a_place_prefix_at_the_end_of_a_line_goes_on_with_a_name(line: str, nxt: str) -> None:
    assert _split(line + "\n" + nxt) == [line + "\n" + nxt]


@pytest.mark.parametrize("text", [
    # a title before a word that starts a sentence ("The", "It"): the period ends the sentence too
    "The patients admitted on Monday were all treated by the Dr.\nThe nurses said the ward was full.",
    "The patients admitted on Monday were all treated by the Dr.\nIt was a long night for the staff.",
    # a name's suffix or a company's ends the sentence before a capital, a name too (pysbd reads so on one line)
    "The prize for the best player of the season went to Ken Griffey Jr.\nSmith, the commissioner, said so.",
    "The contract for the new terminal was signed with Caspian Logistics Inc.\nOfficials expect work to start soon.",
    "The award was presented on Friday to Robert Smith Sr.\nThe ceremony lasted two hours.",
    # a month at the end of a sentence, before a capitalised opener of any kind
    "The first round of talks ended in Baku late in Sept.\nThe ministers will meet again in spring.",
    "The first round of talks ended in Baku late in Sept.\nIn the spring the ministers will meet again.",
    "The first round of talks ended in Baku late in Sept.\nOfficials said the next round would follow.",
    # "St." after a capitalised word is a street's: the sentence ends there
    "The new embassy building is on Nizami St.\nOfficials said it would open in March.",
])
def test_an_abbreviation_that_ends_a_sentence_at_the_end_of_a_line_ends_the_segment(text: str) -> None:
    assert _split(text) == [line.strip() for line in text.splitlines()]


def test_a_place_prefix_at_the_end_of_a_line_joins_only_in_a_wrapped_paragraph() -> None:
    # one sentence a line, a line cut short after "St.": no hard wrap, the line stays a segment
    text = "The icons on the wall show St.\nThe chapel was built in 1890.\nVisitors come in summer."
    assert _split(text) == text.splitlines()
    para = ("The delegation left Moscow on Monday morning and travelled on by the night train to St. "
            "Petersburg, where the second round of talks on the new pipeline will open on Wednesday.")
    for width in range(60, 81):
        wrapped = textwrap.fill(para, width)
        if any(line.endswith("St.") for line in wrapped.splitlines()):
            assert [" ".join(s.split()) for s in _split(wrapped)] == [para]


@pytest.mark.parametrize("width", [64, 68, 72, 76, 80])
@pytest.mark.parametrize("headline", [
    "Azerbaijan raises its gas export target for the third time this year",
    "The railway through Nakhchivan will reopen to freight trains next spring",
    "Georgia and Armenia open a new border crossing on the mountain road",
    "US lifts the ban on cotton imports from Uzbekistan after the talks",  # "US" is no pronoun
])
def test_a_headline_that_holds_an_article_stays_separate(headline: str, width: int) -> None:
    # a headline in sentence case holding an article, above a paragraph that starts with a name, full at
    # the paragraph's width; headlines speak of the third person: no "I", "you", "we", "it"
    text = headline + "\n" + textwrap.fill(BODY, width)
    below = [len(line) for line in text.splitlines()[1:4]]
    if len(headline) + len(" Azerbaijani") <= max(below) or max(below) <= len(headline) < max(below) + 3:
        return  # not full, or as long as the paragraph's lines: the layout of a wrapped line (session 14)
    assert [" ".join(s.split()) for s in _split(text)] == [headline, *_split(BODY)], text


@pytest.mark.parametrize("first", [
    "I only wondered if you might find time this week to mail us the draft of the",
    "It would be much the same as asking the ministry to publish the names of the",
    "The first time we walked into the new office in Baku with the delegation I",
])
def test_a_first_line_that_holds_an_article_and_a_pronoun_still_joins(first: str) -> None:
    rest = ("Azerbaijani Prime Minister Ali Asadov before the meeting on Monday, as the railway "
            "through Nakhchivan would reopen to freight next spring and passenger trains would follow.")
    for width in range(len(first), 81):
        text = first + "\n" + textwrap.fill(rest, width)
        if len(first) + len(" Azerbaijani") > width and len(text.splitlines()) >= 3:
            assert len(first) in [sp.start for sp in wrapped_breaks(text)], text


@pytest.mark.parametrize("text", [
    "Energy talks in Baku\n\nThe ministers met on Monday.\nPrices rose\n\nthe end came.\n",
    "Prices rose\nthe talks went on.\n\nTalks resumed\n",
    textwrap.fill(NEWS, 64) + "\n\nEnergy talks\n",
])
def test_old_mac_line_ends_segment_as_the_others_do(text: str) -> None:
    """A blank line always ends a paragraph, and a line starting in lower case goes on, whatever the line
    ends: ``\\r`` alone (classic Mac OS) as ``\\n`` and ``\\r\\n``."""
    expected = [" ".join(s.split()) for s in _split(text)]
    for newline in ("\r\n", "\r"):
        assert [" ".join(s.split()) for s in _split(text.replace("\n", newline))] == expected, repr(newline)
