"""The HTML audit report's style sheet and script, inlined into the page.

The page must work from a USB stick with no network: no external font, style sheet,
script or image; the Content-Security-Policy in the page forbids loading any. The script
reads everything from the page itself (``data-*`` attributes), so no report text is ever
placed inside the script, where escaping rules differ.
"""

from __future__ import annotations

#: The page's Content-Security-Policy: only the inline style and script, nothing fetched.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

CSS = """
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --ok: #2e7d32; --line: #d9dde3;
  --muted: #5f6b7a; --bg-soft: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; padding: 0 24px 48px; color: #1f2933; background: #fff; line-height: 1.55;
  font: 15px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
header { padding: 20px 0 8px; border-bottom: 2px solid var(--line); margin-bottom: 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 0; word-break: break-all; }
code, .mono { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; }
.meta { color: var(--muted); margin: 0; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 18px; margin-bottom: 4px; }
nav.toc a, article a, td a { color: var(--info); text-decoration: none; }
nav.toc a:hover, td a:hover { text-decoration: underline; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; background: var(--bg-soft); }
.card b { display: block; font-size: 22px; }
.card.error b { color: var(--error); } .card.warning b { color: var(--warning); }
.card.info b { color: var(--info); } .card.ok b { color: var(--ok); }
dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.settings dt { color: var(--muted); }
dl.settings dd { margin: 0; word-break: break-all; }
details summary { cursor: pointer; color: var(--info); }
svg.chart { width: 100%; max-width: 960px; height: auto; display: block; }
svg.chart text { font-size: 13px; fill: #1f2933; }
svg.chart .bar { cursor: pointer; }
svg.chart .bar:hover rect.fill, svg.chart .bar:focus rect.fill { opacity: .75; }
svg.chart .bar.active rect.back { fill: #fff3c4; }
svg.chart rect.back { fill: transparent; }
.sev-fill-error { fill: var(--error); } .sev-fill-warning { fill: var(--warning); } .sev-fill-info { fill: var(--info); }
.legend span { margin-right: 14px; color: var(--muted); }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.legend .error i { background: var(--error); } .legend .warning i { background: var(--warning); }
.legend .info i { background: var(--info); }
table.files { border-collapse: collapse; width: 100%; font-size: 14px; }
table.files th, table.files td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.files td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.files th { background: var(--bg-soft); position: sticky; top: 0; white-space: nowrap; }
table.files th button { all: unset; cursor: pointer; display: block; width: 100%; }
table.files th button::after { content: " \\2195"; color: #9aa5b1; }
table.files th[aria-sort="ascending"] button::after { content: " \\2191"; color: #1f2933; }
table.files th[aria-sort="descending"] button::after { content: " \\2193"; color: #1f2933; }
table.files td.path { word-break: break-all; }
td.errors-pos { color: var(--error); font-weight: bold; }
.status { white-space: nowrap; }
.status-unreadable { color: var(--error); font-weight: bold; }
.status-error { color: var(--error); } .status-warning { color: var(--warning); }
.status-info { color: var(--info); } .status-clean { color: var(--ok); }
.filters { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; padding: 10px 12px;
  background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; position: sticky; top: 0; z-index: 2; }
.filters select, .filters input { font: inherit; padding: 2px 4px; }
.filters input { width: 18em; }
#filter-count { color: var(--muted); }
article.file { border: 1px solid var(--line); border-radius: 6px; margin: 14px 0; }
article.file > .file-head { padding: 8px 12px; background: var(--bg-soft); border-bottom: 1px solid var(--line); }
article.file > .file-head p { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
article.file .read-error { margin: 8px 12px; color: var(--error); }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { padding: 8px 12px; border-top: 1px solid var(--line); }
li.finding:first-child { border-top: 0; }
.finding .head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.finding .msg { margin: 4px 0; }
.finding .pos { color: var(--muted); font-size: 13px; }
.finding .rule-name { color: var(--muted); font-size: 13px; }
.sev { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
.sev-error { background: var(--error); } .sev-warning { background: var(--warning); } .sev-info { background: var(--info); }
pre.src { margin: 4px 0 0; padding: 6px 8px; background: #fafbfc; border: 1px solid var(--line); border-radius: 4px;
  white-space: pre-wrap; word-break: break-all; tab-size: 4; font-size: 13px; }
pre.src .gutter { color: #9aa5b1; user-select: none; margin-right: 8px; }
pre.src mark { background: #ffe08a; }
.hidden { display: none !important; }
.empty { color: var(--muted); }
footer { margin-top: 32px; color: var(--muted); font-size: 13px; }
@media print { .filters, .legend { display: none; } article.file { break-inside: avoid; } }
"""

