"""The HTML audit report in a real headless Chromium: loads cleanly, shows, sorts and filters.

Optional: skipped with a reason when no Chromium is installed (CI installs nothing
system-wide). To run it locally (Debian/Ubuntu)::

    sudo apt-get install chromium fonts-noto-cjk     # the fonts make the screenshot legible
    python -m pytest tests/test_report_browser.py -v

``GOVLINT_BROWSER=/path/to/chrome`` picks another Chromium-based browser, and
``GOVLINT_SCREENSHOT_DIR=DIR`` keeps the screenshots (``report-page.png``, ``report-chart.png``,
``report-table.png``) for a look by eye.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from browserkit import Browser, find_browser
from corpuskit import write_corpus

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (apt-get install chromium, "
                                                        "or set GOVLINT_BROWSER)")

#: The severity colours of the page's style sheet (chart bars), as RGB.
ERROR_RGB, WARNING_RGB = (0xC6, 0x28, 0x28), (0xB2, 0x6A, 0x00)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):
    """The report page of the synthetic corpus, open in Chromium."""
    root = tmp_path_factory.mktemp("browser")
    write_corpus(root / "reports")
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DEBUG"}
    proc = subprocess.run([sys.executable, "-m", "govlint", "report", "--isolated", "reports", "-o", "report.html"],
                          cwd=root, capture_output=True, env=env, timeout=120)
    assert proc.returncode == 2, proc.stderr.decode()  # the corpus has an unreadable file
    browser = Browser(BROWSER, width=1280, height=900)
    try:
        browser.open(root / "report.html")
        yield browser
    finally:
        browser.close()


def keep(name: str, png: bytes) -> None:
    """Save a screenshot where ``GOVLINT_SCREENSHOT_DIR`` says (to look at it)."""
    directory = os.environ.get("GOVLINT_SCREENSHOT_DIR")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        (Path(directory) / name).write_bytes(png)


def rect(browser: Browser, selector: str) -> dict[str, float]:
    """The page-coordinate box of the first element matching ``selector``."""
    return browser.evaluate(
        f"(function () {{ var r = document.querySelector({selector!r}).getBoundingClientRect();"
        " return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; }())"
    )


def colour_share(png: bytes, rgb: tuple[int, int, int]) -> float:
    """The share of pixels of a PNG close to ``rgb``."""
    image_module = pytest.importorskip("PIL.Image", reason="Pillow not installed")
    image = image_module.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(image.width * image.height)  # [(count, (r, g, b))]
    close = sum(count for count, pixel in colours if all(abs(a - b) <= 12 for a, b in zip(pixel, rgb)))
    return close / (image.width * image.height)


def test_page_loads_without_console_errors_or_requests(loaded: Browser) -> None:
    assert loaded.evaluate("document.readyState") == "complete"
    assert loaded.problems() == []
    assert [url for url in loaded.requests() if not url.startswith("file:")] == []
    assert loaded.evaluate("document.title") == "政府信息公开工作年度报告审查结果"


def test_screenshots_show_the_table_and_the_chart(loaded: Browser) -> None:
    keep("report-page.png", loaded.screenshot(full_page=True))
    chart_box = rect(loaded, "svg.chart")
    table_box = rect(loaded, "#file-table")
    assert chart_box["width"] > 400 and chart_box["height"] > 50
    assert table_box["width"] > 400 and table_box["height"] > 100
    chart = loaded.screenshot(clip=chart_box)
    table = loaded.screenshot(clip=table_box)
    keep("report-chart.png", chart)
    keep("report-table.png", table)
    assert colour_share(chart, ERROR_RGB) > 0.01, "no error bar drawn"
    assert colour_share(chart, WARNING_RGB) > 0.005, "no warning bar drawn"
    assert loaded.evaluate("document.querySelectorAll('#file-table tbody tr').length") == 4
    assert loaded.evaluate("getComputedStyle(document.querySelector('svg.chart .bar rect.fill')).fill") != "none"


def test_sorting_by_errors_puts_the_worst_file_first(loaded: Browser) -> None:
    loaded.evaluate("document.querySelectorAll('#file-table th button')[4].click()")
    first = loaded.evaluate("document.querySelector('#file-table tbody tr').getAttribute('data-file')")
    assert first.endswith("b-defective.txt")
    assert loaded.evaluate("document.querySelectorAll('#file-table th')[4].getAttribute('aria-sort')") == "descending"
    loaded.evaluate("document.querySelectorAll('#file-table th button')[4].click()")
    last = loaded.evaluate("Array.from(document.querySelectorAll('#file-table tbody tr')).pop().getAttribute('data-file')")
    assert last.endswith("b-defective.txt")
    loaded.evaluate("document.querySelectorAll('#file-table th button')[0].click()")  # back to name order
    names = loaded.evaluate("Array.from(document.querySelectorAll('#file-table tbody tr')).map(r => r.dataset.file)")
    ordered = loaded.evaluate(f"{names!r}.slice().sort((a, b) => a.localeCompare(b, 'zh-CN'))")
    assert names == ordered and len(names) == 4
    assert loaded.evaluate("document.querySelectorAll('#file-table th')[0].getAttribute('aria-sort')") == "ascending"
    assert loaded.problems() == []


def visible_codes(browser: Browser) -> list[str]:
    return browser.evaluate("Array.from(document.querySelectorAll('li.finding'))"
                            ".filter(li => li.offsetParent !== null).map(li => li.dataset.code).sort()")


def test_filters_by_code_severity_and_file(loaded: Browser) -> None:
    set_value = ("(function (id, value) {{ var e = document.getElementById(id); e.value = value;"
                 " e.dispatchEvent(new Event('input')); }})({!r}, {!r})")
    assert visible_codes(loaded) == ["GOV001", "GOV301", "GOV303", "GOV501"]
    loaded.evaluate(set_value.format("filter-code", "GOV303"))
    assert visible_codes(loaded) == ["GOV303"]
    assert loaded.evaluate("document.getElementById('filter-count').textContent") == "显示 1 / 4 条诊断"
    loaded.evaluate(set_value.format("filter-code", ""))
    loaded.evaluate(set_value.format("filter-severity", "warning"))
    assert visible_codes(loaded) == ["GOV501"]
    loaded.evaluate(set_value.format("filter-severity", ""))
    loaded.evaluate(set_value.format("filter-file", "UNREADABLE"))  # case-insensitive substring
    assert visible_codes(loaded) == ["GOV001"]
    assert loaded.evaluate("document.querySelectorAll('#file-table tbody tr:not(.hidden)').length") == 1
    loaded.evaluate("document.getElementById('filter-reset').click()")
    assert visible_codes(loaded) == ["GOV001", "GOV301", "GOV303", "GOV501"]
    loaded.evaluate("document.querySelector('svg.chart .bar[data-code=\"GOV501\"]').dispatchEvent("
                    "new MouseEvent('click', {bubbles: true}))")
    assert visible_codes(loaded) == ["GOV501"]
    assert loaded.evaluate("document.getElementById('filter-code').value") == "GOV501"
    loaded.evaluate("document.getElementById('filter-reset').click()")
    assert loaded.problems() == []
