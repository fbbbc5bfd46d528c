"""Numbers in a claim's words, so that claims compare by quantity: "3,000", "three thousand"
and "3000" are one number, "48 hours" is "2" days, and "thousands of troops" is a rough
number that "3,000 troops" falls in (used by :mod:`kg.extract.similarity`)."""

from __future__ import annotations

import re

_UNITS = {w: n for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_TENS = {w: 10 * n for n, w in enumerate((
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}


def read_number(tokens: list[str], start: int) -> tuple[str, int] | None:
    """The number written at ``tokens[start]`` in digits or words, and how many tokens it
    takes; None when no number starts there."""
    total, current, i = 0.0, 0.0, start
    while i < len(tokens):
        token = tokens[i].lower()
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            if i > start:
                break
            current = float(token)
        elif token in _UNITS and (current % 100 == 0 or (current % 10 == 0 and current > 10)):
            current += _UNITS[token]
        elif token in _TENS and current % 100 == 0:
            current += _TENS[token]
        elif token == "and" and i > start and tokens[i - 1].lower() in _SCALES \
                and i + 1 < len(tokens) and tokens[i + 1].lower() in _UNITS.keys() | _TENS.keys():
            pass  # "four hundred and twenty"
        elif token in _SCALES and i > start:
            scale = _SCALES[token]
            if scale == 100:
                current *= 100
            else:
                total, current = total + current * scale, 0.0
        else:
            break
        i += 1
    if i == start:
        return None
    value = total + current
    return (str(int(value)) if value == int(value) else str(value)), i - start


#: plural scale words that give a number only roughly ("thousands of troops"): the lowest and
#: highest number each stands for, and its unit ("hundreds of thousands": 200-999 thousands)
_VAGUE = {"dozens": (24, 199, 12), "hundreds": (200, 999, 100),
          "thousands": (2000, 999_999, 1000), "millions": (2 * 10**6, 999_999_999, 10**6),
          "billions": (2 * 10**9, 999 * 10**9, 10**9)}
#: units of time a number of days is also written in ("48 hours" is "two days")
_DAYS_PER = {"hour": 1 / 24, "hours": 1 / 24, "week": 7, "weeks": 7, "fortnight": 14,
             "fortnights": 14}


def in_days(number: str, unit: list[str]) -> str:
    """``number`` in days when ``unit`` (the word after it) is hours or weeks and the days are
    whole ("48 hours" -> "2", "two weeks" -> "14"); else ``number`` itself."""
    per = _DAYS_PER.get(unit[0].lower()) if unit else None
    if per is None:
        return number
    days = float(number) * per
    return str(int(days)) if days == int(days) and days >= 1 else number


def rough_number(tokens: list[str], start: int) -> tuple[str, int] | None:
    """A rough number at ``tokens[start]`` ("thousands", "hundreds of thousands") as a token
    "LOW~HIGH", and how many tokens it takes; None when none starts there."""
    word = tokens[start].lower()
    if word not in _VAGUE:
        return None
    low, high, _ = _VAGUE[word]
    i = start + 1
    while i + 1 < len(tokens) and tokens[i].lower() == "of" and tokens[i + 1].lower() in _VAGUE:
        unit = _VAGUE[tokens[i + 1].lower()][2]  # "hundreds of thousands"
        low, high, i = low * unit, high * unit, i + 2
    return f"{low}~{high}", i - start


def _in_range(vague: str, number: str) -> bool:
    low, high = vague.split("~")
    return "~" not in number and float(low) <= float(number) <= float(high)


def align_rough(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """``a`` with each rough number ("2000~999999") that a number of ``b`` falls in ("3000")
    replaced by that number: "thousands of troops" and "3,000 troops" give one number."""
    swaps = {w: n for w in a if "~" in w for n in sorted(b) if n[:1].isdigit() and
             _in_range(w, n)}
    return frozenset(swaps.get(w, w) for w in a)


__all__ = ["align_rough", "in_days", "read_number", "rough_number"]
