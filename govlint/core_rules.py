"""The codes govlint itself emits: GOV001 unreadable-file, GOV901 unused-suppression, GOV902 stale-baseline.

One owner: the rules are declared here (so the registry, ``govlint rule`` and docs/rules.md
know them, with their documentation) and the diagnostics are made here, by the functions
the runner, the suppression stage and the baseline call. No rule plugin holds a stub for
them. The module is an internal plugin of the host (registered under the name
``govlint``), so the three codes are selected, ignored and re-ranked like any rule.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from govlint.diagnostics import Diagnostic, Severity, Violation
from govlint.errors import one_line
from govlint.model import Span
from govlint.rules import Rule, RuleRegistry, rule

hookimpl = pluggy.HookimplMarker("govlint")

#: The name under which the host registers this module (the ``plugin`` of its diagnostics).
PLUGIN_NAME = "govlint"
UNREADABLE_CODE = "GOV001"
UNUSED_SUPPRESSION_CODE = "GOV901"
STALE_BASELINE_CODE = "GOV902"
#: Codes no rule function produces: the host emits them (never run as rules).
HOST_EMITTED = frozenset({UNREADABLE_CODE, UNUSED_SUPPRESSION_CODE, STALE_BASELINE_CODE})


@rule("GOV001", "unreadable-file", "文件无法读取或解码", "error")
def unreadable_file(report, options):
    """文件无法读取或解码，其中的内容都没有检查。

    检查内容：
    由 govlint 本身报告：文件不存在、无法打开、不是普通文件（FIFO、设备、套接字）、是二进制文件、
    是空文件、超过资源上限（大小、.docx 压缩炸弹、PDF 页数或数据流、HTML 表格跨行跨列），或者不是
    UTF-8、UTF-16 或 GB18030/GBK 编码的中文文本（Shift-JIS、EUC-KR、重复编码的 UTF-8、UTF-7、
    与内容矛盾的 BOM）。读取器、解析器或某条规则处理该文件时出错（内部错误，指明规则及其插件）
    时也报告，该文件的其他规则仍然运行。退出码为2，标准错误输出中有一行说明文件和问题；其他
    文件照常检查。

    原因：
    无法读取的报告就无法检查；如果静默跳过，损坏的发布文件就会被当作没有问题。

    错误示例：
    以 .txt 文件名保存的 Word 二进制文件，或空文件 ``report.txt``。

    正确示例：
    内容为报告正文的任何 UTF-8 或 GBK 文本文件。

    选项：
    无。
    """
    return ()


@rule("GOV901", "unused-suppression", "抑制指令没有抑制任何诊断", "warning")
def unused_suppression(report, options):
    """行内抑制指令没有抑制任何诊断。

    检查内容：
    在 Markdown 报告中，指令 ``<!-- govlint-disable GOV301 -->`` … ``<!-- govlint-enable -->``（一段行）
    和 ``<!-- govlint-ignore GOV601 -->``（下一行）抑制所列代码的诊断（不列代码时抑制所有诊断）。指令范围内
    没有报告过其所列代码的诊断时，该指令本身被报告。由 govlint 在所有其他规则运行之后报告。

    原因：
    抑制指令会比它所针对的缺陷存在得更久：表格改正之后，遗忘的 ``govlint-disable`` 会把同一处的下一个
    真正错误藏起来。报告没有用的指令，使抑制指令保持少而明确（flake8-noqa 和 Ruff 的 RUF100 也这样做）。

    错误示例：
    <!-- govlint-ignore GOV601 -->
    本年度共收到政府信息公开申请4件。   （表格也是4）

    正确示例：
    <!-- govlint-ignore GOV601 -->
    本年度共收到政府信息公开申请5件（含误报）。   （此处 GOV601 会报告）

    选项：
    无。
    """
    return ()


@rule("GOV902", "stale-baseline", "基线中的已知问题已不再出现，可以从基线中删除", "warning")
def stale_baseline(report, options):
    """基线文件中记录的问题已不再出现在其报告中。

    检查内容：
    ``govlint check --baseline FILE``（或配置项 ``baseline``）隐藏 ``--write-baseline`` 记录在 FILE
    中的已知问题。本次检查的文件中，如果某条记录的问题已不再出现（缺陷已改正，或所在文字已改变），
    报告一次，写明其代码和原诊断信息。本次没有检查的文件的记录不报告。由 govlint 在所有其他规则
    运行之后报告。

    原因：
    保留已改正缺陷的基线会在同一缺陷再次出现时悄悄放过它。报告过时的记录，提示用户重新生成基线
    （``govlint check --write-baseline FILE``），使基线随着存档的改正而缩小。

    错误示例：
    基线记录了 ``2023.txt`` 的一条 GOV601 诊断，而该数字此后已改正。

    正确示例：
    改正之后重新生成了基线，基线中不再有这条记录。

    选项：
    无。
    """
    return ()


RULES = [unreadable_file, unused_suppression, stale_baseline]


@hookimpl
def govlint_rules() -> list[Rule]:
    """The host's own codes, registered like any plugin's rules."""
    return list(RULES)


def make_diagnostic(path: str, target: Rule, violation: Violation, severity: Severity) -> Diagnostic:
    """Attach rule identity and the effective severity to a violation."""
    span = violation.span
    line, column = (span.line, span.column) if span else (1, 1)
    end_line, end_column = (span.end_line, span.end_column) if span else (1, 1)
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        code=target.code,
        message=one_line(violation.message),  # a quoted U+2028 or form feed must not split the line
        severity=severity,
        name=target.name,
        end_line=end_line,
        end_column=end_column,
        plugin=target.plugin,
        url=target.url,
    )


def _emit(registry: RuleRegistry, selection, code: str, path: str, violations: Iterable[Violation]) -> list[Diagnostic]:
    """Diagnostics of one host code, or none when the code is not selected for the file."""
    target = registry.get(code)
    if target is None or selection is None or not selection.is_selected(code):
        return []
    severity = selection.severity_for(code, target.severity)
    return [make_diagnostic(path, target, violation, severity) for violation in violations]


def unreadable_diagnostics(registry: RuleRegistry, selection, path: str, messages: Iterable[str],
                           read_error: bool = False) -> list[Diagnostic]:
    """GOV001 for each failure message of a file (read error, or a check that did not finish)."""
    prefix = "无法读取文件：" if read_error else "无法完成检查："
    return _emit(registry, selection, UNREADABLE_CODE, path, [Violation(prefix + m) for m in messages])


def unused_suppression_diagnostic(registry: RuleRegistry, selection, path: str, suppression) -> list[Diagnostic]:
    """GOV901 for a directive (:class:`~govlint.document.Suppression`) that silenced nothing."""
    what = "、".join(suppression.codes) if suppression.codes else "任何诊断"
    where = (f"第{suppression.first_line}行" if suppression.first_line == suppression.last_line
             else f"第{suppression.first_line}–{suppression.last_line}行")
    message = f"抑制指令「{suppression.text}」在{where}没有抑制{what}，可以删除"
    return _emit(registry, selection, UNUSED_SUPPRESSION_CODE, path, [Violation(message, suppression.span)])


def stale_baseline_diagnostic(registry: RuleRegistry, selection, path: str, message: str,
                              span: Span | None = None) -> list[Diagnostic]:
    """GOV902 for a baseline entry that matched no finding (``path``: the file the entry names,
    or the baseline file itself); empty when GOV902 is not selected."""
    return _emit(registry, selection, STALE_BASELINE_CODE, path, [Violation(message, span)])
