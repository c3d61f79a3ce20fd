"""``scrubwarc-hook`` (what pre-commit runs) behaves as ``scrubwarc clean``: the same
stdout, stderr, exit code and files, on the golden cases and on every kind of failure."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubwarc.cli.cleaning import CleanArgs
from scrubwarc.cli.flags import CLEAN_FLAGS
from scrubwarc.cli.hook import parser, plain_args
from tests.helpers import CLEAN, DIRTY, FIXTURES, SCRUBWARC

HOOK = shutil.which("scrubwarc-hook") or pytest.fail("scrubwarc-hook is not installed")


def both(
    args: list[str], folder: Path, stdin: bytes = b""
) -> tuple[subprocess.CompletedProcess[bytes], subprocess.CompletedProcess[bytes]]:
    """``scrubwarc clean ARGS`` and ``scrubwarc-hook ARGS``, each in its own copy of ``folder``.

    The copies sit at the same relative place (``cli/`` and ``hook/`` beside ``folder``), and
    paths are given relative to it, so messages naming files can be compared as they are.
    """
    results = []
    for name, command in (("cli", [SCRUBWARC, "clean"]), ("hook", [HOOK])):
        work = folder.parent / name
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(folder, work, symlinks=True)
        results.append(
            subprocess.run(
                [*command, *args], cwd=work, input=stdin, capture_output=True, timeout=600
            )
        )
    return results[0], results[1]


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def same(args: list[str], folder: Path, stdin: bytes = b"") -> int:
    """Assert both front ends did the same; their exit code."""
    cli, hook = both(args, folder, stdin)
    assert (hook.returncode, hook.stdout, hook.stderr) == (cli.returncode, cli.stdout, cli.stderr)
    assert tree(folder.parent / "hook") == tree(folder.parent / "cli")
    return cli.returncode


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    """Every golden input of ``fixtures/clean``, with a subfolder and a non-article file."""
    root = tmp_path / "work"
    (root / "in" / "sub").mkdir(parents=True)
    for case in sorted((FIXTURES / "clean").glob("*.in.txt")):
        shutil.copyfile(case, root / "in" / case.name)
    (root / "in" / "sub" / "dirty.text").write_text(DIRTY)
    (root / "in" / "sub" / "clean.txt").write_text(CLEAN)
    (root / "in" / "notes.md").write_text(DIRTY)
    return root


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--check", "in"], 1),
        (["--diff", "in"], 1),
        (["--explain", "in"], 0),
        (["--in-place", "in"], 0),
        (["--in-place", "--exit-non-zero-on-fix", "in"], 1),
        (["-o", "out", "in"], 0),
        (["--check", "--quiet", "--disable", "headline", "in"], 1),
        (["--check", "in/sub/clean.txt"], 0),
        (["in/sub/dirty.text"], 0),
        (["--check", "--include", "*.md", "--exclude", "sub", "in"], 1),
    ],
)
def test_golden_cases_the_same(golden: Path, args: list[str], code: int) -> None:
    assert len(list((golden / "in").glob("*.in.txt"))) > 100
    assert same(args, golden) == code


def test_standard_input_the_same(golden: Path) -> None:
    assert same(["-"], golden, DIRTY.encode()) == 0
    assert same(["--check", "-"], golden, DIRTY.encode()) == 1


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["in/a.txt", "in/b.txt"],
        ["--check", "--in-place", "in/a.txt"],
        ["--explain", "--diff", "in/a.txt"],
        ["--disable", "nope", "in/a.txt"],
        ["-i", "-"],
        ["--encoding", "no-such-codec", "in/a.txt"],
        ["--config", "missing.toml", "in/a.txt"],
        ["-o", "out", "--include-url", "(", "in"],
        ["--check", "in", "in/missing.txt"],
        ["--in-place", "in"],  # a binary file among them
        ["--max-bytes", "10", "in/a.txt"],
    ],
)
def test_failures_the_same(tmp_path: Path, args: list[str]) -> None:
    root = tmp_path / "work"
    (root / "in").mkdir(parents=True)
    (root / "in" / "a.txt").write_text(DIRTY)
    (root / "in" / "b.txt").write_text(CLEAN)
    (root / "in" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert same(args, root) == 2


@pytest.mark.parametrize("args", [["--no-such-flag", "a.txt"], ["--max-bytes", "lots", "a.txt"]])
def test_a_malformed_command_line_is_exit_2_for_both(tmp_path: Path, args: list[str]) -> None:
    """Only the wording differs here: argparse's rather than Typer's."""
    cli, hook = both(args, tmp_path)
    assert cli.returncode == hook.returncode == 2
    assert hook.stdout == b""
    assert b"scrubwarc-hook: error:" in hook.stderr


def test_the_same_flags_as_the_typer_command() -> None:
    import typer.core
    import typer.main

    from scrubwarc.cli.app import make_app
    from scrubwarc.cli.hook import parser

    group = typer.main.get_command(make_app(("clean",)))
    assert isinstance(group, typer.core.TyperGroup)
    command = group.commands["clean"]
    typer_flags = {o for p in command.params for o in p.opts if o.startswith("-")}
    assert "--in-place" in typer_flags
    hook_flags = {o for a in parser()._actions for o in a.option_strings}
    assert hook_flags - {"-h", "--help"} == typer_flags


# What the hook must not load on the command lines pre-commit passes: the Typer app, and
# standard modules it does not need there (argparse and what its parser pulls in, threads,
# typing: its named tuples come from scrubwarc._tuples).
NOT_ON_THE_HOOK_PATH = {
    *("typer", "click", "rich", "argparse", "gettext", "locale", "shutil", "textwrap"),
    *("threading", "zlib", "tomllib", "tempfile", "difflib", "scrubwarc.article", "typing"),
    "unicodedata",
}


@pytest.mark.parametrize("other_tools_pyproject", [False, True], ids=["bare", "pyproject"])
@pytest.mark.parametrize(
    "args",
    [["--check", "in/sub"], ["--check", "-q", "--disable", "headline", "--max-bytes", "1MB", "in"]],
)
def test_the_hook_imports_only_what_it_needs(
    golden: Path, args: list[str], other_tools_pyproject: bool
) -> None:
    """On plain ASCII text, as commits mostly hold (a legacy encoding loads its detector); a
    project file that holds only other tools' settings is not parsed."""
    if other_tools_pyproject:
        (golden / "pyproject.toml").write_text("[tool.ruff]\nline-length = 99\n")
    for case in (golden / "in").glob("*.in.txt"):
        if not case.read_bytes().isascii():
            case.unlink()
    code = (
        "import sys\nfrom scrubwarc.cli.hook import main\n"
        f"code = main({args!r})\n"
        "loaded = set(sys.modules) | {m.split('.')[0] for m in sys.modules}\n"
        f"print(code, sorted(loaded & {NOT_ON_THE_HOOK_PATH!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=golden, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "1 []"


def test_help_is_argparse_s() -> None:
    done = subprocess.run([HOOK, "--check", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.startswith("usage: scrubwarc-hook")
    assert "--exit-non-zero-on-fix" in done.stdout


_WORDS = st.sampled_from(
    [
        *(name for flag in CLEAN_FLAGS.values() for name in flag.names),
        *("a.txt", "in", "-", "", "b c.txt", "x=y", "headline", "*.md", "64MiB", "1.5k", "0"),
        *("lots", "utf-8", "-x", "--", "-h", "--help", "-iq", "-oout", "--chec", "-1"),
        *("--output=out", "-o=out", "--check=1", "--max-bytes=2000", "--disable=", "--encoding"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=8))
def test_a_plain_command_line_is_read_as_argparse_reads_it(argv: list[str]) -> None:
    plain = plain_args(argv)
    if plain is None:
        return
    try:
        read = parser().parse_intermixed_args(argv)
    except SystemExit:  # argparse refused a line plain_args read
        pytest.fail(f"plain_args read {argv!r}, which argparse refuses")
    assert plain == CleanArgs(**vars(read))


@pytest.mark.parametrize(
    "argv",
    [
        ["--check", "a.txt", "b.txt"],
        ["--in-place", "--disable", "headline", "--disable=tracking", "a.txt"],
        ["-i", "--exit-non-zero-on-fix", "--max-bytes", "10MB", "--config", "p.toml", "a.txt"],
        ["--diff", "--include", "*.md", "-q", "--encoding=cp1252", "-o", "out", "-"],
    ],
)
def test_the_lines_pre_commit_passes_are_plain(argv: list[str]) -> None:
    plain = plain_args(argv)
    assert plain is not None
    assert plain == CleanArgs(**vars(parser().parse_intermixed_args(argv)))


def test_pre_commit_hooks_run_the_lean_entry_point() -> None:
    text = (FIXTURES.parent / ".pre-commit-hooks.yaml").read_text()
    assert "entry: scrubwarc-hook --in-place" in text
    assert "entry: scrubwarc-hook --check" in text
    assert "entry: scrubwarc " not in text
