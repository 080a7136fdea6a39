"""LanguageTool for mtfix: installed from Maven Central, run as a local server, fed in batches.

Modules, in the order a check uses them:

- :mod:`~mtfix.grammar.settings`: where things live and how LT runs (``[tool.mtfix.languagetool]``).
- :mod:`~mtfix.grammar.install`: ``mvn`` + ``lt-pom.xml`` → a verified, versioned directory of jars.
- :mod:`~mtfix.grammar.server`: start, reuse (port file + health check), stop; loopback only.
- :mod:`~mtfix.grammar.client`: one HTTP check through ``language-tool-python``'s remote-server mode.
- :mod:`~mtfix.grammar.batching`: segments → request texts and matches → segments.
- :mod:`~mtfix.grammar.cache`: SQLite results cache keyed by (LT version, language, rules, segment text).
- :mod:`~mtfix.grammar.mapping`: LT matches → mtfix findings (``categories.tsv``, ``safe-fixes.yaml``).
- :mod:`~mtfix.grammar.scoring`: LT findings → fluency-score classes and factors (``scoring.tsv``, versioned).
- :mod:`~mtfix.grammar.checker`: the pipeline's ``grammar`` checker (``build_checker``).
"""

from __future__ import annotations

#: The LanguageTool version mtfix installs and expects (resolves completely from Maven Central).
LT_VERSION = "6.7"
