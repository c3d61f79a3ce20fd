"""The public API is what the README documents, typed and exported in ``__all__``."""

from __future__ import annotations

import importlib.resources

import scrubwarc

DOCUMENTED = {
    "clean_text", "clean_bytes", "CleanOptions", "CleanResult", "Removal", "RULES", "Rule",
    "rule_names", "decode", "Decoded", "clean_url", "is_tracking_param",
    "DEFAULT_TRACKING_PARAMS", "ScrubwarcError", "InputError", "DecodeError", "HtmlError",
    "ConfigError", "OutputError", "OutputExistsError", "__version__", "read", "Document",
    "process_article", "Article", "Metadata", "archive", "ArchiveSummary", "WarcWriter",
    "verify", "unpack", "list_articles",
}  # fmt: skip


def test_all_is_what_is_documented() -> None:
    assert set(scrubwarc.__all__) == DOCUMENTED
    for name in scrubwarc.__all__:
        assert hasattr(scrubwarc, name), name


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
