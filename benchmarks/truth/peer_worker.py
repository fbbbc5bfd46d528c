"""Run the GPL peer `truthdiscovery` on pickled triples; print JSON (benchmark only).

Runs inside the benchmark-only virtualenv made by setup_peer.sh, in its own process, so that
the peer is never imported by the project. Input: a pickle of ``(source, object, value)``
triples, the method names, and how many times to time each (the median is kept). Output on
stdout: ``{"build_s": .., "methods": {name: {"run_s": .., "cpu_s": .., "values": ..}}}``
(median wall and CPU time).
"""

from __future__ import annotations

import json
import pickle
import statistics
import sys
import time

from truthdiscovery import (
    AverageLog,
    Dataset,
    Investment,
    MajorityVoting,
    PooledInvestment,
    Sums,
    TruthFinder,
)

PEERS = {
    "voting": MajorityVoting,
    "sums": Sums,
    "average_log": AverageLog,
    "investment": Investment,
    "pooled_investment": PooledInvestment,
    "truthfinder": TruthFinder,
}


def main(path: str, names: list[str], repeat: int = 1) -> None:
    with open(path, "rb") as f:
        triples = pickle.load(f)
    start = time.perf_counter()
    data = Dataset(triples)
    build = time.perf_counter() - start
    out = {"build_s": build, "methods": {}}
    for name in names:
        wall, cpu = [], []
        for _ in range(repeat):
            cpu_start, start = time.process_time(), time.perf_counter()
            result = PEERS[name]().run(data)
            # The chosen value of every object, ties to the smallest value as in our library.
            values = {var: min(result.get_most_believed_values(var)) for var in result.belief}
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - cpu_start)
        out["methods"][name] = {
            "run_s": statistics.median(wall),
            "cpu_s": statistics.median(cpu),
            "values": values,
        }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
