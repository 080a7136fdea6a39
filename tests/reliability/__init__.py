"""Issue 9: reliability regression tests against the real CLI."""
