"""The date forms an analysis as of a date reads: a cut-off in another script's digits or with
a trailing newline is refused (it was read as 2024 and echoed in every reason as given), and
a data date with a five-digit year is unreadable, not the year 1000."""

from __future__ import annotations

import datetime

import pytest

from kg.analysis.as_of import cutoff, known, last_day

ARABIC_2024, FULLWIDTH_2024 = "\u0662\u0660\u0662\u0664", "\uff12\uff10\uff12\uff14"


@pytest.mark.parametrize("value", [ARABIC_2024, f"{FULLWIDTH_2024}-10", "2024-1\u0660-20",
                                   "2024\n", "2024-10\n"])
def test_a_cutoff_not_in_ascii_digits_or_with_a_newline_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        cutoff(value)


def test_the_extreme_cutoffs_are_real_dates() -> None:
    assert (cutoff("0001-01-01"), cutoff("9999"), cutoff("9999-12-31")) == (
        "0001-01-01", "9999-12-31", "9999-12-31")


def test_a_five_digit_year_in_the_data_is_unreadable_not_the_year_1000() -> None:
    assert last_day("10000-01-01") is None
    # Undated, so left out when undated records are, never counted as said in 1000.
    assert not known("10000-01-01", "2024-10-20", count_undated=False)
    assert last_day(f"{ARABIC_2024}-10-01") is None
    assert last_day("2024-10-20T10:00:00Z") == "2024-10-20"
    assert last_day("2024-10") == "2024-10-31"


@pytest.mark.parametrize("value", [2024, datetime.date(2024, 10, 20)])
def test_a_cutoff_that_is_no_string_is_refused_naming_the_parameter(value: object) -> None:
    """In a notebook, ``analyse(store, as_of=date(2024, 10, 20))`` or ``as_of=2024``: the
    regular expression's TypeError ("expected string or bytes-like object, got 'int'") named
    neither the parameter nor the form it takes."""
    from kg.analysis import analyse
    from kg.store import KnowledgeStore

    with KnowledgeStore() as store, pytest.raises(TypeError) as raised:
        analyse(store, as_of=value)  # type: ignore[arg-type]
    assert str(raised.value) == (
        "as_of must be a string, YYYY-MM-DD, YYYY-MM or YYYY (for a datetime.date, its "
        f".isoformat()), not {type(value).__name__} {value!r}")
