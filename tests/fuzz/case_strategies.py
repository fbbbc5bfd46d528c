"""Hypothesis strategies for case files (``docs/authoring.md``), built from the schema.

:func:`valid_cases` draws a case that the compiler must accept: every field of
:mod:`kg.authoring.schema` may appear, kinds and settings come from the vocabulary (and the
case's own ``extend:``), references point at entries of the same case, and affiliation and
refinement only point backwards, so that they have no cycle. Texts are any Unicode (control
characters, non-BMP characters, right-to-left marks) with at least one non-space character.

:func:`mutated_cases` breaks a valid case in one of the ways an author does: a field dropped,
a value of the wrong type, an unknown field, a reference to nothing, a duplicate entry.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import yaml
from hypothesis import strategies as st

from kg.authoring.kinds import CLAIM_KINDS, STANCES, vocabulary

_VOCAB = vocabulary()

ids = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3}){0,2}", fullmatch=True)
# Any Unicode scalar value (no lone surrogates, which UTF-8 cannot hold); not blank.
texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=24).filter(
    lambda s: not s.isspace()
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}"),
    st.integers(1, 9999).map(lambda y: f"{y:04d}"),
)
BASES = ("https://example.org/case/", "http://e.org/x#", "urn:cred-test:")


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _put(entry: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != []:
        entry[key] = value


@st.composite
def _dated(draw: st.DrawFn, entry: dict[str, Any]) -> dict[str, Any]:
    _put(entry, "date", draw(_maybe(dates)))
    _put(entry, "date_text", draw(_maybe(texts)))
    _put(entry, "date_basis", draw(_maybe(texts)))
    return entry


@st.composite
def valid_cases(draw: st.DrawFn, *, extend_vocabulary: bool = True) -> dict[str, Any]:
    """A case file, as the dict its YAML holds, that compiles and conforms to the shapes.

    With ``extend_vocabulary=False`` it uses only the vocabulary's kinds and settings (what the
    API's JSON writes accept: they have no ``extend:``).
    """
    actor_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    claim_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    evidence_ids = draw(st.lists(ids, max_size=3, unique=True))

    extend: dict[str, Any] = {}
    actor_kinds = list(_VOCAB.actor_kinds)
    evidence_kinds = list(_VOCAB.evidence_kinds)
    settings = list(_VOCAB.settings)
    if extend_vocabulary and draw(st.booleans()):
        kind = {"id": "Militia", "parent": draw(st.sampled_from(list(_VOCAB.actor_kinds)))}
        _put(kind, "label", draw(_maybe(texts)))
        extend["actor_kinds"] = [kind]
        actor_kinds.append("Militia")
    if extend_vocabulary and draw(st.booleans()):
        kind = {"id": "Leak", "parent": draw(st.sampled_from(list(_VOCAB.evidence_kinds)))}
        _put(kind, "reliability_prior", draw(_maybe(st.sampled_from(["0", "0.25", "1"]))))
        extend["evidence_kinds"] = [kind]
        evidence_kinds.append("Leak")
    if extend_vocabulary and draw(st.booleans()):
        extend["settings"] = [{"id": "podcast", "comment": draw(texts)}]
        settings.append("podcast")

    actors = []
    for i, ident in enumerate(actor_ids):
        actor: dict[str, Any] = {
            "id": ident,
            "name": draw(texts),
            "kind": draw(st.sampled_from(actor_kinds)),
        }
        _put(actor, "role", draw(_maybe(texts)))
        if i and draw(st.booleans()):
            actor["acts_for"] = draw(st.sampled_from(actor_ids[:i]))  # backwards: no cycle
        _put(actor, "aliases", draw(st.lists(texts, max_size=2, unique=True)))
        _put(actor, "note", draw(_maybe(texts)))
        actors.append(actor)

    claims = []
    broader: dict[str, set[str]] = {}  # each claim's broader claims, transitively
    for i, ident in enumerate(claim_ids):
        claim: dict[str, Any] = {
            "id": ident,
            "text": draw(texts),
            "kind": draw(st.sampled_from(list(CLAIM_KINDS))),
        }
        refines = (
            draw(st.lists(st.sampled_from(claim_ids[:i]), max_size=2, unique=True)) if i else []
        )
        _put(claim, "refines", refines)
        broader[ident] = set(refines).union(*(broader[c] for c in refines))
        claims.append(claim)
    for claim in claims:
        # A claim may not contradict one it refines or that refines it (the shapes'
        # Claim-refines-contradiction), nor itself.
        ident = claim["id"]
        others = [
            c
            for c in claim_ids
            if c != ident and c not in broader[ident] and ident not in broader[c]
        ]
        if others:
            _put(claim, "contradicts", draw(st.lists(st.sampled_from(others), max_size=1)))
        _put(claim, "note", draw(_maybe(texts)))

    statements = []
    for _ in range(draw(st.integers(0, 5))):
        statement: dict[str, Any] = {
            "actor": draw(st.sampled_from(actor_ids)),
            "claim": draw(st.sampled_from(claim_ids)),
            "stance": draw(st.sampled_from(list(STANCES))),
        }
        for name in ("verb", "quote", "reported_as", "note"):
            _put(statement, name, draw(_maybe(texts)))
        _put(statement, "setting", draw(_maybe(st.sampled_from(settings))))
        relay = draw(st.lists(st.sampled_from(actor_ids), max_size=2))
        _put(
            statement,
            "relay",
            [r if draw(st.booleans()) else {"outlet": r, "cue": draw(texts)} for r in relay],
        )
        statements.append(draw(_dated(statement)))

    evidence = []
    for i, ident in enumerate(evidence_ids):
        item: dict[str, Any] = {
            "id": ident,
            "kind": draw(st.sampled_from(evidence_kinds)),
            "description": draw(texts),
        }
        _put(item, "label", draw(_maybe(texts)))
        for name in ("produced_by", "released_by"):
            _put(item, name, draw(_maybe(st.sampled_from(actor_ids))))
        _put(item, "cited_by", draw(st.lists(st.sampled_from(actor_ids), max_size=2, unique=True)))
        if i and draw(st.booleans()):
            item["part_of"] = draw(st.sampled_from(evidence_ids[:i]))
        supports = draw(st.lists(st.sampled_from(claim_ids), max_size=2, unique=True))
        disputes = [c for c in claim_ids if c not in supports][: draw(st.integers(0, 1))]
        _put(item, "supports", supports)
        _put(item, "disputes", disputes)
        evidence.append(draw(_dated(item)))

    case: dict[str, Any] = {"format": "cred-kg/1"}
    _put(case, "base", draw(_maybe(st.sampled_from(BASES))))
    document: dict[str, Any] = {"id": draw(ids)}
    _put(document, "title", draw(_maybe(texts)))
    _put(document, "publisher", draw(_maybe(st.sampled_from(actor_ids))))
    _put(document, "url", draw(_maybe(st.just("https://example.org/article?id=1&x=<y>"))))
    case["document"] = draw(_dated(document))
    case["actors"] = actors
    case["claims"] = claims
    _put(case, "statements", statements)
    _put(case, "evidence", evidence)
    if len(actor_ids) >= 2 and draw(st.booleans()):
        case["independence"] = [
            {"actors": actor_ids[:2], "independent": draw(st.booleans()), "reason": draw(texts)}
        ]
    if len(actor_ids) >= 2 and draw(st.booleans()):
        request = {"by": actor_ids[0], "to": actor_ids[1]}
        _put(request, "response_reported", draw(_maybe(st.booleans())))
        case["comment_requests"] = [draw(_dated(request))]
    _put(case, "extend", extend or None)
    return case


def to_yaml(case: dict[str, Any]) -> str:
    """The case as YAML, as an author would write it (block style, Unicode as it is).

    PyYAML's emitter writes a scalar ending in U+0085 (NEL) single-quoted, where its own
    reader (rightly, YAML 1.1 section 5.4) takes the NEL for a line break; such cases are
    written double-quoted, with the NEL escaped.
    """
    style = '"' if "\x85" in json.dumps(case, ensure_ascii=False) else None
    return yaml.safe_dump(case, allow_unicode=True, sort_keys=False, default_style=style)


# -- mutations ------------------------------------------------------------------------------

_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.lists(st.text(max_size=4), max_size=2),
    st.dictionaries(st.text(max_size=4), st.text(max_size=4), max_size=2),
    st.sampled_from(
        [
            "",
            " ",
            "Affirms",
            "no such id",
            "2024-02-30",
            "cred-kg/2",
            "0x1F",
            "null",
            "~",
            "-1e400",
            "http://e.org/",
            "Militia",
            "a--b",
            "A",
        ]
    ),
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (mapping keys and list indexes)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _parent(case: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        case = case[part]
    return case


@st.composite
def mutated_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case with one to three mutations; often invalid, sometimes still valid."""
    case = copy.deepcopy(draw(valid_cases()))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(case)
        path = draw(st.sampled_from(paths))
        parent = _parent(case, path)
        action = draw(st.sampled_from(["drop", "junk", "unknown", "duplicate", "reference"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "junk":
            parent[path[-1]] = draw(_JUNK)
        elif action == "unknown" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["stnace", "kind_", "ID", "refine", "x"]))] = "x"
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        elif action == "reference":
            parent[path[-1]] = draw(ids)
    return case


__all__ = ["BASES", "dates", "ids", "mutated_cases", "texts", "to_yaml", "valid_cases"]
