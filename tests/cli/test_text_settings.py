"""--encoding on clean, meta and archive; encoding, site-names and date-order in config;
run-wide site names, the same whatever the order or --jobs."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from scrubwarc import archive, list_articles
from scrubwarc.meta.sites import learn_site_suffixes
from tests.helpers import run

CP1250 = "Zażółć gęślą jaźń, powiedział Paweł.\n".encode("cp1250")


def test_clean_encoding_flag_reads_the_stated_encoding(tmp_path: Path) -> None:
    r = run("clean", "--encoding", "cp1250", "-", stdin=b"Caf\xe9 Lumi\xe8re\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Café Lumičre\n"
    r = run("clean", "-", stdin=b"Caf\xe9 Lumi\xe8re\n")
    assert r.stdout == "Café Lumière\n"


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x\n")
    for command in ("clean", "meta", "archive"):
        extra = ["-o", str(tmp_path / "o.warc.gz")] if command == "archive" else []
        r = run(command, "--encoding", "no-such-codec", tmp_path / "a.txt", *extra)
        assert r.returncode == 2, command
        assert "unknown encoding 'no-such-codec'" in r.stderr and r.stdout == ""


def test_meta_reports_encoding_and_confidence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(CP1250)
    r = run("meta", "--json", "--encoding", "cp1250", tmp_path / "a.txt")
    record = json.loads(r.stdout)
    assert (record["encoding"], record["encoding_confidence"]) == ("cp1250", 1.0)
    r = run("meta", "--json", tmp_path / "a.txt")
    record = json.loads(r.stdout)
    assert record["encoding"] == "cp1250" and 0 < record["encoding_confidence"] <= 1


def test_config_encoding_date_order_and_site_names(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.scrubwarc]\nencoding = "cp1252"\ndate-order = "day-first"\n'
        'site-names = ["The Coastal Herald"]\n'
    )
    text = "Storm hits - The Coastal Herald\n\n11/04/2016\n\nCaf\xe9 opened.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    r = run("meta", "--json", "a.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    record = json.loads(r.stdout)
    assert record["title"] == "Storm hits" and record["site_name"] == "The Coastal Herald"
    assert (record["date"], record["date_assumed"]) == ("2016-04-11", "day-first")
    assert record["encoding"] == "cp1252"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("date-order", '"year-first"', "must be one of month-first, day-first"),
        ("encoding", '"klingon"', "unknown encoding 'klingon'"),
        ("encoding", "5", "must be a string"),
    ],
)
def test_bad_text_settings_are_refused(tmp_path: Path, key: str, value: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.scrubwarc]\n{key} = {value}\n")
    (tmp_path / "a.txt").write_text("x\n")
    r = run("meta", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and message in r.stderr


def _run_of_articles(root: Path) -> None:
    sites = ("Daily News | Your Local Source", "The Coastal Herald")
    for i in range(6):
        site = sites[i % 2]
        (root / f"{i}.txt").write_text(f"Story number {i} - {site}\n\nBy Jane Roe\n\nBody {i}.\n")
    (root / "one-off.txt").write_text(
        "Content Depth — Write Comprehensively About Your Core Topics\n\nBody.\n"
    )


def test_meta_over_a_directory_learns_the_runs_site_names(tmp_path: Path) -> None:
    _run_of_articles(tmp_path)
    r = run("meta", "--json", tmp_path)
    records = {Path(str(rec["path"])).name: rec for rec in map(json.loads, r.stdout.splitlines())}
    assert records["0.txt"]["title"] == "Story number 0"
    assert records["0.txt"]["site_name"] == "Daily News | Your Local Source"
    assert records["1.txt"]["title"] == "Story number 1"
    one_off = "Content Depth — Write Comprehensively About Your Core Topics"
    assert records["one-off.txt"]["title"] == one_off
    # One file alone carries no evidence: its suffix stays.
    r = run("meta", "--json", tmp_path / "0.txt")
    assert json.loads(r.stdout)["title"] == "Story number 0 - Daily News | Your Local Source"


def test_learning_does_not_depend_on_order() -> None:
    heads = [f"Story {i} | Site {i % 3}\n\nBody." for i in range(30)] + ["Lone - Subtitle Here"]
    learned = learn_site_suffixes(heads)
    for seed in range(5):
        random.Random(seed).shuffle(heads)
        assert learn_site_suffixes(heads) == learned
    assert learned == {"Site 0", "Site 1", "Site 2"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_archive_titles_use_the_runs_site_names_whatever_jobs(tmp_path: Path, jobs: int) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _run_of_articles(src)
    out = tmp_path / f"o{jobs}.warc.gz"
    archive([src], out, jobs=jobs)
    titles = {a.target: a.title for a in list_articles(out)}
    assert any(t == "Story number 2" for t in titles.values()), titles
