"""HTML article benchmark: scrubwarc against trafilatura (and readability-lxml) on two sets.

Both development sets are scored in one run, each the way its own benchmark scores it:

- ``../shared/aeb`` (article-extraction-benchmark): 4-token shingles, precision and recall
  averaged over pages, F1 their harmonic mean (see its README).
- ``../shared/wcxb-dev`` (WCXB dev, article pages): lower-cased ``\\w+`` bags of words, F1 per
  page, mean over pages, an empty output scoring 0; plus title, author and date accuracy (share
  right, of the pages whose gold field is set).

CPU is measured twice: per page in this process (``time.process_time``), and for whole runs: each
tool is run as a fresh process over a directory of the pages (``scrubwarc meta DIR --json`` for
scrubwarc, a loop over the same files for the peers) and its CPU time read from ``getrusage``, the
median of ``--whole-runs`` runs taken in turns. Run ``python benchmarks/html.py --help``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This script shares its name with the standard library's ``html``: run as a script, its folder
# comes first on sys.path and would shadow ``html`` for every module imported after this line;
# the repository root takes its place, so that ``benchmarks`` imports as a package.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse
import gzip
import json
import os
import re
import resource
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_AEB = SHARED / "aeb"
DEFAULT_WCXB = SHARED / "wcxb-dev"

_TOKEN_RE = re.compile(r"\w+")
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:[,;&|/]|\band\b)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a set and its gold fields (``None`` where the set has none)."""

    id: str
    data: bytes
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Output:
    """What an extractor found on one page."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


Extractor = Callable[[bytes], Output]


# ------------------------------------------------------------------------------ scores


@dataclass(frozen=True, slots=True)
class PageMatch:
    """Shingle counts of one page, normalised to sum to 1 so long pages weigh no more."""

    tp: float
    fp: float
    fn: float
    exact: bool


@dataclass(frozen=True, slots=True)
class Score:
    f1: float
    precision: float
    recall: float
    accuracy: float
    pages: int


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def shingles(words: Sequence[str], n: int = 4) -> Counter[tuple[str, ...]]:
    """Texts shorter than ``n`` tokens still give one (shorter) shingle, as in AEB."""
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def match_page(truth: str, pred: str, n: int = 4) -> PageMatch:
    """AEB's per-page comparison (case-sensitive tokens, 4-token shingles)."""
    true_words, pred_words = tokens(truth), tokens(pred)
    true_sh, pred_sh = shingles(true_words, n), shingles(pred_words, n)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn
    exact = true_words == pred_words
    if total == 0:
        return PageMatch(0.0, 0.0, 0.0, exact)
    return PageMatch(tp / total, fp / total, fn / total, exact)


def _precision(m: PageMatch) -> float:
    if m.fp == m.fn == 0:
        return 1.0
    return m.tp / (m.tp + m.fp) if m.tp + m.fp > 0 else 0.0


def _recall(m: PageMatch) -> float:
    if m.fp == m.fn == 0:
        return 1.0
    return m.tp / (m.tp + m.fn) if m.tp + m.fn > 0 else 0.0


