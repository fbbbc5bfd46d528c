"""Named questions: SPARQL files with a header of typed parameters, in the spirit of grlc.

A question is a ``.sparql`` file in this folder. Its header, lines starting ``#+``, says what
it answers and which parameters it takes::

    #+ summary: Claims corroborated by at least N independent source groups
    #+ description: Longer text; repeated description lines are joined.
    #+ tags: corroboration
    #+ param: min_groups: int(1..) = 2 : the least number of independent affirming groups
    #+ param: actor: actor? : only this actor (an id such as putin, or an IRI)
    #+ example: min_groups=3

A parameter line is ``name: type[?] [= default] : description``; ``?`` makes it optional (left
unbound when not given, so the query matches every value). Types:

===============  ======================================================================
``int(lo..hi)``  an integer, bounds optional (``int``, ``int(1..)``)
``decimal``      a decimal number
``string``       text (at most 500 characters)
``date``         ``YYYY-MM-DD``
``bool``         ``true`` or ``false``
``enum(a|b)``    one of the listed words, as a string
``stance``       ``affirms``, ``denies`` or ``hedges``, as the ``cred:`` stance IRI
``actor``        an actor of the store, by id (``putin``) or IRI
``claim``        a claim of the store, by id or IRI
``evidence``     an evidence item of the store, by id or IRI
``iri``          any absolute IRI
===============  ======================================================================

The body is SPARQL in which each parameter is the variable of the same name. The line
``#+ values`` marks where the parameters go: it becomes a ``VALUES`` clause whose terms are
built by pyoxigraph from the parsed, typed values, so user input never becomes query text.
(pyoxigraph's ``substitutions=`` would be neater, but in 0.5 it only substitutes variables
that the query projects, and a parameter used in a ``FILTER`` usually is not.)

Example:
    >>> question = parse_question("q", '''#+ summary: Claims by stance
    ... #+ param: stance: stance? : the stance
    ... SELECT ?claim WHERE {
    ...   #+ values
    ...   ?s cred:about ?claim ; cred:stance ?stance }''')
    >>> print(question.render(question.bind({"stance": "denies"}, None)), end="")
    SELECT ?claim WHERE {
      VALUES (?stance) { (<https://w3id.org/cred-kg/ns#Denies>) }
      ?s cred:about ?claim ; cred:stance ?stance }
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.namespaces import CRED, XSD

#: ``resolve(kind, value)``: the IRI of the actor, claim or evidence named by ``value``;
#: raises ``LookupError`` when there is none.
Resolver = Callable[[str, str], str]

_HEADER = re.compile(r"^#\+\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*?)\s*$")
_MARKER = re.compile(r"^[ \t]*#\+[ \t]*values[ \t]*$", re.MULTILINE)
_PARAM = re.compile(
    r"^(?P<name>[a-z][a-z0-9_]*)\s*:\s*(?P<type>[a-z]+(?:\([^)]*\))?)(?P<optional>\?)?"
    r"\s*(?:=\s*(?P<default>[^:]*?))?\s*:\s*(?P<description>.+)$"
)
_MAX_STRING = 500
_STANCES = {"affirms": "Affirms", "denies": "Denies", "hedges": "Hedges"}


class ParameterError(ValueError):
    """A parameter value that does not fit its type; ``status`` 404 for an unknown item."""

    def __init__(self, name: str, message: str, status: int = 422,
                 suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.message = message
        self.status = status
        self.suggestions = suggestions


class QuestionFileError(ValueError):
    """A question file whose header or body is wrong (a bug in the question, not the user's)."""


@dataclass(frozen=True)
class ParamType:
    """A parameter type: its name as written, and how a text value becomes a term."""

    spec: str
    kind: str
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()

    def schema(self) -> dict[str, Any]:
        """The JSON schema of the parameter, for OpenAPI."""
        if self.kind == "int":
            schema: dict[str, Any] = {"type": "integer"}
            if self.low is not None:
                schema["minimum"] = self.low
            if self.high is not None:
                schema["maximum"] = self.high
            return schema
        if self.kind == "decimal":
            return {"type": "number"}
        if self.kind == "bool":
            return {"type": "boolean"}
        if self.kind == "date":
            return {"type": "string", "format": "date"}
        if self.kind in ("enum", "stance"):
            return {"type": "string", "enum": list(self.choices)}
        if self.kind == "string":
            return {"type": "string", "maxLength": _MAX_STRING}
        return {"type": "string", "description": f"an {self.kind} id or IRI"
                if self.kind in ("actor", "evidence") else f"a {self.kind} id or IRI"}

    def _bounds(self) -> str:
        """An int's range in words: the spec's ``int(1..)`` is "at least 1"."""
        if self.low is not None and self.high is not None:
            return f"between {self.low} and {self.high}"
        return f"at least {self.low}" if self.low is not None else f"at most {self.high}"

    def convert(self, name: str, raw: str, resolve: Resolver | None) -> ox.NamedNode | ox.Literal:
        """The term for ``raw``; raise :class:`ParameterError` if it does not fit."""
        value = raw.strip()
        if self.kind == "int":
            if not re.fullmatch(r"[+-]?\d{1,18}", value):
                raise ParameterError(name, f"{name} must be an integer, not {raw!r}")
            number = int(value)
            if (self.low is not None and number < self.low) or (
                    self.high is not None and number > self.high):
                raise ParameterError(name, f"{name} must be {self._bounds()}, not {number}")
            return ox.Literal(str(number), datatype=ox.NamedNode(str(XSD.integer)))
        if self.kind == "decimal":
            if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value):
                raise ParameterError(name, f"{name} must be a decimal number, not {raw!r}")
            return ox.Literal(value, datatype=ox.NamedNode(str(XSD.decimal)))
        if self.kind == "bool":
            if value.lower() not in ("true", "false"):
                raise ParameterError(name, f"{name} must be true or false, not {raw!r}")
            return ox.Literal(value.lower() == "true")
        if self.kind == "date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise ParameterError(name, f"{name} must be a date (YYYY-MM-DD), not "
                                     f"{raw!r}") from None
            return ox.Literal(value, datatype=ox.NamedNode(str(XSD.date)))
        if self.kind in ("enum", "stance"):
            if value not in self.choices:
                raise ParameterError(name, f"{name} must be one of {', '.join(self.choices)}, "
                                     f"not {raw!r}")
            if self.kind == "stance":
                return ox.NamedNode(str(CRED[_STANCES[value]]))
            return ox.Literal(value)
        if self.kind == "string":
            if len(raw) > _MAX_STRING:
                raise ParameterError(name, f"{name} is longer than {_MAX_STRING} characters")
            return ox.Literal(raw)
        if self.kind == "iri":
            return _iri(name, value)
        # actor, claim, evidence: by id or IRI, resolved against the current data.
        if resolve is None:
            return _iri(name, value)
        try:
            return ox.NamedNode(resolve(self.kind, value))
        except LookupError as error:
            message = error.args[0] if error.args else f"no {self.kind} {value!r}"
            suggestions = tuple(error.args[1]) if len(error.args) > 1 else ()
            raise ParameterError(name, message, 404, suggestions) from None


