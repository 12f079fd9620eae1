"""Hostile and broken input (issue 10): isolation, bounded reads, limits, -o safety, verdicts, crashes.

One bad file never stops a batch: whatever fails for one input (its reader, the parser, a
rule, a plugin) becomes a GOV001 finding and one stderr line naming the file, the other
files are checked, the exit code is 2. Reads are bounded, every resource limit is a setting
with a clear Chinese message, ``-o`` never overwrites an input, and text in a non-Chinese
encoding is unreadable rather than "not a report". Each crash the issue lists has a
regression test here, at its root where there is one and through the CLI. The inputs come
from ``tests/fuzz/hostile.py`` (generated; no binary file is committed).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from fuzz import hostile
from fuzz.harness import CONCISE, assert_contract, check_contract, run_cli
from govlint import limits
from govlint.config import Config, config_from_table
from govlint.errors import ConfigError, ReadError, escape_control
from govlint.host import Host, PluginInfo
from govlint.parser import parse
from govlint.parser.dates import check as check_date
from govlint.parser.dates import cn_year
from govlint.parser.tokens import parse_number, pieces, read_int
from govlint.readers import files
from govlint.readers.decoding import COMMON_HANZI, decode_bytes, line_endings, plausibly_chinese
from govlint.readers.html_tree import build_tree
from govlint.runner import Input, check, check_input, read_input
from govlint.settings import CliOverrides, SettingsResolver

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
HOST = Host()


def lint(data: bytes, name: str = "report.txt", limit: limits.Limits | None = None):
    """Check bytes in-process with no configuration; the file result."""
    config = Config(limits=limit) if limit else Config()
    resolver = SettingsResolver(HOST.registry, CliOverrides(), isolated=True, base_config=config)
    return check_input(HOST, resolver, Input(name, None, data))


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def internal(result) -> list[str]:
    return [f.message for f in result.failures if f.traceback]


def report_of(data: bytes, name: str = "report.txt"):
    return parse(read_input(HOST, Input(name, None, data)))


# ============================================================================ crashes, at their root


@pytest.mark.parametrize("digits", ["𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", hostile.ARABIC_INDIC, "０１２３４５６７８９"],
                         ids=["math-bold", "arabic-indic", "full-width"])
def test_year_in_unicode_digits_is_that_year(digits: str) -> None:
    result = lint(hostile.year_in_digits(digits))
    assert not result.failures, result.failures
    assert report_of(hostile.year_in_digits(digits)).year == 2023
    assert "GOV405" in codes(result)  # the report's own defect is still found


def test_cn_year_reads_any_decimal_digit() -> None:
    assert cn_year("二〇二三") == 2023
    assert cn_year("𝟐𝟎𝟐𝟑") == 2023
    assert cn_year("٢٠٢٣") == 2023
    with pytest.raises(ValueError):
        cn_year("年年年年")


@pytest.mark.parametrize("make", [hostile.digit_run_in_cell, hostile.digit_run_in_prose], ids=["cell", "prose"])
def test_digit_run_past_the_int_limit(make) -> None:
    result = lint(make())
    assert not result.failures, result.failures
    assert "GOV405" in codes(result)


def test_number_parsers_cap_digit_runs() -> None:
    assert read_int("12 345") == 12345
    assert read_int("9" * 16) is None and read_int("9" * 5000) is None
    assert parse_number("120474.07元") == 120474.07
    assert parse_number("9" * 400 + ".5元") is None  # float() would be infinite
    assert parse_number("1" + "0" * 309) is None
    [piece] = pieces("7" * 5000, 0, 5000)
    assert piece.kind == "number" and piece.value is None and not piece.digits_only


def test_long_digit_run_in_crawler_text_is_not_split() -> None:
    """A 135-digit run where a row's run-together cells are: no split search (it took minutes)."""
    started = time.perf_counter()
    result = lint(hostile.digit_run_in_crawler_row(135))
    assert not result.failures and time.perf_counter() - started < 5


