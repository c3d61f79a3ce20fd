"""Text fidelity of extraction: the article's words as a reader sees them, exactly.

F1 over words hides these faults (a ruby reading glued into a word, a space inside a Chinese
sentence, a table's row scattered over paragraphs); each page here checks the text itself.
"""

from __future__ import annotations

import pytest

from scrubwarc.read.html import extract_text, parse_document

P = "<p>{} sentence of the story, with enough words and commas, to read like real prose.</p>"


def _story(n: int, label: str = "Story") -> str:
    return "".join(P.format(f"{label} {i}") for i in range(n))


def _text(body: str) -> str:
    nav = "<nav>" + "".join(f"<a href=/s{i}>Section {i}</a>" for i in range(8)) + "</nav>"
    page = f"<html><body>{nav}{body}<footer>(c) Site</footer></body></html>"
    return extract_text(parse_document(page.encode()))


def test_a_ruby_reading_is_not_read_into_the_line() -> None:
    line = "<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>の文章{}です。" \
        "これは十分に長い日本語の文章であり、本文として扱われるべきものです。</p>"  # fmt: skip
    text = _text("<article>" + "".join(line.format(i) for i in range(4)) + "</article>")
    assert text.split("\n\n")[0] == ("漢字の文章0です。これは十分に長い日本語の文章であり、"
                                     "本文として扱われるべきものです。")  # fmt: skip


def test_a_source_line_break_between_cjk_characters_adds_no_space() -> None:
    line = (
        "<p>这是文章的第{}句话，\n  内容足够长以便\n被认为是<b>正文</b>\n。这是更多的文字内容。</p>"
    )
    text = _text("<article>" + "".join(line.format(i) for i in range(5)) + "</article>")
    assert (
        text.split("\n\n")[0]
        == "这是文章的第0句话，内容足够长以便被认为是正文。这是更多的文字内容。"
    )


def test_a_source_line_break_beside_latin_or_hangul_is_a_space() -> None:
    body = (
        f"<article>{_story(3)}<p>Tokyo\n東京 and 東京\nTokyo, 한국\n어 and 中文<br>中文.</p>"
        "</article>"
    )
    assert _text(body).split("\n\n")[-1] == "Tokyo 東京 and 東京 Tokyo, 한국 어 and 中文\n中文."


def test_an_article_shown_only_in_noscript_is_read() -> None:
    text = _text(f"<article><noscript>{_story(4)}</noscript></article>")
    assert text.split("\n\n")[3] == P.format("Story 3")[3:-4]


def test_a_noscript_notice_is_not_an_article() -> None:
    text = _text(
        "<div id='app'></div><noscript>Please enable JavaScript to use this site.</noscript>"
    )
    assert text == ""


def test_a_data_table_keeps_its_rows() -> None:
    table = (
        "<table><thead><tr><th>Company</th><th>Rating</th></tr></thead>\n<tbody>\n"
        "<tr>\n <td><a href=/zip>Zip</a></td>\n <td>4.58 overall rating</td>\n</tr>\n"
        "<tr><td>Lifestyle Moving</td><td></td></tr>\n"
        "<tr><td> </td><td> </td></tr></tbody></table>"
    )
    text = _text(f"<article>{_story(3)}{table}{_story(1, 'After')}</article>")
    rows = "Company\tRating\nZip\t4.58 overall rating\nLifestyle Moving\t"
    assert f"prose.\n\n{rows}\n\nAfter 0" in text


def test_a_layout_table_keeps_its_paragraphs() -> None:
    table = (
        f"<table><tr><td>{_story(2, 'Left')}</td><td>Side note</td></tr>"
        f"<tr><td>{_story(2, 'Below')}</td><td>x</td></tr></table>"
    )
    paragraphs = _text(f"<article>{table}</article>").split("\n\n")
    assert paragraphs[:2] == [P.format(f"Left {i}")[3:-4] for i in range(2)]
    assert "Side note" in paragraphs and "\t" not in "".join(paragraphs)


