"""The corroboration statuses a claim can have, in the order they are shown.

Kept apart from :mod:`kg.analysis.corroboration` (which decides them, and says what each
means) so that the command line can list them in its help without importing numpy and the
whole analysis, as :mod:`kg.methods` does for the truth-discovery methods.
"""

from __future__ import annotations

from typing import Literal

Status = Literal["corroborated", "partly-corroborated", "single-source", "unsupported"]

#: Every status, strongest first: the order of tables and of ``--status`` in help texts.
STATUSES: tuple[Status, ...] = (
    "corroborated",
    "partly-corroborated",
    "single-source",
    "unsupported",
)

__all__ = ["STATUSES", "Status"]
