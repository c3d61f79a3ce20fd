"""Hardening, files and directories: links, permissions, odd names, vanishing files, full disks.

Output inside the input tree is covered by ``cli/test_clean.py::test_output_dir_inside_input_is_not_
read_back`` and ``test_cli_archive.py::test_output_inside_the_input_tree_is_not_read_back``.

The tests run as root here, and root ignores file permissions: permission cases drop to an
unprivileged user with ``setpriv`` (util-linux) and are skipped, saying why, without it.
"""

from __future__ import annotations

import base64
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import CLEAN, DIRTY, SCRUBWARC, run

NOBODY = 65534
SETPRIV = shutil.which("setpriv")


def run_as_nobody(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the command as an unprivileged user, so permissions apply."""
    if os.geteuid() != 0:
        return run(*args)
    if SETPRIV is None:
        pytest.skip("running as root and setpriv is not installed: permissions cannot apply")
    cmd = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", SCRUBWARC]
    proc = subprocess.run([*cmd, *map(str, args)], capture_output=True, text=True, check=False)
    return proc


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder an unprivileged user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="scrubwarc-hardening-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for p in folder.rglob("*"):  # make everything removable again
            if not p.is_symlink():
                p.chmod(0o755 if p.is_dir() else 0o644)
        shutil.rmtree(folder)


def give_to_nobody(*paths: Path) -> None:
    if os.geteuid() == 0:
        for p in paths:
            os.chown(p, NOBODY, NOBODY)


def one_line_errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def test_symlink_loops_and_links_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    (tree / "sub").mkdir(parents=True)
    outside.mkdir()
    (tree / "a.txt").write_text(DIRTY)
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "self").symlink_to(tree / "self")  # a link to itself
    (outside / "secret.txt").write_text(DIRTY)
    (tree / "out.txt").symlink_to(outside / "secret.txt")
    (tree / "outdir").symlink_to(outside, target_is_directory=True)
    r = run("clean", "--in-place", tree)
    assert r.returncode == 0 and one_line_errors(r.stderr) == []
    assert r.stderr.splitlines() == [
        f"fixed {tree / 'a.txt'}",
        "1 file: 1 fixed, 0 unchanged, 0 failed",
    ]
    assert (outside / "secret.txt").read_text() == DIRTY
    assert (tree / "out.txt").is_symlink()


def test_clean_output_never_writes_through_a_link_inside_the_output_folder(
    tmp_path: Path,
) -> None:
    """A link already in OUT (to a folder elsewhere) is refused, not followed: a text file's
    and a crawl page's output stay inside OUT; a link in a file's own place is replaced."""
    from tests.warc.test_crawl_inputs import _crawl, _plain_record

    src, out, outside = tmp_path / "in", tmp_path / "out", tmp_path / "outside"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_text(DIRTY)
    (src / "b.txt").write_text(DIRTY)
    _crawl(src / "crawl.warc.gz", _plain_record("http://news.example/storm.html"))
    outside.mkdir()
    (outside / "secret.txt").write_text("keep\n")
    out.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)
    (out / "news.example").symlink_to(outside, target_is_directory=True)
    (out / "b.txt").symlink_to(outside / "secret.txt")
    r = run("clean", src, "-o", out, "--include", "*.warc.gz", "--include", "*.txt")
    assert r.returncode == 2, r.stderr
    assert one_line_errors(r.stderr) == [
        f"error: {src / 'crawl.warc.gz'}: offset 0: http://news.example/storm.html: "
        f"{out / 'news.example'}: a symbolic link inside the output folder; not followed "
        "(not written)",
        f"error: {out / 'sub'}: a symbolic link inside the output folder; not followed "
        "(not written)",
    ]
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"]
    assert (outside / "secret.txt").read_text() == "keep\n"
    assert not (out / "b.txt").is_symlink() and (out / "b.txt").read_text() == CLEAN


def test_unreadable_files_and_directories_are_named_and_the_run_goes_on(shared_dir: Path) -> None:
    tree = shared_dir / "tree"
    (tree / "locked").mkdir(parents=True)
    for name in ("a.txt", "secret.txt", "locked/b.txt"):
        (tree / name).write_text(DIRTY)
    give_to_nobody(
        tree, tree / "a.txt", tree / "secret.txt", tree / "locked", tree / "locked/b.txt"
    )
    (tree / "secret.txt").chmod(0)
    (tree / "locked").chmod(0)
    r = run_as_nobody("clean", "--in-place", tree)
    assert r.returncode == 2
    errors = one_line_errors(r.stderr)
    assert f"error: {tree / 'secret.txt'}: cannot read: Permission denied" in errors
    assert f"error: {tree / 'locked'}: cannot read directory: Permission denied" in errors
    assert r.stderr.splitlines()[-1] == "3 files: 1 fixed, 0 unchanged, 2 failed"
    assert (tree / "a.txt").read_text() == CLEAN


def test_in_place_on_read_only_file_and_directory(shared_dir: Path) -> None:
    ro_file, ro_dir = shared_dir / "ro.txt", shared_dir / "ro"
    ro_dir.mkdir()
    ro_file.write_text(DIRTY)
    (ro_dir / "x.txt").write_text(DIRTY)
    give_to_nobody(shared_dir, ro_file, ro_dir, ro_dir / "x.txt")
    ro_file.chmod(0o444)
    ro_dir.chmod(0o555)
    r = run_as_nobody("clean", "--in-place", ro_file, ro_dir / "x.txt")
    assert r.returncode == 2
    assert one_line_errors(r.stderr) == [
        f"error: {ro_file}: read-only file; not rewritten",
        f"error: {ro_dir / 'x.txt'}: cannot write: Permission denied",
    ]
    assert ro_file.read_text() == DIRTY and (ro_dir / "x.txt").read_text() == DIRTY
    assert sorted(p.name for p in ro_dir.iterdir()) == ["x.txt"]  # no temporary file left


def test_rewrite_keeps_mode_and_owner(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
    before = path.stat()
    r = run("clean", "--in-place", path)
    assert r.returncode == 0 and path.read_text() == CLEAN
    after = path.stat()
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert after.st_ino != before.st_ino  # replaced in one rename, not written over


ODD_NAMES = ["with space.txt", "new\nline.txt", "-leading-dash.txt", "tab\tand\x1bescape.txt"]


def test_odd_file_names_keep_one_line_per_message(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    latin1 = os.fsdecode(b"caf\xe9.txt")  # not valid UTF-8
    for name in (*ODD_NAMES, latin1):
        (tree / name).write_text(DIRTY)
    (tree / "broken.txt").write_bytes(b"\x00binary")
    r = run("clean", "--check", tree)
    assert r.returncode == 2
    lines = r.stderr.splitlines()
    assert len(lines) == 7  # five "would fix", one error, one summary: no name spans two lines
    assert f"would fix {tree}/caf\\xe9.txt" in lines
    assert f"would fix {tree}/new\\nline.txt" in lines
    assert f"would fix {tree}/tab\\tand\\x1bescape.txt" in lines
    assert lines[-1] == "6 files: 5 would fix, 0 unchanged, 1 failed"

    # A name that starts with a dash is a file after "--".
    r = run("clean", "--", tree / "-leading-dash.txt")
    assert (r.returncode, r.stdout) == (0, CLEAN)
    r = run("clean", "--in-place", tree)
    assert r.returncode == 2 and (tree / latin1).read_text() == CLEAN


def test_odd_file_names_in_meta_and_archive_with_a_strict_utf8_terminal(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    latin1 = os.fsdecode(b"caf\xe9.txt")
    for name in (*ODD_NAMES, latin1):
        (tree / name).write_text(DIRTY)
    # A desktop UTF-8 locale makes stdout strict: surrogates in names must not reach it raw.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    for args in (["meta", "--json", tree], ["meta", tree], ["clean", "--diff", tree]):
        proc = subprocess.run(
            [SCRUBWARC, *map(str, args)], capture_output=True, env=env, check=False
        )
        assert proc.returncode in (0, 1), proc.stderr
        out = proc.stdout.decode("utf-8")  # valid UTF-8
        assert "Traceback" not in proc.stderr.decode()
    records = [json.loads(x) for x in subprocess.run(
        [SCRUBWARC, "meta", "--json", tree], capture_output=True, env=env, check=True
    ).stdout.splitlines()]  # fmt: skip
    assert sorted(os.fsencode(r["path"]) for r in records) == sorted(
        os.fsencode(str(tree / n)) for n in (*ODD_NAMES, latin1)
    )
    assert "caf\\xe9.txt" in out  # the diff header names it, escaped

    warc = tmp_path / "odd.warc.gz"
    assert run("archive", tree, "-o", warc).returncode == 0
    r = run("unpack", warc, "-o", tmp_path / "restored")
    assert r.returncode == 0
    restored = sorted(p.name for p in (tmp_path / "restored").iterdir())
    assert restored == sorted((*ODD_NAMES, latin1))
    assert (tmp_path / "restored" / latin1).read_text() == DIRTY


# A child that runs the real command, with a hook between finding files and reading them.
_HOOKED = """
import sys
from pathlib import Path
import scrubwarc.cli.cleaning as cli_clean
from scrubwarc.cli.app import main

walk, read = cli_clean.Run.walk, cli_clean.read

def vanishing_walk(*args, **kwargs):
    for source in walk(*args, **kwargs):
        yield source
        if source.path.name == "a.txt":
            Path(source.path.parent, "b.txt").unlink()  # found by the walk, gone before read

def changing_read(data, name, *args):
    result = read(data, name, *args)
    source = Path(name)
    if source.name == "c.txt":  # another program saves the file while we clean it
        source.write_text(source.read_text() + "A line added meanwhile.\\n")
    return result

cli_clean.Run.walk, cli_clean.read = vanishing_walk, changing_read
sys.argv = ["scrubwarc", *sys.argv[1:]]
main()
"""


def test_files_that_vanish_or_change_during_the_run(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_text(DIRTY)
    proc = subprocess.run(
        [sys.executable, "-c", _HOOKED, "clean", "--in-place", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert one_line_errors(proc.stderr) == [
        f"error: {tmp_path / 'b.txt'}: cannot read: No such file or directory",
        f"error: {tmp_path / 'c.txt'}: changed while it was being cleaned; not rewritten",
    ]
    assert proc.stderr.splitlines()[-1] == "4 files: 2 fixed, 0 unchanged, 2 failed"
    assert (tmp_path / "c.txt").read_text() == DIRTY + "A line added meanwhile.\n"
    assert (tmp_path / "a.txt").read_text() == (tmp_path / "d.txt").read_text() == CLEAN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "c.txt", "d.txt"]


def _small_disk() -> None:
    """In the child: files may not grow past 4 KB, and a write past it fails with EFBIG."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@pytest.mark.parametrize("mode", ["-o", "--in-place", "archive"])
def test_disk_full_is_a_clear_error_and_originals_are_untouched(tmp_path: Path, mode: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    small = "Head\n\nHead\n\nShort story.\n"
    # Random words: the WARC's gzip must not shrink it under the limit either.
    big = "Head\n\nHead\n\n" + base64.b64encode(os.urandom(6000)).decode() + "\n"
    (src / "a-small.txt").write_text(small)
    (src / "b-big.txt").write_text(big)
    out = tmp_path / "out"
    args = {
        "-o": ["clean", "-o", out, src],
        "--in-place": ["clean", "--in-place", src],
        "archive": ["archive", src, "-o", tmp_path / "news.warc.gz"],
    }[mode]
    proc = subprocess.run(
        [SCRUBWARC, *map(str, args)],
        capture_output=True,
        text=True,
        preexec_fn=_small_disk,  # the limit applies to the child only
        check=False,
    )
    assert proc.returncode == 2
    errors = one_line_errors(proc.stderr)
    assert len(errors) == 1 and "File too large" in errors[0]
    assert (src / "b-big.txt").read_text() == big  # the original is untouched
    if mode == "archive":
        assert str(tmp_path / "news.warc.gz") in errors[0]
        assert not (tmp_path / "news.warc.gz").exists()  # at most a .partial is left
        return
    assert str(src / "b-big.txt") in errors[0]
    assert proc.stderr.splitlines()[-1].endswith(", 0 unchanged, 1 failed")
    written = out if mode == "-o" else src
    # No partial file under a real name, no temporary file left behind.
    assert sorted(p.name for p in written.iterdir()) == (
        ["a-small.txt"] if mode == "-o" else ["a-small.txt", "b-big.txt"]
    )
    assert (written / "a-small.txt").read_text() == "Head\n\nShort story.\n"
