"""Load: 50 concurrent clients and one writer against ``kg serve`` for 60 s, with a timeout probe.

The server is a real ``kg serve`` process (uvicorn) on 127.0.0.1 with an on-disk store holding
the seed case and synthetic data (``benchmarks/synth.py``), writes on, default limits
(``query_timeout`` 5 s, one query worker per CPU). In one client process (asyncio, httpx):

- **50 readers**, closed loop, each waiting a random 0 to 2 x ``--think`` s (mean 2 s by
  default) between an answer and its next request, mixing by weight: named questions (every
  example URL that ``/questions`` lists and that the idle server answers), SPARQL (five
  queries: aggregates, a property path, the analysis graph), the graph view (``/graph``),
  claim lists (``/claims`` pages) and single claims (``/claims/{id}``, seed and synthetic).
  ``--think 0`` makes it a saturation test.
- **One writer** POSTing validated entries with the operator's token, one every
  ``--write-pause`` seconds (each write recomputes the analysis, during which queries wait).
- **A timeout probe**: a cartesian-product SPARQL query that cannot finish, sent every 12 s;
  it must get a 503 ``query_timeout`` (or ``busy``) within ``query_timeout`` + 1 s.

Pass: every reader and writer request answered 2xx (no 4xx, no 5xx, no connection error, no
client time-out after 30 s); every
acknowledged write visible afterwards (through ``/sparql`` while the server runs, and in the
store after it stops); every probe answered with its 503 in time.

Usage (about 2 minutes with set-up; run it under the shared lock on a shared machine)::

    python benchmarks/reliability/load.py [--seconds 60] [--clients 50] [--think 2.0]
        [--triples 50000] [--write-pause 1.0] [--seed 20261127] [--work /tmp/kg-load]
        [--json results.json]

Exit status 0 on a pass, 1 otherwise. Figures are printed and written as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import shutil
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
from harness import (
    SEED,
    TOKEN,
    machine,
    run_kg,
    start_server,
    step,
    store_digest,
    synthesise,
)

QUERY_TIMEOUT = 5.0
PROBE_MARGIN = 1.0
PROBE_EVERY = 12.0
CLIENT_TIMEOUT = 30.0
PREFIXES = "PREFIX cred: <https://w3id.org/cred-kg/ns#>\nPREFIX schema: <https://schema.org/>\n"
SPARQL = [
    "SELECT ?stance (COUNT(*) AS ?n) WHERE { ?s cred:stance ?stance } GROUP BY ?stance",
    "SELECT ?claim (COUNT(DISTINCT ?who) AS ?n) WHERE { ?s cred:about ?claim ; "
    "cred:statedBy ?who ; cred:stance cred:Affirms } GROUP BY ?claim "
    "HAVING (COUNT(DISTINCT ?who) >= 3) ORDER BY DESC(?n) LIMIT 50",
    "SELECT ?a ?c ?n WHERE { GRAPH <https://w3id.org/cred-kg/analysis> { "
    "?a schema:itemReviewed ?c ; cred:independentGroupCount ?n FILTER (?n >= 2) } } LIMIT 100",
    "SELECT ?who ?claim WHERE { ?s cred:statedBy ?who ; cred:about ?claim ; "
    "cred:stance cred:Hedges } LIMIT 200",
    "SELECT ?x ?top WHERE { ?x cred:actsOnBehalfOf+ ?top } LIMIT 500",
]
# Nine unbounded triple patterns: far more rows than any timeout allows.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
WEIGHTS = {"question": 30, "sparql": 25, "graph": 5, "claims": 15, "claim": 25}
WRITE_KINDS = ("actors", "claims", "statements", "evidence")
DATA_BASE = "https://w3id.org/cred-kg/id/"


def _percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def _all_items(url: str) -> list[dict[str, Any]]:
    """Every item of a paged list, following ``next``."""
    items: list[dict[str, Any]] = []
    next_url: str | None = f"{url}?limit=1000"
    while next_url:
        page = httpx.get(next_url, timeout=60).json()
        items += page["items"]
        next_url = page["next"]
    return items


class Menu:
    """What the readers ask for: URLs discovered from the running server."""

    def __init__(self, url: str, rng: random.Random) -> None:
        self.rng = rng
        questions = httpx.get(f"{url}/questions", timeout=30).json()
        # A question that fails on the idle server (too slow for this data, say) is left out
        # of the mix and reported: it would measure the question, not the load.
        self.questions, self.excluded = [], {}
        for example in (e for q in questions for e in q["examples"]):
            answer = httpx.get(f"{url}{example}", timeout=60)
            if answer.status_code == 200:
                self.questions.append(example)
            else:
                self.excluded[example] = answer.status_code
        claims = _all_items(f"{url}/claims")
        self.claim_total = len(claims)
        # Writes may refer to the API's own items only (the synthetic ids are bare numbers).
        seed = [c["id"] for c in claims if c["iri"].startswith(DATA_BASE)]
        synth = [c["id"] for c in claims if not c["iri"].startswith(DATA_BASE)]
        self.claims = seed + rng.sample(synth, min(len(synth), 200))
        self.speakers = sorted(
            a["id"]
            for a in _all_items(f"{url}/actors")
            if "NewsOutlet" not in a["kinds"] and "/synth/" not in a["iri"]
        )
        self.seed_claims = seed

    def pick(self) -> tuple[str, str, dict[str, Any]]:
        """``(kind, method, httpx request arguments)`` for one request."""
        kind = self.rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        if kind == "question":
            return kind, "GET", {"url": self.rng.choice(self.questions)}
        if kind == "sparql":
            return (
                kind,
                "POST",
                {
                    "url": "/sparql",
                    "data": {"query": PREFIXES + self.rng.choice(SPARQL)},
                    "headers": {"Accept": "application/sparql-results+json"},
                },
            )
        if kind == "graph":
            return kind, "GET", {"url": "/graph"}
        if kind == "claims":
            offset = self.rng.randrange(0, max(1, self.claim_total - 50))
            return kind, "GET", {"url": "/claims", "params": {"limit": 50, "offset": offset}}
        return kind, "GET", {"url": f"/claims/{self.rng.choice(self.claims)}"}


def write_body(n: int, rng: random.Random, menu: Menu) -> tuple[str, dict[str, Any]]:
    """The writer's ``n``-th entry: endpoint and body."""
    kind = WRITE_KINDS[n % len(WRITE_KINDS)]
    ident = f"load-{kind[:2]}{n}"
    document = {"id": f"load-doc{n}", "title": f"Load test write {n}", "date": "2024-10-26"}
    if kind == "actors":
        entry = {
            "id": ident,
            "name": f"Load actor {n}",
            "kind": "Person",
            "acts_for": rng.choice(menu.speakers),
        }
    elif kind == "claims":
        entry = {
            "id": ident,
            "text": f"Load claim {n} holds.",
            "refines": [rng.choice(menu.seed_claims)],
        }
    elif kind == "statements":
        entry = {
            "id": ident,
            "actor": rng.choice(menu.speakers),
            "claim": rng.choice(menu.seed_claims),
            "stance": rng.choice(["affirms", "denies", "hedges"]),
        }
    else:
        entry = {
            "id": ident,
            "kind": "Document",
            "description": f"Load evidence {n}",
            "produced_by": rng.choice(menu.speakers),
            "supports": [rng.choice(menu.seed_claims)],
        }
    return kind, {**entry, "document": document}


