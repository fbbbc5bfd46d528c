"""The numbers of every claim and actor at once, from :class:`~kg.analysis.columns.CaseColumns`.

This is the fast path of the analysis: the same rules as :mod:`kg.analysis.groups`,
:mod:`~kg.analysis.stances`, :mod:`~kg.analysis.corroboration`, :mod:`~kg.analysis.credibility`
and :mod:`~kg.analysis.reliability` (whose module docstrings state them), computed on integer ids
with numpy and scipy instead of per-statement records. Those modules stay the reference
implementation: they build the explanation of one claim on demand, and the tests check that both
give the same numbers for every claim and actor of random graphs.

How the rules map onto arrays (``A`` affirming groups, ``D`` contesting groups, ``k``):

- groups: pointer jumping over the affiliation array (after independence declarations detach
  their actors), then dependence declarations merged with ``connected_components``;
- affirmations go up the refinement graph, denials down, and an affirmation denies what the
  claim or a broader claim contradicts, with the narrower claims of that
  (:class:`~kg.analysis.closure.Refinement` carries the pairs without building the closure);
- counts per claim are the sizes of (claim, group) sets; ``contested_by`` is the deniers minus
  the affirmers; the credibility table and the strong-evidence lift are vector selections.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from kg.analysis._hashing import sorted_search
from kg.analysis.closure import PairSets, Refinement, _ranges, distinct, pair_sets
from kg.analysis.columns import AFFIRMS, DENIES, HEDGES, CaseColumns
from kg.analysis.credibility import MIN_CONFIRMING_GROUPS, STRONG_EVIDENCE_PRIOR

#: Status codes, in the order of :data:`kg.analysis.corroboration.STATUSES`.
CORROBORATED, PARTLY, SINGLE, UNSUPPORTED = 0, 1, 2, 3


@dataclass(frozen=True, eq=False)
class Partition:
    """Independent source groups as arrays: ``head[a]`` is the top of actor ``a``'s chain and
    ``group[a]`` the id of its group's representative actor (the group's IRI)."""

    head: np.ndarray
    group: np.ndarray
    parent: np.ndarray  # affiliation after independence declarations detached their actors

    @cached_property
    def members(self) -> PairSets:
        """The actors of each group (indexed by the group's actor id)."""
        n = len(self.group)
        return pair_sets(self.group, np.arange(n), n)


def partition(columns: CaseColumns) -> Partition:
    """The groups of :func:`kg.analysis.groups.source_groups`, on ids.

    Example:
        >>> from kg.analysis.model import Actor, CaseGraph
        >>> from kg.analysis.columns import columns_from_case
        >>> case = CaseGraph(actors={"us": Actor("us", "US"),
        ...                          "wh": Actor("wh", "WH", acts_for="us"),
        ...                          "x": Actor("x", "X")})
        >>> partition(columns_from_case(case)).group.tolist()  # us, wh, x
        [0, 0, 2]
    """
    n = columns.n_actors
    index = columns.actor_index
    parent = columns.actor_parent.copy()
    for override in columns.overrides:
        if override.independent:
            parent[[index[a] for a in override.actors if a in index]] = -1
    ids = np.arange(n, dtype=np.int64)
    jump = np.where(parent >= 0, parent, ids)
    for _ in range(max(1, int(np.ceil(np.log2(max(n, 2))))) + 1):
        nxt = jump[jump]
        if np.array_equal(nxt, jump):
            break
        jump = nxt
    head = jump.copy()
    # Actors whose chain ends in a cycle (refused by the shapes, possible in raw data) are walked
    # one by one, as the reference does: the head is the cycle's smallest IRI.
    cyclic = np.flatnonzero(parent[head] >= 0)
    for actor in cyclic.tolist():
        chain, seen = [actor], {actor}
        while parent[chain[-1]] >= 0 and int(parent[chain[-1]]) not in seen:
            chain.append(int(parent[chain[-1]]))
            seen.add(chain[-1])
        last = chain[-1]
        nxt_id = int(parent[last])
        head[actor] = min(chain[chain.index(nxt_id):]) if nxt_id >= 0 else last
    # Dependence declarations merge heads; the head with most actors names the group, ties to
    # the smallest IRI.
    rows, cols = [], []
    for override in columns.overrides:
        if not override.independent:
            heads = sorted({int(head[index[a]]) for a in override.actors if a in index})
            rows.extend(heads[:1] * (len(heads) - 1))
            cols.extend(heads[1:])
    group = head
    if rows:
        graph = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, n))
        _, comp = connected_components(graph, directed=False)
        size = np.bincount(head, minlength=n)
        is_head = np.zeros(n, dtype=bool)
        is_head[head] = True
        candidates = np.flatnonzero(is_head)
        order = np.lexsort((candidates, -size[candidates], comp[candidates]))
        ranked = candidates[order]
        first = np.ones(len(ranked), dtype=bool)
        first[1:] = comp[ranked][1:] != comp[ranked][:-1]
        representative = np.full(n, -1, dtype=np.int64)
        representative[comp[ranked[first]]] = ranked[first]
        group = representative[comp[head]]
    return Partition(head=head, group=group, parent=parent)


