"""Moved to :mod:`mtfix.text.tokens` (session 35); this old import path gives that module itself."""

import sys

from mtfix.text import tokens as _moved

sys.modules[__name__] = _moved
