"""Does LanguageTool's English tagger dictionary tell a glossary's everyday-word variants from names better than
``glossary validate``'s Zipf cut (session 41)?

A one-word variant the tagger dictionary (``org/languagetool/resource/en/english.dict`` in the
``english-pos-dict`` jar of the LanguageTool install, a morfologik CFSA2 automaton of "form+base+tag" lines) knows
in lower case ("mayday+A+NN") is a common word whatever its frequency; a name is listed there capitalised only
("Kiev+A+NNP").  The script reads every one-word variant that :func:`mtfix.glossary.validate.everyday_variants`
reads in the bundled glossaries, ``bench/data/newsroom_s38/newsroom.tsv`` and ``bench/data/newsroom_s40/*.tsv``
(the 230 of session 40) and counts, for the Zipf cut and for the dictionary, the warnings, the English words
warned of and the names warned of (``WORDS``: the variants session 40 labelled English words).

Run: ``MTFIX_LT_HOME=DIR python bench/everyday_words_lt.py`` (DIR holding ``lib/english-pos-dict-*.jar``).
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

#: The one-word variants of the measured glossaries that are English words (session 40's labels,
#: ``bench/data/newsroom_s40/README.md``; "Mayday" is one of ``newsroom.tsv`` too).
WORDS = frozenset({"Mayday", "Tabby", "Rusty", "Marsh", "Amber", "Holly", "Baker", "Grant", "Hope"})
DICT = "org/languagetool/resource/en/english.dict"


class TaggerDictionary:
    """Lower-case look-up of a morfologik CFSA2 dictionary of "form+base+tag" sequences."""

    def __init__(self, data: bytes):
        if data[:4] != b"\\fsa" or data[4] != 0xC6:
            raise ValueError("not a morfologik CFSA2 automaton")
        n = data[7]
        self.labels, self.arcs = data[8:8 + n], data[8 + n:]
        self.root = self._dest(0)

    def _skip(self, a: int) -> int:
        arcs, flags = self.arcs, self.arcs[a]
        a += 1 if flags & 0x1F else 2
        if not flags & 0x80:  # an explicit target address, a variable-length integer
            while arcs[a] & 0x80:
                a += 1
            a += 1
        return a

    def _label(self, a: int) -> int:
        i = self.arcs[a] & 0x1F
        return self.labels[i] if i else self.arcs[a + 1]

    def _dest(self, a: int) -> int:
        arcs = self.arcs
        if arcs[a] & 0x80:  # the target follows this node's last arc
            while not arcs[a] & 0x40:
                a = self._skip(a)
            return self._skip(a)
        a += 1 if arcs[a] & 0x1F else 2
        value, shift = 0, 0
        while True:
            b = arcs[a]
            value |= (b & 0x7F) << shift
            if not b & 0x80:
                return value
            a, shift = a + 1, shift + 7

    def _step(self, node: int, label: int) -> int | None:
        a = node
        while True:
            if self._label(a) == label:
                return self._dest(a)
            if self.arcs[a] & 0x40:
                return None
            a = self._skip(a)

    def tags(self, form: str) -> list[str]:
        """The "base+tag" codes of ``form`` exactly as written (case-sensitive), at most 20."""
        node: int | None = self.root
        for b in (form + "+").encode():
            node = self._step(node, b) if node else None
            if node is None:
                return []
        out: list[str] = []

        def walk(node: int, acc: bytes) -> None:
            a = node
            while len(out) < 20:
                got = acc + bytes([self._label(a)])
                if self.arcs[a] & 0x20:
                    out.append(got.decode("utf-8", "replace"))
                d = self._dest(a)
                if d:
                    walk(d, got)
                if self.arcs[a] & 0x40:
                    return
                a = self._skip(a)

        walk(node, b"")
        return out


def main() -> None:
    from mtfix.glossary.formats import load
    from mtfix.glossary.loading import bundled_glossary_paths
    from mtfix.glossary.validate import EVERYDAY_ZIPF
    from mtfix.text.lexicon import zipf

    home = Path(os.environ.get("MTFIX_LT_HOME", Path.home() / ".cache/mtfix/languagetool/6.7"))
    jars = sorted((home / "lib").glob("english-pos-dict-*.jar")) or sorted(home.glob("english-pos-dict-*.jar"))
    if not jars:
        sys.exit(f"no english-pos-dict jar under {home}: set MTFIX_LT_HOME")
    tagger = TaggerDictionary(zipfile.ZipFile(jars[-1]).read(DICT))
    paths = [*bundled_glossary_paths(), REPO / "bench/data/newsroom_s38/newsroom.tsv",
             REPO / "bench/data/newsroom_s40/desk.tsv", REPO / "bench/data/newsroom_s40/names40.tsv"]
    rows = []
    for p in paths:
        for e in load(p).entries:
            for v in e.variants:
                if not v.isalpha() or v.isupper() or (e.type == "term" and not v[:1].isupper()):
                    continue
                rows.append((p.name, v, zipf(v.lower()), tagger.tags(v.lower())))
    print(f"{len(rows)} one-word variants, {sum(v in WORDS for _, v, _, _ in rows)} of them English words ({jars[-1].name})")
    for name, v, z, tags in rows:
        if z >= EVERYDAY_ZIPF or tags or v in WORDS:
            print(f"  {name}\t{v}\tZipf {z:.2f}\t{','.join(tags) or '-'}\t{'word' if v in WORDS else 'NAME'}")
    tests = ((f"Zipf >= {EVERYDAY_ZIPF}", lambda z, t: z >= EVERYDAY_ZIPF), ("tagger dictionary, lower case", lambda z, t: bool(t)),
             ("either", lambda z, t: z >= EVERYDAY_ZIPF or bool(t)))
    for label, test in tests:
        warned = [v for _, v, z, t in rows if test(z, t)]
        names = sorted(v for v in warned if v not in WORDS)
        print(f"{label}: {len(warned)} warnings, {len(warned) - len(names)} English words, {len(names)} names {names}")


if __name__ == "__main__":
    main()