def _union(*sets: PairSets) -> PairSets:
    n = sets[0].n_claims
    claims = np.concatenate([s.claim_of() for s in sets])
    items = np.concatenate([s.items for s in sets])
    return pair_sets(claims, items, n)


def _map_items(sets: PairSets, mapping: np.ndarray) -> PairSets:
    return pair_sets(sets.claim_of(), mapping[sets.items], sets.n_claims)


def _contains(keys: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Which of ``query`` are in the sorted array ``keys``."""
    if not len(keys):
        return np.zeros(len(query), dtype=bool)
    pos = np.minimum(sorted_search(keys, query), len(keys) - 1)
    return keys[pos] == query


def _difference(a: PairSets, b: PairSets, n_items: int) -> PairSets:
    keep = ~_contains(b.keys(n_items), a.keys(n_items))
    return pair_sets(a.claim_of()[keep], a.items[keep], a.n_claims)


@dataclass(frozen=True, eq=False)
class Numbers:
    """Per claim and per actor, everything :class:`~kg.analysis.Analysis` lists in bulk.

    Claim sets are :class:`~kg.analysis.closure.PairSets` indexed by claim id, holding actor ids
    (``*_actors``) or group ids (``*_groups``); ``contested`` holds the groups that deny and do
    not affirm.
    """

    columns: CaseColumns
    partition: Partition
    min_groups: int
    affirm_actors: PairSets
    deny_actors: PairSets
    direct_affirm: PairSets
    direct_deny: PairSets
    affirm_groups: PairSets
    deny_groups: PairSets
    hedge_groups: PairSets
    contested: PairSets
    status: np.ndarray  # int8, index into STATUSES
    grade: np.ndarray  # int8, 1..6
    strong_lift: np.ndarray  # bool: the strong-evidence rule gave grade 2
    assessed: PairSets  # per actor: its assessed claims (ids, sorted)

    @property
    def independent_groups(self) -> np.ndarray:
        return self.affirm_groups.counts()

    @property
    def contested_count(self) -> np.ndarray:
        return self.contested.counts()

    @property
    def hedging_count(self) -> np.ndarray:
        return self.hedge_groups.counts()

    def votes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """One truth-discovery vote per (actor, judgeable claim) with a side, as
        :func:`kg.analysis.trust.estimate_trust` casts it: a direct denial, else a direct
        affirmation, else an implied denial, else an implied affirmation. Returns ``(actor,
        claim, denies)`` sorted by claim then actor."""
        cols = self.columns
        n_a = np.int64(cols.n_actors)
        every = _union(self.affirm_actors, self.deny_actors)
        keys = every.keys(int(n_a))
        judge = ~cols.claim_unjudgeable[every.claim_of()]
        keys = keys[judge]
        denied = _contains(self.deny_actors.keys(int(n_a)), keys)
        direct_a = _contains(self.direct_affirm.keys(int(n_a)), keys)
        direct_d = _contains(self.direct_deny.keys(int(n_a)), keys)
        denies = direct_d | (denied & ~direct_a)
        claim, actor = np.divmod(keys, n_a)
        return actor, claim, denies


def compute_numbers(
    columns: CaseColumns, *, min_groups: int = 2, groups: Partition | None = None
) -> Numbers:
    """The numbers of every claim and actor (see the module docstring).

    Args:
        columns: the case, in columns.
        min_groups: k, independent affirming groups needed for "corroborated".
        groups: the partition, if already computed.
    """
    if min_groups < 1:
        raise ValueError("min_groups must be at least 1")
    cols = columns
    n_c, n_a = cols.n_claims, cols.n_actors
    part = groups or partition(cols)
    refinement = Refinement(n_c, cols.refines)
    stance = cols.stmt_stance
    pick = {s: stance == s for s in (AFFIRMS, DENIES, HEDGES)}
    direct = {s: pair_sets(cols.stmt_claim[m], cols.stmt_actor[m], n_c) for s, m in pick.items()}
    affirm = refinement.up(cols.stmt_claim[pick[AFFIRMS]], cols.stmt_actor[pick[AFFIRMS]])
    deny_broader = refinement.down(cols.stmt_claim[pick[DENIES]], cols.stmt_actor[pick[DENIES]])
    deny = deny_broader
    if len(cols.contradicts):
        deny = _union(deny_broader, _contradiction(cols, refinement, affirm, direct[AFFIRMS]))

    group = part.group
    affirm_g = _map_items(affirm, group)
    deny_g = _map_items(deny, group)
    hedge_g = _map_items(direct[HEDGES], group)
    contested = _difference(deny_g, affirm_g, n_a)

    a = affirm_g.counts()
    d = contested.counts()
    k = min_groups
    status = np.select([a >= k, a == 0, a == 1], [CORROBORATED, UNSUPPORTED, SINGLE],
                       PARTLY).astype(np.int8)
    strong = _strong_evidence(cols, refinement, part, affirm_g, (a == 1) & (d == 0))
    unjudgeable = cols.claim_unjudgeable
    # Grades 1 and 5 need two groups even when k is 1 (kg.analysis.credibility's table).
    need = max(k, MIN_CONFIRMING_GROUPS)
    conditions = [
        unjudgeable,
        (a == 0) & (d == 0),
        (a >= need) & (d == 0),
        (a >= 2) & (d < a),
        (a == 1) & (d == 0) & strong,
        (a == 1) & (d == 0),
        a >= 1,
        d < need,
    ]
    grade = np.select(conditions, [6, 6, 1, 2, 2, 3, 4, 4], 5).astype(np.int8)
    lifted = (grade == 2) & ~unjudgeable & (a == 1) & (d == 0) & strong

    # Assessed claims: judgeable claims an actor took a side on directly, on which at least one
    # other group took a side too (sided groups = A + D, since the actor's own group is one).
    sided = _union(direct[AFFIRMS], direct[DENIES])
    claim_of = sided.claim_of()
    ok = ~unjudgeable[claim_of] & ((a + d)[claim_of] >= 2)
    assessed = pair_sets(sided.items[ok], claim_of[ok], n_a)
    return Numbers(
        columns=cols, partition=part, min_groups=min_groups, affirm_actors=affirm,
        deny_actors=deny, direct_affirm=direct[AFFIRMS], direct_deny=direct[DENIES],
        affirm_groups=affirm_g, deny_groups=deny_g, hedge_groups=hedge_g, contested=contested,
        status=status, grade=grade, strong_lift=lifted, assessed=assessed,
    )


def _contradiction(
    cols: CaseColumns, refinement: Refinement, affirm: PairSets, direct_affirm: PairSets
) -> PairSets:
    """(claim, actor): the actor denies the claim by affirming something that contradicts it,
    or a narrower claim of something that contradicts it."""
    n_c = cols.n_claims
    con = cols.contradicts
    k_ptr = np.zeros(n_c + 1, dtype=np.int64)
    np.cumsum(np.bincount(con[:, 0], minlength=n_c), out=k_ptr[1:])
    k_to = con[np.argsort(con[:, 0], kind="stable"), 1]

    def through_k(sets: PairSets) -> tuple[np.ndarray, np.ndarray]:
        claim_of = sets.claim_of()
        idx, owner = _ranges(k_ptr[claim_of], k_ptr[claim_of + 1])
        return k_to[idx], sets.items[owner]

    y, actor = through_k(affirm)
    found = refinement.down(y, actor)
    # The reference leaves out the affirmed claim itself, and a claim that is only reached
    # through itself; that matters only where a claim's broader claims contradict one another
    # or it (set P). There the exact rule is applied claim by claim.
    ends = np.unique(con.ravel())
    labels = refinement.down(ends, ends)  # (claim, contradicted-ish end it is narrower of)
    lab_claim, lab_end = labels.claim_of(), labels.items
    idx, owner = _ranges(k_ptr[lab_end], k_ptr[lab_end + 1])
    probe = lab_claim[owner] * np.int64(n_c) + k_to[idx]
    in_p = _contains(labels.keys(n_c), probe)
    special = np.unique(lab_claim[owner][in_p])
    if not len(special):
        return found
    keep = ~np.isin(found.claim_of(), special)
    claims = [found.claim_of()[keep]]
    items = [found.items[keep]]
    for c in special.tolist():
        broader = refinement.broader_of(np.array([c]))
        idx, _ = _ranges(k_ptr[broader], k_ptr[broader + 1])
        targets = np.setdiff1d(np.unique(k_to[idx]), [c])
        if not len(targets):
            continue
        sources = np.setdiff1d(refinement.narrower_of(targets), [c])
        actors = np.unique(np.concatenate(
            [direct_affirm.of(int(s)) for s in sources.tolist()] or [np.zeros(0, np.int64)]))
        claims.append(np.full(len(actors), c, dtype=np.int64))
        items.append(actors.astype(np.int64))
    return pair_sets(np.concatenate(claims), np.concatenate(items), n_c)


def _strong_evidence(
    cols: CaseColumns, refinement: Refinement, part: Partition, affirm_g: PairSets,
    candidates: np.ndarray,
) -> np.ndarray:
    """Per claim: supporting evidence (on it or a narrower claim) with prior >= 0.7 that has no
    owner, or whose owners' groups do not include the claim's one affirming group."""
    out = np.zeros(cols.n_claims, dtype=bool)
    sup = cols.evidence_supports
    if not len(sup) or not candidates.any():
        return out
    strong_item = cols.evidence_prior >= STRONG_EVIDENCE_PRIOR
    sup = sup[strong_item[sup[:, 0]]]
    if not len(sup):
        return out
    reach = refinement.up(sup[:, 1], sup[:, 0])
    claim_of = reach.claim_of()
    on = candidates[claim_of]
    claim_of, item = claim_of[on], reach.items[on]
    only_group = affirm_g.items[affirm_g.indptr[claim_of]]
    n_a = np.int64(cols.n_actors)
    owners = cols.evidence_owner
    owner_groups = distinct(owners[:, 0] * n_a + part.group[owners[:, 1]]) if len(owners) \
        else np.zeros(0, dtype=np.int64)
    has_owner = np.zeros(len(cols.evidence), dtype=bool)
    has_owner[owners[:, 0]] = True
    own = _contains(owner_groups, item * n_a + only_group)
    ok = ~has_owner[item] | ~own
    out[claim_of[ok]] = True
    return out


__all__ = ["CORROBORATED", "PARTLY", "SINGLE", "UNSUPPORTED", "Numbers", "Partition",
           "compute_numbers", "partition"]
