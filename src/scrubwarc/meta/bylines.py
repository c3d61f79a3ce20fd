"""Read author names from a byline line, or decide that the line is not a byline.

A byline is a short line such as ``By Ariel Zirulnick``, ``By X, Y and Z``,
``BY JOHN SMITH | The Coastal Herald`` or ``Jane Roe, Staff Writer``. What is not
a name is stripped: the ``By``/``Written by`` lead-in, roles (``Staff Writer``,
``Senior Editor``), news agencies and sites (``Associated Press``, ``| Site``,
``/Reuters``, ``(AP)``) after a person's name, a trailing location (``in Beirut``).

Titles, one policy in every language: academic and honorific titles before a name
(``Dr.``, ``Prof.``, ``Dipl.-Ing.``, ``pani``, ``Yrd. Doç.``, ``Herr``, ``Mme``) are
dropped, so the author is the name and compares equal to names in HTML metadata.

An organisation or wire service is an author when it is the whole byline
(``By The Associated Press``, ``By Reuters``, ``Organization for Transformative Works``);
after a person's name it is an affiliation and dropped. Date lines (``Posted: …``,
``Last updated: …``) are never bylines. CJK bylines (``作者：张三``, ``记者 李四 王五``,
``홍길동 기자``) name their authors with a lead-in or a trailing role word.

Prose that happens to start with "By" (``By the end of the war, ...``,
``By 2030 the population will double``) must not yield names, so every remaining
piece must look like a name: capitalised words (or name particles such as ``van``
and ``de``), no digits, no sentence words, at most a few words. One piece that is
not a name rejects the whole line: a half-parsed byline is worse than none.

Names written in capitals are title-cased with care for ``McDonald``, ``O'Brien``,
hyphenated names and particles; names already in mixed case are kept as written.

Standard library only and no import-time work beyond compiling a few linear
regexes, because this runs on every candidate line of every article.
"""

from __future__ import annotations

import re

from scrubwarc.meta.dates import is_update, parse_date, squeeze

__all__ = ["byline_date", "byline_site", "parse_byline"]

# Real bylines are short; anything longer is prose.
_MAX_LINE = 200
_MAX_NAMES = 8
_MAX_NAME_WORDS = 5

