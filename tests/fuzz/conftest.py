"""Hypothesis profiles for the fuzz suite, and the import path of the test helpers.

* ``default`` (CI): a few examples per strategy, so the whole ``tests/fuzz`` run stays
  under a minute;
* ``long``: 11,000 inputs over all strategies (2,200 per test)
  (``python -m pytest tests/fuzz --hypothesis-profile=long``; takes a while).

Both run without a deadline (the per-input time bound is asserted by the tests themselves,
per input, on the whole CLI run) and without the example database (no state between runs).
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent.parent
if str(TESTS) not in sys.path:  # formatkit, reportkit (when tests/fuzz is run on its own)
    sys.path.insert(0, str(TESTS))

_COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
}
settings.register_profile("default", max_examples=40, derandomize=True, **_COMMON)
#: Five fuzz tests × 2,200 = 11,000 inputs.
settings.register_profile("long", max_examples=2200, **_COMMON)
settings.load_profile("default")
