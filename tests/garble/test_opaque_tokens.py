"""URLs, e-mail addresses, hashtags, @handles and citation keys are one token, read as a name (session 11).

Before, "@fig-plot" was "@" (tagged IN) and "fig-plot", "support@example.com" five tokens, a URL a
dozen: the tag n-grams looked like garble and MTF401 pointed at spans such as "shown in @".
"""

from __future__ import annotations

import pytest

from mtfix.garble import tagger
from mtfix.garble.checker import GarbleChecker
from mtfix.garble.signs import analyse
from mtfix.segment import to_document

OPAQUE = ["@fig-plot", "@johndoe", "@doe:2020", "#climatestrike", "support@example.com",
          "https://example.org/reports/2024/energy.pdf", "www.example.org/about"]


@pytest.mark.parametrize("token", OPAQUE)
def test_an_address_or_a_handle_is_one_token_tagged_as_a_name(token):
    text = f"The figures were published by {token}, the agency said on Monday."
    toks = tagger.tokenize(text, offset=5)
    assert token in [t.text for t in toks]
    assert all(text[t.start - 5:t.end - 5] == t.text for t in toks)
    a = analyse(text, tagger.load())
    assert a.tags[[t.text for t in a.tokens].index(token)] == "NNP"


@pytest.mark.parametrize(("text", "expected"), [
    ("The report (see https://example.org/a.) was late.",
     ["The", "report", "(", "see", "https://example.org/a", ".", ")", "was", "late", "."]),
    ("Write to press@example.com.", ["Write", "to", "press@example.com", "."]),
    ("Thanks, @johndoe.", ["Thanks", ",", "@johndoe", "."]),
    ("[@smith2020; @jones2021]", ["[", "@smith2020", ";", "@jones2021", "]"]),
    # no handle, hashtag or address: tokens as before
    ("We meet @ 5 in room #3 to talk C# and F#.",
     ["We", "meet", "@", "5", "in", "room", "#", "3", "to", "talk", "C", "#", "and", "F", "#", "."]),
])
def test_tokens_around_opaque_ones(text, expected):
    assert [t.text for t in tagger.tokenize(text)] == expected


@pytest.mark.parametrize(("text", "token"), [
    ("See @sec-methods for the details of the survey and @fig-map for the sampled villages.", "@sec-methods"),
    ("The results are shown in @fig-plot, which compares the two methods over ten years.", "@fig-plot"),
    ("Details are given by @smith2020 and by others, who studied the same population for years.", "@smith2020"),
    ("Students shared photos under #climatestrike and #fridaysforfuture during the protests.", "#climatestrike"),
])
def test_no_garble_finding_cuts_through_an_opaque_token(text, token):
    s = text.index(token)
    e = s + len(token)
    found = GarbleChecker().check(to_document(text))
    assert not [f for f in found if str(f.severity) == "major"]
    assert [(text[f.start:f.end], f.code) for f in found if s < f.start < e or s < f.end < e] == []


def test_a_sentence_with_an_address_is_judged_as_one_with_a_name():
    """The fluency score reads every sentence, addresses too (the checker skips a protected one)."""
    from mtfix.garble.checker import probability

    with_address = probability("Please send your questions to support@example.com and we will answer them soon.")
    with_name = probability("Please send your questions to John and we will answer them soon.")
    assert abs(with_address - with_name) < 0.05