_FLAGS = re.IGNORECASE
# The lead-in; whitespace is normalised to single spaces first, so no ``\s*``.
_LEAD_IN = re.compile(
    r"(?:(?:written|reported|reporting|words|story|text|posted|compiled) )?by(?::? |:)"
    # The author label, also in German, Spanish, Portuguese, Polish, Czech, Italian, French.
    r"|(?:authors?|autor(?:in|innen|en|es|as)?|autor[ei]|auteurs?|words|text) ?: ?"
    # The same lead-in in other languages: German, Spanish, French, Italian, Dutch, Polish,
    # Swedish, Danish, Czech, Russian, Ukrainian; and "written by" in some of them.
    r"|(?:geschrieben von|escrit[oa] por|écrit par|geschreven door|scritt[oa] da"
    r"|von|por|par|di|door|przez|av|af|od|автор|авторы|текст|від)(?::? |:)",
    _FLAGS,
)
# A trailing parenthetical is an agency or an address: "By Jane Roe (AP)".
_PARENTHETICAL = re.compile(r" ?\([^()]{1,60}\)$")
# Everything after one of these is the site, a date or another extra.
_TAIL_SEPARATORS = (" | ", "|", " — ", " – ", " - ", "/", " · ", " • ")
# Between names: "X, Y, and Z", "X and Y", "X & Y", "X; Y", "X with additional reporting by
# Y", and "and" in the lead-ins' languages. "e" and "y" only in lower case ("Mary E Smith"),
# and "y" only before a first name and a surname ("José Ortega y Gasset" is one man).
_NAME_SEPARATOR = re.compile(
    r",? (?:and|und|et|en|og|och|и|(?-i:with)(?: (?:additional )?reporting (?:by|from))?) "
    r"|,? & |, |; | (?-i:e) | (?-i:y) (?=[^ ,;]+ [^ ,;])",
    _FLAGS,
)
# "X in Beirut", "X for The Guardian": the rest of the piece is not the name.
_NAME_TAIL = re.compile(r" (?:in|for|at) ", _FLAGS)
# An e-mail address or a social handle beside the name: "By Jane Roe, jroe@example.com".
_CONTACT = re.compile(r" ?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+)")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", _FLAGS)
# One word of a name: letters with inner apostrophes, hyphens and dots ("J.R.",
# "O'Brien", "Jean-Paul", "Jr."); no digits, no other punctuation.
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")
_DIGIT = re.compile(r"[0-9]")
_YEAR_RUN = re.compile(r"[0-9]{4,}")
_WORD_PARTS = re.compile(r"(['’.-])")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ROLE_NOUNS = _word_set(
    """writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors columnist columnists journalist journalists staff producer
    producers photographer photographers analyst critic blogger intern freelancer chief
    editor-at-large"""
)
# Matched against the whole piece, lower-cased.
_ORGANISATIONS = frozenset(
    (
        "ap",
        "associated press",
        "reuters",
        "thomson reuters",
        "afp",
        "agence france-presse",
        "agence france presse",
        "bloomberg",
        "bloomberg news",
        "upi",
        "united press international",
        "dpa",
        "efe",
        "ansa",
        "xinhua",
        "kyodo",
        "kyodo news",
        "pa",
        "pa media",
        "press association",
        "cnn",
        "bbc",
        "bbc news",
    )
)
# Words that mark a piece as a publication rather than a person.
_ORGANISATION_WORDS = _word_set(
    """news times herald press journal tribune gazette magazine media network agency
    daily telegraph chronicle observer monitor bulletin wire online newspaper newsroom
    desk bureau"""
)
# Words that never occur in a name, even capitalised: they mark a headline-case
# sentence ("By The Numbers") or a bare date ("By Monday").
_NON_NAME_WORDS = _word_set(
    """the an to of for with from is was are were be been this that these those it its
    their our my your we you they he she not than if when while after before during
    through into over under about what who how why which all some most more monday
    tuesday wednesday thursday friday saturday sunday january february march july
    september october november december today yesterday tomorrow"""
)
# Months that are also first names ("April Rubin", "June Carter"): a date only alone.
_MONTH_NAMES = _word_set("april june august")
# Lower-case words allowed inside a name.
_PARTICLES = _word_set(
    "van von der den de del della di da du la le dos das ter ten bin ibn al el y"
)
# Lower-case prefixes of "d'Alembert", "al-Assad", "bin-Talal".
_NAME_PREFIXES = _PARTICLES | {"d", "l"}
_HONORIFICS = _word_set(
    """dr dr. prof prof. professor mr mr. mrs mrs. ms ms. mx mx. rev rev. sir dame
    dipl.-ing. dipl.-kfm. dipl.-psych. dipl. dr.-ing. dr.med. dr. ing. ing mag. mag
    mgr. mgr doc. doç. doç yrd. yrd prof.dr. univ.-prof. priv.-doz. pd herr frau hr. fr.
    pani pan panna m. mme mme. mlle mlle. sr. sra. srta. don doña dña. sig. sig.ra
    dott. dott.ssa avv. prof.ssa bay bayan sayın г-н г-жа д-р проф. acad. sheikh"""
)
# Words that make a capitalised phrase an organisation: ``Organization for Transformative
# Works``, ``The Associated Press``, ``Reuters Staff`` are not people.
_ORGANISATION_AUTHOR_WORDS = _ORGANISATION_WORDS | _word_set(
    """organization organisation organizations association associated institute
    foundation council committee department ministry university college society union
    group team service services works center centre commission coalition alliance
    federation league trust fund corporation company inc inc. ltd ltd. llc partners
    project initiative editorial board office agence presse"""
)
_ORG_CONNECTORS = _word_set("of for the and & on in de du des la le für der die")
# A date line opens with its label and a date, never with "by": "Posted: 01.12.2020".
_DATE_LABEL = re.compile(
    r"(?:(?:last|first|originally) )?(?:updated|posted|published|modified|created|date)"
    r"(?: on| at)?(?::|\b(?! by\b))",
    _FLAGS,
)
_ROMAN_NUMERALS = _word_set("ii iii iv vi vii viii")
# After a name and a comma: degrees and credentials ("Jane Roe, MD, PhD") are not people,
# and a generational suffix ("Martin Luther King, Jr.") belongs to the name before it.
# Compared lower-cased without dots.
_POST_NOMINALS = _word_set(
    """phd md do dds dmd dvm mph mba msc ms ma mfa ba bsc bsn msn dnp rn np aprn fnp pa-c
    rd rdn ld ldn apd cde cdces cscs ibclc lpc lmft lcsw msw psyd edd pharmd mbbs mrcp
    frcp frcs facp jd llm esq cfa cpa obe mbe cbe kc qc"""
)
_GENERATIONS = _word_set("jr sr ii iii iv")


