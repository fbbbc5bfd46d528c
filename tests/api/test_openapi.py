"""The OpenAPI document is locked by a snapshot: an API change must be a deliberate one.

After a deliberate change, regenerate the snapshot and review its diff:

    KG_UPDATE_SNAPSHOTS=1 python -m pytest tests/api/test_openapi.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"


def _document(client: TestClient) -> dict[str, Any]:
    document = client.get("/openapi.json").json()
    document["info"].pop("version", None)  # the package version: not part of the contract
    return document


def test_openapi_matches_the_snapshot(client: TestClient) -> None:
    document = _document(client)
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("KG_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert SNAPSHOT.exists(), "no snapshot: run with KG_UPDATE_SNAPSHOTS=1"
    assert json.loads(SNAPSHOT.read_text(encoding="utf-8")) == document, (
        "the OpenAPI document changed; if on purpose, rerun with KG_UPDATE_SNAPSHOTS=1")


def test_every_operation_is_documented(client: TestClient) -> None:
    for path, operations in _document(client)["paths"].items():
        for method, operation in operations.items():
            if "Pages" in operation.get("tags", []):
                continue  # the HTML pages (viz) are documented by their own tests
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), f"{path}: {parameter['name']}"


def test_no_interactive_docs_from_a_cdn(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
