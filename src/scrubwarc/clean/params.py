"""Tracking parameters: the names a URL's query is tracked with, telling one from a real
parameter, taking them out of a URL, and reading the pairs a removal held.

Names are compared without regard to case, percent-encoding allowed; ``*`` globs
(``utm_*``) cover families. The ``tracking`` rule finds them in prose; this module is
what the rule, the metadata and the public API share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType
from urllib.parse import unquote, unquote_plus

from scrubwarc.clean.model import CleanOptions

__all__ = [
    "DEFAULT_TRACKING_PARAMS",
    "HOST_SCOPED_NAMES",
    "HOST_TRACKING_PARAMS",
    "PAIR_SEPARATOR",
    "URL_START",
    "TrackingNames",
    "clean_url",
    "from_feed",
    "host_tracking_names",
    "is_tracking_param",
    "key_names",
    "split_glued_words",
    "split_trailing",
    "tracking_pairs",
]

# Names or "*" globs, compared without regard to case. Generic names (source, medium, ref,
# keywords, reference, campaign, share) are real parameters on many sites and stay.
DEFAULT_TRACKING_PARAMS: tuple[str, ...] = (
    "utm_*", "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "twclid",
    "ttclid", "yclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc",
    "__hstc", "__hsfp", "hsctatracking", "ocid", "cmpid", "smid", "wt.*", "fb_action_ids",
    "fb_action_types", "fb_ref", "fb_source", "__twitter_impression", "ref_src", "s_cid",
    "ncid", "sr_share", "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id",
    "rb_clickid", "_openstat", "xtor", "icid", "pk_campaign", "pk_kwd", "pk_source",
    "pk_medium", "pk_content", "mtm_*", "piwik_*", "hmb_*", "ga_source", "ga_medium",
    "ga_campaign", "ga_content", "ga_term", "_ga", "_gl", "ns_mchannel", "ns_source",
    "ns_campaign", "ns_linkname", "ns_fee", "at_medium", "at_campaign", "soc_src", "soc_trk",
    "spref", "ito", "itm_*", "_kx", "guccounter", "guce_referrer",
    "guce_referrer_sig", "_branch_match_id", "ml_subscriber", "ml_subscriber_hash", "s_kwcid",
    "ef_id", "epik",
)  # fmt: skip

# Share and click ids that only these sites use for tracking; elsewhere the same names (a
# search's "s", a video's "t", "feature") are real parameters. A host covers its subdomains.
HOST_TRACKING_PARAMS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "youtube.com": frozenset({"si", "feature"}),
        "youtu.be": frozenset({"si", "feature"}),
        "open.spotify.com": frozenset({"si"}),
        "instagram.com": frozenset({"igsh"}),
        "x.com": frozenset({"s", "t"}),
        "twitter.com": frozenset({"s", "t"}),
        "tiktok.com": frozenset({"_r", "_t", "is_from_webapp", "sender_device"}),
        "linkedin.com": frozenset({"trk", "trackingid"}),
        "facebook.com": frozenset({"mibextid"}),
        "reddit.com": frozenset({"share_id"}),
        "threads.net": frozenset({"xmt"}),
    }
)
HOST_SCOPED_NAMES = frozenset().union(*HOST_TRACKING_PARAMS.values())
URL_START = re.compile(r"https?://|www\.", re.IGNORECASE)
# A URL's host, with or without its scheme, before its path, query or fragment.
_HOST = re.compile(r"(?:https?://)?((?:[\w-]{1,63}\.){1,8}[^\W\d_]{2,24})(?=[/?#]|$)", re.I)
_TRAILING_PUNCT = ".,;:!?…\"'”’»"
PAIR_SEPARATOR = re.compile(r"&(?:amp;)?|;")


def _glob(name: str) -> str:
    return re.escape(name.casefold()).replace(r"\*", r"[\w.\-]*+")


@cache
def _pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Full-match pattern for any of ``names`` (casefolded, ``*`` globs allowed)."""
    return re.compile(f"(?:{'|'.join(map(_glob, names))})", re.I) if names else None


def _fullmatch(names: tuple[str, ...], name: str) -> bool:
    pattern = _pattern(names)
    return pattern is not None and pattern.fullmatch(name) is not None


class TrackingNames:
    """Tracking parameter names, matched without regard to case.

    ASCII names (nearly all) are looked up in a set; only globs and non-ASCII names go
    through a pattern. Compiling one pattern for every name cost each hook run 0.5 ms.
    """

    __slots__ = ("_all", "_ascii", "_rest")

    def __init__(self, extra: tuple[str, ...]) -> None:
        names = sorted({n.casefold() for n in (*DEFAULT_TRACKING_PARAMS, *extra)})
        self._all = tuple(names)
        self._ascii = frozenset(n for n in names if n.isascii() and "*" not in n)
        self._rest = tuple(n for n in names if n not in self._ascii)

    def match(self, name: str) -> bool:
        if not name.isascii():  # Unicode case rules: leave them to the regex engine
            return _fullmatch(self._all, name)
        return name.lower() in self._ascii or _fullmatch(self._rest, name)


