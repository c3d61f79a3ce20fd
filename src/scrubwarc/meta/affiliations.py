"""What stands beside a name in a byline and is not a person: a role (``Staff Writer``,
``Director of Research``), a news agency (``Associated Press``), an organisation (``Harvard
University``), an outlet (``Kansas City Star``) or a dateline city (``New York``).

The tests ``scrubwarc.meta.bylines`` and ``scrubwarc.meta.htmlauthors`` share; standard library
only, the words in ``scrubwarc.meta.bylinewords``.
"""

from __future__ import annotations

import re

from scrubwarc.meta.bylinewords import (
    ARTICLES,
    DATELINE_CITIES,
    ORG_CONNECTORS,
    ORGANISATION_AUTHOR_WORDS,
    ORGANISATION_WORDS,
    ORGANISATIONS,
    OUTLET_TAILS,
    PARTICLES,
    ROLE_HEADS,
    ROLE_NOUNS,
    SOCIAL_NETWORKS,
)

__all__ = [
    "NAME_TAIL",
    "OF_TAIL",
    "drop_trailing_agency",
    "is_agency",
    "is_city",
    "is_organisation",
    "is_organisation_author",
    "is_outlet",
    "is_outlet_or_city",
    "is_role",
    "is_social_label",
    "social_tail",
]

_FLAGS = re.IGNORECASE
# "Follow", "Follow on X", "Follow me on Twitter", "Follow @annlee": a link's label by a byline.
_FOLLOW = re.compile(
    r"follow(?: (?:me|us|him|her|them))?(?: (?:on|at))?(?: (?P<rest>\S+))?", _FLAGS
)
# A follow label after the name in one author field: "Ann Lee Follow on X".
_FOLLOW_TAIL = re.compile(r"[ ,|·•-]+follow(?: (?:me|us|him|her|them))?(?: on| @|$).*$", _FLAGS)
# "X in Beirut", "X for The Guardian": the rest of the piece is not the name.
NAME_TAIL = re.compile(r" (?:in|for|at) ", _FLAGS)
# "X of Reuters" after a full name; before one word, "Voice of America" is an organisation.
OF_TAIL = re.compile(r" (?:in|for|at|of) ", _FLAGS)
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", _FLAGS)
_DIGIT = re.compile(r"[0-9]")
# Where a role's place or field begins: "Korrespondent in Moskau", "envoyé spécial à Kiev",
# "Director of Research", "Reporter for The Times".
_ROLE_PLACE = re.compile(r" (?:in|at|of|for|à|au|en|em|no|na|a|aus|da|desde|from) ", _FLAGS)


def is_role(piece: str) -> bool:
    """``Staff Writer``, ``Middle East Correspondent``, ``Special to The Times``, in other
    languages ``Korrespondent in Moskau``, ``envoyé spécial à Kiev``, ``inviato a Kiev``.

    >>> is_role("envoyé spécial à Kiev"), is_role("Korrespondentin in Moskau")
    (True, True)
    >>> is_role("Jean Dupont")
    False
    """
    words = piece.lower().split()
    if not words or len(words) > 6:
        return False
    if words[0] == "for" or words[:2] == ["special", "to"]:
        return True
    role = _ROLE_PLACE.split(piece.lower(), maxsplit=1)[0].split()
    return words[-1] in ROLE_NOUNS or role[-1] in ROLE_NOUNS or role[0] in ROLE_HEADS


def is_social_label(piece: str) -> bool:
    """The label of a social or contact link beside a byline (``X``, ``LinkedIn``, ``Follow on
    X``, ``Follow @annlee``): never an author, nor a co-author.

    >>> [is_social_label(p) for p in ("X", "Follow on X", "Follow @annlee", "LinkedIn")]
    [True, True, True, True]
    >>> is_social_label("Li Sun"), is_social_label("Xavier"), is_social_label("Follow Ann")
    (False, False, False)
    """
    piece = piece.strip(" ,.:|")
    if piece.casefold() in SOCIAL_NETWORKS:
        return True
    found = _FOLLOW.fullmatch(piece)
    if found is None:
        return False
    rest = found["rest"]
    return rest is None or rest.startswith("@") or rest.casefold() in SOCIAL_NETWORKS


def social_tail(text: str) -> str:
    """``text`` without a follow label after the name (``Ann Lee Follow on X``).

    >>> social_tail("Ann Lee Follow on X"), social_tail("Ann Lee | Follow"), social_tail("Ann Lee")
    ('Ann Lee', 'Ann Lee', 'Ann Lee')
    """
    found = _FOLLOW_TAIL.search(text)
    return text if found is None or found.start() == 0 else text[: found.start()]


