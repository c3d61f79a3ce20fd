"""Packaging a WACZ: the output name, and the errors raised before any work."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrubwarc import ConfigError, OutputError
from scrubwarc.warc.wacz import build_wacz, wacz_path
from tests.helpers import pinned_writer, storm


@pytest.mark.parametrize(
    ("warc", "expected"),
    [("news.warc.gz", "news.wacz"), ("news.warc", "news.wacz"), ("news", "news.wacz")],
)
def test_wacz_path(warc: str, expected: str) -> None:
    assert wacz_path(Path("out") / warc) == Path("out") / expected


def test_nothing_to_package_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no WARC files"):
        build_wacz([], tmp_path / "news.wacz")


def test_existing_output_is_an_output_error(tmp_path: Path) -> None:
    with pinned_writer(tmp_path / "news.warc.gz") as writer:
        writer.write(storm(), "storm.txt")
    out = tmp_path / "news.wacz"
    out.write_bytes(b"keep")
    with pytest.raises(OutputError, match="already exists"):
        build_wacz(writer.files, out)
    assert out.read_bytes() == b"keep"
