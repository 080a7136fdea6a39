"""The garble detector: a source-language-independent judgement of whether a sentence is broken MT.

An offline Penn tagger (:mod:`mtfix.garble.tagger`), structural signs and word
statistics (:mod:`mtfix.garble.signs`), a logistic model over them
(:mod:`mtfix.garble.model`) and the checker that reports MTF4xx findings
(:mod:`mtfix.garble.checker`).  Everything loads lazily.  See docs/detector.md.
"""
