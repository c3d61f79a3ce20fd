"""Article extraction on hand-written pages built from the ways real pages fail.

Each page pairs the story with something that, by one class or id word, by position or by
shape, used to pull extraction the wrong way. The assertions name the story's sentences.
"""

from __future__ import annotations

from pathlib import Path

from scrubwarc.read import blocks
from scrubwarc.read.html import choose_encoding, explain_page, extract_text, parse_document
from tests.helpers import run_process

# Prose with commas and full stops, long enough to vote as article text.
P = "<p>{} sentence of the story, with enough words and commas, to read like real prose.</p>"


def _story(n: int, label: str = "Story") -> str:
    return "".join(P.format(f"{label} {i}") for i in range(n))


def _page(body: str) -> bytes:
    nav = "<nav>" + "".join(f"<a href=/s{i}>Section {i}</a>" for i in range(8)) + "</nav>"
    return f"<html><body>{nav}{body}<footer>(c) Site</footer></body></html>".encode()


def test_a_section_slugged_sharing_is_not_a_share_bar() -> None:
    page = _page(
        "<article><h1>Working alone</h1>"
        f"<section id='intro'>{_story(2, 'Intro')}</section>"
        f"<section id='sharing-with-a-single-developer'><h2>Sharing with a single developer</h2>"
        f"{_story(8, 'Sharing')}</section></article>"
    )
    text = extract_text(parse_document(page))
    assert "Sharing 7 sentence" in text and "Intro 0 sentence" in text
    assert "Sharing with a single developer" in text


def test_a_share_bar_is_still_dropped() -> None:
    page = _page(
        f"<article>{_story(5)}<div class='share-buttons'><a href=/f>Facebook</a>"
        "<a href=/t>Twitter</a></div></article>"
    )
    text = extract_text(parse_document(page))
    assert "Story 4 sentence" in text and "Facebook" not in text


def test_how_to_steps_as_sibling_sections_are_kept_together() -> None:
    steps = "".join(
        f"<section class='step'><h2>Step {i}</h2>{_story(2, f'Step{i}')}</section>"
        for i in range(1, 7)
    )
    page = _page(f"<main><h1>How to plant garlic</h1><div class='intro'>{_story(1, 'Intro')}"
                 f"</div>{steps}</main>")  # fmt: skip
    text = extract_text(parse_document(page))
    for i in range(1, 7):
        assert f"Step{i} 1 sentence" in text, i
    assert "Intro 0 sentence" in text


def test_a_gallery_and_a_promo_beside_the_story_lose() -> None:
    gallery = "<div class='gallery'>" + "".join(
        f"<figure><img src=/g{i}.jpg><figcaption>Slide {i}: a caption, of a photo.</figcaption>"
        "</figure>" for i in range(30)
    ) + "</div>"  # fmt: skip
    promo = (
        "<aside class='promo'><p>Subscribe today, and save, on every issue of the magazine.</p>"
        "</aside>"
    )
    page = _page(
        f"<div class='wrap'>{gallery}<article><h1>Rain</h1>{_story(6)}</article>{promo}</div>"
    )
    text = extract_text(parse_document(page))
    assert "Story 5 sentence" in text
    assert "Slide" not in text and "Subscribe" not in text


def test_a_page_builders_widget_wrappers_are_layout_not_chrome() -> None:
    widgets = "".join(
        f"<div class='elementor-widget elementor-widget-text-editor elementor-element-{i:04x}'>"
        f"<div class='elementor-widget-container'>{_story(2, f'Part{i}')}</div></div>"
        for i in range(5)
    )
    page = _page(f"<div class='elementor'>{widgets}</div>")
    text = extract_text(parse_document(page))
    for i in range(5):
        assert f"Part{i} 1 sentence" in text


def test_a_header_wrapped_around_the_story_is_kept() -> None:
    page = _page(f"<main><header class='post'><h1>Title</h1>{_story(6)}</header>"
                 "<div class='related'><a href=/a>Another story</a></div></main>")  # fmt: skip
    text = extract_text(parse_document(page))
    assert "Story 0 sentence" in text and "Story 5 sentence" in text


def test_dropped_blocks_are_reported_with_reasons() -> None:
    page = _page(
        f"<article>{_story(5)}<div class='newsletter-signup'>Sign up for our newsletter.</div>"
        "<ul class='links'>" + "".join(f"<li><a href=/r{i}>Related {i}</a></li>" for i in range(6))
        + "</ul></article>"
    )  # fmt: skip
    doc = parse_document(page)
    found = blocks.extract(doc)
    assert "Story 4 sentence" in "\n".join(found.paragraphs)
    reasons = {d.text.split()[0]: d.reason for d in found.dropped}
    assert reasons["Sign"].startswith("class/id")
    assert reasons["Related"].startswith("links")
    _, dropped = explain_page(page, doc)
    assert dropped == found.dropped