def score(matches: Iterable[PageMatch]) -> Score:
    """AEB: precision and recall averaged over pages, F1 their harmonic mean.

    As in the benchmark's ``evaluate.py``, a page whose prediction is empty counts for recall
    only (precision is undefined there), and one empty on both sides counts for neither.

    >>> score([match_page("a b c d e", "a b c d x")])
    Score(f1=0.5, precision=0.5, recall=0.5, accuracy=0.0, pages=1)
    """
    ms = list(matches)
    precisions = [_precision(m) for m in ms if m.tp + m.fp > 0]
    recalls = [_recall(m) for m in ms if m.tp + m.fn > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    accuracy = sum(m.exact for m in ms) / len(ms) if ms else 0.0
    return Score(f1, p, r, accuracy, len(ms))


def bag_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """WCXB's per-page (precision, recall, F1) over lower-cased bags of words; empty is 0.

    >>> bag_scores("A b b c", "a b d")
    (0.6666666666666666, 0.5, 0.5714285714285715)
    """
    gold, got = Counter(tokens(truth.lower())), Counter(tokens(pred.lower()))
    common = sum((gold & got).values())
    if not gold or not got or common == 0:
        return 0.0, 0.0, 0.0
    p, r = common / sum(got.values()), common / sum(gold.values())
    return p, r, 2 * p * r / (p + r)


def _words(text: str) -> tuple[str, ...]:
    return tuple(tokens(text.casefold()))


def title_right(gold: str, found: str | None) -> bool:
    """Same words in the same order, ignoring case and punctuation.

    >>> title_right("Rain, again!", "rain again"), title_right("Rain", "Rain | Site")
    (True, False)
    """
    return found is not None and _words(gold) == _words(found)


def _people(text: str) -> list[tuple[str, ...]]:
    parts = (_words(p) for p in _AUTHOR_SPLIT_RE.split(text))
    return [w[1:] if w[:1] == ("by",) else w for w in parts if w]


def author_right(gold: str, found: Sequence[str]) -> bool:
    """All gold names found, or (credentials after a comma) the first one matches.

    >>> author_right("Dylan Bailey, MS, RD", ["Dylan Bailey"])
    True
    >>> author_right("Ann Lee and Bo Chen", ["Ann Lee"]), author_right("Ann Lee", [])
    (False, False)
    """
    got = [p for name in found for p in _people(name)]
    want = _people(gold)
    if not got or not want:
        return False
    if set(want) <= set(got) and len(got) <= len(want) + 1:
        return True
    return got[0] == want[0] and all(len(w) == 1 for w in want[1:])  # "MS", "RD"


def date_right(gold: str, found: str | None) -> bool:
    """The same calendar day as the gold ``YYYY-MM-DD`` (the page's own day)."""
    return found is not None and found[:10] == gold[:10]


# ------------------------------------------------------------------------------- sets


def load_aeb(data: Path, limit: int | None) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    return [
        Page(i, gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()),
             str(truth[i].get("articleBody") or ""))
        for i in ids
    ]  # fmt: skip


def load_wcxb(data: Path, limit: int | None, half: str | None = None) -> list[Page]:
    """WCXB dev pages; ``half`` ("a"/"b") keeps the pages of one half of the domains."""
    domains: dict[str, dict[str, str]] = json.loads((data / "pages.json").read_text("utf-8"))
    names = sorted(p.stem for p in (data / "ground-truth").glob("*.json"))
    if half:
        ordered = sorted({d["domain"] for d in domains.values()})
        chosen = set(ordered[0::2] if half == "a" else ordered[1::2])
        names = [n for n in names if domains.get(n, {}).get("domain") in chosen]
    pages: list[Page] = []
    for name in names[:limit] if limit else names:
        gold = json.loads((data / "ground-truth" / f"{name}.json").read_text("utf-8"))
        truth = gold["ground_truth"]
        raw = gzip.decompress((data / "html" / f"{name}.html.gz").read_bytes())
        pages.append(Page(name, raw, truth.get("main_content") or "", truth.get("title"),
                          truth.get("author"), truth.get("publish_date")))  # fmt: skip
    return pages


# -------------------------------------------------------------------------- extractors


def scrubwarc_extractor() -> Extractor:
    try:
        from scrubwarc.article import process
    except ModuleNotFoundError:  # running from a checkout that is not installed
        sys.path.insert(0, str(REPO / "src"))
        from scrubwarc.article import process

    def run(data: bytes) -> Output:
        article = process(data, "page.html")
        m = article.metadata
        # The extracted main text, as the peers give it: not the heading that ``clean`` and
        # the WARC text record put above it (title, authors and date are scored apart).
        assert article.body is not None
        return Output(article.body, m.title, m.authors, m.date)

    return run


