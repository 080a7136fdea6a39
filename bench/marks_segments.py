"""Segments of marked text against the same text without marks (session 26, segmenter seg-10).

    PYTHONPATH=. python bench/marks_segments.py [--root TREE] [--ewt 200]

Takes ``bench/identity.py``'s quick corpus (examples, seeds, realmt texts and corrections, EWT paragraphs and
shuffled sentences, MLQE-PE dev post-edits, the benchmark news and mixed text; read at run time, never written into
the repository) and, for each text, inserts an invisible mark (rotating over U+200B, U+2060, U+FEFF, U+00AD, ZWNJ,
ZWJ, RLM) right after every ``.``/``!``/``?``/``…`` (and closing quotes or brackets) before a space or tab — "glued"
— and, in a second pass, right after that space, before the next word — "before"; then at the start ("line start") and the end
("line end") of every line that is not blank (a line of marks alone is a segment of its own).  The marked text is segmented
and each segment, marks and then white space at its ends removed (a mark before an indented line's spaces opens
its segment: "\ufeff  • Home"), is compared with the segments of the text as it was: a text "differs" when the
lists differ.  ``--root`` segments with another tree (a base tree made with ``git archive``) for comparison.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARKS = ("\u200b", "\u2060", "\ufeff", "\u00ad", "\u200c", "\u200d", "\u200f")
_STOP = re.compile(r"([.!?…][\"'”’»)\]]*)([ \t])")
_LINE_START = re.compile(r"(\r\n|\r|\n)(?=[^\r\n])")  # not on a blank line: a line of marks alone is a segment
_LINE_END = re.compile(r"(?<=[^\r\n])(\r\n|\r|\n)")
_STRIP = str.maketrans("", "", "".join(MARKS))


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(REPO / "bench"))
    from identity import segmenter_run

    _, split_segments, texts = segmenter_run(__doc__.split("\n\n")[0], argv)
    passes = (("glued", _STOP, r"\1{m}\2"), ("before", _STOP, r"\1\2{m}"),
              ("line start", _LINE_START, r"\1{m}"), ("line end", _LINE_END, r"{m}\1"))
    for where, pattern, repl in passes:
        differ = marks = 0
        shown = 0
        for i, (name, text) in enumerate(texts.items()):
            mark = MARKS[i % len(MARKS)]
            marked, n = pattern.subn(repl.format(m=mark), text)
            marks += n
            plain = [text[s.start:s.end].translate(_STRIP).strip() for s in split_segments(text)]
            got = [marked[s.start:s.end].translate(_STRIP).strip() for s in split_segments(marked)]
            if got != plain:
                differ += 1
                if shown < 3:
                    shown += 1
                    extra = [g for g in got if g not in plain][:1]
                    print(f"  {where} {name} (U+{ord(mark):04X}): {len(plain)} → {len(got)} segments, e.g. {extra}")
        print(f"{where}: {marks:,} marks inserted in {len(texts)} texts; texts whose segments differ: {differ}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
