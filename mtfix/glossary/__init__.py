"""Glossaries: names and terms spelt the way the newsroom spells them.

* ``model``: entries, and one glossary assembled from several files;
* ``formats`` (``tables``, ``yamlfile``, ``tbx``, ``fields``): TSV/CSV, two-column pairs, YAML, TBX, read and written;
* ``loading``: which glossaries apply (bundled + the user's), parsed once per process;
* ``matcher``: every form at once with an Aho-Corasick automaton;
* the tiers: ``misspell`` (MTF302), ``initials`` (MTF303), ``inflect`` (MTF304),
  ``consistency`` (MTF305), ``source_terms`` (MTF307), orchestrated by ``checker``;
* ``validate``, ``mine``, ``adherence``: the ``mtfix glossary`` tools and the score.

``GLOSSARY_RULES`` maps each rule code to its title and documentation, for
``mtfix rules`` and ``mtfix explain``.
"""

from __future__ import annotations

from mtfix.glossary.rules import RULES

#: code → (title, documentation: category, severity, fix safety, what, why, example)
GLOSSARY_RULES: dict[str, tuple[str, str]] = {code: (r.title, r.body()) for code, r in RULES.items()}

__all__ = ["GLOSSARY_RULES", "RULES"]
