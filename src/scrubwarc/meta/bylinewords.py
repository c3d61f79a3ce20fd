"""The vocabulary of bylines: roles, organisations, titles, name particles and the words
that are never part of a name, as ``bylines`` compares them (lower-cased).

Data only, standard library only, so a new word is a one-line change here.
"""

from __future__ import annotations

__all__ = [
    "ARTICLES",
    "DATELINE_CITIES",
    "GENERATIONS",
    "HONORIFICS",
    "MONTH_NAMES",
    "NAME_PREFIXES",
    "NON_NAME_WORDS",
    "OFFICES",
    "ORGANISATIONS",
    "ORGANISATION_AUTHOR_WORDS",
    "ORGANISATION_WORDS",
    "ORG_CONNECTORS",
    "OUTLET_TAILS",
    "PARTICLES",
    "POST_NOMINALS",
    "ROLE_HEADS",
    "ROLE_NOUNS",
    "ROMAN_NUMERALS",
    "SOCIAL_NETWORKS",
]


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


ROLE_NOUNS = _word_set(
    """writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors columnist columnists journalist journalists staff producer
    producers photographer photographers analyst critic blogger intern freelancer chief
    editor-at-large korrespondent korrespondentin redakteur redakteurin reporterin
    director directors attorney attorneys lawyer counsel officer president vice-president
    ceo cfo cto coo cmo founder co-founder cofounder professor lecturer researcher
    scientist economist strategist consultant manager adviser advisor specialist
    coordinator chairman chairwoman chairperson author authors fellow meteorologist anchor
    host presenter commentator reviewer illustrator designer engineer developer dietitian
    nutritionist physician therapist"""
)
# Offices that close a title before a name, never trusted after one ("Tom Judge", "Anna
# Mayor" are names): "Chief Justice John Roberts", "Prime Minister Keir Starmer", "Attorney
# General Merrick Garland" drop the whole title, as "Sen." and "Gen." are dropped.
OFFICES = _word_set(
    """justice judge minister secretary governor mayor senator congressman congresswoman
    ambassador commissioner chancellor general representative"""
)
# Roles that open their phrase in French, Spanish, Portuguese and Italian: "envoyé spécial
# à Kiev", "corresponsal en Bogotá", "inviato a Kiev".
ROLE_HEADS = _word_set(
    """envoyé envoyée envoyés correspondant correspondante corresponsal corresponsales
    enviado enviada correspondente inviato inviata corrispondente reportero reportera
    rédacteur rédactrice redactor redactora redattore redattrice"""
)
# Matched against the whole piece, lower-cased.
ORGANISATIONS = frozenset(
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
ORGANISATION_WORDS = _word_set(
    """news times herald press journal tribune gazette magazine media network agency
    daily telegraph chronicle observer monitor bulletin wire online newspaper newsroom
    desk bureau"""
)
# Words that never occur in a name, even capitalised: they mark a headline-case
# sentence ("By The Numbers") or a bare date ("By Monday").
NON_NAME_WORDS = _word_set(
    """the an by to of for with from is was are were be been this that these those it its
    their our my your we you they he she not than if when while after before during
    through into over under about what who how why which all some most more monday
    tuesday wednesday thursday friday saturday sunday january february march july
    september october november december today yesterday tomorrow"""
)
# An article stands before a noun, so as a name's last word it is a name: "Nguyễn Văn An".
ARTICLES = _word_set("the an")
# Months that are also first names ("April Rubin", "June Carter"): a date only alone.
MONTH_NAMES = _word_set("april june august")
# Lower-case words allowed inside a name.
PARTICLES = _word_set("van von der den de del della di da du la le dos das ter ten bin ibn al el y")
# Lower-case prefixes of "d'Alembert", "al-Assad", "bin-Talal".
NAME_PREFIXES = PARTICLES | {"d", "l"}
HONORIFICS = _word_set(
    """dr dr. prof prof. professor mr mr. mrs mrs. ms ms. mx mx. rev rev. sir dame
    dipl.-ing. dipl.-kfm. dipl.-psych. dipl. dr.-ing. dr.med. dr. ing. ing mag. mag
    mgr. mgr doc. doç. doç yrd. yrd prof.dr. univ.-prof. priv.-doz. pd herr frau hr. fr.
    pani pan panna m. mme mme. mlle mlle. sr. sra. srta. don doña dña. sig. sig.ra
    dott. dott.ssa avv. prof.ssa bay bayan sayın г-н г-жа д-р проф. acad. sheikh
    sen. rep. gov. gen. lt. col. capt. cmdr. maj. sgt. adm. hon. atty. supt."""
)
# Words that make a capitalised phrase an organisation: ``Organization for Transformative
# Works``, ``The Associated Press``, ``Reuters Staff`` are not people.
ORGANISATION_AUTHOR_WORDS = ORGANISATION_WORDS | _word_set(
    """organization organisation organizations association associated institute
    foundation council committee department ministry university college society union
    group team service services works center centre commission coalition alliance
    federation league trust fund corporation company inc inc. ltd ltd. llc partners
    project initiative editorial board office agence presse"""
)
# After a person's name and a comma, a piece ending in one of these (or in a word of
# ORGANISATION_WORDS) is the outlet the person writes for ("Washington Post", "Kansas City
# Star", "Chicago Sun-Times"): the nouns newspapers, magazines and stations are named with.
# Never trusted alone ("Emily Post" is a name), nor in a list ("X, Li Sun and Y").
OUTLET_TAILS = _word_set(
    """post today weekly insider examiner inquirer enquirer courier dispatch register
    star bee globe sun sentinel republic review guardian independent mirror standard
    express citizen ledger advocate democrat constitution statesman quarterly digest
    radio tv television"""
)
# Cities of two or more words that stand as a dateline after a byline's name ("By X,
# New York"), after the AP's list of dateline cities; any "... City" is one as well.
DATELINE_CITIES = frozenset(
    (
        "los angeles", "new york", "new orleans", "new delhi", "san francisco", "san diego",
        "san antonio", "san jose", "st. louis", "las vegas", "hong kong", "tel aviv",
        "rio de janeiro", "buenos aires", "são paulo", "sao paulo", "cape town",
        "kuala lumpur", "abu dhabi", "san juan", "san salvador", "santo domingo", "la paz",
        "port-au-prince", "the hague", "st. petersburg", "saint petersburg",
    )
)  # fmt: skip
ORG_CONNECTORS = _word_set("of for the and & on in de du des la le für der die")
ROMAN_NUMERALS = _word_set("ii iii iv vi vii viii")
# After a name and a comma: degrees and credentials ("Jane Roe, MD, PhD") are not people,
# and a generational suffix ("Martin Luther King, Jr.") belongs to the name before it.
# Compared lower-cased without dots.
POST_NOMINALS = _word_set(
    """phd md do dds dmd dvm mph mba msc ms ma mfa ba bsc bsn msn dnp rn np aprn fnp pa-c
    rd rdn ld ldn apd cde cdces cscs ibclc lpc lmft lcsw msw psyd edd pharmd mbbs mrcp
    frcp frcs facp jd llm esq cfa cpa obe mbe cbe kc qc cfp chfc clu cfe cma caia frm
    cpp psp pmp cissp cism cisa crpc ricp aif cdfa ea drph crna ccrn cnm lmhc licsw lmsw
    bcba slp ccc-slp cpt ches dpt faan facs faap facog mpa mpp med llb shrm-cp shrm-scp
    phr sphr"""
)
# The labels of the links beside a byline ("Follow on X", "LinkedIn", "Email"), never names.
SOCIAL_NETWORKS = _word_set(
    """x twitter facebook linkedin instagram threads bluesky mastodon youtube tiktok
    whatsapp telegram pinterest reddit snapchat email e-mail mail rss"""
)
GENERATIONS = _word_set("jr sr ii iii iv")
