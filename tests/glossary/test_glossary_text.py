"""Glossary enforcement in running text: what is matched, where findings point, what an edit writes."""

from __future__ import annotations

import json
import unicodedata

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.glossary.checker import GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

GLOSSARY = Glossary([
    Entry("Kyiv", ("Kiyev",), type="place", origin="t:1"),
    Entry("Bogotá", ("Bogota",), type="place", origin="t:2"),
    Entry("Recep Tayyip Erdogan", ("Recep Tayyip Erdoğan", "Rejep Erdogan"), type="person", origin="t:3"),
    Entry("Conor O'Brien", ("Conor O'Brian",), type="person", origin="t:4"),
    Entry("Shia", ("Shi'ite",), origin="t:5"),
    Entry("e-mail", ("email",), case_sensitive=False, origin="t:6"),
    Entry("World Health Organization", ("World Health Organisation",), type="organisation", short_form="WHO",
          first_mention=True, origin="t:7"),
    Entry("Nguyễn Phú Trọng", ("Nguyen Phu Trong",), type="person", origin="t:8"),
])


def check(text: str):
    doc = to_document(text)
    return [(f.code, text[f.start:f.end], f.suggestions[0] if f.suggestions else None)
            for f in GlossaryChecker(GLOSSARY).check(doc)]


def fix(text: str, unsafe: bool = False) -> str:
    return Pipeline(checkers=[GlossaryChecker(GLOSSARY)]).fix(text, unsafe=unsafe).text


@pytest.mark.parametrize("text", [
    "Follow @Kiyev and #Kiyev for updates.",
    "Tagged #KiyevNews and @Kiyev_city.",
])
def test_hashtags_and_handles_are_identifiers(text):
    assert check(text) == [] and fix(text, unsafe=True) == text


def test_a_word_after_a_lone_hash_or_at_is_still_checked():
    assert fix("Room # Kiyev, and Kiyev.") == "Room # Kyiv, and Kyiv."


def test_decomposed_term_is_the_term():
    # NFD "Bogotá" is "Bogota" + a combining accent: not the variant "Bogota", and no second accent
    text = unicodedata.normalize("NFD", "They flew to Bogotá.")
    assert check(text) == []
    assert fix(text, unsafe=True) == text
    stats = GlossaryChecker(GLOSSARY).check(to_document(text)).annotations["glossary_stats"]
    assert stats["mentions"] == 1 and stats["canonical"] == 1


def test_decomposed_variant_is_found_with_offsets_into_the_text():
    text = "Ankara: " + unicodedata.normalize("NFD", "Recep Tayyip Erdoğan") + " spoke."
    (found,) = check(text)
    assert found == ("MTF301", text[8:-7], "Recep Tayyip Erdogan")
    assert fix(text, unsafe=True) == "Ankara: Recep Tayyip Erdogan spoke."
    decomposed_term = unicodedata.normalize("NFD", "Nguyễn Phú Trọng")
    assert check(f"{decomposed_term} spoke.") == []


def test_curly_apostrophe_matches_a_straight_one_and_is_kept():
    assert fix("The Shi’ite clerics met Conor O’Brian.") == "The Shia clerics met Conor O’Brien."
    assert fix("Conor O'Brian spoke.") == "Conor O'Brien spoke."
    assert check("Conor O’Brien spoke.") == []


def test_a_variant_that_differs_only_in_its_apostrophe_is_still_reported():
    g = Glossary([Entry("Shi'ite", ("Shi’ite",), origin="t:1")])
    pipeline = Pipeline(checkers=[GlossaryChecker(g)])
    assert pipeline.fix("Shi’ite and Shi'ite.", unsafe=True).text == "Shi'ite and Shi'ite."


def test_capitals_of_a_headline_are_kept():
    assert fix("SEND AN EMAIL", unsafe=True) == "SEND AN E-MAIL"
    assert fix("Send an Email", unsafe=True) == "Send an E-mail"


def test_first_mention_after_a_capitalised_function_word():
    assert fix("The WHO said so. The WHO's report came later.") == (
        "The World Health Organization said so. The WHO's report came later.")


ABBREVIATIONS = Glossary([
    Entry("U.S. Department of State", ("US State Dept.",), type="organisation", origin="t:1"),
    Entry("Apple Inc.", ("Apple Incorporated",), type="organisation", origin="t:2"),
    Entry("Washington, D.C.", ("Washington DC",), type="place", origin="t:3"),
])


