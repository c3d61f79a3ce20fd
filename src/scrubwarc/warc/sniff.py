"""Is this input a crawl (WARC or ARC)? Decided by the first bytes, whatever the file's name.

The name counts twice: for an empty crawl (nothing to sniff), and for a WARC whose first
record is damaged: a file named ``.warc``/``.warc.gz`` in which a WARC record starts later
(``resync``) is a crawl whose reader reports the damage and reads on.

No warcio here: the commands sniff every input they are given, and the ``clean`` path must
not load warcio for the text files it mostly sees.
"""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path

__all__ = [
    "CRAWL_INCLUDE",
    "crawl_format",
    "damaged_warc",
    "is_empty",
    "resume_offset",
    "sniff_crawl",
]

# What a directory walk also takes when crawls are welcome (``meta``, ``archive``).
CRAWL_INCLUDE = ("*.warc", "*.warc.gz", "*.arc", "*.arc.gz")
_HEAD = 4096


def crawl_format(head: bytes, name: str = "") -> str | None:
    """``"warc"`` or ``"arc"`` when ``head`` (a file's first bytes) opens one, else None.

    A gzip file is looked into: crawls are gzip member per record, the first a record header.
    A file with nothing in it (no bytes, or empty gzip members) has no first bytes to say:
    then its ``name`` does, for an empty crawl (a crawler that fetched nothing writes one).

    >>> crawl_format(b"WARC/1.1\\r\\nWARC-Type: warcinfo\\r\\n")
    'warc'
    >>> import gzip; crawl_format(gzip.compress(b"WARC/1.0\\r\\nWARC-Type: response\\r\\n"))
    'warc'
    >>> crawl_format(b"filedesc://crawl.arc 0.0.0.0 20240501 text/plain 76\\n")
    'arc'
    >>> crawl_format(b"WARC/ is a format.\\n"), crawl_format(gzip.compress(b"<html>"))
    (None, None)
    >>> crawl_format(b"", "crawl.warc.gz"), crawl_format(gzip.compress(b""), "old.ARC.GZ")
    ('warc', 'arc')
    >>> crawl_format(b"", "notes.txt"), crawl_format(gzip.compress(b"x"), "crawl.warc.gz")
    (None, None)
    """
    if is_empty(head):
        suffix = next((s for s in CRAWL_INCLUDE if name.lower().endswith(s[1:])), None)
        return suffix.split(".")[1] if suffix else None
    if head.startswith(b"\x1f\x8b"):
        import zlib  # lazy: the hook sniffs every file it cleans, and text is never gzip

        try:
            head = zlib.decompressobj(zlib.MAX_WBITS + 16).decompress(head, 64)
        except zlib.error:
            return None
    if head.startswith((b"WARC/1.", b"WARC/0.1")):
        return "warc"
    if head.startswith(b"filedesc://"):
        return "arc"
    return None


def is_empty(head: bytes) -> bool:
    """Whether ``head`` is a whole file with nothing in it: no bytes, or empty gzip members."""
    if not head.startswith(b"\x1f\x8b") or len(head) >= _HEAD:
        return not head
    import gzip  # lazy, as zlib above
    import zlib

    try:
        return gzip.decompress(head) == b""
    except (OSError, EOFError, zlib.error):
        return False


def sniff_crawl(path: Path) -> str | None:
    """:func:`crawl_format` of the file at ``path``; None for anything unreadable.

    ``archive`` sniffs every input in the process that writes, so this is a few system
    calls and no file object.
    """
    try:
        # O_NONBLOCK: a FIFO opens at once rather than wait for a writer (and is refused
        # below as not a regular file); regular files ignore the flag.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None  # the normal read reports why
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        head = os.read(fd, _HEAD)
    except OSError:
        return None
    finally:
        os.close(fd)
    return crawl_format(head, path.name) or damaged_warc(path, head)


def damaged_warc(path: Path, head: bytes) -> str | None:
    """``"warc"`` for a file named as a WARC (``head`` its first bytes) whose first record is
    damaged: a record starts after it."""
    return None if resume_offset(path, head) is None else "warc"


def resume_offset(path: Path, head: bytes) -> int | None:
    """Where a file named as a WARC whose first record is damaged (``head`` its first bytes)
    can be read: the offset of the first record after the damage; None if there is none.

    The search may read the whole file; the commands sniff a file, then read it, so what it
    found is kept for as long as the file is unchanged (its size and time of change).
    """
    name = path.name.lower()
    if not name.endswith((".warc", ".warc.gz")) or not head:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    identity = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    return _resume(str(path), identity, gzipped=name.endswith(".gz"))


@functools.lru_cache(maxsize=16)
def _resume(path: str, identity: tuple[int, ...], *, gzipped: bool) -> int | None:
    del identity  # the key: the same path, changed, is searched again
    from scrubwarc.warc.resync import next_record  # lazy: only for files named as crawls

    try:
        with Path(path).open("rb") as handle:
            return next_record(handle, 1, gzipped=gzipped)
    except OSError:
        return None
