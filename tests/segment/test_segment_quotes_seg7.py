"""seg-7: a sentence end before an opening quote mark inside a quotation pysbd protects (straight quotes
paired in order across a nested quote), and a one-word sentence inside a quotation that is an answer word
or an interjection ("No.", "Yes.", "Thanks.") before a capitalised sentence.

What must stay whole: an abbreviation, an initial or a number word before a quote mark or a capital
("the U.S. "Dream Team"", "Robert E. "Bob" Lee", "No. 5", "Vol. 2", "St. Louis"), a one-word sentence that
is no answer word ("“Stop! Stop now!”"), and one-word sentences in a row ("“Yes. Yes. Yes.”")."""

from __future__ import annotations

import pytest

from mtfix.segment import split_segments


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_segments(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # straight quotes paired in order put the sentence end inside the "quotation" ' … said. "'
    ('"We call it "good news," the minister said. "Prices will rise this winter," he added.',
     ['"We call it "good news," the minister said.', '"Prices will rise this winter," he added.']),
    ('The plan passed. "They call it "a bold step," the mayor said. "The vote was close," he added.',
     ['The plan passed.', '"They call it "a bold step," the mayor said.', '"The vote was close," he added.']),
    # a quote inside a quotation, opened after an inner sentence end
    ('The minister said: "Exports grew by a third. "Nobody expected it," one official said." Then the session '
     'closed.',
     ['The minister said: "Exports grew by a third.', '"Nobody expected it," one official said."',
      'Then the session closed.']),
    ('He said "We will leave on Monday. "They will stay" is not true." Then he left.',
     ['He said "We will leave on Monday.', '"They will stay" is not true."', 'Then he left.']),
    ('He answered: "No. "We will not pay" is my answer." Then he left.',
     ['He answered: "No.', '"We will not pay" is my answer."', 'Then he left.']),
    # curly quotes nested as straight ones are: the closing mark pysbd leaves at the next sentence's start goes back
    ("He said “We will leave on Monday. “They will stay” is not true.” Then he left.",
     ["He said “We will leave on Monday.", "“They will stay” is not true.”", "Then he left."]),
    ("She said: “We will leave on Monday. \"They will stay\" is not true.” Then she left.",
     ["She said: “We will leave on Monday.", "\"They will stay\" is not true.”", "Then she left."]),
])
def test_a_sentence_end_before_an_opening_quote_inside_a_quotation_splits(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He said: “No. We will not pay the fine.” Then he left.",
     ["He said: “No.", "We will not pay the fine.”", "Then he left."]),
    ("“Yes. The council approved the budget,” the mayor said.",
     ["“Yes.", "The council approved the budget,” the mayor said."]),
    ('She wrote: "Thanks. We received the report on Monday." Then she called.',
     ['She wrote: "Thanks.', 'We received the report on Monday."', "Then she called."]),
    ("He said: “The talks went well. Sorry. We cannot say more.” Then he left.",
     ["He said: “The talks went well.", "Sorry.", "We cannot say more.”", "Then he left."]),
    ("“Okay! We will sign it tomorrow,” she said.",
     ["“Okay!", "We will sign it tomorrow,” she said."]),
])
def test_an_answer_word_before_a_sentence_inside_a_quotation_is_a_sentence(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize("text", [
    'He met the U.S. "Dream Team" players on Monday.',
    'Robert E. "Bob" Lee spoke first.',
    'Gen. "Mad Dog" Mattis spoke first.',
    # inside a quotation pysbd protects (straight quotes paired in order), where only seg-7 reads a sentence end
    '"We met Fr. "Bob" Walsh there," he said.',
    '"Read Vol. "Early Years" first," he said.',
    '"We met Robert E. "Bob" Lee there," he said.',
    '"We met the U.S. "Dream Team" there," he said.',
    'He said "We will go. "they will not" is false."',
    "“Stop! Stop now!” she cried.",
    "“Go. We will wait for you,” she said.",
    "“Yes. Yes. Yes.” they shouted.",
    "“Sorry. Okay.” he said.",
    "“No. 5 is our best player,” he said.",
    "“Ask J. Smith about it,” he said.",
    "“The office in St. Louis closed,” she said.",
    "“See Vol. 2 in the annex,” he said.",
    "“Thanks. bye for now,” he wrote.",
    'The book "Eat. Pray. Love." sold well.',
])
def test_abbreviations_initials_and_other_one_word_parts_stay_whole(text: str) -> None:
    assert _split(text) == [text]


def test_a_quotation_is_not_cut_after_an_abbreviation_before_a_number() -> None:
    # pysbd ends a sentence after "Vol." before "2" inside the quote: not a sentence end
    text = "He said: “Read Vol. 2 first. The rest can wait.” Then he left."
    assert _split(text) == ["He said: “Read Vol. 2 first.", "The rest can wait.”", "Then he left."]
    text = "He said: “See No. 5 first. The rest can wait.” Then he left."
    assert _split(text) == ["He said: “See No. 5 first.", "The rest can wait.”", "Then he left."]


def test_a_quotation_is_cut_before_a_number_after_a_sentence_end() -> None:
    text = "He said: “We met them this week. 2005 was hard. The rest can wait.” Then he left."
    assert _split(text) == ["He said: “We met them this week.", "2005 was hard.", "The rest can wait.”",
                            "Then he left."]


@pytest.mark.parametrize("text", [
    # a list of quoted titles that end in "!" or "?" (American style drops the comma after them): each quote is
    # closed before the next opens, so pysbd hid no sentence end there (seg-7 cuts only inside a quotation)
    'The band played "Help!" "Yesterday," and "Let It Be" at the gala.',
    'The shows "Oklahoma!" "Hello, Dolly!" and "Cats" ran for years.',
    'Have you read "Why Nations Fail?" "Capital," or "Sapiens" this year?',
    "The band played “Help!” “Yesterday,” and “Let It Be” at the gala.",
])
def test_quoted_titles_ending_in_a_mark_in_a_list_stay_one_sentence(text: str) -> None:
    assert _split(text) == [text]
