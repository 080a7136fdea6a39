"""The glossary's rule codes, documented like the rules of a pack (``mtfix explain MTF302``)."""

from __future__ import annotations

from dataclasses import dataclass

from mtfix.model import Severity


@dataclass(frozen=True)
class GlossaryRule:
    code: str
    title: str
    category: str
    severity: Severity
    fix: str
    docs: str

    def explain(self) -> str:
        return (f"{self.code} (glossary): {self.title}\ncategory: {self.category} | severity: {self.severity} | "
                f"fix: {self.fix}\n\n{self.docs.strip()}")


RULES: dict[str, GlossaryRule] = {r.code: r for r in [
    GlossaryRule("MTF301", "A variant spelling of a glossary name or term", "Terminology/Inappropriate for context",
                 Severity.MINOR, "safe", """
What it does: replaces a variant the glossary lists (a wrong spelling, a transliteration, a
source-language form) by the glossary's form, at word boundaries, longest match first:
"Anthony Blinken" → "Antony Blinken", "Minsk Process" → "OSCE Minsk Group".
Why: names and terms must be spelt the way the newsroom spells them.
Fix safety: safe; the glossary says so.
"""),
    GlossaryRule("MTF302", "A misspelt glossary name", "Fluency/Spelling", Severity.MAJOR, "safe or unsafe", """
What it does: a capitalised token that is no ordinary English word and no glossary form, but is
within a small edit distance of exactly one glossary name (transpositions, dropped or doubled
letters: "Bilnken", "Blinke", "Pashkina"), is replaced by that name.  Tokens that occur three
times or more in the document, tokens in URLs, e-mail addresses and code are left alone.
Fix safety: safe when the distance is at most a third of the name's length and the entry is a
person, organisation or place; unsafe otherwise.
"""),
    GlossaryRule("MTF303", "Initials and first mentions", "Terminology/Inappropriate for context",
                 Severity.MINOR, "safe", """
What it does: "E.Blinken", "A. Blinken", "N. Pashinyan" become the full name at the first
mention in the document and the surname afterwards.  An entry marked first_mention (a surname
that is ambiguous alone, such as "Michel") is expanded at its first mention: "Michel" →
"Charles Michel".  A middle initial ("Antony J. Blinken") is left alone.
Fix safety: safe.  `first-mention = false` in mtfix.toml turns the expansion off.
"""),
    GlossaryRule("MTF304", "A source-language spelling with a case suffix", "Terminology/Inappropriate for context",
                 Severity.MINOR, "safe", """
What it does: a source-language spelling of a glossary name with an Azerbaijani case suffix
("Paşinyana", "Əliyevin", "Bakıda") becomes the English name; a genitive suffix becomes
the English possessive ("Əliyevin" → "Aliyev's").
Fix safety: safe.
"""),
    GlossaryRule("MTF305", "A name spelt two ways in one document", "Terminology/Inconsistent use of terminology",
                 Severity.MINOR, "unsafe (safe when the dominant form is a glossary form)", """
What it does: when a capitalised name occurs three times or more in a document and a
near-variant of it (edit distance 1-2) only once or twice, the odd ones are reported and the
dominant spelling is suggested.  Derived forms (Armenia / Armenian) and case-only differences
(Nato / NATO) are left alone.  This catches names nobody has put in a glossary yet.
Fix safety: unsafe, unless the dominant form is in a glossary.
"""),
    GlossaryRule("MTF306", "A forbidden form", "Terminology/Inappropriate for context", Severity.MAJOR, "none", """
What it does: flags a form the glossary forbids (for example a term a style guide bans) and
names the preferred one; it is never replaced automatically.
"""),
    GlossaryRule("MTF307", "A source term whose target term is missing", "Terminology/Inappropriate for context",
                 Severity.MAJOR, "none", """
What it does: in bilingual input (XLIFF, PO, TMX, or JSONL/CSV with --source-field), a source
term of a glossary entry occurs in the source text but none of the entry's forms occurs in the
translation.
"""),
]}
