"""How a timeout a person gives (a setting, a variable, a flag) is read: seconds, as a number
or its text. A negative number, NaN or a word is an error that names the setting, wherever the
timeout is given; what 0 and infinity mean is the setting's own (no deadline, or refused).

Example:
    >>> check_timeout("2.5", "KG_QUERY_TIMEOUT")
    2.5
    >>> check_timeout(-1.0, "--store-timeout")
    Traceback (most recent call last):
    ...
    ValueError: --store-timeout is -1: a timeout is 0 seconds or more
"""

from __future__ import annotations

import math

__all__ = ["check_timeout"]


def check_timeout(raw: object, name: str, *, least: str = "0 seconds or more") -> float:
    """``raw`` as seconds: a number, or text that reads as one (``inf`` included).

    Args:
        raw: the value as given: a number, or the text of a variable or a flag.
        name: what the person set, as they would write it (``KG_STORE_TIMEOUT``,
            ``--store-timeout or KG_STORE_TIMEOUT``), for the message.
        least: what the setting takes, for the message (``0 (no deadline) or more``).

    Raises:
        ValueError: ``raw`` is no number, NaN, or negative; the message names ``name``.
    """
    shown = raw.strip() if isinstance(raw, str) else f"{raw:g}" if isinstance(raw, float) \
        else str(raw)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise ValueError(f"{name} is {shown!r}: not a number of seconds")
    try:
        seconds = float(raw)
    except ValueError:
        raise ValueError(f"{name} is {shown!r}: not a number of seconds") from None
    if math.isnan(seconds):
        raise ValueError(f"{name} is {shown}: not a number of seconds")
    if seconds < 0:
        raise ValueError(f"{name} is {shown}: a timeout is {least}")
    return seconds