def trafilatura_extractor() -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(data: bytes) -> Output:
        doc = trafilatura.bare_extraction(data, include_comments=False, with_metadata=True)
        if doc is None or isinstance(doc, dict):  # a dict only with as_dict=True
            return Output("")
        authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
        return Output(doc.text or "", doc.title, authors, doc.date)

    return run


def readability_extractor() -> Extractor | None:
    try:
        import lxml.html
        from readability import Document
    except ImportError:
        return None

    def run(data: bytes) -> Output:
        try:
            doc = Document(data)
            summary = lxml.html.fromstring(doc.summary(html_partial=True))
            text = "\n\n".join(
                " ".join(el.text_content().split())
                for el in summary.iter("p", "h2", "h3", "h4", "li", "pre", "blockquote", "td")
            )
            return Output(text, doc.short_title() or None)
        except Exception:
            return Output("")

    return run


# Each peer's whole run: a fresh interpreter over a directory of pages, as a user would run it.
_PEER_RUNNERS = {
    "trafilatura": (
        "import sys, pathlib, trafilatura\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):\n"
        "    d = trafilatura.bare_extraction(p.read_bytes(), with_metadata=True)\n"
        "    print(d.text[:20] if d and d.text else '')\n"
    ),
    "readability-lxml": (
        "import sys, pathlib, lxml.html\n"
        "from readability import Document\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):\n"
        "    try:\n"
        "        d = Document(p.read_bytes())\n"
        "        print(lxml.html.fromstring(d.summary()).text_content()[:20], d.short_title())\n"
        "    except Exception:\n"
        "        print('')\n"
    ),
}


def _whole_run_command(name: str, folder: Path) -> list[str]:
    if name == "scrubwarc":
        return [sys.executable, "-m", "scrubwarc", "meta", str(folder), "--json"]
    return [sys.executable, "-c", _PEER_RUNNERS[name], str(folder)]


