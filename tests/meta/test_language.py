"""Language detection: one news paragraph per supported language, refusals, invariants, cost."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scrubwarc.meta.language import SUPPORTED_LANGUAGES, detect_language
from tests.helpers import ROOT
from tests.languages import PARAGRAPHS

LANGUAGE_PY = ROOT / "src" / "scrubwarc" / "meta" / "language.py"

# Each paragraph was written for this test in the style of a news report.

# Latin-script Serbian in the ekavian standard; Croatian and Bosnian are ijekavian (see
# the module docstring for the policy).
SERBIAN_LATIN = (
    "Vlada je u utorak predstavila novi zakon koji bi trebalo da smanji cene energije za "
    "domaćinstva. Prema rečima ministra, nova pravila stupiće na snagu od januara i "
    "obuhvatiće više od tri miliona porodica. Opozicija tvrdi da je pomoć premala i da "
    "dolazi posle svih poskupljenja, a ne pre njih."
)


@pytest.mark.parametrize(("code", "text"), sorted(PARAGRAPHS.items()))
def test_paragraph(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_every_supported_language_has_a_paragraph() -> None:
    assert set(PARAGRAPHS) == SUPPORTED_LANGUAGES


def test_serbian_latin_is_sr() -> None:
    assert detect_language(SERBIAN_LATIN) == "sr"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "Breaking news",
        "The end.",
        "Paris",
        "12 345 678 2024-01-01 13:45 +0200",
        "٠١٢٣٤٥٦٧٨٩ ٠١٢٣٤٥٦٧٨٩ ٠١٢٣٤٥٦٧٨٩",
        "https://example.com/news/2024/01/article-123?id=5",
        "www.example.org/a/b https://ex.org/c?utm_source=rss",
        "東京",
        "東京都知事選挙",
        "Москва",
        "Γεια σου",
        "!!! ??? ... --- ***",
        # Half English, half French: no language dominates.
        "The minister said that the plan would work. Le ministre a dit que le plan est bon.",
        # Only words Danish and Norwegian share: either could be meant.
        "Det er ikke sikkert at han kommer til det, men han har sagt at det er for tidlig.",
        # Macedonian (unsupported) must not come out as Serbian or Bulgarian.
        "Владата во вторник усвои нов закон кој треба да ги намали цените на струјата за "
        "домаќинствата. Според министерот, новите правила ќе стапат на сила од јануари и "
        "ќе опфатат повеќе од три милиони семејства, а ѓубрето ќе се собира секој ден.",
    ],
)
def test_unclear_or_short_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_english_with_a_few_french_words_stays_english() -> None:
    text = (
        "The chef said the soufflé was the pièce de résistance of the evening, and guests at "
        "the restaurant agreed that the café au lait was très bon as well. Critics have "
        "praised the menu since it opened in the spring."
    )
    assert detect_language(text) == "en"


def test_quoted_foreign_names_do_not_veto() -> None:
    # Two Danish names in Swedish text: too few æ/ø to rule Swedish out.
    text = PARAGRAPHS["sv"] + " Det sade Søren Møller, som leder utredningen."
    assert detect_language(text) == "sv"


def test_decomposed_accents_are_normalised() -> None:
    assert detect_language(unicodedata.normalize("NFD", PARAGRAPHS["cs"])) == "cs"


def test_only_the_beginning_is_read() -> None:
    text = PARAGRAPHS["en"] * 12 + PARAGRAPHS["fr"] * 200
    assert len(PARAGRAPHS["en"] * 12) > 3_000
    assert detect_language(text) == "en"


def _check(result: str | None) -> None:
    assert result is None or (len(result) == 2 and result.isascii() and result.islower())
    assert result is None or result in SUPPORTED_LANGUAGES


WORDS = st.sampled_from([w for text in PARAGRAPHS.values() for w in text.split()])


@given(st.one_of(st.text(), st.lists(WORDS, max_size=60).map(" ".join)))
@example("İİİ ı ß ﬁ")
@example("\u0301" * 50)
@example("a " * 100)
def test_never_raises(text: str) -> None:
    _check(detect_language(text))


def test_import_needs_only_the_standard_library() -> None:
    # A fresh interpreter loads the module file on its own, then lists what that loading
    # added to sys.modules. (Import time is a benchmark figure, not a unit-test bound.)
    code = f"""
import importlib.util, json, sys
before = set(sys.modules)
spec = importlib.util.spec_from_file_location("language_alone", {str(LANGUAGE_PY)!r})
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(json.dumps({{"added": sorted(set(sys.modules) - before)}}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    report = json.loads(out)
    added = {name.split(".")[0] for name in report["added"]} - {"language_alone"}
    assert added <= sys.stdlib_module_names, added
