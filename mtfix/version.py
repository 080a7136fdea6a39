"""The mtfix version: one module with no imports, so anything may read it without a cycle."""

__version__ = "0.1.0"