def parse_byline(line: str, *, organisations: bool = False) -> tuple[str, ...] | None:
    """Return the author names in a byline, or ``None`` if ``line`` is not one.

    A line without a ``By``-style lead-in counts only when a role follows the
    names (``Jane Roe, Staff Writer``): a bare name on a line is too weak a signal.
    With ``organisations``, a byline that credits only an organisation or a wire service
    (``By The Associated Press``) names it as the author; without, it names nobody (an
    HTML author field holding the site's name is not an author).

    >>> parse_byline("BY JOHN SMITH and Mary O'Brien, Reuters")
    ('John Smith', "Mary O'Brien")
    >>> parse_byline("By the end of the war, the city had fallen.") is None
    True
    """
    text = squeeze(line, _MAX_LINE)
    if not text:
        return None
    if (dated := _dated_head(text)) is not None:
        text = text[dated + 1 :]  # "Posted on March 3, 2020 by X": "by X"
    elif _DATE_LABEL.match(text):
        return None
    if not text.isascii():
        from scrubwarc.meta.cjkbylines import cjk_byline  # only for non-ASCII lines

        found = cjk_byline(text)
        if found is not None:
            return found or None
    lead_in = _LEAD_IN.match(text)
    if lead_in:
        text = text[lead_in.end() :]
    elif "," not in text:
        return None  # without "By" only "Name, Role" qualifies: skip body lines fast
    text = _PARENTHETICAL.sub("", text)
    if "@" in text:
        text = _CONTACT.sub("", text)
    for separator in _TAIL_SEPARATORS:
        text = text.partition(separator)[0]
    text = _drop_trailing_date(text)
    pieces = _NAME_SEPARATOR.split(text.strip())
    if len(pieces) > _MAX_NAMES * 2:
        return None
    names: list[str] = []
    credited: list[str] = []
    saw_role = False
    for piece in pieces:
        piece = _drop_trailing_agency(piece.strip(" ,"))
        if _is_role(piece):
            saw_role = True
            continue
        if names and (_is_agency(piece) or _is_organisation(piece)):
            continue  # "By X, Associated Press": an affiliation
        if organisations and lead_in and (_is_agency(piece) or _is_organisation_author(piece)):
            credited.append(_organisation_case(piece))  # "By The Associated Press": the author
            continue
        if _is_agency(piece):
            continue  # without organisations, "By Reuters" names nobody
        if names and piece.lower().startswith(("in ", "at ")):
            continue  # "By X, Reuters, in Beirut"
        suffix = piece.lower().replace(".", "")
        if names and suffix in _GENERATIONS:
            names[-1] = f"{names[-1]} {piece}"  # "King, Jr." is King Jr.
            continue
        if names and suffix in _POST_NOMINALS:
            continue  # "Jane Roe, MD": a credential
        if names and " " not in piece and " " in names[0]:
            continue  # "Von Anna Schmidt, Berlin": a place; a co-author has a full name
        name = _clean_name(piece)
        if name is None:
            return None
        if name not in names:
            names.append(name)
    if not (lead_in or saw_role) or len(names) > _MAX_NAMES:
        return None
    if names:
        return tuple(names)
    return tuple(credited) or None


def byline_site(line: str) -> str | None:
    """The site a byline names after a bar: ``By Jane Roe | The Herald`` gives ``The Herald``.

    >>> byline_site("BY JANE ROE | The Coastal Herald"), byline_site("By Jane Roe")
    ('The Coastal Herald', None)
    """
    head, bar, site = line.rpartition("|")
    site = site.strip()
    if not bar or not site or parse_date(site) is not None:
        return None
    if parse_byline(head, organisations=True) is None:
        return None
    return site


