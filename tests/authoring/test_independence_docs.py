"""The independence examples of docs/authoring.md give the groups their comments say.

Each fenced YAML example under "Independence overrides" ends with a ``# groups:`` line (actor
ids, ``|`` between groups). The example is added to a case with the actors the section
describes, compiled and analysed; the groups must be those, and the explanation sentence the
section quotes must be one the analysis gives.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.analysis import analyse
from kg.analysis.serialize import short_id
from kg.store import KnowledgeStore

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
SECTION = DOC.read_text(encoding="utf-8").split("## Independence overrides")[1].split("\n## ")[0]
EXAMPLES = [block for block in re.findall(r"```yaml\n(.*?)```", SECTION, re.S)
            if "# groups:" in block]

CASE = """format: cred-kg/1
document: {id: arland-doc, title: T, date: 2025-03-12}
actors:
  - {id: arland, name: Republic of Arland, kind: State}
  - {id: arland-defmin, name: Tomas Reker, kind: Person, acts_for: arland}
  - {id: arland-fm-spox, name: Hana Velt, kind: Person, acts_for: arland}
  - {id: arland-intel, name: Arland Signals Directorate, kind: IntelligenceAgency, acts_for: arland}
  - {id: arland-tv, name: Arland TV, kind: NewsOutlet}
claims:
  - {id: c, text: The claim.}
statements:
  - {actor: arland-defmin, claim: c, stance: affirms}
  - {actor: arland-fm-spox, claim: c, stance: affirms}
  - {actor: arland-intel, claim: c, stance: affirms}
"""


def analysed(example: str, tmp_path: Path):
    case = tmp_path / "case.yaml"
    case.write_text(CASE + example, encoding="utf-8")
    store = KnowledgeStore(None)
    store.load([case])
    return analyse(store.oxigraph, method="voting")


def test_the_section_has_its_examples():
    assert len(EXAMPLES) == 3


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.splitlines()[0] for e in EXAMPLES])
def test_each_example_gives_the_groups_it_says(example, tmp_path):
    said = re.search(r"# groups: (.*)", example)[1]
    expected = {frozenset(a.strip() for a in group.split(",")) for group in said.split("|")}
    analysis = analysed(example, tmp_path)
    found = {frozenset(short_id(a) for a in g.actor_iris) for g in analysis.groups.groups.values()}
    assert found == expected


def test_the_quoted_explanation_is_the_analysis_sentence(tmp_path):
    quoted = re.search(r"```\n(Arland Signals Directorate heads .*)\n```", SECTION)[1]
    analysis = analysed(EXAMPLES[0], tmp_path)
    assert quoted in analysis.claim_by_id("c").corroboration.reasons
