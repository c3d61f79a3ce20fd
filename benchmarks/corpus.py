"""A seeded corpus of scraped-style news articles, in the shape of ``fixtures/clean/seed.in.txt``.

Each article is a text file (1-50 KB, median about 5 KB) and, on request, an HTML page with
the same story. The text files carry what scrapers leave behind, in realistic proportions:
the headline printed twice (with or without a site suffix), bylines and dates in several
forms, curly quotes, ``RELATED –`` lines, every form of tracking residue, inline URLs with
trackers; some files have CRLF line endings and some are cp1252. The same seed always gives
the same bytes. Run ``python benchmarks/corpus.py --help``.

Each article carries its truth (``Article.truth``): the title, authors and date a careful
reader would write down, decided by the generator from what it printed, never by running
scrubwarc. Headlines come alone, repeated (with or without a site suffix), with the site's
name only (which recurs across the run), with a multi-part suffix (``| Site | Tagline``) or
with a one-off subtitle that is part of the title. Bylines name people, people with
titles (dropped: the name is the author), or organisations and wire services; dates are
written out, ISO, dotted day-first, slashed month-first (a US site) and with labels.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path

MEDIAN_BYTES = 5_000
MIN_BYTES = 1_000
MAX_BYTES = 50_000
# log-normal spread: about 10% of articles over 13 KB, a few at the 50 KB cap.
_SIGMA = 0.75

_SITES = (
    "The Coastal Herald", "Daily Drip", "CSMonitor.com", "The Morning Ledger",
    "Valley Tribune", "World Report", "The Northern Times", "Metro Gazette",
)  # fmt: skip
_SUFFIX_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ")
_FIRST = ("Ariel", "Jane", "Omar", "Maria", "John", "Li", "Fatima", "Peter", "Anna", "Diego")
_LAST = ("Zirulnick", "Roe", "Haddad", "Garcia", "Smith", "Wei", "Khan", "O'Brien", "Novak")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_SUBJECTS = (
    "the government", "the minister", "rebel forces", "local officials", "the council",
    "residents", "the company", "analysts", "the central bank", "aid workers", "the mayor",
    "police", "the opposition", "investors", "the court", "farmers", "the union",
)  # fmt: skip
_VERBS = (
    "said", "reported", "warned", "announced", "denied", "confirmed", "argued", "insisted",
    "suggested", "acknowledged", "claimed", "noted",
)  # fmt: skip
_CLAUSES = (
    "that the talks would resume after the summer recess",
    "that there had been only fierce shelling and some fighting on the ground",
    "that prices would rise again before the end of the year",
    "that the bridge would stay closed until Friday",
    "that thousands of people have fled the area in the past two days",
    "that the budget will be presented to parliament next week",
    "that the new rules were never meant to apply to small firms",
    "that the river rose by two metres overnight",
    "that the decision was made without consulting the regions",
    "that the regime remains much better armed than the rebels",
    "that the vote had been postponed for a third time",
    "that more than 200,000 people were without power on Tuesday",
)  # fmt: skip
_OPENERS = (
    "Yesterday", "On Monday", "Earlier this week", "In a statement", "According to Reuters",
    "Later that evening", "For now", "Despite the warnings", "Meanwhile", "In the capital",
)  # fmt: skip
_QUOTES = (
    "We want answers, and we want them now",
    "It's no longer a question of whether it ends, it's when",
    "My father and brother go to the market every Friday",
    "There were girls and little boys in the street",
    "Nobody told us anything until it was too late",
    "We will rebuild, but it will take years",
)  # fmt: skip
_RELATED = (
    "Five reasons Syria may be at a tipping point",
    "Why the river keeps flooding",
    "What the budget means for you",
    "The quiet crisis in the valley",
    "Timeline: a year of protests",
)  # fmt: skip
_TAGLINES = {
    "The Coastal Herald": "News for the Coast", "Daily Drip": "Your Local Source",
    "CSMonitor.com": "Christian Science Monitor", "The Morning Ledger": "Since 1887",
    "Valley Tribune": "Independent Local News", "World Report": "Global Affairs Daily",
    "The Northern Times": "Voice of the North", "Metro Gazette": "City News and Views",
}  # fmt: skip
_ORGANISATIONS = (
    "The Associated Press", "Reuters", "Agence France-Presse", "AFP", "Bloomberg News",
    "Organization for Transformative Works", "The Coastal Herald Editorial Board",
)  # fmt: skip
_TITLES = ("Dr.", "Prof.", "Dr", "Professor", "Mrs.", "Mr.")
_SUBTITLE_FORMS = (
    "Why {n} families left {place}",
    "What {n} residents told {subject}",
    "A {n}-day look at {place}",
    "Inside the {n} days that changed {place}",
    "How {subject} spent {n} million",
)
_RELATED_LABELS = ("RELATED – ", "RELATED: ", "Read more: ", "See also: ", "READ MORE ")
_CAMPAIGNS = ("World+News", "Terrorism+%26+Security", "Politics", "Business", "Top+Stories")
_READERS = ("Google+Reader", "Feedly", "Reader", "Email")


def _weighted_size(rng: random.Random) -> int:
    size = int(rng.lognormvariate(math.log(MEDIAN_BYTES), _SIGMA))
    return max(MIN_BYTES, min(MAX_BYTES, size))


def _headline(rng: random.Random) -> str:
    subject = rng.choice(_SUBJECTS)
    place = rng.choice(("Aleppo", "the valley", "the capital", "the coast", "Geneva", "Lagos"))
    forms = (
        f"As {subject} gains ground in {place}, it loses its people",
        f"Storm hits {place} as {subject} orders evacuations",
        f"{subject.capitalize()} in {place} braces for a long winter",
        f"Why {subject} in {place} is changing course",
    )
    return rng.choice(forms)


@dataclass(frozen=True, slots=True)
class Truth:
    """What the article's metadata is: ``title``, ``authors`` and ``date`` (ISO date, or
    ISO date and time with the offset the line states), or None / () when it has none."""

    title: str
    authors: tuple[str, ...]
    date: str | None


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _byline(rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """A byline and the authors it names."""
    name, other = _name(rng), _name(rng)
    org = rng.choice(_ORGANISATIONS)
    forms = (
        (f"By {name}", (name,)),
        (f"BY {name.upper()} | {rng.choice(_SITES)}", (name,)),
        (f"By {name} and {other}", (name, other) if other != name else (name,)),
        (f"{name}, Staff Writer", (name,)),
        (f"Written by {name}", (name,)),
        (f"By {org}", (org,)),
        (f"By {rng.choice(_TITLES)} {name}", (name,)),
        (f"By {name}, {rng.choice(('Associated Press', 'Reuters'))}", (name,)),
    )
    return rng.choice(forms)


def _date(rng: random.Random) -> tuple[str, str]:
    """A date line and its ISO date (with time and offset when the line gives them)."""
    year, month, day = rng.randint(2009, 2024), rng.randint(1, 12), rng.randint(1, 28)
    iso = f"{year}-{month:02d}-{day:02d}"
    hour = rng.randint(1, 12)
    # "ET" is daylight time between the second Sunday of March and the first of November.
    eastern = "-04:00" if _us_daylight(year, month, day) else "-05:00"
    stamp = f"{iso}T{rng.randint(0, 23):02d}:{day:02d}:00"
    forms = (
        (f"{_MONTHS[month - 1]} {day}, {year}", iso),
        (f"{day} {_MONTHS[month - 1]} {year}", iso),
        (iso, iso),
        (
            f"Published {_MONTHS[month - 1][:3]} {day}, {year} {hour}:{day:02d} pm ET",
            f"{iso}T{hour % 12 + 12:02d}:{day:02d}:00{eastern}",
        ),
        (stamp + "Z", stamp + "+00:00"),
        (f"{day:02d}.{month:02d}.{year}", iso),  # dotted: day first
        (f"Posted: {day:02d}.{month:02d}.{year}", iso),
        (f"{month:02d}/{day:02d}/{year}", iso),  # slashed, from a US site: month first
        (f"Last Updated: {_MONTHS[month - 1]} {day}, {year}", iso),
    )
    return rng.choice(forms)


def _us_daylight(year: int, month: int, day: int) -> bool:
    """US daylight time (rules since 2007) on that date, away from the change-over hour."""
    import datetime as dt

    def sunday(month: int, nth: int) -> int:
        first = dt.date(year, month, 1)
        return 1 + (6 - first.weekday()) % 7 + 7 * (nth - 1)

    assert year >= 2007, "the generator draws years from 2009"
    start, end = (3, sunday(3, 2)), (11, sunday(11, 1))
    return start <= (month, day) < end


def _tracker_url(rng: random.Random) -> str:
    host = rng.choice(("www.example.com", "example.org", "news.example.net"))
    query = rng.choice(
        (
            "utm_source=feedburner&utm_medium=feed",
            "id=42&utm_source=newsletter&utm_medium=email",
            "page=2&fbclid=IwAR0abc",
            "gclid=Cj0KCQ&ref=home",
            "id=7&amp;utm_source=rss",
        )
    )
    return f"https://{host}/news/{rng.randint(2009, 2024)}/story-{rng.randint(1, 999)}?{query}"


def _sentence(rng: random.Random, curly: bool) -> str:
    roll = rng.random()
    if roll < 0.12:
        quote = rng.choice(_QUOTES)
        if curly:
            quote = quote.replace("'", "’")
            return f"“{quote},” {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)}."
        return f'"{quote}," {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)}.'
    if roll < 0.14:
        return f"The full report is at {_tracker_url(rng)} for readers."
    if roll < 0.15:
        return f"Go to example.com/story?id={rng.randint(1, 99)}&utm_source=x now."
    opener = rng.choice(_OPENERS)
    return f"{opener} {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_CLAUSES)}."


def _residue(rng: random.Random) -> str:
    """One of the tails a feed reader glues to the end of an article."""
    campaign, reader = rng.choice(_CAMPAIGNS), rng.choice(_READERS)
    forms = (
        f"”|+{campaign}%29&utm_content={reader}",
        f"|+{campaign}%29&utm_content={reader}",
        "?utm_source=twitter&utm_medium=social",
        f"”{_tracker_url(rng)}",
        "%3Futm_source%3Drss%26utm_medium%3Drss",
        " ?utm_source=rss&utm_campaign=storm",
        "\n\n?utm_source=rss&utm_medium=rss",
        "",
    )
    return rng.choice(forms)


@dataclass(frozen=True, slots=True)
class Article:
    """One generated story: its lines as a scraper left them, and its HTML page."""

    name: str
    text: bytes
    html: bytes
    truth: Truth
    paragraphs: tuple[str, ...] = ()  # the body as written, residue-free lines included


def _top(rng: random.Random, headline: str, site: str) -> tuple[list[str], str]:
    """The headline lines a scraper printed, and the article's title."""
    sep = rng.choice(_SUFFIX_SEPARATORS)
    roll = rng.random()
    if roll < 0.55:  # the headline, often repeated, often with the site's name
        top = [headline]
        if rng.random() < 0.7:
            top.append(headline + sep + site if rng.random() < 0.5 else headline)
        return top, headline
    if roll < 0.70:  # once, with the site's name, which ends many headlines of the run
        return [headline + sep + site], headline
    if roll < 0.80:  # a multi-part suffix: the site and its tagline
        line = f"{headline} | {site} | {_TAGLINES[site]}"
        return ([line, headline] if rng.random() < 0.5 else [line]), headline
    if roll < 0.90:  # a one-off subtitle: part of this article's title
        subtitle = rng.choice(_SUBTITLE_FORMS).format(
            n=rng.randint(12, 99_999),
            place=rng.choice(("Aleppo", "the valley", "the capital", "Geneva", "Lagos")),
            subject=rng.choice(_SUBJECTS),
        )
        title = f"{headline} {rng.choice(('—', '–', '|', '-'))} {subtitle[0].upper()}{subtitle[1:]}"
        return [title], title
    return [headline], headline


