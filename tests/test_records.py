"""govlint.records: the dataclass-like decorator the model and internals are built with."""

from __future__ import annotations

from typing import ClassVar

import pytest

from govlint.records import factory, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: list[str] = factory(list)


@record(eq=False)
class Box:
    name: str
    seen: int = 0

    def __post_init__(self) -> None:
        self.seen += 1


def test_fields_positional_keyword_and_defaults():
    assert (Point(1).x, Point(1).y, Point(1).tags) == (1, 0, [])
    assert Point(1, 2, ["a"]).tags == ["a"]
    assert Point(y=5, x=3) == Point(3, 5)


def test_factory_defaults_are_not_shared():
    a, b = Point(1), Point(2)
    a.tags.append("x")
    assert b.tags == []


def test_errors_name_the_class_and_the_argument():
    with pytest.raises(TypeError, match=r"Point\(\) missing argument 'x'"):
        Point()
    with pytest.raises(TypeError, match=r"unexpected argument\(s\): z"):
        Point(1, z=2)
    with pytest.raises(TypeError, match=r"takes 3 arguments, got 4"):
        Point(1, 2, [], 4)


def test_eq_repr_and_unhashable_like_a_dataclass():
    assert Point(1, 2) == Point(1, 2) and Point(1, 2) != Point(2, 1)
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=[])"
    with pytest.raises(TypeError):
        hash(Point(1))


def test_eq_false_keeps_identity_and_post_init_runs():
    box = Box("a")
    assert box.seen == 1
    assert box != Box("a") and box == box


def test_replace_copies_with_changes():
    moved = replace(Point(1, 2, ["t"]), y=9)
    assert (moved.x, moved.y, moved.tags) == (1, 9, ["t"])


def _point_class(specialised: bool, monkeypatch: pytest.MonkeyPatch) -> type:
    """A fresh record class with a required field, a default, a factory and ``__post_init__``;
    ``specialised``: constructed once with the threshold at 1, so its compiled ``__init__`` is in place."""
    from govlint import records

    @record
    class Spot:
        x: int
        y: int = 7
        tags: list[str] = factory(list)
        seen: ClassVar[int]

        def __post_init__(self) -> None:
            self.posted = True

    generic = Spot.__init__
    if specialised:
        monkeypatch.setattr(records, "SPECIALISE_AFTER", 1)
        Spot(0)
        assert Spot.__init__ is not generic
        assert Spot.__init__.__qualname__.endswith("Spot.__init__")
    return Spot


#: Calls whose outcome (fields, or the error message) must not depend on the ``__init__`` in use.
_CALLS = [
    ((1,), {}), ((1, 2), {}), ((1, 2, ["a"]), {}), ((), {"x": 3}), ((), {"y": 4, "x": 3}),
    ((1,), {"tags": ["t"]}), ((1,), {"y": 5}), ((), {"tags": [], "x": 1, "y": 2}),
    ((), {}), ((), {"y": 1}), ((1, 2, [], 4), {}), ((1, 2, [], 4, 5), {"z": 1}),
    ((1,), {"z": 2}), ((1,), {"x": 2}), ((1, 2), {"y": 3, "q": 4}), ((), {"x": 1, "self": 2}),
    ((1,), {"__r_M": 2}), ((), {"z": 1}),
]


@pytest.mark.parametrize(("args", "kwargs"), _CALLS)
def test_specialised_init_behaves_as_the_generic_one(args, kwargs, monkeypatch):
    def outcome(cls: type):
        try:
            made = cls(*args, **dict(kwargs))
        except TypeError as error:
            return "error", str(error)
        return "made", vars(made), list(vars(made))  # the fields, in the same order

    generic = outcome(_point_class(False, monkeypatch))
    specialised = outcome(_point_class(True, monkeypatch))
    assert specialised == generic


def test_specialised_init_keeps_the_messages(monkeypatch):
    spot = _point_class(True, monkeypatch)
    with pytest.raises(TypeError, match=r"^Spot\(\) missing argument 'x'$"):
        spot(y=1)
    with pytest.raises(TypeError, match=r"^Spot\(\) got unexpected argument\(s\): z$"):
        spot(1, z=2)
    with pytest.raises(TypeError, match=r"^Spot\(\) got unexpected argument\(s\): x$"):
        spot(1, x=2)  # given twice: the generic message, not Python's "multiple values"
    with pytest.raises(TypeError, match=r"^Spot\(\) takes 3 arguments, got 4$"):
        spot(1, 2, [], 4)


def test_specialised_factory_defaults_are_fresh_and_post_init_runs(monkeypatch):
    spot = _point_class(True, monkeypatch)
    a, b = spot(1), spot(x=2)
    a.tags.append("x")
    assert b.tags == [] and a.posted and b.posted and (a.y, b.y) == (7, 7)


def test_classes_constructed_rarely_keep_the_generic_init():
    @record
    class Rare:
        a: int

    generic = Rare.__init__
    Rare(1)
    assert Rare.__init__ is generic
