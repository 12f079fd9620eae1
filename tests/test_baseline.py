"""Baselines (govlint.baseline): ``--write-baseline``, ``--baseline``, the ``baseline`` key, GOV902.

A small synthetic corpus (tests/reportkit.py; every text written for these tests) is
baselined, then edited the way an archive is: lines inserted above a known finding (it
stays hidden), a new defect in another report (it shows), a defect corrected (its entry is
reported as GOV902 stale-baseline, naming the code).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportkit import build

from govlint.baseline import Baseline, fingerprint, fingerprints, normalise_path, write_baseline
from govlint.cli import main
from govlint.diagnostics import Diagnostic, Severity
from govlint.errors import GovlintError
from govlint.host import Host
from govlint.runner import FileResult
from govlint.settings import CliOverrides, SettingsResolver

NEW_ROW = "一、本年新收政府信息公开申请数量\t46\t0\t0\t0\t0\t0\t46"
BAD_ROW = "一、本年新收政府信息公开申请数量\t46\t0\t0\t0\t0\t0\t47"  # 总计 47 ≠ 46: GOV301 + GOV303
OVERVIEW = "全年政府信息公开工作平稳有序。"


def wrong_claim(issuer: str, year: int) -> str:
    """A report whose introduction claims 99 new applications (the table says 46): GOV601."""
    return build(issuer=issuer, year=year, intro="本年度共收到政府信息公开申请99件。").text


def wrong_total(issuer: str, year: int) -> str:
    """A report whose 新收 row's 总计 is 47 (its cells add up to 46): GOV301 and GOV303."""
    return build(issuer=issuer, year=year, edits={NEW_ROW: BAD_ROW}).text


def clean(issuer: str, year: int) -> str:
    return build(issuer=issuer, year=year).text


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """Three reports of different issuers (no cross-year pairs) in ``tmp_path/reports``."""
    monkeypatch.chdir(tmp_path)
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "claim.txt").write_text(wrong_claim("青石县文化局", 2023), encoding="utf-8")
    (reports / "total.txt").write_text(wrong_total("白沙镇人民政府", 2023), encoding="utf-8")
    (reports / "plain.txt").write_text(clean("南岭县水务局", 2023), encoding="utf-8")
    return reports


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    """``govlint ARGS`` in-process: exit code, stdout lines, stderr."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    return exited.value.code, out.splitlines(), err


def codes(lines: list[str]) -> list[tuple[str, str]]:
    """``(file name, code)`` of each concise line."""
    found = []
    for line in lines:
        path, _, rest = line.partition(":")
        found.append((Path(path).name, rest.split(" ")[1]))
    return found


def check(capsys, *args: str) -> tuple[int, list[str], str]:
    return run(capsys, "check", "--isolated", "--output-format", "concise", *args)


# --------------------------------------------------------------------------- fingerprints


def diagnostic(line: int, column: int = 5, code: str = "GOV301", path: str = "reports/a.txt",
               message: str = "m") -> Diagnostic:
    return Diagnostic(path, line, column, code, message, Severity.ERROR, end_line=line, end_column=column + 2)


def test_fingerprint_does_not_depend_on_the_line_number():
    text = "一、本年新收政府信息公开申请数量\t46\t0\t47"
    assert fingerprint(diagnostic(24), text) == fingerprint(diagnostic(31), text)


def test_fingerprint_collapses_whitespace_but_keeps_digits_code_and_path():
    text = "行政许可\t1260"
    base = fingerprint(diagnostic(9), text)
    assert fingerprint(diagnostic(9), "行政许可   1260 ") == base
    assert fingerprint(diagnostic(9), "行政许可\t1261") != base
    assert fingerprint(diagnostic(9, code="GOV302"), text) != base
    assert fingerprint(diagnostic(9, path="reports/b.txt"), text) != base
    assert fingerprint(diagnostic(9, path="./reports/a.txt"), text) == base


def test_fingerprint_ignores_the_message_of_a_placed_finding():
    """Messages may name other lines (「（第24行）」): inserting lines must not change the identity."""
    text = "行政许可\t1260"
    assert fingerprint(diagnostic(9, message="见第24行"), text) == fingerprint(diagnostic(12, message="见第27行"), text)


def test_whole_file_finding_is_identified_by_its_message():
    whole = Diagnostic("a.txt", 1, 1, "GOV201", "缺少第四部分", Severity.ERROR, end_line=1, end_column=1)
    other = Diagnostic("a.txt", 1, 1, "GOV201", "缺少第五部分", Severity.ERROR, end_line=1, end_column=1)
    assert fingerprint(whole, "标题") != fingerprint(other, "标题")
    assert fingerprint(whole, "标题") == fingerprint(whole, "改过的标题")


def test_identical_contexts_in_one_file_get_occurrence_indexes():
    result = FileResult("a.txt", [diagnostic(3, 5), diagnostic(8, 5)], {(3, 5): "同一行文字", (8, 5): "同一行文字"})
    keys = [key for _, key in fingerprints(result)]
    assert [k.split("#")[1] for k in keys] == ["0", "1"]
    assert keys[0].split("#")[0] == keys[1].split("#")[0]


def test_long_line_context_is_a_window_around_the_column():
    """An edit far away in the same long paragraph does not change the finding's identity."""
    tail = "此后的文字" * 30
    line = "开头" * 40 + "共收到申请99件" + tail
    edited = "开头" * 40 + "共收到申请99件" + tail[:100] + tail[100:].replace("此后", "后来")
    column = line.index("99") + 1
    assert fingerprint(diagnostic(2, column), line) == fingerprint(diagnostic(2, column), edited)


