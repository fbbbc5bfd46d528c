"""The input of every truth-discovery method: a sparse source x fact claim matrix.

Vocabulary (after Yin, Han & Yu 2007 and Pasternack & Roth 2010):

* a **source** says things (an actor, a web site, a Wikipedia editor);
* an **object** is a data item whose true value is unknown (a book's author list, a flight's
  departure time, or one claim of our knowledge graph);
* a **fact** is one candidate value of one object; facts of one object are mutually exclusive;
* a **claim** is a source asserting a fact: entry ``(s, f)`` of the claim matrix is 1.

Negative claims ("denies")
--------------------------
We encode a binary statement as an object with the two values ``"true"`` and ``"false"``:
affirming the statement is a claim on ``"true"``, denying it is a claim on ``"false"``.
Mutual exclusion between the values of one object then does what a separate deny matrix would
do (a denial is evidence against the affirmed value), and every method works unchanged, including
the dependence model of AccuCopy (two sources that deny the same true statement share a false
value). :meth:`TruthDataset.from_stances` builds such datasets from our analysts'
affirms/denies/hedges; a hedge asserts neither value and is left out, because the claim matrix of
the Sums family is 0/1 by definition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

__all__ = ["FALSE", "TRUE", "TruthDataset"]

#: Value label of an affirmed binary statement (see the module docstring).
TRUE = "true"
#: Value label of a denied binary statement.
FALSE = "false"

_STANCE_VALUES = {"affirms": TRUE, "denies": FALSE}
_STANCES = {"affirms", "denies", "hedges"}


@dataclass(frozen=True, eq=False)
class TruthDataset:
    """Sources, objects, facts and the sparse source x fact claim matrix.

    Build it with :meth:`from_triples` (or :meth:`from_stances`); the constructor takes the
    arrays as they are and only checks their shapes.

    Attributes:
        sources: source ids, in matrix row order (sorted by :meth:`from_triples`).
        objects: object ids (sorted by :meth:`from_triples`).
        fact_values: value label of each fact, in matrix column order.
        fact_object: index into ``objects`` of each fact (``int64``, one per fact).
        claims: ``n_sources x n_facts`` CSR array of 0/1: 1 where the source asserts the fact.
        source_groups: optional ``int64`` group id per source; sources that share a group are
            known to be dependent (two spokespeople of one government). ``None`` when unknown.
        fact_prior: optional positive prior weight per fact; methods that start from beliefs use
            it as their initial belief (see each method). ``None`` means the method's own default.

    Example:
        >>> ds = TruthDataset.from_triples([("b", "x", "1"), ("a", "x", "2"), ("a", "y", "3")])
        >>> ds.sources, ds.objects, ds.fact_values
        (('a', 'b'), ('x', 'y'), ('1', '2', '3'))
        >>> ds.claims.toarray().tolist()
        [[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]]
    """

    sources: tuple[str, ...]
    objects: tuple[str, ...]
    fact_values: tuple[str, ...]
    fact_object: np.ndarray
    claims: sp.csr_array
    source_groups: np.ndarray | None = None
    fact_prior: np.ndarray | None = None
    _fact_index: dict[tuple[str, str], int] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        n_s, n_f = len(self.sources), len(self.fact_values)
        if self.claims.shape != (n_s, n_f):
            raise ValueError(
                f"claims has shape {self.claims.shape}, expected (n_sources, n_facts) = "
                f"({n_s}, {n_f})"
            )
        if self.fact_object.shape != (n_f,):
            raise ValueError("fact_object needs one object index per fact")
        if n_f and (self.fact_object.min() < 0 or self.fact_object.max() >= len(self.objects)):
            raise ValueError("fact_object holds an index outside objects")
        if self.source_groups is not None and self.source_groups.shape != (n_s,):
            raise ValueError("source_groups needs one group id per source")
        if self.fact_prior is not None:
            if self.fact_prior.shape != (n_f,):
                raise ValueError("fact_prior needs one weight per fact")
            if np.any(self.fact_prior <= 0):
                raise ValueError("fact_prior weights must be positive")

    @property
    def n_sources(self) -> int:
        """Number of sources (rows of ``claims``)."""
        return len(self.sources)

    @property
    def n_objects(self) -> int:
        """Number of objects."""
        return len(self.objects)

    @property
    def n_facts(self) -> int:
        """Number of facts (columns of ``claims``)."""
        return len(self.fact_values)

    @property
    def n_claims(self) -> int:
        """Number of (source, fact) claims."""
        return int(self.claims.nnz)

    def fact(self, obj: str, value: str) -> int:
        """Index of the fact ``obj = value``.

        Raises:
            KeyError: if no source claims that value for that object, or the object is unknown.
        """
        if not self._fact_index:
            self._fact_index.update(
                ((self.objects[o], v), i)
                for i, (o, v) in enumerate(
                    zip(self.fact_object.tolist(), self.fact_values, strict=True))
            )
        try:
            return self._fact_index[(obj, value)]
        except KeyError:
            raise KeyError(f"no source claims {obj!r} = {value!r}") from None

    @classmethod
    def from_triples(
        cls,
        triples: Iterable[tuple[str, str, str]],
        *,
        source_groups: Mapping[str, str] | None = None,
        fact_prior: Mapping[tuple[str, str], float] | None = None,
    ) -> TruthDataset:
        """Build a dataset from ``(source, object, value)`` rows.

        Sources, objects and the values of each object are sorted, so the dataset (and every
        result computed on it) does not depend on the order of the rows. Repeated rows count
        once.

        Args:
            triples: ``(source, object, value)`` rows; all three are strings.
            source_groups: optional ``{source: group}``; sources left out are their own group.
            fact_prior: optional ``{(object, value): weight}``; facts left out get weight 1.

        Returns:
            The dataset.

        Example:
            >>> rows = [("s1", "o", "a"), ("s2", "o", "b"), ("s1", "o", "a")]
            >>> ds = TruthDataset.from_triples(rows, source_groups={"s1": "g", "s2": "g"})
            >>> ds.n_claims, ds.source_groups.tolist()
            (2, [0, 0])
        """
        rows = [(str(s), str(o), str(v)) for s, o, v in triples]
        # Sorted labels make the dataset independent of row order; the integer codes then let
        # numpy do the rest of the work.
        sources, s_idx = _factorise([r[0] for r in rows])
        objects, o_idx = _factorise([r[1] for r in rows])
        values, v_idx = _factorise([r[2] for r in rows])
        value_array = np.array(values, dtype=object)
        fact_keys, f_idx = np.unique(o_idx * max(len(values), 1) + v_idx, return_inverse=True)
        fact_object = (fact_keys // max(len(values), 1)).astype(np.int64)
        fact_values = value_array[fact_keys % max(len(values), 1)]
        # Repeated rows count once.
        claim_keys = np.unique(s_idx.astype(np.int64) * len(fact_keys) + f_idx)
        claims = sp.csr_array(
            (
                np.ones(len(claim_keys)),
                (claim_keys // max(len(fact_keys), 1), claim_keys % max(len(fact_keys), 1)),
            ),
            shape=(len(sources), len(fact_keys)),
        )
        claims.sort_indices()
        facts = [(objects[o], v) for o, v in zip(fact_object.tolist(), fact_values, strict=True)]

        groups = None
        if source_groups is not None:
            labels = [source_groups.get(s, f"\0{s}") for s in sources]
            group_ids = {g: i for i, g in enumerate(sorted(set(labels)))}
            groups = np.array([group_ids[g] for g in labels], dtype=np.int64)
        prior = None
        if fact_prior is not None:
            prior = np.array([float(fact_prior.get(f, 1.0)) for f in facts])
        return cls(
            sources=tuple(sources),
            objects=tuple(objects),
            fact_values=tuple(fact_values.tolist()),
            fact_object=fact_object,
            claims=claims,
            source_groups=groups,
            fact_prior=prior,
        )

    @classmethod
    def from_stances(
        cls,
        stances: Iterable[tuple[str, str, str]],
        *,
        source_groups: Mapping[str, str] | None = None,
    ) -> TruthDataset:
        """Build a dataset of binary statements from ``(source, statement, stance)`` rows.

        ``stance`` is ``"affirms"``, ``"denies"`` or ``"hedges"``. A statement becomes an object
        whose values are :data:`TRUE` and :data:`FALSE` (see the module docstring); hedges are
        left out.

        Example:
            >>> ds = TruthDataset.from_stances(
            ...     [("gov", "c1", "affirms"), ("ngo", "c1", "denies"), ("pundit", "c1", "hedges")]
            ... )
            >>> ds.sources, ds.fact_values
            (('gov', 'ngo'), ('false', 'true'))
        """
        rows = []
        for source, statement, stance in stances:
            if stance not in _STANCES:
                raise ValueError(f"unknown stance {stance!r}: expected one of {sorted(_STANCES)}")
            if stance in _STANCE_VALUES:
                rows.append((source, statement, _STANCE_VALUES[stance]))
        return cls.from_triples(rows, source_groups=source_groups)


def _factorise(labels: list[str]) -> tuple[list[str], np.ndarray]:
    """Sorted distinct labels, and the index of each label in that list."""
    distinct = sorted(set(labels))
    index = {label: i for i, label in enumerate(distinct)}
    codes = np.fromiter((index[label] for label in labels), dtype=np.int64, count=len(labels))
    return distinct, codes
