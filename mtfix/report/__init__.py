"""Reports of a run: text, JSON, SARIF, diffs and the rule catalogue in Markdown."""
