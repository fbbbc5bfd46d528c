"""Evidence with no producer or releaser known is neither independent nor anyone's own: the
explanation table, the evidence page and the graph view say "unknown" ("source unknown"), not
"no", beside a reason that says it adds weight but no source group."""

from __future__ import annotations

import warnings
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient", category=Warning)

CASE = """format: cred-kg/1
document: {id: d, title: T, publisher: paper, date: 2025-03-01}
actors:
  - {id: paper, name: Paper, kind: NewsOutlet}
  - {id: board, name: Harbour Board, kind: GovernmentBody}
claims:
  - {id: crane-failed, text: The crane failed.}
statements:
  - {actor: board, claim: crane-failed, stance: affirms}
evidence:
  - {id: clip, kind: Video, description: A clip of the crane falling, supports: [crane-failed]}
  - {id: log, kind: Document, description: The board's maintenance log, released_by: board,
     supports: [crane-failed]}
"""


def test_unattributed_evidence_is_unknown_not_dependent(tmp_path: Path) -> None:
    case = tmp_path / "crane.yaml"
    case.write_text(CASE)
    result = CliRunner().invoke(app, ["explain", "crane-failed", "--no-seed", str(case)],
                                terminal_width=200)
    assert result.exit_code == 0, result.stderr
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines()
            if line.startswith("│") and ("clip" in line.lower() or "log" in line.lower())}
    clip = next(v for k, v in rows.items() if "crane falling" in k.lower() or "clip" in k)
    log = next(v for k, v in rows.items() if "log" in k.lower())
    assert "│ unknown" in clip and "no producer or releaser" in clip
    assert "│ no " in log  # the board's own log: not independent of its statement

    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    with TestClient(create_app(Settings(query_workers=1, data=[case]))) as client:
        page = client.get("/evidence.html").text
    assert "(source unknown;" in page and "(not independent;" in page


def test_the_graph_views_data_says_whose_the_evidence_is(tmp_path: Path) -> None:
    from kg.analysis import analyse
    from kg.store import KnowledgeStore
    from viz import build_view

    case = tmp_path / "crane.yaml"
    case.write_text(CASE)
    with KnowledgeStore() as store:
        store.load([case])
        view = build_view(analyse(store))
    weights = {iri.rsplit("/", 1)[-1]: e["weights"] for iri, e in view.details["evidence"].items()}
    # the panel shows "source unknown" for an item whose weight names no group (panel.js)
    assert [w["groups"] for w in weights["clip"]] == [[]]
    assert all(w["groups"] for w in weights["log"]) and weights["log"]
