"""The result cache (govlint.cache): unchanged files are not parsed again.

Synthetic reports (tests/reportkit.py, tests/test_cross_year.py; every text written for
these tests) are checked twice in-process with the parser counted: the second run parses
nothing and prints the same bytes. A changed file, setting, govlint version or plugin
code invalidates; a corrupt entry is a miss; a failed file is never stored; cached files
still pair across years.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportkit import build
from test_cross_year import report as year_report

import govlint.cache
import govlint.checker
import govlint.collect
from govlint.cache import CACHE_DIR_NAME, Cache, dump_result, load_result
from govlint.cli import main

NEW_ROW = "一、本年新收政府信息公开申请数量\t46\t0\t0\t0\t0\t0\t46"
BAD_ROW = "一、本年新收政府信息公开申请数量\t46\t0\t0\t0\t0\t0\t47"


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch):
    monkeypatch.delenv("GOVLINT_NO_CACHE", raising=False)


@pytest.fixture
def parses(monkeypatch):
    """Counts calls of the parser made by the runner."""
    calls: list[str] = []
    real = govlint.checker.parse

    def counting(document):
        calls.append(document.path if hasattr(document, "path") else "?")
        return real(document)

    monkeypatch.setattr(govlint.checker, "parse", counting)
    return calls


@pytest.fixture
def first_stage(monkeypatch):
    """Counts the first-stage checks of files (a cache hit makes none)."""
    calls: list[str] = []
    real = govlint.collect.check_file

    def counting(host, resolver, item, *args, **kwargs):
        calls.append(item.display)
        return real(host, resolver, item, *args, **kwargs)

    monkeypatch.setattr(govlint.collect, "check_file", counting)
    return calls


@pytest.fixture
def reads(monkeypatch):
    """Counts the reads of files' bytes (the look-ups' and the checks')."""
    import govlint.readers.files

    calls: list[str] = []
    real = govlint.readers.files.read_file

    def counting(path, *args, **kwargs):
        calls.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(govlint.readers.files, "read_file", counting)
    monkeypatch.setattr(govlint.checker, "read_file", counting)
    return calls


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(build(issuer="青石县文化局", intro="本年度共收到政府信息公开申请99件。").text,
                                   encoding="utf-8")
    (reports / "b.txt").write_text(build(issuer="白沙镇人民政府", edits={NEW_ROW: BAD_ROW}).text, encoding="utf-8")
    (reports / "c.txt").write_text(build(issuer="南岭县水务局").text, encoding="utf-8")
    return reports


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    return exited.value.code, out, err


def check(capsys, *args: str) -> tuple[int, str, str]:
    """``govlint check`` in this process (``-j1``: the parser calls are counted here)."""
    return run(capsys, "check", "--isolated", "--output-format", "concise", "-j1", *args)


def entries(base: Path) -> list[Path]:
    return sorted((base / CACHE_DIR_NAME / f"v{govlint.cache.FORMAT_VERSION}").glob("*.json"))


def pair_entries(base: Path) -> list[Path]:
    """The entries of the cross-year stage (the others are first-stage entries)."""
    return [e for e in entries(base) if json.loads(e.read_text(encoding="utf-8"))["extra"] == {"stage": "pair"}]


def test_second_run_is_identical_and_parses_nothing(corpus, capsys, parses):
    first = check(capsys, "reports")
    assert first[0] == 1 and len(parses) == 3
    second = check(capsys, "reports")
    assert second == first
    assert len(parses) == 3  # nothing parsed again
    for fmt in ("json", "full", "sarif"):
        fresh = run(capsys, "check", "--isolated", "--no-cache", "--output-format", fmt, "reports")
        cached = run(capsys, "check", "--isolated", "--output-format", fmt, "reports")
        assert cached == fresh


