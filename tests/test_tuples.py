"""``scrubwarc._tuples.NamedTuple`` builds the class ``typing.NamedTuple`` builds."""

from __future__ import annotations

import pickle
import types
import typing

import pytest

from scrubwarc import _tuples


def _define(base: type) -> type:
    """The same class statement on either base."""

    class Sample(base):  # type: ignore[misc]
        """A sample."""

        name: str
        size: int = 0
        tags: tuple[str, ...] = ()

        def doubled(self) -> int:
            return self.size * 2

        @property
        def label(self) -> str:
            return f"{self.name}:{self.size}"

    return Sample


OURS = _define(_tuples.NamedTuple)
THEIRS = _define(typing.NamedTuple)
OURS.__qualname__ = "OURS"  # found by pickle under these module-level names
THEIRS.__qualname__ = "THEIRS"


def test_not_typing_at_run_time() -> None:
    assert _tuples.TYPE_CHECKING is False
    assert _tuples.NamedTuple is not typing.NamedTuple


def test_the_same_class() -> None:
    for attribute in ("_fields", "_field_defaults", "__doc__", "__module__", "__slots__"):
        assert getattr(OURS, attribute) == getattr(THEIRS, attribute), attribute
    assert OURS.__mro__[1:] == THEIRS.__mro__[1:] == (tuple, object)
    # typing wraps the annotations (strings here) in ForwardRefs; both read the same.
    assert typing.get_type_hints(OURS) == typing.get_type_hints(THEIRS)
    assert typing.get_type_hints(OURS) == {"name": str, "size": int, "tags": tuple[str, ...]}


def test_the_same_instances() -> None:
    ours, theirs = OURS("a", 3), THEIRS("a", 3)
    assert tuple(ours) == tuple(theirs) == ("a", 3, ())
    assert repr(ours).replace("OURS", "X") == repr(theirs).replace("THEIRS", "X")
    assert ours.doubled() == theirs.doubled() == 6
    assert ours.label == theirs.label == "a:3"
    assert ours._replace(size=4) == theirs._replace(size=4) == ("a", 4, ())
    assert ours._asdict() == theirs._asdict()
    assert hash(ours) == hash(theirs)
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert type(pickle.loads(pickle.dumps(ours))) is OURS


@pytest.mark.parametrize("base", [_tuples.NamedTuple, typing.NamedTuple])
def test_the_same_errors(base: type) -> None:
    with pytest.raises(TypeError, match="Non-default namedtuple field b cannot follow default "):
        namespace = {"__annotations__": {"a": "int", "b": "int"}, "a": 1, "__module__": __name__}
        types.new_class("Bad", (base,), exec_body=lambda ns: ns.update(namespace))
    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _replace"):
        namespace = {"__annotations__": {}, "_replace": None, "__module__": __name__}
        types.new_class("Bad", (base,), exec_body=lambda ns: ns.update(namespace))