def is_agency(piece: str) -> bool:
    """A news agency or a bare domain: not a person wherever it stands."""
    lowered = piece.lower()
    return (
        lowered in ORGANISATIONS
        or lowered.removeprefix("the ") in ORGANISATIONS
        or _DOMAIN.fullmatch(piece) is not None
    )


def is_organisation_author(piece: str) -> bool:
    """A capitalised organisation name standing as a byline's author.

    >>> is_organisation_author("Organization for Transformative Works")
    True
    >>> is_organisation_author("The Numbers"), is_organisation_author("the end of the war")
    (False, False)
    >>> is_organisation_author("Jane Roe for The Times")
    False
    >>> is_organisation_author("ANN LEE OF THE TIMES"), is_organisation_author("Times of India")
    (False, True)
    """
    words = piece.split()
    if not 2 <= len(words) <= 8 or _DIGIT.search(piece):
        return False
    if not all(w[0].isupper() or w.lower() in ORG_CONNECTORS for w in words):
        return False
    # Before "in", "for", "at" or "of" stands the organisation itself, not a person placed
    # somewhere: "Center for ..." is one, "Jane Roe for The Times" is not.
    head = OF_TAIL.split(piece, maxsplit=1)[0].split()
    return any(w.lower().strip(".,") in ORGANISATION_AUTHOR_WORDS for w in head)


def is_organisation(piece: str) -> bool:
    """A publication, recognised by its wording: ``The Coastal Herald``, ``Daily Drip``.

    Only trusted *after* a name: at the start of a line, "By the ..." is prose.
    """
    lowered = piece.lower()
    if is_agency(piece) or lowered.startswith("the "):
        return True
    words = lowered.split()
    if words and words[0] in ORGANISATIONS:
        return True  # "CNN Business", "Bloomberg Opinion": a desk of an agency
    return any(word in ORGANISATION_WORDS for word in words)


def is_outlet_or_city(piece: str) -> bool:
    """After a name: the outlet (``Washington Post``, ``USA TODAY``) or the dateline city
    (``New York``, ``Mexico City``) of a byline, not a co-author.

    >>> is_outlet_or_city("USA TODAY"), is_outlet_or_city("Los Angeles")
    (True, True)
    >>> is_outlet_or_city("John Roe"), is_outlet_or_city("Post")
    (False, False)
    """
    return is_outlet(piece) or is_city(piece)


def is_outlet(piece: str) -> bool:
    """A publication named by its last noun: ``Kansas City Star``, ``The Sacramento Bee``,
    ``Chicago Sun-Times`` (a compound opening with an outlet noun); ``Sun Li`` is a name, and
    so is ``Li Sun``: a syllable of two or three letters in title case before the noun opens
    a name (``Li``, ``Wu``, ``Kim``), never a place or an article (``The Sun``, ``NY Post``).

    >>> is_outlet("Li Sun"), is_outlet("The Sun"), is_outlet("NY Post"), is_outlet("El Sol Star")
    (False, True, True, True)
    """
    words = piece.lower().split()
    if len(words) < 2:
        return False
    tail = words[-1].partition("-")[0]
    if not (tail in OUTLET_TAILS or tail in ORGANISATION_WORDS):
        return False
    first = piece.split()[0]
    return not (
        len(words) == 2
        and 2 <= len(first) <= 3
        and first.istitle()
        and words[0] not in ARTICLES | PARTICLES
    )


def is_city(piece: str) -> bool:
    """A dateline city of several words: ``New York``, ``Mexico City``."""
    lowered = piece.lower()
    return lowered.endswith(" city") or lowered in DATELINE_CITIES


def drop_trailing_agency(piece: str) -> str:
    """A name followed by an agency of several words, as a wire byline runs them
    together: ``JOSH BOAK Associated Press`` is Josh Boak. One word stays: ``Michael
    Bloomberg`` is a name. A name in capitals ends where the case changes, when what follows
    is an outlet or an organisation: ``JANE ROE Des Moines Register`` is Jane Roe.

    >>> drop_trailing_agency("JOSH BOAK Associated Press"), drop_trailing_agency("The AP")
    ('JOSH BOAK', 'The AP')
    >>> drop_trailing_agency("JANE ROE Des Moines Register"), drop_trailing_agency("ANN LEE Smith")
    ('JANE ROE', 'ANN LEE Smith')
    """
    words = piece.split()
    for size in (3, 2):
        if len(words) > size + 1 and is_agency(" ".join(words[-size:])):
            return " ".join(words[:-size])
    caps = next((i for i, word in enumerate(words) if not word.isupper()), len(words))
    if 2 <= caps < len(words):
        rest = " ".join(words[caps:])
        if is_outlet(rest) or is_organisation(rest):
            return " ".join(words[:caps])
    return piece
