"""The HTML audit report (``govlint report``): one self-contained static page.

An office that collects dozens of reports forwards this page: the totals, a per-file table
(sortable), the findings per rule as a bar chart (inline SVG), every finding with its
position and source snippet, filters by rule, severity and file, and the settings of the
run with govlint's version. Everything is inline (style, script, chart): the page works
from a USB stick and fetches nothing. File names, messages and source text come from the
reports and are escaped wherever they are written; the script reads them from the page's
``data-*`` attributes, never from script text.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from govlint.diagnostics import SEVERITY_LABELS, Diagnostic
from govlint.output.html_assets import CSP, CSS, JS
from govlint.records import factory, record
from govlint.summary import SEVERITY_ORDER, CodeCount, FileSummary, RunSummary, summarize

if TYPE_CHECKING:  # pragma: no cover - typing only
    from govlint.rules import RuleRegistry
    from govlint.runner import FileResult, RunResult

TITLE = "政府信息公开工作年度报告审查结果"

#: How the templates are named to readers.
TEMPLATE_LABELS = {
    "2019": "2019版格式",
    "2021": "2021版格式",
    "legacy": "2019年前格式",
    "unknown": "未识别",
}

#: Characters of a long source line shown before and after the finding's span.
CONTEXT_BEFORE, CONTEXT_AFTER, MARK_MAX = 40, 80, 160

#: The bar chart's geometry (SVG user units).
CHART_WIDTH, LABEL_WIDTH, BAR_HEIGHT, BAR_GAP, COUNT_WIDTH = 900, 330, 18, 8, 60


@record
class ReportContext:
    """What the page says about the run besides its results.

    ``settings`` are ``(label, value)`` pairs shown as given (already in Chinese);
    ``rules`` the codes enabled for the current directory; ``plugins`` one line per plugin.
    """

    version: str
    generated: str
    settings: list[tuple[str, str]] = factory(list)
    rules: list[str] = factory(list)
    plugins: list[str] = factory(list)


def e(value: object) -> str:
    """HTML-escape any value for text and for quoted attributes."""
    return escape("" if value is None else str(value), quote=True)


# --------------------------------------------------------------------------- text helpers

def position_text(scheme: str, d: Diagnostic, place: str | None = None) -> str:
    """Where a finding is, in the words of the file's position scheme (a Word finding: its
    ``place`` in Word's terms, ``表2 第5行 第3列``, with the block:character position after it)."""
    if d.whole_file:
        return "全文"
    if place:
        return f"{place}（第{d.line}块第{d.column}字）"
    if scheme == "page:line":
        return f"第{d.line}页第{d.column}行"
    if scheme == "block:character":
        return f"第{d.line}段第{d.column}字"
    return f"第{d.line}行第{d.column}列"


def template_text(template: str | None) -> str:
    """The template's name for readers (empty when the file was not read)."""
    if template is None:
        return ""
    return TEMPLATE_LABELS.get(template, template)


def status_of(summary: FileSummary) -> tuple[str, str]:
    """``(css class, Chinese label)`` of a file's outcome."""
    if summary.unreadable:
        return "unreadable", "无法读取"
    if summary.errors:
        return "error", "有错误"
    if summary.warnings:
        return "warning", "有警告"
    if summary.infos:
        return "info", "仅有提示"
    return "clean", "未发现问题"


def split_snippet(source: str, start: int, end: int) -> tuple[str, str, str, bool, bool]:
    """``(before, marked, after, cut at start, cut at end)`` of a source line around ``[start, end)``.

    A crawled report may be one line of tens of thousands of characters: only a window
    around the finding is shown.
    """
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source), start + MARK_MAX))
    left = max(0, start - CONTEXT_BEFORE)
    right = min(len(source), end + CONTEXT_AFTER)
    return source[left:start], source[start:end], source[end:right], left > 0, right < len(source)


def snippet_html(result: "FileResult", d: Diagnostic) -> str:
    """The source line of a finding with its span marked, or nothing for whole-file findings."""
    source = result.lines.get((d.line, d.column))
    if not source or not source.strip() or d.whole_file:
        return ""
    if result.scheme == "page:line":
        gutter, start, end = f"{d.line}:{d.column}", 0, 0
    else:
        gutter = str(d.line)
        start = d.column - 1
        end = d.end_column - 1 if d.end_line == d.line and d.end_column > d.column else len(source)
    before, marked, after, cut_left, cut_right = split_snippet(source, start, end)
    text = ("…" if cut_left else "") + e(before)
    text += f"<mark>{e(marked)}</mark>" if marked else ""
    text += e(after) + ("…" if cut_right else "")
    return f'<pre class="src"><span class="gutter">{e(gutter)}</span>{text}</pre>'


# --------------------------------------------------------------------------- sections

