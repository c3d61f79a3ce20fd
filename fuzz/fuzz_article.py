"""atheris fuzz target: arbitrary bytes through ``scrubwarc.article.process``.

Only ``ScrubwarcError`` (a refusal with a reason) may come out; the cleaned text must be
valid UTF-8 and cleaning it again must change nothing. See fuzz/README.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from scrubwarc import ScrubwarcError, clean_text
    from scrubwarc import process_article as process

_NAMES = (None, "article.txt", "page.html")


def test_one_input(data: bytes) -> None:
    """Process one input, named as text, as HTML or not at all (the first byte decides)."""
    name = _NAMES[data[0] % 3] if data else None
    try:
        article = process(data[1:], name)
    except ScrubwarcError:
        return
    article.text.encode("utf-8")
    if clean_text(article.text).text != article.text:
        raise AssertionError(f"cleaning is not idempotent on {data!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
