"""Packaging WARCs as a WACZ that ReplayWeb.page opens with one page per article.

py-wacz finds pages only among HTML records, so we hand it a ``pages.jsonl`` (url, ts,
title, text per article) read back from the WARCs. It runs in a child process: its only
API is ``main(argv)``, which prints progress to stdout (the library never prints) and
returns its status; the child also keeps its imports (frictionless, boilerpy3) out of ours.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from scrubwarc.errors import ConfigError, OutputError, OutputExistsError
from scrubwarc.warc.reader import pages

__all__ = ["build_wacz", "wacz_path"]

# `python -m wacz` drops main()'s return value, so a failure would exit 0.
_RUN_WACZ = "import sys; from wacz.main import main; sys.exit(main())"


def wacz_path(warc: Path) -> Path:
    """``news.warc.gz`` → ``news.wacz``, beside it.

    >>> wacz_path(Path("out/news.warc.gz")).as_posix()
    'out/news.wacz'
    """
    name = warc.name
    for suffix in (".warc.gz", ".warc", ".gz"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return warc.with_name(name[: -len(suffix)] + ".wacz")
    return warc.with_name(name + ".wacz")


def _write_pages(warcs: Sequence[Path], target: Path, title: str) -> int:
    count = 0
    with target.open("w", encoding="utf-8", newline="\n") as out:
        header = {"format": "json-pages-1.0", "id": "pages", "title": title}
        out.write(json.dumps(header) + "\n")
        for warc in warcs:
            for page in pages(warc):
                entry = {
                    "id": page.id,
                    "url": page.url,
                    "ts": page.ts,
                    "title": page.title,
                    "text": page.text,
                }
                out.write(json.dumps(entry, ensure_ascii=False) + "\n")
                count += 1
    return count


def build_wacz(warcs: Sequence[Path], output: Path | None = None, *, force: bool = False) -> Path:
    """Build ``output`` (default: beside the first WARC) from ``warcs``; return its path.

    Written under a temporary name and renamed, like the WARC itself.
    """
    if not warcs:
        raise ConfigError("no WARC files to package")
    output = output or wacz_path(warcs[0])
    if importlib.util.find_spec("wacz") is None:
        raise OutputError(f"{output}: building a WACZ needs py-wacz (pip install wacz)")
    if output.exists() and not force:
        raise OutputExistsError(f"{output}: already exists")
    with tempfile.TemporaryDirectory(prefix=f".{output.name}.", dir=output.parent) as tmp:
        pages_file = Path(tmp) / "pages.jsonl"
        _write_pages(warcs, pages_file, output.stem)
        partial = Path(tmp) / output.name
        # --copy-pages stores our pages as written: py-wacz would otherwise drop every page
        # whose URL is not http(s), such as a urn:sha256: target.
        command = [sys.executable, "-c", _RUN_WACZ, "create", "-o", str(partial)]
        command += [str(w) for w in warcs]
        command += ["-p", str(pages_file), "--copy-pages"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not partial.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise OutputError(f"{output}: wacz create failed: {detail[0]}")
        partial.replace(output)
    return output
