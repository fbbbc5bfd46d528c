"""The write runs of the crash benchmark (:mod:`crash`): ``kg serve --store DIR`` with writes
on, three concurrent writers POSTing validated entries, each in a named graph of its own, the
server SIGKILLed after a random delay; then every acknowledged write must be in the store, an
unacknowledged one wholly there or wholly absent, and nothing else; the store must equal a
fresh one given exactly the writes found, analyse the same, and serve again."""

from __future__ import annotations

import asyncio
import random
import shutil
import time
from pathlib import Path
from typing import Any

import httpx
from harness import TOKEN, corroborate_json, serving, start_server, step, store_digest

WRITERS = 3
WRITE_KINDS = ("actors", "claims", "statements", "evidence")
DATA_BASE = "https://w3id.org/cred-kg/id/"


def _seed_ids(url: str) -> tuple[list[str], list[str]]:
    """Ids of the seed's speakers (not news outlets) and claims, from the running server."""
    actors = httpx.get(f"{url}/actors", params={"limit": 1000}, timeout=30).json()["items"]
    claims = httpx.get(f"{url}/claims", params={"limit": 1000}, timeout=30).json()["items"]
    speakers = sorted(a["id"] for a in actors if "NewsOutlet" not in a["kinds"])
    return speakers, sorted(c["id"] for c in claims)


def write_entry(
    run: int, n: int, rng: random.Random, speakers: list[str], claims: list[str]
) -> tuple[str, dict[str, Any]]:
    """The ``n``-th write of a run: its endpoint and body. Each has its own source document,
    so that each write lands in a named graph of its own."""
    kind = WRITE_KINDS[n % len(WRITE_KINDS)]
    ident = f"crash-r{run}-{kind[:2]}{n}"
    document = {
        "id": f"crash-r{run}-doc{n}",
        "title": f"Crash run {run}, write {n}",
        "date": "2024-10-25",
    }
    entry: dict[str, Any]
    if kind == "actors":
        entry = {
            "id": ident,
            "name": f"Crash actor {run}.{n}",
            "kind": "Person",
            "acts_for": rng.choice(speakers),
        }
    elif kind == "claims":
        entry = {
            "id": ident,
            "text": f"Crash claim {run}.{n} holds.",
            "refines": [rng.choice(claims)],
        }
    elif kind == "statements":
        entry = {
            "id": ident,
            "actor": rng.choice(speakers),
            "claim": rng.choice(claims),
            "stance": rng.choice(["affirms", "affirms", "denies", "hedges"]),
        }
    else:
        entry = {
            "id": ident,
            "kind": "Photograph",
            "description": f"Crash photo {run}.{n}",
            "produced_by": rng.choice(speakers),
            "supports": [rng.choice(claims)],
        }
    return kind, {**entry, "document": document}


async def _write_until_killed(
    server: Any,
    delay: float,
    bodies: list[tuple[str, dict]],
) -> tuple[list[dict[str, Any]], float]:
    """Writers POST ``bodies`` in turn until the server is SIGKILLed at ``delay`` seconds."""
    queue = list(enumerate(bodies))
    log: list[dict[str, Any]] = []
    headers = {"Authorization": f"Bearer {TOKEN}"}
    limits = httpx.Limits(max_connections=WRITERS)

    async def writer(client: httpx.AsyncClient) -> None:
        while queue:
            n, (kind, body) = queue.pop(0)
            record: dict[str, Any] = {
                "n": n,
                "kind": kind,
                "graph": f"{DATA_BASE}document/{body['document']['id']}",
            }
            log.append(record)
            try:
                response = await client.post(f"{server.url}/{kind}", json=body)
            except httpx.TransportError as error:
                record["acked"] = False
                record["error"] = type(error).__name__
                return
            record["status"] = response.status_code
            record["acked"] = response.status_code == 201
            if record["acked"]:
                record["version"] = response.json()["version"]

    async def killer() -> float:
        await asyncio.sleep(delay)
        moment = time.monotonic()
        await asyncio.to_thread(server.kill9)
        return moment

    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=60) as client:
        started = time.monotonic()
        tasks = [asyncio.create_task(writer(client)) for _ in range(WRITERS)]
        killed_at = await killer()
        await asyncio.gather(*tasks)
    return log, killed_at - started


