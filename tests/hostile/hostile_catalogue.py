"""The hostile-input catalogue: reading the cases and sending each one through its entry points.

Each case is a file under ``cases/<kind>/``; ``EXPECTED.yaml`` says what must happen to it.
The kind decides the entry points (:data:`ROUTES`):

- ``load/`` (RDF in every format) and ``yaml/`` (case files): ``KnowledgeStore.load``,
  ``kg load --store``, and ``POST /data`` with the format's media type;
- ``sparql/*.rq``: ``GET /sparql``, ``POST`` as a form and as ``application/sparql-query``;
  ``sparql/*.ru`` (updates): ``POST`` as ``application/sparql-update``, as a form's ``update``
  and as a form's ``query``;
- ``questions/``: ``GET /questions/NAME`` and ``kg ask NAME --param value``;
- ``requests/``: one HTTP request (REST bodies, headers, paths, query strings), as written.

Files hold ``LISTENER_PORT`` where a URL should reach the test's listener, ``TOKEN`` where the
operator's write token goes, and the markers of the entry's ``expand`` (``{"@@OPEN@@": [text,
times]}``) for inputs too big to keep (a 2 MB literal, 10,000 nested objects).

This module only runs a case and reports what happened (:class:`Outcome`); the tests compare
that with the expectation, and also check the store, the listener and the clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
CASES = HERE / "cases"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (HERE / "EXPECTED.yaml").read_text(encoding="utf-8"))
#: Seconds a case may take on one route unless its entry says otherwise (``max_seconds``).
DEFAULT_MAX_SECONDS = 10.0

ROUTES: dict[str, tuple[str, ...]] = {
    "load": ("library", "cli", "api"),
    "yaml": ("library", "cli", "api"),
    "sparql-query": ("get", "form", "direct"),
    "sparql-update": ("update", "form-update", "form-query"),
    "questions": ("api", "cli"),
    "requests": ("api",),
}
_MEDIA = {".ttl": "text/turtle", ".trig": "application/trig", ".nt": "application/n-triples",
          ".nq": "application/n-quads", ".jsonld": "application/ld+json",
          ".rdf": "application/rdf+xml", ".yaml": "application/yaml"}
# Longer queries do not fit in a URL (httpx refuses over 64 kB; servers often at 8 kB).
_MAX_GET_QUERY = 6000


@dataclass(frozen=True)
class Case:
    """One catalogue entry: its file, its kind and what must happen."""

    name: str
    path: Path
    spec: dict[str, Any]

    @property
    def kind(self) -> str:
        top = self.name.split("/", 1)[0]
        if top == "sparql":
            return "sparql-update" if self.path.suffix == ".ru" else "sparql-query"
        return top

    def routes(self) -> tuple[str, ...]:
        return tuple(self.spec.get("routes", ROUTES[self.kind]))

    def expected(self, route: str) -> dict[str, Any]:
        """The expectation for ``route``: the entry's keys, overridden by its ``api:`` or
        ``cli:`` block where the route belongs to one."""
        merged = {k: v for k, v in self.spec.items() if k not in ("api", "cli", "library")}
        side = "cli" if route == "cli" else "library" if route == "library" else "api"
        merged.update(self.spec.get(side, {}))
        return merged

    def max_seconds(self, route: str) -> float:
        return float(self.expected(route).get("max_seconds", DEFAULT_MAX_SECONDS))

    def data(self, port: int, token: str) -> bytes:
        """The file's bytes with the placeholders and markers filled in."""
        raw = self.path.read_bytes()
        raw = raw.replace(b"LISTENER_PORT", str(port).encode())
        for marker, (text, times) in self.spec.get("expand", {}).items():
            raw = raw.replace(marker.encode(), text.encode("utf-8") * int(times))
        return raw


def load_cases() -> list[Case]:
    """Every entry of EXPECTED.yaml, in file order."""
    return [Case(name, CASES / name, spec or {}) for name, spec in EXPECTED.items()]


@dataclass
class Outcome:
    """What one route did with one case."""

    route: str
    seconds: float = 0.0
    error: str | None = None       # library: the kg.errors class
    exit_code: int | None = None   # cli
    status: int | None = None      # api
    code: str | None = None        # api: the error body's code
    message: str = ""              # the error's text, the CLI's output, the API's message
    body: str = ""                 # api: the whole response body
    headers: dict[str, str] = field(default_factory=dict)


def timed(route: str, action: Callable[[Outcome], None]) -> Outcome:
    outcome = Outcome(route)
    started = time.perf_counter()
    action(outcome)
    outcome.seconds = time.perf_counter() - started
    return outcome


def most_specific_kg_error(error: BaseException) -> str:
    """The first class of ``kg.errors`` in the error's MRO (CaseCompileError -> AuthoringError)."""
    return next((c.__name__ for c in type(error).__mro__ if c.__module__ == "kg.errors"),
                type(error).__name__)


def read_response(outcome: Outcome, response: Any) -> None:
    outcome.status = response.status_code
    outcome.body = response.text
    outcome.headers = dict(response.headers)
    if response.headers.get("content-type", "").startswith("application/json"):
        try:
            error = response.json().get("error") or {}
        except (ValueError, AttributeError):
            error = {}
        outcome.code = error.get("code")
        outcome.message = str(error.get("message", ""))


def request_spec(case: Case, port: int, token: str) -> dict[str, Any]:
    """The keyword arguments of ``client.request`` for a ``requests/`` case."""
    text = case.data(port, token).decode("utf-8").replace("TOKEN", token)
    spec = yaml.safe_load(text)
    headers = dict(spec.get("headers", {}))
    if spec.get("auth"):
        headers["Authorization"] = f"Bearer {token}"
    kwargs: dict[str, Any] = {"method": spec["method"], "url": spec["path"],
                              "headers": headers, "params": spec.get("params")}
    if "json" in spec:
        kwargs["json"] = spec["json"]
    elif "body" in spec:
        kwargs["content"] = spec["body"].encode("utf-8")
    elif "body_hex" in spec:
        kwargs["content"] = bytes.fromhex(spec["body_hex"])
    return kwargs


def media_type(case: Case) -> str:
    return _MEDIA[case.path.suffix]


def question_args(case: Case, port: int, token: str) -> tuple[str, dict[str, str]]:
    spec = yaml.safe_load(case.data(port, token).decode("utf-8"))
    return spec["question"], {k: str(v) for k, v in (spec.get("params") or {}).items()}


def get_fits(query: str) -> bool:
    return len(query) <= _MAX_GET_QUERY


def iter_case_routes(cases: list[Case]) -> Iterator[tuple[Case, str]]:
    for case in cases:
        for route in case.routes():
            yield case, route


__all__ = ["CASES", "DEFAULT_MAX_SECONDS", "EXPECTED", "ROUTES", "Case", "Outcome",
           "get_fits", "iter_case_routes", "load_cases", "media_type", "most_specific_kg_error",
           "question_args", "read_response", "request_spec", "timed"]