@cache
def _key_names(extra: tuple[str, ...]) -> TrackingNames:
    return TrackingNames(extra)


def key_names(options: CleanOptions | None) -> TrackingNames:
    """The tracking names in force: the built-in list and ``options``' extra ones."""
    return _key_names(tuple(options.extra_tracking_params) if options else ())


def is_tracking_param(name: str, options: CleanOptions | None = None) -> bool:
    """True if a query parameter name is a known tracker (percent-encoding allowed).

    >>> is_tracking_param("utm_content"), is_tracking_param("source")
    (True, False)
    """
    if "%" in name:  # unquote returns anything else as it is, after two Python calls
        name = unquote(unquote(name))
    return key_names(options).match(name.strip())


def host_tracking_names(url: str) -> frozenset[str]:
    """The names that track on the host of the URL ``url`` starts with, beside the global ones.

    >>> sorted(host_tracking_names("https://www.youtube.com/watch?v=x"))
    ['feature', 'si']
    >>> host_tracking_names("https://example.com/?s=rain")
    frozenset()
    """
    host = _HOST.match(url)
    if host is None:
        return frozenset()
    labels = host.group(1).lower().split(".")
    for i in range(len(labels) - 1):
        names = HOST_TRACKING_PARAMS.get(".".join(labels[i:]))
        if names is not None:
            return names
    return frozenset()


def split_trailing(url: str) -> tuple[str, str]:
    """Separate sentence punctuation that follows a URL; keep a ")" the URL opened."""
    end = len(url)
    while end > 0 and (url[end - 1] in _TRAILING_PUNCT or url[end - 1] in ")]"):
        ch = url[end - 1]
        if ch in ")]" and url.count("(" if ch == ")" else "[", 0, end) >= url.count(ch, 0, end):
            break
        end -= 1
    return url[:end], url[end:]


# Words of letters or digits ("don't", "co-op", "U.S" inside), read backwards, each after a
# separator that glues it to a value: "," or ";" (a missing space), "--" (a typed dash).
_GLUED_WORDS_REVERSED = re.compile(r"(?:[^\W_]+(?:['.-][^\W_]+)*(?:,|;|--))+")


def split_glued_words(url: str) -> tuple[str, str]:
    """Separate the words that commas, semicolons or double hyphens glue to the end of a
    query's last value (a missing space, a dash typed as "--"): they are the prose's, not
    the value's (nor, after ";", a parameter of their own). A value holding such a separator
    keeps only what comes before it, so what might be prose is never taken with it.

    >>> split_glued_words("https://x.com/a?mc_eid=def,then")
    ('https://x.com/a?mc_eid=def', ',then')
    >>> split_glued_words("https://x.com/a?utm_source=x--said")
    ('https://x.com/a?utm_source=x', '--said')
    >>> split_glued_words("?utm_source=x;then,don't,co-op")
    ('?utm_source=x', ";then,don't,co-op")
    >>> split_glued_words("https://x.com/a,b?tags=a,%20b")
    ('https://x.com/a,b?tags=a,%20b', '')
    """
    if "," not in url and ";" not in url and "--" not in url:
        return url, ""  # nearly every URL: no call more
    value = url.rfind("=") + 1
    if value == 0:
        return url, ""
    # Matched backwards from the end, so a run of separators costs one pass in C.
    words = _GLUED_WORDS_REVERSED.match(url[: value - 1 : -1])
    if words is None:
        return url, ""
    cut = len(url) - words.end()
    return url[:cut], url[cut:]


def _clean_params(
    query: str, options: CleanOptions | None, host_names: frozenset[str]
) -> tuple[str, list[str]]:
    """Drop tracking pairs from ``a=1&utm_x=2``, keeping the others exactly as written."""
    pieces = PAIR_SEPARATOR.split(query)
    seps = PAIR_SEPARATOR.findall(query)
    kept: list[str] = []
    removed: list[str] = []
    for piece in pieces:
        name = piece.partition("=")[0]
        if is_tracking_param(name, options) or name.lower() in host_names:
            removed.append(piece)
        elif piece:
            kept.append(piece)
    if not removed:
        return query, []
    sep = seps[0] if seps else "&"
    return sep.join(kept), removed