def test_utf8_bytes_declaring_gb2312_are_read_as_utf8() -> None:
    page = '<meta charset="gb2312"><title>新闻</title><p>这是一篇新闻报道，内容很长。</p>'.encode()
    choice = choose_encoding(page)
    assert (choice.codec, choice.declared, choice.reason) == (
        "utf-8",
        "gb2312",
        "utf-8 over declared",
    )
    assert "这是一篇新闻报道" in parse_document(page).text_content()


def test_real_gb2312_bytes_keep_their_declaration() -> None:
    page = '<meta charset="gb2312"><p>这是一篇新闻报道，内容很长。</p>'.encode("gb2312")
    choice = choose_encoding(page)
    assert (choice.codec, choice.reason) == ("gb18030", "declared")
    assert "这是一篇新闻报道" in parse_document(page).text_content()


def test_collapsed_accordion_panels_are_kept_and_hidden_pop_ups_dropped() -> None:
    panels = "".join(
        f"<button aria-controls='p{i}' aria-expanded='false'>Step {i}</button>"
        f"<div id='p{i}' role='region' aria-labelledby='b{i}' style='display:none'>"
        f"{_story(2, f'Panel{i}')}</div>"
        for i in range(3)
    )
    tab = f"<div role='tabpanel' hidden>{_story(1, 'Tab')}</div>"
    modal = f"<div role='dialog' aria-labelledby='t' hidden>{_story(1, 'Modal')}</div>"
    mobile = f"<div style='display: none'>{_story(1, 'Copy')}</div>"
    page = _page(f"<article><h1>Going solar</h1>{_story(3)}{panels}{tab}{modal}{mobile}</article>")
    text = extract_text(parse_document(page))
    assert all(f"Panel{i} 1 sentence" in text for i in range(3)) and "Tab 0" in text
    assert "Modal 0" not in text and "Copy 0" not in text


def test_hidden_blocks_and_chrome_ids_are_dropped_whichever_attribute_says_so() -> None:
    """Each attribute the walk reads, alone on its block (it reads them from one list of names)."""
    blocks_ = (
        f"<div hidden>{_story(1, 'Hidden')}</div>"
        f"<div aria-hidden='true'>{_story(1, 'AriaHidden')}</div>"
        f"<div aria-hidden='false'>{_story(1, 'AriaShown')}</div>"
        f"<div style='visibility: hidden'>{_story(1, 'Invisible')}</div>"
        f"<div id='newsletter'>{_story(1, 'Signup')}</div>"
        f"<div class='newsletter'>{_story(1, 'Promo')}</div>"
    )
    page = _page(f"<article><h1>Going solar</h1>{_story(6)}{blocks_}</article>")
    text = extract_text(parse_document(page))
    assert "Story 5 sentence" in text and "AriaShown 0 sentence" in text
    for gone in ("Hidden", "AriaHidden", "Invisible", "Signup", "Promo"):
        assert f"{gone} 0" not in text


def test_listicle_items_as_articles_are_kept_and_teaser_cards_dropped() -> None:
    items = "".join(
        f"<article class='product'><h2>Pick {i}</h2>{_story(10, f'Pick{i}')}</article>"
        for i in range(3)
    )
    cards = "".join(
        f"<article class='card'><h3><a href=/r{i}>Other story {i}</a></h3>"
        f"<p>A line about it.</p></article>"
        for i in range(3)
    )
    page = _page(f"<article><h1>Best scooters</h1>{_story(2)}{items}"
                 f"<section>{cards}</section></article>")  # fmt: skip
    text = extract_text(parse_document(page))
    assert all(f"Pick{i} 9 sentence" in text for i in range(3))
    assert "Other story" not in text and "A line about it" not in text


def test_a_highlighters_comment_tokens_in_code_are_kept() -> None:
    code = (
        "<pre><code class='hljs bash'><span class='hljs-comment'># initialize the repo</span>\n"
        "git init\n<span class='comment'># stage every file</span>\ngit add .</code></pre>"
    )
    page = _page(f"<article>{_story(4)}{code}{_story(2, 'After')}</article>")
    text = extract_text(parse_document(page))
    assert "# initialize the repo" in text and "# stage every file" in text
    assert "git add" in text and "After 1 sentence" in text


def test_preformatted_text_keeps_its_lines_and_indentation() -> None:
    # A code sample or a text diagram in <pre> is read as the page shows it, line by line, as
    # a fenced block; prose around it, and code inline in prose, still flow as one line each.
    code = (
        "<pre><code>def area(r):\n    return 3.14 * r * r\n\nprint(area(2))\n</code></pre>"
        "<pre>Working Directory  →  Staging Area\n   (modified)         (staged)</pre>"
        "<pre>```js\nlet a = 1;\n```\n}</pre>"
    )
    inline = "<p>Call <code>area</code>\nwith a radius,\nas here, to get the area.</p>"
    page = _page(f"<article>{_story(4)}{code}{inline}{_story(2, 'After')}</article>")
    text = extract_text(parse_document(page))
    assert "\n```\ndef area(r):\n    return 3.14 * r * r\n\nprint(area(2))\n```\n" in text
    assert "\n```\nWorking Directory  →  Staging Area\n   (modified)         (staged)\n```" in text
    assert "\n````\n```js\nlet a = 1;\n```\n}\n````\n" in text
    assert "Call area with a radius, as here, to get the area." in text


