"""Stage 2, the cleaning pipeline: its value types and the named rules in ``rules/``."""
