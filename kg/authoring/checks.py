"""Pass 3 of the compiler: what needs the vocabulary or the rest of the file: kinds, stances,
settings, references between entries, affiliation and refinement cycles, duplicate ids."""

from __future__ import annotations

from typing import Any

from rdflib import URIRef

from kg.authoring.kinds import CLAIM_KINDS, STANCES, Vocabulary
from kg.authoring.problems import suggest
from kg.authoring.schema import FORMAT_VERSION, CaseSpec
from kg.authoring.yamltree import Path as YamlPath
from kg.authoring.yamltree import PositionedDocument, dotted_path
from kg.errors import AuthoringError
from kg.namespaces import DEFAULT_DATA_BASE


class CaseChecker:
    """Checks everything that needs the vocabulary or other entries of the file."""

    def __init__(self, doc: PositionedDocument, spec: CaseSpec, vocab: Vocabulary) -> None:
        self.doc = doc
        self.spec = spec
        self.base = spec.base or DEFAULT_DATA_BASE
        self.problems: list[AuthoringError] = []
        self.actor_kinds = dict(vocab.actor_kinds)
        self.evidence_kinds = dict(vocab.evidence_kinds)
        self.settings = dict(vocab.settings)
        self.statement_ids: list[str] = []

    def iri(self, section: str, ident: str) -> URIRef:
        return URIRef(f"{self.base}{section}/{ident}")

    def problem(self, path: YamlPath, message: str, **kwargs: Any) -> None:
        self.problems.append(
            AuthoringError(
                message, location=self.doc.location(path), term=dotted_path(path), **kwargs
            )
        )

    def run(self) -> None:
        spec = self.spec
        if spec.format != FORMAT_VERSION:
            self.problem(("format",), f"unknown format {spec.format!r}",
                         expected=repr(FORMAT_VERSION))
        if spec.base is not None and not (
            spec.base.startswith(("http://", "https://", "urn:"))
            and spec.base.endswith(("/", "#", ":"))
            and not any(c in spec.base for c in ' <>"{}|\\^`')
        ):
            self.problem(("base",), f"{spec.base!r} is not a usable base IRI",
                         expected="an absolute http(s) or urn IRI ending in '/', '#' or ':'")
        self._extensions()
        actors = self._unique("actors", [a.id for a in spec.actors])
        claims = self._unique("claims", [c.id for c in spec.claims])
        evidence = self._unique("evidence", [e.id for e in spec.evidence])
        self._document(actors)
        self._actors(actors)
        self._claims(claims)
        self._statements(actors, claims)
        self._evidence(actors, claims, evidence)
        self._overrides(actors)
        for i, request in enumerate(spec.comment_requests):
            self._ref(("comment_requests", i, "by"), request.by, actors, "actor")
            self._ref(("comment_requests", i, "to"), request.to, actors, "actor")

    def _extensions(self) -> None:
        ext = self.spec.extend
        for section, table, root_table in (
            ("actor_kinds", self.actor_kinds, self.actor_kinds),
            ("evidence_kinds", self.evidence_kinds, self.evidence_kinds),
        ):
            for i, kind in enumerate(getattr(ext, section)):
                path: YamlPath = ("extend", section, i)
                if kind.id in table:
                    self.problem((*path, "id"), f"kind {kind.id!r} already exists")
                    continue
                if kind.parent not in root_table:
                    self.problem((*path, "parent"), f"unknown parent kind {kind.parent!r}",
                                 expected="one of " + ", ".join(sorted(root_table)),
                                 suggestions=suggest(kind.parent, root_table))
                table[kind.id] = self.iri("kind", kind.id)
                if section == "actor_kinds" and kind.reliability_prior is not None:
                    self.problem((*path, "reliability_prior"),
                                 "reliability priors belong to evidence kinds only")
        for i, setting in enumerate(ext.settings):
            if setting.id in self.settings:
                self.problem(("extend", "settings", i, "id"),
                             f"setting {setting.id!r} already exists")
            self.settings[setting.id] = self.iri("setting", setting.id)

    def _unique(self, section: str, ids: list[str]) -> set[str]:
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                self.problem((section, i, "id"), f"duplicate id {ident!r} in {section}")
            seen.add(ident)
        return seen

    def _ref(self, path: YamlPath, value: str | None, known: set[str], what: str) -> None:
        if value is None or value in known:
            return
        self.problem(
            path,
            f"no {what} with id {value!r} in this file",
            expected=f"one of {', '.join(sorted(known))}" if known and len(known) <= 12
            else f"the id of an entry under {what if what == 'evidence' else what + 's'}",
            suggestions=suggest(value, known),
        )

    def _choice(self, path: YamlPath, value: str, options: dict[str, Any], what: str) -> None:
        if value not in options:
            self.problem(path, f"{value!r} is not {what}",
                         expected="one of " + ", ".join(options),
                         suggestions=suggest(value, options))

    def _document(self, actors: set[str]) -> None:
        self._ref(("document", "publisher"), self.spec.document.publisher, actors, "actor")

    def _actors(self, actors: set[str]) -> None:
        parent: dict[str, str] = {}
        for i, actor in enumerate(self.spec.actors):
            self._choice(("actors", i, "kind"), actor.kind, self.actor_kinds, "an actor kind")
            self._ref(("actors", i, "acts_for"), actor.acts_for, actors, "actor")
            if actor.acts_for == actor.id:
                self.problem(("actors", i, "acts_for"), "an actor cannot act on behalf of itself")
            elif actor.acts_for:
                parent[actor.id] = actor.acts_for
        index = {a.id: i for i, a in enumerate(self.spec.actors)}
        reported: set[frozenset[str]] = set()
        for start in parent:
            chain = [start]
            while chain[-1] in parent and parent[chain[-1]] not in chain:
                chain.append(parent[chain[-1]])
            if chain[-1] in parent and parent[chain[-1]] in chain:
                cycle = chain[chain.index(parent[chain[-1]]):]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    self.problem(("actors", index[cycle[0]], "acts_for"),
                                 "affiliation cycle: " + " -> ".join([*cycle, cycle[0]]))

    def _claims(self, claims: set[str]) -> None:
        broader: dict[str, list[str]] = {}
        for i, claim in enumerate(self.spec.claims):
            self._choice(("claims", i, "kind"), claim.kind, CLAIM_KINDS, "a claim kind")
            for field_name in ("refines", "contradicts"):
                for j, other in enumerate(getattr(claim, field_name)):
                    path: YamlPath = ("claims", i, field_name, j)
                    self._ref(path, other, claims, "claim")
                    if other == claim.id:
                        self.problem(path, f"a claim cannot be in '{field_name}' of itself")
            broader[claim.id] = [c for c in claim.refines if c != claim.id]
        index = {c.id: i for i, c in enumerate(self.spec.claims)}
        for start in broader:
            if self._reaches(broader, start, start):
                self.problem(("claims", index[start], "refines"),
                             f"refinement cycle through {start!r}: a claim cannot be a special "
                             "case of its own special case")
        # The shapes' Claim-refines-contradiction: contradiction is symmetric and refinement
        # transitive, so this needs the whole file; checked here to point at the line.
        contradicts: dict[str, set[str]] = {}
        for claim in self.spec.claims:
            for other in claim.contradicts:
                contradicts.setdefault(claim.id, set()).add(other)
                contradicts.setdefault(other, set()).add(claim.id)
        for start in broader:
            for other in sorted(contradicts.get(start, set()) - {start}):
                if self._reaches(broader, start, other):
                    self.problem(("claims", index[start], "refines"),
                                 f"{start!r} refines {other!r} (directly or through a chain) "
                                 "and contradicts it; a claim cannot contradict its broader "
                                 "claim, since both can be true")

    @staticmethod
    def _reaches(edges: dict[str, list[str]], start: str, target: str) -> bool:
        stack, seen = list(edges.get(start, ())), set()
        while stack:
            node = stack.pop()
            if node == target:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(edges.get(node, ()))
        return False

    def _statements(self, actors: set[str], claims: set[str]) -> None:
        used: dict[str, int] = {}
        explicit = {s.id for s in self.spec.statements if s.id}
        for i, statement in enumerate(self.spec.statements):
            path: YamlPath = ("statements", i)
            self._ref((*path, "actor"), statement.actor, actors, "actor")
            self._ref((*path, "claim"), statement.claim, claims, "claim")
            self._choice((*path, "stance"), statement.stance, STANCES, "a stance")
            if statement.setting is not None:
                self._choice((*path, "setting"), statement.setting, self.settings, "a setting")
            for j, step in enumerate(statement.relay):
                self._ref((*path, "relay", j, "outlet"), step.outlet, actors, "actor")
            ident = statement.id or f"{statement.actor}--{statement.claim}"
            if statement.id is None:
                # Number repeated default ids so that two statements by one actor on one
                # claim (on different days, say) stay two statements.
                while ident in used or (ident in explicit and used.get(ident) is not None):
                    used[ident] = used.get(ident, 1) + 1
                    ident = f"{statement.actor}--{statement.claim}-{used[ident]}"
            elif ident in used:
                self.problem((*path, "id"), f"duplicate statement id {ident!r}")
            used.setdefault(ident, 1)
            self.statement_ids.append(ident)

    def _evidence(self, actors: set[str], claims: set[str], evidence: set[str]) -> None:
        for i, item in enumerate(self.spec.evidence):
            path: YamlPath = ("evidence", i)
            self._choice((*path, "kind"), item.kind, self.evidence_kinds, "an evidence kind")
            for name in ("produced_by", "released_by"):
                self._ref((*path, name), getattr(item, name), actors, "actor")
            for j, actor in enumerate(item.cited_by):
                self._ref((*path, "cited_by", j), actor, actors, "actor")
            self._ref((*path, "part_of"), item.part_of, evidence, "evidence")
            if item.part_of == item.id:
                self.problem((*path, "part_of"), "evidence cannot be part of itself")
            for name in ("supports", "disputes"):
                for j, claim in enumerate(getattr(item, name)):
                    self._ref((*path, name, j), claim, claims, "claim")
            both = set(item.supports) & set(item.disputes)
            if both:
                self.problem(path, f"evidence both supports and disputes {sorted(both)}")

    def _overrides(self, actors: set[str]) -> None:
        for i, override in enumerate(self.spec.independence):
            for j, actor in enumerate(override.actors):
                self._ref(("independence", i, "actors", j), actor, actors, "actor")
            if len(set(override.actors)) < 2:
                self.problem(("independence", i, "actors"),
                             "an override names at least two different actors")


__all__ = ["CaseChecker"]
