"""Reading :class:`~kg.analysis.columns.CaseColumns` from a store in bulk: a few SPARQL
projections, serialised to TSV by Oxigraph two at a time on the two cores and tokenised and
hashed in numpy chunk by chunk as Oxigraph writes them (:mod:`kg.analysis._tsv`): no Python
object per statement, no whole result in memory, statements kept as hashes only. The rules
are those of :func:`kg.analysis.extract.read_case_graph`; tests check that both give the same
columns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import numpy as np
import pyoxigraph as ox

from kg.analysis import _tsv
from kg.analysis._hashing import sorted_search, unique_inverse
from kg.analysis._memory import TRIM_ABOVE_STATEMENTS, release_freed_memory
from kg.analysis.as_of_columns import HASH_ONLY as _AS_OF_HASH_ONLY
from kg.analysis.as_of_columns import QUERIES as _AS_OF_QUERIES
from kg.analysis.as_of_columns import DateFilter
from kg.analysis.closure import distinct_pairs
from kg.analysis.columns import EMPTY_PAIRS, CaseColumns
from kg.analysis.credibility import UNJUDGEABLE_KINDS
from kg.analysis.extract import _Hierarchy, _local, _read_overrides, _values, select
from kg.analysis.grouped_scan import fetch_grouped
from kg.namespaces import CRED

#: Stance code of a statement with none of the three stances (it does not count).
_NO_STANCE = 3


class _Column:
    """Cells of one column of a result, optionally only some rows."""

    def __init__(self, table: _tsv.Table, col: int, rows: np.ndarray | None = None) -> None:
        self.table, self.col = table, col
        bound = table.bound(col)
        self.rows = np.flatnonzero(bound) if rows is None else rows[bound[rows]]

    def hashes(self) -> tuple[np.ndarray, np.ndarray]:
        h1, h2 = self.table.hashes(self.col)
        return h1[self.rows], h2[self.rows]

    def texts(self, picked: np.ndarray) -> list[str]:
        """The values of the ``picked`` cells (indices into :attr:`rows`)."""
        return self.table.texts(self.col, self.rows[picked])  # type: ignore[return-value]


class _Interner:
    """Numbers the distinct values of several columns in one pass: one sort of their hashes,
    one decode per distinct value. With ``sort`` the ids follow the values' order and
    :attr:`names` lists them (with ``extra`` values added); without, ids follow the hashes and
    nothing is decoded (the columns may keep hashes only). ``ids(k)`` gives the ids of the k-th
    column's table rows (-1 for rows not taken)."""

    def __init__(self, columns: Sequence[_Column], extra: Iterable[str] = (),
                 sort: bool = True, keep_keys: bool = False) -> None:
        self.columns = list(columns)
        sizes = [len(c.rows) for c in self.columns]
        self._offsets = np.r_[0, np.cumsum(sizes)].astype(np.int64)
        self._texts: list[str] | None = None
        first = inverse = np.zeros(0, dtype=np.int64)
        h1, h2 = self._lanes()
        if len(h1):
            first, inverse = unique_inverse(h1)
            if not np.array_equal(h2, h2[first][inverse]):  # a clash of the first lane
                if sort:
                    texts = [t for c in self.columns for t in c.texts(np.arange(len(c.rows)))]
                    position: dict[str, int] = {}
                    inverse = np.array([position.setdefault(x, len(position)) for x in texts],
                                       dtype=np.int64)
                    self._texts = list(position)
                else:  # hashes only: key by both lanes
                    lanes = np.stack([h1, h2], axis=1)
                    _, first, inverse = np.unique(lanes, axis=0, return_index=True,
                                                  return_inverse=True)
                    inverse = inverse.reshape(-1)
        self._first = first
        #: Without ``sort``, with ``keep_keys``: the hash lanes of each id, for :meth:`lookup`.
        self._keys = (h1[first], h2[first]) if keep_keys and not sort else None
        self._clashed = self._keys is not None and bool((np.diff(self._keys[0]) == 0).any())
        del h1, h2
        self.size = len(self._texts) if self._texts is not None else len(first)
        self.names: tuple[str, ...] = ()
        self.index: dict[str, int] = {}
        if sort:
            firsts = self._decode_all()
            self.names = tuple(sorted(set(firsts).union(extra)))
            self.index = {name: i for i, name in enumerate(self.names)}
            rank = np.array([self.index[x] for x in firsts], dtype=np.int64)
            inverse = rank[inverse] if len(inverse) else inverse
        self._ids = inverse
        # The ids are all that is needed from here on: the tables can be freed.
        self._rows = [(c.table.n_rows, c.rows) for c in self.columns]
        self.columns = []

    def _lanes(self) -> tuple[np.ndarray, np.ndarray]:
        """Both hash lanes of every cell taken, column after column, gathered in place."""
        total = int(self._offsets[-1])
        h1, h2 = np.empty(total, dtype=np.uint64), np.empty(total, dtype=np.uint64)
        for k, column in enumerate(self.columns):
            part = slice(int(self._offsets[k]), int(self._offsets[k + 1]))
            lane1, lane2 = column.table.hashes(column.col)
            np.take(lane1, column.rows, out=h1[part])
            np.take(lane2, column.rows, out=h2[part])
        return h1, h2

    def _decode_all(self) -> list[str]:
        """The value of every (unsorted) id, decoded column by column in bulk."""
        if self._texts is not None:
            return self._texts
        first = self._first
        part = np.searchsorted(self._offsets, first, side="right") - 1
        out: list[str] = [""] * len(first)
        for p in np.unique(part).tolist():
            picked = np.flatnonzero(part == p)
            values = self.columns[p].texts(first[picked] - self._offsets[p])
            for i, value in zip(picked.tolist(), values, strict=True):
                out[i] = value
        return out

    def lookup(self, table: _tsv.Table, col: int) -> np.ndarray:
        """The id of each cell of another table's column (-1: a value not numbered here)."""
        if self._keys is None:
            raise ValueError("lookup needs an interner built with keep_keys, without sort")
        h1, h2 = table.hashes(col)
        out = np.full(table.n_rows, -1, dtype=np.int64)
        keys1, keys2 = self._keys
        if not len(keys1):
            return out
        if self._clashed:  # two ids share a first lane (about 1 in 10^19): by both lanes
            index = {(int(a), int(b)): i
                     for i, (a, b) in enumerate(zip(keys1.tolist(), keys2.tolist(), strict=True))}
            bound = np.flatnonzero(table.bound(col))
            out[bound] = [index.get((int(a), int(b)), -1)
                          for a, b in zip(h1[bound].tolist(), h2[bound].tolist(), strict=True)]
            return out
        at = np.minimum(sorted_search(keys1, h1), len(keys1) - 1)
        hit = (keys1[at] == h1) & (keys2[at] == h2) & table.bound(col)
        out[hit] = at[hit]
        return out

    def ids(self, k: int) -> np.ndarray:
        n_rows, rows = self._rows[k]
        out = np.full(n_rows, -1, dtype=np.int64)
        out[rows] = self._ids[self._offsets[k]:self._offsets[k + 1]]
        return out


