"""The package's exceptions: one base class, messages that name the input and the reason."""

from __future__ import annotations

import os
import re

__all__ = [
    "ConfigError",
    "DecodeError",
    "HtmlError",
    "InputError",
    "OutputError",
    "OutputExistsError",
    "ScrubwarcError",
    "WarcError",
    "display_path",
]

# Characters that would break "one line per failure" or cannot be encoded as UTF-8: control
# characters (newline, escape), Unicode line breaks, and the surrogates with which Python
# carries the bytes of a file name that is not valid UTF-8.
_UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of the name, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return match.group().encode("unicode_escape").decode("ascii")


def display_path(name: str | os.PathLike[str]) -> str:
    """A file name for a status line: one line, valid UTF-8, the rest as written.

    >>> display_path("a b/-x.txt"), display_path("new\\nline.txt"), display_path("caf\\udce9.txt")
    ('a b/-x.txt', 'new\\\\nline.txt', 'caf\\\\xe9.txt')
    """
    text = os.fspath(name)
    if text.isprintable():  # the usual name: nothing to escape (and no pattern to compile)
        return text
    return re.sub(_UNPRINTABLE, _escape, text)


class ScrubwarcError(Exception):
    """Base class for every error scrubwarc raises on purpose."""


class InputError(ScrubwarcError):
    """An input cannot be processed: unreadable, binary, too large, or malformed.

    ``source`` names the file (or ``<stdin>``) so the CLI can print one line per failure.
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{display_path(source)}: {reason}" if source else reason)

    def with_source(self, source: str) -> InputError:
        """The same error, naming ``source``; keeps the subclass."""
        return type(self)(self.reason, source)


class DecodeError(InputError):
    """Bytes that are not text in any encoding we can detect (binary data, NUL bytes)."""


class HtmlError(InputError):
    """An HTML page that cannot be parsed."""


class WarcError(InputError):
    """A WARC file that cannot be read on from ``offset``: a truncated or damaged record.

    ``detail`` is the reason alone; the message names the file and the offset too.
    """

    def __init__(self, detail: str, source: str | None = None, offset: int = 0) -> None:
        self.offset = offset
        self.detail = detail
        super().__init__(f"offset {offset}: {detail}", source)

    def with_source(self, source: str) -> WarcError:
        """The same error, naming ``source``."""
        return WarcError(self.detail, source, self.offset)


class ConfigError(ScrubwarcError):
    """Invalid ``[tool.scrubwarc]`` settings or command-line options."""


class OutputError(ScrubwarcError):
    """An output that cannot be written: a write failed, or the output is not usable."""


class OutputExistsError(OutputError):
    """An output exists already and the caller did not ask to replace it."""
