"""The cleaning rules, one module per rule, each named as its ``--disable`` name."""
