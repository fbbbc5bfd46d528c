"""The product's default truth-discovery method (see the package docstring for why)."""

from __future__ import annotations

from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.independent_accuracy import independent_accuracy
from kg.analysis.truth.result import TruthResult

__all__ = ["discover"]


def discover(dataset: TruthDataset) -> TruthResult:
    """Find the true value of each object with the product's one default configuration.

    :func:`~kg.analysis.truth.independent_accuracy` with its defaults: each group of dependent
    sources votes once (``dataset.source_groups``, the analysts' knowledge: two spokespeople of
    one government are one source; plus copy blocs found in the data), and each source's trust
    is its accuracy as judged by the sources independent of it. Always the same
    configuration, with no per-data-set tuning; deterministic.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> rows = [("gov1", "c", "true"), ("gov2", "c", "true"), ("gov3", "c", "true")]
        >>> rows += [("ngo", "c", "false"), ("un", "c", "false")]
        >>> groups = {"gov1": "gov", "gov2": "gov", "gov3": "gov"}
        >>> discover(TruthDataset.from_triples(rows, source_groups=groups)).values()
        {'c': 'false'}
    """
    return independent_accuracy(dataset)