def test_fee_of_ten_to_the_309() -> None:
    result = lint(hostile.fee_overflow())
    assert not result.failures, result.failures
    report = report_of(hostile.fee_overflow())
    assert report.fee_statement is not None


def test_year_zero_is_no_year() -> None:
    result = lint(hostile.year_zero())
    assert not result.failures, result.failures
    assert report_of(hostile.year_zero()).year is None
    assert "GOV407" in codes(result)  # no report year could be read
    assert check_date(0, 12, 31) == "impossible"
    assert check_date(2023, 12, 31) is None


def test_rowspan_with_a_digit_run_past_the_int_limit() -> None:
    result = lint(hostile.html_span("rowspan"), "page.html")
    assert not internal(result)
    assert "max-table-span" in result.error and "5000 位数字" in result.error


def test_character_reference_with_a_digit_run_past_the_int_limit() -> None:
    page = hostile.html_page('<p title="&#' + "9" * 5000 + ';">一、总体情况&#' + "9" * 5000 + ";</p>")
    result = lint(page, "page.html")
    assert not internal(result), result.failures


def test_tables_nested_a_thousand_deep() -> None:
    result = lint(hostile.nested_tables(1000), "page.html")
    assert not result.failures, result.failures


def test_html_tree_depth_is_capped_like_browsers() -> None:
    root = build_tree("<div>" * 3000 + "一、总体情况" + "</div>" * 3000 + "<p>after</p>", max_depth=512)
    depth, node = 0, root
    while node.children and not isinstance(node.children[0], str) and hasattr(node.children[0], "children"):
        node, depth = node.children[0], depth + 1
    assert depth <= 512
    # nothing is lost: the text and the element after the nest are still in the tree
    texts, stack = [], [root]
    while stack:
        item = stack.pop()
        if hasattr(item, "children"):
            stack.extend(item.children)
        else:
            texts.append(item.text)
    assert "一、总体情况" in texts and "after" in texts


@pytest.mark.parametrize("make", [hostile.docx_other_root, hostile.docx_no_body], ids=["other-root", "no-body"])
def test_docx_without_a_body(make) -> None:
    result = lint(make(), "report.docx")
    assert not internal(result)
    assert result.error and "w:body" in result.error


def test_symlink_loop_inside_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(hostile.defective_text().encode())
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "ring").symlink_to("ring2")
    (tmp_path / "ring2").symlink_to("ring")
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", str(tmp_path)])
    assert_contract(outcome)
    assert outcome.code == 2
    assert f"{tmp_path / 'loop.txt'}:1:1: GOV001 [错误] 无法读取文件：符号链接循环" in outcome.stdout
    assert f"{tmp_path / 'a.txt'}:" in outcome.stdout  # the other file is checked


def test_path_longer_than_name_max(tmp_path: Path) -> None:
    other = tmp_path / "a.txt"
    other.write_bytes(hostile.defective_text().encode())
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", hostile.too_long_name(tmp_path), str(other)])
    assert_contract(outcome)
    assert outcome.code == 2 and "文件名或路径过长" in outcome.stderr and f"{other}:" in outcome.stdout


def test_binary_config_in_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".govlint.toml").write_bytes(hostile.binary_config())
    (tmp_path / "r.txt").write_bytes(hostile.defective_text().encode())
    monkeypatch.chdir(tmp_path)
    outcome = run_cli(["check", "r.txt"])
    assert_contract(outcome)
    assert outcome.code == 2 and outcome.stdout == ""
    assert outcome.stderr.count("\n") == 1 and ".govlint.toml：配置文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本" in outcome.stderr


def test_binary_config_in_a_checked_subdirectory_fails_only_its_files(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".govlint.toml").write_bytes(hostile.binary_config())
    (tmp_path / "sub" / "b.txt").write_bytes(hostile.defective_text().encode())
    (tmp_path / "a.txt").write_bytes(hostile.defective_text().encode())
    monkeypatch.chdir(tmp_path)
    outcome = run_cli(["check", "--output-format", "concise", "."])
    assert_contract(outcome)
    assert outcome.code == 2
    assert "sub/b.txt:1:1: GOV001 [错误] 无法完成检查：配置文件无效" in outcome.stdout
    assert "a.txt:" in outcome.stdout and "GOV405" in outcome.stdout


