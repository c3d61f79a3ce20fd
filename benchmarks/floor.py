"""The floor for archive throughput: bare warcio writing the records scrubwarc would write.

Per input file: a ``resource`` record of the original bytes, a ``resource`` record of the
same size standing in for the cleaned text, and a ``metadata`` record of a typical size,
each its own gzip member, digests computed by warcio. No decoding, no cleaning, no metadata.
Run ``python benchmarks/floor.py DIR OUT.warc.gz``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable
from pathlib import Path

from warcio.warcwriter import WARCWriter

# A scrubwarc metadata record of a 5 KB article is 600-900 bytes (title, creator, date, ...).
METADATA_BLOCK = b"".join(f"field-{i}: {'x' * 40}\r\n".encode() for i in range(14))


def write_floor(paths: Iterable[Path], output: Path) -> tuple[int, int]:
    """Write three records per file; return (files, input bytes)."""
    files = size = 0
    with output.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.1")
        for path in paths:
            data = path.read_bytes()
            uri = f"urn:bench:{path.name}"
            for rec_type, block, ctype in (
                ("resource", data, "text/plain; charset=utf-8"),
                ("resource", data, "text/plain; charset=utf-8"),
                ("metadata", METADATA_BLOCK, "application/warc-fields"),
            ):
                record = writer.create_warc_record(
                    uri, rec_type, payload=io.BytesIO(block), length=len(block),
                    warc_content_type=ctype,
                )  # fmt: skip
                writer.write_record(record)
            files += 1
            size += len(data)
    return files, size


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: floor.py DIR OUT.warc.gz", file=sys.stderr)
        return 2
    root, output = Path(args[0]), Path(args[1])
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    files, size = write_floor(paths, output)
    print(f"{files} files, {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