def test_cache_directory_layout(corpus, capsys):
    check(capsys, "reports")
    directory = corpus.parent / CACHE_DIR_NAME
    assert (directory / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (directory / ".gitignore").read_text().splitlines()[-1] == "*"
    found = entries(corpus.parent)
    assert len(found) == 3
    data = json.loads(found[0].read_text(encoding="utf-8"))  # JSON, never pickle
    assert {"path", "diagnostics", "lines", "issuer", "year", "template", "extra"} <= set(data)
    assert not list(directory.glob(f"v{govlint.cache.FORMAT_VERSION}/.tmp-*"))


def test_changed_file_is_checked_again(corpus, capsys, parses):
    check(capsys, "reports")
    target = corpus / "c.txt"
    target.write_text(target.read_text(encoding="utf-8").replace(NEW_ROW, BAD_ROW), encoding="utf-8")
    code, out, _ = check(capsys, "reports")
    assert len(parses) == 4 and parses[-1].endswith("c.txt")
    assert "reports/c.txt:" in out and "GOV301" in out.split("reports/c.txt:", 1)[1]


def test_changed_setting_invalidates(corpus, capsys, parses):
    check(capsys, "reports")
    code, out, _ = check(capsys, "--ignore", "GOV501", "reports")
    assert len(parses) == 6
    assert "GOV501" not in out
    check(capsys, "--ignore", "GOV501", "reports")
    assert len(parses) == 6  # that selection is cached now too


def test_changed_severity_and_config_invalidate(corpus, capsys, parses):
    Path(".govlint.toml").write_text('[severity]\nGOV501 = "error"\n', encoding="utf-8")
    run(capsys, "check", "--output-format", "concise", "reports")
    assert len(parses) == 3
    Path(".govlint.toml").write_text('[severity]\nGOV501 = "info"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "concise", "reports")
    assert len(parses) == 6 and "[提示]" in out


def test_changed_version_invalidates(corpus, capsys, parses, monkeypatch):
    check(capsys, "reports")
    monkeypatch.setattr(govlint.cache, "__version__", "99.0.0")
    check(capsys, "reports")
    assert len(parses) == 6


def test_edited_rule_code_invalidates(corpus, capsys, parses, monkeypatch):
    """A changed source file of govlint or a plugin (a development checkout) is a new key."""
    check(capsys, "reports")
    real = govlint.cache._tree_stamp
    monkeypatch.setattr(govlint.cache, "_tree_stamp", lambda root: [*real(root), ("edited.py", 1, 1)])
    check(capsys, "reports")
    assert len(parses) == 6


def test_corrupt_entries_are_misses(corpus, capsys, parses):
    first = check(capsys, "reports")
    found = entries(corpus.parent)
    found[0].write_text("{ not json", encoding="utf-8")
    found[1].write_text(json.dumps({"path": "x", "diagnostics": [["x", "one"]]}), encoding="utf-8")
    found[2].write_bytes(b"\xff\xfe\x00")
    assert check(capsys, "reports") == first
    assert len(parses) == 6
    assert check(capsys, "reports") == first  # and the entries were rewritten
    assert len(parses) == 6


def test_unreadable_file_is_never_stored(corpus, capsys, parses):
    (corpus / "empty.txt").write_bytes(b"")
    code, out, _ = check(capsys, "reports")
    assert code == 2 and "GOV001" in out
    assert len(entries(corpus.parent)) == 3


def test_internal_error_is_not_stored_and_fixing_it_takes_effect(corpus, capsys, monkeypatch):
    real = govlint.checker.parse

    def broken(document):
        raise RuntimeError("boom")

    monkeypatch.setattr(govlint.checker, "parse", broken)
    code, out, _ = check(capsys, "reports")
    assert code == 2 and entries(corpus.parent) == []
    monkeypatch.setattr(govlint.checker, "parse", real)
    code, out, _ = check(capsys, "reports")
    assert code == 1 and "GOV001" not in out


def test_no_cache_option_and_environment(corpus, capsys, monkeypatch):
    check(capsys, "--no-cache", "reports")
    assert not (corpus.parent / CACHE_DIR_NAME).exists()
    monkeypatch.setenv("GOVLINT_NO_CACHE", "1")
    check(capsys, "reports")
    assert not (corpus.parent / CACHE_DIR_NAME).exists()


def test_unwritable_cache_directory_means_no_cache(corpus, capsys, parses):
    (corpus.parent / CACHE_DIR_NAME).write_text("a file, not a directory", encoding="utf-8")
    first = check(capsys, "-q", "reports")
    assert first[0] == 1 and first[2] == ""  # no complaint: simply no cache
    check(capsys, "reports")
    assert len(parses) == 6


def test_cache_lives_beside_the_config_file(corpus, capsys):
    (corpus.parent / "conf").mkdir()
    Path("conf/govlint.toml").write_text('ignore = ["GOV501"]\n', encoding="utf-8")
    run(capsys, "check", "--config", "conf/govlint.toml", "--output-format", "concise", "reports")
    assert len(entries(corpus.parent / "conf")) == 3
    assert not (corpus.parent / CACHE_DIR_NAME).exists()


def test_standard_input_is_not_cached(corpus, capsys, monkeypatch):
    import io
    import sys

    data = (corpus / "a.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = check(capsys, "--stdin-filename", "a.txt", "-")
    assert "GOV601" in out
    assert entries(corpus.parent) == []


def test_baseline_filters_cached_results(corpus, capsys, parses):
    """The cache stores results before the baseline: changing the baseline needs no re-check."""
    assert check(capsys, "--write-baseline", "known.json", "reports")[0] == 0
    assert check(capsys, "--baseline", "known.json", "reports")[:2] == (0, "")
    code, out, _ = check(capsys, "reports")
    assert code == 1 and "GOV301" in out
    assert len(parses) == 3


# --------------------------------------------------------------------------- cross-year pairs


def test_cached_report_still_pairs_with_a_new_predecessor(tmp_path, monkeypatch, capsys, parses):
    monkeypatch.chdir(tmp_path)
    Path("2023.txt").write_text(year_report(2023, carried_in=(3, 1, 0, 0, 0, 0)), encoding="utf-8")
    code, out, _ = check(capsys, "--select", "GOV602", ".")
    assert (code, out) == (0, "")
    Path("2022.txt").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    code, out, _ = check(capsys, "--select", "GOV602", ".")
    assert code == 1 and out.count("2023.txt:") == 1 and "GOV602" in out
    fresh = check(capsys, "--no-cache", "--select", "GOV602", ".")
    assert check(capsys, "--select", "GOV602", ".") == fresh


def test_pairs_and_previous_option_match_an_uncached_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("last").mkdir()
    Path("this").mkdir()
    Path("last/2022.txt").write_text(year_report(2022, carried_out=(5, 0, 0, 0, 0, 0)), encoding="utf-8")
    Path("this/2023.txt").write_text(year_report(2023, carried_in=(3, 0, 0, 0, 0, 0)), encoding="utf-8")
    Path("this/other.txt").write_text(build(issuer="白沙镇人民政府", year=2023).text, encoding="utf-8")
    for args in (("this", "--previous", "last/2022.txt"), ("this", "last"), ("last", "this", "--previous", "last")):
        fresh = check(capsys, "--no-cache", *args)
        assert check(capsys, *args) == fresh
        assert check(capsys, *args) == fresh


def test_unchanged_pair_is_neither_read_nor_parsed_again(tmp_path, monkeypatch, capsys, parses, first_stage, reads):
    """Both stages are cached: the second run reads each file once (its key) and parses nothing."""
    monkeypatch.chdir(tmp_path)
    Path("2022.txt").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    Path("2023.txt").write_text(year_report(2023, carried_in=(3, 1, 0, 0, 0, 0)), encoding="utf-8")
    first = check(capsys, ".")
    # (the cross-year stage parses 2023 again; 2022 has no predecessor)
    assert first[0] == 1 and "GOV602" in first[1] and len(parses) == 3 and len(first_stage) == 2
    assert len(pair_entries(tmp_path)) == 1
    del reads[:]
    assert check(capsys, ".") == first
    assert len(first_stage) == 2 and len(parses) == 3  # no file checked or parsed again
    assert sorted(Path(r).name for r in reads) == ["2022.txt", "2023.txt"]  # the look-ups' reads only


def test_fully_cached_run_with_pairs_parses_nothing(tmp_path, monkeypatch, capsys, parses):
    """A chain of three years (two pairs) and an unpaired report: the second run parses nothing."""
    monkeypatch.chdir(tmp_path)
    Path("2021.txt").write_text(year_report(2021, carried_out=(9, 0, 0, 0, 0, 0)), encoding="utf-8")
    Path("2022.txt").write_text(year_report(2022, carried_in=(8, 0, 0, 0, 0, 0), carried_out=(5, 0, 0, 0, 0, 0)),
                                encoding="utf-8")
    Path("2023.txt").write_text(year_report(2023, carried_in=(5, 0, 0, 0, 0, 0)), encoding="utf-8")
    Path("other.txt").write_text(build(issuer="白沙镇人民政府", year=2023).text, encoding="utf-8")
    fresh = check(capsys, "--no-cache", ".")
    assert "GOV602" in fresh[1] and len(parses) == 6  # four files, two of them again for their pair
    assert check(capsys, ".") == fresh
    assert len(parses) == 12 and len(pair_entries(tmp_path)) == 2
    assert check(capsys, ".") == fresh
    assert len(parses) == 12  # nothing parsed, in either stage


def _edit(name: str, old: str, new: str) -> None:
    path = Path(name)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _pair_texts() -> tuple[str, str]:
    """Last year carries 3 applications over, this year takes 3 in: consistent (no GOV602)."""
    return (year_report(2022, carried_out=(3, 1, 0, 0, 0, 0)), year_report(2023, carried_in=(3, 1, 0, 0, 0, 0)))


def test_changed_predecessor_invalidates_the_pair_stage(tmp_path, monkeypatch, capsys, parses):
    """Editing last year's 结转下年度 makes GOV602 appear on this year's report, then go again."""
    monkeypatch.chdir(tmp_path)
    last, this = _pair_texts()
    Path("2022.txt").write_text(last, encoding="utf-8")
    Path("2023.txt").write_text(this, encoding="utf-8")
    consistent = check(capsys, "--select", "GOV602", ".")
    assert consistent[:2] == (0, "") and check(capsys, "--select", "GOV602", ".") == consistent
    Path("2022.txt").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    before = len(parses)
    code, out, _ = check(capsys, "--select", "GOV602", ".")
    assert code == 1 and "2023.txt:" in out and "GOV602" in out
    assert sorted(parses[before:]) == ["2022.txt", "2023.txt"]  # 2022 (changed), 2023's pair stage
    assert (code, out) == check(capsys, "--no-cache", "--select", "GOV602", ".")[:2]
    Path("2022.txt").write_text(last, encoding="utf-8")
    before = len(parses)
    assert check(capsys, "--select", "GOV602", ".") == consistent
    assert parses[before:] == []  # both entries of that state are still there


def test_changed_report_invalidates_the_pair_stage(tmp_path, monkeypatch, capsys):
    """Editing this year's 上年结转 makes GOV602 appear and disappear, as without the cache."""
    monkeypatch.chdir(tmp_path)
    last, this = _pair_texts()
    Path("2022.txt").write_text(last, encoding="utf-8")
    Path("2023.txt").write_text(this, encoding="utf-8")
    assert check(capsys, ".") == check(capsys, "--no-cache", ".")
    assert "GOV602" not in check(capsys, ".")[1]
    Path("2023.txt").write_text(year_report(2023, carried_in=(7, 1, 0, 0, 0, 0)), encoding="utf-8")
    changed = check(capsys, ".")
    assert "GOV602" in changed[1] and changed == check(capsys, "--no-cache", ".")
    assert check(capsys, ".") == changed
    Path("2023.txt").write_text(this, encoding="utf-8")
    assert "GOV602" not in check(capsys, ".")[1]


def test_baseline_is_applied_after_the_pair_stage_cache(tmp_path, monkeypatch, capsys, parses):
    """A cached GOV602 is hidden by a baseline that knows it and shown by one that does not."""
    monkeypatch.chdir(tmp_path)
    last, this = _pair_texts()
    Path("2022.txt").write_text(last, encoding="utf-8")
    Path("2023.txt").write_text(this, encoding="utf-8")
    assert check(capsys, "--write-baseline", "old.json", ".")[0] == 0  # no GOV602 then
    Path("2022.txt").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    assert check(capsys, "--write-baseline", "new.json", ".")[0] == 0  # knows the GOV602
    parsed = len(parses)
    assert check(capsys, "--baseline", "new.json", ".")[:2] == (0, "")
    code, out, _ = check(capsys, "--baseline", "old.json", ".")
    assert code == 1 and "GOV602" in out
    assert (code, out) == check(capsys, "--no-cache", "--baseline", "old.json", ".")[:2]
    assert check(capsys, "--baseline", "new.json", ".")[:2] == (0, "")
    assert len(parses) == parsed + 3  # only the --no-cache run parsed (2022, 2023 and its pair stage)


def test_pair_stage_with_a_failure_is_not_stored(tmp_path, monkeypatch, capsys):
    """A cross-year rule that crashed is run again on the next run (not served from the cache)."""
    from govlint.results import Failure

    monkeypatch.chdir(tmp_path)
    Path("2022.txt").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    Path("2023.txt").write_text(year_report(2023, carried_in=(3, 1, 0, 0, 0, 0)), encoding="utf-8")
    real = govlint.collect.run_rules

    def crashing(report, rules, settings, plugins=None, failures=None):
        failures.append(Failure("规则崩溃"))
        return []

    monkeypatch.setattr(govlint.collect, "run_rules", crashing)
    code, out, _ = check(capsys, ".")
    assert code == 2 and "GOV001" in out and pair_entries(tmp_path) == []
    monkeypatch.setattr(govlint.collect, "run_rules", real)
    fixed = check(capsys, ".")
    assert fixed[0] == 1 and "GOV602" in fixed[1] and "GOV001" not in fixed[1]
    assert fixed == check(capsys, "--no-cache", ".") and len(pair_entries(tmp_path)) == 1


def test_pair_stage_of_bytes_changed_during_the_run_is_not_stored(tmp_path, monkeypatch, capsys):
    """The pair stage reads the file again: other bytes than the first stage's are never stored."""
    monkeypatch.chdir(tmp_path)
    Path("2022.txt").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    Path("2023.txt").write_text(year_report(2023, carried_in=(3, 1, 0, 0, 0, 0)), encoding="utf-8")
    real = govlint.collect.keyed
    monkeypatch.setattr(govlint.collect, "keyed",
                        lambda cache, item, settings: ("other", real(cache, item, settings)[1]))
    assert "GOV602" in check(capsys, ".")[1]
    assert pair_entries(tmp_path) == []


def test_edits_of_an_archive_always_match_an_uncached_run(tmp_path, monkeypatch, capsys, first_stage):
    """Years of one issuer (a chain, then two reports of one year: ambiguous) edited step by step."""
    monkeypatch.chdir(tmp_path)
    steps = [
        {"2021.txt": year_report(2021, carried_out=(9, 0, 0, 0, 0, 0))},
        {"2022.txt": year_report(2022, carried_in=(8, 0, 0, 0, 0, 0), carried_out=(5, 0, 0, 0, 0, 0))},
        {"2023.txt": year_report(2023, carried_in=(3, 0, 0, 0, 0, 0))},
        {"2022.txt": year_report(2022, carried_in=(9, 0, 0, 0, 0, 0), carried_out=(3, 0, 0, 0, 0, 0))},
        {"2022-copy.txt": year_report(2022, carried_out=(4, 0, 0, 0, 0, 0))},
        {"2022-copy.txt": None},
        {"2021.txt": None},
        {"other.txt": year_report(2022, issuer="云溪县另一局", carried_out=(6, 0, 0, 0, 0, 0))},
    ]
    for step in steps:
        for name, text in step.items():
            if text is None:
                Path(name).unlink()
            else:
                Path(name).write_text(text, encoding="utf-8")
        cached = check(capsys, ".")
        assert cached == check(capsys, "--no-cache", "."), step
        before = len(first_stage)
        assert check(capsys, ".") == cached
        assert len(first_stage) == before  # unchanged: no file checked again


# --------------------------------------------------------------------------- API


def test_entry_round_trip():
    from govlint.diagnostics import Diagnostic, Severity
    from govlint.runner import FileResult

    diagnostic = Diagnostic("a.txt", 3, 4, "GOV301", "消息", Severity.ERROR, "row-sum", 3, 9, "tables", "")
    result = FileResult("a.txt", [diagnostic], {(3, 4): "行政许可\t1260"}, "line:column", [], "某局", 2023, "2021")
    entry = load_result(dump_result(result, {"pair": {"year": 2023}}))
    assert entry.result == result and entry.extra == {"pair": {"year": 2023}}


def test_failed_result_is_not_stored(tmp_path):
    from govlint.runner import Failure, FileResult

    cache = Cache(tmp_path, "run")
    cache.entries.mkdir()
    cache.store("k", FileResult("a.txt", failures=[Failure("无法读取")]))
    assert cache.load("k") is None and list(cache.entries.iterdir()) == []


# --------------------------------------------------------------------------- worker processes


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """Ten reports (enough for a process pool): other issuers, a two-year pair, an empty file."""
    monkeypatch.chdir(tmp_path)
    reports = tmp_path / "reports"
    reports.mkdir()
    issuers = ["青石县文化局", "白沙镇人民政府", "南岭县水务局", "东坪乡人民政府", "北塘区统计局",
               "西溪县林业局", "红岩镇人民政府"]
    for number, issuer in enumerate(issuers):
        edits = {NEW_ROW: BAD_ROW} if number % 3 == 1 else {}
        (reports / f"r{number}.txt").write_text(build(issuer=issuer, edits=edits).text, encoding="utf-8")
    (reports / "y2022.txt").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    (reports / "y2023.txt").write_text(year_report(2023, carried_in=(3, 1, 0, 0, 0, 0)), encoding="utf-8")
    (reports / "empty.txt").write_bytes(b"")
    return reports


@pytest.mark.parametrize("fmt", ["concise", "json", "sarif"])
def test_cache_never_changes_the_output_with_or_without_workers(archive, capsys, fmt):
    """Same bytes (and exit code) with and without the cache, in-process and with two workers."""
    def check_with(*args: str) -> tuple[int, str]:
        code, out, _ = run(capsys, "check", "--isolated", "-q", "--output-format", fmt, *args, "reports")
        return code, out

    reference = check_with("--no-cache", "-j1")
    assert reference[0] == 2 and "GOV602" in reference[1] and "GOV001" in reference[1]
    for jobs in ("-j1", "-j2"):
        assert check_with("--no-cache", jobs) == reference
    cache = archive.parent / CACHE_DIR_NAME
    for jobs in ("-j2", "-j1", "-j2"):  # first run with workers (stores), then hits in both modes
        assert check_with(jobs) == reference, jobs
    assert len(entries(archive.parent)) == 10  # every report but the empty one, and the pair stage of y2023
    assert len(pair_entries(archive.parent)) == 1
    for entry in pair_entries(archive.parent):  # the pair stage alone computed again
        entry.unlink()
    assert check_with("-j2") == reference and check_with("-j1") == reference
    for entry in entries(archive.parent):
        entry.unlink()
    assert check_with("-j1") == reference and check_with("-j2") == reference
    assert len(pair_entries(archive.parent)) == 1
    assert cache.is_dir()


def test_hits_are_not_sent_to_workers(archive, capsys, monkeypatch):
    """The lead looks entries up before dispatching: a run where everything hits starts no pool."""
    run(capsys, "check", "--isolated", "-q", "-j2", "reports")

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started although every entry hits")

    monkeypatch.setattr(govlint.collect, "check_in_pool", no_pool)
    (archive / "empty.txt").unlink()
    code, out, _ = run(capsys, "check", "--isolated", "-q", "-j2", "--output-format", "concise", "reports")
    assert code == 1 and "GOV602" in out


def test_damaged_extra_of_an_entry_is_a_miss(corpus, capsys, first_stage):
    first = check(capsys, "reports")
    for entry in entries(corpus.parent):
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["extra"] = {"summary": "not a summary", "suppressions": [], "final": True}
        entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert check(capsys, "reports") == first
    assert len(first_stage) == 6


def test_cached_suppressions_still_count_in_the_cross_year_stage(tmp_path, monkeypatch, capsys, first_stage):
    """A directive's use (first stage, cached) and its unused-check (cross-year stage) agree."""
    monkeypatch.chdir(tmp_path)
    Path("2022.md").write_text(year_report(2022, carried_out=(5, 1, 0, 0, 0, 0)), encoding="utf-8")
    text = year_report(2023, carried_in=(3, 1, 0, 0, 0, 0))
    Path("2023.md").write_text("<!-- govlint-disable GOV6 -->\n" + text + "\n<!-- govlint-enable -->\n"
                               "<!-- govlint-ignore GOV301 -->\n", encoding="utf-8")
    fresh = check(capsys, "--no-cache", ".")
    assert "GOV901" in fresh[1] and "GOV602" not in fresh[1]
    assert check(capsys, ".") == fresh
    before = len(first_stage)
    assert check(capsys, ".") == fresh
    assert len(first_stage) == before


def test_pool_inputs_carry_the_bytes_their_key_was_made_of(corpus):
    """A file edited after the look-up is stored under the key of what was checked, not of what was looked up."""
    from govlint.collect import _Misses
    from govlint.host import Host
    from govlint.runner import Input
    from govlint.settings import CliOverrides, SettingsResolver

    host = Host()
    resolver = SettingsResolver(host.registry, CliOverrides(), None, True)
    cache = Cache.open(corpus.parent, host)
    target = corpus / "c.txt"
    item = Input("reports/c.txt", target)
    settings = resolver.for_file(target)
    looked_up = cache.key_for(item.display, target.read_bytes(), settings)
    target.write_text(target.read_text(encoding="utf-8").replace(NEW_ROW, BAD_ROW), encoding="utf-8")
    work = _Misses(resolver, cache, [item, Input("-", None, stdin=True)])
    assert len(work) == 2
    sent = list(work)
    assert sent[0].data == target.read_bytes() and sent[1].data is None
    assert work.keys == {0: cache.key_for(item.display, target.read_bytes(), settings), 1: None}
    assert work.keys[0] != looked_up


def test_entry_gone_after_the_look_up_is_checked_by_the_lead(archive, capsys, monkeypatch):
    """With -j the lead reads a hit's entry again when its turn comes; if it is gone, it checks the file."""
    def check_with() -> tuple[int, str]:
        code, out, _ = run(capsys, "check", "--isolated", "-q", "-j2", "--output-format", "json", "reports")
        return code, out

    reference = check_with()
    monkeypatch.setattr(govlint.collect, "hit_of", lambda cache, key, display: None)
    assert check_with() == reference
