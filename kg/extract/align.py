"""A draft of one more article about a story already modelled, in the ids of that case.

Case files share actors, claims and evidence by id, so that several articles about one story
add up (docs/authoring.md). A draft names its items from its own article's words, so a second
article's "Reuters" may be ``reuters`` like the first's, but its claim that "a missile brought
the aircraft down" gets an id of its own and never corroborates the first article's "the plane
was hit by a missile". :func:`align` renames the draft's items to the case's where they are the
same thing, by the rules that merge statements within one article:

- an actor whose name or an alias is a name or alias of the case's actor (case, a leading
  "the" and the apostrophe's form ignored), or that has the case actor's id and no other match:
  it takes the case's id, name and kind, its other forms become aliases, and it acts for whom
  the case says when the case says so;
- a claim whose words say what a case claim says (:func:`kg.extract.similarity.similarity` at
  :data:`~kg.extract.similarity.MERGE_THRESHOLD`, the threshold that merges statements within
  an article): it takes the case claim's id, text and kind;
- a claim that refines a case claim (:func:`kg.extract.similarity.refines`) gets a
  ``refines`` link to it.

An id of the draft that the case uses for something else is renamed (``-2``, ``-3``, ...), so
nothing merges by accident; so is a document id the case already has. A case item the draft
refers to is copied into the draft (id, name or text, kind), because a case file may refer only
to its own ids; the copy says nothing the case does not. The analyst checks every link: each
reused id is noted on its item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.authoring.kinds import CLAIM_KINDS, vocabulary
from kg.extract.actors import ActorRecord
from kg.extract.lexicon import Lexicon
from kg.extract.model import ClaimRecord, Draft
from kg.extract.names import PEOPLE_PLURALS
from kg.extract.similarity import MERGE_THRESHOLD, Words, content_words, refines, similarity
from kg.namespaces import DEFAULT_DATA_BASE
from kg.query_results import solutions

if TYPE_CHECKING:
    from kg.store import KnowledgeStore


@dataclass(frozen=True)
class CaseActor:
    """An actor of the case: its id, name, kind (None if not one the vocabulary names), every
    form it goes by, and whom it acts for."""

    id: str
    name: str
    kind: str | None
    forms: frozenset[str]
    acts_for: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class CaseClaim:
    id: str
    text: str
    kind: str | None


@dataclass
class CaseIndex:
    """What a draft can be aligned to: the ids in use, by section, and the actors and claims."""

    actors: dict[str, CaseActor] = field(default_factory=dict)
    claims: dict[str, CaseClaim] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)  # section -> ids in use

    @classmethod
    def from_store(cls, store: KnowledgeStore, base: str = DEFAULT_DATA_BASE) -> CaseIndex:
        """The actors, claims and ids of everything in ``store`` under ``base``."""
        index = cls()
        for row in solutions(store.query(
                f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"{base}\")) }}")):
            section, _, ident = row["s"].value[len(base):].partition("/")
            if ident and "/" not in ident:
                index.ids.setdefault(section, set()).add(ident)
        kinds = {str(iri): name for name, iri in vocabulary().actor_kinds.items()}
        actor_rows = solutions(store.query(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
            "PREFIX cred: <https://w3id.org/cred-kg/ns#> "
            "SELECT ?a ?name ?type ?alias ?for ?role WHERE { ?a rdfs:label ?name ; a ?type "
            "OPTIONAL { ?a skos:altLabel ?alias } OPTIONAL { ?a cred:actsOnBehalfOf ?for } "
            "OPTIONAL { ?a cred:role ?role } "
            f"FILTER(STRSTARTS(STR(?a), \"{base}actor/\")) }}"))
        found: dict[str, dict] = {}
        for row in actor_rows:
            ident = row["a"].value[len(base) + len("actor/"):]
            entry = found.setdefault(ident, {"name": row["name"].value,
                                             "kind": None, "forms": set(), "for": None,
                                             "role": None})
            entry["kind"] = entry["kind"] or kinds.get(row["type"].value)
            entry["forms"].add(row["name"].value)
            if row["alias"] is not None:
                entry["forms"].add(row["alias"].value)
            if row["role"] is not None:
                entry["role"] = row["role"].value
            target = row["for"]
            if target is not None and target.value.startswith(f"{base}actor/"):
                entry["for"] = target.value[len(base) + len("actor/"):]
        for ident, entry in found.items():
            index.actors[ident] = CaseActor(ident, entry["name"], entry["kind"],
                                            frozenset(_norm(f) for f in entry["forms"]),
                                            entry["for"], entry["role"])
        claim_kinds = {str(iri): name for name, iri in CLAIM_KINDS.items()}
        for row in solutions(store.query(
                "PREFIX cred: <https://w3id.org/cred-kg/ns#> SELECT ?c ?text ?type WHERE { "
                f"?c cred:text ?text ; a ?type FILTER(STRSTARTS(STR(?c), \"{base}claim/\")) }}")):
            ident = row["c"].value[len(base) + len("claim/"):]
            kind = claim_kinds.get(row["type"].value)
            old = index.claims.get(ident)
            index.claims[ident] = CaseClaim(ident, row["text"].value,
                                            kind or (old.kind if old else None))
        return index


# "Ministry of Health", "Ministry for the Interior": the "health ministry" of another paper
_MINISTRY_OF = re.compile(r"^ministry (?:of|for) (?:the )?(.+)$")


def _norm(name: str) -> str:
    name = name.replace("\u2019", "'").strip().lower()
    name = name.removeprefix("the ").strip()
    return _MINISTRY_OF.sub(r"\1 ministry", name)


def _shortened(form: str, by_words: dict[str, set[str]]) -> set[str]:
    """The case actors whose name ``form`` shortens: all its words in the name, the first and
    the last the same ("Eskel health directorate" of "Eskel provincial health directorate").
    A one-word form is no shortening: "Eskel" could be the town, the hospital or the council."""
    words = form.split()
    if len(words) < 2:
        return set()
    return {ident for name, idents in by_words.items() for ident in idents
            if (full := name.split())[0] == words[0] and full[-1] == words[-1]
            and set(words) < set(full)}


# "investigators from the UN mechanism", "a team from the agency", "experts at the institute":
# people of a body, named by it; the people-words before it may be several ("senior officials")
_MEMBERS_OF = re.compile(r"^(?:an? )?((?:[a-z-]+ ){0,2}[a-z-]+) (?:from|at|of|with) (?:the )?(.+)$")
_GROUP_NOUNS = frozenset({"team", "delegation", "panel", "mission", "staff"})


def _named_inside(form: str, by_form: dict[str, set[str]]) -> set[str]:
    """The case actors named at the end of a descriptive phrase ``form`` whose words before
    "from"/"at"/"of"/"with" are people ("investigators", "a team"): "investigators from the
    UN Joint Investigative Mechanism" is the mechanism's voice, as a case names it."""
    match = _MEMBERS_OF.match(form)
    if not match or match.group(1).split()[-1] not in PEOPLE_PLURALS | _GROUP_NOUNS:
        return set()
    return by_form.get(_norm(match.group(2)), set())