def _overview(summary: RunSummary) -> str:
    cards = [
        ("", "文件", summary.checked), ("ok", "未发现问题", summary.clean), ("error", "有错误的文件", summary.with_errors),
        ("error", "无法读取", summary.unreadable), ("error", "错误", summary.errors),
        ("warning", "警告", summary.warnings), ("info", "提示", summary.infos),
    ]
    items = "".join(f'<div class="card {cls}" data-stat="{e(label)}"><b>{count}</b>{e(label)}</div>'
                    for cls, label, count in cards)
    return f'<section id="overview"><h2>概况</h2><div class="cards">{items}</div></section>'


def _settings(context: ReportContext) -> str:
    rows = [("govlint 版本", context.version), ("生成时间", context.generated), *context.settings]
    items = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in rows)
    if context.rules:
        codes = " ".join(context.rules)
        items += (f"<dt>启用的规则</dt><dd><details><summary>{len(context.rules)}条规则</summary>"
                  f'<p class="mono">{e(codes)}</p></details></dd>')
    if context.plugins:
        items += f"<dt>插件</dt><dd>{e('；'.join(context.plugins))}</dd>"
    return f'<section id="settings"><h2>检查设置</h2><dl class="settings">{items}</dl></section>'


def _chart(codes: list[CodeCount], registry: "RuleRegistry") -> str:
    """Findings per rule as horizontal bars (inline SVG; click a bar to filter by its rule)."""
    if not codes:
        return '<section id="chart"><h2>各规则诊断数</h2><p class="empty">没有诊断。</p></section>'
    top = max(c.count for c in codes)
    span = CHART_WIDTH - LABEL_WIDTH - COUNT_WIDTH
    step = BAR_HEIGHT + BAR_GAP
    height = len(codes) * step + BAR_GAP
    bars = []
    for index, entry in enumerate(codes):
        rule = registry.get(entry.code)
        name = rule.name if rule else ""
        summary = rule.summary if rule else ""
        y = BAR_GAP + index * step
        width = max(2.0, span * entry.count / top)
        label = f"{entry.code} {name}"
        if len(label) > 40:
            label = label[:39] + "…"
        tooltip = (f"{entry.code} {name}：{summary}（{SEVERITY_LABELS[entry.severity.value]}，"
                   f"{entry.count}条，涉及{entry.files}个文件；点击按此规则筛选）")
        bars.append(
            f'<g class="bar" data-code="{e(entry.code)}" data-count="{entry.count}" tabindex="0" role="button">'
            f"<title>{e(tooltip)}</title>"
            f'<rect class="back" x="0" y="{y - BAR_GAP / 2:g}" width="{CHART_WIDTH}" height="{step}"/>'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 4}" text-anchor="end">{e(label)}</text>'
            f'<rect class="fill sev-fill-{entry.severity.value}" x="{LABEL_WIDTH}" y="{y}" '
            f'width="{width:.1f}" height="{BAR_HEIGHT}"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + BAR_HEIGHT - 4}">{entry.count}</text></g>'
        )
    legend = "".join(f'<span class="{s.value}"><i></i>{SEVERITY_LABELS[s.value]}</span>' for s in SEVERITY_ORDER)
    return (
        '<section id="chart"><h2>各规则诊断数</h2>'
        f'<p class="legend">{legend}<span>点击条形可按规则筛选诊断</span></p>'
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'role="img" aria-label="各规则诊断数">{"".join(bars)}</svg></section>'
    )


#: The file table's columns: (label, sort type, css class of cells).
FILE_COLUMNS = (
    ("文件", "text"), ("发文机关", "text"), ("年度", "number"), ("格式", "text"), ("错误", "number"),
    ("警告", "number"), ("提示", "number"), ("状态", "text"), ("主要问题", "text"),
)


def _file_row(index: int, summary: FileSummary) -> str:
    status_class, status_label = status_of(summary)
    top = "、".join(f"{code}×{count}" for code, count in summary.top_codes)
    link = f'<a href="#file-{index}">{e(summary.path)}</a>' if summary.findings or summary.unreadable else e(summary.path)
    status_title = f' title="{e(summary.error)}"' if summary.error else ""
    errors_class = "num errors-pos" if summary.errors else "num"
    cells = [
        f'<td class="path" data-value="{e(summary.path)}">{link}</td>',
        f"<td>{e(summary.issuer)}</td>",
        f'<td class="num" data-value="{summary.year or 0}">{e(summary.year)}</td>',
        f"<td>{e(template_text(summary.template))}</td>",
        f'<td class="{errors_class}">{summary.errors}</td>',
        f'<td class="num">{summary.warnings}</td>',
        f'<td class="num">{summary.infos}</td>',
        f'<td class="status status-{status_class}"{status_title}>{e(status_label)}</td>',
        f'<td class="mono" data-value="{e(top)}">{e(top)}</td>',
    ]
    return f'<tr data-index="{index}" data-file="{e(summary.path)}" data-status="{status_class}">{"".join(cells)}</tr>'


