"""The fuzzing budgets: one Hypothesis profile per run length, chosen by ``HYPOTHESIS_PROFILE``.

- ``fuzz`` (the default): derandomized, so that every CI run tries the same examples; no
  example database; a small number of examples per test, the whole folder in well under 40 s.
- ``long``: random (each run tries new examples; a failure prints the blob to reproduce it),
  :data:`LONG_SCALE` times the examples. Run it with
  ``HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/fuzz -p no:cacheprovider``.

The profile is not loaded globally (other folders' Hypothesis tests keep their own settings):
each fuzz test takes its settings from :func:`budget`.

Example:
    >>> budget(10).max_examples >= 10
    True
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

#: How many more examples the long profile runs than the default one.
LONG_SCALE = 40

_COMMON = {
    "deadline": None,  # a 2-core CI machine shared with other jobs times nothing reliably
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
    "print_blob": True,
}
settings.register_profile("fuzz", derandomize=True, database=None, **_COMMON)
settings.register_profile("long", derandomize=False, database=None, **_COMMON)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "fuzz")
if PROFILE not in ("fuzz", "long"):
    PROFILE = "fuzz"


def budget(examples: int) -> settings:
    """Settings for one fuzz test: ``examples`` in the default run, more in the long one."""
    scale = LONG_SCALE if PROFILE == "long" else 1
    return settings(settings.get_profile(PROFILE), max_examples=examples * scale)


__all__ = ["LONG_SCALE", "PROFILE", "budget"]
