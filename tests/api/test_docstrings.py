"""The examples in the query service's docstrings run (the project's doctest run covers kg/)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "api.app", "api.errors", "api.lookup", "api.settings", "api.questions.spec",
    "api.routers.paging", "api.sparql.guard", "api.sparql.negotiation", "api.sparql.pool",
    "api.sparql.protocol", "api.sparql.results", "kg.analysis.rdf",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
