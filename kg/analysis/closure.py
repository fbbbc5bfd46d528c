"""Implication over the refinement graph, in bulk: carry (claim, item) pairs to every broader
claim (:meth:`Refinement.up`) or every narrower one (:meth:`Refinement.down`).

The rules are those of :mod:`kg.analysis.stances`: an affirmation reaches every broader claim, a
denial every narrower one, and so does evidence. The reflexive-transitive closure of the
refinement graph is never built: a chain of ``L`` claims has ``L^2 / 2`` closure pairs, while the
pairs carried along it are only as many as the answer holds. Instead the graph is condensed to its
strongly connected components (refinement should be acyclic, but raw data may hold a cycle, whose
claims then imply each other, as the networkx reference has it), the components are put in
topological levels, and each level's sets are the union of its own pairs and the finished sets of
the level below: every pair is produced once per edge it crosses, with ``np.unique`` per level.

Example:
    >>> import numpy as np
    >>> graph = Refinement(3, np.array([[0, 1], [1, 2]]))  # 0 refines 1, 1 refines 2
    >>> graph.up(np.array([0]), np.array([7])).pairs().tolist()
    [[0, 7], [1, 7], [2, 7]]
    >>> graph.down(np.array([1]), np.array([5])).pairs().tolist()
    [[0, 5], [1, 5]]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components


@dataclass(frozen=True, eq=False)
class PairSets:
    """Sets of items per claim, as CSR: items of claim ``c`` are ``items[indptr[c]:indptr[c+1]]``,
    sorted and distinct."""

    indptr: np.ndarray
    items: np.ndarray

    @property
    def n_claims(self) -> int:
        return len(self.indptr) - 1

    def counts(self) -> np.ndarray:
        return np.diff(self.indptr)

    def claim_of(self) -> np.ndarray:
        """The claim of every stored item."""
        return np.repeat(np.arange(self.n_claims), self.counts())

    def pairs(self) -> np.ndarray:
        return np.stack([self.claim_of(), self.items], axis=1)

    def of(self, claim: int) -> np.ndarray:
        return self.items[self.indptr[claim]:self.indptr[claim + 1]]

    def keys(self, n_items: int) -> np.ndarray:
        """``claim * n_items + item`` for every pair: sorted, so that set operations are
        searches."""
        return self.claim_of() * np.int64(n_items) + self.items


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values; ``np.unique`` without its hash table, which is slower for the
    integer keys used here."""
    if not len(values):
        return np.asarray(values)
    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def distinct_pairs(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Distinct ``(left, right)`` rows of non-negative ids, sorted, as an ``n x 2`` array."""
    if not len(left):
        return np.zeros((0, 2), dtype=np.int64)
    span = np.int64(int(right.max()) + 1)
    keys = distinct(left.astype(np.int64) * span + right)
    return np.stack(np.divmod(keys, span), axis=1)


def pair_sets(claims: np.ndarray, items: np.ndarray, n_claims: int) -> PairSets:
    """Distinct pairs as :class:`PairSets`."""
    if not len(claims):
        return PairSets(np.zeros(n_claims + 1, dtype=np.int64), np.zeros(0, dtype=np.int64))
    span = np.int64(int(items.max()) + 1)
    keys = distinct(claims.astype(np.int64) * span + items)
    claim_of, item = np.divmod(keys, span)
    indptr = np.zeros(n_claims + 1, dtype=np.int64)
    np.cumsum(np.bincount(claim_of, minlength=n_claims), out=indptr[1:])
    return PairSets(indptr, item)


def _ranges(starts: np.ndarray, stops: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenated ``arange(start, stop)`` for every range, and the index of each range."""
    lengths = stops - starts
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(starts)), lengths)
    offset = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.repeat(starts, lengths) + offset, owner


