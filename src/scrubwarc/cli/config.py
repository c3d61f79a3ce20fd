"""``[tool.scrubwarc]`` in the nearest ``pyproject.toml``, merged with command-line options.

Keys (kebab or snake case): ``disable``, ``extra-tracking-params``,
``extra-boilerplate-prefixes``, ``include``, ``exclude``, ``site-names`` (lists of strings);
``encoding`` (a codec name such as ``"cp1252"``) and ``date-order`` (``"month-first"`` or
``"day-first"``, how ``04/05/2016`` is read; unset, as the text's language writes it).
"""

from __future__ import annotations

from pathlib import Path

from scrubwarc._tuples import NamedTuple
from scrubwarc.errors import ConfigError

__all__ = ["Settings", "find_pyproject", "load_settings"]

_LIST_KEYS = (
    "disable",
    "extra_tracking_params",
    "extra_boilerplate_prefixes",
    "include",
    "exclude",
    "site_names",
)
_STRING_KEYS = ("encoding", "date_order")
_DATE_ORDERS = ("month-first", "day-first")


class Settings(NamedTuple):
    """Settings read from a project file; empty tuples where the file says nothing."""

    disable: tuple[str, ...] = ()
    extra_tracking_params: tuple[str, ...] = ()
    extra_boilerplate_prefixes: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    path: Path | None = None
    site_names: tuple[str, ...] = ()
    encoding: str | None = None
    date_order: str | None = None


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


def load_settings(path: Path | None, *, named: bool = True) -> Settings:
    """Read ``[tool.scrubwarc]`` from ``path``; a missing table gives default settings.

    A project file found by ``find_pyproject`` (``named=False``) whose bytes never spell
    ``scrubwarc`` holds no table of ours and is not parsed: it belongs to other tools, which
    judge its syntax, and parsing TOML costs the pre-commit hook several milliseconds a call.
    A file the user names with ``--config`` is always parsed.
    """
    if path is None:
        return Settings()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None
    if not named and b"scrubwarc" not in raw:
        return Settings(path=path)
    import tomllib  # lazy: most runs find no project file, and the hook starts on every commit

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None
    table = data.get("tool", {}).get("scrubwarc", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.scrubwarc] must be a table")
    values: dict[str, tuple[str, ...]] = {}
    strings: dict[str, str] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key in _STRING_KEYS:
            strings[key] = _string_setting(path, raw_key, value)
            continue
        if key not in _LIST_KEYS:
            known = ", ".join(k.replace("_", "-") for k in (*_LIST_KEYS, *_STRING_KEYS))
            raise ConfigError(
                f"{path}: unknown key {raw_key!r} in [tool.scrubwarc]; known: {known}"
            )
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: [tool.scrubwarc] {raw_key} must be a list of strings")
        values[key] = tuple(value)
    return Settings(
        path=path, encoding=strings.get("encoding"), date_order=strings.get("date_order"), **values
    )


def _string_setting(path: Path, raw_key: str, value: object) -> str:
    """An ``encoding`` or ``date-order`` value, checked: a known codec, a known order."""
    if not isinstance(value, str):
        raise ConfigError(f"{path}: [tool.scrubwarc] {raw_key} must be a string")
    if raw_key.replace("-", "_") == "date_order":
        if value not in _DATE_ORDERS:
            raise ConfigError(
                f"{path}: [tool.scrubwarc] {raw_key} must be one of {', '.join(_DATE_ORDERS)}"
            )
        return value
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise ConfigError(
            f"{path}: [tool.scrubwarc] {raw_key}: unknown encoding {value!r}"
        ) from None
    return value
