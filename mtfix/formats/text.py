"""Plain text: the whole file is one unit; its bytes are kept except where fixed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mtfix.formats.base import Container, Unit
from mtfix.io.textfile import TextFile, decode
from mtfix.suppress import directive_lines


@dataclass
class TextContainer(Container):
    """A file read as one verbatim unit (plain text, Markdown): written back as unit 0's fixed
    text in the file's own encoding and BOM."""

    textfile: TextFile | None = None

    def render(self, fixed: dict[int, str]) -> bytes:
        assert self.textfile is not None
        return self.textfile.encode(fixed.get(0, self.units[0].text))


def text_unit(text: str) -> Unit:
    """The one unit of plain ``text``, as ``mtfix check`` and the language server read it: a line holding only a
    bare ignore directive is no prose, but protected and read as a blank line (session 31)."""
    lines = directive_lines(text)
    return Unit(None, text, protected=list(lines), joins=lines, verbatim=True)


class TextFormat:
    name = "text"
    extensions = (".txt", ".text")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        tf = decode(raw, path)
        return TextContainer(path=path, format=self.name, units=[text_unit(tf.text)], textfile=tf)
