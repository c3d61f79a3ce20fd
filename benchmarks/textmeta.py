"""Text metadata against the generated corpus's truth: title, authors, date, residue.

The corpus (``corpus.py``) knows each article's title, authors and date from what it
printed. This runs scrubwarc as ``meta``/``archive`` over a directory does: first the
run's site names are learned from the files' openings, then every article is processed
with them, and each field is compared with the truth. It also counts articles whose
cleaned text still holds tracking residue or a cross-link line, and articles that lost a
body paragraph that held no residue (faithfulness).

    python benchmarks/textmeta.py [-n COUNT] [--seed N] [--show K]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# Run as a script, this folder would come first on sys.path and its html.py would shadow the
# standard library's ``html``; the repository root lets ``benchmarks`` import as a package.
_HERE = Path(__file__).resolve().parent
if sys.path and Path(sys.path[0] or ".").resolve() == _HERE:
    sys.path[0] = str(_HERE.parent)

from benchmarks import corpus  # noqa: E402
from scrubwarc import CleanOptions  # noqa: E402
from scrubwarc.article import process  # noqa: E402
from scrubwarc.meta.sites import HEAD_BYTES, learn_site_suffixes  # noqa: E402
from scrubwarc.read.decode import decode  # noqa: E402

_RESIDUE = re.compile(r"utm_|fbclid|gclid|%3Futm", re.IGNORECASE)
_CROSS_LINK = re.compile(r"^(?:RELATED|Read more:|See also:|READ MORE)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Figures:
    articles: int
    title: float
    authors: float
    date: float
    residue_left: int
    body_lost: int
    misses: tuple[str, ...]


def _head(data: bytes) -> str:
    head = data[:HEAD_BYTES]
    if len(head) == HEAD_BYTES:
        head = head[: head.rfind(b"\n") + 1] or head
    return decode(head).text


def measure(count: int, seed: int = 0, show: int = 0) -> Figures:
    """Process ``count`` generated articles with the run's learned site names; compare."""
    articles = list(corpus.articles(count, seed))
    learned = learn_site_suffixes(_head(a.text) for a in articles)
    options = CleanOptions(site_names=learned)
    right = {"title": 0, "authors": 0, "date": 0}
    residue = lost = 0
    misses: list[str] = []
    for article in articles:
        result = process(article.text, f"{article.name}.txt", options)
        meta, truth = result.metadata, article.truth
        got = {"title": meta.title, "authors": meta.authors, "date": meta.date}
        want = {"title": truth.title, "authors": truth.authors, "date": truth.date}
        for field in right:
            if got[field] == want[field]:
                right[field] += 1
            elif len(misses) < show:
                misses.append(f"{article.name} {field}: got {got[field]!r}, want {want[field]!r}")
        if _RESIDUE.search(result.text) or _CROSS_LINK.search(result.text):
            residue += 1
        plain = (
            p for p in article.paragraphs if not _RESIDUE.search(p) and not _CROSS_LINK.match(p)
        )
        if any(p not in result.text for p in plain):
            lost += 1
    n = len(articles)
    return Figures(
        n,
        right["title"] / n,
        right["authors"] / n,
        right["date"] / n,
        residue,
        lost,
        tuple(misses),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-n", "--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=10, help="misses to print")
    args = parser.parse_args(argv)
    figures = measure(args.count, args.seed, args.show)
    print(f"## Text metadata on {figures.articles:,} generated articles (seed {args.seed})")
    for field in ("title", "authors", "date"):
        print(f"{field:<8} {100 * getattr(figures, field):6.2f}% right")
    print(
        f"residue left in {figures.residue_left} articles; body paragraphs lost in "
        f"{figures.body_lost}"
    )
    for miss in figures.misses:
        print("  miss:", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
