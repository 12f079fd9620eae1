"""Directory search (issue 13, part 3): lock files, govlint's own outputs, legacy Office hints.

A directory a user checks holds more than reports: Word's ``~$`` lock file while a report is
open, WPS's ``.~`` temporary copy, the results file of the previous run, the HTML audit page,
annotated copies, old ``.doc`` files. Only reports are checked; legacy files get the hint
they get on the command line, and count as skipped.
"""

from __future__ import annotations

from pathlib import Path

from fuzz import hostile
from fuzz.harness import run_cli
from govlint.discovery import Skipped, collect_inputs, written_by_govlint
from govlint.host import Host
from govlint.readers.docx import SHEET_HINT, WORD_HINT
from govlint.settings import CliOverrides, SettingsResolver

HOST = Host()
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _found(directory: Path, **kwargs) -> list[str]:
    resolver = SettingsResolver(HOST.registry, CliOverrides(), isolated=True)
    return [Path(i.display).name for i in collect_inputs([str(directory)], HOST.report_suffixes(), resolver, **kwargs)]


def _report(directory: Path, name: str) -> Path:
    path = directory / name
    path.write_bytes(hostile.defective_text().encode())
    return path


def test_word_and_wps_lock_files_are_not_checked(tmp_path: Path) -> None:
    _report(tmp_path, "报告.docx").write_bytes(hostile.report_file(".docx"))
    (tmp_path / "~$报告.docx").write_bytes(b"\x0bowner" + b"\x00" * 150)
    (tmp_path / ".~报告.docx").write_bytes(b"partial")
    (tmp_path / "~$草稿.txt").write_bytes(b"lock")
    assert _found(tmp_path) == ["报告.docx"]
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path)])
    assert outcome.code in (0, 1) and "~$" not in outcome.stdout + outcome.stderr


def test_a_named_lock_file_is_still_checked(tmp_path: Path) -> None:
    lock = tmp_path / "~$报告.docx"
    lock.write_bytes(b"\x0bowner" + b"\x00" * 150)
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", str(lock)])
    assert outcome.code == 2 and "GOV001" in outcome.stdout


def test_the_output_file_inside_the_checked_directory_is_skipped(tmp_path: Path) -> None:
    _report(tmp_path, "a.txt")
    _report(tmp_path, "b.txt")
    target = tmp_path / "结果.txt"
    first = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path), "-o", str(target)])
    second = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path), "-o", str(target)])
    assert first.code == second.code == 1
    assert target.read_text(encoding="utf-8").count("\n") == 2  # a.txt and b.txt: GOV405 each
    assert "结果.txt" not in target.read_text(encoding="utf-8")
    # Another run writing elsewhere still recognises the results file as govlint's output.
    third = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path)])
    assert "结果.txt" not in third.stdout and third.stdout.count("\n") == 2


def test_govlint_outputs_are_recognised(tmp_path: Path) -> None:
    _report(tmp_path, "a.txt")
    outputs = {
        "full.txt": "a.txt:65:1: GOV405 [错误] 落款日期不存在\n  65 | x\n",
        "github.txt": "::error file=a.txt,line=65,col=1,title=GOV405 x::GOV405 落款日期不存在\n",
        "findings.csv.txt": "\ufefffile,line,column,end_line,end_column,code\n",
        "summary.md": "\ufefffile,issuer,year,template,errors\n",
        "lines.txt": '{"code": "GOV405", "name": "x"}\n',
        "govlint-report.html": '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
                               '<meta name="generator" content="govlint 0.1.0">\n',
    }
    for name, text in outputs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert written_by_govlint(tmp_path / name), name
    (tmp_path / "a.checked.docx").write_bytes(hostile.report_file(".docx"))
    assert _found(tmp_path) == ["a.txt"]


def test_a_report_mentioning_a_position_is_not_taken_for_output(tmp_path: Path) -> None:
    report = _report(tmp_path, "a.txt")
    assert not written_by_govlint(report)
    fifo = tmp_path / "pipe.txt"
    import os

    os.mkfifo(fifo)
    assert not written_by_govlint(fifo)  # never opened (it would block)


def test_legacy_office_files_in_a_directory_get_the_command_line_hint(tmp_path: Path) -> None:
    _report(tmp_path, "a.txt")
    (tmp_path / "旧报告.doc").write_bytes(OLE)
    (tmp_path / "旧报告.wps").write_bytes(OLE)
    (tmp_path / "统计表.et").write_bytes(OLE)
    skipped: list[Skipped] = []
    assert _found(tmp_path, skipped=skipped) == ["a.txt"]
    assert [(Path(s.display).name, s.hint) for s in skipped] == [
        ("旧报告.doc", WORD_HINT), ("旧报告.wps", WORD_HINT), ("统计表.et", SHEET_HINT)]
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path)])
    assert outcome.code == 1  # skipped files do not fail the run
    hints = [line for line in outcome.stderr.splitlines() if "已跳过" in line]
    assert len(hints) == 3 and all(line.startswith("govlint: 提示：") for line in hints)
    assert WORD_HINT in hints[0] and SHEET_HINT in hints[2]
    assert outcome.stderr.splitlines()[-1].startswith("已检查 4 个文件：") and "跳过 3" in outcome.stderr
    named = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path / "旧报告.doc")])
    assert named.code == 2 and WORD_HINT in named.stdout  # named on the command line: the same hint
    sheet = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path / "统计表.et")])
    assert sheet.code == 2 and SHEET_HINT in sheet.stdout


def test_a_directory_of_legacy_files_only_is_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "旧报告.doc").write_bytes(OLE)
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path)])
    assert outcome.code == 0 and "已跳过" in outcome.stderr
