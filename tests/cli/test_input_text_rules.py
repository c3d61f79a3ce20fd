"""Hostile input for the issue-12 paths: each unit repeated to a megabyte must finish.

The same child as ``test_input`` (a fresh process, so a hang can be stopped), aimed at the
structural residue checks, tag context, headline-shaped cross-links, the shared site-name
splitter, CJK dates and bylines, and the Latin code-page choice for legacy bytes.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli.test_input import _CHILD

HOSTILE = {
    "tracking-prose-keys": "utm_a=x ",
    "tracking-keys-between-blanks": "utm_a=  \t ",
    "tracking-glued-to-cjk": "東utm_a=x東",
    "tracking-runs-in-one-token": "é?utm_a=é",
    "tracking-url-runs-cjk": "見https://a.b/?utm_a=1見",
    "tracking-sentence-ends": "。utm_a=。",
    "unescape-tags-in-prose": "the <p> tag ",
    "unescape-glued-tags": "a<b>b</b>",
    "unescape-cjk-glued-tags": "は<b>",
    "boilerplate-sentences": "Read more: the report.\n",
    "sitename-separators": "A | B - C — D · ",
    "dates-cjk": "2023年4月1日 ",
    "bylines-cjk": "作者：张三 ",
    "bylines-titles": "By Dr. Prof. Dipl.-Ing. ",
}


@pytest.mark.slow
@pytest.mark.parametrize("unit", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_megabyte_finishes(unit: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, unit, str(1_000_000)],
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard: linear rules take well under a second here
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


_LEGACY = """
import sys
from scrubwarc import process_article as process
unit = sys.argv[1]
data = (unit * (1_000_000 // len(unit) + 1)).encode("cp1250")[:1_000_000]
process(data, "legacy.txt")
"""


@pytest.mark.slow
def test_megabyte_legacy_file_finishes() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _LEGACY, "Zażółć gęślą jaźń. "],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
