"""The refusals of :func:`entry_from_row` name the field that holds the bad form, whichever field it is (the
control characters are looked for in all forms at once, the field found after), and a form that starts with
a mark but holds a letter is kept (session 30: the 50,000-term glossary's load)."""

from __future__ import annotations

import pytest

from mtfix.errors import GlossaryError
from mtfix.glossary.fields import entry_from_row
from mtfix.glossary.matcher import Matcher, _key


@pytest.mark.parametrize("field,name", [("term", "term"), ("short", "short"), ("variants", "variants"),
                                        ("forbidden", "forbidden"), ("source", "source"),
                                        ("accepted", "accepted"), ("historical", "historical")])
def test_control_character_named_in_its_field(field: str, name: str) -> None:
    row = {"term": "Tovrelin", field: "Tov\x07relo"} if field != "term" else {"term": "Tov\x07relo"}
    with pytest.raises(GlossaryError, match=f"g.tsv:4: {name} 'Tov\\\\x07relo' holds the control character U\\+0007"):
        entry_from_row(row, "g.tsv:4")


def test_control_character_in_second_list_item() -> None:
    with pytest.raises(GlossaryError, match="variants 'Mar\\\\x00vek'"):
        entry_from_row({"term": "Marvek", "variants": "Marvekh | Mar\x00vek"}, "g.tsv:2")


@pytest.mark.parametrize("form", [",", "-.", "“”"])
def test_wordless_form_starting_with_a_mark_refused(form: str) -> None:
    with pytest.raises(GlossaryError, match="holds no letter or digit"):
        entry_from_row({"term": "Marvek", "variants": f"Marvekh | {form}"}, "g.tsv:2")


def test_form_starting_with_a_mark_and_holding_letters_kept() -> None:
    e = entry_from_row({"term": "Marvek", "variants": "'t Marvek | -Marvekh"}, "g.tsv:2")
    assert e.variants == ("'t Marvek", "-Marvekh")


def test_twin_apostrophes_and_hyphens_share_a_key() -> None:
    assert _key("Dal’ven‑Kor") == _key("dal'ven-kor") == "dal'ven-kor"
    assert _key("Dalven Kor") == "dalven kor"
    m = Matcher([entry_from_row({"term": "Dal'ven-Kor"}, "g.tsv:2")])
    assert [h.form for h in m.find("Met Dal’ven‑Kor today.")] == ["Dal'ven-Kor"]
