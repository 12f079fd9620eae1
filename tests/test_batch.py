"""Checking many reports at once: -j, streaming order, jsonl, the summary line, Ctrl-C, pairing.

Issue 11: the output of ``govlint check`` is byte-identical for any ``-j``; concise, github
and jsonl print each file's findings in path order as files are done, the cross-year
findings after them; a closing summary line goes to stderr; Ctrl-C stops with exit 2 and
one line. Reports are synthetic (:mod:`batchkit`).
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from batchkit import write_reports
from fuzz.harness import run_cli
from govlint.host import Host
from govlint.pairing import PairSummary, pair_summary
from govlint.parser import parse
from govlint.readers.text import govlint_read
from govlint.runner import Input, check
from govlint.settings import CliOverrides, SettingsResolver
from reportkit import build

HOST = Host()


def govlint(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``govlint ARGS`` in a subprocess (a real process pool, real signals)."""
    return subprocess.run([sys.executable, "-m", "govlint", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=600)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("batch") / "reports"
    write_reports(directory, 500)
    return directory


@pytest.mark.parametrize("fmt", ["concise", "json"])
def test_output_is_identical_for_any_number_of_jobs(corpus: Path, fmt: str) -> None:
    one = govlint("check", "--isolated", "-j1", "--output-format", fmt, str(corpus))
    two = govlint("check", "--isolated", "-j2", "--output-format", fmt, str(corpus))
    assert one.returncode == two.returncode == 2  # two unreadable files
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert "GOV602" in one.stdout and "GOV601" in one.stdout and "GOV001" in one.stdout


def test_streaming_order_and_summary_line(corpus: Path) -> None:
    outcome = govlint("check", "--isolated", "-j2", "--output-format", "concise", str(corpus))
    lines = outcome.stdout.splitlines()
    # The cross-year finding comes after the whole first stage, although pair-2023.txt sorts
    # before the r*.txt files.
    late = [line for line in lines if any(f" {code} " in line for code in ("GOV602", "GOV603", "GOV604"))]
    assert late and lines[-len(late):] == late and all("pair-2023.txt:" in line for line in late)
    paths = [line.split(":", 1)[0] for line in lines[:-len(late)]]
    assert paths == sorted(paths) and any("pair-2023.txt" in p for p in paths)  # its own findings: in order
    summary = outcome.stderr.splitlines()[-1]
    assert summary.startswith("已检查 500 个文件：")
    assert "无法读取 2" in summary and "跳过 0" in summary
    quiet = govlint("check", "--isolated", "-q", "--output-format", "concise", str(corpus))
    assert "已检查" not in quiet.stderr and quiet.stdout == outcome.stdout
    machine = govlint("check", "--isolated", "--output-format", "json", str(corpus))
    assert "已检查" not in machine.stderr


def test_jsonl_has_the_findings_of_json(corpus: Path, tmp_path: Path) -> None:
    as_json = json.loads(govlint("check", "--isolated", "--output-format", "json", str(corpus)).stdout)
    target = tmp_path / "out.jsonl"
    outcome = govlint("check", "--isolated", "--output-format", "jsonl", "-o", str(target), str(corpus))
    assert outcome.stdout == ""
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    key = lambda d: (d["filename"], d["location"]["row"], d["location"]["column"], d["code"])  # noqa: E731
    assert sorted(rows, key=key) == sorted(as_json, key=key)
    assert len(rows) == len(as_json)


def test_ctrl_c_stops_the_workers_with_one_line(tmp_path: Path) -> None:
    write_reports(tmp_path / "many", 1500)
    proc = subprocess.Popen([sys.executable, "-m", "govlint", "check", "--isolated", "-j2", "--output-format",
                             "concise", str(tmp_path / "many")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.stdout is not None
    proc.stdout.readline()  # the stream has started: workers are busy
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in stderr
    assert stderr.splitlines() == ["govlint: error: 已中断（Ctrl-C）：检查未完成"]


def test_second_stage_reparses_only_paired_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import govlint.checker

    write_reports(tmp_path, 12)
    calls: list[str] = []
    real = govlint.checker.parse

    def counting(document):
        calls.append(Path(document.path).name)
        return real(document)

    monkeypatch.setattr(govlint.checker, "parse", counting)
    resolver = SettingsResolver(HOST.registry, CliOverrides(), isolated=True)
    inputs = [Input(str(p), p) for p in sorted(tmp_path.iterdir())]
    result = check(HOST, resolver, inputs, jobs=1)
    readable = len(inputs) - 2
    assert len(calls) == readable + 1 and calls.count("pair-2023.txt") == 2
    assert [f.path for f in result.files] == [i.display for i in inputs]


def test_pair_summary_is_plain_data() -> None:
    text = build(issuer="云溪县衔接示范局", year=2022, carried_out=7).text
    summary = pair_summary(parse(govlint_read(path="a.txt", data=text.encode())))
    assert summary.year == 2022 and summary.template == "2021" and summary.path == "a.txt"
    assert summary.value("applications", "carried_out", "total") == 7
    assert summary.value("item1", "normative", "in_force") == 15
    assert summary.section_text(5) and summary.section_text(2) is None
    assert PairSummary.from_dict(json.loads(json.dumps(summary.to_dict()))) == summary
    assert pickle.loads(pickle.dumps(summary)) == summary


def test_stale_baseline_code_is_registered_with_its_maker() -> None:
    from govlint.core_rules import stale_baseline_diagnostic

    rule = HOST.registry.get("GOV902")
    assert rule is not None and rule.name == "stale-baseline" and rule.severity.value == "warning"
    assert HOST.registry.get("GOV001").plugin == HOST.registry.get("GOV901").plugin == "govlint"
    resolver = SettingsResolver(HOST.registry, CliOverrides(), isolated=True)
    made = stale_baseline_diagnostic(HOST.registry, resolver.for_file(None).selection, "a.txt", "基线条目已过时")
    assert [(d.code, d.severity.value, d.message) for d in made] == [("GOV902", "warning", "基线条目已过时")]
    ignoring = SettingsResolver(HOST.registry, CliOverrides(ignore=("GOV902",)), isolated=True)
    assert stale_baseline_diagnostic(HOST.registry, ignoring.for_file(None).selection, "a.txt", "x") == []


def test_in_process_run_streams_through_the_cli(tmp_path: Path) -> None:
    write_reports(tmp_path / "few", 10)
    one = run_cli(["check", "--isolated", "-j1", "--output-format", "github", str(tmp_path / "few")])
    two = run_cli(["check", "--isolated", "-j2", "--output-format", "github", str(tmp_path / "few")])
    assert one.stdout == two.stdout and one.stdout.count("::") >= 3


class _Terminal:
    """A stream that says it is a terminal (the progress line's condition)."""

    def __init__(self, tty: bool = True) -> None:
        self.text, self.tty = "", tty

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_progress_line_only_on_a_terminal_for_more_than_ten_files() -> None:
    from govlint.progress import Progress

    assert not Progress.for_run(_Terminal(False), 500, quiet=False).enabled
    assert not Progress.for_run(_Terminal(), 10, quiet=False).enabled
    assert not Progress.for_run(_Terminal(), 500, quiet=True).enabled
    terminal = _Terminal()
    progress = Progress.for_run(terminal, 11, quiet=False)
    assert progress.enabled
    progress.advance("报告/第一个.txt")
    assert terminal.text.startswith("\r已检查 1/11 个文件（") and "个/秒" in terminal.text
    assert terminal.text.endswith("报告/第一个.txt\x1b[K")
    progress.clear()
    assert terminal.text.endswith("\r\x1b[K")


def test_summary_line_counts_files_and_findings() -> None:
    from govlint.diagnostics import Diagnostic, Severity
    from govlint.results import Failure, FileResult, RunResult
    from govlint.summary import summary_line

    def finding(path: str, severity: Severity) -> Diagnostic:
        return Diagnostic(path, 1, 1, "GOV301", "x", severity)

    files = [FileResult("clean.txt"),
             FileResult("bad.txt", [finding("bad.txt", Severity.ERROR), finding("bad.txt", Severity.WARNING)]),
             FileResult("warn.txt", [finding("warn.txt", Severity.INFO)]),
             FileResult("gone.txt", [finding("gone.txt", Severity.ERROR)], failures=[Failure("文件不存在")])]
    line = summary_line(RunResult(files, HOST.registry, ["old.doc"]))
    assert line == ("已检查 5 个文件：无问题 1，有错误 1，仅有警告或提示 1，无法读取 1，跳过 1；"
                    "错误 2，警告 1，提示 1")


def test_report_command_takes_jobs(tmp_path: Path) -> None:
    write_reports(tmp_path / "some", 12)
    page = tmp_path / "page.html"
    outcome = run_cli(["report", "--isolated", "-j2", str(tmp_path / "some"), "-o", str(page)])
    assert outcome.code == 2 and page.exists() and "12个文件" in outcome.stdout


def test_spawned_workers_build_the_host_from_the_recipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where ``fork`` does not exist (Windows), workers are spawned and build the host themselves."""
    import govlint.parallel
    from govlint.parallel import WorkerRecipe

    write_reports(tmp_path, 10)
    inputs = [Input(str(p), p) for p in sorted(tmp_path.iterdir())]
    overrides = CliOverrides(ignore=("GOV501",))
    resolver = SettingsResolver(HOST.registry, overrides, isolated=True)
    in_process = check(HOST, resolver, inputs, jobs=1)
    monkeypatch.setattr(govlint.parallel, "can_fork", lambda: False)
    assert govlint.parallel.effective_jobs(2, inputs) == 1  # no recipe: in-process
    spawned = check(HOST, resolver, inputs, jobs=2, recipe=WorkerRecipe(overrides, None, True))
    assert spawned.diagnostics == in_process.diagnostics
    assert "GOV501" not in {d.code for d in spawned.diagnostics} and "GOV602" in {d.code for d in spawned.diagnostics}


def test_summaries_wait_out_of_memory_until_a_pair_needs_them() -> None:
    from govlint.pairing import SummaryStore, YearIndex

    store = SummaryStore()
    first = PairSummary("a.txt", "云溪县示范局", 2022, "2021", {"applications/carried_out/total": 7}, {5: "正文"})
    second = PairSummary("b.txt", "云溪县示范局", 2023, "2021")
    index = YearIndex(store)
    index.add(0, first)
    index.add(1, second)
    assert index.previous_of(1, second, []) == 0 and index.summary(0) == first
    assert index.previous_of(0, first, []) is None
    index.close()


def test_a_finding_filter_sees_both_stages_before_the_stream(tmp_path: Path) -> None:
    """The hook the baseline uses: what it drops is neither kept nor streamed."""
    from govlint.runner import Listener

    write_reports(tmp_path, 10)
    inputs = [Input(str(p), p) for p in sorted(tmp_path.iterdir())]
    resolver = SettingsResolver(HOST.registry, CliOverrides(), isolated=True)
    streamed: list[str] = []

    class Recorder(Listener):
        def file_checked(self, result):
            streamed.extend(d.code for d in result.diagnostics)

        def late_findings(self, result, diagnostics):
            streamed.extend(d.code for d in diagnostics)

    def drop(result, diagnostics):
        return [d for d in diagnostics if d.code not in ("GOV501", "GOV602")]

    result = check(HOST, resolver, inputs, jobs=1, listener=Recorder(), keep=drop)
    codes = [d.code for d in result.diagnostics]
    assert "GOV501" not in codes and "GOV602" not in codes and "GOV604" in codes
    assert sorted(streamed) == sorted(codes)
