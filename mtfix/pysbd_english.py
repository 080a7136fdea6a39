"""Moved to :mod:`mtfix.segment.pysbd_english` (session 35); this old import path gives that module itself."""

import sys

from mtfix.segment import pysbd_english as _moved

sys.modules[__name__] = _moved
