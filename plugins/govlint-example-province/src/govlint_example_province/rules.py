# src/govlint_example_province/rules.py — a rule in Python, for what the pack blocks cannot express
"""The example province's Python rule (EX001): a rule the building blocks cannot express."""

from govlint.api import Option, ReportScope, Violation, rule, templates


@rule("EX001", "short-problems-section", "第五部分过于简略，未逐条说明问题和改进措施", "warning",
      options=[Option("min-chars", "int", 80, "Fewest characters part 五 must have.")],
      templates=templates.NATIONAL,
      report_scope=ReportScope(issuer_contains=("示例省",)))
def short_problems_section(report, options):
    """Part 五 (存在的主要问题及改进情况) is too short to name problems and measures.

    What it checks:
    The text of part 五, without spaces, has at least ``min-chars`` characters. Only reports
    of the example province (issuers whose name contains 示例省) are judged; a missing part
    五 is GOV201's finding.

    Why:
    国办公开办函〔2021〕30号 names "敷衍塞责" as a ground for accountability; the example
    province asks every body to name its problems and a measure for each ("逐条提出改进措施").

    Failing example:
    五、存在的主要问题及改进情况
    无。

    Passing example:
    五、存在的主要问题及改进情况
    （一）存在的主要问题。专栏更新不够及时……（二）改进措施。建立月度巡查制度……

    Options:
    min-chars (int, default 80): the fewest characters part 五 must have.
    """
    section = report.section(5)
    if section is None:
        return
    length = len("".join(section.text.split()))
    if length < options["min-chars"]:
        yield Violation(f"第五部分只有{length}个字，少于{options['min-chars']}字，应逐条说明存在的问题和改进措施",
                        section.span)


RULES = [short_problems_section]
