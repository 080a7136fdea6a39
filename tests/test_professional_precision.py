"""Precision on professional news English: ``fix`` changes nothing and nothing is major.

The sentences (``tests/data/professional_news.txt``) were written for these tests in the style
of the outlets whose English mtfix must leave alone; each carries something a rule could
mistake for an MT artifact.  Every sentence is checked as its own document, and the whole
file as one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.model import Severity

DATA = Path(__file__).parent / "data" / "professional_news.txt"
SENTENCES = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


def test_fix_changes_no_professional_sentence(pipeline):
    changed = [s for s in SENTENCES if pipeline.fix(s).text != s]
    assert changed == []
    whole = "\n".join(SENTENCES) + "\n"
    assert pipeline.fix(whole).text == whole


def test_no_professional_sentence_gets_a_major_finding(pipeline):
    majors = [(s, f.code) for s in SENTENCES for f in pipeline.check(s).findings
              if f.severity.rank >= Severity.MAJOR.rank]
    assert majors == []


@pytest.mark.parametrize(("fragment", "code"), [
    ("Mr. Aliyev and Mr. Pashinian met", "MTF402"),  # "Mr" "." read as a sentence break (tokens revision 2)
    ("since records began", "MTF404"),  # a clause, not a stranded verb
])
def test_session_7_false_alarms_stay_gone(pipeline, fragment, code):
    (sentence,) = [s for s in SENTENCES if fragment in s]
    assert code not in {f.code for f in pipeline.check(sentence).findings}
