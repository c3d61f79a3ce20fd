"""``archive``, ``verify``, ``unpack`` and ``ls`` as a user runs them: real processes, files."""

from __future__ import annotations

import filecmp
import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from scrubwarc.cli.options import parse_size
from tests.helpers import FIXTURES

SCRUBWARC = shutil.which("scrubwarc") or pytest.fail("scrubwarc is not installed")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SCRUBWARC, *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "meta", root, ignore=shutil.ignore_patterns("*.json"))
    return root


def _articles(corpus: Path) -> int:
    """How many articles the corpus holds: one per text or HTML file (a new fixture adds one)."""
    return sum(1 for p in corpus.iterdir() if p.suffix in {".txt", ".html"})


def _same_tree(a: Path, b: Path) -> bool:
    left = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    right = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return left == right and all(filecmp.cmp(a / p, b / p, shallow=False) for p in left)


def test_archive_verify_ls_unpack_round_trip(corpus: Path, tmp_path: Path) -> None:
    warc = tmp_path / "news.warc.gz"
    r = run("archive", corpus, "-o", warc)
    assert r.returncode == 0, r.stderr
    count = _articles(corpus)
    assert count >= 12
    assert f"{count} articles, {1 + 3 * count} records" in r.stderr  # warcinfo + 3 each
    assert run("verify", warc).stdout == f"ok {warc}\n"
    listing = run("ls", warc).stdout.splitlines()
    assert len(listing) == count
    assert (
        "2012-07-30\tAs Syrian government gains ground in Aleppo, it loses its people\t"
        in "\n".join(listing)
    )
    out = tmp_path / "restored"
    r = run("unpack", warc, "-o", out)
    assert r.returncode == 0, r.stderr
    assert _same_tree(corpus, out)


