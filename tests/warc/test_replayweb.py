"""Our WACZ in ReplayWeb.page, in a real headless Chromium, fully offline.

`scrubwarc archive fixtures/ --wacz` through the real entry point; the viewer's static files
(the `replaywebpage` npm package: index.html, ui.js, sw.js) and the WACZ are served from
127.0.0.1, and every other request is refused. What a user sees is checked against the
WACZ's own pages.jsonl: every title in the Pages list, a word of the cleaned text found by
the search, and the first sentence of an article rendered in the replay frame.

Needs Debian's chromium, the npm package in .ci/node/package (or $SCRUBWARC_REPLAYWEB) and
Playwright for Python (dev extra); `.ci/run` installs all three. Elsewhere the tests skip,
saying what is missing; under CI they fail instead, so CI cannot pass without running them.
Set $SCRUBWARC_SCREENSHOT to a path to keep the screenshot (scripts/screenshot.py does).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest

from tests.helpers import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

REPO = ROOT
VIEWER_FILES = ("index.html", "ui.js", "sw.js")
SEARCH_BOX = 'wr-page-view input[placeholder="Search by Page URL, Title, or Text"]'
COUNT = "wr-page-view .num-results"
# The count after a search reads "5 pages"; before, "100 of 117 pages Scroll for more".
SEARCH_DONE = re.compile(r"^\s*\d+ pages?\s*$")
TIMEOUT_MS = 60_000


class Site(NamedTuple):
    """The served folder's address, the WACZ's pages and the browser to open them in."""

    base: str
    pages: list[dict[str, str]]
    chromium: str
    root: Path


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser test: {reason}")
    pytest.skip(reason)


def _viewer() -> Path:
    folder = Path(os.environ.get("SCRUBWARC_REPLAYWEB", REPO / ".ci" / "node" / "package"))
    if not all((folder / name).is_file() for name in VIEWER_FILES):
        _missing(
            f"ReplayWeb.page not found in {folder} (npm pack replaywebpage@2.5.3 and untar it"
            " there, as .ci/run does, or set SCRUBWARC_REPLAYWEB)"
        )
    return folder


def _chromium() -> str:
    found = os.environ.get("SCRUBWARC_CHROMIUM") or shutil.which("chromium")
    if not found:
        _missing("chromium not found (apt-get install chromium, or set SCRUBWARC_CHROMIUM)")
    assert found is not None
    return found


def _words(text: str) -> str:
    return " ".join(text.split())


class _Handler(http.server.SimpleHTTPRequestHandler):
    # Without a charset Chromium reads the UI's scripts as windows-1252: garbled glyphs.
    extensions_map = {  # noqa: RUF012 (the base class declares it so)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".wacz": "application/wacz",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    viewer = _viewer()
    chromium = _chromium()
    root = tmp_path_factory.mktemp("replayweb")
    done = subprocess.run(
        [sys.executable, "-m", "scrubwarc", "archive", str(REPO / "fixtures"), "-q",
         "-o", str(root / "news.warc.gz"), "--wacz"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name in VIEWER_FILES:
        shutil.copyfile(viewer / name, root / name)
    with zipfile.ZipFile(root / "news.wacz") as wacz:
        lines = wacz.read("pages/pages.jsonl").decode("utf-8").splitlines()
        index = wacz.read("indexes/index.cdxj").decode("utf-8").splitlines()
    pages = [json.loads(line) for line in lines[1:]]
    html = {json.loads(line.split(" ", 2)[2])["url"] for line in index if "text/html" in line}
    for page in pages:
        page["html"] = "yes" if page["url"] in html else ""
    handler = functools.partial(_Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_port}", pages, chromium, root)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python not installed (pip install -e '.[dev]')")
    with sync_playwright() as driver:
        # Never `playwright install`: it downloads a browser. Debian's chromium does.
        launched = driver.chromium.launch(executable_path=site.chromium, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def viewer(site: Site, browser: Browser) -> Iterator[Page]:
    """ReplayWeb.page with the archive loaded, in a fresh profile; nothing leaves 127.0.0.1."""
    base = site.base
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(base + "/") else route.abort()
        ),
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{base}/index.html?source=news.wacz")
    page.locator("wr-page-entry .page-title").first.wait_for()
    try:
        yield page
    finally:
        context.close()


def _shown_count(page: Page) -> str:
    return _words(" ".join(page.locator(COUNT).first.all_text_contents()))


def _first_sentence(page: dict[str, str]) -> str:
    """The first sentence of the article below its heading (title, byline, date lines)."""
    for paragraph in page["text"].split("\n\n"):
        text = _words(paragraph)
        if len(text.split()) >= 8 and text != _words(page["title"]):
            match = re.match(r".+?[.!?](?=\s|$)", text)
            return match.group(0) if match else text
    raise AssertionError(f"no text in {page['url']}")


def _article(pages: list[dict[str, str]]) -> dict[str, str]:
    """An HTML article with a URL and the most text: the one a user would open."""
    candidates = [p for p in pages if p["html"] and p["url"].startswith("http") and p["text"]]
    assert candidates, "the fixtures have no HTML article with a URL"
    return max(candidates, key=lambda p: (len(p["text"]), p["url"]))


def _search_word(article: dict[str, str], pages: list[dict[str, str]]) -> str:
    """A word of the article's cleaned text that no title or URL holds: found only by text."""
    elsewhere = " ".join(p["title"] + " " + p["url"] for p in pages).lower()
    words: set[str] = {
        w for w in re.findall(r"[^\W\d_]{6,}", article["text"].lower()) if w not in elsewhere
    }
    assert words, f"every long word of {article['url']} is also in a title or URL"
    return min(words, key=lambda w: (sum(w in p["text"].lower() for p in pages), w))


