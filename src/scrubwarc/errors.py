"""The package's exceptions: one base class, messages that name the input and the reason."""

from __future__ import annotations


class ScrubwarcError(Exception):
    """Base class for every error scrubwarc raises on purpose."""


class InputError(ScrubwarcError):
    """An input cannot be processed: unreadable, binary, too large, or malformed.

    ``source`` names the file (or ``<stdin>``) so the CLI can print one line per failure.
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)

    def with_source(self, source: str) -> InputError:
        """The same error, naming ``source``; keeps the subclass."""
        return type(self)(self.reason, source)


class DecodeError(InputError):
    """Bytes that are not text in any encoding we can detect (binary data, NUL bytes)."""


class HtmlError(InputError):
    """An HTML page that cannot be parsed."""


class ConfigError(ScrubwarcError):
    """Invalid ``[tool.scrubwarc]`` settings or command-line options."""


class OutputError(ScrubwarcError):
    """An output that cannot be written: it exists (without --force), or a write failed."""