def byline_date(line: str) -> str | None:
    """The date a byline line ends with, as written (``By X | March 3, 2020``).

    >>> byline_date("By Jane Roe | March 3, 2020"), byline_date("By Jane Roe on 3 March 2020")
    ('March 3, 2020', '3 March 2020')
    >>> byline_date("By Jane Roe Updated March 4, 2020")
    'Updated March 4, 2020'
    >>> byline_date("By the end of May 2020, it was over.") is None
    True
    """
    text = squeeze(line, _MAX_LINE)
    if not text or parse_byline(text, organisations=True) is None:
        return None
    if (dated := _dated_head(text)) is not None:
        return text[:dated]
    # The separators parse_byline cuts a trailing date at, a glued one last:
    # "By Jane Roe Updated March 4, 2020".
    start = _date_start(text, (*_TAIL_SEPARATORS, " on ", ", ", " "))
    return None if start is None else text[start:].strip()


def _dated_head(text: str) -> int | None:
    """Where `` by `` follows the publication date a squeezed line opens with (``Posted on
    March 3, 2020 by X``, ``March 3, 2020 by X``), if it does. Who updated a page
    (``Updated March 4, 2020 by X``) is not its author.

    >>> _dated_head("Posted on March 3, 2020 by Jane Roe"), _dated_head("By 2030 by law")
    (23, None)
    >>> _dated_head("Updated March 4, 2020 by Jane Roe") is None
    True
    """
    if _YEAR_RUN.search(text) is None:
        return None  # every date parse_date reads has a four-digit year
    by = text.lower().find(" by ")
    if by <= 0 or parse_date(text[:by]) is None or is_update(text):
        return None
    return by


def _date_start(text: str, separators: tuple[str, ...]) -> int | None:
    """Where a date that ends ``text`` after one of ``separators`` begins, if one does."""
    # Every date ``parse_date`` reads has a four-digit year: a piece of the line that starts
    # after its last four digits holds none and is not parsed (most lines hold none at all).
    last = max((run.end() - 4 for run in _YEAR_RUN.finditer(text)), default=-1)
    for separator in separators:
        start = text.find(separator)
        # One parse per separator in a line of at most _MAX_LINE characters.
        while start > 0 and start + len(separator) <= last:
            if parse_date(text[start + len(separator) :]) is not None:
                return start + len(separator)
            start = text.find(separator, start + 1)
    return None


def _drop_trailing_date(text: str) -> str:
    """Cut a date that ends the byline: ``By X on July 30, 2012``, ``By X, July 30, 2012``."""
    for separator in (" on ", ", ", " "):
        start = _date_start(text, (separator,))
        if start is not None:
            return text[: start - len(separator)]
    return text


def _is_role(piece: str) -> bool:
    """``Staff Writer``, ``Middle East Correspondent``, ``Special to The Times``."""
    words = piece.lower().split()
    if not words or len(words) > 6:
        return False
    if words[0] == "for" or words[:2] == ["special", "to"]:
        return True
    return words[-1] in _ROLE_NOUNS


def _is_agency(piece: str) -> bool:
    """A news agency or a bare domain: not a person wherever it stands."""
    lowered = piece.lower()
    return (
        lowered in _ORGANISATIONS
        or lowered.removeprefix("the ") in _ORGANISATIONS
        or _DOMAIN.fullmatch(piece) is not None
    )


def _organisation_case(piece: str) -> str:
    """An organisation written in capitals in title case (``THE ASSOCIATED PRESS``); an
    acronym (``AFP``) or a name in mixed case as written."""
    words = piece.split()
    if not piece.isupper() or len(words) < 2:
        return piece
    return " ".join(
        w.lower() if i and w.lower() in _ORG_CONNECTORS else _title_case_word(w)
        for i, w in enumerate(words)
    )


