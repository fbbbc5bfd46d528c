"""A remote store's timeout in Python (``open_store(timeout=...)``) and in ``KG_STORE_TIMEOUT``
is read as the service's settings read it: a negative number or NaN is an error naming it,
never "no deadline" (docs/settings.md). No server is needed: the check comes first."""

from __future__ import annotations

import math

import pytest

from kg.backends import default_timeout, open_store
from kg.errors import StoreError

_NOWHERE = "http://127.0.0.1:9/query"


@pytest.mark.parametrize("timeout", [-1.0, -0.5, -math.inf, math.nan])
def test_open_store_refuses_a_negative_or_nan_timeout(timeout: float) -> None:
    with pytest.raises(StoreError, match=r"^timeout is .*(0 \(no deadline\) or more|not a "
                                         r"number)"):
        open_store(_NOWHERE, timeout=timeout)


@pytest.mark.parametrize("raw", ["-1", "nan", "soon"])
def test_the_variable_refuses_what_the_flag_refuses(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_STORE_TIMEOUT", raw)
    with pytest.raises(StoreError, match=r"^KG_STORE_TIMEOUT is "):
        default_timeout()


@pytest.mark.parametrize(("raw", "seconds"), [("0", None), ("inf", None), (" 2.5 ", 2.5)])
def test_zero_and_infinity_mean_no_deadline(
    raw: str, seconds: float | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_STORE_TIMEOUT", raw)
    assert default_timeout() == seconds