@pytest.mark.parametrize(("text", "expected"), [
    # the abbreviation's point also ended the sentence: it stays
    ("Officials spoke at the US State Dept.", "Officials spoke at the U.S. Department of State."),
    ("They met at the US State Dept.\nNext came Paris.", "They met at the U.S. Department of State.\nNext came Paris."),
    ("The US State Dept. said so.", "The U.S. Department of State said so."),
    # a term ending in a point before the sentence's own: one point
    ("It was bought by Apple Incorporated.", "It was bought by Apple Inc."),
    ("He lives in Washington DC. He works in Washington DC now.",
     "He lives in Washington, D.C. He works in Washington, D.C. now."),
])
def test_the_sentence_keeps_one_full_stop(text, expected):
    assert Pipeline(checkers=[GlossaryChecker(ABBREVIATIONS)]).fix(text).text == expected


def test_score_counts_adherence_after_repair_in_the_document_as_read(tmp_path):
    """The census after repair was taken on the repaired file as plain text: a Markdown code block's
    names, never checked nor fixed, came in as mentions after repair only."""
    glossary = tmp_path / "g.tsv"
    glossary.write_text("term\tvariants\ttype\nKyiv\tKiyev\tplace\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Leaders met in Kiyev.\n\n```\ncity = \"Kiyev\"  # Kiev, Kiyev\n```\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["score", "--grammar", "off", "--no-default-glossaries", "-g", str(glossary),
                                 "--format", "json", str(article)])
    assert r.exit_code == 0, r.output
    g = json.loads(r.stdout)["files"][0]["glossary"]
    assert (g["mentions"], g["canonical_before"], g["mentions_after"], g["canonical_after"]) == (1, 0.0, 1, 1.0)


BUNDLED = Pipeline(checkers=[GlossaryChecker.from_files(())])


@pytest.mark.parametrize(("text", "expected"), [
    # a no-break space inside a two-word variant: the whole name, not its last word alone
    ("The status of Dağlıq\u00a0Qarabağ was discussed.", "The status of Nagorno-Karabakh was discussed."),
    ("Talks with Ceyhun\u00a0Bayramov ended.", "Talks with Jeyhun\u00a0Bayramov ended."),
    ("Talks with Ceyhun  Bayramov ended.", "Talks with Jeyhun  Bayramov ended."),
    ("Talks with Ceyhun Bay\u00adramov ended.", "Talks with Jeyhun Bayramov ended."),
])
def test_spaces_and_invisible_characters_inside_a_name(text, expected):
    assert BUNDLED.fix(text).text == expected


def test_a_soft_hyphen_is_no_other_spelling():
    """"Ali<soft hyphen>ev" is "Aliev", a transliteration: house style (unsafe), as "Aliev" is."""
    for text in ("President Ilham Ali\u00adev spoke.", "President Ilham\u00a0Aliev spoke."):
        (f,) = [f for f in BUNDLED.check(text).findings if f.code == "MTF301"]
        assert str(f.fix) == "unsafe" and text[f.start:f.end].startswith("Ilham")


def test_a_name_written_in_camel_case_keeps_it_at_a_sentence_start():
    g = Glossary([Entry("iPhone", ("Iphone",), origin="t:1"), Entry("al-Sisi", ("el-Sisi",), type="person",
                                                                         origin="t:2")])
    pipeline = Pipeline(checkers=[GlossaryChecker(g)])
    assert pipeline.fix("Iphone sales rose. El-Sisi spoke.", unsafe=True).text == "iPhone sales rose. Al-Sisi spoke."


def test_a_decomposed_source_holds_its_terms():
    g = Glossary([Entry("Karabakh", ("Qarabağ",), type="place", source=("Qarabağ",), origin="t:1")])
    source = unicodedata.normalize("NFD", "Qarabağda sülh danışıqları başladı.")
    findings = GlossaryChecker(g).check(to_document("Peace talks began.", source=source))
    assert [f.code for f in findings] == ["MTF307"]


def test_a_headline_in_capitals_is_read_and_stays_in_capitals():
    text = "SHARL MISHEL ARRIVES IN BAKU\nSharl Mishel arrived on Monday."
    assert BUNDLED.fix(text).text == "CHARLES MICHEL ARRIVES IN BAKU\nCharles Michel arrived on Monday."
    # a word in capitals inside a sentence is no headline: an acronym may be another name
    assert BUNDLED.fix("The PAŞINYAN list won.").text == "The PAŞINYAN list won."


