"""The writer's two halves, records encoded ahead of the writer (the bytes warcio wrote),
and the on-disk index of originals that turns repeats into revisits (per file, leaving
nothing behind)."""

from __future__ import annotations

import contextlib
import gzip
import io
import pickle
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from warcio.warcwriter import WARCWriter

from scrubwarc import OutputError, list_articles, verify
from scrubwarc.warc.record import encode_article, encode_raw, gzip_member, record_head, record_tail
from scrubwarc.warc.writer import _Originals
from tests.helpers import article, pinned_writer, records, storm

HAS_PROC = Path("/proc/self/fd").is_dir()


def index_files() -> list[str]:
    """The files SQLite holds open for an index (named ``etilqs_…``, already unlinked)."""
    names = []
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):  # the descriptor listdir itself held
            names.append(str(fd.readlink()))
    return [n for n in names if "etilqs_" in n]


@pytest.fixture
def small_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A page cache of 16 KiB: a few hundred articles spill the index to disk."""
    monkeypatch.setattr(_Originals, "CACHE_KIB", 16)
    yield


def warcio_record(
    rec_type: str, headers: list[tuple[str, str]], block: bytes, content_type: str | None
) -> bytes:
    """A record as the writer made it with warcio before: the bytes to match, uncompressed."""
    writer = WARCWriter(None, gzip=True, warc_version="1.1")
    writer.NO_PAYLOAD_DIGEST_TYPES = ("warcinfo", "revisit", "metadata")
    record = writer.create_warc_record(
        dict(headers).get("WARC-Target-URI", ""),
        rec_type,
        payload=io.BytesIO(block),
        length=len(block),
        warc_content_type=content_type or "",
        warc_headers_dict=dict(headers),
    )
    record.content_type = content_type
    writer.out = out = io.BytesIO()
    writer.write_record(record)
    return out.getvalue()


@given(
    rec_type=st.sampled_from(["resource", "metadata", "warcinfo", "revisit"]),
    target=st.none() | st.from_regex(r"https://news\.example/[a-z0-9/%]{0,80}", fullmatch=True),
    block=st.binary(max_size=3000) | st.text(max_size=3000).map(str.encode),
)
def test_records_are_the_bytes_warcio_wrote_in_one_gzip_member(
    rec_type: str, target: str | None, block: bytes
) -> None:
    content_type = None if rec_type == "revisit" else "text/plain; charset=utf-8"
    block = b"" if rec_type == "revisit" else block
    target = None if rec_type == "warcinfo" else target or "urn:sha256:ab"
    head = [("WARC-Date", "2024-05-01T12:00:00Z"), ("WARC-Warcinfo-ID", "<urn:uuid:1>")]
    if rec_type == "revisit":
        head.append(("WARC-Payload-Digest", "sha1:X"))
    tail = record_tail(block, content_type, target, payload_digest=rec_type == "resource")
    ours = gzip_member(record_head(rec_type, "<urn:uuid:2>", head), tail)
    fields = [("WARC-Type", rec_type), ("WARC-Record-ID", "<urn:uuid:2>"), *head]
    fields += [("WARC-Target-URI", target)] if target else []
    fields += [("WARC-Block-Digest", tail.digest)]
    fields += [("WARC-Payload-Digest", tail.digest)] if rec_type == "resource" else []
    member = zlib.decompressobj(zlib.MAX_WBITS + 16)
    assert member.decompress(ours) == gzip.decompress(
        warcio_record(rec_type, fields, block, content_type)
    )
    assert member.eof and member.unused_data == b""  # one member, nothing after it


def test_write_is_encode_then_write_encoded(tmp_path: Path) -> None:
    with pinned_writer(tmp_path / "a" / "x.warc.gz") as writer:
        writer.write(storm(), "storm.txt")
        writer.write_raw(b"\x00raw", "raw.bin", "binary")
    encoded = [encode_article(storm(), "storm.txt"), encode_raw(b"\x00raw", "raw.bin", "binary")]
    with pinned_writer(tmp_path / "b" / "x.warc.gz") as writer:
        for item in pickle.loads(pickle.dumps(encoded)):  # as a worker sends them
            writer.write_encoded(item)
    assert (tmp_path / "a/x.warc.gz").read_bytes() == (tmp_path / "b/x.warc.gz").read_bytes()


@pytest.mark.usefixtures("small_cache")
def test_repeats_among_many_articles_become_revisits(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    keys = [n if n < 600 else (n * 7) % 600 for n in range(900)]  # the last 300 repeat
    with pinned_writer(out) as writer:
        written = [writer.write(article(f"Story {k}\n" + "word " * 20), f"{k}.txt") for k in keys]
    assert [w.duplicate for w in written] == [n >= 600 for n in range(900)]
    assert writer.duplicates == 300
    assert [a.duplicate for a in list_articles(out)] == [n >= 600 for n in range(900)]
    revisits = [r for r in records(out) if "WARC-Type: revisit" in r]
    refers = [r.split("WARC-Refers-To: ")[1].split("\r\n")[0] for r in revisits]
    assert refers == [written[k].record_id for k in keys[600:]]
    assert verify(out) == []


def test_the_index_starts_afresh_in_each_rolled_file(tmp_path: Path) -> None:
    out = tmp_path / "news.warc.gz"
    with pinned_writer(out, max_size=1500) as writer:
        written = [writer.write(storm(), f"{n}.txt") for n in range(4)]
    files = [w.file for w in written]
    assert len(set(files)) >= 2
    # The first article of each file is stored whole; a repeat in the same file is a revisit.
    assert [w.duplicate for w in written] == [n > 0 and files[n] == files[n - 1] for n in range(4)]
    for part in writer.files:
        assert verify(part) == [], part
        assert not next(iter(list_articles(part))).duplicate


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc to see open files")
@pytest.mark.usefixtures("small_cache")
@pytest.mark.parametrize("error", [None, RuntimeError, KeyboardInterrupt])
def test_the_index_leaves_nothing_behind(tmp_path: Path, error: type[BaseException] | None) -> None:
    before = index_files()
    out = tmp_path / "x.warc.gz"
    expect: contextlib.AbstractContextManager[object] = (
        pytest.raises(error) if error else contextlib.nullcontext()
    )
    with expect, pinned_writer(out) as writer:
        for n in range(600):
            writer.write(article(f"Story {n}\n"), f"{n}.txt")
        assert len(index_files()) == len(before) + 1  # spilled to disk, already unlinked
        assert all(name.endswith(" (deleted)") for name in index_files())
        if error:
            raise error("stop")
    assert index_files() == before
    assert [p.name for p in tmp_path.iterdir()] == ([] if error else [out.name])


def test_gzip_members_read_back_whole(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    with pinned_writer(out) as writer:
        writer.write(storm(), "storm.txt")
    assert gzip.decompress(out.read_bytes()).count(b"WARC/1.1\r\n") == 4


def test_a_failing_index_is_an_output_error_and_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    with pytest.raises(OutputError, match="index of originals"), pinned_writer(out) as writer:
        writer.write(storm(), "a.txt")
        assert writer._part is not None
        writer._part.originals._db.close()  # any SQLite error, such as a full disk
        writer.write(storm(), "b.txt")
    assert list(tmp_path.iterdir()) == []
