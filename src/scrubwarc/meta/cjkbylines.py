"""Bylines in Chinese, Japanese and Korean: ``作者：张三``, ``记者 李四 王五``,
``新华社记者 张三``, ``文／山田太郎``, ``홍길동 기자``.

CJK names have no spaces inside and no capitals, so the English rules cannot see them;
a CJK byline is recognised by its role word (作者 author, 记者/記者 reporter, 撰文/文
writer, 기자 reporter, 글 text) and the names are the short runs of CJK letters it
introduces. An editor line (编辑, 責任編輯) names no author. Standard library only.
"""

from __future__ import annotations

import re

__all__ = ["cjk_byline"]

_HAN = r"\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = r"\u3040-\u30ff"
_HANGUL = r"\uac00-\ud7a3"
_NAME = rf"[{_HAN}{_KANA}·・]{{2,6}}|[{_HANGUL}]{{2,5}}"
_SEPARATORS = re.compile(r"[\s、，,;；/／|｜]+")
# A lead-in: an optional outlet ("本报", "新华社"), the role word, an optional colon or slash.
_LEAD = re.compile(
    rf"^[(（【\[]?(?:(?:[{_HAN}]{{0,6}}?(?:记者|記者|通讯员|通訊員)|作者|撰文|执笔|執筆"
    # "文／", and a credit for text and more: "取材・文／", "写真・文：".
    rf"|(?:[{_HAN}]{{1,3}}・)?文(?=\s*[:：/／])|글(?=\s)|기자)\s*[:：/／|｜]?\s*)+"
)
# A dateline before a Korean or Chinese byline: "[서울=뉴스1]", "【新华社北京4月1日电】".
_DATELINE = re.compile(r"^\s*[\[【][^\]】]{1,30}[\]】]\s*")
# A trailing role: "홍길동 기자", "张三 报道", "山田太郎記者"; a report's place before it
# after a slash is no name ("記者陳大文／台北報導", Taiwan's 報導 as well as 報道).
_TRAIL = re.compile(
    rf"\s*(?:[/／][{_HAN}]{{1,6}}?(?=报道|報道|報導|报导))?"
    r"(?:기자|특파원|记者|記者|报道|報道|報導|报导|撰文|摄|攝)\s*[)）】\]]?$"
)
_EMAIL = re.compile(r"\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*")
_EDITOR = re.compile(r"^[(（【\[]?(?:责任编辑|責任編輯|编辑|編輯|责编|編集)")
_NAME_RUN = re.compile(_NAME)
# Where the next labelled field of a line begins: "来源：新华社 作者：张三" (source, author).
_FIELD = re.compile(rf"\s+(?=[{_HAN}{_HANGUL}]{{1,6}}\s*[:：])")
_MAX_NAMES = 8


def cjk_byline(line: str) -> tuple[str, ...] | None:
    """Authors of a CJK byline; ``()`` for a CJK role line naming nobody; None otherwise.

    >>> cjk_byline("作者：张三"), cjk_byline("新华社记者 李四 王五 报道")
    (('张三',), ('李四', '王五'))
    >>> cjk_byline("홍길동 기자 hong@example.com"), cjk_byline("今天天气很好。")
    (('홍길동',), None)
    >>> cjk_byline("文/记者 张三"), cjk_byline("[서울=뉴스1] 김철수 기자")
    (('张三',), ('김철수',))
    >>> cjk_byline("山田太郎記者"), cjk_byline("来源：新华社 作者：张三")
    (('山田太郎',), ('张三',))
    >>> cjk_byline("記者陳大文／台北報導"), cjk_byline("取材・文／山田太郎")
    (('陳大文',), ('山田太郎',))
    """
    fields = _FIELD.split(line.strip())
    if len(fields) > 1:  # the author's field among others (source, editor, date)
        line = next((field for field in fields if _LEAD.match(field)), line)
    if _EDITOR.match(line):
        return ()
    text = _EMAIL.sub(" ", line).strip()
    if not _LEAD.match(text):  # "【記者：山田太郎】" is the byline in brackets, no dateline
        text = _DATELINE.sub("", text, count=1)
    lead = _LEAD.match(text)
    if lead is not None and lead.end() == len(text):
        lead = None  # "山田太郎記者": the outlet part of a lead-in was the name before a role
    rest = text[lead.end() :] if lead else text
    trail = _TRAIL.search(rest)
    if lead is None and trail is None:
        return None
    if trail is not None:
        rest = rest[: trail.start()]
    rest = rest.strip(" ()（）【】[]")
    names = [piece for piece in _SEPARATORS.split(rest) if piece]
    if not names or len(names) > _MAX_NAMES:
        return None
    if not all(_NAME_RUN.fullmatch(name) for name in names):
        return None
    return tuple(dict.fromkeys(names))
