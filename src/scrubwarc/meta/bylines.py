"""Read author names from a byline line, or decide that the line is not a byline.

A byline is a short line such as ``By Ariel Zirulnick``, ``By X, Y and Z``,
``BY JOHN SMITH | The Coastal Herald`` or ``Jane Roe, Staff Writer``. What is not
a name is stripped: the ``By``/``Written by`` lead-in, roles (``Staff Writer``,
``Senior Editor``), news agencies and sites (``Associated Press``, ``| Site``,
``/Reuters``, ``(AP)``) after a person's name, a trailing location (``in Beirut``), and
after a comma a place, a dateline city or an outlet (``Berlin``, ``New York``, ``USA TODAY``).

Titles, one policy in every language: academic and honorific titles before a name
(``Dr.``, ``Prof.``, ``Dipl.-Ing.``, ``pani``, ``Yrd. Doç.``, ``Herr``, ``Mme``) and
political and military ranks written with their dot (``Sen.``, ``Rep.``, ``Gen.``) are
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
not a name rejects the whole line: a half-parsed byline is worse than none. On a
line of scraped text one name at least must have two words: ``By Design``, ``By Land
and Sea`` are headline-case prose (an HTML author field vouches for a one-word name).

Names written in capitals are title-cased with care for ``McDonald``, ``O'Brien``,
hyphenated names and particles; names already in mixed case are kept as written.

Standard library only and no import-time work beyond compiling a few linear
regexes, because this runs on every candidate line of every article.
"""

from __future__ import annotations

import re

from scrubwarc.meta.affiliations import (
    NAME_TAIL,
    OF_TAIL,
    drop_trailing_agency,
    is_agency,
    is_organisation,
    is_organisation_author,
    is_outlet_or_city,
    is_role,
    is_social_label,
)
from scrubwarc.meta.bylinewords import (
    ARTICLES,
    GENERATIONS,
    HONORIFICS,
    MONTH_NAMES,
    NAME_PREFIXES,
    NON_NAME_WORDS,
    OFFICES,
    ORG_CONNECTORS,
    PARTICLES,
    POST_NOMINALS,
    ROLE_NOUNS,
    ROMAN_NUMERALS,
)
from scrubwarc.meta.dates import is_update, parse_date, squeeze

__all__ = ["byline_date", "byline_site", "parse_byline", "strip_lead_in"]

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
# The newsroom, credited as a whole after a lead-in ("Von Redaktion", "Par la rédaction").
_NEWSROOM = re.compile(
    r"\b(?:redaktion(?:en)?|redazione|redacci[oó]n|reda[cç][aã]o|r[ée]daction|redactie"
    r"|redaksjonen|redakcja|redakce|редакция|редакція)\b",
    _FLAGS,
)
_NEWSROOM_ARTICLE = re.compile(r"^(?:der|die|la|le|de|het|el|a|the) (?=\w+$)", _FLAGS)
# A credit to someone other than a writer, to the next semicolon: "By X; Editing by Y",
# "Reporting by X, photos by Y". Its names are not authors.
_OTHER_CREDIT = re.compile(
    r"[;,.]? (?:editing|edited|photos?|photography|graphics|video|illustrations?|design"
    r"|translat(?:ed|ion)|fact[- ]?check(?:ed|ing)|produc(?:ed|tion)) by\b[^;]*",
    _FLAGS,
)
# A writer's credit after another, as wire services list them: "Reporting by X; Writing by
# Y", "By X; additional reporting by Y".
_MORE_WRITERS = re.compile(r"; (?:additional )?(?:reporting|writing) by:? ", _FLAGS)
# "Of" an outlet after a name, in the Romance languages: "da Folha", "de El País", "del
# Corriere", "du Monde", "do Globo". (A particle opens a surname only inside a name.)
_OF_OUTLET = re.compile(r"(?:da|do|das|dos|de|del|della|du|des) [A-ZÀ-Þ]")
# A trailing parenthetical is an agency or an address: "By Jane Roe (AP)".
_PARENTHETICAL = re.compile(r" ?\([^()]{1,60}\)$")
# Everything after one of these is the site, a date or another extra.
_TAIL_SEPARATORS = (" | ", "|", " — ", " – ", " - ", "/", " · ", " • ")
# Between names: "X, Y, and Z", "X and Y", "X & Y", "X; Y", "X with additional reporting by
# Y", and "and" in the lead-ins' languages. "e" and "y" only in lower case ("Mary E Smith"),
# and "y" only before a first name and a surname that no "y" joins ("José Ortega y Gasset"
# is one man, also in "Por José Ortega y Gasset y Juan Pérez").
_NAME_SEPARATOR = re.compile(
    r",? (?:and|und|et|en|og|och|и|(?-i:with)(?: (?:additional )?reporting (?:by|from))?) "
    r"|,? & |, |; | (?-i:e) | (?-i:y) (?=[^ ,;]+ (?!y )[^ ,;])",
    _FLAGS,
)
# An e-mail address or a social handle beside the name: "By Jane Roe, jroe@example.com".
_CONTACT = re.compile(r" ?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+)")
# One word of a name: letters with inner apostrophes, hyphens and dots ("J.R.",
# "O'Brien", "Jean-Paul", "Jr."); no digits, no other punctuation.
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")
_YEAR_RUN = re.compile(r"[0-9]{4,}")
_WORD_PARTS = re.compile(r"(['’.-])")


