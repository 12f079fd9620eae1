"""Chinese Windows: a GBK/cp936 console or redirected output never crashes govlint, ``-o``
files are UTF-8, and a configuration file saved as "ANSI" (GBK) is read.

Each test runs the real command line in a subprocess with ``PYTHONIOENCODING`` set, as a
GBK console or ``> out.txt`` on Chinese Windows gives. GOV603's message holds ``−`` (U+2212,
the minus sign), which GBK cannot represent.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cross_year import report, write

ENCODINGS = ("gbk", "cp936")


def run(cwd: Path, encoding: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DEBUG"}
    env["PYTHONIOENCODING"] = encoding
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, capture_output=True, env=env,
                          timeout=120)


def _pair(tmp_path: Path) -> None:
    """Last year's and this year's report; the stock of 行政规范性文件 does not add up (GOV603)."""
    write(tmp_path / "last", "2022.txt", report(2022, normative=(3, 0, 14)))
    write(tmp_path / "this", "2023.txt", report(2023, normative=(2, 1, 20)))


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_check_with_previous_writes_what_the_console_can(tmp_path, encoding):
    _pair(tmp_path)
    proc = run(tmp_path, encoding, "check", "--isolated", "--select", "GOV603", "--output-format", "full",
               "this", "--previous", "last")
    assert proc.returncode == 0, proc.stderr.decode(encoding, "replace")  # a warning only
    assert "内部错误".encode(encoding) not in proc.stderr
    out = proc.stdout.decode(encoding)  # valid GBK throughout
    assert "GOV603 [警告]" in out and "本年制发2 ? 本年废止1" in out  # − replaced, the rest intact


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_output_file_is_utf8_whatever_the_console(tmp_path, encoding):
    _pair(tmp_path)
    proc = run(tmp_path, encoding, "check", "--isolated", "--select", "GOV603", "this", "--previous", "last",
               "-o", "结果.txt")
    assert proc.returncode == 0, proc.stderr.decode(encoding, "replace")
    assert "本年制发2 − 本年废止1" in (tmp_path / "结果.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("args", [("rules", "--format", "markdown"), ("rule", "GOV303"), ("rule", "GOV603"),
                                  ("rules",)])
def test_rule_documentation_under_a_gbk_console(tmp_path, encoding, args):
    proc = run(tmp_path, encoding, *args)
    assert proc.returncode == 0, proc.stderr.decode(encoding, "replace")
    assert proc.stdout.decode(encoding) and proc.stderr == b""


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_error_messages_under_a_gbk_console(tmp_path, encoding):
    proc = run(tmp_path, encoding, "check", "不存在的目录")
    assert proc.returncode == 2
    assert "不存在的目录" in proc.stderr.decode(encoding) and "内部错误".encode(encoding) not in proc.stderr


def test_configuration_saved_as_gbk_is_read(tmp_path):
    """Notepad's "ANSI" on Chinese Windows: GBK. The excluded folder's Chinese name must match."""
    (tmp_path / ".govlint.toml").write_bytes('exclude = ["草稿"]\nignore = ["GOV5"]  # 联系方式另行公布\n'.encode("gbk"))
    write(tmp_path / "草稿", "2022.txt", "不是报告")
    write(tmp_path / "正式", "2023.txt", report(2023))
    proc = run(tmp_path, "gbk", "check", "--output-format", "concise", ".")
    assert "内部错误".encode("gbk") not in proc.stderr, proc.stderr.decode("gbk", "replace")
    out = proc.stdout.decode("gbk")
    assert "草稿" not in out and "GOV5" not in out
    assert proc.returncode in (0, 1)


def test_configuration_in_no_chinese_encoding_is_refused_naming_the_file(tmp_path):
    (tmp_path / ".govlint.toml").write_bytes(b'exclude = ["\x81\x20"]\n')  # neither UTF-8 nor GB18030
    write(tmp_path, "2023.txt", report(2023))
    proc = run(tmp_path, "utf-8", "check", ".")
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8")
    assert ".govlint.toml" in err and "UTF-8" in err and "GB18030" in err and "内部错误" not in err