def _file_table(summary: RunSummary) -> str:
    head = "".join(f'<th data-type="{kind}" scope="col"><button type="button">{e(label)}</button></th>'
                   for label, kind in FILE_COLUMNS)
    rows = "".join(_file_row(index, f) for index, f in enumerate(summary.files))
    return (
        '<section id="files"><h2>各文件情况</h2><p class="meta">点击列标题排序（数字列先按从多到少）。</p>'
        f'<table class="files" id="file-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>'
    )


def _finding(result: "FileResult", d: Diagnostic) -> str:
    severity = d.severity.value
    place = getattr(result, "places", {}).get((d.line, d.column))
    return (
        f'<li class="finding" data-code="{e(d.code)}" data-severity="{e(severity)}">'
        f'<div class="head"><span class="sev sev-{e(severity)}">{e(SEVERITY_LABELS[severity])}</span>'
        f'<code>{e(d.code)}</code><span class="rule-name">{e(d.name)}</span>'
        f'<span class="pos" data-line="{d.line}" data-column="{d.column}">{e(position_text(result.scheme, d, place))}</span></div>'
        f'<p class="msg">{e(d.message)}</p>{snippet_html(result, d)}</li>'
    )


def _file_findings(index: int, result: "FileResult", summary: FileSummary) -> str:
    facts = [f for f in (summary.issuer, f"{summary.year}年度" if summary.year else None,
                         template_text(summary.template) if summary.template else None) if f]
    head = f"<h3>{e(result.path)}</h3>" + (f"<p>{e(' · '.join(facts))}</p>" if facts else "")
    error = f'<p class="read-error">无法读取：{e(result.error)}</p>' if result.error else ""
    items = "".join(_finding(result, d) for d in sorted(result.diagnostics, key=lambda d: d.sort_key))
    findings = f'<ol class="findings">{items}</ol>' if items else ""
    return (f'<article class="file" id="file-{index}" data-file="{e(result.path)}">'
            f'<div class="file-head">{head}</div>{error}{findings}</article>')


def _filters(summary: RunSummary, registry: "RuleRegistry") -> str:
    codes = "".join(
        f'<option value="{e(c.code)}">{e(c.code)} {e(registry.get(c.code).name if registry.get(c.code) else "")}'
        f"（{c.count}）</option>" for c in sorted(summary.codes, key=lambda c: c.code)
    )
    severities = "".join(f'<option value="{s.value}">{SEVERITY_LABELS[s.value]}</option>' for s in SEVERITY_ORDER)
    names = "".join(f'<option value="{e(f.path)}"></option>' for f in summary.files if f.findings or f.unreadable)
    return (
        '<div class="filters" role="search">'
        f'<label>规则 <select id="filter-code"><option value="">全部规则</option>{codes}</select></label>'
        f'<label>严重程度 <select id="filter-severity"><option value="">全部</option>{severities}</select></label>'
        '<label>文件 <input id="filter-file" type="search" list="file-names" placeholder="文件名包含…"></label>'
        f'<datalist id="file-names">{names}</datalist>'
        '<button type="button" id="filter-reset">清除筛选</button>'
        f'<span id="filter-count" data-total="{summary.findings}" data-template="显示 {{shown}} / {{total}} 条诊断">'
        f"显示 {summary.findings} / {summary.findings} 条诊断</span></div>"
    )


def _findings(result: "RunResult", summary: RunSummary) -> str:
    shown = [(index, f, s) for index, (f, s) in enumerate(zip(result.files, summary.files)) if f.diagnostics or f.error]
    body = "".join(_file_findings(index, f, s) for index, f, s in shown)
    if not body:
        body = '<p class="empty">所有文件均未发现问题。</p>'
    return f'<section id="findings"><h2>诊断详情</h2>{_filters(summary, result.registry)}{body}</section>'


# --------------------------------------------------------------------------- page

NAV = ('<nav class="toc"><a href="#overview">概况</a><a href="#chart">各规则诊断数</a>'
       '<a href="#files">各文件情况</a><a href="#findings">诊断详情</a><a href="#settings">检查设置</a></nav>')

def render_html(result: "RunResult", context: ReportContext) -> str:
    """The whole page for ``result``."""
    summary = summarize(result)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="govlint {e(context.version)}">\n'
        f"<title>{e(TITLE)}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{e(TITLE)}</h1><p class="meta">由 govlint {e(context.version)} 生成于 {e(context.generated)}，'
        f"共检查 {summary.checked} 个文件。</p></header>\n"
        f"{NAV}\n{_overview(summary)}\n{_chart(summary.codes, result.registry)}\n"
        f"{_file_table(summary)}\n{_findings(result, summary)}\n{_settings(context)}\n"
        "<footer>本页面为离线静态文件，不联网、不加载任何外部资源，可直接用浏览器打开或转发。</footer>\n"
        f"<script>{JS}</script>\n</body>\n</html>\n"
    )
