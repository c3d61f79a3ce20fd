"""The ``scrubwarc`` command, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import CLEAN, DIRTY, FIXTURES, SCRUBWARC, run


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "dirty.txt").write_text(DIRTY)
    (root / "sub" / "clean.txt").write_text(CLEAN)
    (root / "sub" / "dirty.text").write_text(DIRTY)
    (root / "notes.md").write_text(DIRTY)  # not matched by the default globs
    return root


def test_single_file_to_stdout(corpus: Path) -> None:
    r = run("clean", corpus / "dirty.txt")
    assert (r.returncode, r.stdout, r.stderr) == (0, CLEAN, "")


def test_stdin_to_stdout() -> None:
    r = run("clean", "-", stdin=DIRTY.encode())
    assert (r.returncode, r.stdout) == (0, CLEAN)


def test_seed_through_the_command() -> None:
    r = run("clean", FIXTURES / "clean" / "seed.in.txt")
    assert r.returncode == 0
    assert r.stdout == (FIXTURES / "clean" / "seed.out.txt").read_text("utf-8")


def test_check_lists_files_and_exits_1(corpus: Path) -> None:
    before = (corpus / "dirty.txt").read_bytes()
    r = run("clean", "--check", corpus)
    assert r.returncode == 1
    assert r.stdout == ""
    assert f"would fix {corpus / 'dirty.txt'}" in r.stderr
    assert f"would fix {corpus / 'sub' / 'dirty.text'}" in r.stderr
    assert "clean.txt" not in r.stderr and "notes.md" not in r.stderr
    assert "3 files: 2 would fix, 1 unchanged, 0 failed" in r.stderr
    assert (corpus / "dirty.txt").read_bytes() == before


def test_check_passes_on_clean_files(corpus: Path) -> None:
    r = run("clean", "--check", corpus / "sub" / "clean.txt")
    assert (r.returncode, r.stdout) == (0, "")
    assert r.stderr == "1 file: 0 would fix, 1 unchanged, 0 failed\n"  # every run ends in one


def test_diff(corpus: Path) -> None:
    r = run("clean", "--diff", corpus / "dirty.txt", corpus / "sub" / "clean.txt")
    assert r.returncode == 1
    assert "-It rained.|+News&utm_content=Reader\n+It rained.\n" in r.stdout
    assert "clean.txt" not in r.stdout


def test_in_place_rewrites_atomically_and_keeps_mode(corpus: Path) -> None:
    target = corpus / "dirty.txt"
    target.chmod(0o640)
    untouched = corpus / "sub" / "clean.txt"
    mtime = untouched.stat().st_mtime_ns
    r = run("clean", "--in-place", corpus)
    assert r.returncode == 0
    assert f"fixed {target}" in r.stderr
    assert target.read_text() == CLEAN
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert untouched.stat().st_mtime_ns == mtime  # unchanged files are not rewritten
    assert not [p for p in corpus.rglob("*") if p.name.endswith(".tmp")]
    assert (corpus / "notes.md").read_text() == DIRTY
    assert run("clean", "--check", corpus).returncode == 0


def test_exit_non_zero_on_fix(corpus: Path) -> None:
    assert run("clean", "-i", "--exit-non-zero-on-fix", corpus).returncode == 1
    assert run("clean", "-i", "--exit-non-zero-on-fix", corpus).returncode == 0


def test_output_dir_mirrors_tree_with_umask_mode(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "cleaned"
    r = run("clean", "-o", out, corpus)
    assert r.returncode == 0, r.stderr
    assert (out / "dirty.txt").read_text() == CLEAN
    assert (out / "sub" / "dirty.text").read_text() == CLEAN
    assert (out / "sub" / "clean.txt").read_text() == CLEAN
    assert not (out / "notes.md").exists()
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((out / "dirty.txt").stat().st_mode) == 0o666 & ~umask


def test_output_dir_keeps_the_names_of_several_directories(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "cleaned"
    r = run("clean", "-o", out, corpus, corpus / "sub", "--exclude", "clean.txt")
    assert r.returncode == 0, r.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["corpus/dirty.txt", "corpus/sub/dirty.text", "sub/dirty.text"]


def test_output_dir_inside_input_is_not_read_back(corpus: Path) -> None:
    out = corpus / "cleaned"
    assert run("clean", "-o", out, corpus).returncode == 0
    assert run("clean", "-o", out, corpus).returncode == 0
    assert not (out / "cleaned").exists()


def test_include_and_exclude(corpus: Path) -> None:
    r = run("clean", "--check", "--include", "*.md", "--exclude", "sub", corpus)
    assert r.returncode == 1
    assert "notes.md" in r.stderr and "dirty.txt" not in r.stderr


def test_explain(corpus: Path) -> None:
    r = run("clean", "--explain", corpus / "dirty.txt")
    assert r.returncode == 0
    assert "tracking      5:11    removed '|+News&utm_content=Reader'" in r.stdout
    assert "headline      3:1     removed 'Storm hits coast'" in r.stdout


def test_disable_on_command_line_and_in_pyproject(corpus: Path) -> None:
    r = run("clean", "--disable", "headline", "--disable", "tracking", corpus / "dirty.txt")
    assert r.stdout == DIRTY
    (corpus / "pyproject.toml").write_text('[tool.scrubwarc]\ndisable = ["tracking"]\n')
    r = run("clean", "dirty.txt", cwd=corpus)
    assert r.stdout == "Storm hits coast\n\nIt rained.|+News&utm_content=Reader\n"


def test_extra_settings_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.scrubwarc]\nextra-tracking-params = ["trk"]\n'
        'extra-boilerplate-prefixes = ["From the archive"]\n'
    )
    (tmp_path / "a.txt").write_text("See https://a.org/?id=1&trk=2 now.\n\nFrom the archive: X\n")
    assert run("clean", "a.txt", cwd=tmp_path).stdout == "See https://a.org/?id=1 now.\n"


def test_bad_settings_are_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.scrubwarc]\ndisabel = []\n")
    (tmp_path / "a.txt").write_text("x\n")
    r = run("clean", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "unknown key 'disabel'" in r.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["clean"], "no input given"),
        (["clean", "a.txt", "b.txt"], "several inputs or a directory need a mode"),
        (["clean", "."], "add --in-place, --check, --diff or -o DIR"),
        (["clean", "--check", "--in-place", "a.txt"], "choose one of --in-place, --check"),
        (["clean", "--disable", "nope", "a.txt"], "unknown rule 'nope'"),
        (["clean", "-i", "-"], "standard input"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "b.txt").write_text("y\n")
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_bad_input_is_named_and_the_run_goes_on(corpus: Path) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    r = run("clean", "--in-place", corpus, corpus / "missing.txt")
    assert r.returncode == 2
    assert f"error: {corpus / 'image.txt'}: binary file (PNG image)" in r.stderr
    assert f"error: {corpus / 'missing.txt'}: no such file or directory" in r.stderr
    assert (corpus / "dirty.txt").read_text() == CLEAN  # the other files were processed
    assert "Traceback" not in r.stderr


def test_too_large_file_is_refused(corpus: Path) -> None:
    r = run("clean", "--max-bytes", "10", corpus / "dirty.txt")
    assert r.returncode == 2
    assert "over the 10-byte limit" in r.stderr


def test_output_is_utf8_with_lf(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_bytes("Caf\u00e9 \u201cq\u201d\r\nnext".encode("cp1252"))
    r = subprocess.run(
        [SCRUBWARC, "clean", str(tmp_path / "w.txt")], capture_output=True, check=True
    )
    assert r.stdout == "Café “q”\nnext\n".encode()


def test_version_and_module_entry_point() -> None:
    from scrubwarc import __version__

    r = subprocess.run(
        [sys.executable, "-m", "scrubwarc", "--version"], capture_output=True, text=True, check=True
    )
    assert r.stdout == f"scrubwarc {__version__}\n"


@pytest.mark.parametrize("command", ["", "clean"])
def test_every_command_has_help_with_text(command: str) -> None:
    r = run(*([command] if command else []), "--help")
    assert r.returncode == 0
    assert "Clean" in r.stdout


def test_clean_path_imports_no_heavy_libraries(corpus: Path) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['scrubwarc', 'clean', '--check', {str(corpus)!r}]\n"
        "try:\n    runpy.run_module('scrubwarc', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = {'warcio', 'bs4', 'lxml', 'dateutil', 'ftfy', 'charset_normalizer',\n"
        "         'dask', 'distributed'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
        # The hook runs on every commit: nor the other commands, metadata, or stdlib
        # modules only some runs need (no project file here and nothing written).
        "unneeded = {'scrubwarc.cli.archive', 'scrubwarc.cli.meta', 'scrubwarc.article',\n"
        "            'scrubwarc.meta.text', 'tomllib', 'tempfile'}\n"
        "print(sorted(unneeded & set(sys.modules)))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=corpus
    )
    assert r.stdout.split("\n")[-3:] == ["[]", "[]", ""]


def test_quiet_keeps_errors_only(corpus: Path) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    r = run("clean", "--check", "--quiet", corpus)
    assert r.returncode == 2
    assert r.stderr == f"error: {corpus / 'image.txt'}: binary file (contains NUL bytes)\n"


def test_config_option_names_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.scrubwarc]\ndisable = ["tracking"]\n')
    elsewhere = tmp_path / "settings" / "scrubwarc.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('[tool.scrubwarc]\ndisable = ["headline"]\n')
    (tmp_path / "a.txt").write_text(DIRTY)
    r = run("clean", "--config", elsewhere, "a.txt", cwd=tmp_path)
    assert r.stdout == "Storm hits coast\n\nStorm hits coast\n\nIt rained.\n"
    r = run("clean", "--config", tmp_path / "missing.toml", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "missing.toml: cannot read settings" in r.stderr


def test_a_found_project_file_is_parsed_only_when_it_names_scrubwarc(tmp_path: Path) -> None:
    # Another tool's broken pyproject.toml is that tool's to judge; ours is checked.
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "pyproject.toml").write_text("[tool.ruff\nline-length = 99\n")
    r = run("clean", "a.txt", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == "Storm hits coast\n\nIt rained.\n"
    (tmp_path / "pyproject.toml").write_text('[tool.scrubwarc\ndisable = ["headline"]\n')
    r = run("clean", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "pyproject.toml: cannot read settings" in r.stderr
    # A file named with --config is always parsed.
    (tmp_path / "other.toml").write_text("[tool.ruff\n")
    r = run("clean", "--config", tmp_path / "other.toml", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "other.toml: cannot read settings" in r.stderr


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_internal_errors_show_a_traceback_only_with_debug(corpus: Path, debug: bool) -> None:
    # A bug inside the library, injected into the real entry point in a child process.
    code = (
        "import sys, scrubwarc.cli.cleaning as c\n"
        "def boom(*a, **k):\n    raise RuntimeError('boom')\n"
        "c.read = boom\n"
        "from scrubwarc.cli.app import main\n"
        f"sys.argv = ['scrubwarc', 'clean', '--check', {str(corpus)!r}"
        + (", '--debug']\n" if debug else "]\n")
        + "main()\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 123  # a bug, not bad input
    assert f"error: {corpus / 'dirty.txt'}: internal error: RuntimeError: boom" in r.stderr
    assert ("Traceback" in r.stderr) is debug
    assert "3 files: 0 would fix, 0 unchanged, 3 failed" in r.stderr  # the run went on


def test_whole_app_for_tools_and_one_command_for_a_run() -> None:
    import typer.core
    import typer.main

    from scrubwarc.cli import app as cli

    whole = typer.main.get_command(cli.app)
    assert isinstance(whole, typer.core.TyperGroup)
    assert list(whole.commands) == list(cli.COMMANDS)
    assert cli.wanted(["clean", "--check", "x.txt"]) == ("clean",)
    assert cli.wanted(["--version"]) == cli.wanted(["clenaa"]) == tuple(cli.COMMANDS)


@pytest.mark.parametrize("command", ["clean", "meta", "archive"])
def test_every_command_takes_include_and_exclude_from_config(tmp_path: Path, command: str) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.scrubwarc]\ninclude = ["*.article"]\nexclude = ["drafts"]\n'
    )
    docs = tmp_path / "docs"
    (docs / "drafts").mkdir(parents=True)
    (docs / "story.article").write_text(DIRTY)
    (docs / "drafts" / "draft.article").write_text(DIRTY)
    (docs / "notes.txt").write_text(DIRTY)  # not in the configured include
    args = {
        "clean": ("clean", "--check", "docs"),
        "meta": ("meta", "docs", "--json"),
        "archive": ("archive", "docs", "-o", tmp_path / "out.warc.gz"),
    }[command]
    r = run(*args, cwd=tmp_path)
    if command == "clean":
        assert (r.returncode, r.stderr.splitlines()[0]) == (1, "would fix docs/story.article")
        assert "1 file:" in r.stderr
    elif command == "meta":
        lines = [json.loads(line) for line in r.stdout.splitlines()]
        assert r.returncode == 0
        assert [line["path"] for line in lines] == ["docs/story.article"]
    else:
        from scrubwarc import list_articles

        assert r.returncode == 0
        listed = list(list_articles(tmp_path / "out.warc.gz"))
        assert [item.title for item in listed] == ["Storm hits coast"]
