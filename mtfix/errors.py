"""Specific exceptions: every error mtfix raises names what failed and why."""

from __future__ import annotations


class MtfixError(Exception):
    """Base class of everything mtfix raises on purpose."""


class InputError(MtfixError):
    """A file or text that cannot be read: names the file, line and reason.

    >>> str(InputError("bad bytes", path="a.txt", line=3))
    'a.txt:3: bad bytes'
    """

    def __init__(self, reason: str, *, path: str | None = None, line: int | None = None):
        self.reason, self.path, self.line = reason, path, line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {reason}")


class RulePackError(MtfixError):
    """A rule pack that is malformed: names the pack, the rule code and the field."""

    def __init__(self, pack: str, reason: str, *, code: str | None = None, field: str | None = None,
                 path: str | None = None):
        self.pack, self.code, self.field, self.reason, self.path = pack, code, field, reason, path
        parts = [f"rule pack {pack!r}" + (f" ({path})" if path else "")]
        if code:
            parts.append(f"rule {code}")
        if field:
            parts.append(f"field {field!r}")
        super().__init__(f"{', '.join(parts)}: {reason}")


class GlossaryError(MtfixError):
    """A glossary that cannot be loaded or that conflicts with another."""


class ConfigError(MtfixError):
    """A bad option or configuration file value."""


class GrammarError(MtfixError):
    """LanguageTool could not be installed, started or reached."""


class RecordError(MtfixError):
    """One record of a batch could not be processed (carries its id)."""

    def __init__(self, record_id: object, reason: str):
        self.record_id, self.reason = record_id, reason
        super().__init__(f"record {record_id!r}: {reason}")