def test_file_name_with_a_newline_and_escape_sequences(tmp_path: Path) -> None:
    name = tmp_path / "new\nline\x1b[31m.txt"
    name.write_bytes(b"\x00binary")
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", str(name)])
    assert_contract(outcome)
    assert outcome.stderr.count("\n") == 1 and "new\\nline\\x1b[31m.txt" in outcome.stderr
    assert "\x1b" not in outcome.stdout + outcome.stderr


def test_escape_control() -> None:
    assert escape_control("a\nb\tc\x7f\u2028\u202e") == "a\\nb\\tc\\x7f\\u2028\\u202e"
    assert escape_control("报告.txt") == "报告.txt"
    assert escape_control("bad\udcff.txt") == "bad\\xff.txt"  # an undecodable byte of a POSIX name


# ============================================================================ isolation


def _plugin(name: str, **hooks) -> types.ModuleType:
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, function)
    return module


def _crashy_host(reader: bool = False) -> Host:
    """A host with a plugin ``crashy`` whose rule XX002 raises (or whose reader raises for ``.crash``)."""
    from govlint.api import hookimpl, rule

    @rule("XX002", "crashy", "会崩溃的规则", "error")
    def crashy(report, options):
        """Crashes on reports whose title names 示例.

        What it checks:
        Nothing.

        Why:
        To crash.

        Failing example:
        x

        Passing example:
        y

        Options:
        None.
        """
        if report.title and "南岭" in report.title.text:
            raise KeyError("cell (3, 4)\nsecond line")
        return ()

    @hookimpl
    def govlint_rules():
        return [crashy]

    hooks = {"govlint_rules": govlint_rules}
    if reader:
        @hookimpl(tryfirst=True)
        def govlint_read(path, data):
            if path.endswith(".crash"):
                raise RecursionError("maximum recursion depth exceeded")
            return None
        hooks["govlint_read"] = govlint_read
    host = Host()
    host.register(lambda: _plugin("crashy_plugin", **hooks), PluginInfo("crashy", "crashy_plugin", "govlint-crashy",
                                                                        "0.0.1"))
    return host


def test_a_crashing_rule_fails_its_file_only() -> None:
    host = _crashy_host()
    resolver = SettingsResolver(host.registry, CliOverrides(), isolated=True)
    crashing = Input("a.txt", None, hostile.defective_text().encode())  # 南岭区教育局
    fine = Input("b.txt", None, hostile.defective_text().replace("南岭", "北山").encode())
    result = check(host, resolver, [crashing, fine])
    first, second = result.files
    assert result.has_read_errors and not second.failures
    [failure] = first.failures
    assert failure.message.startswith("规则 XX002 crashy（插件 'crashy' (govlint-crashy 0.0.1)）内部错误（KeyError:")
    assert "second line" not in failure.message and "Traceback" in failure.traceback
    gov001 = [d for d in first.diagnostics if d.code == "GOV001"]
    assert len(gov001) == 1 and gov001[0].message.startswith("无法完成检查：规则 XX002")
    assert "GOV405" in codes(first) and "GOV405" in codes(second)  # the other rules still ran


def test_a_crashing_reader_fails_its_file_only() -> None:
    host = _crashy_host(reader=True)
    resolver = SettingsResolver(host.registry, CliOverrides(), isolated=True)
    fine = hostile.defective_text().replace("南岭", "北山").encode()
    result = check(host, resolver, [Input("a.crash", None, b"x"), Input("b.txt", None, fine)])
    first, second = result.files
    assert first.error.startswith("读取器（插件 'crashy' (govlint-crashy 0.0.1)）内部错误（RecursionError:")
    assert not second.failures and "GOV405" in codes(second)


