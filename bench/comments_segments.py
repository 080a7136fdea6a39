"""Segments of text with HTML comments against the same text without them (session 29, segmenter seg-11).

    PYTHONPATH=. python bench/comments_segments.py [--root TREE] [--ewt 200]

Takes ``bench/identity.py``'s quick corpus (read at run time, never written into the repository) and, for each text,
inserts an HTML comment (rotating over an ignore directive, one holding ``?``, ``!`` and ``. `` and one over two lines)
after every sentence stop before a space ("after a sentence": "… Tuesday. <!-- c --> Then"), in a second pass before
every line break after a non-blank line ("line end"), in a third after every fifth space that follows no stop
("inside a sentence"), and in a fourth an opener nothing closes before every line break after a non-blank line
("unclosed at line end": " <!-- open! Why? See. Later" runs to its line's end).  Since session 30 an unclosed opener
runs to its line's end only where a comment stands (first on its line, after a sentence end, after a comment, or an
ignore directive): the fourth pass puts it only after a stop at a line's end, and a fifth puts a bare opener
written in prose after every fifth space that follows no stop ("opener in prose": "We met <!-- on Tuesday"), which
must change no sentence either.  The text is segmented; a text "differs" when its segments, with the comments (and the spaces
before them) taken out and the segments left empty dropped, are not the segments of the text as it was; "cut" counts
the segments that start or end strictly inside a comment.  ``--root`` segments with another tree (a base tree made
with ``git archive``) for comparison.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COMMENTS = ("<!-- mtfix-ignore: MTF105 -->", "<!-- Why? Not now! See it. Later -->", "<!-- a note\nOver. Two lines -->")
_STOP = re.compile(r"([.!?…][\"'”’»)\]]*)([ \t])")
_LINE_END = re.compile(r"(?<=[^\r\n])(\r\n|\r|\n)")
_SPACE = re.compile(r"(?<![.!?…\"'”’»)\]\s]) (?=\S)")
_COMMENT = re.compile(r"[ \t]*<!--.*?-->", re.DOTALL)
UNCLOSED = "<!-- open! Why? See. Later"
_UNCLOSED = re.compile(r"[ \t]*<!--[^\r\n]*")
_STOP_LINE_END = re.compile(r"([.!?…][\"'”’»)\]]*)(\r\n|\r|\n)")
_PROSE_OPENER = re.compile(r"[ \t]*<!--")


def _insert(text: str, where: str, comment: str) -> str:
    if where == "after a sentence":
        return _STOP.sub(lambda m: f"{m.group(1)}{m.group(2)}{comment}{m.group(2)}", text)
    if where == "unclosed at line end":
        return _STOP_LINE_END.sub(lambda m: f"{m.group(1)} {UNCLOSED}{m.group(2)}", text)
    if where == "opener in prose":
        count = iter(range(1, 10**9))
        return _SPACE.sub(lambda m: " <!-- " if next(count) % 5 == 0 else " ", text)
    if where == "line end":
        return _LINE_END.sub(lambda m: f" {comment}{m.group(1)}", text)
    count = iter(range(1, 10**9))
    return _SPACE.sub(lambda m: f" {comment} " if next(count) % 5 == 0 else " ", text)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(REPO / "bench"))
    from identity import segmenter_run

    _, split_segments, texts = segmenter_run(__doc__.split("\n\n")[0], argv)
    for where in ("after a sentence", "line end", "inside a sentence", "unclosed at line end", "opener in prose"):
        differ = cut = comments = shown = 0
        for i, (name, text) in enumerate(texts.items()):
            marked = _insert(text, where, COMMENTS[i % len(COMMENTS)])
            shape = _UNCLOSED if where.startswith("unclosed") else _PROSE_OPENER if where == "opener in prose" else _COMMENT
            found = list(shape.finditer(marked))
            if not found:
                continue
            comments += len(found)
            gone = bytearray(len(marked))
            inner = bytearray(len(marked) + 1)
            for m in found:
                gone[m.start():m.end()] = b"\1" * (m.end() - m.start())
                start = marked.index("<!--", m.start())
                inner[start + 1:m.end()] = b"\1" * (m.end() - start - 1)  # strictly inside
            plain = [text[s.start:s.end] for s in split_segments(text)]
            got = []
            for s in split_segments(marked):
                cut += inner[s.start] + inner[s.end]
                kept = "".join(c for k, c in enumerate(marked[s.start:s.end], s.start) if not gone[k]).strip()
                if kept:
                    got.append(kept)
            if got != plain:
                differ += 1
                if shown < 3:
                    shown += 1
                    extra = [g for g in got if g not in plain][:1]
                    print(f"  {where} {name}: {len(plain)} → {len(got)} segments, e.g. {extra!r:.160}")
        print(f"{where}: {comments:,} comments in {len(texts)} texts; segment ends inside a comment: {cut}; "
              f"texts whose segments differ: {differ}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
