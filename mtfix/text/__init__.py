"""Text helpers every stage shares: what a word is, what a line break is, English word frequencies,
reverential capitals and character references read as characters.

Imports nothing: each module is loaded by what uses it.
"""