def _is_organisation_author(piece: str) -> bool:
    """A capitalised organisation name standing as a byline's author.

    >>> _is_organisation_author("Organization for Transformative Works")
    True
    >>> _is_organisation_author("The Numbers"), _is_organisation_author("the end of the war")
    (False, False)
    >>> _is_organisation_author("Jane Roe for The Times")
    False
    """
    words = piece.split()
    if not 2 <= len(words) <= 8 or _DIGIT.search(piece):
        return False
    if not all(w[0].isupper() or w.lower() in _ORG_CONNECTORS for w in words):
        return False
    # Before "in", "for" or "at" stands the organisation itself, not a person placed
    # somewhere: "Center for ..." is one, "Jane Roe for The Times" is not.
    head = _NAME_TAIL.split(piece, maxsplit=1)[0].split()
    return any(w.lower().strip(".,") in _ORGANISATION_AUTHOR_WORDS for w in head)


def _is_organisation(piece: str) -> bool:
    """A publication, recognised by its wording: ``The Coastal Herald``, ``Daily Drip``.

    Only trusted *after* a name: at the start of a line, "By the ..." is prose.
    """
    lowered = piece.lower()
    if _is_agency(piece) or lowered.startswith("the "):
        return True
    words = lowered.split()
    if words and words[0] in _ORGANISATIONS:
        return True  # "CNN Business", "Bloomberg Opinion": a desk of an agency
    return any(word in _ORGANISATION_WORDS for word in words)


def _drop_trailing_agency(piece: str) -> str:
    """A name followed by an agency of several words, as a wire byline runs them
    together: ``JOSH BOAK Associated Press`` is Josh Boak. One word stays: ``Michael
    Bloomberg`` is a name.

    >>> _drop_trailing_agency("JOSH BOAK Associated Press"), _drop_trailing_agency("The AP")
    ('JOSH BOAK', 'The AP')
    """
    words = piece.split()
    for size in (3, 2):
        if len(words) > size + 1 and _is_agency(" ".join(words[-size:])):
            return " ".join(words[:-size])
    return piece


def _clean_name(piece: str) -> str | None:
    """The name in ``piece`` (location and honorific dropped), or None if not a name."""
    piece = _NAME_TAIL.split(piece, maxsplit=1)[0]
    words = piece.split()
    while words and words[0].lower() in _HONORIFICS:
        words = words[1:]
    if not words or len(words) > _MAX_NAME_WORDS:
        return None
    if len(words) == 1 and words[0].lower() in _MONTH_NAMES:
        return None  # "By June": a date
    for index, word in enumerate(words):
        if not _is_name_word(word, first=index == 0):
            return None
    name = " ".join(words)
    if _is_organisation(name) and len(words) > 1:
        return None
    if name.isupper() and sum(char.isalpha() for char in name) > 1:
        return _title_case(words)
    return name


def _is_name_word(word: str, *, first: bool) -> bool:
    if not _NAME_WORD.fullmatch(word):
        return False
    lowered = word.lower()
    if lowered in _NON_NAME_WORDS:
        return False
    if word.endswith(".") and len(word.rstrip(".").replace(".", "")) > 3:
        return False  # "fallen." ends a sentence; "J.", "Jr.", "J.R." do not
    if word[0].isupper():
        return True
    if not first and lowered in _PARTICLES:
        return True
    # "d'Alembert", "al-Assad", "bin-Talal": a lower-case prefix, then a capital.
    head, _, rest = word.replace("’", "'").replace("'", "-").partition("-")
    return head.lower() in _NAME_PREFIXES and rest[:1].isupper()


def _title_case(words: list[str]) -> str:
    """Title-case a name written in capitals: ``MARY MCDONALD-O'BRIEN VAN DYKE``."""
    result = []
    for index, word in enumerate(words):
        lowered = word.lower()
        if lowered in _ROMAN_NUMERALS:
            result.append(word)
        elif index > 0 and lowered in _PARTICLES:
            result.append(lowered)
        else:
            result.append(_title_case_word(word))
    return " ".join(result)


def _title_case_word(word: str) -> str:
    # Capitalise each part between separators: O'Brien, Jean-Paul, J.R.
    out = []
    for part in _WORD_PARTS.split(word):
        lowered = part.lower()
        if lowered.startswith("mc") and len(part) > 2:
            out.append("Mc" + lowered[2:].capitalize())
        else:
            out.append(lowered.capitalize())
    return "".join(out)
