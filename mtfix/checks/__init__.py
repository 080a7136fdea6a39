"""Checks that read more than the target sentence: its source (MTF5xx) or the other checkers' fixes (MTF601).

A translation against its source: ``source_target`` (MTF5xx), registered through ``bilingual``;
subtitle lines a fix makes too long or too fast: ``subtitle_lines`` (MTF601).

Checks of the target text alone live in ``mtfix.rules`` (rule packs),
``mtfix.glossary``, ``mtfix.grammar`` and ``mtfix.garble``.
"""
