"""Session 39: which signs open a sentence before its first word, and a clock time that opens a line
(:mod:`mtfix.text.symbols`).  Our own sentences."""

from __future__ import annotations

import pytest

from mtfix.text.symbols import first_word_start, time_stamp_end

SENTENCE = "The harbour ferry leaves at noon."


@pytest.mark.parametrize("opener", [
    "😀 ", "🇳🇴 ", "✅ ", "✔ ", "✓ ", "☑ ", "🗸 ", "• ", "◦ ", "▪ ", "■ ", "► ", "▶ ", "● ", "◆ ", "★ ", "☆ ", "⭐ ",
    "→ ", "⇒ ", "➜ ", "↳ ", "⟶ ", "⤷ ", "⬆ ", "🡆 ", "❖ ", "✱ ", "☞ ", "① ", "⑴ ", "❶ ", "➊ ", "🄋 ", "1️⃣ ", "– ", "— ",
])
def test_emoji_bullets_arrows_check_marks_and_dingbats_open_it(opener):
    text = opener + SENTENCE
    assert text[first_word_start(text):] == SENTENCE


@pytest.mark.parametrize("text", [
    "± 5 votes separated the two candidates.", "°C readings were taken every hour.", "√2 is an irrational number.",
    "× 3 is written after the dose.", "≈ 40 people came to the hall.", "∑ of the rows is shown below.",
    "≤ 10 entries are allowed a day.", "÷ by the number of nights.", "℃ is the unit used here.",
    "№ 7 was the winning ticket.", "© 2025 The Harbour Gazette.", "® marks a registered name.", "™ follows the brand.",
    "¬ means not in this table.", "µg per litre is the limit.",
    "❨1❩ The first clause applies.", "❰ Back to the list of results.",  # Dingbats' ornamental brackets
])
def test_math_degree_and_other_signs_of_the_sentence_do_not(text):
    assert first_word_start(text) == 0


@pytest.mark.parametrize(("text", "entry"), [
    ("14:05 The minister has arrived.", "The minister has arrived."),
    ("09:30:15 We are live.", "We are live."),
    ("7:45am The doors open.", "The doors open."),
    ("9:30 pm Our reporter is there.", "Our reporter is there."),
    ("7:45 a.m. Police said the road is closed.", "Police said the road is closed."),
    ("09.30 The rain has stopped.", "The rain has stopped."),
    ("10:00 – The doors open.", "The doors open."),
    ("23:59 — It is nearly midnight.", "It is nearly midnight."),
])
def test_a_clock_time_opens_the_line(text, entry):
    assert text[time_stamp_end(text):] == entry


@pytest.mark.parametrize("text", [
    "14 He was taken to hospital.", "25:10 The count.", "14:75 The count.", "2025 The year.", "At 14:05 The talks.",
    "10:00-11:00 The session.", "3.5 The ratio.", "14:05The talks.",
])
def test_what_is_no_stamp(text):
    assert time_stamp_end(text) == 0
