"""The output of every truth-discovery method."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kg.analysis.truth.dataset import TruthDataset

__all__ = ["TruthResult"]


@dataclass(frozen=True, eq=False)
class TruthResult:
    """Fact confidences, source trust and the chosen value of each object.

    Attributes:
        method: name of the method that produced the result.
        confidence: one score per fact. Its scale is the method's own (a probability for
            TruthFinder and AccuCopy, a share of votes for voting, a max-normalised score for the
            Sums family); only the order within one object is comparable across methods.
        trust: one score per source, on the method's own scale (accuracy for AccuCopy).
        chosen: index of the chosen fact of each object (highest confidence, for TruthFinder
            compared on its log-odds, which do not round to 1; ties go to the lowest fact
            index, i.e. the smallest value label), ``-1`` for an object with no fact.
        iterations: iterations run (0 for voting).
        converged: whether the stopping criterion was met before ``max_iter`` (always ``True``
            for voting, which is not iterative).
        dataset: the dataset the result belongs to.
        dependence: for AccuCopy, ``dependence[i, j]`` is the probability that source ``i``
            copies from source ``j``; for :func:`~kg.analysis.truth.independent_accuracy`, the
            probability that ``i`` and ``j`` repeat each other; ``None`` for other methods.
        groups: for methods that count a group of dependent sources once, the group of each
            source (``int64`` labels ``0..k-1``: the known ``source_groups`` merged with the
            dependence the method found); ``None`` for other methods.
        unchecked: for :func:`~kg.analysis.truth.independent_accuracy`, the claims of each
            source that no other group speaks to and that held its trust down towards the
            prior (its rule 2); 0 for a source they did not move, or that has none.
    """

    method: str
    confidence: np.ndarray
    trust: np.ndarray
    chosen: np.ndarray
    iterations: int
    converged: bool
    dataset: TruthDataset = field(repr=False)
    dependence: np.ndarray | None = field(default=None, repr=False)
    groups: np.ndarray | None = field(default=None, repr=False)
    unchecked: np.ndarray | None = field(default=None, repr=False)

    def values(self) -> dict[str, str]:
        """The chosen value of each object, ``{object: value}``."""
        ds = self.dataset
        chosen = self.chosen
        # One C-level pass over object and value lists: on Flight (204k objects) this is most
        # of voting's run time, and the per-item Python comprehension cost twice as much.
        labels = np.fromiter(ds.fact_values, dtype=object, count=ds.n_facts)
        if chosen.size and chosen.min() >= 0:
            return dict(zip(ds.objects, labels[chosen].tolist(), strict=True))
        keep = np.flatnonzero(chosen >= 0)
        objects = np.fromiter(ds.objects, dtype=object, count=ds.n_objects)
        return dict(zip(objects[keep].tolist(), labels[chosen[keep]].tolist(), strict=True))

    def source_trust(self) -> dict[str, float]:
        """The trust of each source, ``{source: trust}``."""
        return dict(zip(self.dataset.sources, self.trust.tolist(), strict=True))

    def fact_confidence(self, obj: str, value: str) -> float:
        """The confidence of the fact ``obj = value``."""
        return float(self.confidence[self.dataset.fact(obj, value)])