#: The queries' subject columns read as hashes only: statements are matched, never shown.
_HASH_ONLY = {"stated_by": (0,), "about": (0,), "affirms": (0,), "denies": (0,),
              "hedges": (0,), **_AS_OF_HASH_ONLY}


#: Thread CPU seconds of each projection on the on-disk store of 1,025,641 statements
#: (benchmarks/analysis, 2026-11-29, two at a time), for the order in which the workers take
#: them: the longest first, so that the two finish close together (list scheduling). In the
#: order the queries were written, one worker had 9.7 s of work and the other 8.7 s (medians
#: of three reads); longest first, 9.3 s each. The two projections of the dates (an analysis
#: as of a date) were not measured: up to a row per statement, taken as large as ``about``.
_COST = {"stated_by": 6.3, "about": 5.9, "as_of_dates": 5.0, "as_of_documents": 5.0,
         "affirms": 1.6, "evidence_links": 1.2, "claim_types": 0.7, "denies": 0.4,
         "evidence_types": 0.4, "hedges": 0.3, "refines": 0.25, "outlets": 0.17,
         "acts_for": 0.15, "actor_types": 0.14, "contradicts": 0.01}


def _longest_first(names: Iterable[str]) -> list[str]:
    """``names`` by decreasing :data:`_COST` (unknown ones last, in their order)."""
    return sorted(names, key=lambda name: -_COST.get(name, 0.0))


