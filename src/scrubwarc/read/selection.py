"""Which subtree of a page holds the article.

Readability-style: text blocks vote for their ancestors (more and longer sentences, more votes),
votes are discounted by link density, and the winner is widened to the ancestor that holds the
article's prose, with its article-like siblings and the parts of an article split by a page
builder. Nothing here modifies the tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from scrubwarc.read.hints import (
    CHROME_TAGS,
    COMMENT_RE,
    DROP_TAGS,
    Element,
    chrome_chain,
    chrome_words,
    class_weight,
    direct_text,
    element_hints,
    element_text,
    is_chrome,
    letters,
    link_density,
    measured_len,
)

__all__ = ["main_content"]

# Shorter blocks are captions, labels and buttons: they do not vote.
_MIN_VOTER_LEN = 25
_VOTERS = ("p", "pre", "td", "div", "blockquote", "li", "dd")
_DIRECT_TEXT_VOTERS = frozenset({"div", "td", "li", "dd", "blockquote"})
_SENTENCE_END_RE = re.compile(r"[.!?。！？]['\"”’)]?\s*$")

# A chrome-looking wrapper holding more than this share of the page's prose is layout.
_LAYOUT_SHARE = 0.6
# A chrome word on the wrappers of this share of the page's prose is the page's layout vocabulary.
_WORD_SHARE = 0.4
# How far up ``_widen`` looks, and what a character of non-prose costs against one of prose.
_WIDEN_LEVELS = 8
_OTHER_COST = 1.5
# An ancestor holding this many times the prose, and more prose than else, holds the article.
_SPLIT_GAIN = 3
# How far above the top candidate the parts of a split article may meet: page builders nest
# each part eight or more wrappers down its own row.
_CHUNK_LEVELS = 10

# Readability's head start by tag: containers of prose up, lists and forms down.
_TAG_PRIOR = {
    "article": 10.0, "main": 5.0, "div": 5.0, "section": 3.0, "pre": 3.0, "td": 3.0,
    "blockquote": 3.0, "ol": -3.0, "ul": -3.0, "li": -3.0, "dl": -3.0, "form": -3.0, "th": -5.0,
}  # fmt: skip


class _Votes(NamedTuple):
    scores: dict[Element, float]
    layout: frozenset[str]
    prose: dict[Element, int]  # characters of voting prose under each element, at any depth


def _votes(doc: Element) -> _Votes:
    """Each text block votes for its parent, and less for grandparents, by how prose-like it is.

    Blocks inside page chrome do not vote, but a chrome-looking wrapper that holds most of the
    page's prose is a layout wrapper ("page-ad-margins", an off-canvas "pusher"), not chrome; so
    is a class that wraps most of the prose in many pieces (a page builder's
    "elementor-widget-container" around every paragraph). Those classes are returned too, so
    the walk does not drop them either. Comment sections never earn that pardon: a long thread
    can outweigh a short story.
    """
    memo: dict[Element, tuple[Element, ...]] = {}
    prose: dict[Element, int] = {}
    by_hints: dict[str, int] = {}
    # Chains are shared tuples (kept alive by ``memo``): what follows from one is worked out once.
    chain_words: dict[int, frozenset[str]] = {}
    blocks: list[tuple[Element, float, int, tuple[Element, ...]]] = []
    total = 0
    for block in doc.iter(*_VOTERS):
        text = direct_text(block) if block.tag in _DIRECT_TEXT_VOTERS else element_text(block)
        if len(text) < _MIN_VOTER_LEN:  # cheap pre-check: most elements are empty wrappers
            continue
        length = letters(text)
        if length < _MIN_VOTER_LEN:
            continue
        chrome = chrome_chain(block, memo)
        total += length
        for wrapper in chrome:
            prose[wrapper] = prose.get(wrapper, 0) + length
        words = chain_words.get(id(chrome))
        if words is None:
            words = frozenset(word for w in chrome for word in chrome_words(element_hints(w)))
            chain_words[id(chrome)] = words
        for word in words:
            by_hints[word] = by_hints.get(word, 0) + length
        commas = text.count(",")
        if not text.isascii():  # constant time: a full-width comma needs a non-ASCII text
            commas += text.count("，")
        vote = 1.0 + commas + min(length / 100.0, 3.0)
        blocks.append((block, vote, length, chrome))
    pardon = total * _LAYOUT_SHARE
    beside = _beside_main(doc, prose.keys())  # ``prose`` has every chrome wrapper of a block
    layout = frozenset(
        w for w, n in by_hints.items() if n >= total * _WORD_SHARE and not COMMENT_RE.search(w)
    )
    scores: dict[Element, float] = {}
    under: dict[Element, int] = {}
    excluded: dict[int, bool] = {}
    for block, vote, length, chrome in blocks:
        out = excluded.get(id(chrome))
        if out is None:
            out = excluded[id(chrome)] = any(
                ((prose[w] < pardon or w in beside) and is_chrome(w, layout))
                or COMMENT_RE.search(element_hints(w))
                for w in chrome
            )
        if out:
            continue
        under[block] = under.get(block, 0) + length
        node = block if block.tag in _DIRECT_TEXT_VOTERS else block.getparent()
        for divisor in (1.0, 2.0, 3.0):
            if node is None or not isinstance(node.tag, str):
                break
            scores[node] = scores.get(node, 0.0) + vote / divisor
            node = node.getparent()
    # Each block's prose counts for all its ancestors too. ``memo`` holds every ancestor of
    # every block, each after its parent: backwards, children are summed before parents.
    for node in reversed(memo):
        count = under.get(node)
        if count:
            parent = node.getparent()
            if parent is not None:
                under[parent] = under.get(parent, 0) + count
    # Tag and name count once a candidate's prose is known.
    for node in scores:
        prior = _TAG_PRIOR.get(str(node.tag), 0.0)
        scores[node] += prior + class_weight(node, layout, under.get(node, 0))
    return _Votes(scores, layout, under)


def _beside_main(doc: Element, wrappers: Iterable[Element]) -> set[Element]:
    """The chrome-tag wrappers (``<footer>``, ``<aside>``...) outside the page's ``<main>``:
    the page itself says they are not its content, however much text they hold."""
    main = next(doc.iter("main"), None)
    if main is None:
        return set()
    around = set(main.iterancestors())
    return {
        w
        for w in wrappers
        if w.tag in CHROME_TAGS and w not in around and main not in set(w.iterancestors())
    }


class _Scores:
    """Votes discounted by link density, computed only for the candidates that get asked about:
    measuring link text means walking each candidate's whole subtree."""

    __slots__ = ("_final", "_lengths", "votes")

    def __init__(self, votes: dict[Element, float], lengths: dict[Element, int]) -> None:
        self.votes = votes
        self._lengths = lengths
        self._final: dict[Element, float] = {}

    def __contains__(self, el: Element) -> bool:
        return el in self.votes

    def __getitem__(self, el: Element) -> float:
        value = self._final.get(el)
        if value is None:
            density = link_density(el, measured_len(el, self._lengths))
            value = self._final[el] = self.votes.get(el, 0.0) * (1.0 - density)
        return value

    def top(self) -> Element:
        """The best candidate; a discount only lowers a positive vote, so stop early."""
        best: Element | None = None
        best_value = 0.0
        for el in sorted(self.votes, key=self.votes.__getitem__, reverse=True):
            if best is not None and self.votes[el] <= best_value:
                break
            value = self[el]
            if best is None or value > best_value:
                best, best_value = el, value
        assert best is not None
        return best


