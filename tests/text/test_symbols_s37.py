"""Session 37: where a sentence's first word stands when symbols or emoji open it (:mod:`mtfix.text.symbols`)."""

from __future__ import annotations

import pytest

from mtfix.text.symbols import first_word_start, only_symbols_before

OPENERS = ["🇬🇪 ", "✅ ", "👍🏾 ", "👩‍🔬 ", "❤️ ", "• ", "▪ ", "► ", "– ", "★ ", "→ ", "① ", "❷ ", "3️⃣ ", "📌📌 ", "✔"]


@pytest.mark.parametrize("opener", OPENERS)
def test_the_first_word_stands_after_the_symbols_that_open_the_sentence(opener):
    text = opener + "The ferry leaves at noon."
    assert text[first_word_start(text):] == "The ferry leaves at noon."
    assert only_symbols_before(text, 0, len(opener))


@pytest.mark.parametrize("text", [
    "The ferry leaves at noon.", "- The ferry leaves.", "* The ferry leaves.", "> The ferry leaves.",
    "`ferry` is a command.", "~40 people came.", "$5 buys a ticket.", "§ 3 applies here.", "12 ferries left.",
    "“The ferry,” she said.", "(The ferry left.)",
])
def test_ascii_marks_quotes_currency_and_numbers_are_not_skipped(text):
    assert first_word_start(text) == 0


def test_only_symbols_before_is_false_after_a_word_and_at_the_start():
    text = "He read ① The list."
    assert not only_symbols_before(text, 0, text.index("The"))
    assert not only_symbols_before("The list.", 0, 0)
    assert first_word_start("He said: ★ yes", 9) == 11  # from a given start
