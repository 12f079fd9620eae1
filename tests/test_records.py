"""govlint.records: the dataclass-like decorator the model and internals are built with."""

from __future__ import annotations

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