def test_code_lines_that_look_like_residue_survive_cleaning(tmp_path: Path) -> None:
    # Through the real command: a closing tag, a brace, a '---' and a tracking query alone on
    # their lines of a <pre> are the page's code, and stay as the page shows them.
    code = "<pre>&lt;ul&gt;\n  &lt;li&gt;x&lt;/li&gt;\n&lt;/ul&gt;\n\n}\n\n---\n?utm_source=x</pre>"
    page = tmp_path / "page.html"
    page.write_bytes(_page(f"<article>{_story(4)}{code}{_story(2, 'After')}</article>"))
    out = run_process("clean", str(page)).stdout
    assert "\n```\n<ul>\n  <li>x</li>\n</ul>\n\n}\n\n---\n?utm_source=x\n```\n" in out


def test_a_comment_thread_after_code_is_still_dropped() -> None:
    thread = "<div class='comments'>" + _story(3, "Reader") + "</div>"
    page = _page(f"<article>{_story(4)}<pre><code>git init</code></pre>{thread}</article>")
    text = extract_text(parse_document(page))
    assert "git init" in text and "Reader 0" not in text


def test_a_content_named_box_with_one_line_does_not_outvote_the_article() -> None:
    # Page builders name every box "text-content"; the story sits in plain layout cells, and
    # a long menu of links beside both keeps the page as a whole from being the article.
    line = "<p>Last updated: November 13, 2025</p>"
    box = f"<div class='wrap'><div class='text-content'>{line}</div></div>"
    cells = "".join(f"<div class='cell'><div>{P.format(f'Part {i}')}</div></div>" for i in range(6))
    menu = (
        "<div class='list'>"
        + "".join(f"<a href=/m{i}>Menu entry {i}</a> " for i in range(60))
        + "</div>"
    )
    page = _page(f"{box}<div class='layout'><table><tr><td>{cells}</td></tr></table></div>{menu}")
    text = extract_text(parse_document(page))
    assert "Part 0 sentence" in text and "Part 5 sentence" in text


def test_a_footer_beside_main_is_never_the_article_however_long() -> None:
    # A short page in <main>; a footer of disclaimers holding most of the page's prose.
    disclaimers = _story(8, "Disclaimer")
    page = _page(
        f"<main><h1>Screening renters</h1>{_story(2)}</main><footer>{disclaimers}</footer>"
    )
    text = extract_text(parse_document(page))
    assert "Story 1 sentence" in text and "Disclaimer" not in text


def test_a_footer_holding_the_story_on_a_page_without_main_is_still_read() -> None:
    page = _page(f"<div><footer class='site'>{_story(8)}</footer></div>")
    assert "Story 7 sentence" in extract_text(parse_document(page))


def test_an_article_of_product_cards_is_read_whole_not_its_closing_note() -> None:
    # A round-up: each card's review sits three wrappers deep beside a list of specs, and a
    # comma-heavy closing note outvotes every single card.
    specs = "<ul>" + "".join(f"<li>Spec {i}: {i * 7} cm</li>" for i in range(12)) + "</ul>"
    cards = "".join(
        f"<div class='card'><div><div><h3>Pick {n}</h3>{specs}{P.format(f'Pick {n}')}"
        f"{P.format(f'Pick {n} more')}</div></div></div>"
        for n in range(5)
    )
    note = "<p>" + "Prices, stock, colours, sizes, offers, " * 12 + "may change.</p>"
    page = _page(f"<div class='round-up'>{_story(2, 'Intro')}{cards}<div>{note}</div></div>")
    text = extract_text(parse_document(page))
    assert "Intro 0 sentence" in text and "Pick 4 more sentence" in text


def test_the_parts_of_a_story_nested_deep_in_page_builder_rows_are_kept_together() -> None:
    # Each part sits in its own row, eight wrappers down, in a body block built the same way.
    def row(part: int) -> str:
        body = f"<div class='text-body'>{_story(3 + part, f'Part {part}')}</div>"
        return "<div class='row'>" + "<div>" * 8 + body + "</div>" * 8 + "</div>"

    ad = "<div class='row'><div><a href=/x>Sponsored: a great offer</a></div></div>"
    page = _page(row(0) + ad + row(1) + ad + row(2))
    text = extract_text(parse_document(page))
    assert all(f"Part {n} 0 sentence" in text for n in range(3))
    assert "Sponsored" not in text
