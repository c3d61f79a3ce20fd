"""Benchmark scripts, each run as ``python benchmarks/NAME.py`` (see ``--help``).

A package so that ``benchmarks/html.py`` is ``benchmarks.html`` to tools and imports, never a
second ``html`` beside the standard library's.
"""
