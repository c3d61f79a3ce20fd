"""The README's pre-commit configuration works when copied: its ``rev`` exists.

The snippet is taken from the README as written; only ``repo:`` is pointed at this
repository (users point it at wherever they host it). pre-commit then clones it at that
``rev`` and builds the hook from the package index, as it would for a user.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import CLEAN, DIRTY, ROOT, skip_unless_package_index

pytestmark = pytest.mark.slow


def _snippet() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## pre-commit hook", 1)[1]
    found = re.search(r"```yaml\n(.+?)```", section, re.S)
    assert found is not None, "no YAML block under '## pre-commit hook'"
    return found.group(1)


def _git(repo: Path, *args: str) -> str:
    r = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    return r.stdout.strip() if r.returncode == 0 else ""


def test_readme_rev_is_a_commit_or_tag_of_this_repository() -> None:
    rev = re.search(r"^\s*rev:\s*(\S+)", _snippet(), re.M)
    assert rev is not None
    if _git(ROOT, "rev-parse", "--is-shallow-repository") == "true":
        pytest.skip("a shallow clone may lack the README's rev; a full clone has it")
    assert _git(ROOT, "rev-parse", "--verify", "--quiet", f"{rev.group(1)}^{{commit}}"), (
        f"rev {rev.group(1)} in the README is neither a tag nor a commit of this repository"
    )


def test_readme_config_runs_the_hook(tmp_path: Path) -> None:
    exe = shutil.which("pre-commit")
    if exe is None:
        pytest.fail("pre-commit is not installed (pip install -e '.[dev]')")
    if _git(ROOT, "rev-parse", "--is-shallow-repository") == "true":
        pytest.skip("a shallow clone may lack the README's rev; a full clone has it")
    skip_unless_package_index(tmp_path / "dl")
    config = re.sub(r"(?m)^(\s*- repo:)\s*\S+.*$", rf"\1 {ROOT}", _snippet())
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(config)
    (repo / "story.txt").write_text(DIRTY)
    (repo / "code.py").write_text("x = 1  \n")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home"), "SKIP": ""}
    r = subprocess.run(
        [exe, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True,
        check=False, timeout=900,
    )  # fmt: skip
    assert r.returncode == 1, r.stdout + r.stderr  # the fixer ran and changed a file
    assert "files were modified by this hook" in r.stdout
    assert (repo / "story.txt").read_text() == CLEAN
    assert (repo / "code.py").read_text() == "x = 1  \n"