def _free(ident: str, taken: set[str]) -> str:
    n = 2
    while f"{ident}-{n}" in taken:
        n += 1
    return f"{ident}-{n}"


def _actor_map(draft: Draft, case: CaseIndex) -> dict[str, str]:
    by_form: dict[str, set[str]] = {}
    for known in case.actors.values():
        for form in known.forms:
            by_form.setdefault(form, set()).add(known.id)
    mapping: dict[str, str] = {}
    for actor in draft.actors:
        named = by_form.get(_norm(actor.name), set())
        others = set().union(*(by_form.get(_norm(a), set()) for a in actor.aliases))
        shorter = set().union(*(_shortened(_norm(f), by_form)
                                for f in (actor.name, *actor.aliases)))
        inside = set().union(*(_named_inside(_norm(f), by_form)
                               for f in (actor.name, *actor.aliases)))
        for candidates in (named, others, inside, {actor.id} & case.actors.keys(), shorter):
            if len(candidates) == 1:
                mapping[actor.id] = next(iter(candidates))
                break
    return mapping


def _claim_map(draft: Draft, case: CaseIndex, lex: Lexicon) -> tuple[dict[str, str],
                                                                       dict[str, list[str]]]:
    """Draft claim id -> the case claim it says, and -> the case claims it refines."""
    case_words = [(c.id, content_words(c.text, lex)) for c in case.claims.values()]
    same: dict[str, str] = {}
    narrower: dict[str, list[str]] = {}
    for claim in draft.claims:
        words = content_words(claim.text, lex)
        best = max(((similarity(words, w), i) for i, w in case_words), default=(0.0, ""))
        if best[0] >= MERGE_THRESHOLD:
            same[claim.id] = best[1]
            continue
        broader = sorted(i for i, w in case_words if _refines(words, w))
        if broader:
            narrower[claim.id] = broader
    return same, narrower