def whole_run_cpu(name: str, folder: Path) -> float:
    """CPU seconds (user + system) of one fresh process running ``name`` over ``folder``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    subprocess.run(_whole_run_command(name, folder), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False, env=env)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# ------------------------------------------------------------------------------- runs


@dataclass(slots=True)
class Run:
    """One extractor on one set."""

    name: str
    outputs: dict[str, Output]
    cpu_ms: list[float]
    whole_cpu_s: float | None = None
    figures: dict[str, float] = field(default_factory=dict)


def run_extractor(name: str, extract: Extractor, pages: Sequence[Page]) -> Run:
    outputs: dict[str, Output] = {}
    cpu: list[float] = []
    for page in pages:
        start = time.process_time()
        outputs[page.id] = extract(page.data)
        cpu.append((time.process_time() - start) * 1000)
    return Run(name, outputs, cpu)


def score_aeb(run: Run, pages: Sequence[Page]) -> None:
    s = score(match_page(p.text, run.outputs[p.id].text) for p in pages)
    run.figures.update(f1=s.f1, precision=s.precision, recall=s.recall)
    run.figures["empty"] = sum(not tokens(run.outputs[p.id].text) for p in pages)


def score_wcxb(run: Run, pages: Sequence[Page]) -> None:
    texts = [p for p in pages if tokens(p.text)]
    per_page = [bag_scores(p.text, run.outputs[p.id].text) for p in texts]
    for i, key in enumerate(("precision", "recall", "f1")):
        run.figures[key] = statistics.fmean(s[i] for s in per_page) if per_page else 0.0
    run.figures["empty"] = sum(not tokens(run.outputs[p.id].text) for p in texts)
    checks: tuple[tuple[str, Callable[[Page, Output], bool | None]], ...] = (
        ("title", lambda p, o: None if p.title is None else title_right(p.title, o.title)),
        ("author", lambda p, o: None if p.author is None else author_right(p.author, o.authors)),
        ("date", lambda p, o: None if p.date is None else date_right(p.date, o.date)),
    )
    for key, check in checks:
        marks = [m for p in pages if (m := check(p, run.outputs[p.id])) is not None]
        run.figures[key] = sum(marks) / len(marks) if marks else 0.0


def extractors(names: Sequence[str]) -> list[tuple[str, Extractor]]:
    found: list[tuple[str, Extractor]] = []
    makers: dict[str, Callable[[], Extractor | None]] = {
        "scrubwarc": scrubwarc_extractor,
        "trafilatura": trafilatura_extractor,
        "readability-lxml": readability_extractor,
    }
    for name in names:
        made = makers[name]()
        if made is None:
            print(f"{name} is not installed: its row is skipped", file=sys.stderr)
        else:
            found.append((name, made))
    return found


def format_table(title: str, runs: Sequence[Run], meta: bool) -> str:
    cols = ["F1", "prec", "recall", "empty"] + (["title", "author", "date"] if meta else [])
    header = f"{'extractor':<17}" + "".join(f"{c:>8}" for c in cols)
    header += f"{'ms/page':>9}{'whole s':>9}{'x less':>8}"
    lines = [title, header, "-" * len(header)]
    base = runs[0].whole_cpu_s
    for r in runs:
        row = f"{r.name:<17}"
        for c in cols:
            key = {"prec": "precision"}.get(c, c.lower())
            value = r.figures[key]
            row += f"{int(value):8d}" if key == "empty" else f"{value:8.3f}"
        row += f"{statistics.median(r.cpu_ms):9.2f}"
        whole = r.whole_cpu_s
        row += f"{whole:9.2f}" if whole is not None else f"{'-':>9}"
        ratio = whole / base if whole is not None and base else None
        row += f"{ratio:7.1f}x" if ratio is not None else f"{'-':>8}"
        lines.append(row)
    return "\n".join(lines)


def bench_set(
    label: str, pages: Sequence[Page], tools: Sequence[tuple[str, Extractor]], whole_runs: int
) -> list[Run]:
    runs = [run_extractor(name, extract, pages) for name, extract in tools]
    for run in runs:
        (score_wcxb if label == "wcxb" else score_aeb)(run, pages)
    if whole_runs > 0:
        from benchmarks.run import compile_package  # lazy: it imports scrubwarc

        compile_package(REPO / "src" / "scrubwarc")  # as installed: the peers' are compiled too
        with tempfile.TemporaryDirectory(prefix="scrubwarc-html-") as tmp:
            folder = Path(tmp)
            for page in pages:
                (folder / f"{page.id}.html").write_bytes(page.data)
            # In turns, so that a change in the machine's load falls on every tool alike.
            times: dict[str, list[float]] = {run.name: [] for run in runs}
            for _ in range(whole_runs):
                for run in runs:
                    times[run.name].append(whole_run_cpu(run.name, folder))
            for run in runs:
                run.whole_cpu_s = statistics.median(times[run.name])
    meta = label == "wcxb"
    what = "WCXB dev articles" if meta else "AEB"
    print(format_table(f"\n## {what}: {len(pages)} pages", runs, meta))
    return runs


def available(aeb: Path = DEFAULT_AEB, wcxb: Path = DEFAULT_WCXB) -> dict[str, bool]:
    """Which of the two sets are present."""
    return {
        "aeb": (aeb / "ground-truth.json").is_file(),
        "wcxb": (wcxb / "pages.json").is_file(),
    }


def run_sets(
    sets: Sequence[str],
    tools: Sequence[tuple[str, Extractor]],
    *,
    limit: int | None = None,
    whole_runs: int = 3,
    half: str | None = None,
    aeb: Path = DEFAULT_AEB,
    wcxb: Path = DEFAULT_WCXB,
) -> dict[str, list[Run]]:
    """Score every tool on every set, print one table per set, return the runs by set."""
    result: dict[str, list[Run]] = {}
    for name in sets:
        pages = load_aeb(aeb, limit) if name == "aeb" else load_wcxb(wcxb, limit, half)
        result[name] = bench_set(name, pages, tools, max(0, whole_runs))
    return result


def targets(result: dict[str, list[Run]]) -> list[tuple[str, str, float, bool]]:
    """(what, wanted, measured, met) for issue 11's targets, from one run."""
    rows: list[tuple[str, str, float, bool]] = []
    for name, runs in result.items():
        ours = runs[0]
        peer = next((r for r in runs if r.name == "trafilatura"), None)
        label = "AEB" if name == "aeb" else "WCXB"
        if name == "aeb":
            rows.append(
                (f"{label} F1", ">= 0.975", ours.figures["f1"], ours.figures["f1"] >= 0.975)
            )
        else:
            wanted = {"f1": 0.95, "author": 0.85, "date": 0.90, "title": 0.85}
            for key, floor in wanted.items():
                value = ours.figures[key]
                best = max(floor, peer.figures[key]) if peer else floor
                rows.append((f"{label} {key}", f">= {floor:.2f} and peer", value, value >= best))
            empty = ours.figures["empty"]
            rows.append((f"{label} empty outputs", "0", empty, empty == 0))
        if peer is not None and ours.whole_cpu_s and peer.whole_cpu_s:
            ratio = peer.whole_cpu_s / ours.whole_cpu_s
            rows.append((f"{label} CPU trafilatura / scrubwarc", ">= 5", ratio, ratio >= 5))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--aeb", type=Path, default=DEFAULT_AEB, help="AEB data directory")
    parser.add_argument("--wcxb", type=Path, default=DEFAULT_WCXB, help="WCXB dev directory")
    parser.add_argument("--sets", nargs="+", choices=("aeb", "wcxb"), default=["aeb", "wcxb"])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each")
    parser.add_argument("--half", choices=("a", "b"), help="WCXB: one half of the domains")
    parser.add_argument("--whole-runs", type=int, default=3, help="timed whole runs (median)")
    names = ("scrubwarc", "trafilatura", "readability-lxml")
    parser.add_argument("--tools", nargs="+", default=list(names), choices=names)
    parser.add_argument("--json", type=Path, default=None, help="write per-page outputs here")
    args = parser.parse_args(argv)

    loaders = {"aeb": (args.aeb, "ground-truth.json"), "wcxb": (args.wcxb, "pages.json")}
    for name in args.sets:
        folder, marker = loaders[name]
        if not (folder / marker).is_file():
            print(f"html: no {name} data in {folder} (no {marker})", file=sys.stderr)
            return 2
    tools = extractors(args.tools)
    print(f"HTML benchmark, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
          f"'whole s': CPU seconds of a whole run over the set (median of {args.whole_runs}), "
          "'x less': a tool's whole-run CPU over scrubwarc's")  # fmt: skip
    runs_by_set = run_sets(args.sets, tools, limit=args.limit, whole_runs=args.whole_runs,
                           half=args.half, aeb=args.aeb, wcxb=args.wcxb)  # fmt: skip
    if runs_by_set and runs_by_set[next(iter(runs_by_set))][0].name == "scrubwarc":
        print("\n## Targets (issue 11)")
        for what, wanted, value, met in targets(runs_by_set):
            print(f"{what:<36} {wanted:<20} {value:8.3f}  {'yes' if met else 'NO'}")
    result = {
        name: {
            r.name: {
                "figures": r.figures,
                "median_cpu_ms": statistics.median(r.cpu_ms),
                "whole_cpu_s": r.whole_cpu_s,
                "pages": {
                    i: {"text": o.text, "title": o.title, "authors": o.authors, "date": o.date}
                    for i, o in r.outputs.items()
                },
            }
            for r in runs
        }
        for name, runs in runs_by_set.items()
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