class Refinement:
    """The refinement graph of ``n_claims`` claims, with ``(narrow, broad)`` edges."""

    def __init__(self, n_claims: int, refines: np.ndarray) -> None:
        self.n_claims = n_claims
        edges = np.asarray(refines, dtype=np.int64).reshape(-1, 2)
        self.edges = edges
        graph = sp.csr_array((np.ones(len(edges)), (edges[:, 0], edges[:, 1])),
                             shape=(n_claims, n_claims))
        if len(edges):
            self.n_comp, self.comp = connected_components(graph, directed=True,
                                                          connection="strong")
            self.comp = self.comp.astype(np.int64)
        else:
            self.n_comp, self.comp = n_claims, np.arange(n_claims, dtype=np.int64)
        cu, cv = self.comp[edges[:, 0]], self.comp[edges[:, 1]]
        keep = cu != cv
        condensed = distinct_pairs(cu[keep], cv[keep])
        self._up_edges = condensed  # narrow component -> broad component
        # Members of each component, in claim order.
        order = np.argsort(self.comp, kind="stable")
        self._members = order
        self._member_ptr = np.zeros(self.n_comp + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.comp, minlength=self.n_comp), out=self._member_ptr[1:])

    @cached_property
    def _up_levels(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        return _levels(self.n_comp, self._up_edges)

    @cached_property
    def _down_levels(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        return _levels(self.n_comp, self._up_edges[:, ::-1])

    @cached_property
    def trivial(self) -> bool:
        """No refinement at all: every claim implies only itself."""
        return not len(self.edges)

    def up(self, claims: np.ndarray, items: np.ndarray) -> PairSets:
        """Each item at its claim and at every broader claim."""
        return self._carry(claims, items, self._up_levels)

    def down(self, claims: np.ndarray, items: np.ndarray) -> PairSets:
        """Each item at its claim and at every narrower claim."""
        return self._carry(claims, items, self._down_levels)

    def _carry(
        self, claims: np.ndarray, items: np.ndarray,
        levels: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
    ) -> PairSets:
        claims = np.asarray(claims, dtype=np.int64)
        items = np.asarray(items, dtype=np.int64)
        if self.trivial or not len(claims):
            return pair_sets(claims, items, self.n_claims)
        n_items = np.int64(int(items.max()) + 1)
        seeds = pair_sets(self.comp[claims], items, self.n_comp)
        # Finished sets, appended level by level; start/stop of each component's set.
        buffer = np.empty(max(16, 2 * len(seeds.items)), dtype=np.int64)
        used = 0
        start = np.zeros(self.n_comp, dtype=np.int64)
        stop = np.zeros(self.n_comp, dtype=np.int64)
        for nodes, edge_src, edge_dst in levels:
            # Own pairs of this level's components.
            own_idx, own_owner = _ranges(seeds.indptr[nodes], seeds.indptr[nodes + 1])
            own_keys = nodes[own_owner] * n_items + seeds.items[own_idx]
            if len(edge_src):
                got_idx, got_owner = _ranges(start[edge_src], stop[edge_src])
                got_keys = edge_dst[got_owner] * n_items + buffer[got_idx]
                keys = distinct(np.concatenate([own_keys, got_keys]))
            else:
                keys = own_keys  # already sorted and distinct: nodes sorted, seeds distinct
            comp_of, item = np.divmod(keys, n_items)
            if used + len(item) > len(buffer):
                grown = np.empty(max(2 * len(buffer), used + len(item)), dtype=np.int64)
                grown[:used] = buffer[:used]
                buffer = grown
            buffer[used:used + len(item)] = item
            first = np.searchsorted(comp_of, nodes, side="left")
            last = np.searchsorted(comp_of, nodes, side="right")
            start[nodes] = used + first
            stop[nodes] = used + last
            used += len(item)
        # Every claim gets its component's set.
        lengths = stop[self.comp] - start[self.comp]
        idx, _ = _ranges(start[self.comp], stop[self.comp])
        indptr = np.zeros(self.n_claims + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        return PairSets(indptr, buffer[idx])

    # -- single claims, for explanations ------------------------------------------------------

    @cached_property
    def _adjacency(self) -> tuple[sp.csr_array, sp.csr_array]:
        e = self.edges
        up = sp.csr_array((np.ones(len(e), dtype=np.int8), (e[:, 0], e[:, 1])),
                          shape=(self.n_claims, self.n_claims))
        return up, sp.csr_array(up.T)

    def broader_of(self, claims: np.ndarray) -> np.ndarray:
        """The claims and every claim broader than one of them, sorted."""
        return _reach(self._adjacency[0], claims)

    def narrower_of(self, claims: np.ndarray) -> np.ndarray:
        """The claims and every claim narrower than one of them, sorted."""
        return _reach(self._adjacency[1], claims)


def _reach(adjacency: sp.csr_array, start: np.ndarray) -> np.ndarray:
    seen = np.zeros(adjacency.shape[0], dtype=bool)
    frontier = distinct(np.asarray(start, dtype=np.int64))
    seen[frontier] = True
    indptr, indices = adjacency.indptr, adjacency.indices
    while len(frontier):
        idx, _ = _ranges(indptr[frontier].astype(np.int64), indptr[frontier + 1].astype(np.int64))
        nxt = distinct(indices[idx])
        nxt = nxt[~seen[nxt]]
        seen[nxt] = True
        frontier = nxt.astype(np.int64)
    return np.flatnonzero(seen)


def _levels(
    n: int, edges: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Topological levels of a DAG with edges ``(from, to)``: a node comes after every node with
    an edge into it. Per level: its nodes (sorted), and the edges into them."""
    indegree = np.bincount(edges[:, 1], minlength=n) if len(edges) else np.zeros(n, np.int64)
    order = np.argsort(edges[:, 0], kind="stable")
    out_src, out_dst = edges[order, 0], edges[order, 1]
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(out_src, minlength=n), out=out_ptr[1:])
    into = np.argsort(edges[:, 1], kind="stable")
    in_src, in_dst = edges[into, 0], edges[into, 1]
    in_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(in_dst, minlength=n), out=in_ptr[1:])
    frontier = np.flatnonzero(indegree == 0)
    remaining = indegree.copy()
    levels = []
    while len(frontier):
        idx, _ = _ranges(in_ptr[frontier], in_ptr[frontier + 1])
        levels.append((frontier, in_src[idx], in_dst[idx]))
        out_idx, _ = _ranges(out_ptr[frontier], out_ptr[frontier + 1])
        targets = out_dst[out_idx]
        if not len(targets):
            break
        np.subtract.at(remaining, targets, 1)
        cand = distinct(targets)
        frontier = cand[remaining[cand] == 0]
    return levels


__all__ = ["PairSets", "Refinement", "distinct", "distinct_pairs", "pair_sets"]
