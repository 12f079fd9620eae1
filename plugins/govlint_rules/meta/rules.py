"""Rules about govlint's own inline directives."""

from __future__ import annotations

from govlint.api import rule


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


RULES = [unused_suppression]
