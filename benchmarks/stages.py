"""Where an archived article's time goes: milliseconds per article for each stage.

Generated articles (``corpus.py``, a seed of its own) go through the stages of ``archive
--jobs 1`` one at a time, in one process, each stage timed on its own: the first pass that
reads each file's opening to learn the run's site names (``learn sites``), decode, each
cleaning rule (first pass; ``clean (all passes)`` is the whole pipeline), metadata
(language detection and word count shown apart, and inside it), the records' fields and
digests (``encode``), deflating the record tails the workers compress (``compress``) and
the writer (ids, heads, the gzip members it finishes, the file). Figures are the mean over
the articles; the stage sum is close to, not exactly, what a run spends per article.

    python benchmarks/stages.py [-n COUNT] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

_HERE = Path(__file__).resolve().parent
if sys.path and Path(sys.path[0] or ".").resolve() == _HERE:
    sys.path[0] = str(_HERE.parent)

from benchmarks import corpus  # noqa: E402
from scrubwarc.article import Article  # noqa: E402
from scrubwarc.clean.model import CleanOptions  # noqa: E402
from scrubwarc.clean.pipeline import RULES, clean_document  # noqa: E402
from scrubwarc.meta.language import detect_language  # noqa: E402
from scrubwarc.meta.sites import learn_site_suffixes, read_heads  # noqa: E402
from scrubwarc.meta.text import _word_count, text_metadata  # noqa: E402
from scrubwarc.read.document import read  # noqa: E402
from scrubwarc.warc.deflate import SPLIT_FROM, deflate  # noqa: E402
from scrubwarc.warc.record import encode_article  # noqa: E402
from scrubwarc.warc.writer import WarcWriter  # noqa: E402

T = TypeVar("T")


def measure(count: int, seed: int) -> dict[str, float]:
    """Mean milliseconds per article of each stage, over ``count`` generated articles."""
    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, call: Callable[..., T], *args: Any) -> T:
        start = time.perf_counter()
        value = call(*args)
        spent[stage] += time.perf_counter() - start
        return value

    with tempfile.TemporaryDirectory() as tmp:
        files = corpus.write_corpus(Path(tmp) / "in", count, seed)
        paths = sorted((Path(tmp) / "in").rglob("*.txt"))
        assert files and len(paths) == count
        learned = timed("learn sites", lambda: learn_site_suffixes(read_heads(paths)))
        options = CleanOptions(site_names=learned)
        writer = WarcWriter(Path(tmp) / "stages.warc.gz")
        with writer:
            for n, source in enumerate(paths):
                data, path = source.read_bytes(), f"{n}.txt"
                doc = timed("decode", read, data, path)
                text = doc.text
                for rule in RULES:
                    text = timed(f"rule: {rule.name}", rule.apply, text, options)[0]
                result = timed("clean (all passes)", clean_document, doc, data, options)
                timed("  language (inside metadata)", detect_language, result.text)
                timed("  word count (inside metadata)", _word_count, result.text)
                meta = timed("metadata", text_metadata, result, data, path, options)
                article = Article(data, result.text, meta, doc.kind, result.fired)
                encoded = timed("encode + compress", encode_article, article, path)
                for tail in (encoded.original, encoded.text, encoded.metadata):
                    if tail is not None and len(tail.data) >= SPLIT_FROM:
                        timed("  compress (inside encode)", deflate, tail.data)
                timed("write", writer.write_encoded, encoded)
    return {stage: 1000 * seconds / count for stage, seconds in spent.items()}


def report(figures: dict[str, float]) -> str:
    """The figures as a table, with the total of the stages a run goes through."""
    parts = ["learn sites", "decode", "clean (all passes)", "metadata", "encode + compress"]
    parts.append("write")
    total = sum(figures[p] for p in parts)
    rows = [(stage, f"{ms:.3f}", f"{100 * ms / total:.0f}%") for stage, ms in figures.items()]
    rows.append(("total (learn sites to write)", f"{total:.3f}", "100%"))
    width = max(len(r[0]) for r in rows)
    lines = [f"{'stage'.ljust(width)}  ms/article  share", "-" * (width + 19)]
    lines += [f"{s.ljust(width)}  {ms:>10}  {share:>5}" for s, ms, share in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-n", "--count", type=int, default=2000, help="articles")
    parser.add_argument("--seed", type=int, default=5, help="corpus seed (throughput uses 0)")
    args = parser.parse_args(argv)
    figures = measure(args.count, args.seed)
    print(f"## Stages of archive --jobs 1: {args.count:,} generated articles, mean ms per article")
    print(report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