def test_a_crashing_parser_fails_its_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import govlint.checker  # the module that parses (govlint.runner only re-exports)

    real = govlint.checker.parse

    def flaky(document):
        if document.path == "a.txt":
            raise OverflowError("cannot convert float infinity to integer")
        return real(document)

    monkeypatch.setattr(govlint.checker, "parse", flaky)
    resolver = SettingsResolver(HOST.registry, CliOverrides(), isolated=True)
    result = check(HOST, resolver, [Input("a.txt", None, b"x"), Input("b.txt", None, hostile.defective_text().encode())])
    assert result.files[0].error.startswith("解析器内部错误（OverflowError: cannot convert float infinity")
    assert "本文件未被检查" in result.files[0].error
    assert "GOV405" in codes(result.files[1])


@pytest.mark.parametrize("debug", [False, True])
def test_cli_names_the_file_and_shows_the_traceback_only_with_debug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     debug: bool) -> None:
    import govlint.cli

    monkeypatch.setattr(govlint.cli, "_load_host", _crashy_host)
    crashing, fine = tmp_path / "a.txt", tmp_path / "b.txt"
    crashing.write_bytes(hostile.defective_text().encode())
    fine.write_bytes(hostile.defective_text().replace("南岭", "北山").encode())
    args = ["--debug"] if debug else []
    outcome = run_cli([*args, "check", "--isolated", "--output-format", "concise", str(crashing), str(fine)])
    assert outcome.code == 2
    assert f"{fine}:" in outcome.stdout and f"{crashing}:1:1: GOV001 [错误] 无法完成检查：规则 XX002" in outcome.stdout
    errors = [line for line in outcome.stderr.splitlines() if line.startswith("govlint: error: ")]
    assert len(errors) == 1 and str(crashing) in errors[0] and "'crashy'" in errors[0] and "KeyError" in errors[0]
    assert ("Traceback" in outcome.stderr) is debug
    assert ("--debug" in errors[0]) is not debug


# ============================================================================ bounded reads


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize("where", ["argument", "directory", "previous"])
def test_fifo_is_never_opened(tmp_path: Path, where: str) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(hostile.defective_text().encode())
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    args = {"argument": [str(fifo), str(report)], "directory": [str(tmp_path)],
            "previous": ["--previous", str(fifo), str(report)]}[where]
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", *args])
    assert_contract(outcome)
    assert outcome.code == 2 and "命名管道（FIFO）" in outcome.stderr and f"{report}:" in outcome.stdout


@pytest.mark.parametrize("target, reason", [("/dev/zero", "字符设备"), ("/dev/urandom", "字符设备")])
def test_devices_are_not_read(tmp_path: Path, target: str, reason: str) -> None:
    if not os.path.exists(target):
        pytest.skip(f"no {target}")
    link = tmp_path / "r.txt"
    link.symlink_to(target)
    started = time.perf_counter()
    outcome = run_cli(["check", "--isolated", str(link)])
    assert outcome.code == 2 and reason in outcome.stderr and time.perf_counter() - started < 5


def test_socket_is_not_read(tmp_path: Path) -> None:
    sock = hostile.make_socket(tmp_path / "s.txt")
    if sock is None:
        pytest.skip("no Unix sockets")
    with sock:
        outcome = run_cli(["check", "--isolated", str(tmp_path / "s.txt")])
    assert outcome.code == 2 and "套接字" in outcome.stderr


