"""The product's default truth-discovery method (see the package docstring for why)."""

from __future__ import annotations

from kg.analysis.truth.accucopy import accucopy
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.result import TruthResult

__all__ = ["discover"]


def discover(dataset: TruthDataset) -> TruthResult:
    """Find the true value of each object with the product's one default configuration.

    AccuCopy (Dong, Berti-Equille & Srivastava 2009) with the paper's parameters, made
    independence-aware with the analysts' knowledge: sources of one ``dataset.source_groups``
    group vote once per value (two spokespeople of one government are one source), and copying
    between the other sources is inferred from shared false values. Always the same
    configuration, with no per-data-set tuning; deterministic.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> rows = [("gov1", "c", "true"), ("gov2", "c", "true"), ("gov3", "c", "true")]
        >>> rows += [("ngo", "c", "false"), ("un", "c", "false")]
        >>> groups = {"gov1": "gov", "gov2": "gov", "gov3": "gov"}
        >>> discover(TruthDataset.from_triples(rows, source_groups=groups)).values()
        {'c': 'false'}
    """
    return accucopy(dataset, known_groups=True)