def test_several_directories_keep_their_names(tmp_path: Path) -> None:
    # a/x.txt and b/x.txt must not meet at x.txt: unpack would lose one of them.
    for name in ("a", "b", "c/a"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "x.txt").write_text(f"Headline {name}\n\nBody of {name}.\n")
    warc = tmp_path / "news.warc.gz"
    r = run("archive", "a", "b/", "c/a", "-o", warc, cwd=tmp_path)
    assert r.returncode == 2
    assert "error: c/a: another directory argument is named 'a'" in r.stderr
    assert "2 articles" in r.stderr
    assert run("unpack", warc, "-o", tmp_path / "out").returncode == 0
    restored = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*.*"))
    assert restored == [Path("a/x.txt"), Path("b/x.txt")]
    assert (tmp_path / "out/b/x.txt").read_text() == "Headline b\n\nBody of b.\n"
    # One directory stays the root of the paths, as before.
    r = run("archive", "a", "-o", tmp_path / "one.warc.gz", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert run("unpack", tmp_path / "one.warc.gz", "-o", tmp_path / "one").returncode == 0
    assert (tmp_path / "one/x.txt").is_file()


def test_archive_refuses_to_overwrite_then_force_and_append(corpus: Path, tmp_path: Path) -> None:
    warc = tmp_path / "news.warc.gz"
    assert run("archive", corpus, "-o", warc).returncode == 0
    before = warc.read_bytes()
    r = run("archive", corpus, "-o", warc)
    assert r.returncode == 2 and "already exists" in r.stderr
    assert warc.read_bytes() == before
    assert run("archive", corpus, "-o", warc, "--force").returncode == 0
    assert run("archive", corpus / "seed.txt", "-o", warc, "--append").returncode == 0
    assert run("verify", warc).returncode == 0
    assert len(run("ls", warc).stdout.splitlines()) == _articles(corpus) + 1


def test_rolling_output_by_size(corpus: Path, tmp_path: Path) -> None:
    r = run("archive", corpus, "-o", tmp_path / "news.warc.gz", "--max-size", "4KB")
    assert r.returncode == 0, r.stderr
    parts = sorted(tmp_path.glob("news-*.warc.gz"))
    assert len(parts) > 1 and parts[0].name == "news-00000.warc.gz"
    assert run("verify", *parts).returncode == 0
    assert sum(len(run("ls", p).stdout.splitlines()) for p in parts) == _articles(corpus)


def test_jobs_give_the_same_articles(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.warc.gz", tmp_path / "two.warc.gz"
    assert run("archive", corpus, "-o", one).returncode == 0
    assert run("archive", corpus, "-o", two, "--jobs", "2").returncode == 0
    assert run("ls", one).stdout == run("ls", two).stdout


def test_bad_input_is_archived_raw_and_reported(corpus: Path, tmp_path: Path) -> None:
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    warc = tmp_path / "news.warc.gz"
    r = run("archive", corpus, "-o", warc)
    assert r.returncode == 2
    flagged = f"error: {corpus / 'photo.txt'}: binary file (PNG image) (archived raw, flagged)"
    assert flagged in r.stderr
    assert "Traceback" not in r.stderr
    out = tmp_path / "restored"
    assert run("unpack", warc, "-o", out).returncode == 0
    assert (out / "photo.txt").read_bytes() == (corpus / "photo.txt").read_bytes()


def test_verify_names_a_corrupted_record(corpus: Path, tmp_path: Path) -> None:
    warc = tmp_path / "news.warc.gz"
    assert run("archive", corpus, "-o", warc).returncode == 0
    raw = bytearray(gzip.decompress(warc.read_bytes()))
    spot = raw.index(b"Reports out of Aleppo")
    raw[spot] ^= 0x20
    broken = tmp_path / "broken.warc"
    broken.write_bytes(bytes(raw))
    r = run("verify", broken)
    assert r.returncode == 1
    assert f"error: {broken}: offset " in r.stderr and "digest" in r.stderr


def test_output_inside_the_input_tree_is_not_read_back(corpus: Path) -> None:
    assert run("archive", corpus, "-o", corpus / "news.warc.gz").returncode == 0
    r = run("archive", corpus, "-o", corpus / "news.warc.gz", "--force")
    assert f"{_articles(corpus)} articles" in r.stderr


@pytest.mark.parametrize("command", ["archive", "verify", "unpack", "ls", "meta"])
def test_help_has_an_example(command: str) -> None:
    r = run(command, "--help")
    assert r.returncode == 0 and "Example" in r.stdout


def test_parse_size_rejects_nonsense() -> None:
    import typer

    with pytest.raises(typer.BadParameter):
        parse_size("lots")


@pytest.mark.slow
def test_wacz_from_the_command_validates_with_titles(corpus: Path, tmp_path: Path) -> None:
    import json
    import sys
    import zipfile

    warc = tmp_path / "news.warc.gz"
    r = run("archive", corpus, "-o", warc, "--wacz")
    assert r.returncode == 0, r.stderr
    wacz = tmp_path / "news.wacz"
    validator = Path(sys.executable).parent / "wacz"
    check = subprocess.run(
        [str(validator), "validate", "-f", str(wacz)], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    with zipfile.ZipFile(wacz) as zf:
        lines = zf.read("pages/pages.jsonl").decode().splitlines()[1:]
    titles = {json.loads(line)["title"] for line in lines}
    assert "As Syrian government gains ground in Aleppo, it loses its people" in titles
    assert len(lines) == _articles(corpus)


def test_text_record_of_an_html_file_is_what_clean_prints(tmp_path: Path) -> None:
    """One article text for every output: the WARC's text record is `clean`'s stdout (the
    page's headline above the article), and the metadata's sha256 is that text's."""
    from warcio.archiveiterator import ArchiveIterator

    corpus = tmp_path / "pages"
    shutil.copytree(FIXTURES / "html", corpus, ignore=shutil.ignore_patterns("*.txt"))
    warc = tmp_path / "pages.warc.gz"
    assert run("archive", corpus, "-o", warc).returncode == 0
    texts: dict[str, bytes] = {}
    fields: dict[str, dict[str, str]] = {}
    with warc.open("rb") as handle:
        for rec in ArchiveIterator(handle):
            block = rec.content_stream().read()
            if rec.rec_type == "resource" and rec.rec_headers["WARC-Concurrent-To"]:
                texts[rec.rec_headers["WARC-Concurrent-To"]] = block
            elif rec.rec_type == "metadata":
                lines = block.decode().splitlines()
                pairs = dict(line.split(": ", 1) for line in lines if ": " in line)
                fields[rec.rec_headers["WARC-Refers-To"]] = pairs
    by_source = {f["source-sha256"]: (texts[ref], f["sha256"]) for ref, f in fields.items()}
    pages = sorted(corpus.glob("*.html"))
    assert len(pages) == len(by_source) == 4
    for page in pages:
        printed = subprocess.run(
            [SCRUBWARC, "clean", str(page)], capture_output=True, check=True
        ).stdout
        text, sha256 = by_source[hashlib.sha256(page.read_bytes()).hexdigest()]
        assert text == printed, page.name
        assert sha256 == hashlib.sha256(printed).hexdigest()
    # The news page states its headline: the text record starts with it, then the article.
    news = by_source[hashlib.sha256((corpus / "news_article.html").read_bytes()).hexdigest()]
    first_line = (FIXTURES / "html" / "news_article.txt").read_bytes().split(b"\n")[0]
    assert not news[0].startswith(first_line) and first_line in news[0]
