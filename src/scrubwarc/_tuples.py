"""``NamedTuple`` without importing ``typing`` at run time, for the modules the hook loads.

Importing ``typing`` costs the pre-commit hook about 4 ms a call (a tenth of what it adds
to Python's own start-up), and the hook's path uses it only to declare named tuples. (Where
a ``pyproject.toml`` is found, ``tomllib`` imports ``typing`` itself to read it.)
Type checkers read ``typing.NamedTuple`` here (``TYPE_CHECKING`` is false at run time and
true for mypy, which recognises the name); at run time the same class statement builds the
same ``collections.namedtuple`` class that ``typing.NamedTuple`` builds, with the same
fields, defaults, annotations (as written), methods and docstring, and the same errors.

    from scrubwarc._tuples import TYPE_CHECKING, NamedTuple
"""

from __future__ import annotations

import collections

TYPE_CHECKING = False

__all__ = ["TYPE_CHECKING", "NamedTuple"]

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # As typing names them: what a class body may not define, and what it does not copy.
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
        | {"_make", "_replace", "_asdict", "_source"}
    )
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _NamedTupleMeta(type):
        """Turns ``class X(NamedTuple): field: type = default`` into a namedtuple class."""

        def __new__(mcs, name, bases, namespace):
            if namespace.get("_root", False):  # NamedTuple itself
                return super().__new__(mcs, name, bases, namespace)
            if any(base is not NamedTuple for base in bases):
                raise TypeError("can only inherit from a NamedTuple type")
            fields = dict(namespace.get("__annotations__", {}))
            with_default: list[str] = []
            for field in fields:
                if field in namespace:
                    with_default.append(field)
                elif with_default:
                    plural = "s" if len(with_default) > 1 else ""
                    raise TypeError(
                        f"Non-default namedtuple field {field} cannot follow default "
                        f"field{plural} {', '.join(with_default)}"
                    )
            made = collections.namedtuple(
                name,
                list(fields),
                defaults=[namespace[field] for field in with_default],
                module=namespace["__module__"],
            )
            made.__annotations__ = fields
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in made._fields:
                    setattr(made, key, value)
            return made

    NamedTuple = _NamedTupleMeta("NamedTuple", (), {"_root": True, "__module__": __name__})