def test_an_amp_ad_or_share_bar_is_not_text() -> None:
    body = (
        f"<article>{_story(2)}<amp-ad type='a'><div placeholder>Advertisement</div></amp-ad>"
        "<amp-social-share type='twitter'>Tweet</amp-social-share>"
        "<amp-img src='x.jpg' alt='A photo'></amp-img>"
        f"{_story(1, 'After')}</article>"
    )
    paragraphs = _text(body).split("\n\n")
    assert paragraphs[1:] == [P.format(s)[3:-4] for s in ("Story 1", "After 0")]


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        (
            "<table><tr><td><p>Name</p></td><td><p><b>Score</b></p></td></tr>\n"
            "<tr><td><p>Alice</p></td><td><div><p>10</p></div></td></tr></table>",
            "Name\tScore\nAlice\t10",
        ),
        (
            "<table><tr><th><h3>Plan</h3></th><th><h4>Hours</h4></th></tr>"
            "<tr><td>Basic</td><td>Mon–Fri<br>9am–5pm</td></tr></table>",
            "Plan\tHours\nBasic\tMon–Fri 9am–5pm",
        ),
    ],
    ids=["values-in-paragraphs", "headings-and-line-breaks"],
)
def test_a_data_table_keeps_its_rows_whatever_its_cells_wrap(table: str, rows: str) -> None:
    text = _text(f"<article>{_story(3)}{table}{_story(1, 'After')}</article>")
    assert f"prose.\n\n{rows}\n\nAfter 0" in text


@pytest.mark.parametrize(
    ("table", "blocks", "lines"),
    [
        (
            "<table><tr><td><p>Name</p><p>Note</p></td><td>Score</td></tr>"
            "<tr><td><p>Alice</p></td><td>10</td></tr></table>",
            ["Name", "Note"],
            "10",
        ),
        (
            "<table><tr><td><h3>Plan</h3><p>The basic plan.</p></td><td>Hours</td></tr>"
            "<tr><td>Basic</td><td>9<br>5</td></tr></table>",
            ["Plan", "The basic plan."],
            "9\n5",
        ),
    ],
    ids=["two-paragraphs", "heading-and-paragraph"],
)
def test_a_table_cell_of_two_blocks_is_not_a_row_value(
    table: str, blocks: list[str], lines: str
) -> None:
    paragraphs = _text(f"<article>{_story(3)}{table}</article>").split("\n\n")
    assert paragraphs[3:5] == blocks and "\t" not in "".join(paragraphs)
    assert lines in paragraphs


def test_an_article_in_noscript_beside_a_loading_placeholder_is_read() -> None:
    body = f"<article><p>Loading…</p><noscript>{_story(4)}</noscript></article>"
    paragraphs = _text(body).split("\n\n")
    assert paragraphs == [P.format(f"Story {i}")[3:-4] for i in range(4)]


def test_a_declarative_shadow_root_is_read_and_a_plain_template_is_not() -> None:
    body = (
        f"<article>{_story(2)}<story-part><template shadowrootmode='open'>"
        f"{_story(1, 'Shadow')}</template></story-part>"
        f"<template id='row'><p>Template row, inert until a script clones it.</p></template>"
        f"{_story(1, 'After')}</article>"
    )
    paragraphs = _text(body).split("\n\n")
    assert paragraphs[2:] == [P.format(s)[3:-4] for s in ("Shadow 0", "After 0")]


def test_a_short_article_beside_a_long_noscript_notice_is_kept() -> None:
    notice = "Turn on JavaScript to see the interactive map and charts of this story. " * 4
    body = (
        "<article><p>The council approved the new bridge on Monday, by seven votes to two.</p>"
        f"<noscript><p>{notice}</p></noscript></article>"
    )
    assert _text(body) == "The council approved the new bridge on Monday, by seven votes to two."


def test_a_teaser_that_the_noscript_copy_holds_gives_way_to_the_copy() -> None:
    teaser = P.format("Story 0")
    body = f"<article>{teaser}<p>Loading…</p><noscript>{_story(4)}</noscript></article>"
    paragraphs = _text(body).split("\n\n")
    assert paragraphs == [P.format(f"Story {i}")[3:-4] for i in range(4)]


