"""Regenerate docs/replayweb.png: the README's picture of an archive in ReplayWeb.page.

It is the screenshot the browser test takes (tests/warc/test_replayweb.py): the fixtures archived
with --wacz, a search over the cleaned text, and an article opened from the results.

    python scripts/screenshot.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "replayweb.png"


def main() -> int:
    TARGET.parent.mkdir(exist_ok=True)
    env = {**os.environ, "SCRUBWARC_SCREENSHOT": str(TARGET)}
    test = "tests/warc/test_replayweb.py::test_search_by_text_then_open_the_article"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", test]
    done = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if done.returncode == 0 and TARGET.is_file():
        print(f"wrote {TARGET.relative_to(ROOT)}", file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
