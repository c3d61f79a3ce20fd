"""The README's first two commands stay true: CI runs the test command verbatim, and the
main job works on the bundled fixtures."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

from tests.helpers import ROOT


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)[:2]


def test_readme_opens_with_install_and_test_commands() -> None:
    main_job, tests = _commands()
    assert main_job.startswith("python3 -m venv .venv") and "pip install ." in main_job
    assert tests.endswith("&& pytest")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert _commands()[1] in ci


def test_main_job_runs_on_fixtures(tmp_path: Path) -> None:
    job = _commands()[0].split("&&")[-1].strip()
    warc = tmp_path / "news.warc.gz"
    argv = shlex.split(job.replace("news.warc.gz", str(warc)))
    exe = shutil.which(argv[0])
    assert exe is not None
    r = subprocess.run([exe, *argv[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    restored = tmp_path / "restored"
    subprocess.run([exe, "unpack", str(warc), "-o", str(restored)], check=True, capture_output=True)
    seed = "clean/seed.in.txt"
    assert (restored / seed).read_bytes() == (ROOT / "fixtures" / seed).read_bytes()
