"""The check that an endpoint's default graph is the union of its named graphs, for
:class:`kg.backends.sparql.SparqlEngine`.

The store keeps every quad in a named graph and queries the default graph, so an endpoint whose
default graph is not the union (``oxigraph serve`` without ``--union-default-graph``) would
answer every query with nothing. :meth:`UnionCheck.check_union` asks the default graph for one
quad of the store's own; on a store that holds none yet, it writes a probe of its own first.

The probe is a single triple in a graph of its own, named under :data:`PROBE_GRAPHS` and
dropped at once. It is never registered (:mod:`kg.backends.sparql_registry`), so counting,
exporting and clearing never see it, and its predicate (:data:`UNION_PROBE`) is no term of the
vocabulary, so the analysis never reads it. Should the process be killed between writing and
dropping it, the next start drops it (``check_union`` runs when a store is opened): only a
user's own SPARQL over the union, in between, could see it. A start that drops a probe another
process is still using makes that process's probe vanish, not fail: the probe is then written
again.
"""

from __future__ import annotations

import contextlib
import uuid

from kg.backends.sparql_registry import OWNED, REGISTRY
from kg.backends.sparql_requests import SparqlRequests

#: Where the probes' graphs are named (a probe's graph is this and a random hex string).
PROBE_GRAPHS = f"{REGISTRY}/probe/"
#: The probe's predicate: ``<probe graph> kgs:unionProbe <probe graph>``.
UNION_PROBE = "https://w3id.org/cred-kg/store#unionProbe"
#: Probes written before giving up when each one vanished (another process's start-up took
#: it for a leftover) before it could be read.
_PROBE_ATTEMPTS = 3


class UnionCheck(SparqlRequests):
    """:meth:`check_union`, and the clean-up of probes a killed process left."""

    def check_union(self, *, probe: bool = False) -> None:
        """Check, on one sample quad, that the endpoint's default graph shows the named graphs.

        Drops first any probe graph a process killed half way through its probe left.

        Args:
            probe: when the store holds none of this store's data yet, check with a quad of
                its own, written into a fresh named graph and dropped at once (called before
                the first write, so that a refused endpoint is left holding nothing).

        Raises:
            OSError: it does not (the queries would see no data).
        """
        self._drop_left_probes()
        sample = self.select(
            f"SELECT ?s ?p ?o WHERE {{ {OWNED} GRAPH ?g {{ ?s ?p ?o }} }} LIMIT 1"
        )
        row = next(iter(sample), None)
        if row is None:
            if probe:
                self._probe_union()
            return
        if not self._ask(f"ASK {{ {row['s']} {row['p']} {row['o']} }}"):
            raise OSError(self._not_union())
        self._union_checked = True

    def _probe_union(self) -> None:
        for _ in range(_PROBE_ATTEMPTS):
            # A graph of its own per probe: two writers starting at once do not drop each
            # other's (but for a start-up's clean-up, which the second ASK tells apart).
            graph = f"<{PROBE_GRAPHS}{uuid.uuid4().hex}>"
            triple = f"{graph} <{UNION_PROBE}> {graph}"
            self._send(f"INSERT DATA {{ GRAPH {graph} {{ {triple} . }} }}")
            try:
                seen = self._ask(f"ASK {{ {triple} }}")
                vanished = not seen and not self._ask(f"ASK {{ GRAPH {graph} {{ {triple} }} }}")
            finally:
                self._send(f"DROP SILENT GRAPH {graph}")
            if seen:
                self._union_checked = True
                return
            if not vanished:
                raise OSError(self._not_union())
        raise OSError(
            f"{self.location}: cannot check that the endpoint's default graph is the union of "
            f"its named graphs: its probe was removed before it could be read, {_PROBE_ATTEMPTS} "
            "times (other processes starting on the same store); try again"
        )

    def _drop_left_probes(self) -> None:
        """Drop the probe graphs a killed process left (found by the probe's predicate, and
        only graphs named as probes)."""
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g <{UNION_PROBE}> ?g }} }}")
        left = [row["g"] for row in rows if row["g"].value.startswith(PROBE_GRAPHS)]
        if not left:
            return
        # On a read-only endpoint the probe stays, as harmless as before, for a writer to drop.
        with contextlib.suppress(OSError):
            self._send(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in left))

    def _not_union(self) -> str:
        return (
            f"{self.location}: the endpoint's default graph is not the union of its named "
            "graphs, so queries would not see the data; start oxigraph with "
            "--union-default-graph (see docs/backends.md for other servers)"
        )


__all__ = ["PROBE_GRAPHS", "UNION_PROBE", "UnionCheck"]
