"""Tracking residue: query tails glued to sentences, glued tracking URLs, stray query lines,
and tracking parameters inside real URLs (which keep their real parameters).

Nothing counts as residue without a known tracking parameter followed by ``=`` (plain or
percent-encoded), so prose such as "UTM coordinates" or "rope + stove | tent & bags" stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial

from scrubwarc.clean.lines import CodeSpans
from scrubwarc.clean.linktargets import clean_link_targets
from scrubwarc.clean.model import CleanOptions, LineIndex, Removal, RuleOutput
from scrubwarc.clean.params import (
    URL_START,
    clean_url,
    from_feed,
    split_glued_words,
    split_trailing,
)
from scrubwarc.clean.trackkeys import (
    BARE_OPENERS,
    CLOSERS,
    KEY_CHARS,
    MAX_IRI,
    SENTENCE_ENDS,
    URL_CHARS,
    after_sentence,
    next_visible,
    previous_visible,
    token_bounds,
    tracking_keys,
)
from scrubwarc.clean.wrapped import CUT_KEY, mend_wrapped

__all__ = ["strip_tracking"]

# A scheme-less URL: host.tld then a path or a query.
_BARE_HOST = re.compile(rf"[{BARE_OPENERS}]?(?:[A-Za-z0-9-]{{1,63}}\.){{1,8}}[A-Za-z]{{2,24}}[/?]")


def _url_runs(token: str, keys: list[int]) -> Iterator[tuple[int, int, list[int]]]:
    """The runs of URL characters in ``token`` that hold tracking keys, with those keys.

    A URL or query string is made of URL characters only, so CJK or Thai text glued to a
    link, a dash, a closing quote or full-width punctuation ends it.
    """
    i = end = 0
    while i < len(keys):
        previous_end, start = end, keys[i]
        end = start
        while start > 0 and token[start - 1] in URL_CHARS:
            start -= 1
        start = _iri_start(token, start, previous_end)
        while end < len(token) and token[end] in URL_CHARS:
            end += 1
        j = i
        while j < len(keys) and keys[j] < end:
            j += 1
        yield start, end, [k - start for k in keys[i:j]]
        i = j


def _iri_start(token: str, start: int, low: int) -> int:
    """Where a URL begins whose host or path holds letters of any script before ``start``.

    ``https://пример.рф/новости?id=1`` is one URL: a Cyrillic, Arabic or CJK path is not
    prose glued to a query, so its real parameters stay. Only letters, digits and marks
    (never punctuation such as "。" or "”") may stand between the URL's start and ``start``,
    which is searched for after ``low`` (the previous run's end: each character is looked
    at once) and within a URL's length.
    """
    low = max(low, start - MAX_IRI)
    if start <= low or (token.find("://", low, start) < 0 and token.find(".", low, start) < 0):
        return start  # no "https://" or "www." to reach back to
    urls = [m.start() for m in URL_START.finditer(token, low, start)]
    if not urls:
        return start
    import unicodedata  # lazy: only a URL with non-ASCII letters before its query asks

    between = token[urls[-1] : start]
    if all(ch in URL_CHARS or unicodedata.category(ch)[0] in "LNM" for ch in between):
        return urls[-1]
    return start


_QUOTES = {'"': '"', "'": "'", "`": "`", "“": "”", "‘": "’", "«": "»", "„": "“", "‚": "‘"}


def _quoted(text: str, start: int, end: int, spans: CodeSpans) -> bool:
    """True if the run ``text[start:end]`` stands in quotes or in a code span on its line.

    >>> s = 'x = "?utm_source=" + s'
    >>> _quoted(s, 5, 17, CodeSpans(s)), _quoted("said.?utm_source=a", 5, 18, CodeSpans(""))
    (True, False)
    """
    if spans.covers(start, end):
        return True
    opener = text[start - 1] if start > 0 else ""
    body_end = end
    while body_end > start and text[body_end - 1] in ".,;:!?":
        body_end -= 1
    if text[start] == "'":  # "'" is a URL character: the run holds its own quotes
        if body_end > start + 1 and text[body_end - 1] == "'":
            return True
        opener = "'"
    closer = _QUOTES.get(opener)
    return closer is not None and text[body_end : body_end + 1] == closer


def _residue_start(
    run: str,
    keys: list[int],
    glued: bool,
    last_on_line: bool,
    standalone: bool,
    ends_line: Callable[[], bool],
) -> int | None:
    """Where a query tail begins in a run of URL characters, given its tracking keys.

    A key is residue inside a query string: after "?" (or "|", "#", "&", ";", "+", "%"
    in the same run), glued to a sentence's end, or opening a run that a sentence's end
    precedes at the end of a line. A lone ``key=value`` (or ``&key=value``) standing
    between words (``standalone``: a blank or the line's start before it) is prose.
    """
    if standalone and keys[0] == 0 and not (glued or last_on_line):
        return None  # "add utm_source=a&utm_medium=b to links": parameters named in prose
    if keys[0] == 0 and not (standalone or glued) and "?" not in run:
        # A query without its "?" glued to a word ("ฝนตกหนักutm_source=a&utm_medium=b": Thai
        # and CJK set no space) is residue whole where it ends its line; within the line
        # ("see—utm_source=a&utm_medium=b—here") the prose names it, and it stays whole.
        return 0 if len(keys) > 1 and ends_line() else None
    # A "?" opens a query; else the first "|" or "#" (campaign names hold "+" and "&");
    # else query punctuation ("&", ";", "+" or a percent-escape).
    firsts = [min((i for m in marks if (i := run.find(m)) != -1), default=-1)
              for marks in ("?", "|#")]  # fmt: skip
    punctuation, after_end = _query_punctuation(run)
    for key_at in keys:
        opener = after_end if 0 <= after_end < key_at else punctuation
        for first in (*firsts, opener):
            if 0 <= first < key_at:
                lone = standalone and not (glued or last_on_line)
                if first == 0 and lone and "?" not in run[:key_at]:
                    break  # "&utm_x=1" standing alone between words names a parameter
                return first
        if key_at == 0 and (glued or last_on_line):
            return 0
        if key_at > 0 and after_sentence(run, key_at):
            return key_at
    return None


_QUERY_PUNCTUATION = re.compile(r"[&;+]|%[0-9A-Fa-f]{2}")


def _query_punctuation(run: str) -> tuple[int, int]:
    """The first "&", ";", "+" or percent-escape in ``run``, and the first that a sentence's
    end precedes (-1 if none).

    A tail opens at the second if it comes before the key, else at the first:
    "100%.&utm_source=x" and "2+2.&utm_source=x" keep "100%." and "2+2." ("%." escapes
    nothing), while "+Terrorism+%26+Security%29&utm_content=x" goes whole.

    >>> _query_punctuation("2+2.&utm_source=x"), _query_punctuation("a+b%29&utm_x=1")
    ((1, 4), (1, -1))
    """
    first = -1
    for match in _QUERY_PUNCTUATION.finditer(run):
        if first == -1:
            first = match.start()
        if after_sentence(run, match.start()):
            return first, match.start()
    return first, -1


_EMAIL = re.compile(r"[\w.%+=-]+@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}")


def _addressed(before: str) -> bool:
    """True if what a query follows is an address (a path, a scheme's address, a host and
    port), not a word or a sentence's end: its query keeps its real parameters.

    >>> _addressed("mailto:a@b.com"), _addressed("/search"), _addressed("Why"), _addressed("a.")
    (True, True, False, False)
    """
    return (before[-1].isalnum() or before[-1] == "/") and any(c in before for c in "/:@")


def _clean_run(
    run: str,
    keys: list[int],
    glued: bool,
    last_on_line: bool,
    standalone: bool,
    between_words: bool,
    ends_line: Callable[[], bool],
    ends_text: Callable[[], bool],
    is_quoted: Callable[[], bool],
    options: CleanOptions | None,
) -> tuple[str, list[str]]:
    """A run of URL characters without its tracking residue, and the removed pieces.

    Residue is glued on, never set off: a whole query standing between words (``append
    ?utm_source=newsletter to links``) or in quotes or a code span (``"?utm_source=" +
    src``, ``is_quoted``, asked only then) is the text's own. A URL is the text's link,
    glued to a sentence's end too (CJK sets no space: ``詳しくは。https://…?utm_source=x``),
    and loses only its tracking parameters; it goes whole only as the link a feed appends:
    glued to a sentence's end, ending the text (``ends_text``, asked only then), tracked as
    from a feed.
    """
    at = _bracketed_query(run, keys[0])
    if at >= 0:
        # "(?utm_source=x)": the brackets are transparent; they go with a query that goes
        # whole, and hold what stays of one that keeps its real parameters.
        close = run.find(_BRACKETS[run[at]], at)
        new, removed = _clean_run(
            run[at + 1 : close], [k - at - 1 for k in keys],
            glued if at == 0 else run[at - 1] in SENTENCE_ENDS, last_on_line,
            standalone and at == 0, between_words and at == 0, ends_line, ends_text,
            is_quoted, options,
        )  # fmt: skip
        if not removed or new:
            return run[: at + 1] + new + run[close:], removed
        return run[:at] + run[close + 1 :], [run[at : close + 1]]
    url = URL_START.search(run)
    if url is not None and url.start() <= keys[0]:
        glued_url = glued if url.start() == 0 else run[url.start() - 1] in SENTENCE_ENDS
        if glued_url and from_feed(run) and ends_text():
            return run[: url.start()], [run[url.start() :]]  # a feed's link glued to the text
        new_url, removed = clean_url(run[url.start() :], options)
        return run[: url.start()] + new_url, removed
    bare = _BARE_HOST.match(run)
    if bare is not None and bare.end() <= keys[0] + 1:
        # "(example.com/a?utm_source=x)": the bracket is the prose's, so is its closer
        opener = int(run[0] in BARE_OPENERS)
        new_url, removed = clean_url(run[opener:], options)
        return run[:opener] + new_url, removed
    if "@" in run and _EMAIL.fullmatch(split_trailing(run)[0]):
        return run, []  # "jane+utm_source=x@example.com": an address's own tag
    query = run.find("?")
    if 0 < query < keys[0] and _addressed(run[:query]):
        # "mailto:a@b.com?subject=Hi&utm_source=x", "/search?q=1&…", "host:8080/a?id=1&…"
        opener = int(run[0] in BARE_OPENERS)
        new_url, removed = clean_url(run[opener:], options)
        return run[:opener] + new_url, removed
    start = _residue_start(run, keys, glued, last_on_line, standalone, ends_line)
    if start is None or (not glued and ((start == 0 and between_words) or is_quoted())):
        return run, []
    if run[start] == "?" and run[start + 1 : start + 2] not in KEY_CHARS:
        start += 1  # "Why?|+World&utm_content=x": the question's mark, then the tail
    if start == 0 and last_on_line:
        return "", [run]  # a query alone on its line, or a tail ending it: no prose follows
    # A query glued to a word or path ("/var/log?utm_source=x.") leaves the sentence's end,
    # and the words glued to its last value ("?utm_source=x,and").
    residue, trail = split_trailing(run[start:])
    residue, words = split_glued_words(residue)
    return run[:start] + words + trail, [residue]


_BRACKETS = {"(": ")", "[": "]"}


def _bracketed_query(run: str, key: int) -> int:
    """Where a bracket opens that holds a query alone, its key at ``key``, ending ``run``
    but for sentence punctuation after it (-1 if none).

    >>> _bracketed_query("(?utm_source=x).", 2), _bracketed_query("end.[?utm_source=x]", 6)
    (0, 4)
    >>> _bracketed_query("(a?utm_source=x)", 3), _bracketed_query("(?utm_source=x)y", 2)
    (-1, -1)
    """
    at = max(run.rfind("(?", 0, key), run.rfind("[?", 0, key))
    if at < 0:
        return -1
    close = run.find(_BRACKETS[run[at]], at)
    if close < key or run[close + 1 :].strip(".,;:!?…") or run.find(run[at], at + 1, close) >= 0:
        return -1
    return at


_LINE_CLOSERS_RUN = re.compile(f"[{re.escape(CLOSERS + ''.join(SENTENCE_ENDS))}]*+")
# After a whole link, only quotes and brackets: a sentence's end after it ("詳細。https://…。")
# makes the link the sentence's own.
_TEXT_CLOSERS_RUN = re.compile(f"[{re.escape(CLOSERS)}]*+")


_REST_BLANK = re.compile(r"\s*+\Z")


def _run_ends(text: str, run_end: int, token_end: int, *, whole_text: bool) -> bool:
    """True if only closing marks follow ``text[:run_end]`` up to the end of its token at
    ``token_end``, and only blanks after it to the end of the line ("…?utm_source=x”。\\n"),
    or of the whole text (quotes and brackets only, no sentence's end).

    >>> _run_ends("a.?x=1」\\nb", 6, 7, whole_text=False)
    True
    >>> _run_ends("a.?x=1」\\nb", 6, 7, whole_text=True)
    False
    >>> _run_ends("。https://a.b/?x=1見て", 17, 19, whole_text=False)
    False
    >>> _run_ends("。https://a.b/?x=1。", 17, 18, whole_text=True)
    False
    """
    # Matched, not sliced: each run reads only the closing marks right after it.
    closers = (_TEXT_CLOSERS_RUN if whole_text else _LINE_CLOSERS_RUN).match(
        text, run_end, token_end
    )
    if closers is None or closers.end() != token_end:
        return False
    if whole_text:
        return _REST_BLANK.match(text, token_end) is not None
    return next_visible(text, token_end) in "\n"


def _clean_token(
    text: str,
    start: int,
    end: int,
    keys: list[int],
    options: CleanOptions | None,
    spans: CodeSpans,
) -> tuple[str, list[tuple[int, str]]]:
    """The token ``text[start:end]`` without its residue; removed pieces with offsets."""
    token = text[start:end]
    out: list[str] = []
    removed: list[tuple[int, str]] = []
    pos = 0
    for run_start, run_end, run_keys in _url_runs(token, keys):
        at = start + run_start
        glued = after_sentence(text, at)
        last_on_line = between_words = False
        if run_start == 0 and run_end == len(token):
            before = previous_visible(text, start)
            opens_line = before < 0 or text[before] == "\n"
            if next_visible(text, end) in "\n":
                last_on_line = opens_line or after_sentence(text, before + 1)
            else:
                between_words = not opens_line
        elif run_start == 0 and not token[run_end:].strip(_MARKS_AFTER_WORDS):
            # "carried ?utm_source=… tags": a query that punctuation closes, between words
            before = previous_visible(text, start)
            between_words = before >= 0 and text[before] != "\n"
            between_words = between_words and next_visible(text, end) not in "\n"
        run = token[run_start:run_end]
        new, pieces = _clean_run(
            run,
            run_keys,
            glued,
            last_on_line,
            run_start == 0,
            between_words,
            partial(_run_ends, text, start + run_end, end, whole_text=False),
            partial(_run_ends, text, start + run_end, end, whole_text=True),
            partial(_quoted, text, at, start + run_end, spans),
            options,
        )
        if not pieces:
            continue
        out.append(token[pos:run_start])
        out.append(new)
        pos = run_end
        offset = 0
        for piece in pieces:
            offset = run.find(piece, offset)
            removed.append((start + run_start + offset, piece))
    out.append(token[pos:])
    return "".join(out), removed


def _shifted(removal: Removal, ends: list[tuple[int, int, int]]) -> Removal:
    """``removal``, made in a text whose links got shorter, at its column in the text before:
    ``ends`` holds each link's line and column where it ended, and how much shorter it got.
    """
    column = removal.column
    for line, end, shorter in ends:  # in order: each link before the removal moves it on
        if line == removal.line and end - shorter <= column:
            column += shorter
    return removal._replace(column=column)


# What separates words once the whitespace rule has run (it keeps CJK's ideographic space).
_BLANKS = " \t\u3000"
_MARKS_AFTER_WORDS = ".,;:!?…" + CLOSERS


# A feed proxy's link to the item (FeedBurner's "/~r/<feed>/~3/<id>/"), glued to the text's
# last sentence: the feed reader appended it, as it appends a tracked link, and it names no
# page of its own, only a redirect. Set off by a blank or on its own line, it is the text's.
_FEED_PROXY_TAIL = re.compile(
    rf"(?<=[{re.escape(''.join(SENTENCE_ENDS) + CLOSERS)}])"
    r"((?:https?://)?(?:feedproxy\.google\.com|feeds\.feedburner\.com)/~r/[^\s]+)"
    rf"(?=[{re.escape(CLOSERS)}]*\s*\Z)",
    re.IGNORECASE,
)


def strip_tracking(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Remove tracking residue in all its forms; URLs keep their real parameters.

    >>> strip_tracking("These people are family.”|+World%29&utm_content=Reader\\n")[0]
    'These people are family.”\\n'
    >>> strip_tracking("See https://ex.com/a?id=5&utm_source=rss.\\n")[0]
    'See https://ex.com/a?id=5.\\n'
    >>> strip_tracking("It rained.http://feedproxy.google.com/~r/Ex/~3/AbC/rain.html\\n")[0]
    'It rained.\\n'
    """
    # "~" first: one character is searched for fast, and prose seldom holds it
    if "~" in text and "/~r/" in text and (proxy := _FEED_PROXY_TAIL.search(text)) is not None:
        # the next pass, on the text without it, finds the rest
        removal = LineIndex(text).removal("tracking", proxy.group(1), proxy.start(1))
        return text[: proxy.start(1)] + text[proxy.end(1) :], (removal,)
    keys = list(tracking_keys(text, options))
    if not keys:
        if "=" in text and CUT_KEY.search(text) is not None:  # "It rained.?utm_sou\nrce=x"
            return mend_wrapped(text, text, [], set(), options)
        return text, ()
    linked, changes, moves = clean_link_targets(text, options)
    if changes:  # then the rest, in the text with clean links
        index = LineIndex(text)
        links = [index.removal("tracking", piece, at, new) for at, piece, new in changes]
        new_text, rest = strip_tracking(linked, options)
        ends = [(*index.position(end), shorter) for end, shorter in moves]
        return new_text, (*links, *(_shifted(r, ends) for r in rest))
    index = LineIndex(text)
    spans = CodeSpans(text)  # found only if a run asks
    out: list[str] = []
    removals: list[Removal] = []
    emptied: set[int] = set()
    pos = i = 0
    while i < len(keys):
        # Each token is examined once, with every key in it.
        start, end = token_bounds(text, keys[i])
        j = i
        while j < len(keys) and keys[j] < end:
            j += 1
        token_keys = [k - start for k in keys[i:j]]
        new, removed = _clean_token(text, start, end, token_keys, options, spans)
        i = j
        if not removed:
            continue
        for offset, piece in removed:
            removals.append(index.removal("tracking", piece, offset))
        piece_before = text[pos:start]
        if not new:
            # The whole token goes, with the space that separated it from its neighbour.
            trimmed = piece_before.rstrip(_BLANKS)
            if trimmed and not trimmed.endswith("\n"):
                piece_before = trimmed
            else:
                while end < len(text) and text[end] in _BLANKS:
                    end += 1
            emptied.add(index.position(start)[0] - 1)
        elif not new.strip(_MARKS_AFTER_WORDS) and text[start:end].endswith(new):
            # Only the sentence's end is left ("It rained ?fbclid=x."): it closes up to the
            # word before, as it stood before the tail was pasted in.
            trimmed = piece_before.rstrip(_BLANKS)
            if trimmed and not trimmed.endswith("\n"):
                piece_before = trimmed
        out.append(piece_before)
        out.append(new)
        pos = end
    if not removals:
        if "=" in text and CUT_KEY.search(text) is not None:
            return mend_wrapped(text, text, [], set(), options)
        return text, ()
    out.append(text[pos:])
    return mend_wrapped(text, "".join(out), removals, emptied, options)
