"""Independent accuracy: votes by independent groups, trust judged by the others.

The product default (:func:`kg.analysis.truth.discover`; the package docstring says why and
gives the benchmark). Three rules, each explainable to an analyst in one sentence.

1. **One group, one vote.** Sources of one ``TruthDataset.source_groups`` group (known
   dependence: two spokespeople of one government) and sources found to repeat each other
   (rule 3) form a *group*. On each object a group casts one vote, split evenly over its
   members' claims on the object, each share weighted by the member's trust ``A``::

       w = max(0, ln(n A / (1 - A)))          V(v) = sum of the weighted shares for value v
       P(v) = exp(V(v)) / (sum_{v' claimed} exp(V(v')) + [only one value is claimed])

   ``n`` is the object's effective number of wrong values: its inverse Simpson index ``D``
   (``1 / sum_v q(v)^2``, ``q(v)`` the share of the groups' votes on ``v``) minus the true one,
   at least 1. Ten sources repeating one wrong value make one plausible alternative, not ten,
   whereas AccuPr's ``n`` counts every distinct typo; for a yes/no claim ``n = 1``. A source
   no better than chance (``A <= 1 / (n + 1)``) adds nothing, instead of voting against what
   it says; a single claimed value competes with one unclaimed alternative (``V = 0``).
2. **Trust is judged by the others.** A source's record ``R(s)`` is the mean, over its
   *assessed* claims (on objects where another group speaks too), of the probability of its
   value computed with the other groups' votes at their trust and *its own group's vote at the
   prior accuracy* ``m = 0.8``, as if it had no track record; shrunk towards ``m`` with the
   weight of ``kappa = 0.5`` claim. Its accuracy ``A(s)`` is that record, except that a record
   above the prior is shrunk further towards ``m`` by the source's ``u(s)`` unassessed claims,
   each with the weight ``w = 1`` of a claim::

       T(s) = sum_{assessed c} P_{judged(s)}(v_c)
       R(s) = (T(s) + kappa m) / (n_assessed(s) + kappa)
       A(s) = min(R(s), (T(s) + (kappa + w u(s)) m) / (n_assessed(s) + kappa + w u(s)))

   No source, and no bloc, vouches for itself: its own record never weighs its own claims, so
   a source whose claims nobody supports is judged as an unknown source's lone word would be.
   Counting that word at the prior, rather than leaving it out, keeps trust calibrated where
   few groups speak: two sources of accuracy 0.8 agree on 68 % of yes/no claims, and the
   held-out probability of a source's value (its own vote left out) averages
   ``0.68 * 0.8 + 0.32 * 0.2 = 0.608``, so held-out trust drifts towards chance on thin data,
   whereas with the own vote at the prior it averages ``0.68 * 16/17 + 0.32 * 1/2 = 0.8``, the
   prior itself (the expectation of a posterior is the prior). A claim that nobody else
   speaks to, judged so, is worth exactly ``m`` (its own vote at the prior against the
   unclaimed alternative): it earns no credit, and counted as one claim at ``m`` it holds a
   good record near the prior in proportion to how much of what the source says nobody
   checks (a bot that writes most of its figures where nobody else edits is not rated on the
   few that others repeat). It is never held against a source, and it cannot lift a record
   below the prior: a fabricator whose six claims three independent groups deny stays below
   0.1 however many stories nobody else carries it adds (counted both ways, a hundred would
   lift it to 0.75). A source with little evidence stays near 0.8 instead of
   jumping to 0 or 1. Rules 1 and 2 are iterated to a fixed point from ``A = m`` (``m`` is
   AccuCopy's starting accuracy ``1 - epsilon``; ``kappa < 1`` so that one checked claim
   outweighs the prior).
3. **Copy blocs are found from agreement, not from the truth estimate.** On a *contested*
   object (two or more values claimed), two sources drawn at random from those that speak to
   it agree with probability ``1 / D`` (known groups counted once). A pair that shares ``n``
   contested objects, disagrees on ``d`` of them, and whose objects' mean ``1 / D`` is ``p0``
   is a *copy pair* when it is near-identical, ``d <= delta n`` with ``delta = 0.01`` (a
   copier repeats at least 99 % of what its original says), and copying explains the
   agreement better than chance, with the prior below::

       LLR = (n - d) ln((1 - delta) / p0) + d ln(delta / (1 - p0)) + ln(prior / (1 - prior)) > 0
       prior = beta (1 / partners(i) + 1 / partners(j)),  beta = 0.05

   where ``partners(s)`` is the number of sources ``s`` shares a contested object with: a
   priori one source in twenty repeats one of its partners, so the evidence needed grows with
   the number of pairs tested (25,000 actors make millions of pairs; chance agreements among
   them must not pass). Copy pairs are merged into the known groups greedily, strongest
   evidence first (ties by source order), but two groups are never merged if any pair across
   them disagrees on more than ``delta`` of their shared contested objects: a small site that
   matches two rival feeds on the few items it shares with each cannot chain them together.

Rule 3 runs first and uses no accuracy and no estimated truth, so it cannot invert the way
AccuCopy's copy detection does when a copy bloc is the majority (AccuCopy then takes the
bloc's values as true and judges the independent minority, which shares "false" values, to be
the copiers). Independent sources, even very accurate ones, make independent mistakes and so
are rarely near-identical; copies are. What it cannot do: on a handful of objects, a bloc that
is the majority wherever it speaks looks like as many careful sources (the data cannot tell
them apart); known groups are the analyst's remedy.

Cost: rule 3 counts only the pairs of sources that share a contested object (never all pairs
of sources), leaving out objects on which more than ``max_pair_sources`` sources speak: it
lists the pairs of each object's speakers and counts them by sorting, or, where few sources
share many objects, adds them up in one sparse product. Each iteration of rules 1-2 is a few
gathers and ``bincount`` passes over the claims, which are put in order by counting sorts.
Rule 3 is :mod:`kg.analysis.truth.copy_blocs`; the vote shares both use are in
:mod:`kg.analysis.truth._votes`.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import scipy.sparse as sp

from kg.analysis.truth._common import (
    check_iteration_args,
    make_result,
    object_max,
    object_sum,
    values_per_object,
)
from kg.analysis.truth._votes import _concentration, _stable_order
from kg.analysis.truth.copy_blocs import _contested_pairs, _copy_blocs
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.result import TruthResult

__all__ = ["PRIOR", "independent_accuracy"]

#: ``m``: the prior accuracy of a source, and every source's starting accuracy.
PRIOR = 0.8


def independent_accuracy(
    dataset: TruthDataset,
    *,
    known_groups: bool = True,
    detect_copying: bool = True,
    own_vote: bool = True,
    prior: float = PRIOR,
    prior_weight: float = 0.5,
    unchecked_weight: float = 1.0,
    copy_disagreement: float = 0.01,
    copy_prior: float = 0.05,
    max_pair_sources: int = 100,
    max_iter: int = 200,
    tol: float = 1e-5,
) -> TruthResult:
    """Find true values by trust-weighted votes of independent groups (see the module docstring).

    Args:
        dataset: the claims. ``dataset.source_groups``, if given, are known dependent groups;
            ``dataset.fact_prior``, if given, is a prior over each object's values and adds
            ``ln(prior share)`` to every vote count.
        known_groups: count each ``dataset.source_groups`` group once (rule 1). Ignored when the
            dataset has no groups.
        detect_copying: find copy blocs in the data (rule 3).
        own_vote: when judging a source (rule 2), count its own group's vote at the prior
            accuracy; ``False`` leaves the group out altogether (the held-out probability, which
            drifts towards chance where few groups speak; kept for the ablation).
        prior: ``m``, the prior accuracy of a source, and every source's starting accuracy.
        prior_weight: ``kappa``, the weight of the prior, in claims.
        unchecked_weight: ``w``, the weight, in claims, with which each claim that no other
            group speaks to shrinks a record above the prior towards it; 0 ignores them.
        copy_disagreement: ``delta``, the largest share of contested objects on which a copier
            may differ from the source it repeats.
        copy_prior: ``beta``, the prior probability that a source repeats one of the sources it
            shares contested objects with.
        max_pair_sources: objects on which more sources speak are left out of the pair
            statistics of rule 3 (their cost is quadratic; they still count in rules 1-2).
        max_iter: iteration budget of the fixed point of rules 1-2.
        tol: stop when no accuracy moves by more than ``tol`` in an iteration.

    Returns:
        A :class:`TruthResult`: ``confidence`` is ``P(v)``, ``trust`` the accuracy ``A(s)``,
        ``groups`` the group of each source (known groups merged with the copy blocs found), and
        ``dependence`` a sparse symmetric ``n_sources x n_sources`` array holding the posterior
        probability that two sources repeat each other, for the pairs that could be copy pairs
        (near-identical on enough shared contested objects); the other pairs are independent
        by rule 3 and left out. ``iterations`` counts the fixed point of rules 1-2.

    Example:
        Four sites repeat one feed, which is wrong on the last six of twelve objects; three
        independent sources are right except for one typo each. Voting follows the four
        copies; here they are found to be one bloc and vote once:

        >>> from kg.analysis.truth import TruthDataset, voting
        >>> typos = {("x", 0), ("y", 1), ("z", 2)}
        >>> rows = [(s, f"o{k:02d}", "typo" if (s, k) in typos else "ok")
        ...         for s in ("x", "y", "z") for k in range(12)]
        >>> rows += [(f"feed{i}", f"o{k:02d}", "feed" if k >= 6 else "ok")
        ...          for i in range(4) for k in range(12)]
        >>> ds = TruthDataset.from_triples(rows)
        >>> voting(ds).values()["o06"], independent_accuracy(ds).values()["o06"]
        ('feed', 'ok')
        >>> r = independent_accuracy(ds)
        >>> r.groups.tolist()  # feed0..feed3, x, y, z
        [0, 0, 0, 0, 1, 2, 3]
        >>> {s: round(a, 2) for s, a in r.source_trust().items() if s in ("feed0", "x")}
        {'feed0': 0.51, 'x': 0.88}
    """
    check_iteration_args(max_iter, tol)
    if not 0.0 < prior < 1.0:
        raise ValueError(f"prior must be in (0, 1), got {prior}")
    if prior_weight <= 0:
        raise ValueError(f"prior_weight must be positive, got {prior_weight}")
    if unchecked_weight < 0:
        raise ValueError(f"unchecked_weight must not be negative, got {unchecked_weight}")
    if not 0.0 < copy_disagreement < 1.0:
        raise ValueError(f"copy_disagreement must be in (0, 1), got {copy_disagreement}")
    if not 0.0 < copy_prior < 1.0:
        raise ValueError(f"copy_prior must be in (0, 1), got {copy_prior}")
    if max_pair_sources < 2:
        raise ValueError(f"max_pair_sources must be at least 2, got {max_pair_sources}")
    ds = dataset
    known = _known_labels(ds, known_groups)
    groups, dependence = known, sp.csr_array((ds.n_sources, ds.n_sources))
    if detect_copying:
        pairs = _contested_pairs(ds, known, max_pair_sources)
        groups, dependence = _copy_blocs(ds.n_sources, known, pairs, copy_disagreement, copy_prior)
        del pairs  # as large as the claims: freed before the votes are built
    votes = _Votes(ds, groups)
    accuracy, iterations, converged = votes.fixed_point(
        np.full(ds.n_sources, prior), prior, prior_weight, unchecked_weight, own_vote, max_iter, tol
    )
    result = make_result(
        "independent_accuracy",
        ds,
        votes.probabilities(accuracy),
        accuracy,
        iterations,
        converged,
        dependence=dependence,
        groups=groups,
    )
    # The unchecked claims moved a trust exactly where it ended above the prior (the shrunk
    # record lies between the record and the prior): said so in the reliability grades.
    held = votes.n_unassessed if unchecked_weight > 0 else np.zeros(ds.n_sources)
    unchecked = np.where(accuracy > prior, held, 0).astype(np.int64)
    return dataclasses.replace(result, unchecked=unchecked)


def _known_labels(ds: TruthDataset, use: bool) -> np.ndarray:
    """Group label of each source from ``source_groups`` (``0..k-1``); singletons otherwise."""
    if use and ds.source_groups is not None:
        return np.unique(ds.source_groups, return_inverse=True)[1].astype(np.int64)
    return np.arange(ds.n_sources, dtype=np.int64)


#: Above this many sources (sorted runs of claims), :func:`_claim_order` sorts by counting:
#: 2.5 times faster than argsort with 25k sources (1M claims), 2.3 times slower with Flight's 38.
_MERGE_RUNS = 1024


def _claim_order(ds: TruthDataset, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The claims' sources and facts, sorted by (object, group, fact), sources in order within."""
    x = ds.claims
    if not x.has_sorted_indices:
        x = x.sorted_indices()
    source = np.repeat(np.arange(ds.n_sources, dtype=np.int64), np.diff(x.indptr))
    fact = x.indices.astype(np.int64)
    # Rank of each fact among its object's facts, so that one integer key orders the claims.
    by_object = _stable_order(ds.fact_object, ds.n_objects)
    first = np.searchsorted(ds.fact_object[by_object], ds.fact_object)
    rank = np.empty(ds.n_facts, dtype=np.int64)
    rank[by_object] = np.arange(ds.n_facts)
    rank -= first
    width = int(rank.max(initial=0)) + 1
    n_groups = int(groups.max(initial=0)) + 1
    obj = ds.fact_object[fact]
    # Stable, so that the members of a group keep source order within a (group, fact). The
    # claims come in one sorted run per source, which argsort's merge sort exploits: with many
    # sources, two counting sorts (by group and fact, then by object) cost less, when their
    # counts are not much larger than the claims.
    if ds.n_sources > _MERGE_RUNS and n_groups * width <= 4 * len(fact) + 2**20:
        order = _stable_order(groups[source] * width + rank[fact], n_groups * width)
        order = order[_stable_order(obj[order], ds.n_objects)]
    elif max(ds.n_objects, 1) * n_groups * width < 2**62:
        order = np.argsort((obj * n_groups + groups[source]) * width + rank[fact], kind="stable")
    else:
        order = np.lexsort((rank[fact], groups[source], obj))
    return source[order], fact[order]


