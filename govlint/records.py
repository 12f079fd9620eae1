"""``@record``: dataclass-like classes that cost almost nothing to define.

``dataclasses`` generates each class's ``__init__``, ``__repr__`` and ``__eq__`` by
compiling source text, about 1 ms per class on a small machine; govlint defines some fifty
such classes and ``govlint check`` runs on every pre-commit commit, so that alone was a
fifth of its start-up time. ``@record`` builds the same methods from closures over the
field list instead: a class costs ~0.05 ms to define. Fields are the class's annotations,
in order; a class attribute is the field's default, ``factory(list)`` a per-instance
default. ``__post_init__`` is called when defined, as with dataclasses.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING = object()


class factory:
    """A default made fresh for every instance (``factory(list)``), like ``default_factory``."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def _fields(cls: type) -> list[tuple[str, Any]]:
    annotations = cls.__dict__.get("__annotations__", {})
    fields = []
    for name, annotation in annotations.items():
        if isinstance(annotation, str) and annotation.startswith(("ClassVar", "typing.ClassVar")):
            continue
        fields.append((name, cls.__dict__.get(name, _MISSING)))
    return fields


def _transform(cls: type, eq: bool) -> type:
    fields = _fields(cls)
    names = tuple(name for name, _ in fields)
    defaults = {name: default for name, default in fields if default is not _MISSING}
    shown = tuple(name for name in names if not name.startswith("_"))
    post_init = getattr(cls, "__post_init__", None)
    class_name = cls.__name__

    count = len(names)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if not kwargs and len(args) == count:  # the common case: every field, in order
            self.__dict__.update(zip(names, args))
            if post_init is not None:
                post_init(self)
            return
        if len(args) > count:
            raise TypeError(f"{class_name}() takes {count} arguments, got {len(args)}")
        values = self.__dict__
        for name, value in zip(names, args):
            values[name] = value
        for name in names[len(args):]:
            if name in kwargs:
                values[name] = kwargs.pop(name)
                continue
            default = defaults.get(name, _MISSING)
            if default is _MISSING:
                raise TypeError(f"{class_name}() missing argument {name!r}")
            values[name] = default.make() if isinstance(default, factory) else default
        if kwargs:
            raise TypeError(f"{class_name}() got unexpected argument(s): {', '.join(kwargs)}")
        if post_init is not None:
            post_init(self)

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{class_name}({inner})"

    cls.__init__ = __init__
    cls.__repr__ = __repr__
    cls.__match_args__ = names
    cls.__record_fields__ = names
    for name, default in defaults.items():
        if isinstance(default, factory):
            delattr(cls, name)  # the class must not share one mutable default
    if eq:

        def __eq__(self, other: object) -> bool:
            if other.__class__ is not self.__class__:
                return NotImplemented
            return all(getattr(self, n) == getattr(other, n) for n in names)

        cls.__eq__ = __eq__
        cls.__hash__ = None
    return cls


if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    def dataclass_transform(**_: Any) -> Callable[[T], T]:
        return lambda decorated: decorated


@dataclass_transform(field_specifiers=(factory,))
def record(cls: type[T] | None = None, *, eq: bool = True) -> Any:
    """Turn a class with annotated fields into a record (see the module docstring).

    ``eq=False`` keeps identity comparison (for objects like a report that are never
    compared by value).
    """
    if cls is None:
        return lambda decorated: _transform(decorated, eq)
    return _transform(cls, eq)


def replace(obj: T, **changes: Any) -> T:
    """A copy of a record with some fields changed (``dataclasses.replace``)."""
    values = {name: getattr(obj, name) for name in obj.__record_fields__}
    values.update(changes)
    return obj.__class__(**values)