def _siblings(top: Element, scores: _Scores) -> list[Element]:
    """``top`` and those of its siblings that read like more of the same article."""
    parent = top.getparent()
    if parent is None:
        return [top]
    top_score = scores[top]
    threshold = max(10.0, top_score * 0.2)
    top_class = top.get("class")
    chosen: list[Element] = []
    for sibling in parent:
        if sibling is top:
            chosen.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or sibling.tag in DROP_TAGS:
            continue
        bonus = top_score * 0.2 if top_class and sibling.get("class") == top_class else 0.0
        if sibling in scores and scores[sibling] + bonus >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p":
            text = element_text(sibling)
            length = letters(text)
            density = link_density(sibling, length)
            if (length > 80 and density < 0.25) or (
                length > 0 and density == 0 and _SENTENCE_END_RE.search(text)
            ):
                chosen.append(sibling)
    return chosen


def _chunks(top: Element, scores: _Scores) -> list[Element]:
    """Containers built like ``top`` (same tag and class) near it: an article split into parts.

    Sites interleave ads and callouts by closing the body container and opening an identical
    one; sibling merging misses the parts when each sits in its own wrapper.
    """
    top_class = top.get("class")
    if not top_class:
        return []
    nearby = list(top.iterancestors())[:_CHUNK_LEVELS]
    if not nearby:
        return []
    floor = max(10.0, scores[top] * 0.1)
    found: list[Element] = []
    for el in scores.votes:
        if el is top or el.tag != top.tag or el.get("class") != top_class or scores[el] < floor:
            continue
        ancestors = set(el.iterancestors())
        if top in ancestors or el in nearby:
            continue
        if any(a in ancestors for a in nearby):
            found.append(el)
    return found


