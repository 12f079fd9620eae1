"""The prose facts on the real reports (../shared/EXPECTED.md): contact labels as written,
title forms, fee statements and prose-against-table claims.

The reports are read from ../shared (beside the checkout in CI) and never copied into the
project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.host import Host
from govlint.runner import Input, check_input
from govlint.settings import SettingsResolver

SHARED = Path(__file__).resolve().parents[2] / "shared"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real reports) is not beside the checkout")


def diagnostics(relative: str, select: tuple[str, ...]):
    """Diagnostics of the selected rules on one real report, read with its own reader."""
    from govlint.settings import CliOverrides

    path = SHARED / relative
    host = Host()
    resolver = SettingsResolver(host.registry, CliOverrides(select=select), isolated=True)
    return check_input(host, resolver, Input(str(path), path, path.read_bytes())).diagnostics


def test_corpus_101_combined_phone_fax_label_is_a_phone():
    assert diagnostics("corpus/101_2021_fujian_pingtan_page.html", ("GOV501", "GOV502", "GOV503")) == []


def test_corpus_117_full_width_at_sign_quotes_only_the_address():
    found = diagnostics("corpus/117_2017_fujian_pingtan_legacy.txt", ("GOV5",))
    assert [d.code for d in found] == ["GOV505"]
    assert "「pzxxgkb＠163.com」" in found[0].message and "概述" not in found[0].message


def test_corpus_123_year_first_title_fee_statement_and_combined_prose_figure():
    found = diagnostics("corpus/123_2025_shanghai_shi_bangongting.md", ("GOV207", "GOV208", "GOV6", "GOV501"))
    assert [d.code for d in found] == ["GOV501"]


def test_seed_004_fee_statement_and_on_time_completions():
    assert diagnostics("seeds/004_2b6e7661ff84f527.txt", ("GOV208", "GOV6")) == []


def test_seed_001_new_applications_still_reported():
    found = diagnostics("seeds/001_60c3416880e5604d.txt", ("GOV6",))
    assert len(found) == 1 and "16" in found[0].message and "为4" in found[0].message
