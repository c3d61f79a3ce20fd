"""What a crawl's capture holds, from its HTTP head: its media type and charset, and whether
it can be an article (2xx HTML or text) or, if not, the category the summary counts it in."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

__all__ = ["media_type", "page_kind", "status_reason"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain", ""})  # no type: the bytes decide
_NOT_PAGES = {".js": "script", ".mjs": "script", ".css": "stylesheet", ".json": "other type"}
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
# An item of a comma-separated header value; a quoted string may hold a comma.
_LIST_ITEM = re.compile(r'(?:[^,"]|"(?:[^"\\]|\\.)*"?)+')


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """The media type and charset of a Content-Type value, read as browsers read it (Fetch,
    "extract a MIME type"): of a list (headers a server or proxy joined with commas), the
    last type; its charset, or that of the type before if the same type without one.

    >>> media_type('Text/HTML; charset="UTF-8"'), media_type("text/html, text/html;charset=x")
    (('text/html', 'UTF-8'), ('text/html', 'x'))
    >>> media_type("text/html;charset=gbk, text/html"), media_type('text/plain;x="a,b"')
    (('text/html', 'gbk'), ('text/plain', None))
    """
    media, charset = "", None
    for part in _LIST_ITEM.findall(content_type or ""):
        essence = part.partition(";")[0].strip().lower()
        if not essence or essence == "*/*":
            continue
        found = _CHARSET.search(part)
        if essence != media:
            charset = None
        media, charset = essence, found.group(1) if found else charset
    return media, charset


def page_kind(url: str, media: str) -> tuple[bool | None, str | None]:
    """(html, None) for an article's type, else (None, the non-article category)."""
    if media in _HTML_TYPES:
        return True, None
    if media in _TEXT_TYPES:
        path = PurePosixPath(urlsplit(url).path)
        if path.name == "robots.txt":
            return None, "robots.txt"
        category = _NOT_PAGES.get(path.suffix.lower())
        return (None, category) if category else (None if media == "" else False, None)
    if media.startswith("image/"):
        return None, "image"
    if "javascript" in media or "ecmascript" in media:
        return None, "script"
    if media == "text/css":
        return None, "stylesheet"
    return None, "other type"


def status_reason(status: int) -> str | None:
    """Why a capture of this HTTP status is no article; None for a 2xx that may be one."""
    if 200 <= status < 300:
        # 204 has no body; 206 is a range of one, not the page.
        return {204: "empty response", 206: "partial content"}.get(status)
    if status == 304:
        return "not modified"
    if 300 <= status < 400:
        return "redirect"
    if 400 <= status < 600:
        return "error page"
    return "not a 2xx response"
