"""Article-extraction benchmark: scrubwarc's main-text extractor against trafilatura.

Scores follow the public article-extraction-benchmark so our figures compare with its table;
see ``../shared/aeb/README.md``. Run ``python benchmarks/aeb.py --help``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "aeb"

# The benchmark's tokens: runs of word characters, compared case-sensitively.
_TOKEN_RE = re.compile(r"\w+")

Extractor = Callable[[bytes], str]


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


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    score: Score
    median_ms: float
    pages_per_s: float
    outputs: dict[str, str]
    matches: dict[str, PageMatch]


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def shingles(words: Sequence[str], n: int = 4) -> Counter[tuple[str, ...]]:
    """Texts shorter than ``n`` tokens still give one (shorter) shingle, as in the benchmark."""
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def match_page(truth: str, pred: str, n: int = 4) -> PageMatch:
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
    """Precision and recall averaged over pages, F1 their harmonic mean.

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


def load_pages(data: Path, limit: int | None) -> tuple[dict[str, bytes], dict[str, str]]:
    truth_all = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth_all)[:limit] if limit else sorted(truth_all)
    pages = {i: gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()) for i in ids}
    truth = {i: str(truth_all[i].get("articleBody") or "") for i in ids}
    return pages, truth


def scrubwarc_extractor() -> Extractor:
    try:
        from scrubwarc.read.html import extract_text, parse_document
    except ModuleNotFoundError:  # running from a checkout that is not installed
        sys.path.insert(0, str(REPO / "src"))
        from scrubwarc.read.html import extract_text, parse_document

    def run(data: bytes) -> str:
        return extract_text(parse_document(data))

    return run


def trafilatura_extractor() -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(data: bytes) -> str:
        # The benchmark's own call: defaults (plain text), comments excluded.
        text: str | None = trafilatura.extract(data, include_comments=False)
        return text or ""

    return run


def run_extractor(
    name: str, extract: Extractor, pages: dict[str, bytes], truth: dict[str, str], repeat: int
) -> Run:
    """Time each page ``repeat`` times and keep the per-page median, so one hiccup cannot skew."""
    times: dict[str, list[float]] = {i: [] for i in pages}
    outputs: dict[str, str] = {}
    for _ in range(repeat):
        for page_id, data in pages.items():
            start = time.perf_counter()
            outputs[page_id] = extract(data)
            times[page_id].append(time.perf_counter() - start)
    per_page = [statistics.median(t) for t in times.values()]
    matches = {i: match_page(truth[i], outputs[i]) for i in pages}
    total = sum(per_page)
    return Run(
        name=name,
        score=score(matches.values()),
        median_ms=statistics.median(per_page) * 1000,
        pages_per_s=len(per_page) / total if total > 0 else float("inf"),
        outputs=outputs,
        matches=matches,
    )


def format_table(runs: Sequence[Run]) -> str:
    header = (
        f"{'extractor':<12} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} "
        f"{'ms/page':>8} {'pages/s':>8}"
    )
    lines = [header, "-" * len(header)]
    for r in runs:
        s = r.score
        lines.append(
            f"{r.name:<12} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.accuracy:6.3f} "
            f"{r.median_ms:8.2f} {r.pages_per_s:8.1f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark data directory")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--json", type=Path, default=None, help="write per-page results here")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per page (median)")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the reference run")
    args = parser.parse_args(argv)

    if not (args.data / "ground-truth.json").is_file():
        print(f"aeb: no benchmark data in {args.data} (no ground-truth.json)", file=sys.stderr)
        return 2
    pages, truth = load_pages(args.data, args.limit)
    repeat = max(1, args.repeat)

    runs = [run_extractor("scrubwarc", scrubwarc_extractor(), pages, truth, repeat)]
    traf = None if args.no_trafilatura else trafilatura_extractor()
    if traf is not None:
        runs.append(run_extractor("trafilatura", traf, pages, truth, repeat))

    print(f"{len(pages)} pages, median of {repeat} run(s) per page")
    print(format_table(runs))
    if traf is not None:
        ratio = runs[0].pages_per_s / runs[1].pages_per_s
        print(f"speed ratio scrubwarc/trafilatura: {ratio:.1f}x")
    elif not args.no_trafilatura:
        print("trafilatura is not installed: reference row skipped")

    if args.json:
        result = {
            r.name: {
                "score": {k: getattr(r.score, k) for k in Score.__slots__},
                "median_ms": r.median_ms,
                "pages_per_s": r.pages_per_s,
                "pages": {
                    i: {"tp": m.tp, "fp": m.fp, "fn": m.fn, "exact": m.exact}
                    for i, m in r.matches.items()
                },
            }
            for r in runs
        }
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
