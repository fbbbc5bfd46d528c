"""Question examples that fit the data being served.

A question file's ``#+ example:`` lines name items of the seed case (``actor=putin``); on a
server that holds another case, a link built from them answers 404. :func:`served_example`
keeps the first example whose actors, claims and evidence items all exist in the data;
failing that it fills the first example from the data: a required item becomes the one the
data says most about, an optional one is left out (the question then answers for every
item). Values of other types (``grade=F``, ``min_groups=2``) are kept as written: they never
name anything that could be missing.

The choice reads the bulk arrays of the analysis only (no explanation, no query), so that the
front page stays cheap on a large store.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np

from api.lookup import resolve
from api.questions.spec import Question
from kg.analysis import Analysis
from kg.analysis.serialize import short_id

__all__ = ["served_example", "served_examples", "served_question"]

#: Parameter types whose values name an item of the data.
_ITEM_KINDS = ("actor", "claim", "evidence")


def served_example(question: Question, analysis: Analysis) -> dict[str, str] | None:
    """The parameters of an example of ``question`` that ``analysis`` can answer, or None.

    None when the question has no example, when a required item cannot be filled (the data
    has no actor that states anything, say), or when nothing is left to set.

    Example:
        >>> from kg.analysis import analyse
        >>> from kg.seed import seed_paths
        >>> from kg.store import KnowledgeStore
        >>> from api.questions.spec import load_questions
        >>> with KnowledgeStore() as store:
        ...     _ = store.load(seed_paths())
        ...     analysis = analyse(store)
        >>> served_example(load_questions()["claims-by-actor"], analysis)
        {'actor': 'putin'}
    """
    fitting = served_examples(question, analysis)
    return fitting[0] if fitting else None


def served_examples(question: Question, analysis: Analysis) -> tuple[dict[str, str], ...]:
    """Every example of ``question`` whose items ``analysis`` holds, in the file's order; if
    none does, the first one filled from the data (see :func:`served_example`), or none."""
    kinds = {p.name: p.type.kind for p in question.parameters if p.type.kind in _ITEM_KINDS}
    exists = partial(_exists, analysis)
    fitting = tuple(
        example for example in question.examples
        if all(exists(kinds[name], value) for name, value in example.items() if name in kinds)
    )
    if fitting or not question.examples:
        return fitting
    filled = _filled(question, analysis, kinds)
    return (filled,) if filled else ()


def _filled(question: Question, analysis: Analysis,
            kinds: dict[str, str]) -> dict[str, str] | None:
    """The first example with each required item replaced by the data's busiest of its kind
    and each optional item left out; None if a required item cannot be filled."""
    required = {p.name for p in question.parameters if p.required}
    filled: dict[str, str] = {}
    for name, value in question.examples[0].items():
        if name not in kinds:
            filled[name] = value
        elif name in required:
            pick = _busiest(analysis, kinds[name])
            if pick is None:
                return None
            filled[name] = pick
    return filled or None


def served_question(question: Question, analysis: Analysis) -> Question:
    """``question`` with :func:`served_example` as its only example (or none)."""
    example = served_example(question, analysis)
    return replace(question, examples=(example,) if example else ())


def _exists(analysis: Analysis, kind: str, value: str) -> bool:
    try:
        resolve(analysis, kind, value)
    except LookupError:
        return False
    return True


def _busiest(analysis: Analysis, kind: str) -> str | None:
    """The item of ``kind`` the data says most about (ties: the first IRI), as the id the
    question endpoint resolves; None when no item of the kind is linked to anything.

    An actor: the most statements. A claim: the most evidence items, then statements. An
    evidence item: the most claims it supports or disputes.
    """
    cols = analysis.numbers.columns
    links = np.concatenate([cols.evidence_supports, cols.evidence_disputes]).reshape(-1, 2)
    if kind == "actor":
        iris, scores = cols.actors, [np.bincount(cols.stmt_actor, minlength=cols.n_actors)]
    elif kind == "claim":
        iris, scores = cols.claims, [np.bincount(links[:, 1], minlength=cols.n_claims),
                                     np.bincount(cols.stmt_claim, minlength=cols.n_claims)]
    else:
        iris, scores = cols.evidence, [np.bincount(links[:, 0], minlength=len(cols.evidence))]
    if not iris or not any(s.any() for s in scores):
        return None
    # lexsort sorts by its last key first: the first score, then the next, then the IRI order.
    best = int(np.lexsort([np.arange(len(iris)), *(-s for s in reversed(scores))])[0])
    iri = iris[best]
    short = short_id(iri)
    try:
        return short if resolve(analysis, kind, short) == iri else iri
    except LookupError:  # the id is shared by several IRIs
        return iri