def test_paths_are_posix_and_relative():
    assert normalise_path("reports\\a.txt") == "reports/a.txt"
    assert normalise_path("./reports//a.txt") == "reports/a.txt"


# --------------------------------------------------------------------------- the file


def test_baseline_file_is_versioned_sorted_and_readable(corpus, capsys):
    code, out, _ = check(capsys, "--write-baseline", "known.json", "reports")
    assert code == 0
    assert out == ["known.json: 已写入基线（3个文件，6条已知问题）"]
    data = json.loads(Path("known.json").read_text(encoding="utf-8"))
    assert data["format"] == "govlint-baseline" and data["version"] == 1
    entries = data["entries"]
    assert [(e["path"], e["code"]) for e in entries] == [
        ("reports/claim.txt", "GOV501"), ("reports/claim.txt", "GOV601"),
        ("reports/plain.txt", "GOV501"),
        ("reports/total.txt", "GOV301"), ("reports/total.txt", "GOV303"), ("reports/total.txt", "GOV501"),
    ]
    assert all(set(e) == {"code", "path", "fingerprint", "message"} for e in entries)
    assert "99" in entries[1]["message"]
    # one entry per line of JSON objects: a regenerated baseline diffs line by line
    assert Path("known.json").read_text(encoding="utf-8").count("\n") > 6 * 4


def test_acceptance_inserted_lines_new_defect_and_fixed_defect(corpus, capsys):
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    code, out, _ = check(capsys, "--baseline", "known.json", "reports")
    assert (code, out) == (0, [])  # every known finding hidden: errors too, so exit 0

    # Lines inserted above the known GOV301/GOV303 of total.txt: still hidden.
    total = corpus / "total.txt"
    text = total.read_text(encoding="utf-8")
    added = OVERVIEW + "\n本年度继续加强公开平台建设。\n政务新媒体信息发布更加规范。"
    total.write_text(text.replace(OVERVIEW, added, 1), encoding="utf-8")
    code, out, _ = check(capsys, "--baseline", "known.json", "reports")
    assert (code, out) == (0, [])

    # A new defect in plain.txt shows (and fails the run); claim.txt's 99 corrected: GOV902.
    (corpus / "plain.txt").write_text(wrong_total("南岭县水务局", 2023), encoding="utf-8")
    claim = corpus / "claim.txt"
    claim.write_text(claim.read_text(encoding="utf-8").replace("申请99件", "申请46件"), encoding="utf-8")
    code, out, _ = check(capsys, "--baseline", "known.json", "reports")
    assert code == 1
    # (concise streams: GOV902 is known once every file is checked, so it follows the stream)
    assert codes(out) == [("plain.txt", "GOV301"), ("plain.txt", "GOV303"), ("claim.txt", "GOV902")]
    stale = out[-1]
    assert stale.startswith("reports/claim.txt:1:1: GOV902 [警告] ")
    assert "GOV601" in stale and "99" in stale and "known.json" in stale


def test_fixed_defect_only_gives_a_warning_exit_0(corpus, capsys):
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    total = corpus / "total.txt"
    total.write_text(total.read_text(encoding="utf-8").replace(BAD_ROW, NEW_ROW), encoding="utf-8")
    code, out, _ = check(capsys, "--baseline", "known.json", "reports")
    assert code == 0
    assert codes(out) == [("total.txt", "GOV902"), ("total.txt", "GOV902")]
    assert "GOV301" in out[0] + out[1] and "GOV303" in out[0] + out[1]


def test_entries_of_files_not_checked_are_not_stale(corpus, capsys):
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    code, out, _ = check(capsys, "--baseline", "known.json", "reports/claim.txt")
    assert (code, out) == (0, [])


