"""The public API is what the README documents, typed and exported in ``__all__``."""

from __future__ import annotations

import importlib.resources
import re
import subprocess
import sys

import scrubwarc
from tests.helpers import ROOT


def _documented() -> set[str]:
    """The names the README's Library section lists as the public API."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Library", 1)[1].split("\n## ", 1)[0]
    listing = section.split("The public API is `scrubwarc.__all__`:", 1)[1].split(". Names", 1)[0]
    return set(re.findall(r"`(\w+)`", listing)) | {"__version__"}


def test_all_is_what_the_readme_documents() -> None:
    assert set(scrubwarc.__all__) == _documented()
    for name in scrubwarc.__all__:
        assert hasattr(scrubwarc, name), name


def test_import_is_light() -> None:
    code = (
        "import sys, scrubwarc\n"
        "print(sorted(m for m in ('lxml', 'warcio', 'typer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_package_is_typed() -> None:
    assert importlib.resources.files("scrubwarc").joinpath("py.typed").is_file()


def test_rule_names_match_rules() -> None:
    assert scrubwarc.rule_names() == tuple(r.name for r in scrubwarc.RULES)
    assert all(r.summary and r.apply.__doc__ for r in scrubwarc.RULES)


def test_result_values_are_frozen() -> None:
    result = scrubwarc.clean_text("x")
    try:
        result.text = "y"  # type: ignore[misc]
    except AttributeError:
        return
    raise AssertionError("CleanResult is mutable")


def test_no_public_name_is_shadowed_by_a_submodule() -> None:
    # Importing a submodule sets an attribute of the package: ``scrubwarc/archive.py`` once
    # made ``from scrubwarc import archive`` give the module instead of the function,
    # depending on what had been imported before.
    code = (
        "import importlib, pkgutil, types, scrubwarc\n"
        "for m in pkgutil.walk_packages(scrubwarc.__path__, 'scrubwarc.'):\n"
        "    importlib.import_module(m.name)\n"
        "print([n for n in scrubwarc.__all__\n"
        "       if isinstance(getattr(scrubwarc, n), types.ModuleType)])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