def test_an_ordered_list_keeps_the_numbers_a_reader_sees() -> None:
    steps = (
        "<ol><li>Preheat the oven.</li><li><p>Mix the <b>flour</b>.</p><p>Rest it.</p></li></ol>"
        "<ol start=7 type=a><li>Seventh.</li><li value=2>Second.</li></ol>"
        "<ol reversed><li>Two.</li><li>One.</li></ol>"
        "<ol><li>1. Numbered by hand.</li></ol><ul><li>A bullet.</li></ul>"
    )
    paragraphs = _text(f"<article>{_story(3)}{steps}</article>").split("\n\n")[3:]
    assert paragraphs == [
        "1. Preheat the oven.", "2. Mix the flour.", "Rest it.", "g. Seventh.", "b. Second.",
        "2. Two.", "1. One.", "1. Numbered by hand.", "A bullet.",
    ]  # fmt: skip


def test_a_list_styled_without_markers_and_an_empty_item_show_no_number() -> None:
    steps = (
        "<ol style='list-style: none'><li>Plain item.</li></ol>"
        "<ol class='w-list-unstyled'><li>Unstyled item.</li></ol>"
        "<ol><li><img></li><li>B.</li></ol>"
    )
    paragraphs = _text(f"<article>{_story(3)}{steps}</article>").split("\n\n")[3:]
    assert paragraphs == ["Plain item.", "Unstyled item.", "2. B."]


def test_a_pull_quote_repeating_the_article_is_left_out_and_one_printed_once_is_kept() -> None:
    said = "<p>She said the river rose faster than anyone in the valley had feared.</p>"
    pull = (
        "<figure class='wp-block-pullquote'><blockquote><p>“The river rose faster than anyone"
        " in the valley had feared”</p><cite>Jo Smith</cite></blockquote></figure>"
    )
    once = "<blockquote class='pullQuote'>A line printed only here, in large type.</blockquote>"
    paragraphs = _text(f"<article>{_story(2)}{pull}{said}{once}</article>").split("\n\n")
    assert paragraphs[2:] == [said[3:-4], "A line printed only here, in large type."]


def test_a_pull_quote_printed_twice_and_nowhere_else_is_kept_once_each() -> None:
    pull = "<div class='pull-quote {}'>Words the article prints only in this box.</div>"
    body = f"<article>{_story(2)}{pull.format('wide')}{pull.format('narrow')}</article>"
    assert _text(body).count("Words the article prints only in this box.") == 2


def test_an_emoji_drawn_as_an_image_reads_as_its_character() -> None:
    line = (
        "<p>We loved it <img class='emoji' alt='😀' src='/emoji/1f600.svg'> and so did "
        "the kids <img alt='👍🏽' src='t.png'>, but not the <img alt='A dog' src='d.jpg'>dog.</p>"
    )
    paragraphs = _text(f"<article>{_story(3)}{line}</article>").split("\n\n")
    assert paragraphs[3] == "We loved it 😀 and so did the kids 👍🏽, but not the dog."


def test_text_for_screen_readers_only_is_not_read() -> None:
    line = (
        "<p>Prices rose <a href=/x>in March<span class='screen-reader-text'> (opens in a new "
        "tab)</span></a> and fell<span class='visuallyhidden'> Advertisement</span> later.</p>"
    )
    paragraphs = _text(f"<article>{_story(3)}{line}</article>").split("\n\n")
    assert paragraphs[3] == "Prices rose in March and fell later."


def test_a_shadow_root_shows_its_hosts_children_where_its_slots_are() -> None:
    card = (
        "<x-card><template shadowrootmode='open'><h2><slot name='title'>Untitled</slot></h2>"
        "<div><slot></slot></div><p>The card's own closing line, drawn after the body.</p>"
        "<slot name='none'><p>Fallback line shown for an empty slot.</p></slot></template>"
        "<span slot='title'>Slotted title</span>"
        "<p>Slotted body paragraph, which the browser draws inside the card.</p>"
        "<p slot='unknown'>A child no slot takes is not drawn.</p></x-card>"
        "<x-note>Note: <template shadowrootmode='open'><slot></slot></template>read once.</x-note>"
    )
    paragraphs = _text(f"<article>{_story(2)}{card}{_story(1, 'After')}</article>").split("\n\n")
    assert paragraphs[2:] == [
        "Slotted title",
        "Slotted body paragraph, which the browser draws inside the card.",
        "The card's own closing line, drawn after the body.",
        "Fallback line shown for an empty slot.",
        "Note: read once.",
        P.format("After 0")[3:-4],
    ]