class _Votes:
    """Who votes for what with which share, for one grouping of the sources.

    Claims are kept sorted by (object, group, fact), so that the claims of one ``gf`` (a group
    and a fact) and of one ``go`` (a group and an object) are contiguous runs, and so that each
    iteration reads the per-fact and per-object arrays in order (its gathers and ``bincount``
    passes then stay in cache). A fact's claims are in group order and a source's claims in
    object order, as with the claims sorted by group first, so every sum adds the same terms
    in the same order.
    """

    def __init__(self, ds: TruthDataset, groups: np.ndarray) -> None:
        self.ds = ds
        n_s, n_o = ds.n_sources, ds.n_objects
        source, fact = _claim_order(ds, groups)
        group_object = groups[source] * n_o + ds.fact_object[fact]
        n_claims = len(fact)
        new_go = np.ones(n_claims, dtype=bool)
        new_go[1:] = group_object[1:] != group_object[:-1]
        new_gf = new_go.copy()
        new_gf[1:] |= fact[1:] != fact[:-1]
        go_start = np.flatnonzero(new_go)
        self.gf_start = np.flatnonzero(new_gf)
        n_gf = len(self.gf_start)
        claim_go = np.cumsum(new_go) - 1
        claim_gf = np.cumsum(new_gf) - 1
        # A group's one vote on an object is split evenly over its members' claims on it.
        self.share = 1.0 / np.diff(np.r_[go_start, n_claims])[claim_go]
        self.source, self.fact = source, fact
        self.one_claim_per_gf = n_gf == n_claims
        gf_go = claim_go[self.gf_start]
        self.gf_fact = fact[self.gf_start]
        self.go_object = ds.fact_object[fact[go_start]]
        self.gf_object = self.go_object[gf_go]
        # The (group, object)s with several facts (a source, or members of a group, giving
        # several values for one object) are few: their gfs, numbered by their go among them,
        # and the go's object.
        several = np.flatnonzero(np.bincount(gf_go, minlength=len(go_start))[gf_go] > 1)
        new_several = np.ones(len(several), dtype=bool)
        new_several[1:] = gf_go[several[1:]] != gf_go[several[:-1]]
        self.several_gf = several
        self.several_go = np.cumsum(new_several) - 1
        self.several_object = self.gf_object[several[new_several]]
        # A group's part of the vote on a fact is its first claim's part plus, for the runs of
        # several claims (a known or copy group whose members say the same), a reduceat over
        # the run, gathered into one contiguous buffer (``multi_claims``, runs from
        # ``multi_starts``) so that reduceat reads only the runs.
        gf_size = np.diff(np.r_[self.gf_start, n_claims])
        self.multi_gf = np.flatnonzero(gf_size > 1)
        sizes = gf_size[self.multi_gf]
        self.multi_starts = np.cumsum(sizes) - sizes
        self.multi_claims = np.repeat(self.gf_start[self.multi_gf] - self.multi_starts, sizes)
        self.multi_claims += np.arange(len(self.multi_claims))
        # Effective number of wrong values of each object: the inverse Simpson index D of its
        # values, groups counted once, minus the true one (at least 1).
        concentration = _concentration(ds, fact, self.share)
        n_wrong = np.maximum(1.0 / np.maximum(concentration, 1e-300) - 1.0, 1.0)
        self.log_wrong = np.log(n_wrong)[ds.fact_object[fact]]
        # Shortcuts of rule 1 that change no bit: no object with more than one wrong value (as
        # with yes/no claims), no group with several claims on one object (shares all 1).
        self.one_wrong = not self.log_wrong.any()
        self.whole_votes = bool((self.share == 1.0).all())
        # Assessed: another group speaks to the object too. Rule 2 computes the judged
        # probability of every (group, fact) (unassessed ones are few and cost less than a
        # gather), then counts only the assessed ones: an unassessed claim reads a zero.
        assessed_go = np.bincount(self.go_object, minlength=n_o)[self.go_object] >= 2
        assessed = assessed_go[claim_go]
        self.n_assessed = np.bincount(source[assessed], minlength=n_s).astype(float)
        self.n_unassessed = np.bincount(source, minlength=n_s) - self.n_assessed
        self.all_assessed = bool(assessed.all())
        self.claim_gf = np.where(assessed, claim_gf, n_gf)  # n_gf: the zero slot
        # The unclaimed alternative of an object with a single claimed value.
        self.unseen = (values_per_object(ds) == 1).astype(float)
        self.log_prior = None
        if ds.fact_prior is not None:
            total = object_sum(ds.fact_prior, ds.fact_object, n_o)[ds.fact_object]
            self.log_prior = np.log(ds.fact_prior / total)
        # Buffers reused by every iteration, so that no claim-sized array is allocated in the
        # loop. The judged probabilities have the zero slot.
        self._part = np.empty(n_claims)
        self._multi_part = np.empty(len(self.multi_claims))
        self._own = np.empty(n_gf)
        self._judged_padded = np.zeros(n_gf + 1)
        self._gf_a = np.empty(n_gf)
        self._gf_b = np.empty(n_gf)
        self._claims = np.empty(n_claims)

    def _parts(self, accuracy: np.ndarray) -> np.ndarray:
        """Each claim's share of its group's vote, weighted by ln(n A / (1 - A)), at least 0."""
        log_odds = np.log(accuracy / (1.0 - accuracy))
        if self.one_wrong:
            # ln n = 0 everywhere (yes/no claims): the floor at 0 is taken once per source.
            np.maximum(log_odds, 0.0, out=log_odds)
        # mode="clip" (the indices are valid): with the default "raise", take buffers its out.
        part = np.take(log_odds, self.source, out=self._part, mode="clip")
        if not self.one_wrong:
            np.add(self.log_wrong, part, out=part)
            np.maximum(part, 0.0, out=part)
        if not self.whole_votes:
            np.multiply(self.share, part, out=part)
        return part

    def _group_parts(self) -> np.ndarray:
        """Each (group, fact)'s part of the vote: the sum of its claims' parts (from the last
        :meth:`_parts`)."""
        part = self._part
        if self.one_claim_per_gf:
            return part
        own = np.take(part, self.gf_start, out=self._own, mode="clip")
        if len(self.multi_gf):
            runs = np.take(part, self.multi_claims, out=self._multi_part, mode="clip")
            own[self.multi_gf] = np.add.reduceat(runs, self.multi_starts)
        return own

    def _softmax(self, part: np.ndarray):
        ds = self.ds
        votes = np.bincount(self.fact, weights=part, minlength=ds.n_facts)
        if self.log_prior is not None:
            votes += self.log_prior
        # Shift by each object's largest count (at least the unclaimed alternative's 0).
        top = object_max(votes, ds.fact_object, ds.n_objects)
        np.maximum(top, 0.0, out=top)
        shifted = votes - top[ds.fact_object]
        scaled = np.exp(shifted)
        denom = object_sum(scaled, ds.fact_object, ds.n_objects) + self.unseen * np.exp(-top)
        return shifted, scaled, denom

    def probabilities(self, accuracy: np.ndarray) -> np.ndarray:
        _, scaled, denom = self._softmax(self._parts(accuracy))
        return scaled / denom[self.ds.fact_object]

    def own_vote_at_prior(self, prior: float) -> np.ndarray:
        """Rule 2: each (group, fact)'s part of the vote with every member at the prior accuracy
        ``m``, as if the group had no track record (a constant for a run)."""
        part = self.share * np.maximum(self.log_wrong + np.log(prior / (1.0 - prior)), 0.0)
        return part if self.one_claim_per_gf else np.add.reduceat(part, self.gf_start)

    def judged_accuracy(
        self,
        accuracy: np.ndarray,
        own_at_prior: np.ndarray,
        prior: float,
        prior_weight: float,
        unchecked: np.ndarray | None = None,
    ) -> np.ndarray:
        """Rule 2: mean probability of each source's assessed values, its own group's vote
        counted at the prior, shrunk towards the prior; a record above the prior shrunk further
        by ``unchecked`` (``kappa + w u(s)``, or ``None`` when no source has unassessed claims
        or ``w = 0``)."""
        shifted, scaled, denom = self._softmax(self._parts(accuracy))
        own = self._group_parts()
        judged = self._judged_padded[:-1]
        np.take(shifted, self.gf_fact, out=judged, mode="clip")
        np.subtract(judged, own, out=judged)
        np.add(judged, own_at_prior, out=judged)
        np.exp(judged, out=judged)
        # Swap the group's facts' terms in the normaliser for their judged terms. The group's
        # own parts are votes of bounded weight, so this difference loses no precision.
        change = np.take(scaled, self.gf_fact, out=self._gf_a, mode="clip")
        np.subtract(change, judged, out=change)
        rest = np.take(denom, self.gf_object, out=self._gf_b, mode="clip")
        np.subtract(rest, change, out=rest)
        if len(self.several_gf):
            # A go of several gfs swaps all of their terms (bincount adds them in gf order).
            swapped = np.bincount(
                self.several_go, weights=change[self.several_gf], minlength=len(self.several_object)
            )
            rest[self.several_gf] = (denom[self.several_object] - swapped)[self.several_go]
        np.divide(judged, rest, out=judged)
        if self.one_claim_per_gf and self.all_assessed:
            on_claims = judged
        else:
            on_claims = np.take(self._judged_padded, self.claim_gf, out=self._claims, mode="clip")
        total = np.bincount(self.source, weights=on_claims, minlength=self.ds.n_sources)
        record = (total + prior_weight * prior) / (self.n_assessed + prior_weight)
        if unchecked is not None:
            # Between the record and m: below the record exactly when the record is above m.
            diluted = (total + unchecked * prior) / (self.n_assessed + unchecked)
            np.minimum(record, diluted, out=record)
        return record

    def fixed_point(
        self,
        accuracy: np.ndarray,
        prior: float,
        prior_weight: float,
        unchecked_weight: float,
        own_vote: bool,
        max_iter: int,
        tol: float,
    ) -> tuple[np.ndarray, int, bool]:
        own_at_prior = self.own_vote_at_prior(prior) if own_vote else np.zeros(len(self.gf_start))
        unchecked = None
        if unchecked_weight > 0 and self.n_unassessed.any():
            unchecked = prior_weight + unchecked_weight * self.n_unassessed
        for iterations in range(1, max_iter + 1):
            new = self.judged_accuracy(accuracy, own_at_prior, prior, prior_weight, unchecked)
            delta = np.abs(new - accuracy).max(initial=0.0)
            accuracy = new
            if delta < tol:
                return accuracy, iterations, True
        return accuracy, max_iter, False
