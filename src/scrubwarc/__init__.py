"""scrubwarc: clean scraped news articles, extract their metadata, archive them as WARC.

The public API is what ``__all__`` lists; every other module is an implementation detail.
"""

from ._version import __version__
from .decode import Decoded, decode
from .errors import (
    ConfigError,
    DecodeError,
    HtmlError,
    InputError,
    OutputError,
    ScrubwarcError,
)
from .model import CleanOptions, CleanResult, Removal
from .pipeline import RULES, Rule, clean_bytes, clean_text, rule_names
from .tracking import DEFAULT_TRACKING_PARAMS, clean_url, is_tracking_param

__all__ = [
    "DEFAULT_TRACKING_PARAMS",
    "RULES",
    "CleanOptions",
    "CleanResult",
    "ConfigError",
    "DecodeError",
    "Decoded",
    "HtmlError",
    "InputError",
    "OutputError",
    "Removal",
    "Rule",
    "ScrubwarcError",
    "__version__",
    "clean_bytes",
    "clean_text",
    "clean_url",
    "decode",
    "is_tracking_param",
    "rule_names",
]
