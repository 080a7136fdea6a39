"""Input and output: reading files and standard streams, atomic writes."""
