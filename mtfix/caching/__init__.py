"""The caches: the user's cache folder, what is compiled once per installation into it, and the bounds in memory.

``cache`` is the cache folder (parsed YAML, checked packs, arrays, word lists; ``mtfix cache info|clean``);
``regexcache`` keeps ``regex`` patterns there, ``codecache`` the code of dataclass methods and ``recodecache``
the standard ``re`` module's patterns (the last two through ``savedstore``, the command line only); ``bounded``
is the one bound of every in-process cache, and ``lastmemo`` the one-entry memo of the last object asked about
(and ``Once``, one object's value built when first asked for).  This file imports nothing: ``mtfix/cli/__init__.py``
installs ``codecache`` and ``recodecache`` before anything else compiles a pattern or defines a dataclass.
"""