class Recorder:
    """Every request's kind, latency and outcome."""

    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.status: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.errors: list[dict[str, Any]] = []

    def add(self, kind: str, seconds: float, outcome: str, detail: str = "") -> None:
        self.latency[kind].append(seconds)
        self.status[kind][outcome] += 1
        if not outcome.startswith("2") and len(self.errors) < 50:
            self.errors.append({"kind": kind, "outcome": outcome, "detail": detail[:300]})


async def _request(
    client: httpx.AsyncClient, method: str, args: dict[str, Any]
) -> tuple[str, str, httpx.Response | None]:
    try:
        response = await client.request(method, **args)
    except httpx.TimeoutException as error:
        return "client-timeout", type(error).__name__, None
    except httpx.TransportError as error:
        return "connection-error", f"{type(error).__name__}: {error}", None
    detail = response.text[:300] if response.status_code >= 300 else ""
    return str(response.status_code), detail, response


async def reader(
    client: httpx.AsyncClient,
    menu: Menu,
    rng: random.Random,
    stop: float,
    think: float,
    record: Recorder,
) -> None:
    while time.monotonic() < stop:
        kind, method, args = menu.pick()
        started = time.monotonic()
        outcome, detail, _ = await _request(client, method, args)
        record.add(kind, time.monotonic() - started, outcome, detail)
        await asyncio.sleep(rng.uniform(0, 2 * think))