@pytest.mark.parametrize(("text", "expected"), [
    ("Then Kiyev said no.", "Then Kyiv said no."),
    ("Yesterday Kiyev announced cuts.", "Yesterday Kyiv announced cuts."),
    ("The Kiyev Hotel is old.", "The Kiyev Hotel is old."),  # a hotel's own name
])
def test_a_capitalised_adverb_opening_the_sentence_is_no_part_of_a_name(text, expected):
    assert fix(text) == expected


def test_a_headline_in_capitals_is_no_first_mention():
    g = Glossary([Entry("Charles Michel", type="person", first_mention=True, origin="t:1")])
    pipeline = Pipeline(checkers=[GlossaryChecker(g)])
    text = "MICHEL ARRIVES IN KYIV\nMichel arrived on Monday. Michel left."
    assert pipeline.fix(text).text == "MICHEL ARRIVES IN KYIV\nCharles Michel arrived on Monday. Michel left."


def test_a_name_whose_case_does_not_matter_is_no_english_word_in_lower_case():
    g = Glossary([Entry("Türkiye", ("Turkey", "Turkiye"), type="place", case_sensitive=False, origin="t:1")])
    pipeline = Pipeline(checkers=[GlossaryChecker(g)])
    assert pipeline.fix("Türkiye said so. We ate turkey at dinner.").text == "Türkiye said so. We ate turkey at dinner."
    assert pipeline.fix("Türkiye said so. Turkiye agreed.", unsafe=True).text == "Türkiye said so. Türkiye agreed."
    # a misspelling in lower case is no English word: still the name
    assert pipeline.fix("Türkiye said so. turkiye agreed.", unsafe=True).text == "Türkiye said so. Türkiye agreed."


@pytest.mark.parametrize("text", [
    "WHO (World Health Organization) experts said so.",
    "The WHO (World Health Organization) said so.",
    "The WHO, the World Health Organization, said so.",
])
def test_a_short_form_glossed_in_its_sentence_is_not_expanded(text):
    assert fix(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a no-break space is a space: a longer proper name is still one ("Azerbaycan Saati TV", a channel)
    ("He watched Azerbaycan\u00a0Saati\u00a0TV.", "He watched Azerbaycan\u00a0Saati\u00a0TV."),
    ("They met at the Qarabağ\u00a0Hotel.", "They met at the Qarabağ\u00a0Hotel."),
    ("The fighter Magomed\u00a0Aliev won. Aliev said so.", "The fighter Magomed\u00a0Aliev won. Aliev said so."),
    ("N.\u00a0Paşinyan spoke.", "Nikol Pashinyan spoke."),
])
def test_a_no_break_space_beside_a_name_is_a_space(text, expected):
    assert BUNDLED.fix(text, unsafe=True).text == expected


def test_a_no_break_hyphen_is_a_hyphen_and_is_kept():
    g = Glossary([Entry("al-Sisi", ("el-Sisi",), type="person", origin="t:1")])
    pipeline = Pipeline(checkers=[GlossaryChecker(g)])
    assert pipeline.fix("President el\u2011Sisi spoke.").text == "President al\u2011Sisi spoke."
    assert pipeline.check("President al\u2011Sisi spoke.").findings == []


def _markdown_document(text: str):
    from mtfix.files import unit_document
    from mtfix.formats.markdown import MarkdownFormat

    return unit_document(MarkdownFormat().load(text.encode(), "a.md", {}).units[0], "a.md")


@pytest.mark.parametrize("heading", [
    "# Michel visits Kyiv\n\n",
    "## Michel visits Kyiv ##\n\n",
    "> # Michel visits Kyiv\n\n",
    "Michel visits Kyiv\n==================\n\n",
    "Michel visits Kyiv\n---\n\n",
    # the parser's reading, not a guess from the line (session 12): a heading in a list item, a
    # setext heading of two lines, one after front matter
    "- # Michel visits Kyiv\n\n",
    "1. Michel visits\n   Kyiv\n   ---\n\n",
    "> - ## Michel visits Kyiv\n\n",
    "---\ntitle: x\n---\nMichel visits Kyiv\n===\n\n",
])
def test_a_markdown_heading_is_no_first_mention(heading):
    """A Markdown heading is read as a headline in capitals is: neither expanded nor the first mention."""
    g = Glossary([Entry("Charles Michel", type="person", first_mention=True, origin="t:1")])
    pipeline = Pipeline(checkers=[GlossaryChecker(g)])
    text = heading + "Michel arrived on Monday. Michel left.\n"
    expected = heading + "Charles Michel arrived on Monday. Michel left.\n"
    assert pipeline.fix(_markdown_document(text)).text == expected


