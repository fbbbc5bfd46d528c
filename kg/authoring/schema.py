"""The structure of a case file, as pydantic models.

Only structure is checked here: required fields, unknown fields, types, id syntax, dates.
Values that depend on the vocabulary or on other entries (kinds, stances, references) are
checked by :mod:`kg.authoring.checks`, which can suggest the valid values.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

#: The version a case file names in its ``format:`` field.
FORMAT_VERSION = "cred-kg/1"

_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_KIND_ID = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_NON_BLANK = re.compile(r"\S")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lower-case letters, digits and single '-', "
            "starting with a letter (for example 'lloyd-austin')"
        )
    return value


def _check_kind_id(value: str) -> str:
    if not _KIND_ID.match(value):
        raise ValueError(f"{value!r} is not a valid kind name: use CamelCase, like 'ArmedGroup'")
    return value


def _check_text(value: str) -> str:
    # The shapes require a non-blank string (sh:pattern "\\S", checked with Python's re, as
    # pySHACL does); refusing blank text here names the field and line, where a SHACL
    # violation could only name the node.
    if not _NON_BLANK.search(value):
        raise ValueError("text must not be blank (only white space)")
    return value


def _as_list(value: object) -> object:
    """Let authors write a single id where a list is expected: ``refines: x``."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


Id = Annotated[str, AfterValidator(_check_id)]
KindId = Annotated[str, AfterValidator(_check_kind_id)]
IdList = Annotated[list[Id], BeforeValidator(_as_list)]
Text = Annotated[str, Field(min_length=1), AfterValidator(_check_text)]


class PartialDate(BaseModel):
    """A date to the day, the month or the year, as sources often give only part of it."""

    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``."""
        return "day" if self.day else "month" if self.month else "year"

    def isoformat(self) -> str:
        """``2024-10-24``, ``2024-10`` or ``2024``."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


def _parse_date(value: object) -> object:
    if isinstance(value, PartialDate) or not isinstance(value, str):
        return value
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    year_digits, month_digits, day_digits = match.groups()  # (the year is never left out)
    year = int(year_digits)
    month = int(month_digits) if month_digits else None
    day = int(day_digits) if day_digits else None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return PartialDate(year=year, month=month, day=day)


Date = Annotated[PartialDate, BeforeValidator(_parse_date)]


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dated(_Item):
    date: Date | None = None
    date_text: Text | None = None
    date_basis: Text | None = None


class DocumentSpec(Dated):
    id: Id
    title: Text | None = None
    publisher: Id | None = None
    url: Text | None = None
    note: Text | None = None


class ActorSpec(_Item):
    id: Id
    name: Text
    kind: Text
    role: Text | None = None
    acts_for: Id | None = None
    aliases: list[Text] = []
    note: Text | None = None


class ClaimSpec(_Item):
    id: Id
    text: Text
    kind: Text = "factual"
    refines: IdList = []
    contradicts: IdList = []
    note: Text | None = None


class RelayStep(_Item):
    outlet: Id
    cue: Text | None = None


def _relay_step(value: object) -> object:
    return {"outlet": value} if isinstance(value, str) else value


class StatementSpec(Dated):
    id: Id | None = None
    actor: Id
    claim: Id
    stance: Text
    verb: Text | None = None
    quote: Text | None = None
    reported_as: Text | None = None
    setting: Text | None = None
    relay: list[Annotated[RelayStep, BeforeValidator(_relay_step)]] = []
    note: Text | None = None


class EvidenceSpec(Dated):
    id: Id
    kind: Text
    description: Text
    label: Text | None = None
    produced_by: Id | None = None
    released_by: Id | None = None
    cited_by: IdList = []
    part_of: Id | None = None
    supports: IdList = []
    disputes: IdList = []
    note: Text | None = None


class OverrideSpec(_Item):
    actors: Annotated[list[Id], Field(min_length=2)]
    independent: bool
    reason: Text
    note: Text | None = None


class CommentRequestSpec(Dated):
    by: Id
    to: Id
    channel: Text | None = None
    response_reported: bool | None = None
    note: Text | None = None


class KindExtension(_Item):
    id: KindId
    parent: Text
    label: Text | None = None
    comment: Text | None = None
    reliability_prior: Annotated[float, Field(ge=0, le=1)] | None = None


class SettingExtension(_Item):
    id: Id
    label: Text | None = None
    comment: Text | None = None


class Extensions(_Item):
    actor_kinds: list[KindExtension] = []
    evidence_kinds: list[KindExtension] = []
    settings: list[SettingExtension] = []


class CaseSpec(_Item):
    """A whole case file. See ``docs/authoring.md``."""

    format: Text
    base: Text | None = None
    document: DocumentSpec
    actors: list[ActorSpec] = []
    claims: list[ClaimSpec] = []
    statements: list[StatementSpec] = []
    evidence: list[EvidenceSpec] = []
    independence: list[OverrideSpec] = []
    comment_requests: list[CommentRequestSpec] = []
    extend: Extensions = Extensions()


__all__ = [
    "ActorSpec",
    "CaseSpec",
    "ClaimSpec",
    "CommentRequestSpec",
    "DocumentSpec",
    "EvidenceSpec",
    "Extensions",
    "KindExtension",
    "OverrideSpec",
    "PartialDate",
    "RelayStep",
    "SettingExtension",
    "StatementSpec",
]
