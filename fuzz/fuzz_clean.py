"""atheris fuzz target: arbitrary Unicode text through ``scrubwarc.clean.pipeline.clean_text``.

Cleaning must never raise, must be idempotent and must end in one newline (or be empty).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from scrubwarc import clean_text


def test_one_input(data: bytes) -> None:
    """Clean the text atheris makes of the bytes, then check the invariants."""
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    once = clean_text(text).text
    once.encode("utf-8")
    if clean_text(once).text != once:
        raise AssertionError(f"cleaning is not idempotent on {text!r}")
    if once and (not once.endswith("\n") or once.endswith("\n\n")):
        raise AssertionError(f"output does not end in exactly one newline: {once!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