@pytest.mark.parametrize("text", [
    "Michel arrived on Monday.\n\n# Talks in Kyiv\n\nMichel left.\n",  # a heading after the first mention
    "Michel visits Kyiv\n\n---\n\nMichel left.\n",  # a thematic break after a blank line: no heading
    "# Michel visits Kyiv\n\nMichel left.\n",  # plain text: a "#" line is no heading
    # the parser's reading, not a guess from the line (session 12): a "---" after a block quote's or a
    # list item's paragraph is a thematic break (a setext underline cannot be a lazy continuation line)
    "> Michel visits Kyiv\n---\n\nMichel left.\n",
    "- Michel visits Kyiv\n---\n\nMichel left.\n",
    "Michel visits Kyiv\n\n```\n# x\n```\n\nMichel left.\n",
])
def test_only_a_markdown_heading_defers_the_first_mention(text):
    g = Glossary([Entry("Charles Michel", type="person", first_mention=True, origin="t:1")])
    pipeline = Pipeline(checkers=[GlossaryChecker(g)])
    doc = _markdown_document(text) if text.startswith(("Michel", ">", "-")) else to_document(text)
    assert pipeline.fix(doc).text == text.replace("Michel", "Charles Michel", 1)


# -- session 19: a variant right after a capitalised sentence opener -------------------------------

OPENER = Glossary([
    Entry("GitHub", ("Github",), type="organisation", origin="t:1"),
    Entry("Kyiv", ("Kiyev",), type="place", origin="t:2"),
])


def opener_check(text: str):
    doc = to_document(text)
    return [(f.code, text[f.start:f.end], f.suggestions[0] if f.suggestions else None, str(f.fix))
            for f in GlossaryChecker(OPENER).check(doc)]


def opener_fix(text: str, unsafe: bool = False) -> str:
    return Pipeline(checkers=[GlossaryChecker(OPENER)]).fix(text, unsafe=unsafe).text


@pytest.mark.parametrize(("text", "found", "unsafe_fixed"), [
    # an imperative opening the sentence is no part of a name: reported, edited only with --unsafe-fixes
    ("Use Github to host the code.", [("MTF301", "Github", "GitHub", "unsafe")], "Use GitHub to host the code."),
    ("Visit Kiyev in spring.", [("MTF301", "Kiyev", "Kyiv", "unsafe")], "Visit Kyiv in spring."),
    ("We left. Visit Kiyev in spring.", [("MTF301", "Kiyev", "Kyiv", "unsafe")], "We left. Visit Kyiv in spring."),
    # an everyday noun opening the sentence may be a name's first word ("Hotel Kiyev"): reported, never edited
    ("Hotel Kiyev is closed.", [("MTF301", "Kiyev", "Kyiv", "none")], "Hotel Kiyev is closed."),
])
def test_a_variant_after_a_capitalised_sentence_opener_is_reported(text, found, unsafe_fixed):
    assert opener_check(text) == found
    assert opener_fix(text) == text  # never a safe edit: the opener may begin a longer name
    assert opener_fix(text, unsafe=True) == unsafe_fixed


@pytest.mark.parametrize("text", [
    # inside a longer proper name, in the middle of a sentence or before another capital: left alone
    "They stayed at the Grand Kiyev Hotel.",
    "Use Github Actions to build it.",
    "They met Azerbaycan Kiyev Group officials.",
])
def test_a_variant_inside_a_longer_name_is_still_left_alone(text):
    assert opener_check(text) == [] and opener_fix(text, unsafe=True) == text


@pytest.mark.parametrize("text", [
    # session 19 review: an everyday verb that is also a noun ("bank", "park", "club") opens a name
    # when a finite verb follows the mention (the two words are the sentence's subject): never an edit
    "Bank Kiyev is closed on Sundays.",
    "Park Kiyev was renovated last year.",
    "Club Kiyev reported record sales.",
    "Market Kiyev opens at nine.",
    # a list item at the start of the text opens its sentence too: reported, as after a line break
])
def test_an_opener_and_a_variant_before_a_finite_verb_are_one_name(text):
    (f,) = GlossaryChecker(OPENER).check(to_document(text))
    assert str(f.fix) == "none" and opener_fix(text, unsafe=True) == text


def test_a_list_item_at_the_start_of_the_text_opens_a_sentence():
    assert opener_check("- Visit Kiyev in spring.\n") == [("MTF301", "Kiyev", "Kyiv", "unsafe")]
