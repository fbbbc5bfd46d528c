"""The names of the truth-discovery methods a user can choose, and the default.

Kept apart from :mod:`kg.analysis.trust` (which maps each name to its implementation) so that
the command line and the settings can show them without importing numpy, scipy and the whole
analysis: ``kg --help`` stays fast. A test checks that the two lists agree.
"""

from __future__ import annotations

METHOD_NAMES: tuple[str, ...] = (
    "voting",
    "independent-voting",
    "sums",
    "average-log",
    "investment",
    "pooled-investment",
    "truthfinder",
    "accucopy",
    "accucopy-groups",
    "accupr",
    "accupr-groups",
    "independent-accuracy",
)

#: The product's default; see :mod:`kg.analysis.truth` for why.
DEFAULT_METHOD = "independent-accuracy"

__all__ = ["DEFAULT_METHOD", "METHOD_NAMES"]
