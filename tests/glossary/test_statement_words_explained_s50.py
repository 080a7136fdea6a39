"""What ``mtfix explain MTF301`` says about indented statements holds (session 50, lead): a line opening with a
statement word of SQL, a shell or a Pascal-like language stays code, also after a list's marker (glossary-19 reads
an indented list item of three words with a function word as prose).  The examples are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.glossary.rules import RULES
from mtfix.model import FixSafety
from tests.glossary.newsroom import bound

check, fix = bound(Glossary([Entry("Pavlodar", ("Pavlodarr",), type="place", origin="t:1")]))


def test_the_explanation_names_the_statement_words() -> None:
    text = RULES["MTF301"].explain()
    assert "statement word" in " ".join(text.split())


@pytest.mark.parametrize("text", [
    "Rights:\n\n    grant select on Pavlodarr to the analysts;\n",
    "Rights:\n\n    - grant select on Pavlodarr to the analysts;\n",
    "Steps:\n\n    * echo the total for Pavlodarr and the region;\n",
])
def test_an_indented_statement_stays_code_with_or_without_a_list_marker(text: str) -> None:
    assert all(f[3] is not FixSafety.SAFE for f in check(text))
    assert fix(text) == text


def test_an_indented_prose_item_keeps_its_safe_fix() -> None:
    text = "Agenda:\n\n    - the desk will update the figures for Pavlodarr;\n"
    assert check(text) == [("MTF301", "Pavlodarr", "Pavlodar", FixSafety.SAFE)]
