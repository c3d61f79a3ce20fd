"""The fuzz targets in ``fuzz/``, run briefly: 20,000 inputs each (see fuzz/README.md)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("atheris") is None, reason="atheris is not installed"
    ),
]


@pytest.mark.parametrize("target", ["fuzz_article.py", "fuzz_clean.py"])
def test_fuzz_target_short_run(tmp_path: Path, target: str) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "fuzz" / target),
            "-runs=20000",
            "-max_len=4096",
            "-timeout=20",
            "-seed=1",
            f"-artifact_prefix={tmp_path}/",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,  # hang guard
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done 20000 runs" in proc.stderr
