"""The "-ow" reading of glossary-17 (session 48: "Bayramow" for "Bayramov" is another transliteration, minor, no fix)
stops where the glossary itself lists the spelling as wrong: the surname of a listed variant ("Voskowa" of "Lidia
Voskowa", listed for Lidia Voskova) is a misspelling as before (CI N=142: test_lsp_severity_s41 lost its major).
The examples are written for mtfix."""

from __future__ import annotations

from mtfix.glossary.checker import GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import Severity
from mtfix.segment import to_document

GLOSSARY = Glossary([
    Entry("Lidia Voskova", ("Lidia Voskowa",), type="person", origin="t:1"),
    Entry("Pavel Orlov", (), type="person", origin="t:2"),
])


def found(text: str) -> list[tuple[str, str, Severity]]:
    return [(f.code, text[f.start:f.end], f.severity) for f in GlossaryChecker(GLOSSARY).check(to_document(text))]


def test_the_surname_of_a_listed_variant_stays_a_major_misspelling() -> None:
    got = found("Lidia Voskova opened the depot. Voskowa said the line would reopen.")
    assert ("MTF302", "Voskowa", Severity.MAJOR) in got, got


def test_an_unlisted_ow_spelling_stays_house_style() -> None:
    got = found("Pavel Orlov opened the depot. Orlow said the line would reopen.")
    assert ("MTF302", "Orlow", Severity.MINOR) in got, got