def _iri(name: str, value: str) -> ox.NamedNode:
    if not re.match(r"^(https?|urn):", value):
        raise ParameterError(name, f"{name} must be an absolute http(s) or urn IRI")
    try:
        return ox.NamedNode(value)
    except ValueError:
        raise ParameterError(name, f"{name} is not a valid IRI") from None


def parse_type(spec: str) -> ParamType:
    """A :class:`ParamType` from its written form.

    Example:
        >>> parse_type("int(1..)").schema()
        {'type': 'integer', 'minimum': 1}
    """
    match = re.fullmatch(r"([a-z]+)(?:\((.*)\))?", spec)
    if not match:
        raise QuestionFileError(f"bad parameter type {spec!r}")
    kind, args = match.group(1), match.group(2)
    if kind == "int":
        low = high = None
        if args:
            bounds = re.fullmatch(r"\s*(-?\d+)?\s*\.\.\s*(-?\d+)?\s*", args)
            if not bounds:
                raise QuestionFileError(f"bad bounds in {spec!r}; write int(1..) or int(1..10)")
            low = int(bounds.group(1)) if bounds.group(1) else None
            high = int(bounds.group(2)) if bounds.group(2) else None
        return ParamType(spec, "int", low, high)
    if kind == "enum":
        choices = tuple(c.strip() for c in (args or "").split("|") if c.strip())
        if not choices:
            raise QuestionFileError(f"{spec!r} lists no values; write enum(a|b)")
        return ParamType(spec, "enum", choices=choices)
    if kind == "stance":
        return ParamType(spec, "stance", choices=tuple(_STANCES))
    if kind in ("decimal", "string", "date", "bool", "iri", "actor", "claim", "evidence"):
        if args:
            raise QuestionFileError(f"type {kind} takes no arguments")
        return ParamType(spec, kind)
    raise QuestionFileError(f"unknown parameter type {kind!r}")