#: On disk, the projections read grouped by their object (:mod:`kg.analysis.grouped_scan`):
#: name -> predicate.
_GROUPED = {"stated_by": "cred:statedBy"}


def _fetch(source: Any, name: str, text: str, grouped: bool) -> _tsv.Table:
    if grouped:
        table = fetch_grouped(source, _GROUPED[name])
        if table is not None:
            return table
    return _tsv.fetch(source, text, _HASH_ONLY.get(name, ()))


def _select_all(source: Any, queries: dict[str, str], workers: int = 2,
                grouped: bool = False) -> dict[str, _tsv.Table]:
    """Run the queries two at a time, each worker tokenising and hashing its own result as
    Oxigraph writes it: Oxigraph releases the GIL while it evaluates and serialises, and numpy
    while it sorts and computes, so the two cores stay busy. The workers take the queries
    longest first (:data:`_COST`). With ``grouped`` (an on-disk store), those of
    :data:`_GROUPED` are read grouped by their object."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures: dict[str, Future[_tsv.Table]] = {
            name: pool.submit(_fetch, source, name, queries[name], grouped and name in _GROUPED)
            for name in _longest_first(queries)
        }
        return {name: future.result() for name, future in futures.items()}


def read_case_columns(source: Any, dates: DateFilter | None = None) -> CaseColumns:
    """Read the columns from a store.

    Args:
        source: a :class:`kg.store.KnowledgeStore` or a ``pyoxigraph.Store``.
        dates: as of a date, the filter that drops the statement rows dated after it
            (:mod:`kg.analysis.as_of_columns`, which then drops the evidence items).

    Returns:
        The columns; the same as ``columns_from_case(read_case_graph(source))``, but for the
        order of the statement rows.
    """
    on_disk = getattr(source, "path", None) is not None
    local = getattr(source, "oxigraph", source)
    if isinstance(local, ox.Store):  # an on-disk KnowledgeStore: the same union of graphs
        source = local
    hierarchy = _Hierarchy(source)
    actor_kinds = hierarchy.subclasses_of(str(CRED.Actor))
    claim_kinds = hierarchy.subclasses_of(str(CRED.Claim))
    evidence_kinds = hierarchy.subclasses_of(str(CRED.Evidence))
    t = _select_all(source, {
        "stated_by": "SELECT ?s ?a WHERE { ?s cred:statedBy ?a }",
        "about": "SELECT ?s ?c WHERE { ?s cred:about ?c }",
        "affirms": "SELECT ?s WHERE { ?s cred:stance cred:Affirms }",
        "denies": "SELECT ?s WHERE { ?s cred:stance cred:Denies }",
        "hedges": "SELECT ?s WHERE { ?s cred:stance cred:Hedges }",
        "outlets": "SELECT DISTINCT ?o WHERE { ?r cred:reportedBy ?o }",
        "claim_types": f"SELECT ?c ?t WHERE {{ VALUES ?t {{ {_values(claim_kinds)} }} ?c a ?t }}",
        "actor_types": f"SELECT ?a WHERE {{ VALUES ?t {{ {_values(actor_kinds)} }} ?a a ?t }}",
        "acts_for": "SELECT ?a ?p WHERE { ?a cred:actsOnBehalfOf ?p }",
        "refines": "SELECT ?c ?b WHERE { ?c cred:refines ?b }",
        "contradicts": "SELECT ?c ?o WHERE { ?c cred:contradicts ?o }",
        "evidence_types": (f"SELECT ?e ?t WHERE {{ VALUES ?t {{ {_values(evidence_kinds)} }} "
                           "?e a ?t }"),
        "evidence_links": """SELECT ?e ?p ?v WHERE {
            VALUES ?p { cred:producedBy cred:releasedBy cred:citedBy cred:supports
                        cred:disputes }
            ?e ?p ?v }""",
        **(_AS_OF_QUERIES if dates is not None else {}),
    }, grouped=on_disk)
    overrides = tuple(_read_overrides(source))
    big = t["stated_by"].n_rows > TRIM_ABOVE_STATEMENTS
    if big:
        release_freed_memory()  # what the workers freed while they read, in their own heaps

    # -- statements: ids by the hash of the statement IRI. Only statements with a stance count,
    # so those of the three stance tables are numbered, and the statedBy and about rows look
    # their statement up among them (-1: no stance) ----------------------------------------
    stance_names = ("affirms", "denies", "hedges")
    statements = _Interner([_Column(t[n], 0) for n in stance_names], sort=False, keep_keys=True)
    n_st = statements.size
    stance = np.full(n_st, _NO_STANCE, dtype=np.int8)
    # Stances in reverse order, so that the first (smallest IRI) is written last and wins.
    for code in (2, 1, 0):
        stance[statements.ids(code)] = code
    del t["affirms"], t["denies"], t["hedges"]
    st_of_stated = statements.lookup(t["stated_by"], 0)
    st_of_about = statements.lookup(t["about"], 0)
    if dates is not None:
        dates.statements(source, t, statements)
    del statements
    valid = stance < _NO_STANCE  # every statement numbered has a stance
    t["stated_by"].forget_hashes(0)
    t["about"].forget_hashes(0)
    if big:
        release_freed_memory()

    # -- evidence links: citedBy counts only for items that also have one of the other four
    # links (the reader's FILTER EXISTS) ------------------------------------------------------
    links = t["evidence_links"]
    link_pred = _tsv.intern(links, 1)
    pred_name = np.array([_local(p) for p in link_pred.values] + [""], dtype=object)
    pred_of_row = pred_name[link_pred.ids]
    link_items = _Interner([_Column(links, 0)])
    item_local = link_items.ids(0)
    linked = np.zeros(len(link_items.names) + 1, dtype=bool)
    linked[item_local[pred_of_row != "citedBy"]] = True
    keep = linked[item_local]
    rows_of = {name: np.flatnonzero(keep & (pred_of_row == name))
               for name in ("producedBy", "releasedBy", "citedBy", "supports", "disputes")}
    owner_rows = np.concatenate([rows_of["producedBy"], rows_of["releasedBy"]])
    claim_rows = np.concatenate([rows_of["supports"], rows_of["disputes"]])

    # -- claims --------------------------------------------------------------------------------
    about_col = _Column(t["about"], 1, np.flatnonzero((st_of_about >= 0)
                                                      & valid[np.maximum(st_of_about, 0)]))
    claims = _Interner([
        about_col,
        _Column(t["claim_types"], 0),
        _Column(links, 2, claim_rows),
        _Column(t["refines"], 0), _Column(t["refines"], 1),
        _Column(t["contradicts"], 0), _Column(t["contradicts"], 1),
    ])
    claim_names = claims.names
    about_claim = claims.ids(0)
    del about_col, t["about"]

    # -- actors --------------------------------------------------------------------------------
    override_actors = {a for o in overrides for a in o.actors}
    stated_col = _Column(t["stated_by"], 1, np.flatnonzero(valid[np.maximum(st_of_stated, 0)]
                                                           & (st_of_stated >= 0)))
    actor_parts = [stated_col, _Column(t["actor_types"], 0), _Column(t["acts_for"], 0),
                   _Column(links, 2, np.concatenate([owner_rows, rows_of["citedBy"]]))]
    actors = _Interner(actor_parts, extra=override_actors)
    # Outlets that are already actors need no check; any other outlet is an actor only if it
    # relays a valid statement, which a query per such outlet settles.
    outlets = _tsv.intern(t["outlets"], 0)
    unknown = sorted(set(outlets.values) - set(actors.index))
    relaying = _relaying_outlets(source, unknown) if unknown else set()
    parents = _tsv.intern(t["acts_for"], 1)
    acts_subject = actors.ids(2)
    # Affiliation: the first parent in IRI order; a parent that is no actor otherwise is an
    # implicit actor.
    parent_names: dict[str, str] = {}
    for row in np.flatnonzero((acts_subject >= 0) & (parents.ids >= 0)).tolist():
        child = actors.names[acts_subject[row]]
        name = parents.values[parents.ids[row]]
        if child not in parent_names or name < parent_names[child]:
            parent_names[child] = name
    implicit = set(parent_names.values()) - set(actors.index) - relaying
    if relaying or implicit:
        actors = _Interner(actor_parts, extra=override_actors | relaying | implicit)
    actor_names, actor_index = actors.names, actors.index
    actor_parent = np.full(len(actor_names), -1, dtype=np.int64)
    for child, name in parent_names.items():
        actor_parent[actor_index[child]] = actor_index[name]
    actor_implicit = np.zeros(len(actor_names), dtype=bool)
    actor_implicit[[actor_index[n] for n in implicit]] = True
    stated_actor = actors.ids(0)
    del stated_col, actor_parts, t["stated_by"]

    # -- statement rows: every (statement, actor, claim) of a valid statement -----------------
    rows_s, rows_a, rows_c = _statement_rows(st_of_stated, stated_actor, st_of_about,
                                             about_claim, n_st)
    if dates is not None:  # after the actors and claims: those stay, known or not
        rows_s, rows_a, rows_c = dates.rows(rows_s, rows_a, rows_c, claim_names)
    del st_of_stated, stated_actor, st_of_about, about_claim

    # -- claim kinds, refinement, contradiction ----------------------------------------------
    c_types = t["claim_types"]
    kinds = _tsv.intern(c_types, 1)
    bad_kind = np.array([_local(k) in UNJUDGEABLE_KINDS for k in kinds.values] + [False])
    typed = claims.ids(1)
    claim_unjudgeable = np.zeros(len(claim_names), dtype=bool)
    claim_unjudgeable[typed[bad_kind[kinds.ids] & (typed >= 0)]] = True
    refines = _pair_array(claims.ids(3), claims.ids(4))
    ca, cb = claims.ids(5), claims.ids(6)
    contradicts = _pair_array(np.concatenate([ca, cb]), np.concatenate([cb, ca]))

    # -- evidence: items, priors from their kinds (sorted IRIs, or cred:Evidence) -------------
    ev_types = t["evidence_types"]
    evidence = _Interner([_Column(ev_types, 0), _Column(links, 0, np.flatnonzero(keep))])
    ev_kind = _tsv.intern(ev_types, 1)
    typed_item = evidence.ids(0)
    kinds_of: dict[int, set[str]] = {}
    ok = (typed_item >= 0) & (ev_kind.ids >= 0)
    pairs = _pair_array(typed_item[ok], ev_kind.ids[ok])
    counts = np.bincount(pairs[:, 0], minlength=len(evidence.names)) if len(pairs) \
        else np.zeros(len(evidence.names), dtype=np.int64)
    default = hierarchy.prior([str(CRED.Evidence)])
    single_prior = np.array([hierarchy.prior([k]) for k in ev_kind.values] + [default])
    evidence_prior = np.full(len(evidence.names), default)
    one = counts[pairs[:, 0]] == 1 if len(pairs) else np.zeros(0, dtype=bool)
    evidence_prior[pairs[one, 0]] = single_prior[pairs[one, 1]]
    for item, kind in pairs[~one].tolist():  # items of several kinds: few
        kinds_of.setdefault(item, set()).add(ev_kind.values[kind])
    for item, names in kinds_of.items():
        evidence_prior[item] = hierarchy.prior(sorted(names))
    item_of_link = evidence.ids(1)
    link_actor = actors.ids(3)
    link_claim = claims.ids(2)

    def link_pairs(rows: np.ndarray, targets: np.ndarray) -> np.ndarray:
        return _pair_array(item_of_link[rows], targets[rows])

    return CaseColumns(
        actors=actor_names, actor_parent=actor_parent, actor_implicit=actor_implicit,
        claims=claim_names, claim_unjudgeable=claim_unjudgeable,
        refines=refines, contradicts=contradicts,
        stmt_actor=rows_a, stmt_claim=rows_c,
        stmt_stance=stance[rows_s].astype(np.int8),
        evidence=evidence.names, evidence_prior=evidence_prior,
        evidence_owner=link_pairs(owner_rows, link_actor),
        evidence_supports=link_pairs(rows_of["supports"], link_claim),
        evidence_disputes=link_pairs(rows_of["disputes"], link_claim),
        overrides=overrides,
    )


def _pair_array(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    ok = (left >= 0) & (right >= 0)
    if not ok.any():
        return EMPTY_PAIRS
    return distinct_pairs(left[ok], right[ok])


def _distinct_pairs(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    ok = right >= 0
    if not ok.any():
        return EMPTY_PAIRS
    return distinct_pairs(left[ok], right[ok])


def _statement_rows(
    st_of_stated: np.ndarray, stated_actor: np.ndarray, st_of_about: np.ndarray,
    about_claim: np.ndarray, n_st: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (statement, actor, claim) of a valid statement, in statement order, from the
    statement and actor (-1: not taken) of each ``statedBy`` row and the statement and claim
    of each ``about`` row."""
    taken_a, taken_c = stated_actor >= 0, about_claim >= 0
    by_actor, by_claim = st_of_stated[taken_a], st_of_about[taken_c]
    if (np.bincount(by_actor, minlength=n_st).max(initial=0) <= 1
            and np.bincount(by_claim, minlength=n_st).max(initial=0) <= 1):
        # The usual data, one actor and one claim per statement (each stated once): the rows
        # are the statements that have both, without sorting pairs or joining them.
        actor = np.full(n_st, -1, dtype=np.int64)
        actor[by_actor] = stated_actor[taken_a]
        claim = np.full(n_st, -1, dtype=np.int64)
        claim[by_claim] = about_claim[taken_c]
        rows = np.flatnonzero((actor >= 0) & (claim >= 0))
        return rows, actor[rows], claim[rows]
    pairs_a = _distinct_pairs(by_actor, stated_actor[taken_a])
    pairs_c = _distinct_pairs(by_claim, about_claim[taken_c])
    return _product_join(pairs_a, pairs_c)