def test_stale_baseline_follows_the_selection(corpus, capsys):
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    total = corpus / "total.txt"
    total.write_text(total.read_text(encoding="utf-8").replace(BAD_ROW, NEW_ROW), encoding="utf-8")
    assert check(capsys, "--baseline", "known.json", "--extend-ignore", "GOV902", "reports")[:2] == (0, [])
    code, out, _ = check(capsys, "--baseline", "known.json", "--extend-select", "GOV902", "reports")
    assert len(out) == 2


def test_same_finding_twice_needs_two_entries(tmp_path, monkeypatch, capsys):
    """A second, identical defect of one file is new although its text matches an entry."""
    monkeypatch.chdir(tmp_path)
    claim = "本年度共收到政府信息公开申请99件。"
    report = Path("a.txt")
    report.write_text(build(issuer="青石县文化局", overview=("全年工作平稳有序。", claim)).text, encoding="utf-8")
    assert check(capsys, "--write-baseline", "known.json", "a.txt")[0] == 0
    overview = ("全年工作平稳有序。", claim, "其他工作情况良好。", claim)
    report.write_text(build(issuer="青石县文化局", overview=overview).text, encoding="utf-8")
    code, out, _ = check(capsys, "--baseline", "known.json", "a.txt")
    assert codes(out) == [("a.txt", "GOV601")]
    assert out[0].startswith("a.txt:7:")  # the second occurrence is the new one


