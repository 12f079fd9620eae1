"""Rules about the document as a whole: can it be read, is it a report, how is it encoded."""

from __future__ import annotations

from govlint.api import Span, Violation, rule


@rule("GOV001", "unreadable-file", "文件无法读取或解码", "error")
def unreadable_file(report, options):
    """The file cannot be read or decoded, so nothing in it was checked.

    What it checks:
    Emitted by the host when a file does not exist, cannot be opened, is binary, is empty,
    is too large, or is neither UTF-8 nor GB18030/GBK text. The run exits with code 2 and a
    one-line message on stderr names the file and the problem; other files are still checked.

    Why:
    A report that cannot be read cannot be checked; a linter that skipped it silently would
    let a broken publication pass as clean.

    Failing example:
    A Word binary saved with a .txt name, or an empty file ``report.txt``.

    Passing example:
    Any UTF-8 or GBK text file with the report's content.

    Options:
    None.
    """
    return ()


@rule("GOV002", "not-a-report", "未找到年度报告的部分标题或统计表", "error")
def not_a_report(report, options):
    """The file contains neither the sections nor the tables of an annual report.

    What it checks:
    Whether any of the six section titles (一、总体情况 … 六、其他需要报告的事项) or any of the
    statistical tables of sections 二–四 was found.

    Why:
    条例 第五十条 and the national format (国办公开办函〔2021〕30号) fix the content of the
    annual report. A file with none of it is either not a report (a notice, a navigation page
    captured by a crawler) or so damaged that no other check is meaningful.

    Failing example:
    关于做好2023年政府信息公开工作年度报告编制工作的通知 … (a notice, not a report)

    Passing example:
    一、总体情况 … 二、主动公开政府信息情况 … (the six sections)

    Options:
    None.
    """
    if not report.has_report_content:
        yield Violation("未找到年度报告的任何部分标题（如「一、总体情况」）或统计表，文件可能不是政府信息公开工作年度报告")


@rule("GOV003", "legacy-encoding", "文件不是 UTF-8 编码（按 GB18030/GBK 解码）", "info")
def legacy_encoding(report, options):
    """The file was decoded as GB18030/GBK rather than UTF-8.

    What it checks:
    The encoding the reader had to use. UTF-8 (with or without BOM) passes; a file that
    only decodes as GB18030 (which includes GBK and GB2312) is reported.

    Why:
    GBK files display as mojibake on systems that assume UTF-8 (web servers, Git hosting,
    crawlers of evaluators), so a report kept in GBK is read wrongly by its readers even when
    its content is right. govlint still checks it.

    Failing example:
    A report saved by an old editor in GBK (ANSI on a Chinese Windows system).

    Passing example:
    The same report saved as UTF-8.

    Options:
    None.
    """
    if report.document.encoding == "gb18030":
        yield Violation("文件按 GB18030/GBK 编码解码，建议另存为 UTF-8 以免在网站和其他系统中显示乱码", Span(1, 1, 1, 1))


RULES = [unreadable_file, not_a_report, legacy_encoding]