def make_article(rng: random.Random, name: str) -> Article:
    """A scraped article of a log-normally drawn size with this generator's variations."""
    target = _weighted_size(rng)
    headline = _headline(rng)
    site = rng.choice(_SITES)
    top, title = _top(rng, headline, site)
    byline, authors = _byline(rng) if rng.random() < 0.8 else (None, ())
    date, iso = _date(rng) if rng.random() < 0.8 else (None, None)
    top += [line for line in (byline, date) if line]
    curly = rng.random() < 0.5
    paragraphs: list[str] = []
    size = sum(len(line) + 2 for line in top)
    while size < target:
        para = " ".join(_sentence(rng, curly) for _ in range(rng.randint(2, 6)))
        if rng.random() < 0.06:
            para = f"{rng.choice(_RELATED_LABELS)}{rng.choice(_RELATED)}"
        paragraphs.append(para)
        size += len(para) + 2
    body = "\n\n".join(top + paragraphs) + _residue(rng)
    if rng.random() < 0.3:
        body += "\n"
    text = body.replace("\n", "\r\n") if rng.random() < 0.1 else body
    cp1252 = rng.random() < 0.05
    data = text.encode("cp1252", "replace") if cp1252 else text.encode("utf-8")
    page = _html_page(headline, site, byline, date, paragraphs)
    return Article(name, data, page, Truth(title, authors, iso), tuple(paragraphs))