@pytest.mark.parametrize(
    "ref",
    [
        "<sup><a href='#fn1'>1</a></sup>",  # WordPress, Substack, Ghost
        "<a href='#fn1' class='footnote-ref' role='doc-noteref'><sup>1</sup></a>",  # Pandoc
        "<sup id='fnref:1'><a class='footnote-ref' href='#fn:1'>1</a></sup>",  # Hugo
        "<sup><a href='#user-content-fn-1' data-footnote-ref>1</a></sup>",  # GitHub
        "<sup class='reference'><a href='#cite_note-1'>[1]</a></sup>",  # Wikipedia
        "<a href='#note-1'><sup>1</sup></a>",  # a link around a raised number
        "<a class='footnote-anchor' href='https://x.substack.com/p/y#footnote-1'>1</a>",  # Substack
    ],
)
def test_a_footnote_reference_reads_as_a_marker_not_a_glued_number(ref: str) -> None:
    line = f"<p>A claim.{ref} More.</p>"
    paragraphs = _text(f"<article>{_story(3)}{line}</article>").split("\n\n")
    assert paragraphs[3] == "A claim.[1] More."


def test_several_footnote_references_in_one_superscript_read_as_markers() -> None:
    line = "<p>A claim.<sup><a href='#fn1'>1</a>, <a href='#fn2'>2</a></sup> More.</p>"
    paragraphs = _text(f"<article>{_story(3)}{line}</article>").split("\n\n")
    assert paragraphs[3] == "A claim.[1], [2] More."


def test_an_exponent_and_a_linked_superscript_elsewhere_stay_as_written() -> None:
    line = (
        "<p>Area grew to 3 m<sup>2</sup> and <sup><a href='/notes'>more</a></sup> on "
        "1<sup>st</sup> May.</p>"
    )
    paragraphs = _text(f"<article>{_story(3)}{line}</article>").split("\n\n")
    assert paragraphs[3] == "Area grew to 3 m2 and more on 1st May."


@pytest.mark.parametrize(
    "back",
    [
        "<a href='#fnref1' class='footnote-back' role='doc-backlink'>↩</a>",  # Pandoc
        "<a href='#fnref:1' class='reversefootnote'>&#8617;&#xfe0e;</a>",  # kramdown, Hugo
        "<a href='#user-content-fnref-1' data-footnote-backref aria-label='Back'>↩</a>",  # GitHub
        "<a href='#d62c-link' aria-label='Jump to footnote reference 1'>↩︎</a>",  # WordPress
    ],
)
def test_a_footnotes_link_back_to_its_reference_is_not_read(back: str) -> None:
    notes = (
        f"<section class='footnotes'><ol><li id='fn1'><p>The source.{back}</p></li></ol></section>"
    )
    paragraphs = _text(f"<article>{_story(3)}{notes}</article>").split("\n\n")
    assert paragraphs[3] == "1. The source."


def test_a_details_blocks_control_label_goes_and_its_content_and_headings_stay() -> None:
    blocks = (
        "<details><summary>Show more ▾</summary><p>The hidden part of the story.</p></details>"
        "<details><summary>What does the fee cover?</summary><p>Tuition and books.</p></details>"
        "<details><summary>Course materials</summary><p>A reader and a workbook.</p></details>"
    )
    paragraphs = _text(f"<article>{_story(3)}{blocks}</article>").split("\n\n")
    assert paragraphs[3:] == [
        "The hidden part of the story.",
        "What does the fee cover?",
        "Tuition and books.",
        "Course materials",
        "A reader and a workbook.",
    ]
