"""What a case file says about its source document, in the fields a statement's JSON names it
by (the API's and the graph view's tests compare the two)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

FIELDS = ("title", "publisher_label", "date", "url")


def document_of(case: Path) -> dict[str, Any]:
    """A case file's document as a statement's JSON names it (title, publisher, date, URL)."""
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    names = {a["id"]: a["name"] for a in spec["actors"]}
    doc = spec["document"]
    return {"title": doc["title"], "publisher_label": names[doc["publisher"]],
            "date": str(doc["date"]), "url": doc.get("url")}


def fields(document: dict[str, Any]) -> dict[str, Any]:
    """The fields of :func:`document_of` from a statement's ``document``."""
    return {k: document[k] for k in FIELDS}
