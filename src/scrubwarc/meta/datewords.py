"""Date lines in other scripts and languages, rewritten into the forms ``dates`` reads.

CJK dates (``2023年4月1日``, ``2023년 4월 1일``) are recognised by their characters in any
text. Month names, weekdays and labels of other languages are read only for a text in
that language (its ``language`` code): ``mar`` is March in English and French but ``maj``
is May in Swedish and a word elsewhere, so a table is never applied to a text it does not
belong to. Tables hold the forms news sites print, genitives included (``1 апреля``,
``1 kwietnia``). Standard library only; a linear pass of anchored patterns per line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = ["localise"]

_ENGLISH = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# Per language: the twelve months (each "a|b" lists variants, abbreviations end in "."),
# the labels that open a date line, and the weekdays, which are dropped (never checked).
_MONTHS: dict[str, tuple[str, ...]] = {
    "fr": ("janvier|janv.", "février|fevrier|févr.|fevr.", "mars", "avril|avr.", "mai",
           "juin", "juillet|juil.", "août|aout", "septembre|sept.", "octobre|oct.",
           "novembre|nov.", "décembre|decembre|déc.|dec."),
    "de": ("januar|jänner|jan.", "februar|feb.", "märz|maerz|mär.|mrz.", "april|apr.", "mai",
           "juni|jun.", "juli|jul.", "august|aug.", "september|sept.|sep.", "oktober|okt.",
           "november|nov.", "dezember|dez."),
    "es": ("enero|ene.|ene", "febrero|feb.|feb", "marzo|mar.|mar", "abril|abr.|abr",
           "mayo|may.|may", "junio|jun.|jun", "julio|jul.|jul", "agosto|ago.|ago",
           "septiembre|setiembre|sept.|sep.|sept|sep|set.|set", "octubre|oct.|oct",
           "noviembre|nov.|nov", "diciembre|dic.|dic"),
    "it": ("gennaio|gen.|gen", "febbraio|feb.|feb", "marzo|mar.|mar", "aprile|apr.|apr",
           "maggio|mag.|mag", "giugno|giu.|giu", "luglio|lug.|lug", "agosto|ago.|ago",
           "settembre|set.|set|sett.|sett", "ottobre|ott.|ott", "novembre|nov.|nov",
           "dicembre|dic.|dic"),
    "pt": ("janeiro|jan.|jan", "fevereiro|fev.|fev", "março|marco|mar.|mar", "abril|abr.|abr",
           "maio|mai.|mai", "junho|jun.|jun", "julho|jul.|jul", "agosto|ago.|ago",
           "setembro|set.|set", "outubro|out.|out", "novembro|nov.|nov", "dezembro|dez.|dez"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
           "september", "oktober", "november", "december"),
    "no": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
    "pl": ("stycznia|styczeń", "lutego|luty", "marca|marzec", "kwietnia|kwiecień",
           "maja|maj", "czerwca|czerwiec", "lipca|lipiec", "sierpnia|sierpień",
           "września|wrzesień", "października|październik", "listopada|listopad",
           "grudnia|grudzień"),
    "cs": ("ledna|leden", "února|únor", "března|březen", "dubna|duben", "května|květen",
           "června|červen", "července|červenec", "srpna|srpen", "září", "října|říjen",
           "listopadu|listopad", "prosince|prosinec"),
    "ru": ("января|январь|янв.|янв", "февраля|февраль|фев.|фев|февр.", "марта|март|мар.|мар",
           "апреля|апрель|апр.|апр", "мая|май", "июня|июнь|июн.|июн", "июля|июль|июл.|июл",
           "августа|август|авг.|авг", "сентября|сентябрь|сен.|сен|сент.",
           "октября|октябрь|окт.|окт", "ноября|ноябрь|ноя.|ноя|нояб.",
           "декабря|декабрь|дек.|дек"),
    "uk": ("січня|січень", "лютого|лютий", "березня|березень", "квітня|квітень",
           "травня|травень", "червня|червень", "липня|липень", "серпня|серпень",
           "вересня|вересень", "жовтня|жовтень", "листопада|листопад", "грудня|грудень"),
    "tr": ("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos",
           "eylül", "ekim", "kasım", "aralık"),
    "id": ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember"),
    "ro": ("ianuarie|ian.", "februarie|feb.", "martie|mar.", "aprilie|apr.", "mai",
           "iunie|iun.", "iulie|iul.", "august|aug.", "septembrie|sept.|sep.",
           "octombrie|oct.", "noiembrie|nov.", "decembrie|dec."),
    "el": ("ιανουαρίου|ιανουάριος|ιαν.", "φεβρουαρίου|φεβρουάριος|φεβ.",
           "μαρτίου|μάρτιος|μαρ.", "απριλίου|απρίλιος|απρ.", "μαΐου|μαΐου|μάιος|μαϊ.",
           "ιουνίου|ιούνιος|ιουν.", "ιουλίου|ιούλιος|ιουλ.", "αυγούστου|αύγουστος|αυγ.",
           "σεπτεμβρίου|σεπτέμβριος|σεπ.", "οκτωβρίου|οκτώβριος|οκτ.",
           "νοεμβρίου|νοέμβριος|νοε.", "δεκεμβρίου|δεκέμβριος|δεκ."),
    "fi": ("tammikuuta|tammikuu", "helmikuuta|helmikuu", "maaliskuuta|maaliskuu",
           "huhtikuuta|huhtikuu", "toukokuuta|toukokuu", "kesäkuuta|kesäkuu",
           "heinäkuuta|heinäkuu", "elokuuta|elokuu", "syyskuuta|syyskuu", "lokakuuta|lokakuu",
           "marraskuuta|marraskuu", "joulukuuta|joulukuu"),
    "hu": ("január|jan.", "február|febr.|feb.", "március|márc.|mar.", "április|ápr.|apr.",
           "május|máj.", "június|jún.", "július|júl.", "augusztus|aug.", "szeptember|szept.",
           "október|okt.", "november|nov.", "december|dec."),
}  # fmt: skip
_MONTHS["nb"] = _MONTHS["nn"] = _MONTHS["no"]
_LABELS: dict[str, str] = {
    "fr": "publié le|publié|date de publication|le",
    "de": "veröffentlicht am|veröffentlicht|datum",
    "es": "publicado el|publicado|fecha|el",
    "it": "pubblicato il|pubblicato|data",
    "pt": "publicado em|publicado|data",
    "nl": "gepubliceerd op|gepubliceerd|datum",
    "sv": "publicerad|datum",
    "da": "publiceret|dato",
    "no": "publisert|dato",
    "pl": "opublikowano|data publikacji|data",
    "cs": "publikováno|datum",
    "ru": "опубликовано|дата публикации|дата",
    "uk": "опубліковано|дата публікації|дата",
    "tr": "yayınlanma tarihi|yayınlanma|tarih",
    "id": "diterbitkan|tanggal",
    "fi": "julkaistu",
    "ro": "publicat la|publicat pe|publicat|data",
    "el": "δημοσιεύθηκε|δημοσίευση|ημερομηνία",
    "hu": "közzétéve|publikálva|megjelent|dátum",
}
# Labels above that name no publication, only "the date" or "on": never read after a date.
# Languages whose capitals drop the accents of the month's name ("3 ΜΑΡΤΙΟΥ 2024").
_CAPITALS_UNACCENTED = frozenset(("el",))
_BARE_LABELS = frozenset(
    ("le", "el", "data", "datum", "dato", "fecha", "tarih", "tanggal", "дата", "dátum")
)
# The labels of a revision's date, which become "Updated" (never the publication's); a
# longer label before the shorter one it opens with.
_UPDATE_LABELS: dict[str, str] = {
    "fr": "dernière mise à jour le|dernière mise à jour|mis à jour le|mis à jour|modifié le"
    "|modifié|actualisé le|actualisé",
    "de": "zuletzt aktualisiert am|zuletzt aktualisiert|aktualisiert am|aktualisiert|stand",
    "es": "última actualización|actualizado el|actualizado|actualización",
    "it": "ultimo aggiornamento|aggiornato il|aggiornato|aggiornamento",
    "pt": "última atualização|atualizado em|atualizado|atualização",
    "nl": "laatst bijgewerkt op|laatst bijgewerkt|bijgewerkt op|bijgewerkt|aangepast op|aangepast",
    "sv": "uppdaterad",
    "da": "opdateret",
    "no": "oppdatert",
    "pl": "ostatnia aktualizacja|zaktualizowano|aktualizacja",
    "cs": "aktualizováno",
    "ru": "последнее обновление|обновлено|обновление",
    "uk": "оновлено",
    "tr": "güncelleme tarihi|güncelleme",
    "id": "diperbarui",
    "fi": "päivitetty",
    "ro": "actualizat la|actualizat pe|actualizat|ultima actualizare",
    "el": "ενημερώθηκε|τελευταία ενημέρωση|ενημέρωση",
    "hu": "utolsó frissítés|frissítve|módosítva|frissítés",
}
for _table in (_LABELS, _UPDATE_LABELS):
    _table["nb"] = _table["nn"] = _table["no"]
_WEEKDAYS: dict[str, str] = {
    "fr": "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    "de": "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
    "es": "lunes|martes|miércoles|jueves|viernes|sábado|domingo",
    "it": "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica",
    "pt": "segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo",
    "nl": "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
    "pl": "poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela",
    "ru": "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье",
    "tr": "pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar",
    "el": "δευτέρα|τρίτη|τετάρτη|πέμπτη|παρασκευή|σάββατο|κυριακή",
}
# "1 de abril de 2023", "1er avril", "1. April", "1 апреля 2023 г.", "2023 года", "o 10:30".
_NOISE = re.compile(
    r"(?<=\d)(?:er|º|ª)(?=\s)|(?<=\d)\.(?=\s\D)|\s(?:de|del)(?=\s)"
    r"|(?<=\d)\s(?:г\.|г|года|r\.|roku)(?=,|\s|$)"
    r"|(?<=\d)\s?(?:uhr|uur|hs|hrs|h)(?!\w)",
    re.IGNORECASE,
)
# The word before a time: "à 14h05", "um 14.05 Uhr", "kl. 14.05", "godz. 14:05", "в 14:05".
_AT_WORDS = (
    r"à|um|a las|alle ore|alle|ore|ora|às|om|kl\.|klo|в|о|o godz\.|o godzinie|godz\.|o|v|saat"
)
_AT = re.compile(rf"\s(?:{_AT_WORDS})\s(?=\d)", re.IGNORECASE)
# The words that say "o'clock" take a bare hour: "kl. 14" (klokken), "klo 9", "godz. 14".
_CLOCK_HOUR = re.compile(r"(\s(?:kl\.|klo|godz\.)\s)([01]?\d|2[0-3])(?![\w:.,])", re.IGNORECASE)
_H_TIME = re.compile(r"(?<=\d)h(?=\d{2}\b)")
# An hour told with its word, and perhaps its minutes after it: "14 h", "14 h 05", "9h",
# "14 heures", "14 Uhr", "14 uur" (a time with its minutes before the word, "14.05 Uhr", is
# ``_NOISE``'s).
_HOUR_WORD = re.compile(
    r"(?<![\d:.,])([01]?\d|2[0-3])\s?(?:heures|uhr|uur|h)(?:\s?([0-5]\d))?(?![\w:.,]\d|\w)",
    re.IGNORECASE,
)
# A month's name between the dots of a day and a year: "02.dez.2025", "2.Dezember 2025".
_DOTTED_MONTH = re.compile(
    rf"(?<![\d.])(\d{{1,2}})\.\s?({'|'.join(_ENGLISH)})\.?\s?(?=\d{{4}}(?!\d))"
)
# The year first, as Hungarian writes it: "2024. március 3.", "2024. márc. 3., 14:05", the
# weekday after the day ("2024. március 3., vasárnap"), "2024. 03. 03." in numbers.
_YEAR_FIRST = re.compile(
    rf"(?<![\d.])(\d{{4}})\.?\s+({'|'.join(_ENGLISH)})\s+(\d{{1,2}})\.?(?![\d.:])"
    r"(?:,?\s+(?:hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap)(?!\w))?",
    re.IGNORECASE,
)
_YEAR_FIRST_NUMBERS = re.compile(r"(?<![\d.])(\d{4})\.\s(\d{1,2})\.\s(\d{1,2})\.(?!\d)")
_YEAR_FIRST_LANGUAGES = frozenset(("hu",))
_CJK_DATE = re.compile(
    r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]?"
    r"(?:\s*[(（][^)）]{1,3}[)）]|\s*(?:星期|礼拜|週|周)[一二三四五六日天])?"
)
# "14時05分", "2時5分", "오후 2시", "下午2点": the minutes may be left out, never the hour's
# word ("3시간", "3時間" are three hours).
_CJK_TIME = re.compile(r"(\d{1,2})\s*[時时시点點](?![간間间])(?:\s*(\d{1,2})\s*[分분]?)?")
# A day without its year after a dated one takes its year ("2025年12月3日 公開、12月4日 更新"),
# or the next when that would put it before (a revision is never earlier).
_CJK_YEARLESS = re.compile(r"(?<![\d年년-])(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]")
# Morning and afternoon before a CJK time: "오후 3:20", "下午3:20", "午後3:20".
_HALF_DAY = re.compile(r"(오전|上午|午前|오후|下午|午後)\s*(\d{1,2}):(\d{2})")
_AFTERNOON = frozenset(("오후", "下午", "午後"))
# "2024.03.03. 15:20": the dot that ends a Korean date's day.
_DAY_DOT = re.compile(r"(\b\d{4}\.\d{1,2}\.\d{1,2})\.(?!\d)")
# A CJK label of a revision: 更新 (update), 修改 (modified), 수정 (edited).
_CJK_UPDATE = re.compile(r"更新|修改|수정|업데이트")
# The same label after the publication's date: "입력 2024.03.03. 오후 3:20 수정 2024.03.04.".
_CJK_LATER_UPDATE = re.compile(
    r"\s(?:更新|修改|수정|업데이트)(?:时间|時間|日時|일시)?\s*[:：]?\s*(?=\d)"
)
# A label written after its date: "2024年3月3日 10:00 公開" (published), "… 更新".
_CJK_LABEL_AFTER = re.compile(r"\s*(公開|公开|发布|發布|発表|配信|掲載|입력|更新|修改|수정)$")
# Another labelled field after the date: "… 来源：新华社" (source), "… 作者：张三".
_CJK_FIELD_AFTER = re.compile(
    r"\s+[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]{1,6}\s*[:：]\s*\S.*$"
)
# Dates listed with commas: "2024-03-03 10:00 公開、2024-03-04 更新" (NFKC has made "，" ",").
_CJK_LIST = re.compile(r"\s*[、,;]\s*")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CJK_LABEL = re.compile(r"^[^\W\d_]{1,10}\s*[:：]\s*|^[^\W\d_]{1,10}\s+(?=\d)")


@cache
def _language_patterns(
    language: str,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    months = _MONTHS.get(language)
    if months is None:
        return None
    forms = _capitals("|".join(months), language).split("|")
    alternation = "|".join(re.escape(form) for form in sorted(forms, key=len)[::-1])
    weekdays = _capitals(_WEEKDAYS.get(language, ""), language)
    labels = _capitals(_LABELS.get(language, ""), language)
    updates = _capitals(_UPDATE_LABELS.get(language, ""), language)
    update = rf"(?P<update>{updates})|" if updates else ""
    head = rf"(?:(?:{update}{labels})\s*:?\s*)?" if labels else ""
    day = rf"(?:(?:{weekdays}),?\s+)?" if weekdays else ""
    published = "|".join(label for label in labels.split("|") if label not in _BARE_LABELS)
    return (
        re.compile(rf"({head})({day})", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE),
        # A revision's label after the publication: "…, mis à jour le 4 mars 2024".
        # Or before a time alone: "…, modifié à 12h00".
        re.compile(
            rf"(?<=[\d,|·•–—-] )(?:{updates or '(?!)'})\s*:?\s*(?=\d|(?:{_AT_WORDS})\s\d)",
            re.IGNORECASE,
        ),
        # The publication's label after a revision: "Mis à jour le 5 mars, publié le 3 mars".
        re.compile(rf"(?<=[\d,|·•–—-] )(?:{published or '(?!)'})\s*:?\s*(?=\d)", re.IGNORECASE),
    )


def _english_month(language: str, word: str) -> str:
    folded = _unaccented(word)
    for number, names in enumerate(_MONTHS[language]):
        if folded in {_unaccented(name) for name in names.split("|")}:
            return _ENGLISH[number]
    return word


def _capitals(forms: str, language: str) -> str:
    """The ``|``-separated ``forms`` and, in a language whose capitals drop accents, each
    as capitals write it (``ΜΑΡΤΙΟΥ``, ``ΜΑΪΟΥ`` keeps its diaeresis), longest first.

    >>> _capitals("μαΐου|μάιος", "el"), _capitals("március", "hu")
    ('μαΐου|μαϊου|μαιου|μάιος|μαιος|μαιοσ', 'március')
    """
    if language not in _CAPITALS_UNACCENTED or not forms:
        return forms
    found: list[str] = []
    for form in forms.split("|"):
        toneless = unicodedata.normalize(
            "NFC", unicodedata.normalize("NFD", form).replace("\u0301", "")
        )
        found += [f for f in (form, toneless, _unaccented(form)) if f not in found]
    return "|".join(found)


def _unaccented(word: str) -> str:
    """``word`` in lower case without its accents, as a month is written in capitals (Greek
    drops its accents there, ``ΜΑΡΤΙΟΥ``; its final sigma is a sigma, ``ΜΑΡΤΙΟΣ``).

    >>> _unaccented("ΜΑΪΟΥ"), _unaccented("Μάιος"), _unaccented("március")
    ('μαιου', 'μαιοσ', 'marcius')
    """
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _clock(match: re.Match[str]) -> str:
    """A CJK half-day time on the 24-hour clock (午前0:20 is 0:20, 오후 12:30 is 12:30)."""
    hour = int(match[2]) % 12 + (12 if match[1] in _AFTERNOON else 0)
    return f"{hour}:{match[3]}"


def _with_years(line: str) -> str:
    """Each CJK day without a year after an ISO day, in that day's year (the next one's when
    it would fall before it).

    >>> _with_years("2025-12-03 公開、12月4日 更新"), _with_years("2025-12-30 公開、1月2日 更新")
    ('2025-12-03 公開、2025-12-04 更新', '2025-12-30 公開、2026-01-02 更新')
    """
    dated = _ISO_DAY.search(line)
    if dated is None:
        return line
    year, after = int(dated[1]), (int(dated[2]), int(dated[3]))

    def _dated(match: re.Match[str]) -> str:
        month, day = int(match[1]), int(match[2])
        return f"{year + ((month, day) < after)}-{month:02d}-{day:02d}"

    return line[: dated.end()] + _CJK_YEARLESS.sub(_dated, line[dated.end() :])


def _cjk_fields(line: str) -> str:
    """A CJK date line's labels where ``dates`` reads them: a later revision as ``Updated:``,
    a label after the date before it, another labelled field (the source) dropped. Dates
    each with its label after it, in a list, are read each with its own.

    >>> _cjk_fields("2024-03-03 10:00 公開"), _cjk_fields("发布时间：2024-03-03 来源：新华社")
    ('公開 2024-03-03 10:00', '发布时间：2024-03-03')
    >>> _cjk_fields("2024-03-03 10:00 公開、2024-03-04 更新")
    'Published: 2024-03-03 10:00 | Updated: 2024-03-04'
    """
    line = _CJK_LATER_UPDATE.sub(" Updated: ", line)
    line = _CJK_FIELD_AFTER.sub("", line)
    parts = _CJK_LIST.split(line)
    if len(parts) > 1 and all(_CJK_LABEL_AFTER.search(part) for part in parts):
        return " | ".join(_label_first(part, english=True) for part in parts)
    return _label_first(line, english=False)


def _label_first(line: str, *, english: bool) -> str:
    """``line`` with the label after its date moved before it, in English if ``english``."""
    label = _CJK_LABEL_AFTER.search(line)
    if label is None or label.start() == 0:
        return line
    if english:
        return ("Updated: " if _CJK_UPDATE.search(label[1]) else "Published: ") + line[
            : label.start()
        ]
    return f"{label[1]} {line[: label.start()]}"


def localise(line: str, language: str | None) -> str:
    """``line`` with CJK dates, and the month names and labels of ``language``, in English.

    >>> localise("发布时间：2023年4月1日 10:30", None), localise("입력 2023.04.01 10:30", "ko")
    ('Published: 2023-04-01 10:30', 'Published: 2023.04.01 10:30')
    >>> localise("1 de abril de 2023", "es"), localise("Veröffentlicht am 1. April 2023", "de")
    ('1 April 2023', 'Published 1 April 2023')
    >>> localise("Aktualisiert am 2. April 2023", "de")
    'Updated 2 April 2023'
    >>> localise("Veröffentlicht am 1. April 2023, 14:05 Uhr | aktualisiert: 2.4.2023", "de")
    'Published 1 April 2023, 14:05 | Updated 2.4.2023'
    >>> localise("입력 2023.04.01. 오후 3:20", "ko"), localise("更新：2023年4月2日 下午3:20", "zh")
    ('Published: 2023.04.01 15:20', 'Updated: 2023-04-02 15:20')
    """
    line = unicodedata.normalize("NFKC", line)
    if _CJK_DATE.search(line):
        line = _CJK_DATE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", line)
        line = _with_years(line)
    if not line.isascii():
        line = _CJK_TIME.sub(lambda m: f"{int(m[1])}:{int(m[2] or 0):02d}", line)
        line = _HALF_DAY.sub(_clock, line)
    line = _DAY_DOT.sub(r"\1", line)
    patterns = _language_patterns(language) if language else None
    if patterns is None and not line.isascii():
        line = _cjk_fields(line)
    if patterns is None:
        # A label in a script without a table ("입력 2023.04.01", "公開日：2023/04/01")
        # before a date in numbers: the rest must still be a whole date line.
        label = _CJK_LABEL.match(line)
        if label and not label.group(0)[:1].isascii():
            named = "Updated: " if _CJK_UPDATE.search(label.group(0)) else "Published: "
            line = named + line[label.end() :]
        return line.strip()
    head, months, later_update, later_published = patterns
    opening = head.match(line)
    if opening and opening.end():
        named = "Updated " if opening.groupdict().get("update") else "Published "
        line = (named if opening.group(1) else "") + line[opening.end() :]
    line = later_update.sub("Updated ", line)
    line = later_published.sub("Published ", line)
    line = months.sub(lambda m: _english_month(language or "", m.group(0)), line)
    if language in _YEAR_FIRST_LANGUAGES:
        line = _YEAR_FIRST.sub(r"\3 \2 \1", line)
        line = _YEAR_FIRST_NUMBERS.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", line)
    line = _DOTTED_MONTH.sub(r"\1 \2 ", line)
    line = _HOUR_WORD.sub(lambda m: f"{m[1]}:{m[2] or '00'}", line)
    line = _NOISE.sub("", line)
    line = _CLOCK_HOUR.sub(r"\1\2:00", line)
    line = _AT.sub(" at ", line)
    return _H_TIME.sub(":", line).strip()
