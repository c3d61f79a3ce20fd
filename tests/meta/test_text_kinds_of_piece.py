"""A label of the kind of piece above a text's headline, in any case (``Opinion``,
``Analysis:``, ``Meinung``), is no title; alone above the body, it still is the first line."""

from __future__ import annotations

import pytest

from scrubwarc import process_article

BODY = "\n\n".join(["The council met on Tuesday to discuss the budget, and members argued."] * 5)


def title(head: str) -> str | None:
    return process_article(f"{head}\n\n{BODY}".encode(), "a.txt").metadata.title


@pytest.mark.parametrize(
    "label", ["Opinion", "Analysis:", "Review", "Fact check", "Meinung", "Opinión"]
)
def test_a_kind_of_piece_above_the_headline(label: str) -> None:
    assert title(f"{label}\n\nWhy the rain will not stop\n\nBy Ann Lee") == (
        "Why the rain will not stop"
    )


@pytest.mark.parametrize("head", ["Storms\n\nWhy the rain will not stop", "Opinion\n\nBy Ann Lee"])
def test_a_word_that_names_no_kind_of_piece_or_a_label_over_no_headline(head: str) -> None:
    assert title(head) == head.split("\n")[0]
