"""Finding input files and writing output atomically.

A write goes to a temporary file beside its target and is renamed over it when complete,
so an interrupted run never leaves a half-written file under a real name.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from scrubwarc._tuples import NamedTuple
from scrubwarc.errors import InputError, OutputError, display_path
from scrubwarc.signals import deferred

__all__ = [
    "ARTICLE_INCLUDE",
    "DEFAULT_MAX_BYTES",
    "TEXT_INCLUDE",
    "Source",
    "atomic_write",
    "output_path",
    "read_bytes",
    "read_source",
    "selected",
    "walk",
]

# What a directory yields by default: text articles for cleaning, pages too for the rest.
TEXT_INCLUDE = ("*.txt", "*.text")
ARTICLE_INCLUDE = (*TEXT_INCLUDE, "*.html", "*.htm")
_VCS_DIRS = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", ".jj"})
# Far above any article; a bigger file is almost certainly not one, and reading it whole
# would cost several times its size in memory.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class Source(NamedTuple):
    """An input file and its path relative to the argument it was found under."""

    path: Path
    relative: PurePosixPath


def _matches(rel: PurePosixPath, globs: Sequence[str]) -> bool:
    """A glob with a slash matches the relative path; one without, any single name."""
    if not globs:
        return False
    text = rel.as_posix()
    return any(
        fnmatchcase(text, g) if "/" in g else any(fnmatchcase(part, g) for part in rel.parts)
        for g in globs
    )


def walk(
    paths: Sequence[Path],
    include: Sequence[str] = TEXT_INCLUDE,
    exclude: Sequence[str] = (),
    skip: Sequence[Path] = (),
    errors: list[InputError] | None = None,
) -> Iterator[Source]:
    """Yield the files to process, in sorted order, recording unreadable paths in ``errors``.

    Files named directly are always yielded unless excluded. Directories are walked
    recursively without following symbolic links and without entering version-control
    folders or any folder in ``skip`` (such as the output directory). Paths are relative
    to a lone directory argument; among several, each directory's name is kept on top.
    """
    errors = errors if errors is not None else []
    skipped = {p.resolve() for p in skip}
    tops: set[str] = set()
    for path in paths:
        if path.is_dir():
            if len(paths) == 1:
                yield from _walk_dir(path, include, exclude, skipped, errors)
                continue
            # Among several arguments a directory keeps its name as the top folder, as cp
            # and rsync do: a/x.txt and b/x.txt stay apart in an output tree or an archive.
            top = path.name if path.name not in ("", ".", "..") else path.resolve().name
            if top in tops:
                errors.append(InputError(f"another directory argument is named {top!r}", str(path)))
                continue
            tops.add(top)
            for source in _walk_dir(path, include, exclude, skipped, errors):
                yield Source(source.path, PurePosixPath(top) / source.relative)
        elif path.exists():
            rel = PurePosixPath(path.name)
            if not _matches(rel, exclude):
                yield Source(path, rel)
        else:
            errors.append(InputError("no such file or directory", str(path)))


def _walk_dir(
    root: Path,
    include: Sequence[str],
    exclude: Sequence[str],
    skipped: set[Path],
    errors: list[InputError],
) -> Iterator[Source]:
    """The files under ``root`` in the order ``os.walk`` gives them (each folder's files,
    sorted, before its subfolders), each entry's kind read from its directory entry: no
    stat per file (``archive`` walks its inputs twice, in the process that writes)."""

    def folder(top: str, rel_top: str) -> Iterator[Source]:
        try:
            with os.scandir(top) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError as exc:  # as os.walk: a folder that cannot be listed gives nothing
            errors.append(InputError(f"cannot read directory: {exc.strerror}", str(exc.filename)))
            return
        dirs = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()  # a link to a folder is one, as in os.walk
            except OSError:
                is_dir = False
            rel = PurePosixPath(rel_top + entry.name)
            if is_dir:
                if (
                    entry.name not in _VCS_DIRS
                    and not entry.is_symlink()
                    and not _matches(rel, exclude)
                    and Path(entry.path).resolve() not in skipped
                ):
                    dirs.append(entry)
            elif not entry.is_symlink() and selected(rel, include, exclude):
                yield Source(Path(entry.path), rel)
        for entry in dirs:
            yield from folder(entry.path, f"{rel_top}{entry.name}/")

    return folder(os.fspath(root), "")


def selected(rel: PurePosixPath, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether a file found at ``rel`` in a folder is taken: its name included, no part of
    its path excluded, and not in a version-control folder.

    >>> rel = PurePosixPath("a/b.txt")
    >>> selected(rel, ["*.txt"], []), selected(rel, ["*.txt"], ["a"]), selected(rel, ["*.htm"], [])
    (True, False, False)
    """
    name = rel.name  # a lone name: a glob with a slash is matched against it as a path is
    return (
        any(fnmatchcase(name, glob) for glob in include)
        and not _matches(rel, exclude)
        and not any(part in _VCS_DIRS for part in rel.parts)
    )


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole input file, refusing one larger than ``max_bytes`` with a clear reason."""
    return read_source(path, max_bytes)[0]


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """The bytes of an input file and its status as read, to rewrite it only if unchanged."""
    try:
        # O_NONBLOCK: opening a FIFO named like an article would otherwise wait for a writer
        # forever; it is refused below as not a regular file. Regular files ignore the flag.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError("not a regular file", str(path))
            if info.st_size > max_bytes:
                raise InputError(
                    f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit",
                    str(path),
                )
            # Sized by the status: a read sized by the limit allocates the limit every time.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grows while we read it: read on to the limit
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    if len(data) > max_bytes:  # it grew while we read it
        raise InputError(f"file is over the {max_bytes:,}-byte limit", str(path))
    return data, info


def _same_file(before: os.stat_result, now: os.stat_result) -> bool:
    return (before.st_ino, before.st_dev, before.st_size, before.st_mtime_ns) == (
        now.st_ino,
        now.st_dev,
        now.st_size,
        now.st_mtime_ns,
    )


_UMASK: int | None = None


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0)
        os.umask(_UMASK)
    return _UMASK


def output_path(root: Path, relative: PurePosixPath) -> Path:
    """``root``/``relative`` with its folders made, never through a symbolic link.

    A link already inside the output folder (to a folder elsewhere) would carry the write
    out of it: ``OutputError`` refuses it instead. ``root`` itself may be a link, as the
    user named it. A link in the file's own place is replaced by the write, not followed.
    """
    root.mkdir(parents=True, exist_ok=True)
    path = root
    for part in relative.parts[:-1]:
        path = path / part
        try:
            path.mkdir()
        except FileExistsError:
            if path.is_symlink():
                raise OutputError(
                    f"{display_path(path)}: a symbolic link inside the output folder; "
                    "not followed (not written)"
                ) from None
    return path / relative.name


def atomic_write(
    path: Path, data: bytes, like: os.stat_result | None = None, *, unchanged: bool = False
) -> None:
    """Replace ``path`` with ``data`` in one rename.

    The new file gets the mode (and, where permitted, the owner) of ``like`` — the file
    being rewritten — or else the mode the user's umask gives a new file. With
    ``unchanged``, a file that no longer matches ``like`` (another program wrote or replaced
    it since it was read) is left alone and ``OutputError`` says so: its new content wins.
    """
    with deferred():  # an interrupt between create and rename would leave the temp file
        _write_and_rename(path, data, like, unchanged)


def _write_and_rename(
    path: Path, data: bytes, like: os.stat_result | None, unchanged: bool
) -> None:
    import tempfile  # lazy: --check and stdout runs write nothing

    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if like is not None:
            tmp.chmod(stat.S_IMODE(like.st_mode))
            with contextlib.suppress(PermissionError):
                os.chown(tmp, like.st_uid, like.st_gid)
        else:
            tmp.chmod(0o666 & ~_umask())
        if unchanged and like is not None and not _same_file(like, path.stat()):
            raise OutputError(
                f"{display_path(path)}: changed while it was being cleaned; not rewritten"
            )
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