async def writer(
    client: httpx.AsyncClient,
    menu: Menu,
    rng: random.Random,
    stop: float,
    pause: float,
    record: Recorder,
    acked: list[dict[str, Any]],
) -> None:
    n = 0
    while time.monotonic() < stop:
        kind, body = write_body(n, rng, menu)
        started = time.monotonic()
        outcome, detail, response = await _request(
            client,
            "POST",
            {"url": f"/{kind}", "json": body, "headers": {"Authorization": f"Bearer {TOKEN}"}},
        )
        record.add("write", time.monotonic() - started, outcome, detail)
        if response is not None and response.status_code == 201:
            # The IRI the server minted (a statement's includes its document).
            acked.append(
                {
                    "n": n,
                    "subject": response.json()["subjects"][0],
                    "graph": f"{DATA_BASE}document/{body['document']['id']}",
                }
            )
        elif response is not None:
            record.errors.append(
                {"kind": "write", "outcome": outcome, "detail": response.text[:300]}
            )
        n += 1
        await asyncio.sleep(pause)


async def probe(client: httpx.AsyncClient, stop: float, probes: list[dict[str, Any]]) -> None:
    await asyncio.sleep(PROBE_EVERY / 2)
    while time.monotonic() < stop - QUERY_TIMEOUT - PROBE_MARGIN:
        started = time.monotonic()
        outcome, _, response = await _request(
            client, "POST", {"url": "/sparql", "data": {"query": CARTESIAN}}
        )
        elapsed = time.monotonic() - started
        code = None
        if response is not None and response.headers.get("content-type", "").startswith(
            "application/json"
        ):
            code = response.json().get("error", {}).get("code")
        probes.append(
            {
                "at_s": round(started - stop, 1),
                "status": outcome,
                "code": code,
                "seconds": round(elapsed, 3),
                "in_time": outcome == "503" and elapsed <= QUERY_TIMEOUT + PROBE_MARGIN,
            }
        )
        await asyncio.sleep(max(0.0, PROBE_EVERY - elapsed))


async def run_load(
    url: str, seconds: float, clients: int, think: float, pause: float, seed: int
) -> dict[str, Any]:
    rng = random.Random(seed)
    menu = Menu(url, rng)
    record = Recorder()
    acked: list[dict[str, Any]] = []
    probes: list[dict[str, Any]] = []
    # Idle pooled connections are dropped after 2 s, before uvicorn closes them after its 5 s
    # keep-alive timeout: with equal timeouts (httpx's default is also 5 s) a request sent on
    # a connection the server is closing at that moment fails with a ReadError, a race of the
    # client's pool that a real client avoids the same way, not a server error.
    limits = httpx.Limits(
        max_connections=clients + 4, max_keepalive_connections=clients + 4, keepalive_expiry=2.0
    )
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=CLIENT_TIMEOUT) as client:
        cpu_before = resource.getrusage(resource.RUSAGE_SELF)
        wall = time.monotonic()
        stop = wall + seconds
        tasks = [
            reader(client, menu, random.Random(rng.random()), stop, think, record)
            for _ in range(clients)
        ]
        tasks.append(writer(client, menu, random.Random(rng.random()), stop, pause, record, acked))
        tasks.append(probe(client, stop, probes))
        await asyncio.gather(*tasks)
        wall = time.monotonic() - wall
        cpu_after = resource.getrusage(resource.RUSAGE_SELF)
        visible = await _visible(client, acked)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {
        "record": record,
        "acked": acked,
        "visible_via_api": visible,
        "probes": probes,
        "wall_s": wall,
        "client_cpu_s": cpu,
        "questions": menu.questions,
        "excluded_questions": menu.excluded,
    }


