"""Independent source groups: who counts as one source.

Rules, in order:

1. **Affiliation.** Each actor is followed along ``cred:actsOnBehalfOf`` to the top of its
   chain; all actors that reach the same top are one source group. A defence secretary and a
   White House spokesperson are both the US government; a president and his own intelligence
   service are one source.
2. **Independence declarations** (``cred:IndependenceDeclaration``) detach each named actor,
   with the actors that act for it, from its chain: each becomes the head of its own group, and
   so independent of every other group, the rest of its state included. A named actor that acts
   for no one is a head already, and the declaration changes nothing for it.
3. **Dependence declarations** (``cred:DependenceDeclaration``) merge the groups of the named
   actors into one (a state broadcaster and its government).

Each group's ``reasons`` say, in words, what the overrides did to it: which actor an independence
declaration took out of which group (written the same from both sides), and the reason of each
dependence declaration that merged it.

Relays never enter here: an outlet that only reports what others said has no statement of its
own, so it is never a source of a stance. An outlet that speaks in its own voice is a source
like any other, grouped by the same rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from kg.analysis.model import CaseGraph


@dataclass(frozen=True)
class GroupMember:
    """An actor in a group, and why it is there."""

    actor: str
    label: str
    chain: tuple[str, ...]  # labels from the actor to the group's head, by affiliation
    overrides: tuple[str, ...] = ()  # reasons of the overrides that put it here


@dataclass(frozen=True)
class SourceGroup:
    """Actors that count as one independent source."""

    id: str  # the IRI of the group's head
    label: str
    members: tuple[GroupMember, ...]
    reasons: tuple[str, ...] = field(default=())  # what the overrides did to it, in words

    @property
    def actor_iris(self) -> tuple[str, ...]:
        return tuple(m.actor for m in self.members)

    def member(self, actor: str) -> GroupMember:
        """The member record of ``actor``; KeyError if it is not in this group."""
        for member in self.members:
            if member.actor == actor:
                return member
        raise KeyError(actor)


@dataclass(frozen=True)
class SourceGroups:
    """The partition of actors into independent groups."""

    groups: Mapping[str, SourceGroup]
    group_of: Mapping[str, str]  # actor IRI -> group id

    def of(self, actor: str) -> SourceGroup:
        return self.groups[self.group_of[actor]]


@dataclass(frozen=True)
class Separation:
    """An actor that an independence declaration took out of the group it would be in."""

    actor: str  # the label of the actor named in the declaration
    former: str  # the label of the group of the actor it acts for
    kept: bool  # it still counts with that group (merged back, or a loop of affiliation)
    reason: str


def separation_text(separation: Separation) -> str:
    """The sentence that explains a separation, the same in both groups it concerns.

    Example:
        >>> print(separation_text(Separation("Reker", "Arland", False, "Why.")))
        Reker heads a group of its own, no longer part of Arland, by an analyst's override: Why.
    """
    if separation.kept:
        return (f"{separation.actor} was detached from the actor it acts for by an analyst's "
                f"independence override, but still counts with {separation.former} (a "
                f"dependence override or a loop of affiliation keeps it there): "
                f"{separation.reason}")
    return (f"{separation.actor} heads a group of its own, no longer part of "
            f"{separation.former}, by an analyst's override: {separation.reason}")


def override_reasons(
    label: str, separations: Iterable[Separation], merges: Iterable[str]
) -> tuple[str, ...]:
    """A group's ``reasons``: its separations (in the order given), then each dependence
    reason of its members (sorted), in words."""
    texts = [separation_text(s) for s in separations]
    texts += [f"{label} was regrouped by an analyst's override: {r}" for r in sorted(set(merges))]
    return tuple(dict.fromkeys(texts))


def source_groups(case: CaseGraph) -> SourceGroups:
    """Partition the actors of ``case`` into independent source groups.

    Args:
        case: the records read from the store.

    Returns:
        The groups, each with its members and the affiliation chain that put each there.

    Example:
        >>> from kg.analysis.model import Actor, CaseGraph
        >>> case = CaseGraph(actors={
        ...     "us": Actor("us", "United States"),
        ...     "wh": Actor("wh", "White House", acts_for="us"),
        ...     "kirby": Actor("kirby", "John Kirby", acts_for="wh"),
        ...     "austin": Actor("austin", "Lloyd Austin", acts_for="us"),
        ... })
        >>> groups = source_groups(case)
        >>> groups.group_of["kirby"] == groups.group_of["austin"] == "us"
        True
        >>> groups.of("kirby").member("kirby").chain
        ('John Kirby', 'White House', 'United States')
    """
    affiliation = case.affiliation_graph()
    acts_for = {a: p for a, p in affiliation.edges}  # before the declarations detach anyone
    detached: dict[str, list[str]] = {}
    for override in case.overrides:
        if override.independent:
            for actor in override.actors:
                detached.setdefault(actor, []).append(override.reason)
    affiliation.remove_edges_from([(a, p) for a, p in list(affiliation.edges) if a in detached])

    head_of = {actor: _head(affiliation, actor) for actor in affiliation.nodes}

    # Dependence declarations merge heads: the connected components of a graph over heads.
    merged = nx.Graph()
    merged.add_nodes_from(set(head_of.values()))
    merge_reasons: dict[str, list[str]] = {}
    for override in case.overrides:
        if not override.independent:
            heads = sorted({head_of[a] for a in override.actors if a in head_of})
            for other in heads[1:]:
                merged.add_edge(heads[0], other)
            for actor in override.actors:
                merge_reasons.setdefault(actor, []).append(override.reason)
    group_of_head: dict[str, str] = {}
    sizes = Counter(head_of.values())  # members per head, counted once for every component
    for component in nx.connected_components(merged):
        # The head with most members names the group; ties go to the smallest IRI.
        representative = min(component, key=lambda h: (-sizes[h], h))
        for head in component:
            group_of_head[head] = representative

    group_of = {actor: group_of_head[head] for actor, head in head_of.items()}
    members: dict[str, list[GroupMember]] = {}
    for actor in sorted(group_of):
        chain = tuple(case.actors[a].label for a in _chain(affiliation, actor))
        reasons = tuple(detached.get(actor, []) + merge_reasons.get(actor, []))
        members.setdefault(group_of[actor], []).append(
            GroupMember(actor, case.actors[actor].label, chain, reasons)
        )
    labels = {}
    for group_id, group_members in members.items():
        heads = sorted({head_of[m.actor] for m in group_members})
        others = [h for h in heads if h != group_id]
        labels[group_id] = " + ".join(case.actors[h].label for h in [group_id, *others])
    # Each separation concerns two groups: the detached actor's and the one it left.
    separations: dict[str, list[Separation]] = {}
    for actor in sorted(a for a in detached if a in acts_for):
        mine, former = group_of[actor], group_of[acts_for[actor]]
        for reason in detached[actor]:
            record = Separation(case.actors[actor].label, labels[former], mine == former,
                                reason)
            for group_id in dict.fromkeys((mine, former)):
                separations.setdefault(group_id, []).append(record)
    groups = {}
    for group_id, group_members in sorted(members.items()):
        merges = [r for m in group_members for r in merge_reasons.get(m.actor, [])]
        reasons = override_reasons(labels[group_id], separations.get(group_id, []), merges)
        ordered = tuple(sorted(group_members, key=lambda m: (len(m.chain), m.label, m.actor)))
        groups[group_id] = SourceGroup(group_id, labels[group_id], ordered, reasons)
    return SourceGroups(groups=groups, group_of=group_of)


def _chain(affiliation: nx.DiGraph, actor: str) -> list[str]:
    """The actor and the actors it acts for, up to the top; stops at a cycle."""
    chain, seen = [actor], {actor}
    while True:
        parents = sorted(affiliation.successors(chain[-1]))
        if not parents or parents[0] in seen:
            return chain
        chain.append(parents[0])
        seen.add(parents[0])


def _head(affiliation: nx.DiGraph, actor: str) -> str:
    """The top of the actor's chain. In a cycle (which the shapes refuse, but raw data may
    hold) every actor of the cycle gets the same head: its smallest IRI."""
    chain = _chain(affiliation, actor)
    last = chain[-1]
    parents = sorted(affiliation.successors(last))
    if parents and parents[0] in chain:
        return min(chain[chain.index(parents[0]):])
    return last


__all__ = ["GroupMember", "Separation", "SourceGroup", "SourceGroups", "override_reasons",
           "separation_text", "source_groups"]
