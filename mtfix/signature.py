"""What produced a result: one ``Signature`` value, built in one place.

In the style of sacrebleu's signatures: named fields, a long form and a short
form, and every input that decides results is a field — rule packs with content
digests, glossaries with digests, the grammar backend and its version, models
with digests, the segmenter and lexicon with their versions, the weights version
and the mtfix version.  Two results compare only when their signatures match.

>>> sig = Signature("mtfix-check", {"rules": "en-generic@1.1#0a1b2c3d", "grammar": "off", "version": "0.1.0"})
>>> str(sig)
'mtfix-check|rules:en-generic@1.1#0a1b2c3d|grammar:off|version:0.1.0'
>>> sig.format(short=True)
'mtfix-check|r:en-generic@1.1#0a1b2c3d|lt:off|v:0.1.0'
>>> Signature.parse(str(sig)) == sig
True
>>> sig.id
'mtfix-check#ac0762750765'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

#: Short names of the fields, for ``format(short=True)``.  Fields not listed keep their name.
ABBREVIATIONS: dict[str, str] = {
    "rules": "r",
    "glossary": "g",
    "grammar": "lt",
    "source_target": "st",
    "bilingual": "st",
    "garble": "m",
    "segmenter": "seg",
    "lexicon": "lex",
    "lm": "lm",
    "weights": "w",
    "version": "v",
}


@dataclass(frozen=True)
class Signature:
    """A kind (``mtfix-check``, ``mtfix-fluency``) and ordered ``name:value`` fields."""

    kind: str
    fields: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", dict(self.fields))
        for name, value in self.fields.items():
            if "|" in name or ":" in name or "|" in str(value):
                raise ValueError(f"signature field {name!r}={value!r} may not contain '|' (or ':' in its name)")

    def format(self, short: bool = False) -> str:
        """``kind|name:value|...``; ``short`` abbreviates the names."""
        parts = [self.kind]
        for name, value in self.fields.items():
            parts.append(f"{ABBREVIATIONS.get(name, name) if short else name}:{value}")
        return "|".join(parts)

    def __str__(self) -> str:
        return self.format()

    @classmethod
    def coerce(cls, value: Signature | str, kind: str = "") -> Signature:
        """``value`` as a Signature: a Signature as it is, a long form parsed; a bare run of
        ``name:value`` fields (no kind) gets ``kind``.

        >>> Signature.coerce("rules:x@1", "mtfix-check")
        Signature(kind='mtfix-check', fields={'rules': 'x@1'})
        """
        if isinstance(value, Signature):
            return value
        if not value:
            return cls(kind)
        if ":" in value.split("|", 1)[0]:
            return cls.parse(f"{kind}|{value}")
        return cls.parse(value)

    def with_fields(self, kind: str | None = None, **more: str) -> Signature:
        """A copy with another kind and/or more fields (added before ``version``)."""
        fields = {k: v for k, v in self.fields.items() if k != "version"}
        fields.update(more)
        if "version" in self.fields and "version" not in more:
            fields["version"] = self.fields["version"]
        return Signature(kind or self.kind, fields)

    @property
    def id(self) -> str:
        """``kind#`` and the first 12 hex digits of the long form's sha256: what each record of an ingest job
        carries (:func:`mtfix.records.job_signature`), a few dozen bytes where the long form takes hundreds.
        Equal ids, equal signatures; the long form, stored once per job, gives the id back."""
        return f"{self.kind}#{digest(str(self), 12)}"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "fields": dict(self.fields), "text": str(self)}

    @classmethod
    def parse(cls, text: str) -> Signature:
        """The long form back into a value (short forms keep their abbreviations)."""
        kind, *rest = text.split("|")
        fields: dict[str, str] = {}
        for part in rest:
            name, _, value = part.partition(":")
            fields[name] = value
        return cls(kind, fields)


def digest(data: bytes | str, length: int = 8) -> str:
    """A short content digest (sha256, hex).

    >>> digest(b"abc")
    'ba7816bf'
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


def file_digest(path: str | Path, length: int = 8) -> str:
    """The content digest of a file (cached while its size and modification time stay the same)."""
    st = Path(path).stat()
    return _file_digest(str(path), st.st_size, st.st_mtime_ns, length)


@cache
def _file_digest(path: str, size: int, mtime_ns: int, length: int) -> str:
    return digest(Path(path).read_bytes(), length)


def packs_field(packs: Iterable[Any]) -> str:
    """Rule packs as ``name@version#digest`` joined by ``+``: the version the pack says and the
    sha256 of its file (``Pack.path``), so that a pack edited without a new version still shows."""
    parts = []
    for p in packs:
        try:
            parts.append(f"{p.name}@{p.version}#{file_digest(p.path)}")
        except OSError:  # a pack built in memory or a file gone since
            parts.append(f"{p.name}@{p.version}#nofile")
    return "+".join(parts)


@cache
def package_version(name: str) -> str:
    """An installed distribution's version, or ``unknown``."""
    from importlib import metadata  # tens of milliseconds: only when a signature is built

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def environment_fields() -> dict[str, str]:
    """Inputs outside the checkers that decide results: the segmenter (pysbd and mtfix's rules on
    top of it) and the lexicon."""
    from mtfix.segment import REVISION as SEGMENT_REVISION

    return {
        "segmenter": f"pysbd-{package_version('pysbd')}/{SEGMENT_REVISION}",
        "lexicon": f"wordfreq-{package_version('wordfreq')}",
    }


def mtfix_version() -> str:
    """The mtfix version, read when asked (the one copy: every signature's ``version`` field)."""
    from mtfix.version import __version__

    return __version__


def check_signature(checker_fields: Iterable[tuple[str, str]], *, grammar_ran: bool, merged: bool = True) -> Signature:
    """The signature of a pipeline's findings: each checker's own field (in the order given; a
    ``|`` in a value becomes ``/``), ``grammar:off`` when no grammar checker ran, how duplicate
    findings are merged (``findings:merge-2``, :func:`mtfix.findings.merge_duplicates`, :func:`~mtfix.findings.one_fix_per_span`; ``findings:unmerged``
    when ``merged`` is false), the
    environment (segmenter, lexicon), and the mtfix version."""
    from mtfix.findings import MERGE_REVISION

    fields = {name: str(value).replace("|", "/") for name, value in checker_fields}
    if not grammar_ran:
        fields.setdefault("grammar", "off")
    fields["findings"] = MERGE_REVISION if merged else "unmerged"
    fields.update(environment_fields())
    fields["version"] = mtfix_version()
    return Signature("mtfix-check", fields)
