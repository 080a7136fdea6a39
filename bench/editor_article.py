"""A realistic long Markdown article of our own (about 30 KB, ~40 findings) for an editor's round trip in the
language server (``bench/bench_lsp_roundtrip.py``) and its tests (tests/lsp/test_lsp_roundtrip_s44.py): a made-up
river town's feature, in sections with a list, a quotation, links and emphasis; a few sentences carry the slips MT
leaves (a doubled word, a space before a stop or comma, a lower-case sentence start, a noun phrase for a sentence),
spread over the whole text.

    python bench/editor_article.py > /tmp/article.md
    python bench/editor_article.py --garbled > /tmp/garbled.md    # the same town in MT's phrasing (session 45)
"""

from __future__ import annotations

import sys
from collections.abc import Callable

_PLACES = ["the old mill", "the ferry landing", "the covered market", "the stone bridge", "the town library",
           "the river walk", "the boat yard", "the railway halt", "the hill chapel", "the fish hall"]
_PEOPLE = ["The town's archivist", "A retired ferryman", "The head of the rowing club", "A baker on Quay Street",
           "The mayor's deputy", "A teacher at the river school", "The harbour clerk", "Two students from the college"]
_VERBS = ["remembers", "describes", "wrote a short guide to", "still looks after", "took photographs of",
          "gave a talk about", "drew a map of", "collected letters about"]
_TAILS = ["before the floods of the last century", "in the years after the war", "when the trains first came",
          "during the long winter of the great freeze", "while the new road was being built",
          "on summer evenings when the tourists have gone", "at the start of every fishing season"]
_FACTS = ["The walls were raised by two metres after the water reached the second step of {p}.",
          "Visitors can still see the marks of the old ropes near {p}.",
          "A small exhibition about {p} opens in the spring and runs until the autumn.",
          "Most of the timber for {p} came from the forests upstream.",
          "Local families paid for the new roof of {p} with a collection that lasted three years.",
          "Guided walks start at {p} on Saturday mornings and take about two hours."]
#: the slips MT leaves, one every ~7th sentence: each a class the rules know (MTF1xx), own wording
_SLIPS = [lambda s: s.replace(" the ", " the the ", 1), lambda s: s[:-1] + " .",
          lambda s: s.replace(" and ", " , and ", 1) if " and " in s else s.replace(" the ", " the the ", 1),
          lambda s: s[0].lower() + s[1:], lambda s: s.replace(" of ", " of of ", 1) if " of " in s else s[:-1] + " ."]


def sentence(i: int) -> str:
    """The ``i``-th sentence of the article (deterministic); every seventh carries a slip."""
    if i % 2:
        s = _FACTS[(i // 2) % len(_FACTS)].format(p=_PLACES[(i * 3) % len(_PLACES)])
    else:
        s = (f"{_PEOPLE[(i // 2) % len(_PEOPLE)]} {_VERBS[(i // 3) % len(_VERBS)]} "
             f"{_PLACES[(i // 5) % len(_PLACES)]} {_TAILS[(i // 4) % len(_TAILS)]}.")
    if i % 7 == 3:
        s = _SLIPS[(i // 7) % len(_SLIPS)](s)
    return s


#: the same town told as unedited machine translation tells it (session 45): our own sentences in the phrasing MT
#: leaves (genitive chains, the verb at the end, a reporting verb twice, "was held" openings, bare nouns, calques)
_MT = ["In the framework of the program of the development of {p} the works of the reconstruction were carried out.",
       "{who} noted that the question of the restoration of {p} {tail} is in the center of attention, he said.",
       "During the meeting the issues of the tourism of the town and the protection of {p} were discussed.",
       "The residents of the town {tail} to {p} the flowers laid and the memory honored.",
       "It was informed that for the repair of {p} from the budget of the town the funds are allocated.",
       "{who} at {p} {tail} the guests received and about the history of the town the information gave.",
       "The event dedicated to the anniversary of {p} was organised by participating of the public of the town.",
       "Currently the works on the improvement of the territory near {p} are continuing in the intensive mode."]


def garbled_sentence(i: int) -> str:
    """The ``i``-th sentence of the garbled article (deterministic): the article's town in MT's phrasing."""
    who = _PEOPLE[(i // 2) % len(_PEOPLE)]
    return _MT[i % len(_MT)].format(p=_PLACES[(i * 3) % len(_PLACES)], who=who,
                                    tail=_TAILS[(i // 4) % len(_TAILS)])


def garbled_article(sentences: int = 230) -> str:
    """:func:`article`'s layout with :func:`garbled_sentence`'s sentences (about the same size, 30 KB)."""
    return article(sentences, garbled_sentence)


def article(sentences: int = 320, sentence: Callable[[int], str] = sentence) -> str:
    """The article: a title, a lead in emphasis, sections of four paragraphs of four sentences, each section with a
    bulleted list of three sentences and a quotation or a link."""
    out = ["# A river town and its bridges", "", "*A walk through the history of a small town on the river.*", ""]
    i, section = 0, 0
    while i < sentences:
        section += 1
        out += [f"## {_PLACES[section % len(_PLACES)].capitalize()}", ""]
        for _ in range(4):
            out += [" ".join(sentence(k) for k in range(i, min(sentences, i + 4))), ""]
            i += 4
            if i >= sentences:
                break
        if i < sentences:
            out += [f"- {sentence(i)}", f"- {sentence(i + 1)}", f"- {sentence(i + 2)}", ""]
            i += 3
        if section % 2:
            out += [f"> {sentence(i)}", ""]
        else:
            out += [f"More about it is in [the town's guide](https://example.org/guide/{section}). {sentence(i)}", ""]
        i += 1
    return "\n".join(out)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--garbled"]:
        sys.stdout.write(garbled_article())
    else:
        sys.stdout.write(article(int(sys.argv[1]) if len(sys.argv) > 1 else 320))
