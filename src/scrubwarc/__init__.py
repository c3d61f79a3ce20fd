"""scrubwarc: clean scraped news articles, extract their metadata, archive them as WARC.

The public API is what ``__all__`` lists; every other module is an implementation detail.
Names whose modules need lxml or warcio (``process_article``, ``archive``, ``WarcWriter``,
``verify``, ``unpack``, …) are imported on first use, so ``import scrubwarc`` and the
``clean`` path stay light.
"""

from __future__ import annotations

import importlib

from scrubwarc._tuples import TYPE_CHECKING
from scrubwarc._version import __version__
from scrubwarc.clean.model import CleanOptions, CleanResult, Removal
from scrubwarc.clean.params import (
    DEFAULT_TRACKING_PARAMS,
    HOST_TRACKING_PARAMS,
    clean_url,
    is_tracking_param,
)
from scrubwarc.clean.pipeline import RULES, Rule, clean_bytes, clean_text, rule_names
from scrubwarc.errors import (
    ConfigError,
    DecodeError,
    HtmlError,
    InputError,
    OutputError,
    OutputExistsError,
    ScrubwarcError,
)
from scrubwarc.read.decode import Decoded, decode
from scrubwarc.read.document import Document, read

if TYPE_CHECKING:
    from scrubwarc.article import Article
    from scrubwarc.article import process as process_article
    from scrubwarc.batch import ArchiveSummary, archive
    from scrubwarc.crawljobs import CrawlArticle, crawl_articles
    from scrubwarc.meta.model import Metadata
    from scrubwarc.warc.reader import list_articles, unpack
    from scrubwarc.warc.verify import verify
    from scrubwarc.warc.writer import WarcWriter

# Public name -> (module, attribute), imported when first asked for.
_LAZY = {
    "Article": ("scrubwarc.article", "Article"),
    "process_article": ("scrubwarc.article", "process"),
    "Metadata": ("scrubwarc.meta.model", "Metadata"),
    "archive": ("scrubwarc.batch", "archive"),
    "ArchiveSummary": ("scrubwarc.batch", "ArchiveSummary"),
    "crawl_articles": ("scrubwarc.crawljobs", "crawl_articles"),
    "CrawlArticle": ("scrubwarc.crawljobs", "CrawlArticle"),
    "WarcWriter": ("scrubwarc.warc.writer", "WarcWriter"),
    "verify": ("scrubwarc.warc.verify", "verify"),
    "unpack": ("scrubwarc.warc.reader", "unpack"),
    "list_articles": ("scrubwarc.warc.reader", "list_articles"),
}

__all__ = [
    "DEFAULT_TRACKING_PARAMS",
    "HOST_TRACKING_PARAMS",
    "RULES",
    "ArchiveSummary",
    "Article",
    "CleanOptions",
    "CleanResult",
    "ConfigError",
    "CrawlArticle",
    "DecodeError",
    "Decoded",
    "Document",
    "HtmlError",
    "InputError",
    "Metadata",
    "OutputError",
    "OutputExistsError",
    "Removal",
    "Rule",
    "ScrubwarcError",
    "WarcWriter",
    "__version__",
    "archive",
    "clean_bytes",
    "clean_text",
    "clean_url",
    "crawl_articles",
    "decode",
    "is_tracking_param",
    "list_articles",
    "process_article",
    "read",
    "rule_names",
    "unpack",
    "verify",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value  # once imported, a plain attribute
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