@dataclass(frozen=True)
class Parameter:
    """One declared parameter."""

    name: str
    type: ParamType
    description: str
    required: bool = True
    default: str | None = None


@dataclass(frozen=True)
class Question:
    """A named question: its documentation, its parameters and its SPARQL."""

    name: str
    summary: str
    description: str
    query: str
    parameters: tuple[Parameter, ...] = ()
    tags: tuple[str, ...] = ()
    examples: tuple[dict[str, str], ...] = field(default=())

    def bind(self, given: Mapping[str, str],
             resolve: Resolver | None) -> dict[str, ox.NamedNode | ox.Literal]:
        """Typed terms for the given values and defaults.

        Raises:
            ParameterError: an unknown or missing parameter, or a value that does not fit.
        """
        known = {p.name for p in self.parameters}
        for name in given:
            if name not in known:
                close = tuple(difflib.get_close_matches(name, sorted(known), n=2))
                raise ParameterError(name, f"unknown parameter {name!r}; this question takes "
                                     f"{', '.join(sorted(known)) or 'no parameters'}",
                                     suggestions=close)
        terms: dict[str, ox.NamedNode | ox.Literal] = {}
        for param in self.parameters:
            raw = given.get(param.name, param.default)
            if raw is None or raw == "":
                if param.required:
                    raise ParameterError(param.name, f"parameter {param.name!r} is required")
                continue
            terms[param.name] = param.type.convert(param.name, raw, resolve)
        return terms

    def render(self, terms: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
        """The query with a ``VALUES`` clause for ``terms`` at the marker line."""
        if terms:
            names = " ".join(f"?{name}" for name in terms)
            values = " ".join(str(term) for term in terms.values())
            clause = f"VALUES ({names}) {{ ({values}) }}"
        else:
            clause = ""
        return _MARKER.sub(lambda m: m.group(0).split("#")[0] + clause, self.query, count=1)


def parse_question(name: str, text: str) -> Question:
    """Read a question file's text.

    Raises:
        QuestionFileError: a header line that does not parse, a missing summary, a parameter
            whose variable the query does not use, or parameters without a ``#+ values`` line.
    """
    fields: dict[str, list[str]] = {}
    body_lines = []
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match and match.group("key") != "values":
            fields.setdefault(match.group("key"), []).append(match.group("value"))
        else:
            body_lines.append(line)
    unknown = set(fields) - {"summary", "description", "tags", "param", "example"}
    if unknown:
        raise QuestionFileError(f"{name}: unknown header keys {sorted(unknown)}")
    if not fields.get("summary"):
        raise QuestionFileError(f"{name}: no '#+ summary:' line")
    query = "\n".join(body_lines).strip() + "\n"
    parameters = []
    for spec in fields.get("param", []):
        match = _PARAM.match(spec)
        if not match:
            raise QuestionFileError(f"{name}: bad parameter line {spec!r}; expected "
                                    "'name: type[?] [= default] : description'")
        param = Parameter(
            name=match.group("name"), type=parse_type(match.group("type")),
            description=match.group("description").strip(),
            required=not match.group("optional") and match.group("default") is None,
            default=match.group("default").strip() if match.group("default") else None,
        )
        if not re.search(rf"[?$]{param.name}\b", query):
            raise QuestionFileError(f"{name}: parameter {param.name!r} is not used as "
                                    f"?{param.name} in the query")
        if param.default is not None:
            param.type.convert(param.name, param.default, None)
        parameters.append(param)
    if parameters and len(_MARKER.findall(query)) != 1:
        raise QuestionFileError(f"{name}: a question with parameters needs exactly one "
                                "'#+ values' line in its WHERE clause")
    examples = tuple(
        dict(pair.split("=", 1) for pair in example.split("&") if "=" in pair)
        for example in fields.get("example", [])
    )
    return Question(
        name=name,
        summary=fields["summary"][0],
        description=" ".join(fields.get("description", [])),
        query=query,
        parameters=tuple(parameters),
        tags=tuple(t.strip() for t in ",".join(fields.get("tags", [])).split(",") if t.strip()),
        examples=examples,
    )


def load_questions(folder: Path | None = None) -> dict[str, Question]:
    """Every question in ``folder`` (by default, the questions shipped with the API), by name.

    Example:
        >>> "corroborated-claims" in load_questions()
        True
    """
    folder = folder or Path(__file__).parent
    return {path.stem: parse_question(path.stem, path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.sparql"))}


__all__ = ["ParamType", "Parameter", "ParameterError", "Question", "QuestionFileError",
           "Resolver", "load_questions", "parse_question", "parse_type"]
