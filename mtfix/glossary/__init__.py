"""Glossaries: names and terms spelt the way the newsroom spells them.

* ``model``: entries and glossaries assembled from several files;
* ``formats``: TSV/CSV, two-column pairs, YAML, TBX (read and write);
* ``matcher``: every form at once with an Aho-Corasick automaton;
* ``checker``: the enforcement tiers (MTF301–MTF307, see ``rules``);
* ``validate``, ``mine``, ``adherence``: the ``mtfix glossary`` tools and the score.
"""

from __future__ import annotations

from mtfix.glossary.rules import RULES

GLOSSARY_RULES = {code: (r.title, r.explain()) for code, r in RULES.items()}

__all__ = ["GLOSSARY_RULES", "RULES"]
