"""The command-line layer: one module per command, plus their common plumbing."""
