"""Site names learned from a run: a headline suffix that recurs across files is the site's.

A single article cannot tell ``Storm hits coast | The Herald`` (a site) from ``Content
Depth — Write Comprehensively About Your Core Topics`` (a subtitle). Across a run the
difference shows: a site's name ends the headlines of many files, a subtitle ends one.
``learn_site_suffixes`` counts, for every suffix after a headline separator in the opening
lines of each file, how many files carry it, and keeps those in at least two. The result
is a set, so it is the same whatever order the files come in and however many workers
process them afterwards (the set is computed first and passed in the options).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from scrubwarc.clean.sitename import name_key, suffixes
from scrubwarc.errors import ScrubwarcError

__all__ = ["HEAD_BYTES", "SuffixCounts", "learn_site_suffixes", "read_heads"]

HEAD_BYTES = 4096  # the opening lines of an article, where its headline copies are
_HEAD_LINES = 3  # the headline and the copies scrapers print under it
_MAX_SUFFIX = 80  # characters; a longer tail is a sentence, not a name
_MIN_FILES = 2


def _tails(head: str) -> set[str]:
    """The suffixes after each separator in the first non-blank lines of ``head``."""
    found: set[str] = set()
    lines = 0
    for line in head.split("\n"):
        line = line.strip()
        if not line:
            continue
        for _, end in suffixes(line):
            tail = line[end:].strip()
            if tail and len(tail) <= _MAX_SUFFIX:
                found.add(tail)
        lines += 1
        if lines == _HEAD_LINES:
            break
    return found


@dataclass(slots=True)
class SuffixCounts:
    """How many files carry each headline suffix (by its site-name key), and its smallest
    written form. Counts over parts of a run add up (:meth:`update`) to the run's."""

    files: Counter[str] = field(default_factory=Counter)
    forms: dict[str, str] = field(default_factory=dict)

    def add(self, head: str) -> None:
        """Count the suffixes of one file's opening."""
        keys = set()
        for tail in _tails(head):
            key = name_key(tail)
            if key:
                keys.add(key)
                self.forms[key] = min(self.forms.get(key, tail), tail)
        self.files.update(keys)

    def update(self, other: SuffixCounts) -> None:
        """Add the counts of other files."""
        self.files.update(other.files)
        for key, form in other.forms.items():
            self.forms[key] = min(self.forms.get(key, form), form)

    def sites(self, min_files: int = _MIN_FILES) -> frozenset[str]:
        """The suffixes found in at least ``min_files`` files, each in its smallest form."""
        return frozenset(self.forms[key] for key, n in self.files.items() if n >= min_files)


def learn_site_suffixes(heads: Iterable[str], min_files: int = _MIN_FILES) -> frozenset[str]:
    """Headline suffixes found in at least ``min_files`` of the given file openings.

    Suffixes are compared as site names are (case, spacing, punctuation and a leading
    "The" do not count); each is returned in its smallest written form, so the answer
    does not depend on the order of ``heads``.

    >>> sorted(learn_site_suffixes([
    ...     "Storm hits | Daily News | Your Local Source\\n\\nBody.",
    ...     "Rain returns | Daily News | Your Local Source\\n\\nBody.",
    ...     "Content Depth — Write Comprehensively About Your Core Topics\\n\\nBody.",
    ... ]))
    ['Daily News | Your Local Source', 'Your Local Source']
    """
    counts = SuffixCounts()
    for head in heads:
        counts.add(head)
    return counts.sites(min_files)


def read_heads(
    paths: Iterable[Path] | Iterable[str],
    encoding: str | None = None,
    opener: Callable[[str], IO[bytes]] | None = None,
) -> Iterator[str]:
    """The decoded opening of each readable text file (HTML pages and failures are skipped);
    ``encoding`` as stated by the user, else detected. ``opener`` opens a name for reading
    where it is not a local path (an fsspec URL)."""
    from scrubwarc.read.decode import decode
    from scrubwarc.read.document import is_html

    for path in paths:
        try:
            with opener(str(path)) if opener else Path(path).open("rb") as handle:
                data = handle.read(HEAD_BYTES)
        except OSError:
            continue
        if is_html(data, str(path)):
            continue
        if len(data) == HEAD_BYTES:
            data = data[: data.rfind(b"\n") + 1] or data  # no character cut in two
        try:
            yield decode(data, str(path), encoding).text
        except ScrubwarcError:
            continue
