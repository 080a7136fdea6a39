"""Moved to :mod:`mtfix.text.lexicon` (session 35); this old import path gives that module itself."""

import sys

from mtfix.text import lexicon as _moved

sys.modules[__name__] = _moved
