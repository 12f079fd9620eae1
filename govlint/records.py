"""``@record``: dataclass-like classes that cost almost nothing to define.

``dataclasses`` generates each class's ``__init__``, ``__repr__`` and ``__eq__`` by
compiling source text, about 1 ms per class on a small machine; govlint defines some fifty
such classes and ``govlint check`` runs on every pre-commit commit, so that alone was a
fifth of its start-up time. ``@record`` builds the same methods from closures over the
field list instead: a class costs ~0.05 ms to define. Fields are the class's annotations,
in order; a class attribute is the field's default, ``factory(list)`` a per-instance
default. ``__post_init__`` is called when defined, as with dataclasses.

Constructing records is hot (a report makes tens of thousands of anchors, rows and
counts), and the closure ``__init__`` walks the field list on every call. So a class
constructed often (:data:`SPECIALISE_AFTER` times) gets, at that moment, an ``__init__``
compiled for its own fields (as dataclasses does, but only for the few classes that pay
for it: compiling costs ~0.2 ms a class, which start-up would pay for all fifty). The
compiled ``__init__`` handles calls that bind cleanly and hands every other call (extra,
unknown, repeated or missing arguments) to the closure, so errors read the same.
"""

from __future__ import annotations

import keyword
import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING = object()
#: Constructions of a class after which its ``__init__`` is compiled for its fields.
SPECIALISE_AFTER = 32
#: Prefix of the generated ``__init__``'s own names (no field can start with it).
_PREFIX = "__r_"


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
    calls = [0]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        calls[0] += 1
        if calls[0] == SPECIALISE_AFTER and cls.__dict__.get("__init__") is __init__:
            specialised = _specialise(cls, names, defaults, post_init, __init__)
            if specialised is not None:
                cls.__init__ = specialised
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


def _specialise(cls: type, names: tuple[str, ...], defaults: dict[str, Any], post_init: Callable[[Any], None] | None,
                generic: Callable[..., None]) -> Callable[..., None] | None:
    """An ``__init__`` compiled for ``names`` (``None`` when a name cannot be a parameter).

    Positional arguments arrive in positional-only parameters and keyword arguments in
    keyword-only ones named after the fields, so the same field given both ways reaches the
    body (and goes to ``generic``) instead of raising Python's own binding error. A call
    the body does not handle is rebuilt (positional values, then the keyword ones) and
    passed to ``generic``, which raises the usual messages.
    """
    if not names or any(not name.isidentifier() or keyword.iskeyword(name) or name.startswith(_PREFIX)
                        for name in names):
        return None
    p = _PREFIX
    positional = [f"{p}p{i}" for i in range(len(names))]
    slow = (f"return {p}slow({p}self, ({', '.join(positional)},), {p}extra, ({', '.join(names)},), {p}kw)")
    lines = [f"def __init__({p}self, {', '.join(f'{q}={p}M' for q in positional)}, /, *{p}extra, "
             f"{', '.join(f'{name}={p}M' for name in names)}, **{p}kw):",
             f"    if {p}extra or {p}kw:", f"        {slow}"]
    namespace: dict[str, Any] = {f"{p}M": _MISSING, f"{p}post": post_init}
    for index, (name, given) in enumerate(zip(names, positional)):
        default = defaults.get(name, _MISSING)
        if default is _MISSING:
            fill = slow  # a missing argument: the generic __init__ names it
        elif isinstance(default, factory):
            namespace[f"{p}f{index}"] = default.make
            fill = f"{name} = {p}f{index}()"
        else:
            namespace[f"{p}d{index}"] = default
            fill = f"{name} = {p}d{index}"
        lines += [f"    if {given} is not {p}M:", f"        if {name} is not {p}M:", f"            {slow}",
                  f"        {name} = {given}", f"    elif {name} is {p}M:", f"        {fill}"]
    lines.append(f"    {p}values = {p}self.__dict__")
    lines += [f"    {p}values[{name!r}] = {name}" for name in names]
    if post_init is not None:
        lines.append(f"    {p}post({p}self)")

    def slow_path(self: Any, given: tuple, extra: tuple, by_name: tuple, rest: dict[str, Any]) -> None:
        args = tuple(value for value in given if value is not _MISSING) + extra
        kwargs = {name: value for name, value in zip(names, by_name) if value is not _MISSING}
        kwargs.update(rest)
        generic(self, *args, **kwargs)

    namespace[f"{p}slow"] = slow_path
    exec(compile("\n".join(lines), f"<record {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 - our own source
    function = namespace["__init__"]
    function.__qualname__ = f"{cls.__qualname__}.__init__"
    function.__module__ = cls.__module__
    return function


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