def _html_page(
    headline: str, site: str, byline: str | None, date: str | None, paragraphs: list[str]
) -> bytes:
    nav = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(8))
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    meta = f'<meta name="author" content="{escape(byline)}">' if byline else ""
    when = f"<time>{escape(date)}</time>" if date else ""
    page = (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        f"<title>{escape(headline)} - {escape(site)}</title>{meta}"
        f'<meta property="og:site_name" content="{escape(site)}"></head><body>'
        f"<header><nav><ul>{nav}</ul></nav></header><main><article>"
        f"<h1>{escape(headline)}</h1>{when}\n{body}\n</article></main>"
        "<aside><h2>Most read</h2><ul><li><a href=/x>Other story</a></li></ul></aside>"
        f"<footer>© {escape(site)}. All rights reserved.</footer></body></html>\n"
    )
    return page.encode("utf-8")


def articles(count: int, seed: int = 0) -> Iterator[Article]:
    """``count`` articles; the same seed gives the same bytes."""
    rng = random.Random(seed)
    for i in range(count):
        yield make_article(rng, f"{i // 1000:03d}/{i:07d}")


def write_corpus(root: Path, count: int, seed: int = 0, html: bool = False) -> int:
    """Write ``root/text/NNN/NNNNNNN.txt`` (and ``root/html/…`` if asked); return text bytes."""
    total = 0
    for article in articles(count, seed):
        path = root / "text" / f"{article.name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(article.text)
        total += len(article.text)
        if html:
            page = root / "html" / f"{article.name}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_bytes(article.html)
    return total


def write_big_text(path: Path, size: int, seed: int = 0) -> None:
    """One text file of about ``size`` bytes: articles glued together, written in pieces."""
    with path.open("wb") as handle:
        written = 0
        for article in articles(sys.maxsize, seed):
            handle.write(article.text + b"\n\n")
            written += len(article.text) + 2
            if written >= size:
                break


def write_big_html(path: Path, size: int, seed: int = 0) -> None:
    """One HTML page of about ``size`` bytes: one article whose body holds many stories."""
    with path.open("wb") as handle:
        handle.write(b"<!DOCTYPE html><html><head><title>Big page</title></head><body><article>")
        written = 0
        for article in articles(sys.maxsize, seed):
            start = article.html.index(b"<h1>")
            chunk = article.html[start : article.html.index(b"</article>")]
            handle.write(chunk)
            written += len(chunk)
            if written >= size:
                break
        handle.write(b"</article></body></html>\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("root", type=Path, help="directory to write into")
    parser.add_argument("-n", "--count", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--html", action="store_true", help="also write an HTML page each")
    args = parser.parse_args(argv)
    total = write_corpus(args.root, args.count, args.seed, args.html)
    print(f"{args.count:,} articles, {total:,} bytes of text in {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