JS = """
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? (cell.getAttribute("data-value") || cell.textContent) : "";
  }

  function sortTable(table, index, numeric, direction) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = direction === "ascending" ? 1 : -1;
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index), order;
      if (numeric) {
        order = (parseFloat(x) || 0) - (parseFloat(y) || 0);
      } else {
        order = x.localeCompare(y, "zh-CN");
      }
      if (order === 0) {
        order = Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
        return order;
      }
      return order * sign;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function setupSorting() {
    var table = document.getElementById("file-table");
    if (!table) { return; }
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-type") === "number";
        var current = th.getAttribute("aria-sort");
        var next = current === (numeric ? "descending" : "ascending")
          ? (numeric ? "ascending" : "descending")
          : (numeric ? "descending" : "ascending");
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", next);
        sortTable(table, index, numeric, next);
      });
    });
  }

  function applyFilters() {
    var code = document.getElementById("filter-code").value;
    var severity = document.getElementById("filter-severity").value;
    var file = document.getElementById("filter-file").value.trim().toLowerCase();
    var shown = 0;
    var articles = document.querySelectorAll("article.file");
    Array.prototype.forEach.call(articles, function (article) {
      var path = (article.getAttribute("data-file") || "").toLowerCase();
      var fileMatch = !file || path.indexOf(file) !== -1;
      var visible = 0;
      var items = article.querySelectorAll("li.finding");
      Array.prototype.forEach.call(items, function (item) {
        var ok = fileMatch
          && (!code || item.getAttribute("data-code") === code)
          && (!severity || item.getAttribute("data-severity") === severity);
        item.classList.toggle("hidden", !ok);
        if (ok) { visible += 1; }
      });
      var unfiltered = !code && !severity;
      var keep = visible > 0 || (fileMatch && unfiltered && items.length === 0);
      article.classList.toggle("hidden", !keep);
      shown += visible;
    });
    var rows = document.querySelectorAll("#file-table tbody tr");
    Array.prototype.forEach.call(rows, function (row) {
      var path = (row.getAttribute("data-file") || "").toLowerCase();
      row.classList.toggle("hidden", !!file && path.indexOf(file) === -1);
    });
    var bars = document.querySelectorAll("svg.chart .bar");
    Array.prototype.forEach.call(bars, function (bar) {
      bar.classList.toggle("active", !!code && bar.getAttribute("data-code") === code);
    });
    var counter = document.getElementById("filter-count");
    counter.textContent = counter.getAttribute("data-template")
      .replace("{shown}", String(shown)).replace("{total}", counter.getAttribute("data-total"));
  }

  function setupFilters() {
    var ids = ["filter-code", "filter-severity", "filter-file"];
    ids.forEach(function (id) {
      var element = document.getElementById(id);
      element.addEventListener("input", applyFilters);
      element.addEventListener("change", applyFilters);
    });
    document.getElementById("filter-reset").addEventListener("click", function () {
      ids.forEach(function (id) { document.getElementById(id).value = ""; });
      applyFilters();
    });
    var bars = document.querySelectorAll("svg.chart .bar");
    Array.prototype.forEach.call(bars, function (bar) {
      function choose() {
        var select = document.getElementById("filter-code");
        var code = bar.getAttribute("data-code");
        select.value = select.value === code ? "" : code;
        applyFilters();
      }
      bar.addEventListener("click", choose);
      bar.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); }
      });
    });
    applyFilters();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupSorting();
    setupFilters();
  });
}());
"""
