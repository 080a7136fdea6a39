"""Moved to :mod:`mtfix.text.reverential_capitals` (session 35); this old import path gives that module itself."""

import sys

from mtfix.text import reverential_capitals as _moved

sys.modules[__name__] = _moved
