"""Shared test set-up: the result cache is off unless a test turns it on.

``govlint check`` caches results in ``.govlint_cache`` of the current directory; tests
that monkeypatch the parser or a rule, or run the command line many times in one
directory, must see a fresh check every time. ``tests/test_cache.py`` removes the
variable to test the cache itself.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch):
    monkeypatch.setenv("GOVLINT_NO_CACHE", "1")
