"""Build ``mtfix/glossary/data/english-nouns.txt``: the lower-case English nouns and adjectives a surname may also be
(session 49).

A surname that is an English word ("Frost", "Cotton", "Steel", "Grey") opening a sentence carries the sentence's
capital, so nothing tells the person from the word ("Frost covered the orchards"): a first mention's expansion there
is only a suggestion.  Session 47's test asked for an everyday plural ("marshes", "reeds"), which mass nouns
(weather, materials), colours and trades' abstract nouns lack.  The list here is a lexicon's, not a hand list:
every word lemminflect's lookup table (its ``lemma_lu.csv.gz``, from the SPECIALIST Lexicon and AGID) gives as a
noun or an adjective, letters only, in lower case (the table holds no proper names: "putin", "london", "aliyev"
are absent), with wordfreq's English Zipf frequency at least :data:`MIN_ZIPF` (the lexicon's ``KNOWN``: a word a
dictionary would have; fixed before looking at the list).

The table's forms are kept, plurals among them ("gates", "jobs", "reeves"), and so is "khan" (a title the lexicon
gives as a noun): a plural noun opening a sentence carries the sentence's capital as a mass noun does ("Gates open
at nine", "Jobs were lost at the mill"), so a surname spelt like one is as unsure a first mention there.  Measured in
the review of glossary-18 (session 49): the table's base forms only (20,175 words of 29,492) changed nothing in
``bench/newsroom_glossary.py`` or ``bench/given_names.py``, so the list stays as the lexicon gives it.

    pip install lemminflect==0.2.3        # a test extra of mtfix, never needed at run time
    python bench/build_english_nouns.py   # writes the file
"""

from __future__ import annotations

import gzip
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "mtfix" / "glossary" / "data" / "english-nouns.txt"
#: the least wordfreq Zipf frequency of a listed word (``mtfix.text.lexicon.KNOWN``)
MIN_ZIPF = 2.0
#: the lookup table's parts of speech kept
KEPT = ("noun", "adj")


def english_nouns() -> list[str]:
    """The sorted words of lemminflect's table read as a noun or an adjective, Zipf ≥ :data:`MIN_ZIPF`."""
    import lemminflect
    from wordfreq import zipf_frequency

    table = Path(lemminflect.__file__).parent / "resources" / "lemma_lu.csv.gz"
    words: set[str] = set()
    with gzip.open(table, "rt", encoding="utf-8") as rows:
        for row in rows:
            form, pos = row.split(",", 2)[:2]
            if pos in KEPT and form.isascii() and form.isalpha() and form.islower():
                words.add(form)
    return sorted(w for w in words if zipf_frequency(w, "en") >= MIN_ZIPF)


def main() -> None:
    import importlib.metadata as md

    words = english_nouns()
    head = (f"# English nouns and adjectives (lower case): lemminflect {md.version('lemminflect')} lemma_lu.csv.gz, "
            f"wordfreq {md.version('wordfreq')} Zipf >= {MIN_ZIPF}; built by bench/build_english_nouns.py\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(head + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