def _widen(top: Element, prose: dict[Element, int], lengths: dict[Element, int]) -> Element:
    """The ancestor of ``top`` that best holds the whole article: most prose, least else.

    Votes reach three levels up, so an article in sub-headed sections, steps or "page" blocks
    elects one section. Going up gains the sibling sections' prose and costs whatever else the
    wider element holds (menus, link lists, labels, chrome, which do not vote); the ancestor
    with the best balance wins, or one that holds ``_SPLIT_GAIN`` times the prose of the best so
    far and more prose than else (a round-up whose reviews sit deep in product cards beside
    lists of specs: the cards' votes never reach the container that holds them all).
    """
    length = measured_len(top, lengths)
    best, best_value = top, float(prose.get(top, 0)) - _OTHER_COST * _other(top, prose, length)
    child = top
    for level, node in enumerate(top.iterancestors()):
        if level >= _WIDEN_LEVELS or node.tag in ("body", "html"):
            break
        known = lengths.get(node)
        length = lengths[node] = _grown_len(node, child, lengths[child]) if known is None else known
        held, other = prose.get(node, 0), _other(node, prose, length)
        value = float(held) - _OTHER_COST * other
        if value > best_value or (held >= _SPLIT_GAIN * prose.get(best, 0) and other <= held):
            best, best_value = node, value
        child = node
    return best


def _grown_len(node: Element, child: Element, child_len: int) -> int:
    """``letters`` of ``node``'s text from that of one child: its own text, its other
    children's and every tail are measured, the child's text is not read again (going up a
    deep chain, reading each ancestor's whole text would read the bottom one over and over)."""
    length = letters(node.text or "")
    for other in node:
        if other is child:
            length += child_len
        elif isinstance(other.tag, str):
            length += letters(element_text(other))
        if other.tail:
            length += letters(other.tail)
    return length


def _other(el: Element, prose: dict[Element, int], length: int) -> int:
    """Characters of ``el`` (``length`` of them) outside voting prose, links counted as such."""
    return max(0, length - prose.get(el, 0))


def main_content(
    doc: Element, lengths: dict[Element, int] | None = None
) -> tuple[list[Element], frozenset[str]]:
    """The elements that together hold the article, in document order, and the page's layout
    classes (chrome-sounding class names that wrap most of its prose). ``lengths`` keeps the
    text lengths measured on the way (``measured_len``), for the caller that reads the article."""
    lengths = {} if lengths is None else lengths
    votes, layout, prose = _votes(doc)
    if not votes:
        body = doc.find("body")
        return [body if body is not None else doc], layout
    scores = _Scores(votes, lengths)
    top = _widen(scores.top(), prose, lengths)
    chosen = _siblings(top, scores)
    chunks = _chunks(top, scores)
    if not chunks:
        return chosen, layout
    candidates = set(chosen).union(chunks)
    roots = [r for r in candidates if not any(a in candidates for a in r.iterancestors())]
    order = {el: i for i, el in enumerate(doc.iter())}
    return sorted(roots, key=order.__getitem__), layout
