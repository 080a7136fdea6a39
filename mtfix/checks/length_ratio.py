"""Length ratio of a translation to its source: the model behind MTF505/MTF506.

A translation much shorter than its source has probably lost something (MQM Accuracy/Omission);
one much longer has probably gained something (Accuracy/Addition: a hallucinated phrase). Length is
counted in *units*: letters, combining marks and digits, so spaces and punctuation count for nothing
and a script without spaces (Chinese) is measured like one with them. How many English units a source
unit becomes depends on the source's script (a Chinese character carries about three English letters),
so the model is fitted per script family of the source: ``r = ln(target units / source units)`` has a
centre ``mu`` and a spread that shrinks with length, ``sd(n)^2 = a^2 + b^2 / n`` (``n`` = source
units: a short sentence's ratio is noisier). A segment is flagged when ``z = (r - mu) / sd(n)`` is
beyond ``±z``. In a Chinese source, Latin letters and digits count ``exp(-mu)`` of a character (they
pass into English one for one). A source in a script with no family of its own is judged with the
pooled ``default`` (its spread widened, as measured by leaving one language pair out) unless the
script is dense (Japanese, Korean): a Chinese model does not carry to them, so they are not judged.

The fitted values are data, ``length_ratio.json`` beside this module, written by
``python bench/fit_length_ratio.py fit`` from development data only (MLQE-PE train post-edits and
the references of MQM zh-en 2020 and TED 2021); their digest is part of the checker's signature.

>>> units("Hello, world! 42")
12
>>> script_family("Kaks sõdurit sai vigastada."), script_family("我希望大家"), script_family("...")
('latin', 'han', None)
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

_UNIT = regex.compile(r"[\p{L}\p{M}\p{N}]")
_DENSE_UNIT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Yi}]")
_LETTER = regex.compile(r"\p{L}")

#: scripts whose letters are syllables or words (a unit holds much more than a letter): a model fitted
#: for one does not carry to another, so an unseen one of these is not checked.
DENSE = frozenset({"han", "kana", "hangul", "yi"})

_SCRIPTS = (
    ("latin", "Latin"), ("cyrillic", "Cyrillic"), ("greek", "Greek"), ("armenian", "Armenian"),
    ("georgian", "Georgian"), ("arabic", "Arabic"), ("hebrew", "Hebrew"), ("devanagari", "Devanagari"),
    ("bengali", "Bengali"), ("gurmukhi", "Gurmukhi"), ("gujarati", "Gujarati"), ("oriya", "Oriya"),
    ("tamil", "Tamil"), ("telugu", "Telugu"), ("kannada", "Kannada"), ("malayalam", "Malayalam"),
    ("sinhala", "Sinhala"), ("thai", "Thai"), ("lao", "Lao"), ("tibetan", "Tibetan"), ("myanmar", "Myanmar"),
    ("ethiopic", "Ethiopic"), ("khmer", "Khmer"), ("mongolian", "Mongolian"),
    ("han", "Han"), ("kana", "Hiragana"), ("kana", "Katakana"), ("hangul", "Hangul"), ("yi", "Yi"),
)
_SCRIPT_RE = [(name, regex.compile(rf"\p{{Script={script}}}")) for name, script in _SCRIPTS]


def _unmasked(text: str, masked: Iterable[tuple[int, int]]) -> str:
    spans = sorted(masked)
    if not spans:
        return text
    out, pos = [], 0
    for s, e in spans:
        if s > pos:
            out.append(text[pos:s])
        pos = max(pos, e)
    out.append(text[pos:])
    return " ".join(out)


def units(text: str, masked: Iterable[tuple[int, int]] = ()) -> int:
    """Letters, combining marks and digits of ``text`` outside the ``masked`` spans."""
    return len(_UNIT.findall(_unmasked(text, masked)))


def dense_units(text: str, masked: Iterable[tuple[int, int]] = ()) -> int:
    """Han, kana, Hangul and Yi characters of ``text`` outside the ``masked`` spans."""
    return len(_DENSE_UNIT.findall(_unmasked(text, masked)))


def script_family(text: str) -> str | None:
    """The script most of the letters of ``text`` are written in (Japanese kana wins over the Han
    characters beside it: Japanese is not Chinese), or None without letters.  A script mtfix does not
    list is ``"other"``."""
    letters = _LETTER.findall(text)
    if not letters:
        return None
    counts: Counter[str] = Counter()
    for name, pattern in _SCRIPT_RE:
        k = len(pattern.findall(text))
        if k:
            counts[name] += k
    if counts["kana"]:
        counts["kana"] += counts.pop("han", 0)
    if not counts or sum(counts.values()) * 2 < len(letters):
        return "other"
    return counts.most_common(1)[0][0]


@dataclass(frozen=True)
class Family:
    """One script family's fitted ratio: centre ``mu`` and spread ``sd(n)^2 = a^2 + b^2 / n``, and the
    fewest source units it judges (below them its spread was not measured).

    In a ``dense`` family (Chinese) the source's other units (Latin letters of a name, digits) pass
    into English about one for one, so each counts ``exp(-mu)`` of a character: a Chinese sentence
    full of figures is not taken for an omission."""

    mu: float
    a: float
    b: float
    min_units: int = 1
    dense: bool = False

    def source_units(self, text: str) -> float:
        """The source's length in this family's units."""
        n = units(text)
        if not self.dense:
            return float(n)
        d = dense_units(text)
        return d + (n - d) * math.exp(-self.mu)

    def z(self, source_units: float, target_units: int) -> float:
        r = math.log(target_units / source_units)
        return (r - self.mu) / math.sqrt(self.a**2 + self.b**2 / source_units)


@dataclass(frozen=True)
class LengthModel:
    """The fitted model: families, the default for unseen non-dense scripts (None: no check), the
    thresholds and the fewest target words judged."""

    families: dict[str, Family]
    default: Family | None
    z_minor: float
    z_major: float | None
    min_target_words: int
    digest: str

    def family_for(self, source: str) -> Family | None:
        name = script_family(source)
        if name is None:
            return None
        if name in self.families:
            return self.families[name]
        return None if name in DENSE or name == "other" else self.default

    def assess(self, source: str, target: str, source_masked: Iterable[tuple[int, int]] = (),
               target_masked: Iterable[tuple[int, int]] = ()) -> float | None:
        """``z`` of the target's length against its source's, or None when the pair is not judged
        (too short, no model for the source's script, nothing to count)."""
        src = _unmasked(source, source_masked)
        tgt = _unmasked(target, target_masked)
        family = self.family_for(src)
        if family is None:
            return None
        ns, nt = family.source_units(src), units(tgt)
        if ns < family.min_units or len(regex.findall(r"[\p{L}\p{N}]+", tgt)) < self.min_target_words:
            return None
        return family.z(ns, max(nt, 1))


def _family(d: dict[str, Any]) -> Family:
    return Family(float(d["mu"]), float(d["a"]), float(d["b"]), int(d.get("min_units", 1)), bool(d.get("dense")))


def model_from(data: dict[str, Any], digest: str = "") -> LengthModel:
    """A :class:`LengthModel` from the JSON data (see ``bench/fit_length_ratio.py``)."""
    default = data.get("default")
    major = data.get("z_major")
    return LengthModel(
        families={k: _family(v) for k, v in data["families"].items()},
        default=_family(default) if default else None,
        z_minor=float(data["z_minor"]),
        z_major=float(major) if major is not None else None,
        min_target_words=int(data["min_target_words"]),
        digest=digest,
    )


@lru_cache(maxsize=1)
def load_model() -> LengthModel:
    """The bundled model (``length_ratio.json``), its digest the first 12 hex digits of its SHA-256."""
    raw = (resources.files("mtfix.checks") / "length_ratio.json").read_bytes()
    return model_from(json.loads(raw), hashlib.sha256(raw).hexdigest()[:12])