# After the names, a date's label: the rest of the line is the date ("X, Updated 2 hours ago").
_DATE_LABEL_TAIL = re.compile(
    r",? (?:(?:last|first|originally) )?(?:updated|posted|published|modified)\b", _FLAGS
)
# A date line opens with its label and a date, never with "by": "Posted: 01.12.2020".
_DATE_LABEL = re.compile(
    r"(?:(?:last|first|originally) )?(?:updated|posted|published|modified|created|date)"
    r"(?: on| at)?(?::|\b(?! by\b))",
    _FLAGS,
)


def parse_byline(
    line: str, *, organisations: bool = False, mononyms: bool = True
) -> tuple[str, ...] | None:
    """Return the author names in a byline, or ``None`` if ``line`` is not one.

    A line without a ``By``-style lead-in counts only when a role follows the
    names (``Jane Roe, Staff Writer``): a bare name on a line is too weak a signal.
    With ``organisations``, a byline that credits only an organisation or a wire service
    (``By The Associated Press``) names it as the author; without, it names nobody (an
    HTML author field holding the site's name is not an author). Without ``mononyms``, a
    byline whose names are all one word (``By Design``, ``By Land and Sea``) is prose, as a
    line of scraped text must name a person in full; an HTML author field vouches for
    ``Eliz``.

    >>> parse_byline("BY JOHN SMITH and Mary O'Brien, Reuters")
    ('John Smith', "Mary O'Brien")
    >>> parse_byline("By the end of the war, the city had fallen.") is None
    True
    >>> parse_byline("By Design"), parse_byline("By Design", mononyms=False)
    (('Design',), None)
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
    if " by" in text or " By" in text or " BY" in text:
        text = _MORE_WRITERS.sub("; ", _OTHER_CREDIT.sub("", text))
    text = _PARENTHETICAL.sub("", text)
    if "@" in text:
        text = _CONTACT.sub("", text)
    for separator in _TAIL_SEPARATORS:
        text = text.partition(separator)[0]
    text = _drop_trailing_date(text)
    if (label := _DATE_LABEL_TAIL.search(text)) is not None:
        text = text[: label.start()]  # "By X, Updated 2 hours ago": no date parse_date reads
    text = text.strip()
    pieces = _NAME_SEPARATOR.split(text)
    if len(pieces) > _MAX_NAMES * 2:
        return None
    joins = ["", *_NAME_SEPARATOR.findall(text)]  # what stands before each piece
    names: list[str] = []
    credited: list[str] = []
    saw_role = False  # a role or a credential after a name: "Name, Role" qualifies
    pieces = [drop_trailing_agency(piece.strip(" ,")) for piece in pieces]
    roles = [is_role(piece) for piece in pieces]
    # A role or a credential: "X, Writer, Y, Editor" lists Y, a title of their own.
    titles = [*(r or _is_credential(p) for r, p in zip(roles, pieces, strict=True)), False]
    titled = False  # the piece before is a role or a title ("Head of Marketing")
    for index, (piece, join) in enumerate(zip(pieces, joins, strict=True)):
        if is_social_label(piece):
            continue  # "By X, Li Sun": the label of a link to the writer's account
        if roles[index]:
            saw_role = titled = True
            continue
        if names and titled and _continues(join) and not titles[index + 1]:
            # "Jane Roe, CEO, Acme Corp", "Head of Marketing and Community Development": the
            # title's employer or its second half; a co-author is listed after ", and" or
            # with a title of their own ("X, Writer, and Y", "X, Writer, Y, Editor").
            continue
        titled = False
        after = joins[index + 1] if index + 1 < len(joins) else ", "
        if names and (is_agency(piece) or is_organisation(piece) or is_organisation_author(piece)):
            continue  # "By X, Associated Press", "By X, Harvard University": an affiliation
        if names and join == after == ", " and is_outlet_or_city(piece):
            # "By X, New York", "By X, Kansas City Star"; "X and Emily Post" and "X, Li Sun
            # and Y" name a co-author in a list.
            continue
        if organisations and lead_in and (is_agency(piece) or is_organisation_author(piece)):
            credited.append(_organisation_case(piece))  # "By The Associated Press": the author
            continue
        if is_agency(piece):
            continue  # without organisations, "By Reuters" names nobody
        if names and piece.lower().startswith(("in ", "at ")):
            continue  # "By X, Reuters, in Beirut"
        if names and _OF_OUTLET.match(piece):
            continue  # "Por João Silva, da Folha", "Por X, de El País": the writer's paper
        if names and piece.lower().replace(".", "") in GENERATIONS:
            names[-1] = f"{names[-1]} {piece}"  # "King, Jr." is King Jr.
            continue
        if names and _is_credential(piece):
            saw_role = saw_role or " " in names[-1]
            continue  # "Jane Roe, MD": a credential
        if names and " " not in OF_TAIL.split(piece, maxsplit=1)[0] and " " in names[0]:
            # "Von Anna Schmidt, Berlin": a place; "X, Voice of America" an organisation,
            # "X, Head of Marketing" a title; a co-author has a full name.
            titled = " " in piece
            continue
        name = _clean_name(piece)
        if name is None:
            return None
        if name not in names:
            names.append(name)
    if not (lead_in or saw_role) or len(names) > _MAX_NAMES:
        return None
    if not mononyms and names and all(" " not in name for name in names):
        return None  # "By Design", "By Land and Sea": a person's byline has a full name
    if names:
        return tuple(names)
    return tuple(credited) or None


def strip_lead_in(text: str) -> str:
    """``text`` after the byline lead-in it opens with, in any language the lead-ins know,
    when a name of two words at least follows it in capitals; ``text`` as given otherwise,
    where the word opens a surname (``Von Trapp``, ``Di Maio``) or prose.

    >>> strip_lead_in("Von Anna Lehmann und Bernd Christ"), strip_lead_in("Автор: Анна Ли")
    ('Anna Lehmann und Bernd Christ', 'Анна Ли')
    >>> strip_lead_in("Di Maio"), strip_lead_in("Ann Lee"), strip_lead_in("Par la rédaction")
    ('Di Maio', 'Ann Lee', 'rédaction')
    """
    lead_in = _LEAD_IN.match(text)
    if lead_in is None:
        return text
    rest = text[lead_in.end() :].strip()
    if _NEWSROOM.search(rest):
        # "Von Redaktion", "Par la rédaction": the newsroom, credited as a whole
        return _NEWSROOM_ARTICLE.sub("", rest)
    return rest if len(rest.split()) >= 2 and rest[0].isupper() else text


def _is_credential(piece: str) -> bool:
    """``MD``, ``Ph.D.``, ``CFP``: a degree or a credential after a name and a comma."""
    return piece.lower().replace(".", "") in POST_NOMINALS


def _continues(join: str) -> bool:
    """Whether a separator may continue a title: ``, `` or a bare ``and`` (no comma)."""
    return join == ", " or join.strip(" ").lower() in ("and", "&")


def byline_site(line: str) -> str | None:
    """The site a byline names after a bar: ``By Jane Roe | The Herald`` gives ``The Herald``.

    >>> byline_site("BY JANE ROE | The Coastal Herald"), byline_site("By Jane Roe")
    ('The Coastal Herald', None)
    """
    head, bar, site = line.rpartition("|")
    site = site.strip()
    if not bar or not site or parse_date(site) is not None:
        return None
    if parse_byline(head, organisations=True, mononyms=False) is None:
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
    if not text or parse_byline(text, organisations=True, mononyms=False) is None:
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


def _organisation_case(piece: str) -> str:
    """An organisation written in capitals in title case (``THE ASSOCIATED PRESS``); an
    acronym (``AFP``) or a name in mixed case as written, but for the article that opens it
    as an author (``By the Associated Press``).

    >>> _organisation_case("THE ASSOCIATED PRESS"), _organisation_case("the Associated Press")
    ('The Associated Press', 'The Associated Press')
    """
    words = piece.split()
    if words[0] == "the":
        return f"The {piece[4:]}"
    if not piece.isupper() or len(words) < 2:
        return piece
    return " ".join(
        w.lower() if i and w.lower() in ORG_CONNECTORS else _title_case_word(w)
        for i, w in enumerate(words)
    )


def _clean_name(piece: str) -> str | None:
    """The name in ``piece`` (location and honorific dropped), or None if not a name."""
    piece = NAME_TAIL.split(piece, maxsplit=1)[0]
    if " " in (head := OF_TAIL.split(piece, maxsplit=1)[0]):
        piece = head  # "Jane Roe of Reuters"; "By Way of Deception" stays prose
    words = _after_role(piece.split())
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    if not words or len(words) > _MAX_NAME_WORDS:
        return None
    if len(words) == 1 and words[0].lower() in MONTH_NAMES:
        return None  # "By June": a date
    while len(words) > 2 and _is_glued_credential(words[-1]) and not words[0].isupper():
        words = words[:-1]  # "Jane Roe CFP", "Jane Roe MD": the credential without its comma
    for index, word in enumerate(words):
        if not _is_name_word(word, first=index == 0, last=index == len(words) - 1):
            return None
    name = " ".join(words)
    if is_organisation(name) and len(words) > 1:
        return None
    if name.isupper() and sum(char.isalpha() for char in name) > 1:
        return _title_case(words)
    return name


def _after_role(words: list[str]) -> list[str]:
    """The words after a capitalised role or office that opens a piece, when a full name
    follows: ``Staff Writer Jane Roe``, ``AP Business Writer Jane Roe`` are Jane Roe; the
    whole title goes (``Chief Justice John Roberts`` is John Roberts).

    >>> _after_role("AP Business Writer Jane Roe".split()), _after_role(["Editor", "Roe"])
    (['Jane', 'Roe'], ['Editor', 'Roe'])
    >>> _after_role("Chief Justice John Roberts".split()), _after_role(["Judge", "Roe"])
    (['John', 'Roberts'], ['Judge', 'Roe'])
    """
    for index in range(len(words) - 3, -1, -1):
        word = words[index].lower()
        if (word in ROLE_NOUNS or word in OFFICES) and all(w[0].isupper() for w in words[:index]):
            return words[index + 1 :]
    return words


def _is_glued_credential(word: str) -> bool:
    """A credential written in capitals (``CFP``, ``M.D.``, ``PhD``); ``Ma`` is a surname.

    >>> _is_glued_credential("CFP"), _is_glued_credential("PhD"), _is_glued_credential("Ma")
    (True, True, False)
    """
    return sum(c.isupper() for c in word) >= 2 and _is_credential(word)


def _is_name_word(word: str, *, first: bool, last: bool = False) -> bool:
    if not _NAME_WORD.fullmatch(word):
        return False
    lowered = word.lower()
    if lowered in NON_NAME_WORDS and not (last and not first and lowered in ARTICLES):
        return False
    if word.endswith(".") and len(word.rstrip(".").replace(".", "")) > 3:
        return False  # "fallen." ends a sentence; "J.", "Jr.", "J.R." do not
    if word[0].isupper():
        return True
    if not first and lowered in PARTICLES:
        return True
    # "d'Alembert", "al-Assad", "bin-Talal": a lower-case prefix, then a capital.
    head, _, rest = word.replace("’", "'").replace("'", "-").partition("-")
    return head.lower() in NAME_PREFIXES and rest[:1].isupper()


def _title_case(words: list[str]) -> str:
    """Title-case a name written in capitals: ``MARY MCDONALD-O'BRIEN VAN DYKE``."""
    result = []
    for index, word in enumerate(words):
        lowered = word.lower()
        if lowered in ROMAN_NUMERALS:
            result.append(word)
        elif index > 0 and lowered in PARTICLES:
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