def _product_join(
    pairs_a: np.ndarray, pairs_c: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (statement, actor, claim) for statements with actors ``pairs_a`` and claims
    ``pairs_c`` (both sorted by statement): a statement naming two claims is two rows."""
    if not len(pairs_a) or not len(pairs_c):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    stmts_c, c_start, c_count = np.unique(pairs_c[:, 0], return_index=True, return_counts=True)
    pos = np.searchsorted(stmts_c, pairs_a[:, 0])
    pos_ok = np.minimum(pos, len(stmts_c) - 1)
    found = stmts_c[pos_ok] == pairs_a[:, 0]
    a_rows = np.flatnonzero(found)
    counts = c_count[pos_ok[a_rows]]
    starts = c_start[pos_ok[a_rows]]
    rep = np.repeat(np.arange(len(a_rows)), counts)
    offset = np.arange(len(rep)) - np.repeat(np.cumsum(counts) - counts, counts)
    c_rows = starts[rep] + offset
    return pairs_a[a_rows[rep], 0], pairs_a[a_rows[rep], 1], pairs_c[c_rows, 1]


def _relaying_outlets(source: Any, outlets: list[str]) -> set[str]:
    """Which of ``outlets`` relay a valid statement, one with one of the three stances (the
    reader counts the outlets of the relays of valid statements as actors). Rare: an outlet
    with no type and nothing else that makes it an actor. Statements were read as hashes, so
    the store checks the stance."""
    found: set[str] = set()
    for start in range(0, len(outlets), 500):
        chunk = outlets[start:start + 500]
        found.update(outlet for (outlet,) in select(source, (
            f"SELECT DISTINCT ?o WHERE {{ VALUES ?o {{ {_values(chunk)} }} "
            "?r cred:reportedBy ?o ; cred:relays ?s . ?s cred:stance ?st "
            "VALUES ?st { cred:Affirms cred:Denies cred:Hedges } }")) if outlet)
    return found


__all__ = ["read_case_columns"]