def clean_url(url: str, options: CleanOptions | None = None) -> tuple[str, list[str]]:
    """Remove tracking parameters from a URL's query and fragment; return what went.

    >>> clean_url("https://ex.com/a?id=5&utm_source=rss&fbclid=x#top")
    ('https://ex.com/a?id=5#top', ['utm_source=rss', 'fbclid=x'])
    >>> clean_url("https://ex.com/?source=home&keywords=a+b")[0]
    'https://ex.com/?source=home&keywords=a+b'
    >>> clean_url("https://youtu.be/dQw4w9WgXcQ?si=Xq1&t=42")
    ('https://youtu.be/dQw4w9WgXcQ?t=42', ['si=Xq1'])
    >>> clean_url("https://ex.com/#!/news/5?id=2&utm_source=tw")
    ('https://ex.com/#!/news/5?id=2', ['utm_source=tw'])
    """
    core, trail = split_trailing(url)
    core, glued = split_glued_words(core)
    trail = glued + trail
    base, hash_, fragment = core.partition("#")
    path, qmark, query = base.partition("?")
    host_names = host_tracking_names(path)
    new_query, removed = _clean_params(query, options, host_names) if qmark else ("", [])
    route, route_mark, fragment_query = fragment.rpartition("?")
    if route_mark and "=" in fragment_query:
        # A single-page app's route keeps its own query ("#!/page?id=1&utm_source=x").
        new_fragment_query, removed_f = _clean_params(fragment_query, options, host_names)
        new_fragment = route + ("?" + new_fragment_query if new_fragment_query else "")
    elif "=" in fragment:
        new_fragment, removed_f = _clean_params(fragment, options, host_names)
    else:
        new_fragment, removed_f = fragment, []
    if not removed and not removed_f:
        return url, []
    rebuilt = path + ("?" + new_query if new_query else "")
    rebuilt += "#" + new_fragment if hash_ and (new_fragment or not removed_f) else ""
    return rebuilt + trail, removed + removed_f


# A source or medium naming a feed ("feedburner", "rss", "RSS_feed"): a feed reader's link.
_FEED_MARK = re.compile(r"[?&;#](?:utm|mtm|pk)_(?:source|medium)=([^&;#]*)", re.I)
_FEED_WORD = re.compile(r"(?<![^\W_])(?:feed|rss)", re.I)


def from_feed(url: str) -> bool:
    """True if a URL's tracking says a feed put it there (its source or medium is a feed):
    the link a feed reader appends to an item's text, not one its author cites.

    >>> from_feed("https://ex.org/a?utm_source=feedburner&utm_medium=feed")
    True
    >>> from_feed("https://ex.org/a?utm_source=tw"), from_feed("https://ex.org/a?utm_source=press")
    (False, False)
    """
    return any(_FEED_WORD.search(unquote_plus(m.group(1))) for m in _FEED_MARK.finditer(url))


_ENCODED_EQUALS_ONLY = re.compile("%3[dD]")
# Feed links put UTM parameters in this order, so a key-less fragment cut off just before a
# key is the tail of the key that precedes it ("…Security%29&utm_content=" → utm_campaign).
_UTM_BEFORE = {
    "utm_content": "utm_campaign",
    "utm_term": "utm_campaign",
    "utm_campaign": "utm_medium",
    "utm_medium": "utm_source",
}


def tracking_pairs(
    pieces: Iterable[str], options: CleanOptions | None = None
) -> tuple[tuple[str, str], ...]:
    """The (name, value) pairs in what this rule removed, in order, every value kept.

    Values are decoded; a key-less fragment cut off before a UTM key is the value of the
    key that precedes it in feed links, kept as found.

    >>> tracking_pairs(["|+Terrorism+%26+Security%29&utm_content=Google+Reader"])
    (('utm_campaign', '|+Terrorism+%26+Security%29'), ('utm_content', 'Google Reader'))
    >>> tracking_pairs(["?utm_source=a", "https://x.org/?utm_source=b"])
    (('utm_source', 'a'), ('utm_source', 'b'))

    A lone pair was taken out of a URL, so a name that tracks on some hosts only
    (``si`` on youtu.be) is one of them: elsewhere it is never removed.

    >>> tracking_pairs(["si=Xq1", "?si=2&utm_source=a", "https://youtu.be/x?si=3&s=4"])
    (('si', 'Xq1'), ('utm_source', 'a'), ('si', '3'))
    """
    found: list[tuple[str, str]] = []
    for piece in pieces:
        query = piece
        scoped = HOST_SCOPED_NAMES if PAIR_SEPARATOR.search(piece) is None else frozenset()
        if URL_START.match(query):
            scoped = host_tracking_names(query)
            query = query.partition("?")[2].replace("#", "&")
        elif "=" not in query and _ENCODED_EQUALS_ONLY.search(query):
            query = unquote(query)  # a percent-encoded query: its separators are encoded too
        partial: str | None = None
        names: set[str] = set()
        for i, segment in enumerate(PAIR_SEPARATOR.split(query.lstrip("?&#"))):
            key, eq, value = segment.partition("=")
            if eq and (is_tracking_param(key, options) or key.lower() in scoped):
                name = unquote_plus(key).strip()
                if partial is not None:
                    before = _UTM_BEFORE.get(name.casefold())
                    if before and before not in names:
                        found.append((before, partial))
                    partial = None
                found.append((name, unquote_plus(value)))
                names.add(name.casefold())
            elif i == 0 and not eq and segment:
                partial = segment
    return tuple(found)
