"""Checks that compare a translation with its source (``source_target``: MTF5xx).

Checks of the target text alone live in ``mtfix.rules`` (rule packs),
``mtfix.glossary``, ``mtfix.grammar`` and ``mtfix.garble``.
"""
