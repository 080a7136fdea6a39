"""Where mtfix meets other tools: the pre-commit hooks' entry point (``precommit``) and
Apache Spark (``spark``)."""
