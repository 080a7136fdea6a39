"""A long Markdown news file of our own sentences, in the style of Azerbaijani→English machine-translated news
(some with the garbles mtfix repairs: a doubled word, a space before a stop): for the language server's long
document benchmark (``bench_lsp.py --long``) and its test (tests/lsp/test_lsp_long_document.py).

    python bench/long_news.py 3000 > /tmp/long.md
"""

from __future__ import annotations

import sys

_WHO = ["The mayor of Ganja", "The ministry of agriculture", "A spokesman for the port", "The school board",
        "Farmers in the Shaki region", "The city council of Lankaran", "A group of engineers", "The railway company",
        "Residents of the old quarter", "The regional hospital"]
_DID = ["announced a new plan for", "raised concerns about", "opened talks on", "approved the budget for",
        "published a report on", "delayed the work on", "asked for more money for", "held a meeting about"]
_WHAT = ["the repair of the bridge", "the water supply in the villages", "the new bus routes",
         "the harvest of hazelnuts", "the winter heating season", "the road to the mountains",
         "the market near the station", "the training of young teachers", "the cleaning of the river banks"]
_WHEN = ["on Monday", "last week", "this morning", "after a long debate", "in a short statement",
         "before the holiday", "at the end of the month"]
_GARBLES = [lambda s: s.replace(" the ", " the the ", 1), lambda s: s[:-1] + " .",
            lambda s: s.replace(" for ", " for for ", 1)]


def sentence(i: int) -> str:
    """The ``i``-th sentence (deterministic), garbled one time in five."""
    s = f"{_WHO[i % len(_WHO)]} {_DID[(i // 3) % len(_DID)]} {_WHAT[(i // 7) % len(_WHAT)]} {_WHEN[(i // 2) % len(_WHEN)]}."
    if i % 5 == 3:
        s = _GARBLES[(i // 5) % len(_GARBLES)](s)
    return s


def long_news(sentences: int = 3000, per_paragraph: int = 5, per_section: int = 10) -> str:
    """``sentences`` sentences in paragraphs of ``per_paragraph``, a ``##`` heading every ``per_section``
    paragraphs, under a ``#`` title."""
    out = ["# Regional news of the week", ""]
    for p, start in enumerate(range(0, sentences, per_paragraph)):
        if p % per_section == 0:
            out += [f"## Part {p // per_section + 1}", ""]
        out += [" ".join(sentence(i) for i in range(start, min(sentences, start + per_paragraph))), ""]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(long_news(int(sys.argv[1]) if len(sys.argv) > 1 else 3000))
