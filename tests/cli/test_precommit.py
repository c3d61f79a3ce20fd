"""The pre-commit hooks, run by the real ``pre-commit try-repo`` against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import CLEAN, DIRTY, ROOT, skip_unless_package_index

pytestmark = pytest.mark.slow


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def precommit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module, so the hook environment is built once."""
    skip_unless_package_index(tmp_path_factory.mktemp("index-probe"))
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("pre-commit")
    if exe is None:
        pytest.fail("pre-commit is not installed (pip install -e '.[dev]')")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "SKIP": ""}
    return subprocess.run(
        [exe, "try-repo", str(ROOT), hook, "--all-files", "--verbose"],
        cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "story.txt").write_text(DIRTY)
    (repo / "clean.txt").write_text(CLEAN)
    (repo / "code.py").write_text("x = 1  \n")  # not an article: the hook leaves it alone
    _git(repo, "add", ".")
    return repo


def test_fixer_fails_then_passes(repo: Path, precommit_home: Path) -> None:
    first = _try_repo(repo, "scrubwarc", precommit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (repo / "story.txt").read_text() == CLEAN
    assert (repo / "code.py").read_text() == "x = 1  \n"
    second = _try_repo(repo, "scrubwarc", precommit_home)
    assert second.returncode == 0, second.stdout + second.stderr


def test_check_hook_reports_without_writing(repo: Path, precommit_home: Path) -> None:
    first = _try_repo(repo, "scrubwarc-check", precommit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "would fix story.txt" in first.stdout
    assert (repo / "story.txt").read_text() == DIRTY
    (repo / "story.txt").write_text(CLEAN)
    assert _try_repo(repo, "scrubwarc-check", precommit_home).returncode == 0
