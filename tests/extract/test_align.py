"""A draft of a second article about a modelled story, in the ids of that case
(``kg extract --case``, :mod:`kg.extract.align`): the two add up when loaded together.

The case and the article are our own: Ruritania's defence ministry says Bordavian troops are
massing at the border (the case); a second paper reports Bordavia's denial, an institute
saying the same as the ministry, and the ministry's spokesperson on another claim.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from api.cli import app
from kg.extract import Draft, extract, load_lexicon
from kg.extract.align import CaseIndex, align
from kg.store import KnowledgeStore

runner = CliRunner()

CASE = """\
format: cred-kg/1
document: {id: herald-border, title: Troops at the border, publisher: herald, date: 2025-03-01}
actors:
  - {id: herald, name: The Northern Herald, kind: NewsOutlet}
  - {id: ruritania, name: Kingdom of Ruritania, kind: State, aliases: [Ruritania]}
  - {id: ruritania-mod, name: Ruritanian Ministry of Defence, kind: GovernmentBody,
     acts_for: ruritania}
  - {id: ana-varga, name: Ana Varga, kind: Person, acts_for: ruritania-mod}
claims:
  - {id: troops-at-border, text: Bordavian troops are massing at the northern border.}
  - {id: border-closed, text: The northern border crossing was closed on Friday.}
statements:
  - {actor: ana-varga, claim: troops-at-border, stance: affirms, relay: [herald]}
"""

ARTICLE = """\
Border build-up disputed

By Staff Reporter | The Lakeside Times | 3 March 2025

Bordavia on Sunday denied that Bordavian troops were massing at the northern border.

The Orbis Institute said Bordavian troops were massing at the northern border.

Ana Varga, a spokesperson for the Ruritanian defence ministry, said the northern border \
crossing was closed on Friday.
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    case, article = tmp_path / "case.yaml", tmp_path / "article.txt"
    case.write_text(CASE, encoding="utf-8")
    article.write_text(ARTICLE, encoding="utf-8")
    return case, article


def _claims(*files: Path) -> dict[str, dict]:
    result = runner.invoke(app, ["corroborate", "--no-seed", "--format", "json",
                                 *map(str, files)])
    assert result.exit_code == 0, result.stderr
    return {c["id"]: c for c in json.loads(result.stdout)}


def test_the_second_article_corroborates_the_case_when_drafted_in_its_ids(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    case, article = files
    draft = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["extract", str(article), "--case", str(case),
                                 "-o", str(draft)])
    assert result.exit_code == 0, result.stderr
    assert "1 actors and 2 claims are the case's" in result.stdout
    claims = _claims(case, draft)
    troops = claims["troops-at-border"]
    assert troops["status"] == "corroborated"
    assert sorted(g["label"] for g in troops["affirming"]) == ["Kingdom of Ruritania",
                                                               "Orbis Institute"]
    assert troops["contested"] is True
    # the spokesperson is the case's, acting for the ministry the case names; the draft's
    # own guess at her employer ("Ruritanian") is gone, nothing else naming it
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    varga = next(a for a in data["actors"] if a["id"] == "ana-varga")
    assert varga["acts_for"] == "ruritania-mod"
    assert "ruritanian" not in {a["id"] for a in data["actors"]}
    assert claims["border-closed"]["affirming"][0]["label"] == "Kingdom of Ruritania"


