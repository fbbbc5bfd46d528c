"""Readable names for the kinds of claims, actors and evidence (``FactualClaim`` ->
"Factual claim"), for the panel and the tooltips.

The vocabulary's ``rdfs:label`` of the class when it has one; else the name split at its
capitals. The data keeps the class names: only what the page shows changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rdflib import Literal
from rdflib.namespace import RDFS

from kg.authoring.kinds import vocabulary_graph
from kg.namespaces import CRED


@cache
def _vocabulary_labels() -> dict[str, str]:
    """Local name -> English (or untagged) label of every class in the vocabulary."""
    labels: dict[str, str] = {}
    for subject, label in vocabulary_graph().subject_objects(RDFS.label):
        name = str(subject)
        if not name.startswith(str(CRED)) or not isinstance(label, Literal):
            continue
        if label.language in (None, "en") or name[len(str(CRED)) :] not in labels:
            labels[name[len(str(CRED)) :]] = str(label)
    return labels


def kind_label(kind: str) -> str:
    """The readable name of one kind: a class's local name or IRI."""
    local = re.split(r"[/#]", kind)[-1] or kind
    found = _vocabulary_labels().get(local)
    if found:
        return found
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[^A-Za-z0-9]+", local)
    if not words:
        return local
    # Acronyms (``OSINT``) keep their capitals; the other words after the first go lower case.
    return " ".join(
        w if i == 0 or w.isupper() else w.lower() for i, w in enumerate(w.strip() for w in words)
        if w
    ).strip() or local


def kind_labels(kinds: Iterable[str]) -> list[str]:
    """:func:`kind_label` of each kind, in order."""
    return [kind_label(k) for k in kinds]


__all__ = ["kind_label", "kind_labels"]
