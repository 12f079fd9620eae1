"""govlint.regex: patterns cached between runs behave exactly like re.compile's."""

from __future__ import annotations

import importlib
import os
import re
import stat
import subprocess
import sys

import pytest

from govlint import regex

PATTERNS = [
    (r"(?P<year>\d{4})[ ]*年[ ]*度?", 0),
    (r"[一二三四五六七八九十]{1,3}、", 0),
    (r"(?:^|(?<=[\n。;]))[ ]*", re.MULTILINE),
    (r"[^\W\da-zA-Z_]{2,6}:", re.IGNORECASE),
]
TEXT = "2023 年度报告\n一、总体情况。二、主动公开政府信息情况；机关名称:联系"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A reloaded module whose cache lives in tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("GOVLINT_NO_CACHE", raising=False)
    module = importlib.reload(regex)
    yield module
    importlib.reload(regex)


def same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]
    assert [m.groupdict() for m in a.finditer(TEXT)] == [m.groupdict() for m in b.finditer(TEXT)]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_compiled_pattern_behaves_like_re_compile(fresh, pattern, flags):
    same(fresh.compile(pattern, flags), re.compile(pattern, flags))


def test_cache_is_written_at_exit_and_used_by_the_next_process(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    env.pop("GOVLINT_NO_CACHE", None)
    code = "from govlint import regex; p = regex.compile(r'(?P<n>[一二三])、'); print(p.search('第二、').group('n'))"
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "二"
    path = tmp_path / "govlint" / f"regex-{sys.implementation.cache_tag}.marshal"
    assert path.is_file()
    check = ("from govlint import regex; regex._entries = regex._load(); "
             "print(any(k[0] == '(?P<n>[一二三])、' for k in regex._entries))")
    second = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, check=True)
    assert second.stdout.strip() == "True"


def test_a_corrupt_cache_file_is_ignored(fresh, tmp_path):
    path = tmp_path / "govlint" / f"regex-{sys.implementation.cache_tag}.marshal"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not marshal data at all")
    same(fresh.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))


def test_a_corrupt_entry_falls_back_to_compiling(fresh):
    fresh._entries = {(PATTERNS[1][0], 0): (0, [1, 2, 3], 0, {}, ())}
    same(fresh.compile(PATTERNS[1][0]), re.compile(PATTERNS[1][0]))


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else False, reason="root ignores permissions")
def test_an_unwritable_cache_directory_is_not_an_error(fresh, tmp_path):
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        fresh.compile(r"x+y")
        fresh._save()  # must not raise
    finally:
        tmp_path.chmod(stat.S_IRWXU)


def test_a_cache_path_that_cannot_exist_is_not_an_error(fresh, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a directory is needed
    fresh.compile(r"a|b")
    fresh._save()


def test_govlint_no_cache_uses_re_compile_and_writes_nothing(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path), GOVLINT_NO_CACHE="1")
    code = "from govlint import regex; print(regex.compile(r'a+').match('aa').group())"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "aa"
    assert not (tmp_path / "govlint").exists()


def test_entries_for_another_interpreter_are_not_used(fresh, tmp_path):
    import marshal

    path = tmp_path / "govlint" / f"regex-{sys.implementation.cache_tag}.marshal"
    path.parent.mkdir(parents=True)
    stale = ((0, 0, 0), "other", 0, 0)
    path.write_bytes(marshal.dumps((stale, {("a", 0): (0, [], 0, {}, ())})))
    assert fresh._load() == {}
