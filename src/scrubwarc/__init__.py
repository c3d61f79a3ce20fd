"""scrubwarc: clean scraped news articles, extract their metadata, archive them as WARC.

The public API is what ``__all__`` lists; every other module is an implementation detail.
"""

from scrubwarc._version import __version__
from scrubwarc.clean.model import CleanOptions, CleanResult, Removal
from scrubwarc.clean.pipeline import RULES, Rule, clean_bytes, clean_text, rule_names
from scrubwarc.clean.rules.tracking import DEFAULT_TRACKING_PARAMS, clean_url, is_tracking_param
from scrubwarc.errors import (
    ConfigError,
    DecodeError,
    HtmlError,
    InputError,
    OutputError,
    ScrubwarcError,
)
from scrubwarc.read.decode import Decoded, decode

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