def test_write_baseline_replaces_an_existing_one_and_ignores_it(corpus, capsys):
    """``--write-baseline`` records every finding, even with a baseline configured (and broken)."""
    Path("known.json").write_text("{not json", encoding="utf-8")
    Path(".govlint.toml").write_text('baseline = "known.json"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "concise", "--write-baseline", "known.json", "reports")
    assert code == 0
    assert len(json.loads(Path("known.json").read_text(encoding="utf-8"))["entries"]) == 6


def test_config_key_is_relative_to_the_config_file(corpus, capsys):
    (corpus.parent / "conf").mkdir()
    assert check(capsys, "--write-baseline", "conf/known.json", "reports")[0] == 0
    Path("conf/.govlint.toml").write_text('baseline = "known.json"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--config", "conf/.govlint.toml", "--output-format", "concise", "reports")
    assert (code, out) == (0, [])
    code, out, _ = run(capsys, "check", "--config", "conf/.govlint.toml", "--output-format", "concise",
                       "--no-cache", "reports/total.txt")
    assert (code, out) == (0, [])


def test_paths_are_relative_to_the_baseline_file(corpus, capsys, monkeypatch):
    """``check reports`` from the top and ``check .`` from inside agree on the file names."""
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    monkeypatch.chdir(corpus)
    code, out, _ = check(capsys, "--baseline", "../known.json", ".")
    assert (code, out) == (0, [])


@pytest.mark.parametrize("content, why", [
    (None, "基线文件不存在"),
    ("{not json", "不是有效的 JSON"),
    ('{"format": "govlint-baseline", "version": 99, "entries": []}', "版本 99 不受支持"),
    ('{"format": "other", "version": 1, "entries": []}', "不是 govlint 基线文件"),
    ('{"format": "govlint-baseline", "version": 1, "entries": [{"code": 1}]}', "entries"),
])
def test_bad_baseline_file_is_one_line_exit_2(corpus, capsys, content, why):
    if content is not None:
        Path("known.json").write_text(content, encoding="utf-8")
    code, out, err = check(capsys, "--baseline", "known.json", "reports")
    assert code == 2 and out == []
    assert err.count("\n") == 1 and "known.json" in err and why in err
    assert err.startswith("govlint: error: known.json: ")


def test_load_raises_govlint_error(tmp_path):
    with pytest.raises(GovlintError, match="基线文件不存在"):
        Baseline.load(tmp_path / "none.json")


def test_unreadable_file_is_never_baselined(corpus, capsys):
    (corpus / "empty.txt").write_bytes(b"")
    code, out, err = check(capsys, "--write-baseline", "known.json", "reports")
    assert code == 2 and "empty.txt" in err
    entries = json.loads(Path("known.json").read_text(encoding="utf-8"))["entries"]
    assert "GOV001" not in {e["code"] for e in entries}
    code, out, _ = check(capsys, "--baseline", "known.json", "reports")
    assert code == 2 and codes(out) == [("empty.txt", "GOV001")]


def test_report_command_takes_the_baseline(corpus, capsys):
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    code, out, _ = run(capsys, "report", "--isolated", "--baseline", "known.json", "-o", "page.html", "reports")
    assert code == 0
    assert out == ["page.html: 已写入审查报告（3个文件，0条诊断）"]


def test_write_baseline_api_round_trip(tmp_path):
    result = FileResult("a.txt", [diagnostic(3, 5, path="a.txt")], {(3, 5): "行政许可\t1260"})
    path = tmp_path / "b.json"
    assert write_baseline([result], path) == 1
    baseline = Baseline.load(path)
    moved = FileResult("a.txt", [diagnostic(7, 5, path="a.txt")], {(7, 5): "行政许可\t1260"})
    assert baseline.filter(moved).diagnostics == []
    host = Host()
    settings = SettingsResolver(host.registry, CliOverrides(), None, True).for_file(None)
    assert baseline.closing(moved, settings, host.registry) == []
    fresh = Baseline.load(path)
    stale = fresh.closing(FileResult("a.txt"), settings, host.registry)
    assert [d.code for d in stale] == ["GOV902"] and stale[0].severity is Severity.WARNING


# --------------------------------------------------------------------------- the run's stages and formats


def test_stale_entries_appear_in_every_format(corpus, capsys):
    """Hidden findings are absent and GOV902 is present in json, jsonl, sarif, github and csv alike."""
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    claim = corpus / "claim.txt"
    claim.write_text(claim.read_text(encoding="utf-8").replace("申请99件", "申请46件"), encoding="utf-8")
    for fmt in ("json", "jsonl", "sarif", "github", "csv", "full"):
        code, out, _ = run(capsys, "check", "--isolated", "-q", "--output-format", fmt, "--baseline", "known.json",
                           "reports")
        text = "\n".join(out)
        assert code == 0, fmt
        assert text.count("GOV902") >= 1 and "GOV601" in text, fmt  # (the stale entry names GOV601)
        if fmt == "sarif":  # (the tool's rule list names every rule: look at the results)
            text = json.dumps([r["ruleId"] for r in json.loads(text)["runs"][0]["results"]])
            assert "GOV902" in text
        assert "GOV301" not in text and "GOV303" not in text, fmt
    code, out, _ = run(capsys, "check", "--isolated", "-q", "--output-format", "json", "--baseline", "known.json",
                       "reports")
    assert [(Path(d["filename"]).name, d["code"]) for d in json.loads("\n".join(out))] == [("claim.txt", "GOV902")]


def test_worker_processes_give_the_same_filtered_output(corpus, capsys):
    for number in range(6):  # enough files for a process pool
        (corpus / f"more{number}.txt").write_text(wrong_total(f"第{number}号测试局", 2023), encoding="utf-8")
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    (corpus / "more0.txt").write_text(clean("第0号测试局", 2023), encoding="utf-8")
    (corpus / "plain.txt").write_text(wrong_claim("南岭县水务局", 2023), encoding="utf-8")
    one = check(capsys, "-j1", "--baseline", "known.json", "reports")
    two = check(capsys, "-j2", "--baseline", "known.json", "reports")
    assert one == two
    assert codes(one[1]) == [("plain.txt", "GOV601"), ("more0.txt", "GOV902"), ("more0.txt", "GOV902")]


def test_cross_year_findings_are_baselined_too(tmp_path, monkeypatch, capsys):
    """GOV602 comes from the cross-year stage: the same filter hides it, and its fix is GOV902."""
    from test_cross_year import report as year_report

    monkeypatch.chdir(tmp_path)
    Path("2022.txt").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    Path("2023.txt").write_text(year_report(2023, carried_in=(3, 1, 0, 0, 0, 0)), encoding="utf-8")
    code, out, _ = check(capsys, "--select", "GOV6", ".")
    assert code == 1 and ("2023.txt", "GOV602") in codes(out)
    assert check(capsys, "--select", "GOV6", "--write-baseline", "known.json", ".")[0] == 0
    assert check(capsys, "--select", "GOV6", "--baseline", "known.json", ".")[:2] == (0, [])
    Path("2023.txt").write_text(year_report(2023, carried_in=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    code, out, _ = check(capsys, "--select", "GOV6", "--extend-select", "GOV902", "--baseline", "known.json", ".")
    assert code == 0 and codes(out) and set(codes(out)) == {("2023.txt", "GOV902")}


def test_write_baseline_streams_no_findings(corpus, capsys):
    code, out, err = check(capsys, "--write-baseline", "known.json", "reports")
    assert code == 0 and out == ["known.json: 已写入基线（3个文件，6条已知问题）"]


def test_write_baseline_leaves_the_output_file_alone(corpus, capsys):
    Path("out.txt").write_text("previous report\n", encoding="utf-8")
    assert check(capsys, "--write-baseline", "known.json", "-o", "out.txt", "reports")[0] == 0
    assert Path("out.txt").read_text(encoding="utf-8") == "previous report\n"
