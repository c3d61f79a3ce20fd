"""``[tool.scrubwarc]`` in the nearest ``pyproject.toml``, merged with command-line options.

Keys (kebab or snake case): ``disable``, ``extra-tracking-params``,
``extra-boilerplate-prefixes``, ``include``, ``exclude``.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from scrubwarc.errors import ConfigError

__all__ = ["Settings", "find_pyproject", "load_settings"]

_LIST_KEYS = (
    "disable",
    "extra_tracking_params",
    "extra_boilerplate_prefixes",
    "include",
    "exclude",
)


class Settings(NamedTuple):
    """Settings read from a project file; empty tuples where the file says nothing."""

    disable: tuple[str, ...] = ()
    extra_tracking_params: tuple[str, ...] = ()
    extra_boilerplate_prefixes: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    path: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``, stopping at a repository root."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_settings(path: Path | None) -> Settings:
    """Read ``[tool.scrubwarc]`` from ``path``; a missing table gives default settings."""
    if path is None:
        return Settings()
    import tomllib  # lazy: most runs find no project file, and the hook starts on every commit

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None
    table = data.get("tool", {}).get("scrubwarc", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.scrubwarc] must be a table")
    values: dict[str, tuple[str, ...]] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in _LIST_KEYS:
            known = ", ".join(k.replace("_", "-") for k in _LIST_KEYS)
            raise ConfigError(
                f"{path}: unknown key {raw_key!r} in [tool.scrubwarc]; known: {known}"
            )
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: [tool.scrubwarc] {raw_key} must be a list of strings")
        values[key] = tuple(value)
    return Settings(path=path, **values)