def test_pages_list_shows_every_title(viewer: Page, site: Site) -> None:
    pages = site.pages
    assert len(pages) > 100  # so the list has to be scrolled, as a user would
    titles = viewer.locator("wr-page-entry .page-title")
    for _ in range(20):
        if titles.count() >= len(pages):
            break
        viewer.locator("wr-page-entry").last.scroll_into_view_if_needed()
        viewer.mouse.move(640, 600)
        viewer.mouse.wheel(0, 20_000)
        viewer.wait_for_timeout(300)
    assert _shown_count(viewer) == f"{len(pages)} pages"
    shown = Counter(_words(t) for t in titles.all_text_contents())
    assert shown == Counter(_words(p["title"]) for p in pages)


def test_search_by_text_then_open_the_article(viewer: Page, site: Site, tmp_path: Path) -> None:
    pages = site.pages
    article = _article(pages)
    word = _search_word(article, pages)
    from playwright.sync_api import expect

    viewer.locator(SEARCH_BOX).fill(word)
    expect(viewer.locator(COUNT).first).to_have_text(SEARCH_DONE)
    found = int(_shown_count(viewer).split()[0])
    assert found >= 1, (word, _shown_count(viewer))  # the article is found
    assert found < len(pages), (word, _shown_count(viewer))  # and the search narrows
    entry = viewer.locator("wr-page-entry", has_text=article["url"]).first
    entry.locator(".page-title").click()
    frame = viewer.frame_locator("wr-coll-replay iframe")
    sentence = _first_sentence(article)
    frame.locator("body").wait_for()
    frame.get_by_text(sentence[:40]).first.wait_for()
    assert sentence in _words(frame.locator("body").inner_text())
    shot = Path(os.environ.get("SCRUBWARC_SCREENSHOT") or tmp_path / "replayweb.png")
    viewer.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_search_for_an_absent_word_finds_nothing(viewer: Page, site: Site) -> None:
    pages = site.pages
    absent = "zyxwvutsrq"
    assert not any(absent in json.dumps(p).lower() for p in pages)
    from playwright.sync_api import expect

    viewer.locator(SEARCH_BOX).fill(absent)
    expect(viewer.locator(COUNT).first).to_have_text(SEARCH_DONE)
    assert _shown_count(viewer) == "0 pages"
    assert viewer.locator("wr-page-entry").count() == 0


def test_the_readme_recipe_opens_the_archive(site: Site, browser: Browser, tmp_path: Path) -> None:
    """The README's second line as a user types it: Python's own server, no charset set."""
    folder = tmp_path / "package"
    folder.mkdir()
    for name in VIEWER_FILES:
        shutil.copyfile(_viewer() / name, folder / name)
    shutil.copyfile(site.root / "news.wacz", folder / "news.wacz")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "-b", "127.0.0.1", "-d", str(folder), str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    context = browser.new_context()
    try:
        base = f"http://127.0.0.1:{port}"
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base + "/") else route.abort()
            ),
        )
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        for _ in range(50):  # the server takes a moment to listen
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            page.wait_for_timeout(100)
        page.goto(f"{base}/?source=news.wacz")
        page.locator("wr-page-entry .page-title").first.wait_for()
        assert f"of {len(site.pages)} pages" in _shown_count(page)
    finally:
        context.close()
        server.terminate()
        server.wait()