class _Endless(io.RawIOBase):
    """An endless stream that counts what it hands out."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"a" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


def test_reads_stop_one_byte_past_the_limit() -> None:
    stream = _Endless()
    with pytest.raises(ReadError, match="文件过大（超过上限 1,000 字节"):
        files.read_stdin(stream, 1000)
    assert stream.given == 1001


def test_regular_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(ReadError) as info:
        files.read_file(path, 1000)
    assert "文件过大（1,001 字节，上限 1,000 字节" in str(info.value)
    path.write_bytes(b"x" * 1000)
    assert files.read_file(path, 1000) == b"x" * 1000


def test_size_messages_never_show_the_same_number_for_different_sizes() -> None:
    limit = 20 * limits.MB
    shown = {limits.format_size(size) for size in (limit - 1, limit, limit + 1, limit + 300_000, limit + 314_573)}
    assert len(shown) == 5
    assert limits.format_size(limit) == "20 MB"
    assert limits.format_size(limit + 1) == "20,971,521 字节（约 20.0 MB）"


def test_endless_stdin_stops_at_the_configured_limit(tmp_path: Path) -> None:
    config = tmp_path / "limits.toml"
    config.write_text('max-file-size = "1 KB"\n', encoding="utf-8")
    outcome = run_cli(["check", "--config", str(config), "-"], stdin=b"a" * 5000)
    assert outcome.code == 2 and "文件过大（超过上限 1,024 字节" in outcome.stderr


@pytest.mark.parametrize("value, expected", [("20 MB", 20 * limits.MB), (1000, 1000), ("512kb", 512 * 1024),
                                             ("1 GB", 1024 * limits.MB)])
def test_size_settings(value, expected) -> None:
    assert config_from_table({"max-file-size": value}, None).limits.max_file_size == expected


@pytest.mark.parametrize("key, value", [("max-file-size", -1), ("max-file-size", "20 parsecs"), ("max-file-size", True),
                                        ("max-pdf-pages", "many"), ("max-table-span", 0), ("max-html-depth", 1.5)])
def test_bad_limit_settings(key, value) -> None:
    with pytest.raises(ConfigError, match=key):
        config_from_table({key: value}, None)


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    started = time.perf_counter()
    result = lint(hostile.docx_zip_bomb(), "bomb.docx")
    assert "max-unpacked-size" in result.error and "未解压" in result.error
    assert time.perf_counter() - started < 5


def test_docx_ratio_bomb_is_refused() -> None:
    result = lint(hostile.docx_ratio_bomb(), "bomb.docx")
    assert "max-compression-ratio" in result.error and "1,0" in result.error  # ~1,000:1


def test_normal_docx_is_within_the_limits() -> None:
    result = lint(hostile.report_file(".docx"), "report.docx")
    assert not result.failures


def test_pdf_page_limit() -> None:
    result = lint(hostile.pdf_pages(12), "r.pdf", limits.Limits(max_pdf_pages=10))
    assert "PDF 超过 10 页" in result.error and "max-pdf-pages" in result.error
    assert lint(hostile.pdf_pages(10), "r.pdf", limits.Limits(max_pdf_pages=10)).error != result.error


def test_pdf_stream_bomb() -> None:
    bomb = hostile.pdf_stream_bomb(8 * limits.MB)
    result = lint(bomb, "r.pdf", limits.Limits(max_pdf_stream_size=4 * limits.MB))
    assert "max-pdf-stream-size" in result.error and "4 MB" in result.error
    assert "max-pdf-stream-size" not in (lint(bomb, "r.pdf").error or "")  # within the default budget


@pytest.mark.parametrize("kind", ["runlength", "hex-flate"])
def test_pdf_stream_budget_covers_every_expanding_filter(kind: str) -> None:
    result = lint(hostile.pdf_filter_bomb(kind), "r.pdf", limits.Limits(max_pdf_stream_size=4 * limits.MB))
    assert "max-pdf-stream-size" in result.error


def test_html_span_and_cell_limits() -> None:
    assert "rowspan 值 20000 超过上限 1000" in lint(hostile.html_span("rowspan", "20000"), "p.html").error
    assert "colspan 值 1001 超过上限 1000" in lint(hostile.html_span("colspan", "1001"), "p.html").error
    wide = lint(hostile.wide_colspans(), "p.html")
    assert "超过 100,000 个单元格" in wide.error and "max-table-cells" in wide.error
    assert not lint(hostile.report_file(".html"), "p.html").failures


# ============================================================================ -o never overwrites an input


@pytest.mark.parametrize("command", ["check", "extract"])
def test_output_file_that_is_the_input_is_refused(tmp_path: Path, command: str) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(hostile.defective_text().encode())
    before = report.read_bytes()
    isolated = ["--isolated"] if command == "check" else []
    outcome = run_cli([command, *isolated, str(report), "-o", str(report)])
    assert outcome.code == 2 and outcome.stdout == ""
    assert outcome.stderr.count("\n") == 1 and "拒绝写入该位置：该文件是输入文件" in outcome.stderr
    assert report.read_bytes() == before


@pytest.mark.parametrize("alias", ["symlink", "hardlink", "dotted"])
def test_output_file_aliasing_the_input_is_refused(tmp_path: Path, alias: str) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(hostile.defective_text().encode())
    before = report.read_bytes()
    output = tmp_path / "out.log"
    if alias == "symlink":
        output.symlink_to(report)
    elif alias == "hardlink":
        os.link(report, output)
    else:
        output = tmp_path / "." / "sub" / ".." / "r.txt"
        (tmp_path / "sub").mkdir()
    outcome = run_cli(["check", "--isolated", str(report), "-o", str(output)])
    assert outcome.code == 2 and "该文件是输入文件" in outcome.stderr
    assert report.read_bytes() == before


def test_output_file_inside_a_checked_directory(tmp_path: Path) -> None:
    # Issue 13: the -o target inside a checked directory is written, and left out of the search.
    (tmp_path / "r.txt").write_bytes(hostile.defective_text().encode())
    for _ in range(2):
        picked_up = run_cli(["check", "--isolated", str(tmp_path), "-o", str(tmp_path / "findings.txt")])
        assert picked_up.code == 1 and picked_up.stderr == ""
        assert "findings.txt" not in (tmp_path / "findings.txt").read_text(encoding="utf-8")
    hidden = tmp_path / ".reports"
    hidden.mkdir()
    fine = run_cli(["check", "--isolated", str(tmp_path), "-o", str(hidden / "findings.txt")])
    assert fine.code == 1 and (hidden / "findings.txt").exists()  # hidden directories are not searched
    json_out = run_cli(["check", "--isolated", str(tmp_path), "-o", str(tmp_path / "findings.json")])
    assert json_out.code == 1  # not a report suffix: never picked up


def test_output_file_that_is_a_previous_report(tmp_path: Path) -> None:
    report, previous = tmp_path / "r.txt", tmp_path / "p.txt"
    report.write_bytes(hostile.defective_text().encode())
    previous.write_bytes(hostile.defective_text().encode())
    outcome = run_cli(["check", "--isolated", "--previous", str(previous), str(report), "-o", str(previous)])
    assert outcome.code == 2 and previous.read_bytes() == report.read_bytes()


# ============================================================================ verdicts


@pytest.mark.parametrize(
    "make, fragment",
    [(hostile.shift_jis, "无法解码"), (hostile.euc_kr, "无法解码"),
     (lambda: (hostile.JAPANESE * 8).encode("euc_jp"), "无法解码"),
     (lambda: "本年度共受理政府資訊公開申請一百二十件，其中八十件決定全部公開。".encode("big5") * 8, "无法解码"),
     (hostile.double_encoded, "双重编码"), (hostile.utf7, "UTF-7"),
     (hostile.utf16_bom_then_utf8, "字节序标记与内容不符")],
    ids=["shift-jis", "euc-kr", "euc-jp", "big5", "double-encoded-utf8", "utf-7", "utf16-bom-then-utf8"],
)
def test_foreign_encodings_are_unreadable_not_reports(make, fragment: str) -> None:
    result = lint(make())
    assert codes(result) == ["GOV001"] and fragment in result.error


def _real_texts() -> list[Path]:
    return sorted(p for p in SHARED.glob("*/*") if p.suffix in (".txt", ".md", ".html"))


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the real reports) is not beside the checkout")
def test_every_real_report_decodes_as_gb18030() -> None:
    """The GB18030 heuristic, measured: each real report, encoded as GB18030, is plausibly Chinese."""
    texts = _real_texts()
    assert texts
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert plausibly_chinese(text), path.name
        decoded, encoding = decode_bytes(text.encode("gb18030"))
        assert encoding == "gb18030" and decoded == line_endings(text), path.name
        hanzi = [c for c in text if "\u4e00" <= c <= "\u9fff"]
        assert sum(c in COMMON_HANZI for c in hanzi) >= 0.8 * len(hanzi), path.name


def test_owner_password_pdf_is_read() -> None:
    result = lint(hostile.owner_password_pdf(), "r.pdf")
    assert not result.failures
    assert "GOV405" in codes(result) and "GOV002" not in codes(result)


def test_cr_only_line_endings_are_line_endings() -> None:
    lf = lint(hostile.defective_text().encode())
    cr = lint(hostile.cr_only())
    assert [(d.code, d.line, d.column) for d in cr.diagnostics] == [(d.code, d.line, d.column) for d in lf.diagnostics]
    assert "GOV004" not in codes(cr)


def test_third_party_warnings_are_captured(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(hostile.pdf_font_without_bbox())
    outcome = run_cli(["check", "--isolated", "--output-format", "concise", str(path)])
    assert_contract(outcome)
    assert "FontBBox" not in outcome.stderr


# ============================================================================ acceptance


def test_acceptance_directory_of_reproducers(tmp_path: Path) -> None:
    """One of each reproducer and the defective example in one directory: each is named, exit 2, fast, small."""
    root = tmp_path / "inbox"
    reproducers, extra, sockets = hostile.populate(root)
    rss_file = tmp_path / "rss"
    script = ("import atexit, resource, sys\n"
              "atexit.register(lambda: open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_SELF)"
              ".ru_maxrss)))\n"
              "from govlint.cli import main\nmain(sys.argv[2:])\n")
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", script, str(rss_file), "check", "-q", "--output-format",
                               "concise", "inbox", *extra], cwd=tmp_path, capture_output=True, timeout=120,
                              env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    finally:
        for sock in sockets:
            sock.close()
    elapsed = time.perf_counter() - started
    stdout, stderr = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert proc.returncode == 2, stderr
    assert "Traceback" not in stderr and "内部错误" not in stdout + stderr
    assert all(CONCISE.match(line) for line in stdout.splitlines())
    assert all(line.startswith("govlint: error: ") for line in stderr.splitlines())
    for item in reproducers:
        name = os.path.relpath(item.name, tmp_path) if item.name.startswith(str(tmp_path) + "/inbox") else item.name
        lines = [line for line in (stdout + stderr).splitlines() if name in line]
        assert lines, f"{name} is not named"
        assert any(item.expect in line for line in lines), (name, item.expect, lines)
    alone = run_cli(["check", "--isolated", "--output-format", "concise", str(hostile.DEFECTIVE)])
    expected = {line.split(":", 1)[1] for line in alone.stdout.splitlines()}
    found = {line.split(":", 1)[1] for line in stdout.splitlines() if line.startswith("inbox/defective.txt:")}
    assert expected and found == expected
    assert elapsed < 60, f"{elapsed:.1f} s"
    peak = int(rss_file.read_text()) // 1024  # kilobytes on Linux
    assert peak < 500, f"peak RSS {peak} MB"
    print(f"acceptance: {len(reproducers)} reproducers, {elapsed:.1f} s, peak RSS {peak} MB")


def test_contract_holds_for_each_reproducer() -> None:
    """The fuzz harness's contract on each generated reproducer (one at a time)."""
    for name, data in [("a.txt", hostile.year_in_digits()), ("a.html", hostile.nested_tables()),
                       ("a.docx", hostile.docx_no_body()), ("a.pdf", hostile.pdf_font_without_bbox()),
                       ("a.txt", hostile.double_encoded())]:
        check_contract(name, data)  # (the harness also checks the file is unchanged)
