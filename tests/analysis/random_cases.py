"""Random case graphs for the cross-checks of the fast analysis against the reference.

Each graph mixes what the rules care about: affiliation chains (with a cycle now and then, which
the shapes refuse but raw data may hold), refinement chains and diamonds (and a cycle now and
then), contradictions (symmetric, to itself, between a claim and its broader claim), forecasts,
all three stances, statements that name one claim with two stances, evidence with and without
owners, strong and weak, and independence and dependence declarations.
"""

from __future__ import annotations

import numpy as np

from kg.analysis.model import Actor, CaseGraph, Claim, Evidence, Override, Relay, Statement

KINDS = ("FactualClaim", "Forecast", "PolicyPosition", "ConditionalClaim")


def random_case(seed: int, *, actors: int = 30, claims: int = 25, statements: int = 120,
                evidence: int = 15, chain: int = 0) -> CaseGraph:
    """A random :class:`CaseGraph`; ``chain`` adds a refinement chain of that length."""
    rng = np.random.default_rng(seed)
    a_ids = [f"a{i:03d}" for i in range(actors)]
    acts_for: dict[str, str | None] = {}
    for i, a in enumerate(a_ids):
        roll = rng.random()
        if i and roll < 0.55:
            acts_for[a] = a_ids[int(rng.integers(0, i))]
        elif i and roll < 0.58:
            acts_for[a] = a_ids[int(rng.integers(0, actors))]  # may close a cycle
        else:
            acts_for[a] = None
    n_claims = claims + chain
    c_ids = [f"c{i:03d}" for i in range(n_claims)]
    refines: dict[str, set[str]] = {c: set() for c in c_ids}
    for i, c in enumerate(c_ids[:claims]):
        if i and rng.random() < 0.45:
            refines[c].add(c_ids[int(rng.integers(0, i))])
        if i > 1 and rng.random() < 0.1:
            refines[c].add(c_ids[int(rng.integers(0, i))])  # diamonds
        if rng.random() < 0.02:
            refines[c].add(c_ids[int(rng.integers(0, claims))])  # may close a cycle
    for j in range(claims, n_claims):
        refines[c_ids[j]].add(c_ids[j - 1])
    contradicts: dict[str, set[str]] = {c: set() for c in c_ids}
    for _ in range(max(1, n_claims // 8)):
        x, y = rng.integers(0, n_claims, 2)
        contradicts[c_ids[int(x)]].add(c_ids[int(y)])  # x == y: contradicts itself
    for c in c_ids:
        for b in list(refines[c]):
            if rng.random() < 0.05:
                contradicts[c].add(b)  # a claim that contradicts its broader claim
    # The reader makes contradiction symmetric; records carry both directions.
    for c in c_ids:
        for o in list(contradicts[c]):
            contradicts[o].add(c)
    kinds = {c: (KINDS[int(rng.integers(0, 4))],) if rng.random() < 0.15 else ("FactualClaim",)
             for c in c_ids}
    stances = np.array(["affirms", "denies", "hedges"])
    records = []
    hot = rng.integers(0, n_claims, 3)
    for s in range(statements):
        actor = a_ids[int(rng.integers(0, actors))]
        claim = c_ids[int(hot[rng.integers(0, 3)] if rng.random() < 0.3
                          else rng.integers(0, n_claims))]
        stance = str(stances[rng.choice(3, p=[0.65, 0.22, 0.13])])
        relays = tuple(Relay(a_ids[int(rng.integers(0, actors))], 0)
                       for _ in range(int(rng.random() < 0.2)))
        records.append(Statement(f"s{s:04d}", actor, claim, stance, relays=relays))  # type: ignore[arg-type]
    items = []
    for e in range(evidence):
        owners = tuple(sorted({a_ids[int(rng.integers(0, actors))]
                               for _ in range(int(rng.integers(0, 3)))}))
        supports = tuple(sorted({c_ids[int(rng.integers(0, n_claims))]
                                 for _ in range(int(rng.integers(0, 3)))}))
        disputes = tuple(sorted({c_ids[int(rng.integers(0, n_claims))]
                                 for _ in range(int(rng.random() < 0.3))}))
        prior = float(rng.choice([0.5, 0.6, 0.7, 0.8, 0.9]))
        items.append(Evidence(f"e{e:03d}", f"E{e}", ("Evidence",), prior,
                              producers=owners[:1], releasers=owners[1:], supports=supports,
                              disputes=disputes))
    overrides = []
    for o in range(int(rng.integers(0, 4))):
        members = tuple(sorted({a_ids[int(rng.integers(0, actors))] for _ in range(3)}))
        if len(members) >= 2:
            overrides.append(Override(f"o{o}", members, bool(rng.random() < 0.5), f"reason {o}"))
    used_actors = set(a_ids)
    return CaseGraph(
        actors={a: Actor(a, a.upper(), acts_for=acts_for[a]) for a in sorted(used_actors)},
        claims={c: Claim(c, f"Claim {c}.", kinds=kinds[c], refines=tuple(sorted(refines[c])),
                         contradicts=tuple(sorted(contradicts[c]))) for c in c_ids},
        statements=sorted(records, key=lambda s: s.iri),
        evidence=items,
        overrides=sorted(overrides, key=lambda o: o.iri),
    )


BASE = "https://example.org/r/"
CRED = "https://w3id.org/cred-kg/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DATE = "http://purl.org/dc/terms/date"


def as_iris(case: CaseGraph) -> CaseGraph:
    """The same graph with every id made an absolute IRI (as a store needs them)."""

    def iri(x: str) -> str:
        return BASE + x

    return CaseGraph(
        actors={iri(a.iri): Actor(iri(a.iri), a.label, a.kinds,
                                  iri(a.acts_for) if a.acts_for else None)
                for a in case.actors.values()},
        claims={iri(c.iri): Claim(iri(c.iri), c.text, c.kinds, tuple(map(iri, c.refines)),
                                  tuple(map(iri, c.contradicts)))
                for c in case.claims.values()},
        statements=[Statement(iri(s.iri), iri(s.actor), iri(s.claim), s.stance,
                              relays=tuple(Relay(iri(r.outlet), r.position) for r in s.relays))
                    for s in case.statements],
        evidence=[Evidence(iri(e.iri), e.label, e.kinds, e.prior, tuple(map(iri, e.producers)),
                           tuple(map(iri, e.releasers)), (), tuple(map(iri, e.supports)),
                           tuple(map(iri, e.disputes))) for e in case.evidence],
        overrides=[Override(iri(o.iri), tuple(map(iri, o.actors)), o.independent, o.reason)
                   for o in case.overrides],
    )


def case_triples(case: CaseGraph, seed: int = 0) -> list[tuple[str, str, str]]:
    """N-Triples-like ``(s, p, o)`` rows for a graph of :func:`as_iris`, in the cred vocabulary,
    plus what only a store can hold: untyped actors, an implicit affiliation, a statement with
    two stances and one about two claims, an untyped outlet, evidence only cited."""
    rng = np.random.default_rng(seed)
    out: list[tuple[str, str, str]] = []

    def add(s: str, p: str, o: str) -> None:
        out.append((s, p, o))

    kinds = ["Person", "GovernmentBody", "NewsOutlet", "State"]
    for a in case.actors.values():
        if rng.random() < 0.85:
            add(f"<{a.iri}>", f"<{RDF_TYPE}>", f"<{CRED}{kinds[int(rng.integers(0, 4))]}>")
        if rng.random() < 0.9:
            add(f"<{a.iri}>", f"<{LABEL}>", f'"{a.label}"')
        if a.acts_for:
            add(f"<{a.iri}>", f"<{CRED}actsOnBehalfOf>", f"<{a.acts_for}>")
    # An affiliation to an actor that is nothing else (named by its IRI's last segment).
    first = sorted(case.actors)[0]
    add(f"<{first}x>", f"<{CRED}actsOnBehalfOf>", f"<{BASE}implicit-parent>")
    add(f"<{BASE}implicit-parent>", f"<{LABEL}>", '"Not read"')
    for c in case.claims.values():
        for kind in c.kinds:
            add(f"<{c.iri}>", f"<{RDF_TYPE}>", f"<{CRED}{kind}>")
        add(f"<{c.iri}>", f"<{CRED}text>", f'"{c.text}"')
        for b in c.refines:
            add(f"<{c.iri}>", f"<{CRED}refines>", f"<{b}>")
        for o in c.contradicts:
            if o >= c.iri:  # one direction only: the reader makes it symmetric
                add(f"<{c.iri}>", f"<{CRED}contradicts>", f"<{o}>")
    stance_iri = {"affirms": "Affirms", "denies": "Denies", "hedges": "Hedges"}
    for n, s in enumerate(case.statements):
        add(f"<{s.iri}>", f"<{RDF_TYPE}>", f"<{CRED}Statement>")
        add(f"<{s.iri}>", f"<{CRED}statedBy>", f"<{s.actor}>")
        add(f"<{s.iri}>", f"<{CRED}about>", f"<{s.claim}>")
        add(f"<{s.iri}>", f"<{CRED}stance>", f"<{CRED}{stance_iri[s.stance]}>")
        if n % 3 == 0:
            add(f"<{s.iri}>", f"<{DATE}>", f'"2024-10-0{1 + n % 9}"')
            add(f"<{s.iri}>", f"<{CRED}quote>", f'"quote \\"{n}\\"\\twith a tab"')
        for r in s.relays:
            rel = f"<{s.iri}/relay/{r.position}>"
            add(rel, f"<{CRED}relays>", f"<{s.iri}>")
            add(rel, f"<{CRED}reportedBy>", f"<{r.outlet}>")
            add(rel, f"<{CRED}relayPosition>", f'"{r.position}"')
    statements = case.statements
    if statements:
        two = statements[0]
        add(f"<{two.iri}>", f"<{CRED}stance>", f"<{CRED}Denies>")  # a second stance
        add(f"<{two.iri}>", f"<{CRED}stance>", f"<{CRED}Hedges>")
        other = sorted(case.claims)[-1]
        add(f"<{statements[-1].iri}>", f"<{CRED}about>", f"<{other}>")  # a second claim
        add(f"<{BASE}odd-relay>", f"<{CRED}relays>", f"<{statements[-1].iri}>")
        add(f"<{BASE}odd-relay>", f"<{CRED}reportedBy>", f"<{BASE}untyped-outlet>")
        add(f"<{BASE}dead-relay>", f"<{CRED}reportedBy>", f"<{BASE}silent-outlet>")
        add(f"<{BASE}no-stance>", f"<{CRED}statedBy>", f"<{first}>")
        add(f"<{BASE}no-stance>", f"<{CRED}about>", f"<{other}>")
        add(f"<{BASE}bad-stance>", f"<{CRED}statedBy>", f"<{first}>")
        add(f"<{BASE}bad-stance>", f"<{CRED}about>", f"<{other}>")
        add(f"<{BASE}bad-stance>", f"<{CRED}stance>", f"<{CRED}Shrugs>")
    ev_kinds = ["Photograph", "SatelliteImagery", "Document", "Testimony"]
    for e in case.evidence:
        if rng.random() < 0.8:
            add(f"<{e.iri}>", f"<{RDF_TYPE}>", f"<{CRED}{ev_kinds[int(rng.integers(0, 4))]}>")
        add(f"<{e.iri}>", f"<{LABEL}>", f'"{e.label}"')
        for a in e.producers:
            add(f"<{e.iri}>", f"<{CRED}producedBy>", f"<{a}>")
        for a in e.releasers:
            add(f"<{e.iri}>", f"<{CRED}releasedBy>", f"<{a}>")
        for c in e.supports:
            add(f"<{e.iri}>", f"<{CRED}supports>", f"<{c}>")
        for c in e.disputes:
            add(f"<{e.iri}>", f"<{CRED}disputes>", f"<{c}>")
    add(f"<{BASE}cited-only>", f"<{CRED}citedBy>", f"<{BASE}citing-actor>")
    add(f"<{BASE}cited-only>", f"<{RDF_TYPE}>", f"<{CRED}Document>")
    for o in case.overrides:
        kind = "IndependenceDeclaration" if o.independent else "DependenceDeclaration"
        add(f"<{o.iri}>", f"<{RDF_TYPE}>", f"<{CRED}{kind}>")
        for a in o.actors:
            add(f"<{o.iri}>", f"<{CRED}concernsActor>", f"<{a}>")
        add(f"<{o.iri}>", f"<{CRED}reason>", f'"{o.reason}"')
    return out


def store_of_case(case: CaseGraph, seed: int = 0, *, one_graph: bool = False):
    """A pyoxigraph store holding :func:`case_triples`, split over two named graphs; one triple
    in five is in both, so the union of the graphs repeats its solutions. ``one_graph``: all
    in the default graph instead."""
    import pyoxigraph as ox

    rows = case_triples(as_iris(case), seed)
    text = "".join(
        f"{s} {p} {o}{'' if one_graph else f' <{BASE}graph/{g}>'} .\n"
        for i, (s, p, o) in enumerate(rows)
        for g in ((0,) if one_graph else (0, 1) if i % 5 == 0 else (i % 2,))
    )
    store = ox.Store()
    store.load(text.encode(), format=ox.RdfFormat.N_QUADS)
    return store
