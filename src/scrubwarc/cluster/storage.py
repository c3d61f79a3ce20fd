"""Where a cluster run's inputs and parts live: local paths that every worker sees (shared
storage), or fsspec URLs (``s3://``, ``gs://``, ``file://``, …) when fsspec and the package
for the URL's scheme (s3fs, gcsfs, …) are installed.

A file is committed whole: in a local folder by a rename, on an object store by one upload
(an object appears only once complete), in a ``file://`` folder by an upload to a temporary
name and a rename.
"""

from __future__ import annotations

import contextlib
import io
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from scrubwarc.errors import ConfigError, InputError
from scrubwarc.files import selected
from scrubwarc.signals import deferred

__all__ = ["Folder", "fetch", "filesystem", "is_url", "list_urls", "write_lines"]

_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]+://")


def is_url(name: str) -> bool:
    """Whether ``name`` is a URL (for fsspec) rather than a local path.

    >>> is_url("s3://bucket/corpus"), is_url("memory://x"), is_url("corpus/a://b")
    (True, True, False)
    """
    return _URL.match(name) is not None


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and the path on it."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise ConfigError(f"{url}: URLs need fsspec: pip install 'scrubwarc[dask]'") from None
    try:
        fs, path = url_to_fs(url)
    except (ImportError, ValueError) as exc:  # no package for the scheme, a malformed URL
        raise ConfigError(f"{url}: {exc}") from None
    return fs, str(path).rstrip("/") or "/"


def _local_like(fs: Any) -> bool:
    protocols = (fs.protocol,) if isinstance(fs.protocol, str) else tuple(fs.protocol)
    return any(p in ("file", "local") for p in protocols)


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write text lines to ``path`` through a temporary name unique to this writer."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.partial")
    try:
        with temp.open("w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
            handle.writelines(lines)
        with deferred():
            temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


@dataclass(frozen=True, slots=True)
class Folder:
    """The output's folder: a local path or a URL."""

    location: str

    @property
    def url(self) -> bool:
        return is_url(self.location)

    def join(self, name: str) -> str:
        """The path or URL of ``name`` in this folder."""
        if self.url:
            return f"{self.location.rstrip('/')}/{name}"
        return str(Path(self.location) / name)

    def names(self) -> list[str]:
        """The names in this folder, sorted (none if it does not exist)."""
        if not self.url:
            folder = Path(self.location)
            return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        fs, root = filesystem(self.location)
        if not fs.isdir(root):
            return []
        return sorted(PurePosixPath(p).name for p in fs.ls(root, detail=False))

    def make(self) -> None:
        if self.url:
            fs, root = filesystem(self.location)
            fs.makedirs(root, exist_ok=True)
        else:
            Path(self.location).mkdir(parents=True, exist_ok=True)

    def put(self, local: Path, name: str) -> None:
        """Commit the complete file ``local`` as ``name`` here, whole."""
        if not self.url:
            local.replace(Path(self.location) / name)
            return
        fs, root = filesystem(self.location)
        target = f"{root}/{name}"
        if _local_like(fs):
            temp = f"{root}/.{name}.{uuid.uuid4().hex[:12]}.partial"
            fs.put_file(str(local), temp)
            fs.mv(temp, target)
        else:
            fs.put_file(str(local), target)

    @contextlib.contextmanager
    def open_text(self, name: str) -> Iterator[IO[str]]:
        """``name`` here, open for reading UTF-8 lines."""
        if self.url:
            fs, root = filesystem(self.location)
            raw = fs.open(f"{root}/{name}", "rb")
        else:
            raw = (Path(self.location) / name).open("rb")
        with io.TextIOWrapper(raw, encoding="utf-8", errors="surrogatepass", newline="") as text:
            yield text

    def remove(self, name: str) -> None:
        with contextlib.suppress(OSError):
            if self.url:
                fs, root = filesystem(self.location)
                fs.rm_file(f"{root}/{name}")
            else:
                (Path(self.location) / name).unlink()


def list_urls(
    urls: Sequence[str], include: Sequence[str], exclude: Sequence[str], errors: list[InputError]
) -> Iterator[tuple[str, str, int]]:
    """(URL, relative path, size) of each file to take under ``urls``, in sorted order.

    Relative paths follow ``files.walk``: relative to a lone folder; among several, each
    folder's name is kept on top.
    """
    for url in urls:
        fs, root = filesystem(url)
        if fs.isdir(root):
            top = PurePosixPath(root).name if len(urls) > 1 else ""
            found = fs.find(root, detail=True)
            for path in sorted(found):
                rel = PurePosixPath(path[len(root) :].lstrip("/"))
                if selected(rel, include, exclude):
                    size = int(found[path].get("size") or 0)
                    yield fs.unstrip_protocol(path), (PurePosixPath(top) / rel).as_posix(), size
        elif fs.isfile(root):
            name = PurePosixPath(root).name
            if selected(PurePosixPath(name), ("*",), exclude):
                yield url, name, int(fs.size(root) or 0)
        else:
            errors.append(InputError("no such file or directory", url))


def fetch(url: str, local: Path) -> None:
    """Copy the file at ``url`` to ``local`` (on a worker, before processing it)."""
    fs, path = filesystem(url)
    local.parent.mkdir(parents=True, exist_ok=True)
    fs.get_file(path, str(local))
