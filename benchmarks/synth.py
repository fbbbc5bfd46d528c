"""Synthetic data in the cred vocabulary, for benchmarks: deterministic, streamed, any size.

The shape follows the seed case: states at the top of affiliation trees, government bodies and
agencies under them, people under those; outlets that relay; claims with some refinements;
statements that mostly affirm, some deny, some hedge; evidence with producers. Every file is
valid against ``ontology/shapes.ttl``.

Usage::

    python benchmarks/synth.py --triples 1000000 -o /tmp/synth-1m.nt
    python benchmarks/synth.py --statements 50000 --claims 5000 --actors 800 -o out.nt
    python benchmarks/synth.py --triples 100000 --deny-share 0.3 --hedge-share 0.1 \
        --states 5 --independent-share 0.5 --max-depth 2 -o contested.nt

Every count and share is a parameter (``--help``): states (the top of the affiliation trees,
one source group each), actors, outlets, claims, statements, evidence, documents, the shares
of denials, hedges, refinements and relays, the share of independent actors and the depth
of the affiliation trees (the group structure).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CRED = "https://w3id.org/cred-kg/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "https://w3id.org/cred-kg/synth/"

#: All triples generated divided by the statements, as measured at the default proportions;
#: used to size a dataset from a triple count.
TRIPLES_PER_STATEMENT = 9.75


@dataclass(frozen=True)
class SynthConfig:
    """What to generate. Counts are exact; shares are probabilities per item."""

    states: int = 20
    actors: int = 2_000
    outlets: int = 40
    claims: int = 10_000
    statements: int = 80_000
    evidence: int = 5_000
    documents: int = 200
    deny_share: float = 0.12
    hedge_share: float = 0.08
    refine_share: float = 0.2
    relay_share: float = 0.6
    seed: int = 7
    #: Share of the actors below the states that act for no one (NGOs, companies): each is a
    #: source group of its own. ``None``: every fifth actor, as before this field existed.
    independent_share: float | None = None
    #: Most levels of "acts on behalf of" above a person or body (a state is level 0);
    #: ``None``: no limit, as before this field existed.
    max_depth: int | None = None

    @classmethod
    def for_triples(cls, triples: int, seed: int = 7) -> SynthConfig:
        """A configuration that yields about ``triples`` triples, in the seed's proportions."""
        statements = max(10, int(triples / TRIPLES_PER_STATEMENT))
        return cls(
            states=max(3, min(200, statements // 4000)),
            actors=max(20, statements // 40),
            outlets=max(3, min(400, statements // 2000)),
            claims=max(10, statements // 8),
            statements=statements,
            evidence=max(5, statements // 16),
            documents=max(1, statements // 400),
            seed=seed,
        )


def _iri(kind: str, n: int) -> str:
    return f"<{BASE}{kind}/{n}>"


def _lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"^^<{datatype}>" if datatype else "")


def generate(config: SynthConfig) -> Iterator[str]:
    """N-Triples lines, one triple each (with its newline), in a fixed order."""
    if config.max_depth is not None and config.max_depth < 1:
        raise ValueError("max_depth must be at least 1 (states are level 0)")
    rng = random.Random(config.seed)
    t, c = f"<{RDF_TYPE}>", CRED
    docs = [_iri("document", d) for d in range(config.documents)]
    outlets = [_iri("outlet", o) for o in range(config.outlets)]
    for o, outlet in enumerate(outlets):
        yield f"{outlet} {t} <{c}NewsOutlet> .\n"
        yield f"{outlet} <{RDFS_LABEL}> {_lit(f'Outlet {o}')} .\n"
    for d, doc in enumerate(docs):
        yield f"{doc} {t} <{c}SourceDocument> .\n"
        yield f"{doc} <{DCT}title> {_lit(f'Report {d}')} .\n"
        yield f"{doc} <{c}publishedBy> {outlets[d % len(outlets)]} .\n"
    # Affiliation forest: states, then bodies under states, then people under bodies.
    kinds = ["GovernmentBody", "IntelligenceAgency", "Person", "Person", "Organization"]
    actors = []
    depth: list[int] = []
    # A separate generator, so that the defaults give the same data as before these options.
    shape_rng = random.Random(config.seed + 1)
    for a in range(config.actors):
        actor = _iri("actor", a)
        actors.append(actor)
        level = 0
        if a < config.states:
            kind, parent = "State", None
        else:
            kind = kinds[a % len(kinds)]
            if config.independent_share is not None:
                independent = shape_rng.random() < config.independent_share
                kind = "Organization" if independent else kinds[a % (len(kinds) - 1)]
            if kind == "Organization":
                parent = None  # independent organisations: NGOs, companies
            else:
                index = rng.randrange(0, min(a, config.states + (a // 3)))
                if config.max_depth is not None:
                    # Too deep: hang it under a state instead (depth 0, so max_depth >= 1 ends).
                    while depth[index] >= config.max_depth:
                        index = shape_rng.randrange(0, config.states)
                parent = actors[index]
                level = depth[index] + 1
        depth.append(level if parent else 0)
        yield f"{actor} {t} <{c}{kind}> .\n"
        yield f"{actor} <{RDFS_LABEL}> {_lit(f'{kind} {a}')} .\n"
        if parent:
            yield f"{actor} <{c}actsOnBehalfOf> {parent} .\n"
    claims = [_iri("claim", n) for n in range(config.claims)]
    for n, claim in enumerate(claims):
        yield f"{claim} {t} <{c}FactualClaim> .\n"
        yield f"{claim} <{c}text> {_lit(f'Claim number {n} is the case.')} .\n"
        yield f"{claim} <{c}appearsIn> {docs[n % len(docs)]} .\n"
        if n and rng.random() < config.refine_share:
            # Refine an earlier claim only, so refinement never forms a cycle.
            yield f"{claim} <{c}refines> {claims[rng.randrange(0, n)]} .\n"
    speakers = actors[config.states:] or actors
    for s in range(config.statements):
        statement = _iri("statement", s)
        roll = rng.random()
        stance = ("Denies" if roll < config.deny_share
                  else "Hedges" if roll < config.deny_share + config.hedge_share
                  else "Affirms")
        # A skewed choice of claims: a few claims draw many statements, as in real coverage.
        claim = claims[min(int(rng.paretovariate(1.2)) - 1, len(claims) - 1)
                       if rng.random() < 0.3 else rng.randrange(len(claims))]
        doc = docs[s % len(docs)]
        yield f"{statement} {t} <{c}Statement> .\n"
        yield f"{statement} <{c}statedBy> {speakers[rng.randrange(len(speakers))]} .\n"
        yield f"{statement} <{c}about> {claim} .\n"
        yield f"{statement} <{c}stance> <{c}{stance}> .\n"
        yield f"{statement} <{c}inDocument> {doc} .\n"
        day = 1 + s % 28
        yield f"{statement} <{DCT}date> {_lit(f'2024-10-{day:02d}', XSD + 'date')} .\n"
        if rng.random() < config.relay_share:
            report = f"<{BASE}statement/{s}/relay/0>"
            yield f"{statement} <{c}reportedIn> {report} .\n"
            yield f"{report} {t} <{c}Report> .\n"
            yield f"{report} <{c}relays> {statement} .\n"
            yield f"{report} <{c}reportedBy> {outlets[rng.randrange(len(outlets))]} .\n"
            yield (f"{report} <{c}relayPosition> "
                   f"{_lit('0', XSD + 'integer')} .\n")
    evidence_kinds = ["SatelliteImagery", "Photograph", "Document", "Video", "Testimony"]
    for e in range(config.evidence):
        item = _iri("evidence", e)
        yield f"{item} {t} <{c}{evidence_kinds[e % len(evidence_kinds)]}> .\n"
        yield f"{item} <{DCT}description> {_lit(f'Evidence item {e}')} .\n"
        yield f"{item} <{c}producedBy> {actors[rng.randrange(len(actors))]} .\n"
        yield f"{item} <{c}supports> {claims[rng.randrange(len(claims))]} .\n"


def write(config: SynthConfig, path: Path) -> int:
    """Write the dataset as N-Triples to ``path``; returns the number of triples."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for line in generate(config):
            out.write(line)
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--triples", type=int, help="size the data for about this many triples")
    for name, default in SynthConfig.__dataclass_fields__.items():
        if name != "seed":
            # Fields whose default is None take the type of their annotation.
            kind = type(default.default) if default.default is not None else (
                float if "float" in str(default.type) else int)
            parser.add_argument(f"--{name.replace('_', '-')}", type=kind, default=None)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    config = SynthConfig.for_triples(args.triples, args.seed) if args.triples else SynthConfig(
        seed=args.seed)
    overrides = {name: getattr(args, name) for name in SynthConfig.__dataclass_fields__
                 if name != "seed" and getattr(args, name, None) is not None}
    if overrides:
        config = SynthConfig(**{**config.__dict__, **overrides})
    count = write(config, args.output)
    print(f"wrote {count:,} triples to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
