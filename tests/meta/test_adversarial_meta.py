"""The audit's metadata cases through the real command: ``scrubwarc meta DIR --json``.

Each ``fixtures/meta/adv-*`` case failed before its fix: a byline that ends with the date
(``By Jane Doe | March 3, 2020``) gave no date, an ``Updated:`` line above the
``Published:`` one gave the update as the publication date, and credentials after a name
(``Jane Doe, MD``) or a generational suffix (``King, Jr.``) were taken for people.
Session 9 added real-world families: a WordPress ``Posted on DATE by NAME`` line, a
reading time before the date, ``Updated … | Published …`` on one line, a German update
label above the publication line, a wire byline run together with its agency, Spanish
``y`` between two authors and a Japanese name before its role word; its second round an
outlet after the name with a dateline (``By X, USA TODAY``, ``WASHINGTON, March 3, 2024``),
a French envoy with ``Publié …, mis à jour …`` and Chinese source and author fields.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.helpers import FIXTURES, run_process

CASES = sorted((FIXTURES / "meta").glob("adv-*.txt"))


def test_the_real_command_reads_the_audit_cases(tmp_path: Path) -> None:
    assert len(CASES) >= 3
    for path in CASES:
        shutil.copy(path, tmp_path / path.name)
    proc = run_process("meta", tmp_path, "--json")
    assert proc.returncode == 0, proc.stderr
    found = {Path(row["path"]).name: row for row in map(json.loads, proc.stdout.splitlines())}
    for path in CASES:
        expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
        got = found[path.name]
        assert {key: got[key] for key in expected} == expected, path.name
