"""Files govlint writes for the user replace the old content in one step or not at all."""

from __future__ import annotations

import os

import pytest

from govlint.atomic import TEMPORARY_SUFFIX, write_atomically


def test_text_and_bytes_replace_the_file(tmp_path):
    target = tmp_path / "结果.html"
    target.write_text("旧", encoding="utf-8")
    write_atomically(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    write_atomically(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert [p.name for p in tmp_path.iterdir()] == ["结果.html"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "baseline.json"
    target.write_text("old", encoding="utf-8")

    def refuse(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMPORARY_SUFFIX)]