async def _visible(client: httpx.AsyncClient, acked: list[dict[str, Any]]) -> int:
    """How many acknowledged writes ``/sparql`` shows, subject in its document's graph."""
    found = 0
    for write in acked:
        query = f"ASK {{ GRAPH <{write['graph']}> {{ <{write['subject']}> ?p ?o }} }}"
        response = await client.post(
            "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}
        )
        found += bool(response.status_code == 200 and response.json().get("boolean"))
    return found


def _summary(result: dict[str, Any], store_graphs: frozenset[str]) -> dict[str, Any]:
    record: Recorder = result["record"]
    kinds = {}
    for kind, values in sorted(record.latency.items()):
        statuses = dict(sorted(record.status[kind].items()))
        kinds[kind] = {
            "requests": len(values),
            "p50_ms": round(1000 * _percentile(values, 0.5), 1),
            "p99_ms": round(1000 * _percentile(values, 0.99), 1),
            "max_ms": round(1000 * max(values), 1),
            "outcomes": statuses,
        }
    everything = [v for values in record.latency.values() for v in values]
    failures = sum(
        n
        for statuses in record.status.values()
        for outcome, n in statuses.items()
        if not outcome.startswith("2")
    )
    acked = result["acked"]
    in_store = sum(1 for w in acked if w["graph"] in store_graphs)
    probes = result["probes"]
    summary = {
        "requests": len(everything),
        "requests_per_s": round(len(everything) / result["wall_s"], 1),
        "p50_ms": round(1000 * _percentile(everything, 0.5), 1),
        "p99_ms": round(1000 * _percentile(everything, 0.99), 1),
        "failures": failures,
        "by_kind": kinds,
        "writes_acknowledged": len(acked),
        "writes_visible_via_api": result["visible_via_api"],
        "writes_in_store_after_stop": in_store,
        "probes": probes,
        "client_cpu_s": round(result["client_cpu_s"], 1),
        "client_cpu_share_of_machine": round(
            result["client_cpu_s"] / (result["wall_s"] * (machine()["cpus"] or 1)), 3
        ),
        "wall_s": round(result["wall_s"], 1),
        "errors": record.errors,
    }
    summary["passed"] = bool(
        failures == 0
        and acked
        and result["visible_via_api"] == len(acked)
        and in_store == len(acked)
        and probes
        and all(p["in_time"] for p in probes)
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--triples", type=int, default=50_000)
    parser.add_argument(
        "--think",
        type=float,
        default=2.0,
        help="mean seconds a reader waits between requests (uniform 0-2x)",
    )
    parser.add_argument("--write-pause", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-load"))
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args(argv)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    data = args.work / "synth.nt"
    store = args.work / "store"
    step(f"store: the seed case and about {args.triples:,} synthetic triples")
    synthesise(data, args.triples)
    done = run_kg("load", "--store", str(store), str(SEED), str(data))
    if done.returncode != 0:
        raise RuntimeError(f"loading failed: {done.stderr[-500:]}")
    server = start_server(store, args.work / "serve.log", "--query-timeout", str(QUERY_TIMEOUT))
    try:
        status = httpx.get(f"{server.url}/status", timeout=30).json()
        step(
            f"serving {status['quads']:,} quads, {status['claims']:,} claims; "
            f"{args.clients} clients for {args.seconds:g} s"
        )
        result = asyncio.run(
            run_load(
                server.url, args.seconds, args.clients, args.think, args.write_pause, args.seed
            )
        )
    finally:
        server.stop()
    graphs = store_digest(store).graphs
    summary = _summary(result, graphs)
    report = {
        "seed": args.seed,
        "clients": args.clients,
        "seconds": args.seconds,
        "think_mean_s": args.think,
        "questions": result["questions"],
        "excluded_questions": result["excluded_questions"],
        "triples": args.triples,
        "write_pause_s": args.write_pause,
        "query_timeout_s": QUERY_TIMEOUT,
        "probe_margin_s": PROBE_MARGIN,
        "store": {
            "quads": status["quads"],
            "claims": status["claims"],
            "actors": status["actors"],
            "statements": status["statements"],
            "query_workers": status["limits"]["query_workers"],
        },
        "machine": machine(),
        **summary,
    }
    print(json.dumps({k: v for k, v in report.items() if k != "errors"}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0 if summary["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
