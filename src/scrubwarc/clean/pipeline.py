"""The cleaning pipeline: named rules applied in order, recording what each removed."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from scrubwarc._tuples import NamedTuple
from scrubwarc.clean.model import CleanOptions, CleanResult, Removal, RuleOutput
from scrubwarc.clean.rules.boilerplate import drop_cross_links
from scrubwarc.clean.rules.headline import drop_duplicate_headline
from scrubwarc.clean.rules.repair_encoding import repair_encoding
from scrubwarc.clean.rules.tracking import strip_tracking
from scrubwarc.clean.rules.unescape import unescape_html
from scrubwarc.clean.rules.whitespace import tidy_whitespace
from scrubwarc.errors import ConfigError
from scrubwarc.read.decode import decode
from scrubwarc.read.document import Document

__all__ = [
    "RULES",
    "Rule",
    "check_options",
    "clean_bytes",
    "clean_document",
    "clean_text",
    "rule_names",
]


class Rule(NamedTuple):
    """A named cleaning step; ``apply`` is pure and returns its input when it changes nothing."""

    name: str
    summary: str
    apply: Callable[[str, CleanOptions | None], RuleOutput]


# Order matters: characters are repaired before anything looks at words; residue and
# cross-links go before the headline check, so copies they separated become adjacent.
RULES: tuple[Rule, ...] = (
    Rule("repair-encoding", "mojibake such as 'itâ€™s' back to 'it’s'", repair_encoding),
    Rule("unescape", "stray HTML entities and tags", unescape_html),
    Rule("whitespace", "line endings, invisible characters, spaces, blank lines", tidy_whitespace),
    Rule("tracking", "query tails, glued tracking URLs, tracking parameters", strip_tracking),
    Rule("boilerplate", "cross-link lines: 'RELATED – …', 'Read more: …'", drop_cross_links),
    Rule("headline", "the headline repeated at the top, kept once", drop_duplicate_headline),
)  # fmt: skip
_BY_NAME = {rule.name: rule for rule in RULES}
# Removing one thing can expose another (an invisible character inside "&am\u200bp;", or a
# tracking tail whose removal joins "<s" and " >" into a stray tag), so the rules run again
# until nothing changes: clean(clean(x)) == clean(x). Real text settles in two passes; the
# bound keeps crafted chains of residue, each hiding the next, linear in their size.
_MAX_PASSES = 16


def rule_names() -> tuple[str, ...]:
    """The rule names, in pipeline order (what ``--disable`` accepts)."""
    return tuple(_BY_NAME)


def check_options(options: CleanOptions) -> None:
    """Raise ConfigError naming any disabled rule that does not exist."""
    unknown = sorted(set(options.disable) - set(_BY_NAME))
    if unknown:
        raise ConfigError(
            f"unknown rule {', '.join(map(repr, unknown))}; rules are: {', '.join(_BY_NAME)}"
        )


@lru_cache(maxsize=64)
def _active_rules(options: CleanOptions) -> tuple[Rule, ...]:
    """The rules options leave on, checked once per distinct options, not once per article."""
    check_options(options)
    return tuple(rule for rule in RULES if rule.name not in options.disable)


def clean_text(text: str, options: CleanOptions | None = None) -> CleanResult:
    """Clean one article's text.

    >>> r = clean_text("Storm hits\\n\\nStorm hits\\n\\nIt rained.|+News&utm_content=Reader")
    >>> r.text, r.fired
    ('Storm hits\\n\\nIt rained.\\n', ('whitespace', 'tracking', 'headline'))
    """
    options = options or CleanOptions()
    active = _active_rules(options)
    fired: list[str] = []
    removals: list[Removal] = []
    # The text each rule last returned unchanged: rules are pure, so on that same text again
    # (the rules after the last one to change anything, in the next pass) it would do nothing.
    settled: list[str | None] = [None] * len(active)
    current = text
    for _ in range(_MAX_PASSES):
        before = current
        for k, rule in enumerate(active):
            if current is settled[k]:
                continue
            new, removed = rule.apply(current, options)
            if new == current:
                settled[k] = current
            else:
                if rule.name not in fired:
                    fired.append(rule.name)
                removals.extend(removed)
                current = new
        if current == before:
            break
    return CleanResult(
        text=current,
        fired=tuple(fired),
        removals=tuple(removals),
        changed=current != text,
    )


def clean_bytes(
    data: bytes, options: CleanOptions | None = None, source: str | None = None
) -> CleanResult:
    """Decode scraped bytes (reporting the encoding found), then clean the text.

    >>> clean_bytes("caf\\u00e9 au lait".encode("cp1252")).encoding
    'iso-8859-1'
    """
    decoded = decode(data, source, options.encoding if options else None)
    result = clean_text(decoded.text, options)
    return CleanResult(
        text=result.text,
        fired=result.fired,
        removals=result.removals,
        encoding=decoded.encoding,
        changed=result.text.encode("utf-8") != data,
        encoding_confidence=decoded.confidence,
    )


def clean_document(doc: Document, data: bytes, options: CleanOptions | None = None) -> CleanResult:
    """Clean a document that ``read`` made of ``data``: a text article or a page's article.

    A page always counts as changed: its cleaned text is never the page's bytes.
    """
    result = clean_text(doc.text, options)
    changed = doc.kind == "html" or result.text.encode("utf-8") != data
    return result._replace(
        encoding=doc.encoding, changed=changed, encoding_confidence=doc.confidence
    )