def write_runs(work: Path, base: Path, runs: int, rng: random.Random) -> list[dict[str, Any]]:
    results = []
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    for i in range(runs):
        store = work / f"write-{i}"
        shutil.copytree(base, store)
        delay = rng.uniform(0.5, 6.0)
        server = start_server(store, logs / f"write-{i}.log")
        speakers, claims = _seed_ids(server.url)
        bodies = [write_entry(i, n, rng, speakers, claims) for n in range(400)]
        log, killed_after = asyncio.run(_write_until_killed(server, delay, bodies))
        result: dict[str, Any] = {
            "run": i,
            "kill_delay_s": round(delay, 3),
            "killed_after_first_send_s": round(killed_after, 3),
        }
        result.update(_check_writes(work, base, store, i, log, bodies, logs))
        results.append(result)
        step(
            f"write run {i}: killed at {delay:.2f} s; {result['acked']} acknowledged, "
            f"{result['unacked']} in flight ({result['unacked_present']} of them present); "
            f"{'PASS' if result['passed'] else 'FAIL'}"
        )
        shutil.rmtree(store, ignore_errors=True)
    return results


def _check_writes(
    work: Path,
    base: Path,
    store: Path,
    run: int,
    log: list[dict[str, Any]],
    bodies: list[tuple[str, dict]],
    logs: Path,
) -> dict[str, Any]:
    acked = [r for r in log if r.get("acked")]
    rejected = [r for r in log if "status" in r and not r["acked"]]
    unacked = [r for r in log if "error" in r]
    check: dict[str, Any] = {
        "sent": len(log),
        "acked": len(acked),
        "unacked": len(unacked),
        "rejected": len(rejected),
    }
    try:
        digest = store_digest(store)
    except Exception as error:  # any failure to open is the finding itself
        check.update(opens=False, error=f"{type(error).__name__}: {error}", passed=False)
        return check
    seed_graphs = store_digest(base).graphs
    sent_graphs = {r["graph"] for r in log}
    present = digest.graphs - seed_graphs
    check.update(
        opens=True,
        quads=digest.quads,
        acked_missing=sorted(r["graph"] for r in acked if r["graph"] not in present),
        unexpected_graphs=sorted(present - sent_graphs),
        unacked_present=sum(1 for r in unacked if r["graph"] in present),
    )
    # The reference: a fresh store given exactly the writes found, through a fresh server.
    reference = work / f"write-{run}-reference"
    shutil.copytree(base, reference)
    replay = sorted((r for r in log if r["graph"] in present), key=lambda r: r["n"])
    with serving(reference, logs / f"write-{run}-reference.log") as ref_server:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        statuses = [
            httpx.post(
                f"{ref_server.url}/{r['kind']}",
                json=bodies[r["n"]][1],
                headers=headers,
                timeout=120,
            ).status_code
            for r in replay
        ]
    check["replayed"] = len(replay)
    check["replay_ok"] = all(s == 201 for s in statuses)
    expected = store_digest(reference)
    check["blank_nodes"] = digest.blank_nodes
    check["data_exact"] = digest.sha256 == expected.sha256 and digest.blank_nodes == 0
    check["analysis_unchanged"] = corroborate_json(store) == corroborate_json(reference)
    # Restart the service on the crashed store: it must come up and serve the same analysis.
    try:
        with (
            serving(store, logs / f"write-{run}-restart.log") as again,
            serving(reference, logs / f"write-{run}-reference.log") as ref_server,
        ):
            ours = httpx.get(f"{again.url}/claims", params={"limit": 1000}, timeout=60).json()
            theirs = httpx.get(
                f"{ref_server.url}/claims", params={"limit": 1000}, timeout=60
            ).json()
        check["restart_serves_same_claims"] = ours["items"] == theirs["items"]
    except RuntimeError as error:
        check["restart_serves_same_claims"] = False
        check["restart_error"] = str(error)
    shutil.rmtree(reference, ignore_errors=True)
    check["passed"] = bool(
        not check["acked_missing"]
        and not check["unexpected_graphs"]
        and not rejected
        and check["replay_ok"]
        and check["data_exact"]
        and check["analysis_unchanged"]
        and check["restart_serves_same_claims"]
    )
    return check


__all__ = ["write_entry", "write_runs"]
