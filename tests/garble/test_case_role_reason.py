"""MTF401's reason for a pronoun in the wrong form quotes the pronoun the sentence has, in its case as
written, and the form the clause needs (session 30: it read "('them' for 'they')" whatever the pronoun)."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline


def _case_role_reason(text: str) -> str | None:
    """The part of MTF401's message that names the pronoun, or None when no MTF401 names one."""
    with Pipeline(Config(grammar="off", select=("MTF4",))) as p:
        found = p.check(text).findings
    assert any(f.code == "MTF407" for f in found), [f.code for f in found]
    for f in found:
        if f.code == "MTF401" and "pronoun in the wrong form" in f.message:
            return f.message.split("pronoun in the wrong form", 1)[1].split(")", 1)[0] + ")"
    return None


@pytest.mark.parametrize(("text", "expected"), [
    ("Him said the offer was fair and the board agreed to it.", " ('Him' for 'He')"),
    ("Them said the offer was fair and the board agreed to it.", " ('Them' for 'They')"),
    ("Her said that the offer was fair and the board agreed to it at once.", " ('Her' for 'She')"),  # session 31
    ("The board met, and us said the offer was fair to everyone.", " ('us' for 'we')"),
    ("Me said the offer was fair and the board agreed to it at once.", " ('Me' for 'I')"),
    ("The board met, and me said the offer was fair to everyone there.", " ('me' for 'I')"),
    ("The offer was made by they in the spring of the last year here.", " ('they' for 'them')"),
    ("The minister gave the award to she at the ceremony last night.", " ('she' for 'her')"),
])
def test_the_reason_quotes_the_pronoun_as_written(text: str, expected: str) -> None:
    reason = _case_role_reason(text)
    if reason is None:  # the detector did not judge the sentence garbled: nothing to read
        pytest.skip(f"no MTF401 with a case-role reason on {text!r}")
    assert reason == expected


def test_the_reason_names_no_pronoun_the_sentence_lacks() -> None:
    from mtfix.garble.messages import EVIDENCE

    assert "'them'" not in EVIDENCE["case_role"] and "'they'" not in EVIDENCE["case_role"]