def test_without_the_case_the_two_files_disagree_and_the_error_says_where(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    case, article = files
    draft = tmp_path / "plain.yaml"
    assert runner.invoke(app, ["extract", str(article), "-o", str(draft)]).exit_code == 0
    result = runner.invoke(app, ["corroborate", "--no-seed", str(case), str(draft)])
    assert result.exit_code == 1
    assert f"in {case}" in result.stderr and f"in {draft}" in result.stderr


def _index(text: str) -> CaseIndex:
    with KnowledgeStore() as store:
        store.load_bytes(text.encode(), "yaml", source="case.yaml")
        return CaseIndex.from_store(store)


def test_an_id_the_case_uses_for_something_else_is_renamed() -> None:
    lex = load_lexicon()
    draft = extract("Bordavia said the mayor of Kell had resigned.",
                    publisher="The Lakeside Times", date="2025-03-03", lexicon=lex)
    (claim,) = draft.claims
    case = CASE.replace("id: border-closed", f"id: {claim.id}")
    aligned = align(draft, _index(case), lex)
    (renamed,) = aligned.claims
    assert renamed.id == f"{claim.id}-2" and renamed.text == claim.text
    assert [s.claim for s in aligned.statements] == [renamed.id]


def test_a_narrower_claim_refines_the_case_claim_which_is_copied_in() -> None:
    lex = load_lexicon()
    draft = extract("The Orbis Institute said Bordavian troops were massing at the northern "
                    "border near Kell.", publisher="The Lakeside Times", date="2025-03-03",
                    lexicon=lex)
    aligned = align(draft, _index(CASE), lex, case_name="case.yaml")
    claims = {c.id: c for c in aligned.claims}
    (narrow,) = (c for c in claims.values() if c.id != "troops-at-border")
    assert narrow.refines == ["troops-at-border"]
    assert claims["troops-at-border"].text == "Bordavian troops are massing at the northern border."


FIRST = """\
Troops massing at the border, Ruritania says

By Staff Reporter | The Northern Herald | 1 March 2025

Ana Varga, a spokesperson for the Ruritanian defence ministry, said Bordavian troops are \
massing at the northern border.
"""


def test_several_articles_of_a_story_are_drafted_each_in_the_ids_of_those_before(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    _, second = files
    first = tmp_path / "first.txt"
    first.write_text(FIRST, encoding="utf-8")
    story = tmp_path / "story"
    result = runner.invoke(app, ["extract", str(first), str(second), "-o", str(story)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in story.iterdir()) == ["article.yaml", "first.yaml"]
    claims = _claims(story / "first.yaml", story / "article.yaml")
    (troops,) = (c for c in claims.values() if "troops" in c["id"])
    assert troops["status"] == "corroborated" and troops["contested"] is True
    affirming = {a["iri"].rsplit("/", 1)[1] for g in troops["affirming"] for a in g["actors"]}
    assert affirming == {"ana-varga", "orbis-institute"}


@pytest.mark.parametrize(("extra", "message"), [
    ([], "several articles need -o DIRECTORY"),
    (["-o", "DIR", "--date", "2025-03-03"], "describe one article"),
])
def test_several_articles_are_refused_without_a_directory_or_with_one_article_options(
    files: tuple[Path, Path], tmp_path: Path, extra: list[str], message: str
) -> None:
    _, article = files
    other = tmp_path / "other.txt"
    other.write_text(FIRST, encoding="utf-8")
    args = [str(tmp_path / "out") if a == "DIR" else a for a in extra]
    result = runner.invoke(app, ["extract", str(article), str(other), *args])
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "out").exists()


def _draft_with_actors(*names: str) -> Draft:
    from kg.extract.actors import ActorRecord
    from kg.extract.model import DocumentRecord

    actors = [ActorRecord(f"a{i}", name, "Organization") for i, name in enumerate(names)]
    return Draft("", DocumentRecord("doc"), actors, [], [], [], [], [])


HOSPITALS = """\
format: cred-kg/1
document: {id: kell-case, title: Kell, date: 2025-03-01}
actors:
  - {id: fisheries, name: Ministry of Fisheries, kind: GovernmentBody}
  - {id: water-board, name: Kell provincial water board, kind: GovernmentBody}
  - {id: regional, name: Kell regional hospital, kind: Organization}
  - {id: university, name: Kell university hospital, kind: Organization}
"""


@pytest.mark.parametrize(("name", "expected"), [
    ("the fisheries ministry", "fisheries"),  # another paper's order for the same ministry
    ("the Kell water board", "water-board"),  # a shortening: first and last words kept
    ("Kell hospital", "a0"),  # shortens two of the case's hospitals: neither is taken
    ("Kell", "a0"),  # one word shortens nothing
])
def test_an_actor_named_another_way_takes_the_case_id_only_when_one_fits(
    name: str, expected: str
) -> None:
    aligned = align(_draft_with_actors(name), _index(HOSPITALS), load_lexicon())
    assert [a.id for a in aligned.actors] == [expected]


ROLES_CASE = CASE.replace(
    "{id: ana-varga, name: Ana Varga, kind: Person, acts_for: ruritania-mod}",
    "{id: ana-varga, name: Ana Varga, kind: Person, role: chief spokesperson, "
    "acts_for: ruritania-mod}")


def test_a_case_actor_keeps_the_case_role_and_the_draft_loads_with_it(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    case, article = files
    case.write_text(ROLES_CASE, encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["extract", str(article), "--case", str(case), "-o", str(draft)])
    assert result.exit_code == 0, result.stderr
    (varga,) = (a for a in yaml.safe_load(draft.read_text())["actors"] if a["id"] == "ana-varga")
    assert varga["role"] == "chief spokesperson"
    assert "This article gives the role as 'a spokesperson for the" in varga["note"]
    _claims(case, draft)  # (before: "An actor has at most one cred:role", the pair refused)


def test_a_draft_that_cannot_load_with_the_case_is_not_written(
    files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case, article = files
    case.write_text(ROLES_CASE, encoding="utf-8")
    # without the case's role taken over, the spokesperson has two roles: the pair cannot load
    monkeypatch.setattr("kg.extract.align.align", lambda draft, *args, **kwargs: draft)
    draft = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["extract", str(article), "--case", str(case), "-o", str(draft)])
    assert result.exit_code == 1
    assert "at most one cred:role" in result.stderr
    assert "draft.yaml was not written: it would not load together with case.yaml" in \
        result.stderr
    assert not draft.exists()