def _refines(narrow: Words, broad: Words) -> bool:
    return bool(narrow.words) and refines(narrow, broad)


def _renamer(mapping: dict[str, str], taken: set[str], own: Iterable[str]) -> dict[str, str]:
    """``mapping`` plus a fresh id for each of ``own`` the case takes for something else."""
    out, own = dict(mapping), list(own)
    used = set(taken) | set(mapping.values()) | set(own)
    for ident in own:
        if ident not in out and ident in taken:
            out[ident] = fresh = _free(ident, used)
            used.add(fresh)
    return out


def align(draft: Draft, case: CaseIndex, lex: Lexicon, *, case_name: str = "the case") -> Draft:
    """``draft`` with the ids of ``case`` wherever an actor or claim is the same (see the
    module's docstring); the draft itself is not changed."""
    matched = _actor_map(draft, case)
    actor_ids = _renamer(matched, case.ids.get("actor", set()), (a.id for a in draft.actors))
    same, narrower = _claim_map(draft, case, lex)
    claim_ids = _renamer(same, case.ids.get("claim", set()), (c.id for c in draft.claims))
    evidence_ids = _renamer({}, case.ids.get("evidence", set()), (e.id for e in draft.evidence))
    a: Callable[[str], str] = lambda i: actor_ids.get(i, i)  # noqa: E731
    c: Callable[[str], str] = lambda i: claim_ids.get(i, i)  # noqa: E731

    actors = _aligned_actors(draft, case, actor_ids, matched, case_name)
    claims = _aligned_claims(draft, case, claim_ids, same, narrower, case_name)
    statements = [replace(s, actor=a(s.actor), claim=c(s.claim) if s.claim else s.claim,
                          relay=[replace(r, outlet=a(r.outlet)) for r in s.relay])
                  for s in draft.statements]
    mentions = [replace(s, actor=a(s.actor), claim=c(s.claim) if s.claim else s.claim)
                for s in draft.mentions]
    evidence = [replace(e, id=evidence_ids.get(e.id, e.id),
                        produced_by=a(e.produced_by) if e.produced_by else None,
                        released_by=a(e.released_by) if e.released_by else None,
                        cited_by=[a(x) for x in e.cited_by],
                        part_of=evidence_ids.get(e.part_of, e.part_of) if e.part_of else None,
                        supports=list(dict.fromkeys(c(x) for x in e.supports)))
                for e in draft.evidence]
    # what the draft now refers to but does not define: the case's own entries, copied
    defined = {x.id for x in actors}
    for ident in sorted({x.acts_for for x in actors if x.acts_for} - defined):
        known = case.actors[ident]
        actors.append(ActorRecord(known.id, known.name, known.kind or "Organization",
                                  mentions=[], confidence=1.0, named=False,
                                  notes=[f"Copied from {case_name}, which it is from; not "
                                         "named in this article."]))
    document = draft.document
    if document.publisher:
        document = replace(document, publisher=a(document.publisher))
    if document.id in case.ids.get("document", set()):
        document = replace(document, id=_free(document.id, case.ids["document"]))
    actors = _without_orphans(actors, draft, statements, evidence, actor_ids)
    return replace(draft, document=document, actors=actors, claims=claims,
                   statements=statements, mentions=mentions, evidence=evidence,
                   overrides=[(a(x), a(y), why) for x, y, why in draft.overrides],
                   comment_requests=[replace(r, by=a(r.by), to=a(r.to))
                                     for r in draft.comment_requests])


