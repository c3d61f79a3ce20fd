"""CJK bylines as Taiwanese and Japanese sites write them: a report's place after a slash,
a credit for more than the text, the byline in brackets."""

from __future__ import annotations

import pytest

from scrubwarc.meta.bylines import parse_byline


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("記者陳大文／台北報導", ("陳大文",)),
        ("記者陳大文、林小華／台北報導", ("陳大文", "林小華")),
        ("記者 陳大文 報導", ("陳大文",)),
        ("取材・文／山田太郎", ("山田太郎",)),
        ("写真・文：鈴木花子", ("鈴木花子",)),
        ("【記者：山田太郎】", ("山田太郎",)),
        ("【新华社北京4月1日电】记者 张三", ("张三",)),  # a dateline in brackets stays one
    ],
)
def test_cjk_bylines(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line, organisations=True, mononyms=False) == names