def _aligned_actors(draft: Draft, case: CaseIndex, ids: dict[str, str],
                    matched: dict[str, str], case_name: str) -> list[ActorRecord]:
    out: dict[str, ActorRecord] = {}
    for actor in draft.actors:
        ident = ids.get(actor.id, actor.id)
        acts_for = ids.get(actor.acts_for, actor.acts_for) if actor.acts_for else None
        if actor.id in matched:
            known = case.actors[ident]
            forms = [f for f in (actor.name, *actor.aliases) if _norm(f) != _norm(known.name)]
            # an actor has one role: the case's, when it gives one ("chief executive" there,
            # "the company's chief executive" here); this article's wording goes in a note
            notes = [*actor.notes, f"The same actor as {ident} in {case_name}."]
            if known.role and actor.role and actor.role != known.role:
                notes.append(f"This article gives the role as {actor.role!r}.")
            record = replace(actor, id=ident, name=known.name, kind=known.kind or actor.kind,
                             aliases=list(dict.fromkeys(forms)), role=known.role or actor.role,
                             acts_for=known.acts_for or acts_for, notes=notes)
        else:
            record = replace(actor, id=ident, acts_for=acts_for)
        if ident in out:  # two of the draft's actors are one of the case's
            first = out[ident]
            first.aliases = list(dict.fromkeys([*first.aliases, *(
                f for f in (record.name, *record.aliases) if f != first.name)]))
            first.mentions = sorted({*first.mentions, *record.mentions})
            continue
        if record.acts_for == ident:
            record.acts_for = None
        out[ident] = record
    return list(out.values())


def _without_orphans(actors: list[ActorRecord], draft: Draft, statements: list,
                     evidence: list, ids: dict[str, str]) -> list[ActorRecord]:
    """Drop the draft's actors that only the draft's own affiliations named and that nothing
    names now: "a spokesperson for the Ruritanian defence ministry" made an actor
    "Ruritanian" for her to act for, and the case says whom she acts for."""
    def named(records: list[ActorRecord]) -> set[str]:
        found = {s.actor for s in statements} | {r.outlet for s in statements for r in s.relay}
        found |= {x for e in evidence for x in (e.produced_by, e.released_by, *e.cited_by) if x}
        found |= {x for o in draft.overrides for x in o[:2]}
        found |= {x for r in draft.comment_requests for x in (r.by, r.to)}
        found |= {ids.get(p, p) for p in (draft.document.publisher,) if p}
        return found | {a.acts_for for a in records if a.acts_for}

    was_named = {ids.get(a.acts_for, a.acts_for) for a in draft.actors if a.acts_for}
    while True:
        now = named(actors)
        kept = [a for a in actors if a.id in now or a.id not in was_named]
        if len(kept) == len(actors):
            return kept
        actors = kept


def _aligned_claims(draft: Draft, case: CaseIndex, ids: dict[str, str], same: dict[str, str],
                    narrower: dict[str, list[str]], case_name: str) -> list[ClaimRecord]:
    out: dict[str, ClaimRecord] = {}
    for claim in draft.claims:
        ident = ids.get(claim.id, claim.id)
        links = [ids.get(x, x) for x in claim.refines] + narrower.get(claim.id, [])
        if claim.id in same:
            known = case.claims[ident]
            record = replace(claim, id=ident, text=known.text, kind=known.kind or claim.kind,
                             reasons=[*claim.reasons, f"the same claim as {ident} in "
                                      f"{case_name} (the article says: {claim.text!r})"])
        else:
            record = replace(claim, id=ident, reasons=[*claim.reasons, *(
                f"refines {x} in {case_name}" for x in narrower.get(claim.id, []))])
        record.refines = [x for x in dict.fromkeys(links) if x != ident]
        if ident in out:  # two of the draft's claims are one of the case's
            first = out[ident]
            first.spans = sorted({*first.spans, *record.spans})
            first.refines = list(dict.fromkeys([*first.refines, *record.refines]))
            continue
        out[ident] = record
    for ident in sorted({x for r in out.values() for x in r.refines} - out.keys()):
        known = case.claims[ident]
        out[ident] = ClaimRecord(known.id, known.text, known.kind or "factual", confidence=1.0,
                                 reasons=[f"copied from {case_name}: a claim this article "
                                          "refines"])
    return list(out.values())


__all__ = ["CaseActor", "CaseClaim", "CaseIndex", "align"]
